"""Never charge without a result: per-unit deadlines, partial jobs, and their webhook and refunds."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from billing.models import CreditEntry
from billing.services import credits_balance
from covers import deliveries, services
from covers.models import Job, JobUnit, WebhookDelivery
from covers.representations import job_detail, webhook_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(make_book, account):
    return make_book(account=account, summary="A harbour town under a red moon.")


def _claim_units(job: Job, positions: int, *, ago: timedelta) -> None:
    """Units claimed `ago` by a worker that has since died (its claim rows are what the sweeper reads)."""
    Job.objects.filter(pk=job.pk).update(status=Job.RUNNING, started_at=timezone.now() - ago, units_claimed=positions)
    for position in range(positions):
        _claim_unit(job, position=position, ago=ago)


def _claim_unit(job: Job, *, position: int, ago: timedelta) -> None:
    JobUnit.objects.create(
        job=job, account=job.account, position=position, worker="gone:1", claimed_at=timezone.now() - ago
    )


def _refunds(job: Job) -> int:
    entries = CreditEntry.objects.filter(kind=CreditEntry.KIND_REFUND, reference=f"job:{job.id}")
    return sum(e.amount for e in entries)


def test_a_unit_lost_with_its_worker_is_refunded_after_the_unit_deadline(account, book, settings):
    settings.COVERS_JOB_UNIT_DEADLINE = 60
    job = services.job_create_generate(account=account, book_id=book.id, count=3)
    # Units 0 and 1 were claimed 61 s ago by a worker that died; unit 2 still waits in the queue.
    _claim_units(job, 2, ago=timedelta(seconds=61))
    report = services.jobs_sweep()
    assert report.lost_units == 2
    job.refresh_from_db()
    assert job.status == Job.RUNNING and job.units_failed == 2  # the third unit is still to come
    assert set(JobUnit.objects.filter(job=job).values_list("outcome", flat=True)) == {JobUnit.LOST}
    assert services.unit_next_run() is True  # a live worker renders the last unit
    job.refresh_from_db()
    assert job.status == Job.PARTIAL
    assert (job.units_done, job.credits_used, job.credits_refunded) == (1, 1, 2)
    assert job.error_code == "worker_lost"
    assert _refunds(job) == 2 and credits_balance(account=account).total == 10 - 1
    # Sweeping again refunds nothing twice.
    assert services.jobs_sweep().lost_units == 0
    assert _refunds(job) == 2


def test_a_unit_within_its_deadline_is_left_alone(account, book, settings):
    settings.COVERS_JOB_UNIT_DEADLINE = 60
    job = services.job_create_generate(account=account, book_id=book.id, count=1)
    _claim_units(job, 1, ago=timedelta(seconds=50))
    assert services.jobs_sweep().lost_units == 0
    job.refresh_from_db()
    assert job.status == Job.RUNNING and credits_balance(account=account).total == 9


def test_the_late_result_of_a_unit_declared_lost_is_not_delivered(account, book, settings):
    settings.COVERS_JOB_UNIT_DEADLINE = 60
    job = services.job_create_generate(account=account, book_id=book.id, count=2)
    _claim_units(job, 2, ago=timedelta(seconds=61))
    services.jobs_sweep()
    job.refresh_from_db()
    assert job.status == Job.FAILED and job.credits_refunded == 2  # nothing delivered: failed, not partial
    services.job_unit_run(job_id=job.id, position=0)  # the "dead" worker was only slow
    job.refresh_from_db()
    assert job.covers.count() == 0 and job.units_done == 0
    assert credits_balance(account=account).total == 10


def test_a_partial_job_says_so_on_the_api_and_in_its_webhook(account, book, receiver, run_jobs):
    job = services.job_create_generate(account=account, book_id=book.id, count=3, webhook_url=receiver.url)
    Job.objects.filter(pk=job.pk).update(status=Job.RUNNING, started_at=timezone.now())
    services.job_unit_run(job_id=job.id, position=0)
    services.job_unit_run(job_id=job.id, position=1)
    with run_jobs():
        assert services.job_unit_failed(job_id=job.id, position=2, code="render_failed", message="No luck.")
    job.refresh_from_db()
    assert job.status == Job.PARTIAL
    detail = job_detail(job)
    assert detail["status"] == "partial" and detail["credits_used"] == 2
    assert detail["error"] == {"code": "render_failed", "message": "No luck."}
    assert len(detail["result"]["covers"]) == 2 and all(c["signedUrl"] for c in detail["result"]["covers"])
    delivery = WebhookDelivery.objects.get(job=job)
    assert delivery.event == "job.partial"
    [sent] = receiver.bodies()
    assert sent["event"] == "job.partial" and sent["status"] == "partial"
    assert len(sent["data"]["covers"]) == 2 and sent["error"]["code"] == "render_failed"
    assert webhook_payload(job, timestamp=timezone.now())["event"] == "job.partial"
    # The same unit reported again (its task ran twice) changes nothing.
    assert services.job_unit_failed(job_id=job.id, position=2, code="render_failed", message="again") is False
    assert _refunds(job) == 1 and credits_balance(account=account).total == 10 - 2
    assert deliveries.webhooks_due() == []


def test_a_staff_failure_of_a_job_with_delivered_covers_is_partial(account, book):
    job = services.job_create_generate(account=account, book_id=book.id, count=3)
    Job.objects.filter(pk=job.pk).update(status=Job.RUNNING, started_at=timezone.now())
    services.job_unit_run(job_id=job.id, position=0)
    _claim_unit(job, position=1, ago=timedelta(seconds=5))  # still rendering when staff fail the job
    assert services.job_fail(job_id=job.id, code="worker_lost", message="stopped")
    job.refresh_from_db()
    assert job.status == Job.PARTIAL and (job.credits_used, job.credits_refunded) == (1, 2)
    # The unit in flight is settled with the job: its late result is dropped and the sweeper is done with it.
    assert JobUnit.objects.get(job=job, position=1).outcome == JobUnit.LOST
    services.job_unit_run(job_id=job.id, position=1)
    assert job.covers.count() == 1
