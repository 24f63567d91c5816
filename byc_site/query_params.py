"""Reading query-string parameters of API requests, with errors in the envelope."""

from __future__ import annotations

from rest_framework.request import Request

from byc_site.errors import ApplicationError
from byc_site.fieldspec import check_characters


def text_query_param(request: Request, name: str) -> str | None:
    """A text query parameter, None when absent; refused characters are a 400 (as in body fields).

    RequestGuardMiddleware checks every query string already; reading through here keeps the rule
    when a view is called another way.
    """
    raw = request.query_params.get(name)
    if raw is not None:
        check_characters(name, raw)
    return raw


def int_query_param(request: Request, name: str, *, default: int, low: int, high: int) -> int:
    """An integer query parameter between `low` and `high`; absent or empty gives `default`."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApplicationError("invalid_request", f"{name} must be an integer.") from None
    if not low <= value <= high:
        raise ApplicationError("invalid_request", f"{name} must be between {low} and {high}.")
    return value
