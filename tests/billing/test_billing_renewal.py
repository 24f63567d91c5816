"""Renewal: at each period's end unused monthly credits expire and the plan's grant arrives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.core.management import call_command
from django.db import transaction

from billing.models import CreditEntry
from billing.services import (
    account_change_plan,
    account_create,
    account_lock,
    accounts_renew,
    add_months,
    credits_balance,
    credits_spend,
)

START = datetime(2026, 1, 31, 12, 0, tzinfo=UTC)


def new_account(*, plan="starter", monthly=None, overage=0, active=True):
    return account_create(
        email=f"renew-{plan}-{monthly}-{overage}-{active}@example.com",
        plan_code=plan,
        monthly_credits=monthly,
        overage_credits=overage,
        is_active=active,
        now=START,
    )


def balance(account):
    result = credits_balance(account=account)
    return result.monthly, result.overage


def test_months_are_added_with_the_day_clamped():
    assert add_months(START, 1) == datetime(2026, 2, 28, 12, 0, tzinfo=UTC)
    assert add_months(START, 13) == datetime(2027, 2, 28, 12, 0, tzinfo=UTC)
    assert add_months(datetime(2026, 12, 15, tzinfo=UTC), 1) == datetime(2027, 1, 15, tzinfo=UTC)


def test_nothing_happens_before_the_period_ends(db):
    account = new_account()
    assert accounts_renew(now=START + timedelta(days=27)) == 0
    assert balance(account) == (300, 0)


def test_it_expires_unused_monthly_credits_and_grants_the_new_month(db):
    account = new_account(overage=5)
    with transaction.atomic():
        credits_spend(account=account_lock(account_id=account.pk), amount=100, reference="job:1")
    assert accounts_renew(now=add_months(START, 1)) == 1
    account.refresh_from_db()
    assert balance(account) == (300, 5)  # the 200 left expired; overage never expires
    assert (account.period_start, account.period_end) == (add_months(START, 1), add_months(START, 2))
    expiry = CreditEntry.objects.get(account=account, kind="expiry")
    assert expiry.amount == -200


def test_running_it_twice_in_a_period_changes_nothing(db):
    account = new_account()
    moment = add_months(START, 1) + timedelta(hours=1)
    assert accounts_renew(now=moment) == 1
    entries = CreditEntry.objects.count()
    assert accounts_renew(now=moment) == 0
    assert accounts_renew(now=moment + timedelta(days=2)) == 0
    assert CreditEntry.objects.count() == entries
    assert balance(account) == (300, 0)


def test_an_account_several_periods_behind_gets_one_grant(db):
    account = new_account(plan="growth")
    assert accounts_renew(now=add_months(START, 3) + timedelta(days=1)) == 1
    account.refresh_from_db()
    assert account.period_start == add_months(START, 3)
    assert balance(account) == (500, 0)
    assert CreditEntry.objects.filter(account=account, kind="grant").count() == 2


def test_the_monthly_override_applies_to_the_first_period_only(db):
    account = new_account(monthly=7)
    assert balance(account) == (7, 0)
    accounts_renew(now=add_months(START, 1))
    assert balance(account) == (300, 0)


def test_a_new_plan_takes_effect_at_renewal(db):
    account = new_account()
    account_change_plan(account=account, plan_code="scale")
    assert balance(account) == (300, 0)
    accounts_renew(now=add_months(START, 1))
    assert balance(account) == (1500, 0)


def test_inactive_accounts_lose_monthly_credits_and_get_no_grant(db):
    account = new_account(monthly=10, active=False)
    assert balance(account) == (0, 0)
    account.is_active = True
    account.save()
    accounts_renew(now=add_months(START, 1))
    assert balance(account) == (300, 0)
    account.is_active = False
    account.save()
    accounts_renew(now=add_months(START, 2))
    assert balance(account) == (0, 0)


def test_the_command_runs_the_same_renewal(db, capsys):
    account = new_account()
    call_command("renew_accounts", "--now", add_months(START, 1).isoformat())
    assert "Renewed 1 account(s)." in capsys.readouterr().out
    account.refresh_from_db()
    assert account.period_start == add_months(START, 1)


def test_the_schedules_exist_for_the_worker(db):
    from django_q.models import Schedule

    funcs = set(Schedule.objects.values_list("func", flat=True))
    assert {"billing.tasks.renew_accounts", "billing.tasks.purge_idempotency_records"} <= funcs


def test_an_account_opened_on_the_31st_renews_on_the_31st_after_february(db):
    account = new_account()  # opened on January 31st
    for months in (1, 2, 3):
        accounts_renew(now=add_months(START, months))
    account.refresh_from_db()
    assert account.period_start == datetime(2026, 4, 30, 12, 0, tzinfo=UTC)
    assert account.period_end == datetime(2026, 5, 31, 12, 0, tzinfo=UTC)
    accounts_renew(now=datetime(2026, 3, 31, 12, 0, tzinfo=UTC))  # in the past: nothing
    assert CreditEntry.objects.filter(account=account, kind="grant").count() == 4


def test_starting_a_subscription_begins_a_period_with_the_plans_credits(db):
    from billing.services import account_set_active

    account = new_account(active=False, overage=2)
    later = START + timedelta(days=10)
    account_set_active(account=account, is_active=True, now=later)
    account.refresh_from_db()
    assert account.is_active and (account.period_start, account.period_end) == (later, add_months(later, 1))
    assert balance(account) == (300, 2)
    account_set_active(account=account, is_active=True, now=later)  # already active: nothing
    account_set_active(account=account, is_active=False)
    assert balance(account) == (300, 2)  # kept until the period ends
    assert accounts_renew(now=add_months(later, 1)) == 1
    assert balance(account) == (0, 2)
