"""Reading plans and accounts' ledgers."""

from __future__ import annotations

from billing.models import Account, ApiKey, CreditEntry, CreditRequest


def credit_entries_recent(*, account: Account, limit: int) -> list[CreditEntry]:
    """The account's newest ledger lines, newest first."""
    return list(CreditEntry.objects.filter(account=account).order_by("-id")[:limit])


def credit_requests_recent(*, account: Account, limit: int) -> list[CreditRequest]:
    """The account's newest credit requests, newest first."""
    return list(CreditRequest.objects.filter(account=account).order_by("-created_at", "-id")[:limit])


def api_key_active_for_account(*, account: Account, api_key_id: object) -> ApiKey | None:
    """One of the account's keys that is not revoked, or None (another account's key too)."""
    try:
        return ApiKey.objects.filter(pk=int(api_key_id), account=account, revoked_at__isnull=True).first()
    except (TypeError, ValueError):
        return None


def account_get_by_email(*, email: str) -> Account | None:
    """The account whose user has this email (any case), for commands run by operators."""
    return Account.objects.select_related("user", "plan").filter(user__email__iexact=email.strip()).first()
