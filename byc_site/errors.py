"""One error type for the whole service and the handler that turns every error into the envelope.

Every error under /api/v1 reaches the client as {"error": {"code": ..., "message": ...}} with a
stable, machine-readable code; clients rely on the codes, so they never change meaning.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.signals import got_request_exception
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.log import log_response
from django.views import defaults
from rest_framework import exceptions as drf_exceptions
from rest_framework.response import Response

from byc_site.throttling import retry_after_seconds


class ApplicationError(Exception):
    """A failure the client can act on: a code from the contract, a plain message, an HTTP status.

    `field` names the request field at fault (its API name, e.g. "mainElements"), for the web
    forms to put the error next to it; `fields` all of them when several are (missing fields).
    They stay inside: the contract's envelope is exactly `{"code", "message"}`.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        status: int = 400,
        field: str | None = None,
        fields: tuple[str, ...] = (),
        extra: dict | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.fields = fields or ((field,) if field else ())
        self.field = field or (self.fields[0] if self.fields else None)
        self.extra = extra or {}

    def body(self) -> dict:
        error = {"code": self.code, "message": self.message}
        error.update(self.extra)
        return {"error": error}


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def error_response(code: str, message: str, status: int) -> JsonResponse:
    """The envelope as a plain Django response, for middleware and non-DRF views."""
    return JsonResponse(error_body(code, message), status=status)


def _flatten(detail: object, prefix: str = "") -> str:
    """DRF's nested error details as one readable line: "title: This field is required."."""
    if isinstance(detail, dict):
        return " ".join(_flatten(value, f"{key}: ") for key, value in detail.items())
    if isinstance(detail, list):
        return " ".join(_flatten(item, prefix) for item in detail)
    return f"{prefix}{detail}"


def api_exception_handler(exc: Exception, context: dict) -> Response:
    """DRF exception handler: every exception becomes the documented envelope."""
    if isinstance(exc, ApplicationError):
        return Response(exc.body(), status=exc.status)
    if isinstance(exc, drf_exceptions.NotAuthenticated | drf_exceptions.AuthenticationFailed):
        detail = exc.detail if isinstance(exc, drf_exceptions.AuthenticationFailed) else None
        message = str(detail) if detail else "Invalid or missing API key."
        headers = {"WWW-Authenticate": exc.auth_header} if getattr(exc, "auth_header", None) else None
        return Response(error_body("unauthorized", message), status=401, headers=headers)
    if isinstance(exc, drf_exceptions.PermissionDenied | PermissionDenied):
        message = str(getattr(exc, "detail", "")) or "This key has no active subscription."
        return Response(error_body("forbidden", message), status=403)
    if isinstance(exc, drf_exceptions.ParseError):
        return Response(error_body("invalid_json", f"The request body is not valid JSON: {exc.detail}"), status=400)
    if isinstance(exc, drf_exceptions.UnsupportedMediaType):
        return Response(
            error_body("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json)."),
            status=415,
        )
    if isinstance(exc, drf_exceptions.MethodNotAllowed):
        return Response(error_body("method_not_allowed", str(exc.detail)), status=405)
    if isinstance(exc, drf_exceptions.NotFound | Http404):
        return Response(error_body("not_found", "No such endpoint or object."), status=404)
    if isinstance(exc, drf_exceptions.Throttled):
        wait = retry_after_seconds(exc.wait)
        reason = str(exc.detail).split(" Expected available")[0]
        if reason == drf_exceptions.Throttled.default_detail:
            reason = "Too many requests."
        return Response(
            error_body("rate_limited", f"{reason} Retry in {wait} s."), status=429, headers={"Retry-After": str(wait)}
        )
    if isinstance(exc, drf_exceptions.ValidationError):
        return Response(error_body("invalid_request", _flatten(exc.detail)), status=400)
    if isinstance(exc, drf_exceptions.APIException):
        return Response(error_body(exc.default_code, str(exc.detail)), status=exc.status_code)
    response = Response(error_body("internal_error", "Internal server error."), status=500)
    request = getattr(context.get("request"), "_request", None)
    report_unexpected(request, exc, response)
    return response


def report_unexpected(request: HttpRequest | None, exc: Exception, response: HttpResponse) -> None:
    """An error nobody expected: one ERROR line with the traceback on Django's `django.request` logger
    (where Django logs its own 500s, and where Sentry or mail_admins listen), and the signal error
    trackers hook. Django then does not log the response a second time."""
    path = request.path if request is not None else "?"
    method = request.method if request is not None else "?"
    log_response(
        "Internal Server Error: %s %s", method, path, response=response, request=request, exception=exc, level="error"
    )
    got_request_exception.send(sender=None, request=request)


# Django's own error views (urls.py handler400/403/404/500), for errors raised before or around a
# view: a disallowed Host header, a malformed cookie or multipart body, an exception in middleware.
# API clients get the envelope; people get the site's pages.


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return error_response("bad_request", "The request could not be understood.", 400)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return error_response("forbidden", "Forbidden.", 403)
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return error_response("not_found", "No such endpoint.", 404)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return error_response("internal_error", "Internal server error.", 500)
    return defaults.server_error(request)
