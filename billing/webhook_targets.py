"""Where we agree to send webhooks: the one network policy for saving a URL and for delivering to it.

A webhook makes our server open a connection chosen by a customer, so the target must be a
public (globally routable) address on an ordinary web port:

- loopback, private, link-local, shared (100.64/10), reserved, multicast and cloud-metadata
  addresses are refused;
- an IPv6 address that carries an IPv4 one (IPv4-mapped, IPv4-compatible, 6to4 2002::/16,
  Teredo 2001::/32, NAT64 64:ff9b::/96 and 64:ff9b:1::/48) is judged by the IPv4 address it
  carries, since that is where the packets end up;
- only ports 80 and 443 unless settings.WEBHOOK_ALLOWED_PORTS says otherwise.

settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS (BYC_WEBHOOK_ALLOW_PRIVATE_NETWORKS=1) lifts the address
and port rules, for a service whose receivers live on its own network (and for tests).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

DEFAULT_PORTS = (80, 443)

# Cloud metadata services; most are link-local already, listed so the intent is plain.
_METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"),
    ipaddress.ip_address("169.254.170.2"),
    ipaddress.ip_address("100.100.100.200"),
    ipaddress.ip_address("fd00:ec2::254"),
}
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


class WebhookTargetRefused(Exception):
    """The URL is not one we will send to (bad scheme or port, or a non-public address). Final."""


class WebhookTargetUnresolved(Exception):
    """The host name does not resolve now; DNS may answer later, so a delivery may retry."""


@dataclass(frozen=True)
class WebhookTarget:
    scheme: str
    host: str
    port: int
    address: str


def private_networks_allowed() -> bool:
    return bool(getattr(settings, "WEBHOOK_ALLOW_PRIVATE_NETWORKS", False))


def allowed_ports() -> tuple[int, ...]:
    return tuple(getattr(settings, "WEBHOOK_ALLOWED_PORTS", DEFAULT_PORTS))


def embedded_ipv4(address: IPAddress) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (none for a plain IPv6 or an IPv4 address)."""
    if not isinstance(address, ipaddress.IPv6Address):
        return []
    if address.ipv4_mapped:
        return [address.ipv4_mapped]
    if address.sixtofour:
        return [address.sixtofour]
    if address.teredo:
        return list(address.teredo)  # (server, client): both must be public
    if any(address in network for network in _NAT64) or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return [ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)]
    return []


def address_is_forbidden(address: IPAddress) -> bool:
    """True for every address that is not a public unicast one, directly or by what it carries."""
    if address in _METADATA_ADDRESSES or address.is_multicast or not address.is_global:
        return True
    return any(address_is_forbidden(inner) for inner in embedded_ipv4(address))


def _parts(url: str) -> tuple[str, str, int]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise WebhookTargetRefused("The webhook URL is not a valid URL.") from None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise WebhookTargetRefused("The webhook URL must be an absolute http(s) URL.")
    port = port or (443 if parts.scheme == "https" else 80)
    if not private_networks_allowed() and port not in allowed_ports():
        ports = " or ".join(str(p) for p in allowed_ports())
        raise WebhookTargetRefused(f"Webhooks are sent only to port {ports}; {port} is refused.")
    return parts.scheme, parts.hostname, port


def _refuse_forbidden(host: str, addresses: list[IPAddress]) -> None:
    if private_networks_allowed():
        return
    forbidden = [str(a) for a in addresses if address_is_forbidden(a)]
    if forbidden:
        raise WebhookTargetRefused(
            f"{host} is or resolves to a private or reserved address ({', '.join(forbidden)}); refused."
        )


def webhook_target_resolve(url: str) -> WebhookTarget:
    """Check a URL and pick the address to connect to.

    Every address the name resolves to must be allowed, so a name cannot mix a public and a
    private answer to slip through. The caller connects to the returned address, so a DNS answer
    cannot change between check and use.
    """
    scheme, host, port = _parts(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise WebhookTargetUnresolved(f"Cannot resolve {host}: {exc}") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not addresses:
        raise WebhookTargetUnresolved(f"Cannot resolve {host}.")
    _refuse_forbidden(host, addresses)
    return WebhookTarget(scheme, host, port, str(addresses[0]))


def webhook_target_check(url: str) -> None:
    """The check when a URL is saved: refuse what delivery would refuse.

    A name that does not resolve right now is accepted (its DNS may not be published yet); the
    delivery resolves it again and applies the same rules.
    """
    try:
        webhook_target_resolve(url)
    except WebhookTargetUnresolved:
        _, host, _ = _parts(url)
        if host == "localhost" or host.endswith(".localhost"):
            _refuse_forbidden(host, [ipaddress.ip_address("127.0.0.1")])
