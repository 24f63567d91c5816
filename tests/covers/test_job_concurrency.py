"""Parallel requests cannot slip past the plan's concurrency limit or overspend (PostgreSQL row locks)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from billing.services import credits_balance
from byc_site.errors import ApplicationError
from covers import services
from covers.models import Job

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are what is tested; SQLite has none"),
]


def _fire(n: int, call) -> list[str]:
    outcomes: list[str] = []
    barrier = threading.Barrier(n)

    def run():
        try:
            barrier.wait()
            call()
            outcomes.append("accepted")
        except ApplicationError as exc:
            outcomes.append(exc.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_twenty_parallel_requests_get_exactly_the_plans_five_slots(make_account, make_book):
    account = make_account(plan="starter", monthly=100)
    book = make_book(account=account)
    outcomes = _fire(20, lambda: services.job_create_generate(account=account, book_id=book.id))
    assert outcomes.count("accepted") == 5
    assert outcomes.count("concurrency_limit") == 15
    assert Job.objects.filter(account=account).count() == 5
    assert credits_balance(account=account).total == 95


def test_parallel_requests_never_overspend(make_account, make_book):
    account = make_account(plan="scale", monthly=7)
    book = make_book(account=account)
    outcomes = _fire(12, lambda: services.job_create_generate(account=account, book_id=book.id, count=2))
    assert outcomes.count("accepted") == 3
    assert outcomes.count("insufficient_credits") == 9
    assert credits_balance(account=account).total == 1
