"""Fair scheduling: work tokens serve the account that waited longest; the queue estimate; the web page.

The real-cluster version (two accounts, a running qcluster) is in test_e2e_fair_queue.py.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from byc_site.errors import ApplicationError
from covers import selectors, services
from covers.models import Job, JobUnit
from covers.representations import job_detail

pytestmark = pytest.mark.django_db


@pytest.fixture
def backlog(make_account, make_book):
    """Account A with three jobs of three covers queued; then account B with one cover."""
    a = make_account(monthly=20)
    b = make_account(monthly=5)
    book_a, book_b = make_book(account=a), make_book(account=b)
    a_jobs = [services.job_create_generate(account=a, book_id=book_a.id, count=3) for _ in range(3)]
    b_job = services.job_create_generate(account=b, book_id=book_b.id)
    return a, b, a_jobs, b_job


def _claim_order() -> list[tuple[int, object]]:
    return list(JobUnit.objects.order_by("claimed_at", "pk").values_list("account_id", "job_id"))


def test_a_token_serves_the_account_that_waited_longest(backlog):
    a, b, a_jobs, b_job = backlog
    assert services.unit_next_run() is True  # A's oldest job starts
    assert services.unit_next_run() is True  # B has never been served: B goes next, not A's 2nd unit
    b_job.refresh_from_db()
    assert b_job.status == Job.COMPLETED
    while services.unit_next_run():
        pass
    order = _claim_order()
    assert [account for account, _job in order[:2]] == [a.id, b.id]
    # A's own jobs go oldest first, each unit once.
    assert [job for _account, job in order[2:]] == [a_jobs[0].id] * 2 + [a_jobs[1].id] * 3 + [a_jobs[2].id] * 3
    assert all(Job.objects.get(pk=j.pk).status == Job.COMPLETED for j in a_jobs)
    assert services.unit_next_run() is False  # a surplus token finds nothing


def test_accounts_alternate_while_both_have_work(make_account, make_book):
    a, b = make_account(monthly=10), make_account(monthly=10)
    for account in (a, b):
        book = make_book(account=account)
        services.job_create_generate(account=account, book_id=book.id, count=3)
    while services.unit_next_run():
        pass
    accounts = [account for account, _job in _claim_order()]
    assert accounts == [a.id, b.id] * 3


def test_a_waiting_job_shows_how_many_covers_are_ahead(backlog):
    a, b, a_jobs, b_job = backlog
    # B's one cover waits for one turn of A; A's third job waits for A's six earlier covers and B's one.
    assert selectors.job_queue_estimate(b_job).units_ahead == 1
    assert selectors.job_queue_estimate(a_jobs[2]).units_ahead == 7
    assert selectors.job_queue_estimate(b_job).wait_seconds is None  # nothing timed yet
    services.unit_next_run()
    services.unit_next_run()
    b_job.refresh_from_db()
    assert selectors.job_queue_estimate(b_job) is None  # done: no estimate
    a_jobs[2].refresh_from_db()
    estimate = selectors.job_queue_estimate(a_jobs[2])
    assert estimate.units_ahead == 5 and estimate.wait_seconds is not None and estimate.wait_seconds >= 0
    queue = job_detail(a_jobs[2])["queue"]
    assert queue == {"unitsAhead": 5, "estimatedWaitSeconds": estimate.wait_seconds}
    assert job_detail(b_job)["queue"] is None


def test_the_job_page_says_where_a_waiting_job_stands(client, backlog):
    a, b, a_jobs, b_job = backlog
    client.force_login(b.user)
    page = client.get(f"/jobs/{b_job.id}/")
    assert page.status_code == 200
    assert "Waiting in line: 1 cover ahead of yours" in page.content.decode()


def test_the_concurrency_limit_of_a_plan_still_holds(make_account, make_book):
    account = make_account(monthly=50)  # starter: 5 jobs at a time
    book = make_book(account=account)
    for _ in range(5):
        services.job_create_generate(account=account, book_id=book.id)
    with pytest.raises(ApplicationError) as refused:
        services.job_create_generate(account=account, book_id=book.id)
    assert refused.value.code == "concurrency_limit"
    services.unit_next_run()
    assert services.job_create_generate(account=account, book_id=book.id).status == Job.QUEUED
    assert JobUnit.objects.filter(claimed_at__lte=timezone.now()).count() == 1
