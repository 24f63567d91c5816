"""Reading plans and accounts' ledgers."""

from __future__ import annotations

from billing.models import Account, CreditEntry


def credit_entries_recent(*, account: Account, limit: int) -> list[CreditEntry]:
    """The account's newest ledger lines, newest first."""
    return list(CreditEntry.objects.filter(account=account).order_by("-id")[:limit])
