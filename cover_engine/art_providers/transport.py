"""HTTP to an image provider: timeouts, retries with backoff, Retry-After, a cap on concurrent calls
and a circuit breaker, shared by every provider so each one only speaks its own protocol.

Retried: 429 (after the server's Retry-After when it gives one), 500/502/503/504, connection
errors and timeouts. Not retried: other 4xx (our request or our key is wrong; asking again
changes nothing). After BREAKER_FAILURES failed calls in a row to one provider, calls fail at once
for BREAKER_COOLDOWN seconds: a provider that is down does not hold every job for its timeout.
The breaker and the concurrency cap are per process (one worker), kept in memory.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import requests

from .base import ArtConfig, ArtProviderError

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
BACKOFF_BASE = 0.5  # seconds; doubled on each retry
BACKOFF_MAX = 30.0
BREAKER_FAILURES = 5
BREAKER_COOLDOWN = 60.0


@dataclass
class _Breaker:
    failures: int = 0
    open_until: float = 0.0


_lock = threading.Lock()
_breakers: dict[tuple[str, str], _Breaker] = {}
_slots: dict[tuple[str, str], threading.BoundedSemaphore] = {}


def breakers_reset() -> None:
    """Forget every breaker's state (a new process starts with none; tests start clean)."""
    with _lock:
        _breakers.clear()
        _slots.clear()


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Retry-After as seconds: either delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class Transport:
    """Calls to one provider's base URL with the deployment's timeout, retries and limits."""

    def __init__(self, config: ArtConfig, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.config = config
        self.sleep = sleep
        self.key = (config.provider, config.base_url.rstrip("/"))
        self.session = requests.Session()
        self.waited = 0.0  # seconds spent in calls (and waits between them) since the last take_usage()
        self.calls = 0
        with _lock:
            self.breaker = _breakers.setdefault(self.key, _Breaker())
            self.slots = _slots.setdefault(self.key, threading.BoundedSemaphore(max(1, config.max_concurrent)))

    def url(self, path: str) -> str:
        return self.config.base_url.rstrip("/") + path

    def take_usage(self) -> tuple[float, int]:
        waited, calls = self.waited, self.calls
        self.waited, self.calls = 0.0, 0
        return waited, calls

    def request(
        self, method: str, path: str, *, final: Callable[[requests.Response], bool] | None = None, **kwargs
    ) -> requests.Response:
        """The provider's response (any status the provider code must read, e.g. a refusal), after
        retrying what is worth retrying. Raises ArtProviderError when it never answered usably.

        `final(response)`: True for a retryable status that the provider's body says is not worth
        retrying (OpenAI's 429 `insufficient_quota`: the account is out of money, not busy)."""
        with _lock:
            if self.breaker.open_until > time.monotonic():
                raise ArtProviderError(
                    f"{self.config.provider} failed {BREAKER_FAILURES} times in a row; not called again for a while"
                )
        attempts = max(1, self.config.retries + 1)
        last = "no answer"
        started = time.monotonic()
        try:
            for attempt in range(attempts):
                wait = None
                try:
                    if not self.slots.acquire(timeout=self.config.timeout):
                        raise ArtProviderError(f"no free slot to call {self.config.provider} within the timeout")
                    try:
                        self.calls += 1
                        response = self.session.request(method, self.url(path), timeout=self.config.timeout, **kwargs)
                    finally:
                        self.slots.release()
                except requests.Timeout:
                    last = f"{self.config.provider} did not answer within {self.config.timeout:g} s"
                except requests.ConnectionError as exc:
                    last = f"{self.config.provider} could not be reached ({type(exc).__name__})"
                else:
                    if response.status_code not in RETRY_STATUSES or (final is not None and final(response)):
                        self._record(success=response.status_code < 500)
                        return response
                    last = f"{self.config.provider} answered HTTP {response.status_code}"
                    wait = retry_after_seconds(response.headers.get("Retry-After"))
                if attempt + 1 < attempts:
                    if wait is None:
                        wait = min(BACKOFF_MAX, BACKOFF_BASE * 2**attempt)
                    if time.monotonic() - started + wait > self.config.timeout * attempts:
                        break  # the server asks us to wait longer than we would have waited in all
                    self.sleep(min(wait, BACKOFF_MAX))
            self._record(success=False)
            raise ArtProviderError(last)
        finally:
            self.waited += time.monotonic() - started

    def _record(self, *, success: bool) -> None:
        with _lock:
            if success:
                self.breaker.failures = 0
                return
            self.breaker.failures += 1
            if self.breaker.failures >= BREAKER_FAILURES:
                self.breaker.open_until = time.monotonic() + BREAKER_COOLDOWN
                self.breaker.failures = 0
