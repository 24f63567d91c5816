"""Reading plans and accounts' ledgers."""

from __future__ import annotations

from billing.models import Account, CreditEntry, Plan


def credit_entries_recent(*, account: Account, limit: int) -> list[CreditEntry]:
    """The account's newest ledger lines, newest first."""
    return list(CreditEntry.objects.filter(account=account).order_by("-id")[:limit])


def plan_for_signup() -> Plan:
    """The plan a new account starts on (the one `account_create` gives by default)."""
    return Plan.objects.get(code=Plan.STARTER)


def account_get_by_email(*, email: str) -> Account | None:
    """The account whose user has this email (any case), for commands run by operators."""
    return Account.objects.select_related("user", "plan").filter(user__email__iexact=email.strip()).first()
