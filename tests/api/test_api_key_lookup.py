"""The hand-written API key query returns what the ORM would."""

from __future__ import annotations

from billing.keylookup import api_key_by_hash
from billing.models import ApiKey
from billing.services import api_key_create, api_key_hash, api_key_revoke


def test_it_finds_the_key_with_account_plan_and_user_as_the_orm_does(make_account, django_assert_num_queries):
    account = make_account(plan="growth", webhook_url="https://hooks.example.com/x")
    api_key, raw_key = api_key_create(account=account, name="lookup")
    api_key_revoke(account=account, api_key_id=api_key.pk)
    orm = ApiKey.objects.select_related("account__plan", "account__user").get(pk=api_key.pk)
    with django_assert_num_queries(1):
        found = api_key_by_hash(api_key_hash(raw_key))
        assert found.account.plan.max_concurrent_jobs == 10
        assert found.account.user.email == account.user.email
    for name in ("id", "name", "prefix", "created_at", "last_used_at", "revoked_at", "account_id"):
        assert getattr(found, name) == getattr(orm, name), name
    for name in ("id", "is_active", "period_start", "period_end", "webhook_url", "webhook_secret", "plan_id"):
        assert getattr(found.account, name) == getattr(orm.account, name), name
    assert found.revoked_at.tzinfo is not None
    assert found.account.plan.price_usd == orm.account.plan.price_usd
    assert found.account.user.is_active is True


def test_the_user_comes_whole_as_from_the_orm(make_account, django_assert_num_queries):
    account = make_account()
    _, raw_key = api_key_create(account=account, name="whole user")
    found = api_key_by_hash(api_key_hash(raw_key))
    user = found.account.user
    assert user.get_deferred_fields() == set()
    with django_assert_num_queries(0):
        for field in type(user)._meta.concrete_fields:
            assert getattr(user, field.attname) == getattr(account.user, field.attname), field.name


def test_an_unknown_hash_finds_nothing(db):
    assert api_key_by_hash("0" * 64) is None
