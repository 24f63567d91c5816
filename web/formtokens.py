"""One-time form tokens: a form sent twice (back button, reload, double click) acts once.

A page with a form that creates something puts a fresh token in a hidden field. The view runs its
action through `submit_once`: the first submission with a token runs it and keeps where it led; a
later one with the same token runs nothing and goes to the same place. Tokens are kept server-side
with the API's idempotency records (byc_site.idempotency), so they work across processes and
machines and are purged with them. A submission without a token (an old page) simply runs.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from django.http import HttpRequest

from billing.models import Account
from byc_site.idempotency import MAX_KEY_LENGTH, once_per_key

FIELD = "form_token"
PREFIX = "web-form:"


def form_token(request: HttpRequest) -> str:
    """The token for the form on this page: the one posted with it (a form redisplayed with its
    errors keeps its token), else a new one."""
    posted = request.POST.get(FIELD, "") if request.method == "POST" else ""
    if posted and len(PREFIX + posted) <= MAX_KEY_LENGTH:
        return posted
    return secrets.token_urlsafe(24)


def submit_once(request: HttpRequest, *, account: Account, action: Callable[[], str]) -> tuple[str, bool]:
    """Run `action` (returns the URL to go to) once per posted token -> (url, sent before?)."""
    token = request.POST.get(FIELD, "")
    if not token or len(PREFIX + token) > MAX_KEY_LENGTH:
        return action(), False
    result, replayed = once_per_key(
        account=account, key=PREFIX + token, scope=request.path, action=lambda: {"redirect": action()}
    )
    return result["redirect"], replayed
