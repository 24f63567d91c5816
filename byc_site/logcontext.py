"""What a log line is about: the request id, the account and the job, and JSON lines that carry them.

- RequestIdMiddleware takes the caller's `X-Request-ID` (a proxy's or a client's; letters, digits,
  `.`, `_`, `-`, at most 64) or makes one, and sends it back on the response, so one id follows a
  request through the proxy, our logs and the client's.
- `log_context(account_id=..., job_id=...)` adds ids for the lines logged inside it (the API key
  authentication sets the account; the worker tasks set the job).
- ContextFilter puts the ids on every record; JsonFormatter writes one JSON object a line
  (settings.LOG_FORMAT = "json", BYC_LOG_FORMAT=json), with the traceback when there is one.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import re
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
CONTEXT_FIELDS = ("request_id", "account_id", "job_id", "delivery_id")
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

_context: contextvars.ContextVar[dict[str, str]] = contextvars.ContextVar("byc_log_context", default={})  # noqa: B039 (never mutated)


def current() -> dict[str, str]:
    """The ids of what is being done now: request_id, account_id, job_id (those that are known)."""
    return _context.get()


@contextlib.contextmanager
def log_context(**ids: object) -> Iterator[None]:
    token = _context.set({**_context.get(), **{k: str(v) for k, v in ids.items() if v is not None}})
    try:
        yield
    finally:
        _context.reset(token)


def log_context_add(**ids: object) -> None:
    """Add ids until the current context ends (the request, for the authentication)."""
    _context.set({**_context.get(), **{k: str(v) for k, v in ids.items() if v is not None}})


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = given if _VALID_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        request.request_id = request_id
        token = _context.set({"request_id": request_id})
        try:
            response = self.get_response(request)
        finally:
            _context.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class ContextFilter(logging.Filter):
    """Copies the current ids onto each record (as attributes, for any formatter)."""

    def filter(self, record: logging.LogRecord) -> bool:
        ids = _context.get()
        for name in CONTEXT_FIELDS:
            if not hasattr(record, name):
                setattr(record, name, ids.get(name, ""))
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in CONTEXT_FIELDS:
            value = getattr(record, name, "")
            if value:
                line[name] = value
        status = getattr(record, "status_code", None)
        if status is not None:
            line["status"] = status
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)
