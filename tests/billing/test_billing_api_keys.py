"""API keys: format, hashing, naming, revocation; account creation and webhook secrets."""

from __future__ import annotations

import hashlib
import re

import pytest

from billing.models import ApiKey
from billing.services import (
    account_change_plan,
    account_create,
    api_key_create,
    api_key_revoke,
    credits_balance,
    webhook_secret_rotate,
)
from byc_site.errors import ApplicationError


def test_a_key_is_byc_sk_and_at_least_32_url_safe_characters(account):
    _, raw_key = api_key_create(account=account, name="CI")
    assert re.fullmatch(r"byc_sk_[A-Za-z0-9_-]{32,}", raw_key)


def test_only_a_hash_and_a_short_prefix_are_stored(account):
    api_key, raw_key = api_key_create(account=account, name="CI")
    stored = ApiKey.objects.get(pk=api_key.pk)
    assert stored.hash == hashlib.sha256(raw_key.encode()).hexdigest()
    assert raw_key.startswith(stored.prefix) and len(stored.prefix) < 16
    assert raw_key not in {value for value in vars(stored).values() if isinstance(value, str)}


def test_every_key_is_different_and_an_account_may_hold_several(account):
    raw_keys = {api_key_create(account=account, name=f"key {i}")[1] for i in range(5)}
    assert len(raw_keys) == 5
    assert account.api_keys.count() == 5


def test_a_key_needs_a_name(account):
    with pytest.raises(ApplicationError):
        api_key_create(account=account, name="  ")


def test_an_account_cannot_revoke_another_accounts_key(make_account):
    owner, outsider = make_account(), make_account()
    api_key, _ = api_key_create(account=owner, name="mine")
    with pytest.raises(ApplicationError) as caught:
        api_key_revoke(account=outsider, api_key_id=api_key.pk)
    assert caught.value.code == "api_key_not_found"
    assert ApiKey.objects.get(pk=api_key.pk).revoked_at is None


def test_revoking_twice_keeps_the_first_revocation_time(account):
    api_key, _ = api_key_create(account=account, name="k")
    first = api_key_revoke(account=account, api_key_id=api_key.pk).revoked_at
    assert api_key_revoke(account=account, api_key_id=api_key.pk).revoked_at == first


def test_revoking_one_key_leaves_the_others_working(account, api_client_for):
    kept, revoked = api_client_for(account), api_client_for(account)
    api_key_revoke(account=account, api_key_id=revoked.api_key.pk)
    assert kept.get("/api/v1/books").status_code == 200
    assert revoked.get("/api/v1/books").status_code == 401


def test_rotating_the_webhook_secret_replaces_it(account):
    before = account.webhook_secret
    after = webhook_secret_rotate(account=account)
    account.refresh_from_db()
    assert after != before and account.webhook_secret == after and len(after) > 32


def test_an_email_has_one_account(make_account):
    make_account(email="same@example.com")
    with pytest.raises(ApplicationError) as caught:
        account_create(email="SAME@example.com")
    assert caught.value.code == "email_taken"


def test_an_unknown_plan_is_refused(db):
    with pytest.raises(ApplicationError) as caught:
        account_create(email="x@example.com", plan_code="platinum")
    assert caught.value.code == "invalid_plan"


def test_an_inactive_account_gets_no_monthly_grant(make_account):
    account = make_account(active=False, monthly=None, overage=3)
    balance = credits_balance(account=account)
    assert (balance.monthly, balance.overage) == (0, 3)


def test_changing_plan_changes_the_concurrency_limit_now(account):
    account_change_plan(account=account, plan_code="scale")
    account.refresh_from_db()
    assert account.plan.code == "scale" and account.plan.max_concurrent_jobs == 20


def test_the_default_webhook_url_must_be_http_or_https(account):
    from billing.services import account_webhook_update

    account_webhook_update(account=account, webhook_url=" https://hooks.example.com/covers ")
    account.refresh_from_db()
    assert account.webhook_url == "https://hooks.example.com/covers"
    for bad in ["ftp://example.com/x", "not a url", "https://" + "a" * 500 + ".com"]:
        with pytest.raises(ApplicationError):
            account_webhook_update(account=account, webhook_url=bad)
    account_webhook_update(account=account, webhook_url="")
    account.refresh_from_db()
    assert account.webhook_url == ""
