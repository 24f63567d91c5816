"""Running jobs: the atomic claim, units, completion, failure with refunds, the sweeper, staff actions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from billing.models import CreditEntry
from billing.services import credits_balance
from byc_site.errors import ApplicationError
from covers import services
from covers.models import Cover, CoverAsset, Job

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(make_book, account):
    return make_book(account=account, summary="Glass towers and a river of lanterns.")


def test_a_generate_job_renders_its_covers_and_completes(account, book, run_jobs):
    with run_jobs():
        job = services.job_create_generate(account=account, book_id=book.id, count=3, mood="epic")
    job.refresh_from_db()
    assert job.status == Job.COMPLETED
    assert job.started_at <= job.completed_at
    assert (job.units_done, job.units_failed, job.credits_used, job.credits_refunded) == (3, 0, 3, 0)
    covers = list(job.covers.order_by("job_position"))
    assert [c.job_position for c in covers] == [0, 1, 2]
    assert job.result["cover_ids"] == [str(c.id) for c in covers]
    for cover in covers:
        assert cover.operation == Cover.OP_GENERATE and cover.book == book and cover.account == account
        assert cover.recipe["template_id"] == cover.template_id
        preview = cover.assets.get()
        assert preview.asset_type == "preview"
        assert (preview.width, preview.height) == (160, 256)  # 1600 x 2560 at the tests' scale 0.1
        assert preview.size_bytes > 0 and len(preview.checksum) == 64
    assert len({c.recipe["seed"] for c in covers}) == 3
    assert credits_balance(account=account).total == 7


def test_a_job_is_claimed_once(account, book, run_jobs):
    job = services.job_create_generate(account=account, book_id=book.id)  # not enqueued: no commit in this test
    with run_jobs():
        assert services.job_run(job_id=job.id) is True
        assert services.job_run(job_id=job.id) is False
    assert Cover.objects.filter(job=job).count() == 1


def test_the_claiming_worker_renders_every_cover_when_no_helper_is_free(account, book):
    job = services.job_create_generate(account=account, book_id=book.id, count=3)
    # Not in sync mode: the helper tasks wait in the broker, as when every other worker is busy.
    assert services.job_run(job_id=job.id) is True
    job.refresh_from_db()
    assert job.status == Job.COMPLETED and job.covers.count() == 3
    assert services.job_work(job_id=job.id) == 0  # a helper arriving late finds nothing left


def test_a_unit_that_runs_twice_records_one_cover(account, book, run_jobs):
    job = services.job_create_generate(account=account, book_id=book.id, count=2)
    Job.objects.filter(pk=job.pk).update(status=Job.RUNNING, started_at=timezone.now())
    services.job_unit_run(job_id=job.id, position=1)
    services.job_unit_run(job_id=job.id, position=1)
    job.refresh_from_db()
    assert job.units_done == 1 and job.status == Job.RUNNING
    services.job_unit_run(job_id=job.id, position=0)
    job.refresh_from_db()
    assert job.status == Job.COMPLETED and job.covers.count() == 2


def test_a_partly_failed_job_keeps_what_it_delivered_and_refunds_the_rest(account, book):
    job = services.job_create_generate(account=account, book_id=book.id, count=3)
    Job.objects.filter(pk=job.pk).update(status=Job.RUNNING, started_at=timezone.now())
    services.job_unit_run(job_id=job.id, position=0)
    services.job_unit_failed(job_id=job.id, code="render_failed", message="The cover could not be rendered.")
    job.refresh_from_db()
    assert job.status == Job.RUNNING  # one unit still out
    services.job_unit_failed(job_id=job.id, code="render_failed", message="again")
    job.refresh_from_db()
    assert job.status == Job.PARTIAL
    assert (job.error_code, job.error_message) == ("render_failed", "The cover could not be rendered.")
    assert (job.credits_used, job.credits_refunded) == (1, 2)
    assert len(job.result["cover_ids"]) == 1
    assert credits_balance(account=account).total == 10 - 1


def test_an_edit_the_engine_cannot_understand_fails_and_refunds(account, make_cover, run_jobs):
    cover = make_cover(account=account)
    with run_jobs():
        job = services.job_create_edit(account=account, cover_id=cover.id, prompt="qwzx blorf vrunt")
    job.refresh_from_db()
    assert job.status == Job.FAILED
    assert job.error_code == "edit_not_understood" and job.error_message
    assert (job.credits_used, job.credits_refunded) == (0, 1)
    assert credits_balance(account=account).total == 10 - 1


def test_a_corrupt_recipe_fails_the_job_with_a_code_and_refunds(account, make_cover, run_jobs):
    cover = make_cover(account=account)
    Cover.objects.filter(pk=cover.pk).update(recipe={"version": 999})
    with run_jobs():
        job = services.job_create_variation(account=account, cover_id=cover.id, count=2)
    job.refresh_from_db()
    assert job.status == Job.FAILED and job.error_code and job.error_message
    assert (job.credits_used, job.credits_refunded) == (0, 2)
    assert credits_balance(account=account).total == 10 - 1


def test_refunds_return_to_the_pools_they_came_from(make_account, make_book):
    account = make_account(monthly=1, overage=4)
    book = make_book(account=account)
    job = services.job_create_generate(account=account, book_id=book.id, count=3)
    services.job_fail(job_id=job.id, code="worker_lost", message="stopped")
    balance = credits_balance(account=account)
    assert (balance.monthly, balance.overage) == (1, 4)
    refunds = CreditEntry.objects.filter(account=account, kind=CreditEntry.KIND_REFUND, reference=f"job:{job.id}")
    assert sum(r.amount for r in refunds) == 3


def test_failing_twice_refunds_once(account, book):
    job = services.job_create_generate(account=account, book_id=book.id, count=2)
    assert services.job_fail(job_id=job.id, code="worker_lost", message="stopped") is True
    assert services.job_fail(job_id=job.id, code="worker_lost", message="stopped") is False
    assert credits_balance(account=account).total == 10


def test_units_finishing_after_the_job_failed_are_discarded(account, book):
    job = services.job_create_generate(account=account, book_id=book.id, count=2)
    Job.objects.filter(pk=job.pk).update(status=Job.RUNNING, started_at=timezone.now())
    services.job_fail(job_id=job.id, code="worker_lost", message="stopped")
    services.job_unit_run(job_id=job.id, position=0)
    assert not Cover.objects.filter(job=job).exists()
    assert credits_balance(account=account).total == 10


def test_the_sweeper_fails_and_refunds_jobs_stuck_running(account, book, settings):
    settings.COVERS_JOB_RUNNING_DEADLINE = 600
    stuck = services.job_create_generate(account=account, book_id=book.id, count=2)
    fresh = services.job_create_generate(account=account, book_id=book.id)
    # Every unit handed out, none rendering any more (claimed before units were tracked): only the
    # job-wide deadline can end these.
    Job.objects.filter(pk=stuck.pk).update(
        status=Job.RUNNING, started_at=timezone.now() - timedelta(minutes=11), units_claimed=2
    )
    Job.objects.filter(pk=fresh.pk).update(
        status=Job.RUNNING, started_at=timezone.now() - timedelta(minutes=9), units_claimed=1
    )
    report = services.jobs_sweep()
    assert report.failed == 1
    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert stuck.status == Job.FAILED and stuck.error_code == "worker_lost"
    assert fresh.status == Job.RUNNING
    assert credits_balance(account=account).total == 10 - 1


def test_the_sweeper_re_enqueues_queued_jobs_whose_task_was_lost(account, book, settings, run_jobs):
    settings.COVERS_JOB_QUEUED_GRACE = 300
    lost = services.job_create_generate(account=account, book_id=book.id)
    waiting = services.job_create_generate(account=account, book_id=book.id)
    Job.objects.filter(pk=lost.pk).update(
        created_at=timezone.now() - timedelta(minutes=6), enqueued_at=timezone.now() - timedelta(minutes=6)
    )
    with run_jobs():
        report = services.jobs_sweep()
    assert report.requeued == 1
    lost.refresh_from_db()
    waiting.refresh_from_db()
    assert lost.status == Job.COMPLETED
    assert waiting.status == Job.QUEUED


def test_staff_can_retry_a_failed_job_as_a_new_charged_job(account, book, run_jobs):
    job = services.job_create_generate(account=account, book_id=book.id, count=2, mood="uplifting")
    services.job_fail(job_id=job.id, code="worker_lost", message="stopped")
    with run_jobs():
        retried = services.job_retry(job_id=job.id)
    retried.refresh_from_db()
    assert retried.pk != job.pk and retried.status == Job.COMPLETED
    assert retried.params["mood"] == "uplifting" and retried.count == 2
    assert credits_balance(account=account).total == 8
    with pytest.raises(ApplicationError):
        services.job_retry(job_id=retried.id)


def test_staff_can_refund_a_finished_job_once(account, make_cover):
    cover = make_cover(account=account)
    assert services.job_refund(job_id=cover.job_id) == 1
    assert services.job_refund(job_id=cover.job_id) == 0
    job = Job.objects.get(pk=cover.job_id)
    assert (job.credits_used, job.credits_refunded) == (0, 1)
    assert credits_balance(account=account).total == 10


def test_upscale_renders_the_full_asset_on_the_same_cover(account, make_cover, run_jobs):
    cover = make_cover(account=account)
    with run_jobs():
        job = services.job_create_upscale(account=account, cover_id=cover.id, source_asset="preview")
    job.refresh_from_db()
    assert job.status == Job.COMPLETED and job.result == {"cover_ids": [str(cover.id)], "asset": "full"}
    full = CoverAsset.objects.get(cover=cover, asset_type="full")
    assert (full.width, full.height) == (320, 512)


def test_the_audiobook_cover_is_square_and_can_then_be_upscaled(account, make_cover, run_jobs):
    cover = make_cover(account=account)
    with run_jobs():
        services.job_create_audiobook(account=account, cover_id=cover.id)
    with run_jobs():
        services.job_create_upscale(account=account, cover_id=cover.id, source_asset="audiobook_preview")
    sizes = {a.asset_type: (a.width, a.height) for a in cover.assets.all()}
    assert sizes["audiobook_preview"] == (240, 240)
    assert sizes["audiobook_full"] == (480, 480)


def test_variations_and_edits_keep_their_lineage(account, make_cover, run_jobs):
    cover = make_cover(account=account)
    with run_jobs():
        variation_job = services.job_create_variation(account=account, cover_id=cover.id, count=2)
        edit_job = services.job_create_edit(account=account, cover_id=cover.id, prompt="make it darker")
    variations = list(Cover.objects.filter(job=variation_job))
    assert len(variations) == 2
    assert all(v.source_cover == cover and v.operation == Cover.OP_VARIATION for v in variations)
    assert all(v.recipe["seed"] != cover.recipe["seed"] for v in variations)
    edit_job.refresh_from_db()
    assert edit_job.status == Job.COMPLETED, edit_job.error_message
    edited = Cover.objects.get(job=edit_job)
    assert edited.source_cover == cover and edited.operation == Cover.OP_EDIT
    assert edited.edit_prompt == "make it darker" and edited.edits_understood
