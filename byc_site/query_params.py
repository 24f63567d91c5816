"""Reading query-string parameters of API requests, with errors in the envelope."""

from __future__ import annotations

from rest_framework.request import Request

from byc_site.errors import ApplicationError


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
