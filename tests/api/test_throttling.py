"""Rate limits: per API key and per account on /api/v1, wrong keys per address, and the sign-in pages.

The limits count in the configured cache (files in the embedded default, Redis with the Redis
profile); each test uses a key prefix of its own, so counts never leak between tests.
"""

from __future__ import annotations

import uuid

import pytest
from django.core import mail

from billing.models import Account
from byc_site.throttling import RateThrottle

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """The throttles' clock, moved by hand (no sleeping)."""
    clock = Clock()
    monkeypatch.setattr(RateThrottle, "timer", clock)
    return clock


@pytest.fixture
def limits(settings, clock, tmp_path):
    settings.THROTTLE_ENABLED = True
    caches = {name: dict(config) for name, config in settings.CACHES.items()}
    caches["default"]["KEY_PREFIX"] = f"byc-throttle-test-{uuid.uuid4().hex}"
    if caches["default"]["BACKEND"].endswith("FileBasedCache"):
        caches["default"]["LOCATION"] = tmp_path / "cache"
    settings.CACHES = caches
    rates = dict(settings.THROTTLE_RATES)
    settings.THROTTLE_RATES = rates
    return rates


def error_of(response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


def test_each_api_key_has_its_limit(limits, api_client_for, account, clock):
    limits["api_key"] = "3/min"
    first, second = api_client_for(account), api_client_for(account)
    assert [first.get("/api/v1/books").status_code for _ in range(3)] == [200, 200, 200]
    clock.now += 10
    response = first.get("/api/v1/books")
    assert error_of(response) == (429, "rate_limited")
    assert int(response["Retry-After"]) == 50  # the first request leaves the one-minute window then
    assert "50 s" in response.json()["error"]["message"]
    assert second.get("/api/v1/books").status_code == 200  # another key of the account: its own count
    clock.now += 50
    assert first.get("/api/v1/books").status_code == 200


def test_an_accounts_keys_share_the_account_limit(limits, api_client_for, make_account):
    limits["account"] = "4/min"
    account = make_account()
    keys = [api_client_for(account) for _ in range(4)]
    assert [client.get("/api/v1/books").status_code for client in keys] == [200] * 4
    fresh = api_client_for(account)
    assert error_of(fresh.get("/api/v1/books")) == (429, "rate_limited")
    # Another account is not slowed down by this one.
    assert api_client_for(make_account()).get("/api/v1/books").status_code == 200


def test_a_throttled_generate_spends_nothing(limits, api_client, account, make_book):
    from billing.services import credits_balance

    limits["api_key"] = "1/min"
    book = make_book(account=account)
    api_client.get("/api/v1/books")
    response = api_client.post("/api/v1/covers/generate", {"bookId": str(book.id)}, format="json")
    assert error_of(response) == (429, "rate_limited")
    assert credits_balance(account=account).total == 10


def test_wrong_keys_are_limited_per_address_even_before_a_right_key(limits, api_client, client):
    limits["api_auth_failure"] = "3/min"
    for _ in range(3):
        bad = client.get("/api/v1/books", HTTP_AUTHORIZATION="Bearer byc_sk_guess" + uuid.uuid4().hex)
        assert error_of(bad) == (401, "unauthorized")
    assert error_of(client.get("/api/v1/books", HTTP_AUTHORIZATION="Bearer byc_sk_another")) == (429, "rate_limited")
    # From the same address the right key waits too, so guessing cannot continue between good requests.
    response = api_client.get("/api/v1/books")
    assert error_of(response) == (429, "rate_limited") and int(response["Retry-After"]) >= 1
    # Another address is not affected.
    assert api_client.get("/api/v1/books", REMOTE_ADDR="192.0.2.10").status_code == 200


def test_right_keys_do_not_count_as_failures(limits, api_client):
    limits["api_auth_failure"] = "2/min"
    assert {api_client.get("/api/v1/books").status_code for _ in range(5)} == {200}


def test_x_forwarded_for_is_ignored_without_a_proxy(limits, client, settings):
    limits["api_auth_failure"] = "2/min"
    for n in range(2):
        client.get("/api/v1/books", HTTP_AUTHORIZATION="Bearer byc_sk_x", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    response = client.get("/api/v1/books", HTTP_AUTHORIZATION="Bearer byc_sk_x", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert error_of(response) == (429, "rate_limited")


def test_behind_one_proxy_the_forwarded_address_counts(limits, client, settings):
    limits["api_auth_failure"] = "2/min"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    for n in range(4):
        response = client.get(
            "/api/v1/books", HTTP_AUTHORIZATION="Bearer byc_sk_x", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        )
        assert error_of(response) == (401, "unauthorized")


def test_login_is_limited_per_account(limits, client, make_account):
    limits["login_account"] = "3/min"
    make_account(email="target@example.com", password="the-right-pass-phrase")
    for _ in range(3):
        response = client.post("/login/", {"username": "target@example.com", "password": "wrong"})
        assert response.status_code == 200
    response = client.post("/login/", {"username": "TARGET@example.com", "password": "the-right-pass-phrase"})
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1
    assert "Too many tries" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # From another address the same account is limited too (the limit is the account's).
    other = client.post(
        "/login/", {"username": "target@example.com", "password": "the-right-pass-phrase"}, REMOTE_ADDR="192.0.2.7"
    )
    assert other.status_code == 429


def test_login_is_limited_per_address(limits, client, make_account):
    limits["login_ip"] = "4/min"
    for n in range(4):
        client.post("/login/", {"username": f"person{n}@example.com", "password": "wrong"})
    assert client.post("/login/", {"username": "person9@example.com", "password": "x"}).status_code == 429


def test_login_pages_are_not_limited_when_read(limits, client):
    limits["login_ip"] = "1/min"
    assert {client.get("/login/").status_code for _ in range(3)} == {200}


def test_password_reset_is_limited_per_account_and_sends_no_more_mail(limits, client, make_account):
    limits["password_reset_account"] = "2/hour"
    make_account(email="reset@example.com", password="the-right-pass-phrase")
    assert [client.post("/password/reset/", {"email": "reset@example.com"}).status_code for _ in range(2)] == [302] * 2
    response = client.post("/password/reset/", {"email": "reset@example.com"}, REMOTE_ADDR="192.0.2.8")
    assert response.status_code == 429 and 1 <= int(response["Retry-After"]) <= 3600
    assert len(mail.outbox) == 2


def test_password_reset_is_limited_per_address(limits, client):
    limits["password_reset_ip"] = "2/hour"
    for n in range(2):
        client.post("/password/reset/", {"email": f"who{n}@example.com"})
    assert client.post("/password/reset/", {"email": "who9@example.com"}).status_code == 429


def test_sign_up_is_limited_per_address(limits, client, settings):
    limits["signup_ip"] = "2/hour"
    settings.SIGNUP_MODE = "open"
    for n in range(2):
        client.post("/signup/", {"email": f"new{n}@example.com", "password1": "pass phrase 1", "password2": "x"})
    response = client.post(
        "/signup/",
        {"email": "new9@example.com", "password1": "correct horse battery", "password2": "correct horse battery"},
    )
    assert response.status_code == 429
    assert not Account.objects.exists()


def test_a_rate_can_be_turned_off(limits, api_client):
    limits["api_key"] = None
    limits["account"] = None
    assert {api_client.get("/api/v1/books").status_code for _ in range(5)} == {200}


def test_sign_up_is_limited_per_email_so_nobody_is_mail_bombed(limits, client, settings):
    settings.SIGNUP_MODE = "verify-email"
    limits["signup_account"] = "2/hour"
    form = {"email": "victim@example.com", "password1": "correct horse battery", "password2": "correct horse battery"}
    for n in range(2):
        assert client.post("/signup/", form, REMOTE_ADDR=f"192.0.2.{n + 1}").status_code == 200
    assert client.post("/signup/", form, REMOTE_ADDR="192.0.2.50").status_code == 429
    assert len(mail.outbox) == 2
