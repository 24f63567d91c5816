"""Concurrent reservations never overspend: the account row lock serialises them."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from billing.models import CreditEntry
from billing.services import account_lock, credits_balance, credits_spend
from byc_site.errors import ApplicationError


def reserve_concurrently(account_id: int, attempts: int) -> list[str]:
    barrier = threading.Barrier(attempts)
    outcomes: list[str] = []

    def reserve(index: int) -> None:
        try:
            barrier.wait(timeout=20)
            with transaction.atomic():
                locked = account_lock(account_id=account_id)
                credits_spend(account=locked, amount=1, reference=f"job:{index}")
            outcomes.append("ok")
        except ApplicationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=reserve, args=(index,)) for index in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_reservations_on_a_balance_of_ten_let_exactly_ten_through(make_account):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are a PostgreSQL matter; SQLite serialises whole transactions (run with DATABASE_URL)")
    account = make_account(monthly=6, overage=4)
    outcomes = reserve_concurrently(account.pk, 20)
    assert outcomes.count("ok") == 10
    assert outcomes.count("insufficient_credits") == 10
    balance = credits_balance(account=account)
    assert (balance.monthly, balance.overage) == (0, 0)
    assert CreditEntry.objects.filter(account=account, kind="debit").count() == 10


@pytest.mark.django_db(transaction=True)
def test_concurrent_reservations_on_sqlite_are_serialised_too(make_account):
    """The embedded default: IMMEDIATE transactions take the write lock up front."""
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL variant above covers this")
    account = make_account(monthly=3, overage=0)
    outcomes = reserve_concurrently(account.pk, 6)
    assert outcomes.count("ok") == 3
    assert credits_balance(account=account).total == 0
