"""The error envelope for /api/v1 outside DRF views, the request body limit, and the request guard.

DRF views format their own errors (byc_site.errors.api_exception_handler). ApiErrorMiddleware
covers what happens around them: unknown routes (404), Django's 405, bodies over
settings.API_MAX_BODY_BYTES or a path's own limit in API_LARGE_BODY_PATHS (413) and unhandled
exceptions (500), so an API client never sees an HTML page or a stack trace. RequestGuardMiddleware
checks what reaches every view, API or page: chunked bodies are read (within the limit) and query
strings and form fields hold only text.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.handlers.wsgi import LimitedStream
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

from byc_site.errors import ApplicationError, error_response, report_unexpected
from byc_site.fieldspec import check_characters

API_PREFIX = "/api/"

_FALLBACK_CODES = {
    400: ("bad_request", "The request could not be understood."),
    403: ("forbidden", "Forbidden."),
    404: ("not_found", "No such endpoint."),
    405: ("method_not_allowed", "This method is not allowed on this endpoint."),
    413: ("payload_too_large", "The request body is too large."),
}


def _body_limit(request: HttpRequest) -> int:
    if request.path.startswith(API_PREFIX):
        return settings.API_LARGE_BODY_PATHS.get(request.path, settings.API_MAX_BODY_BYTES)
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def _too_large_response(request: HttpRequest) -> HttpResponse:
    limit = _body_limit(request)
    return error_response(
        "payload_too_large", f"The request body is larger than the limit of {limit} bytes ({limit // 1024} KiB).", 413
    )


class ApiErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if self._body_too_large(request):
            return _too_large_response(request)
        response = self.get_response(request)
        return self._as_envelope(response)

    def _body_too_large(self, request: HttpRequest) -> bool:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        return declared > _body_limit(request)

    def _as_envelope(self, response: HttpResponse) -> HttpResponse:
        if response.status_code < 400 or response.get("Content-Type", "").startswith("application/json"):
            return response
        code, message = _FALLBACK_CODES.get(
            response.status_code,
            ("internal_error", "Internal server error.") if response.status_code >= 500 else ("error", "Error."),
        )
        if response.status_code >= 500:
            code, message = "internal_error", "Internal server error."
        replacement = error_response(code, message, response.status_code)
        if response.has_header("Allow"):
            replacement["Allow"] = response["Allow"]
        return replacement

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not request.path.startswith(API_PREFIX):
            return None
        if isinstance(exception, RequestDataTooBig):
            return _too_large_response(request)
        response = error_response("internal_error", "Internal server error.", 500)
        report_unexpected(request, exception, response)
        return response


def chunked_body_read(request: HttpRequest) -> bool:
    """Read a chunked body (no Content-Length) into the request; False when it is over the limit.

    The server hands the app the body de-chunked, but without a length Django reads it as empty.
    We read at most one byte past the limit, so a body that never ends cannot fill the memory.
    """
    limit = _body_limit(request)
    stream = request.META["wsgi.input"]
    parts, size = [], 0
    while size <= limit:
        part = stream.read(min(64 * 1024, limit + 1 - size))
        if not part:
            break
        parts.append(part)
        size += len(part)
    if size > limit:
        return False
    body = b"".join(parts)
    request.META["CONTENT_LENGTH"] = str(len(body))
    request._stream = LimitedStream(io.BytesIO(body), len(body))
    return True


def _is_chunked(request: HttpRequest) -> bool:
    encoding = request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
    return "chunked" in encoding and not request.META.get("CONTENT_LENGTH") and "wsgi.input" in request.META


def _check_query_string(request: HttpRequest) -> None:
    """Every query parameter is text: valid UTF-8 and no refused character (see check_characters)."""
    raw = request.META.get("QUERY_STRING", "")
    if not raw:
        return
    try:
        # WSGI hands the raw bytes over as Latin-1 text (PEP 3333); Django decodes them the same way.
        unquote_to_bytes(raw.encode("iso-8859-1")).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        raise ApplicationError("unsupported_characters", "The query string is not valid UTF-8.") from None
    for name, values in request.GET.lists():
        check_characters("a query parameter name", name)
        for value in values:
            check_characters(name, value)


def _check_form_fields(request: HttpRequest) -> None:
    if request.method != "POST" or request.content_type not in {
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    }:
        return
    for name, values in request.POST.lists():
        check_characters("a form field name", name)
        for value in values:
            check_characters(name, value)


class RequestGuardMiddleware:
    """Refuse, before any view runs, what is never meant as input (in the envelope under /api/)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _is_chunked(request) and not chunked_body_read(request):
            if request.path.startswith(API_PREFIX):
                return _too_large_response(request)
            return HttpResponse("The request body is too large.", status=413, content_type="text/plain")
        try:
            _check_query_string(request)
            _check_form_fields(request)
        except ApplicationError as error:
            if request.path.startswith(API_PREFIX):
                return error_response(error.code, error.message, error.status)
            return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
