"""Idempotency-Key support for POST endpoints under /api/v1.

Apply `@idempotent` to the `post` method of an authenticated DRF view:

    class BookListView(APIView):
        @idempotent
        def post(self, request): ...

Per account, the first response to a key (status and JSON body) is kept for at least
IDEMPOTENCY_TTL and replayed, with the header `Idempotent-Replayed: true`, for any later request
with the same key and the same method, path and body. The same key with anything else is
409 idempotency_key_reused.

How it holds under concurrency: the record row is inserted, the view runs and the response is
stored in ONE transaction, so a request's effects and its stored response commit together (a
crash in between leaves neither). The unique constraint on (account, key) makes a concurrent
request with the same key wait at its own insert until the first commits (PostgreSQL waits on
the index entry, SQLite on the database lock), then find the stored response and replay it:
two requests with one key never both execute.

Client errors (4xx) raised by the view are stored too (the view's writes are rolled back first),
except the refusals that depend on the moment rather than on the request: 402 (not enough credits
yet) and 429 (too many jobs running right now). Those, like server errors (5xx), are not stored,
so a retry with the same key after buying credits or waiting for a slot runs again.

The claim and the stored response are written with hand-built SQL (INSERT ... ON CONFLICT DO
NOTHING RETURNING, which SQLite 3.35+ and PostgreSQL both speak): this wraps every POST, and the
ORM would spend longer compiling these two statements than the database spends running them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Callable
from datetime import timedelta

from django.db import connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpResponse
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


@functools.cache
def _statements(db_alias: str) -> tuple[str, str, str]:
    quote = connections[db_alias].ops.quote_name
    table = quote(IdempotencyRecord._meta.db_table)
    account, key, fingerprint, created, status, body, completed = (
        quote(name)
        for name in ("account_id", "key", "fingerprint", "created_at", "status_code", "response_body", "completed_at")
    )
    conflict = f"ON CONFLICT ({account}, {key}) DO NOTHING"
    claim = (
        f"INSERT INTO {table} ({account}, {key}, {fingerprint}, {created}) VALUES (%s, %s, %s, %s) "
        f"{conflict} RETURNING {quote('id')}"
    )
    store = f"UPDATE {table} SET {status} = %s, {body} = %s, {completed} = %s WHERE {quote('id')} = %s"
    insert_done = (
        f"INSERT INTO {table} ({account}, {key}, {fingerprint}, {created}, {status}, {body}, {completed}) "
        f"VALUES (%s, %s, %s, %s, %s, %s, %s) {conflict}"
    )
    return claim, store, insert_done


def _db_value(field_name: str, value: object, connection: BaseDatabaseWrapper) -> object:
    return IdempotencyRecord._meta.get_field(field_name).get_db_prep_save(value, connection)


def _claim(account: Account, key: str, fingerprint: str) -> tuple[int | None, IdempotencyRecord | None]:
    """Insert this request's record -> (its id, None); or (None, the record a previous request committed).

    On PostgreSQL the insert waits while another transaction holds an uncommitted row with this
    key, then does nothing if that one committed; on SQLite the database lock serialises them.
    """
    db_alias = router.db_for_write(IdempotencyRecord)
    connection = connections[db_alias]
    claim_sql, _, _ = _statements(db_alias)
    now = timezone.now()
    for _attempt in range(3):
        with connection.cursor() as cursor:
            cursor.execute(claim_sql, [account.pk, key, fingerprint, _db_value("created_at", now, connection)])
            row = cursor.fetchone()
        if row is not None:
            return row[0], None
        existing = IdempotencyRecord.objects.filter(account=account, key=key).first()
        if existing is None:
            continue  # purged meanwhile: insert again
        if existing.created_at < now - IDEMPOTENCY_TTL:
            IdempotencyRecord.objects.filter(pk=existing.pk).delete()
            continue
        return None, existing
    raise ApplicationError(
        "idempotency_request_in_progress", "A request with this Idempotency-Key is being processed.", status=409
    )


def _store(record_id: int, response: HttpResponse) -> None:
    db_alias = router.db_for_write(IdempotencyRecord)
    connection = connections[db_alias]
    _, store_sql, _ = _statements(db_alias)
    with connection.cursor() as cursor:
        cursor.execute(
            store_sql,
            [
                response.status_code,
                _db_value("response_body", _body_of(response), connection),
                _db_value("completed_at", timezone.now(), connection),
                record_id,
            ],
        )


def _store_failure(account: Account, key: str, fingerprint: str, response: HttpResponse) -> None:
    """Record a client error after its transaction was rolled back (unless another request got there first)."""
    db_alias = router.db_for_write(IdempotencyRecord)
    connection = connections[db_alias]
    _, _, insert_sql = _statements(db_alias)
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            insert_sql,
            [
                account.pk,
                key,
                fingerprint,
                _db_value("created_at", now, connection),
                response.status_code,
                _db_value("response_body", _body_of(response), connection),
                _db_value("completed_at", now, connection),
            ],
        )


def _replay(record: IdempotencyRecord, fingerprint: str) -> Response:
    if record.fingerprint != fingerprint:
        raise ApplicationError(
            "idempotency_key_reused",
            "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
            status=409,
        )
    if record.status_code is None:  # only if a record was written by hand, e.g. in the admin
        raise ApplicationError(
            "idempotency_request_in_progress", "A request with this Idempotency-Key is being processed.", status=409
        )
    return Response(record.response_body, status=record.status_code, headers={REPLAY_HEADER: "true"})


def _body_of(response: HttpResponse) -> object:
    if isinstance(response, Response):
        return response.data
    try:  # a plain Django JsonResponse
        return json.loads(response.content or b"null")
    except ValueError:
        return None


# Refusals that say "not now" rather than "not this request": never replayed.
TRANSIENT_REFUSALS = frozenset({402, 429})


def idempotent(view_method: Callable) -> Callable:
    """Decorate a DRF view's `post(self, request, ...)` to honour the Idempotency-Key header."""

    @functools.wraps(view_method)
    def wrapper(self, request: Request, *args, **kwargs) -> Response:
        key = request.META.get(HEADER)
        if key is None:
            return view_method(self, request, *args, **kwargs)
        key = key.strip()
        # Headers arrive as Latin-1: only printable ASCII is a key (a NUL could not be stored on PostgreSQL).
        if not key or len(key) > MAX_KEY_LENGTH or not (key.isascii() and key.isprintable()):
            raise ApplicationError(
                "invalid_idempotency_key", f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} printable ASCII characters."
            )
        account = account_from_request(request)
        fingerprint = request_fingerprint(request)
        db_alias = router.db_for_write(IdempotencyRecord)
        with transaction.atomic(using=db_alias):
            record_id, existing = _claim(account, key, fingerprint)
            if existing is not None:
                return _replay(existing, fingerprint)
            try:
                response = view_method(self, request, *args, **kwargs)
            except Exception as exc:
                failure = api_exception_handler(exc, {"view": self, "request": request})
                if failure is None or failure.status_code >= 500:
                    raise  # rolls the claim back too: a retry runs again
                if failure.status_code in TRANSIENT_REFUSALS:
                    transaction.set_rollback(True)  # nothing is kept: a later retry runs again
                    return failure
                transaction.set_rollback(True)  # undo the view's writes (and the claim) ...
            else:
                if response.status_code >= 500:
                    transaction.set_rollback(True)
                else:
                    _store(record_id, response)
                return response
        _store_failure(account, key, fingerprint, failure)  # ... then keep the client error for replays
        return failure

    return wrapper


def once_per_key(*, account: Account, key: str, scope: str, action: Callable[[], dict]) -> tuple[dict, bool]:
    """Run `action` at most once per (account, key): -> (its result, False), or, when the key was
    used before, (the result it gave then, True). For callers outside DRF, such as the web app's
    forms (one-time form tokens); the same records, rules and purge as the Idempotency-Key header.

    `scope` (e.g. the form's path) is fingerprinted: a key used for another scope is refused with
    idempotency_key_reused. An ApplicationError from `action` rolls the claim back with its writes,
    so the corrected request can use the same key.
    """
    fingerprint = hashlib.sha256(scope.encode()).hexdigest()
    with transaction.atomic(using=router.db_for_write(IdempotencyRecord)):
        record_id, existing = _claim(account, key, fingerprint)
        if existing is not None:
            return _replay(existing, fingerprint).data, True
        result = action()
        _store(record_id, Response(result, status=200))
    return result, False


def idempotency_records_purge(*, older_than: timedelta = IDEMPOTENCY_TTL * 2) -> int:
    """Delete stored responses older than `older_than` (kept 48 h by default, promised 24 h)."""
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=timezone.now() - older_than).delete()
    return deleted
