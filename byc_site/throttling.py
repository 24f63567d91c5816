"""Rate limits: DRF's throttles on the shared cache, for the API and for the sign-in pages.

One mechanism (rest_framework.throttling.SimpleRateThrottle: a sliding window of timestamps kept
in Django's cache) serves every limit:

- /api/v1, per API key and per account (`api_key`, `account`): a 429 `rate_limited` envelope with
  `Retry-After`;
- wrong API keys, per client address (`api_auth_failure`), counted before the key is looked up,
  so guessing keys is slow;
- login, sign-up and password reset, per client address and per e-mail (`login_ip`,
  `login_account`, `signup_ip`, `signup_account`, `password_reset_ip`, `password_reset_account`).

The rates are settings.THROTTLE_RATES (`BYC_RATE_<SCOPE>`, e.g. BYC_RATE_API_KEY=600/min); None
turns one off, THROTTLE_ENABLED=False all of them. The cache must be shared by every web process
(Redis in production), or each process would count on its own.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.http import HttpRequest
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle


class RateThrottle(SimpleRateThrottle):
    """SimpleRateThrottle reading its rate from settings when it is made (so tests can change it)."""

    def get_rate(self) -> str | None:
        return settings.THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view) -> bool:
        if not settings.THROTTLE_ENABLED:
            return True
        return super().allow_request(request, view)

    def wait(self) -> float:
        """Seconds until the oldest request in the window leaves it, i.e. until one more is allowed."""
        if not self.history:
            return float(self.duration)
        return max(self.duration - (self.now - self.history[-1]), 0.0)


class ApiKeyThrottle(RateThrottle):
    scope = "api_key"

    def get_cache_key(self, request, view) -> str | None:
        api_key = getattr(request, "auth", None)  # an ApiKey after authentication, else None
        if api_key is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": api_key.pk}


class AccountThrottle(RateThrottle):
    """All the keys of one account together: more keys do not buy more requests."""

    scope = "account"

    def get_cache_key(self, request, view) -> str | None:
        api_key = getattr(request, "auth", None)
        if api_key is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": api_key.account_id}


class KeyedThrottle(RateThrottle):
    """A limit on one scope and one identity (an address, an e-mail), outside DRF's views."""

    def __init__(self, scope: str, ident: str) -> None:
        self.scope = scope
        self.ident = ident
        super().__init__()

    def get_cache_key(self, request, view) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.ident}

    def blocked(self) -> bool:
        """Over the limit now, without counting a request (for counting failures only)."""
        if not settings.THROTTLE_ENABLED or self.rate is None:
            return False
        self.key = self.get_cache_key(None, None)
        self.history = self.cache.get(self.key, [])
        self.now = self.timer()
        while self.history and self.history[-1] <= self.now - self.duration:
            self.history.pop()
        return len(self.history) >= self.num_requests

    def record(self) -> None:
        if settings.THROTTLE_ENABLED and self.rate is not None:
            self.blocked()  # loads the window
            self.throttle_success()


def client_address(request: HttpRequest) -> str:
    """The client's address as DRF's throttles see it: X-Forwarded-For counts only behind NUM_PROXIES proxies."""
    return BaseThrottle().get_ident(request)


def retry_after_seconds(wait: float | None) -> int:
    return max(1, math.ceil(wait or 1))


def rate_limit_hit(request: HttpRequest, limits: list[tuple[str, str]]) -> int | None:
    """Count one request against each (scope, identity); the seconds to wait if any limit is passed.

    Every limit is counted even when an earlier one refuses, so a client cannot use up one
    identity's window while hiding behind another's.
    """
    waits = []
    for scope, ident in limits:
        throttle = KeyedThrottle(scope, ident)
        if not throttle.allow_request(request, None):
            waits.append(throttle.wait())
    return retry_after_seconds(max(waits)) if waits else None
