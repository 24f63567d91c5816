"""Webhook URLs are checked when they are given: public addresses on ports 80/443 only.

Addresses that carry an IPv4 address (6to4, Teredo, NAT64, IPv4-mapped or -compatible) are judged
by the address they carry.
"""

from __future__ import annotations

import ipaddress

import pytest

from billing.services import credits_balance
from billing.webhook_targets import address_is_forbidden, embedded_ipv4
from covers.models import Job

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("address", "carried"),
    [
        ("2002:7f00:1::1", "127.0.0.1"),  # 6to4
        ("2002:a9fe:a9fe::1", "169.254.169.254"),  # 6to4 of the metadata service
        ("64:ff9b::7f00:1", "127.0.0.1"),  # NAT64, well-known prefix
        ("64:ff9b::a00:1", "10.0.0.1"),
        ("64:ff9b:1::c0a8:101", "192.168.1.1"),  # NAT64, local-use prefix
        ("::127.0.0.1", "127.0.0.1"),  # IPv4-compatible
        ("::ffff:10.0.0.1", "10.0.0.1"),  # IPv4-mapped
    ],
)
def test_addresses_carrying_a_private_ipv4_are_forbidden(address, carried):
    ip = ipaddress.ip_address(address)
    assert ipaddress.ip_address(carried) in embedded_ipv4(ip)
    assert address_is_forbidden(ip)


def test_teredo_is_judged_by_its_server_and_client():
    # Server 65.54.227.120, client 192.0.2.45 (documentation range, not global).
    assert address_is_forbidden(ipaddress.ip_address("2001:0:4136:e378:8000:63bf:3fff:fdd2"))


@pytest.mark.parametrize("address", ["2002:808:808::1", "64:ff9b::808:808", "8.8.8.8", "2606:4700:4700::1111"])
def test_addresses_carrying_a_public_ipv4_are_allowed(address):
    assert not address_is_forbidden(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["224.0.0.1", "ff0e::1", "192.0.2.1", "198.18.0.1", "240.0.0.1", "100.64.0.1"])
def test_multicast_documentation_benchmark_and_reserved_are_forbidden(address):
    assert address_is_forbidden(ipaddress.ip_address(address))


def generate(client, book, webhook_url):
    return client.post("/api/v1/covers/generate", {"bookId": str(book.id), "webhookUrl": webhook_url}, format="json")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://[::1]/hook",
        "http://[2002:7f00:1::1]/hook",
        "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.7/hook",
        "http://localhost/hook",
        "http://api.localhost/hook",
        "https://8.8.8.8:8443/hook",  # public, but not port 80 or 443
        "http://8.8.8.8:22/",
    ],
)
def test_generate_refuses_a_webhook_url_delivery_would_refuse(api_client, make_book, account, url, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    response = generate(api_client, make_book(account=account), url)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_field_value"
    assert "refused" in response.json()["error"]["message"]
    assert not Job.objects.exists()
    assert credits_balance(account=account).total == 10


@pytest.mark.parametrize("url", ["https://8.8.8.8/hook", "http://8.8.8.8:80/hook", "https://hooks.example.com/covers"])
def test_generate_accepts_public_targets_on_web_ports(api_client, make_book, account, url, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    response = generate(api_client, make_book(account=account), url)
    assert response.status_code == 202, response.content


def test_an_operator_can_allow_other_ports(api_client, make_book, account, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    settings.WEBHOOK_ALLOWED_PORTS = [443, 8443]
    assert generate(api_client, make_book(account=account), "https://8.8.8.8:8443/hook").status_code == 202


def test_private_networks_can_be_allowed_by_the_operator(api_client, make_book, account, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    assert generate(api_client, make_book(account=account), "http://127.0.0.1:9/hook").status_code == 202


def test_the_account_page_refuses_a_private_default_url(client, make_account, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    account = make_account(password="a-long-pass-phrase")
    client.force_login(account.user)
    response = client.post("/account/webhook/", {"webhook_url": "http://[2002:7f00:1::1]/hook"})
    assert response.status_code == 400
    assert b"refused" in response.content
    account.refresh_from_db()
    assert account.webhook_url == ""
