"""A broker outage when a job is accepted: the client gets its 202, pays once, and the job still completes."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from django.utils import timezone
from django_q.conf import Conf

from billing.models import CreditEntry
from billing.services import credits_balance
from covers import services
from covers.models import Job, WebhookDelivery

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when we leave: nothing listens there


class Outage:
    """Points django-q2 at a Redis that is not there (as while Redis restarts) until `end()`."""

    def __init__(self) -> None:
        self._patch = pytest.MonkeyPatch()

    def begin(self) -> None:
        self._patch.setattr(Conf, "SYNC", False)  # through the broker even where run_jobs runs tasks inline
        self._patch.setattr(Conf, "ORM", None)
        self._patch.setattr(Conf, "DJANGO_REDIS", None)
        self._patch.setattr(Conf, "REDIS", f"redis://127.0.0.1:{_closed_port()}/0")

    def end(self) -> None:
        self._patch.undo()


@pytest.fixture
def broker(run_jobs):
    """Begin the outage in the test, after run_jobs switched django-q2 to running tasks inline."""
    outage = Outage()
    yield outage
    outage.end()


def test_a_job_accepted_while_the_broker_is_down_answers_202_and_completes_later(
    api_client, account, make_book, broker, django_capture_on_commit_callbacks, run_jobs
):
    book = make_book(account=account)
    broker.begin()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = api_client.post("/api/v1/covers/generate", {"bookId": str(book.id), "count": 2}, format="json")
    assert response.status_code == 202, response.content
    assert callbacks, "the enqueue ran (and failed) after the commit"
    job = Job.objects.get(pk=response.json()["jobId"])
    assert job.status == Job.QUEUED and job.enqueued_at is None
    charges = CreditEntry.objects.filter(account=account, kind=CreditEntry.KIND_DEBIT, reference=f"job:{job.id}")
    assert sum(-e.amount for e in charges) == 2 and credits_balance(account=account).total == 8
    # Still down: the sweeper tries, fails quietly, and the job waits.
    later = timezone.now() + timedelta(seconds=10)
    assert services.jobs_sweep(now=later).requeued == 0
    broker.end()  # the broker is back
    with run_jobs():
        assert services.jobs_sweep(now=later).requeued == 1
    job.refresh_from_db()
    assert job.status == Job.COMPLETED and job.covers.count() == 2
    assert credits_balance(account=account).total == 8  # charged once, nothing refunded


def test_a_webhook_whose_enqueue_fails_is_sent_by_the_retry_schedule(
    account, make_book, broker, receiver, run_jobs, django_capture_on_commit_callbacks
):
    book = make_book(account=account)
    job = services.job_create_generate(account=account, book_id=book.id, webhook_url=receiver.url)
    with run_jobs():
        services.job_run(job_id=job.id)
    assert len(receiver.requests) == 1  # with the broker up it goes at once
    second = services.job_create_generate(account=account, book_id=book.id, webhook_url=receiver.url)
    Job.objects.filter(pk=second.pk).update(status=Job.RUNNING, started_at=timezone.now())
    broker.begin()
    with django_capture_on_commit_callbacks(execute=True):
        services.job_fail(job_id=second.id, code="worker_lost", message="stopped")  # must not raise
    delivery = WebhookDelivery.objects.get(job=second)
    assert delivery.status == WebhookDelivery.PENDING and delivery.attempts == 0
    broker.end()
    from covers.tasks import webhooks_retry_task

    with run_jobs():
        assert webhooks_retry_task() == 1
    assert len(receiver.requests) == 2 and receiver.bodies()[1]["event"] == "job.failed"
