"""The credit ledger: balances, spending order, refunds, grants and adjustments."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from billing.models import CreditEntry
from billing.services import (
    account_lock,
    credits_adjust,
    credits_balance,
    credits_grant_overage,
    credits_refund,
    credits_spend,
)
from byc_site.errors import ApplicationError


def spend(account, amount, reference="job:1"):
    with transaction.atomic():
        credits_spend(account=account_lock(account_id=account.pk), amount=amount, reference=reference)


def refund(account, amount, reference="job:1"):
    with transaction.atomic():
        credits_refund(account=account_lock(account_id=account.pk), amount=amount, reference=reference)


def balance(account) -> tuple[int, int, int]:
    result = credits_balance(account=account)
    return result.monthly, result.overage, result.total


def test_a_new_account_has_its_plans_monthly_credits(make_account):
    assert balance(make_account(plan="growth", monthly=None)) == (500, 0, 500)
    assert balance(make_account(plan="scale", monthly=None, overage=7)) == (1500, 7, 1507)


def test_it_spends_monthly_credits_first_then_overage(make_account):
    account = make_account(monthly=2, overage=5)
    spend(account, 3)
    assert balance(account) == (0, 4, 4)
    debits = CreditEntry.objects.filter(account=account, kind="debit").order_by("id")
    assert [(entry.pool, entry.amount, entry.reference) for entry in debits] == [
        ("monthly", -2, "job:1"),
        ("overage", -1, "job:1"),
    ]


def test_it_refuses_to_overspend_with_the_contract_message(make_account):
    account = make_account(monthly=0, overage=1)
    with pytest.raises(ApplicationError) as caught:
        spend(account, 3)
    assert caught.value.code == "insufficient_credits"
    assert caught.value.status == 402
    assert caught.value.message == "Insufficient credits. Need 3, have 1 (0 monthly + 1 overage)."
    assert balance(account) == (0, 1, 1)


def test_it_can_spend_down_to_exactly_zero(make_account):
    account = make_account(monthly=2, overage=1)
    spend(account, 3)
    assert balance(account) == (0, 0, 0)


def test_a_refund_returns_credits_to_the_pools_they_came_from(make_account):
    account = make_account(monthly=2, overage=5)
    spend(account, 4)  # 2 monthly + 2 overage
    refund(account, 3)
    assert balance(account) == (1, 5, 6)  # overage first, then monthly


def test_a_refund_never_exceeds_what_the_reference_spent(make_account):
    account = make_account(monthly=10)
    spend(account, 2, reference="job:a")
    spend(account, 3, reference="job:b")
    refund(account, 5, reference="job:a")
    refund(account, 2, reference="job:a")  # already fully refunded: nothing happens
    refund(account, 1, reference="job:unknown")
    assert balance(account) == (7, 0, 7)
    assert CreditEntry.objects.filter(kind="refund").count() == 1


def test_partial_refunds_add_up_to_at_most_the_spend(make_account):
    account = make_account(monthly=10)
    spend(account, 3)
    refund(account, 1)
    refund(account, 1)
    refund(account, 5)
    assert balance(account) == (10, 0, 10)


def test_spend_and_refund_refuse_non_positive_amounts(make_account):
    account = make_account()
    with pytest.raises(ValueError):
        spend(account, 0)
    with pytest.raises(ValueError):
        refund(account, -1)


def test_overage_grants_add_to_the_overage_pool(make_account, admin_user):
    account = make_account(monthly=1)
    result = credits_grant_overage(account=account, amount=50, memo="bought", granted_by=admin_user)
    assert (result.monthly, result.overage) == (1, 50)
    entry = CreditEntry.objects.get(kind="purchase")
    assert (entry.pool, entry.amount, entry.created_by) == ("overage", 50, admin_user)
    with pytest.raises(ApplicationError):
        credits_grant_overage(account=account, amount=0)


def test_staff_adjustments_cannot_take_a_pool_below_zero(make_account, admin_user):
    account = make_account(monthly=3)
    credits_adjust(account=account, pool="monthly", amount=-2, memo="typo", adjusted_by=admin_user)
    assert balance(account) == (1, 0, 1)
    with pytest.raises(ApplicationError) as caught:
        credits_adjust(account=account, pool="monthly", amount=-2, memo="too much")
    assert caught.value.code == "insufficient_credits"
    with pytest.raises(ApplicationError):
        credits_adjust(account=account, pool="monthly", amount=1, memo="  ")


def test_every_entry_records_the_running_balance_of_its_pool(make_account):
    account = make_account(monthly=5, overage=2)
    spend(account, 6)
    refund(account, 6)
    for pool in ("monthly", "overage"):
        running = 0
        for entry in CreditEntry.objects.filter(account=account, pool=pool).order_by("id"):
            running += entry.amount
            assert entry.balance_after == running


@pytest.mark.parametrize(
    ("pool", "kind", "amount", "balance_after"),
    [
        ("monthly", "debit", 5, 5),  # a debit must be negative
        ("monthly", "grant", -5, 0),  # a grant must be positive
        ("monthly", "adjustment", 0, 0),  # never zero
        ("overage", "debit", -5, -5),  # a pool never goes below zero
        ("overage", "grant", 5, 5),  # grants are monthly
        ("monthly", "purchase", 5, 5),  # purchases are overage
        ("bonus", "adjustment", 5, 5),
        ("monthly", "gift", 5, 5),
    ],
)
def test_the_database_refuses_impossible_ledger_lines(account, pool, kind, amount, balance_after):
    with pytest.raises(IntegrityError), transaction.atomic():
        CreditEntry.objects.create(account=account, pool=pool, kind=kind, amount=amount, balance_after=balance_after)
