"""Outbound webhooks: signing, the network guard, and one HTTP attempt.

A delivery POSTs a JSON body signed with the account's secret:
`X-BYC-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. We never follow redirects, give up
after WEBHOOK_TIMEOUT_SECONDS, and refuse targets that resolve to loopback, private, link-local,
cloud-metadata or otherwise reserved addresses (unless BYC_WEBHOOK_ALLOW_PRIVATE_NETWORKS=1).
The checked address is the one we connect to, so a DNS answer cannot change between check and use.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import urllib3

from covers import conf

SIGNATURE_HEADER = "X-BYC-Signature"
USER_AGENT = "byc-webhooks/1"
RESPONSE_EXCERPT_CHARS = 500

# Waits after attempt 1, 2, ... : 1, 2, 4, 8, 16 and 32 minutes, i.e. 7 attempts over ~63 minutes.
RETRY_DELAYS = tuple(timedelta(minutes=2**n) for n in range(6))
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1

# Cloud metadata services; most are link-local already, listed so the intent is plain.
_METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"),
    ipaddress.ip_address("169.254.170.2"),
    ipaddress.ip_address("100.100.100.200"),
    ipaddress.ip_address("fd00:ec2::254"),
}
_SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")


class WebhookTargetRefused(Exception):
    """The URL is not one we will send to (bad scheme, unresolvable, or a private address)."""


@dataclass(frozen=True)
class AttemptOutcome:
    status_code: int | None
    response_excerpt: str
    error: str
    duration_ms: int

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def signature_header_value(body: bytes, secret: str) -> str:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def signature_is_valid(body: bytes, header_value: str, secret: str) -> bool:
    """What a receiver does: recompute and compare in constant time."""
    return hmac.compare_digest(signature_header_value(body, secret), header_value or "")


def address_is_forbidden(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return (
        address in _METADATA_ADDRESSES
        or address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or (isinstance(address, ipaddress.IPv4Address) and address in _SHARED_ADDRESS_SPACE)
    )


def resolve_target(url: str) -> tuple[str, str, int, str]:
    """Check a URL and pick the address to connect to: (scheme, host, port, ip).

    Every address the name resolves to must be allowed, so a name cannot mix a public and a
    private answer to slip through.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise WebhookTargetRefused("The webhook URL must be an absolute http(s) URL.")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise WebhookTargetRefused(f"Cannot resolve {parts.hostname}: {exc}") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not addresses:
        raise WebhookTargetRefused(f"Cannot resolve {parts.hostname}.")
    if not conf.webhook_allow_private_networks():
        forbidden = [str(a) for a in addresses if address_is_forbidden(a)]
        if forbidden:
            raise WebhookTargetRefused(
                f"{parts.hostname} resolves to a private or reserved address ({', '.join(forbidden)}); refused."
            )
    return parts.scheme, parts.hostname, port, str(addresses[0])


def webhook_post(*, url: str, body: bytes, secret: str, event: str, delivery_id: int) -> AttemptOutcome:
    """One attempt: POST the body to the URL. Never raises for network trouble; reports it."""
    started = time.monotonic()
    try:
        scheme, host, port, ip = resolve_target(url)
    except WebhookTargetRefused as exc:
        return AttemptOutcome(None, "", str(exc), 0)
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    default_port = 443 if scheme == "https" else 80
    host_header = f"[{host}]" if ":" in host else host  # an IPv6 literal keeps its brackets
    headers = {
        "Host": host_header if port == default_port else f"{host_header}:{port}",
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: signature_header_value(body, secret),
        "X-BYC-Event": event,
        "X-BYC-Delivery": str(delivery_id),
    }
    timeout = urllib3.Timeout(total=conf.webhook_timeout_seconds())
    if scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            ip,
            port,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            ssl_context=ssl.create_default_context(),
            timeout=timeout,
            retries=False,
        )
    else:
        pool = urllib3.HTTPConnectionPool(ip, port, timeout=timeout, retries=False)
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
