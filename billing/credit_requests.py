"""Write operations on credit requests: an author asks for credits, staff grant or decline.

Kept beside `billing.services` (which it calls to grant) so that module stays one concept: the
ledger. A grant is an ordinary overage grant whose ledger memo names the request, so the author's
ledger line reads as what it was.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from billing.models import Account, CreditRequest
from billing.services import account_lock, credits_grant_overage
from billing.specs import CREDIT_REQUEST_AMOUNT, CREDIT_REQUEST_MESSAGE
from byc_site.errors import ApplicationError

# An author cannot stack requests: one open at a time, staff answer it first.
OPEN_REQUESTS_MAX = 1


def credit_request_create(*, account: Account, amount: object, message: str = "") -> CreditRequest:
    """Ask staff for `amount` credits. 400 for a bad amount or message; 409 while one is still open."""
    amount = CREDIT_REQUEST_AMOUNT.check(amount)
    message = message.strip()
    CREDIT_REQUEST_MESSAGE.check_length(message)
    with transaction.atomic():
        locked = account_lock(account_id=account.pk)
        if CreditRequest.objects.filter(account=locked, status=CreditRequest.OPEN).count() >= OPEN_REQUESTS_MAX:
            raise ApplicationError(
                "credit_request_open", "You already have a request waiting for an answer from staff.", status=409
            )
        return CreditRequest.objects.create(account=locked, amount=amount, message=message)


def _decide(*, request_id: int) -> CreditRequest:
    """The open request, locked; 409 if someone decided it meanwhile."""
    credit_request = CreditRequest.objects.select_for_update().select_related("account").get(pk=request_id)
    if credit_request.status != CreditRequest.OPEN:
        raise ApplicationError(
            "credit_request_decided", f"This request was already {credit_request.status}.", status=409
        )
    return credit_request


def _close(
    credit_request: CreditRequest,
    status: str,
    reason: str,
    decided_by: AbstractBaseUser | None,
    *,
    granted_amount: int = 0,
) -> CreditRequest:
    credit_request.status = status
    credit_request.granted_amount = granted_amount
    credit_request.decision_reason = reason[:300]
    credit_request.decided_at = timezone.now()
    credit_request.decided_by = decided_by
    credit_request.save(update_fields=["status", "granted_amount", "decision_reason", "decided_at", "decided_by"])
    return credit_request


def _reason_required(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ApplicationError("missing_required_fields", "Say why in the reason.")
    return reason


def credit_request_grant(
    *, request_id: int, amount: int | None = None, reason: str, decided_by: AbstractBaseUser | None = None
) -> CreditRequest:
    """Grant a request (the amount asked, or another): overage credits with the reason in the ledger."""
    reason = _reason_required(reason)
    with transaction.atomic():
        credit_request = _decide(request_id=request_id)
        granted = amount if amount is not None else credit_request.amount
        credits_grant_overage(
            account=credit_request.account,
            amount=granted,
            memo=f"Credit request #{credit_request.pk}: {reason}"[:300],
            granted_by=decided_by,
        )
        return _close(credit_request, CreditRequest.GRANTED, reason, decided_by, granted_amount=granted)


def credit_request_decline(
    *, request_id: int, reason: str, decided_by: AbstractBaseUser | None = None
) -> CreditRequest:
    """Decline a request; the reason is shown to the author."""
    reason = _reason_required(reason)
    with transaction.atomic():
        credit_request = _decide(request_id=request_id)
        return _close(credit_request, CreditRequest.DECLINED, reason, decided_by)
