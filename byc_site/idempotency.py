"""Idempotency-Key support for POST endpoints under /api/v1.

Apply `@idempotent` to the `post` method of an authenticated DRF view:

    class BookListView(APIView):
        @idempotent
        def post(self, request): ...

Per account, the first response to a key (status and JSON body) is kept for at least
IDEMPOTENCY_TTL and replayed, with the header `Idempotent-Replayed: true`, for any later request
with the same key and the same method, path and body. The same key with anything else is
409 idempotency_key_reused. A row is inserted *before* the view runs; the unique constraint on
(account, key) means that of two concurrent requests only one inserts it and runs, on SQLite as
on PostgreSQL. The other gets 409 idempotency_request_in_progress and may retry.

Server errors (5xx) are not stored: the row is deleted so the client can retry with the same key.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.request import Request
from rest_framework.response import Response

from billing.models import Account, IdempotencyRecord
from byc_site.auth import account_from_request
from byc_site.errors import ApplicationError, api_exception_handler

logger = logging.getLogger(__name__)

HEADER = "HTTP_IDEMPOTENCY_KEY"
REPLAY_HEADER = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255
IDEMPOTENCY_TTL = timedelta(hours=24)
# A row left "in progress" this long belongs to a request that died (killed worker): take it over.
STALE_IN_PROGRESS = timedelta(minutes=10)


def request_fingerprint(request: Request) -> str:
    """Method, path and body; a JSON body is canonicalised so key order and spacing do not matter."""
    raw = request.body if hasattr(request, "body") else b""
    try:
        body = json.dumps(json.loads(raw or b"null"), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, UnicodeDecodeError):
        body = raw
    digest = hashlib.sha256()
    digest.update(request.method.encode() + b" " + request.path.encode() + b"\n")
    digest.update(body)
    return digest.hexdigest()


def _claim(account: Account, key: str, fingerprint: str) -> tuple[IdempotencyRecord, bool]:
    """Insert the in-progress row, or return the existing one. True when we inserted it."""
    now = timezone.now()
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return IdempotencyRecord.objects.create(
                    account=account, key=key, fingerprint=fingerprint, created_at=now
                ), True
        except IntegrityError:
            pass
        existing = IdempotencyRecord.objects.filter(account=account, key=key).first()
        if existing is None:
            continue  # deleted meanwhile (a 5xx or a purge): try inserting again
        expired = existing.created_at < now - IDEMPOTENCY_TTL
        stale = existing.status_code is None and existing.created_at < now - STALE_IN_PROGRESS
        if expired or stale:
            # Only one of several concurrent requests deletes it; the others find it gone or new.
            IdempotencyRecord.objects.filter(pk=existing.pk, created_at=existing.created_at).delete()
            continue
        return existing, False
    raise ApplicationError(
        "idempotency_request_in_progress", "A request with this Idempotency-Key is being processed.", status=409
    )


def _existing_response(record: IdempotencyRecord, fingerprint: str) -> Response:
    if record.fingerprint != fingerprint:
        raise ApplicationError(
            "idempotency_key_reused",
            "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
            status=409,
        )
    if record.status_code is None:
        raise ApplicationError(
            "idempotency_request_in_progress",
            "A request with this Idempotency-Key is still being processed; retry in a moment.",
            status=409,
        )
    return Response(record.response_body, status=record.status_code, headers={REPLAY_HEADER: "true"})


def _store(record: IdempotencyRecord, status: int, body: object) -> None:
    if status >= 500:
        IdempotencyRecord.objects.filter(pk=record.pk).delete()
        return
    IdempotencyRecord.objects.filter(pk=record.pk).update(
        status_code=status, response_body=body, completed_at=timezone.now()
    )


def idempotent(view_method: Callable) -> Callable:
    """Decorate a DRF view's `post(self, request, ...)` to honour the Idempotency-Key header."""

    @functools.wraps(view_method)
    def wrapper(self, request: Request, *args, **kwargs) -> Response:
        key = request.META.get(HEADER)
        if key is None:
            return view_method(self, request, *args, **kwargs)
        key = key.strip()
        if not key or len(key) > MAX_KEY_LENGTH:
            raise ApplicationError(
                "invalid_idempotency_key", f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters."
            )
        account = account_from_request(request)
        fingerprint = request_fingerprint(request)
        record, inserted = _claim(account, key, fingerprint)
        if not inserted:
            return _existing_response(record, fingerprint)
        try:
            response = view_method(self, request, *args, **kwargs)
        except Exception as exc:
            handled = api_exception_handler(exc, {"view": self, "request": request})
            if handled is None or handled.status_code >= 500:
                IdempotencyRecord.objects.filter(pk=record.pk).delete()
            else:
                _store(record, handled.status_code, handled.data)
            raise
        _store(record, response.status_code, getattr(response, "data", None))
        return response

    return wrapper


def idempotency_records_purge(*, older_than: timedelta = IDEMPOTENCY_TTL * 2) -> int:
    """Delete stored responses older than `older_than` (kept 48 h by default, promised 24 h)."""
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=timezone.now() - older_than).delete()
    return deleted
