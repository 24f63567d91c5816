"""Outbound webhooks: signing and one HTTP attempt.

A delivery POSTs a JSON body signed with the account's secret:
`X-BYC-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. We never follow redirects, and an
attempt (connect, send, read the reply) ends after WEBHOOK_TOTAL_SECONDS whatever the receiver
does, however slowly it drips bytes. Where we may send is billing.webhook_targets' policy (the same
that checked the URL when it was saved); we connect to the address it checked, so a DNS answer
cannot change between check and use.
"""

from __future__ import annotations

import hashlib
import hmac
import ssl
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import urllib3

from billing.webhook_targets import (
    WebhookTarget,
    WebhookTargetRefused,
    WebhookTargetUnresolved,
    webhook_target_resolve,
)
from covers import conf

SIGNATURE_HEADER = "X-BYC-Signature"
USER_AGENT = "byc-webhooks/1"
RESPONSE_EXCERPT_CHARS = 500

# Waits after attempt 1, 2, ... : 1, 2, 4, 8, 16 and 32 minutes, i.e. 7 attempts over ~63 minutes.
RETRY_DELAYS = tuple(timedelta(minutes=2**n) for n in range(6))
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


@dataclass(frozen=True)
class AttemptOutcome:
    status_code: int | None
    response_excerpt: str
    error: str
    duration_ms: int
    # The policy refused the target (address, port, scheme): trying again cannot help.
    refused: bool = False

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def signature_header_value(body: bytes, secret: str) -> str:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def signature_is_valid(body: bytes, header_value: str, secret: str) -> bool:
    """What a receiver does: recompute and compare in constant time."""
    return hmac.compare_digest(signature_header_value(body, secret), header_value or "")


def webhook_post(*, url: str, body: bytes, secret: str, event: str, delivery_id: int) -> AttemptOutcome:
    """One attempt: POST the body to the URL. Never raises for network trouble; reports it.

    The attempt runs in a thread we wait for at most WEBHOOK_TOTAL_SECONDS: urllib3's timeouts
    bound each socket operation, not a receiver that sends one byte just before each of them.
    """
    started = time.monotonic()
    try:
        target = webhook_target_resolve(url)
    except WebhookTargetRefused as exc:
        return AttemptOutcome(None, "", str(exc), 0, refused=True)
    except WebhookTargetUnresolved as exc:
        return AttemptOutcome(None, "", str(exc), 0)
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    default_port = 443 if target.scheme == "https" else 80
    host_header = f"[{target.host}]" if ":" in target.host else target.host  # an IPv6 literal keeps its brackets
    headers = {
        "Host": host_header if target.port == default_port else f"{host_header}:{target.port}",
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: signature_header_value(body, secret),
        "X-BYC-Event": event,
        "X-BYC-Delivery": str(delivery_id),
    }
    outcome: list[AttemptOutcome] = []
    attempt = threading.Thread(
        target=lambda: outcome.append(_post(target, path, body, headers, started)),
        name=f"webhook-{delivery_id}",
        daemon=True,
    )
    attempt.start()
    cap = conf.webhook_total_seconds()
    attempt.join(cap)
    if not outcome:
        return AttemptOutcome(None, "", f"Gave up after {cap:g} s: the receiver was too slow.", int(cap * 1000))
    return outcome[0]


def _post(target: WebhookTarget, path: str, body: bytes, headers: dict, started: float) -> AttemptOutcome:
    timeout = urllib3.Timeout(total=conf.webhook_timeout_seconds())
    if target.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            target.address,
            target.port,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
            ssl_context=ssl.create_default_context(),
            timeout=timeout,
            retries=False,
        )
    else:
        pool = urllib3.HTTPConnectionPool(target.address, target.port, timeout=timeout, retries=False)
    try:
        response = pool.urlopen(
            "POST", path, body=body, headers=headers, redirect=False, retries=False, preload_content=False
        )
        try:
            excerpt = response.read(RESPONSE_EXCERPT_CHARS * 4, decode_content=True)
        finally:
            response.release_conn()
        text = excerpt.decode("utf-8", "replace")[:RESPONSE_EXCERPT_CHARS]
        error = "" if 200 <= response.status < 300 else f"HTTP {response.status}"
        if 300 <= response.status < 400:
            error = f"HTTP {response.status}: redirects are not followed"
        return AttemptOutcome(response.status, text, error, int((time.monotonic() - started) * 1000))
    except urllib3.exceptions.HTTPError as exc:
        return AttemptOutcome(None, "", f"{type(exc).__name__}: {exc}", int((time.monotonic() - started) * 1000))
    finally:
        pool.close()
