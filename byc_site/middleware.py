"""The error envelope for /api/v1 outside DRF views, and the request body limit.

DRF views format their own errors (byc_site.errors.api_exception_handler). This middleware
covers what happens around them: unknown routes (404), Django's 405, bodies over
settings.API_MAX_BODY_BYTES or a path's own limit in API_LARGE_BODY_PATHS (413) and unhandled
exceptions (500), so an API client never sees an HTML page or a stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse

from byc_site.errors import error_response

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"

_FALLBACK_CODES = {
    400: ("bad_request", "The request could not be understood."),
    403: ("forbidden", "Forbidden."),
    404: ("not_found", "No such endpoint."),
    405: ("method_not_allowed", "This method is not allowed on this endpoint."),
    413: ("payload_too_large", "The request body is too large."),
}


def _body_limit(request: HttpRequest) -> int:
    return settings.API_LARGE_BODY_PATHS.get(request.path, settings.API_MAX_BODY_BYTES)


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
        limit = _body_limit(request)
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > limit:
            return True
        if declared == 0 and request.META.get("HTTP_TRANSFER_ENCODING", "").lower() == "chunked":
            # No declared length: read (Django caps it at DATA_UPLOAD_MAX_MEMORY_SIZE) and measure.
            try:
                return len(request.body) > limit
            except RequestDataTooBig:
                return True
        return False

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
        logger.exception("Unhandled error on %s %s", request.method, request.path, exc_info=exception)
        return error_response("internal_error", "Internal server error.", 500)
