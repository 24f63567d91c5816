"""DELETE /api/v1/covers/:id, POST /covers/:id/rerender, and what a deleted book or cover hides.

Covers keep the text they were made with: editing the book changes no cover, and neither do the
variations of an old cover; only a re-render (1 credit) makes a cover with the new text.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from billing.services import credits_balance
from books.models import Book
from books.services import book_delete, book_restore, book_update
from covers import services
from covers.models import Cover, CoverAsset, Job
from covers.storage import file_exists


@pytest.fixture
def outsider_client(make_account, api_client_for):
    return api_client_for(make_account())


def _retitle(account, book, title="The Salt Roads"):
    return book_update(account=account, book_id=book.id, changes={"title": title})


def test_editing_a_book_keeps_its_covers_text(account, make_cover, run_jobs):
    cover = make_cover(account=account)
    _retitle(account, cover.book)
    cover.refresh_from_db()
    assert cover.recipe["text"]["title"] == "The Salt Road"
    with run_jobs():
        job = services.job_create_variation(account=account, cover_id=cover.id, count=1)
    variation = Job.objects.get(pk=job.pk).covers.get()
    assert variation.recipe["text"]["title"] == "The Salt Road"  # not silently retitled


def test_rerender_makes_a_new_cover_with_the_new_text(api_client, account, make_cover, run_jobs):
    cover = make_cover(account=account)
    _retitle(account, cover.book)
    before = credits_balance(account=account).total
    with run_jobs():
        response = api_client.post(f"/api/v1/covers/{cover.id}/rerender", {}, format="json")
    assert response.status_code == 202
    assert response.json()["operation"] == "rerender"
    job = Job.objects.get(pk=response.json()["jobId"])
    assert job.status == Job.COMPLETED and job.credits_used == 1
    assert credits_balance(account=account).total == before - 1
    new = job.covers.get()
    assert new.operation == Cover.OP_RERENDER and new.source_cover_id == cover.id
    assert new.recipe["text"]["title"] == "The Salt Roads"
    assert new.recipe["template_id"] == cover.recipe["template_id"]
    assert new.recipe["seed"] == cover.recipe["seed"]
    assert new.design["template"]["id"] == cover.template_id
    cover.refresh_from_db()
    assert cover.recipe["text"]["title"] == "The Salt Road"
    detail = api_client.get(f"/api/v1/jobs/{job.id}").json()
    assert [c["coverId"] for c in detail["result"]["covers"]] == [str(new.id)]


def test_rerender_of_a_cover_that_shows_the_current_text_is_refused_free(api_client, account, make_cover):
    cover = make_cover(account=account)
    before = credits_balance(account=account).total
    response = api_client.post(f"/api/v1/covers/{cover.id}/rerender", {}, format="json")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "cover_text_current"
    assert credits_balance(account=account).total == before


def test_a_changed_summary_alone_is_nothing_to_rerender(api_client, account, make_cover):
    cover = make_cover(account=account)
    book_update(account=account, book_id=cover.book_id, changes={"summary": "A different story."})
    assert api_client.post(f"/api/v1/covers/{cover.id}/rerender", {}, format="json").status_code == 409


def test_it_validates_ownership(outsider_client, account, make_cover):
    cover = make_cover(account=account)
    _retitle(account, cover.book)
    for response in (
        outsider_client.post(f"/api/v1/covers/{cover.id}/rerender", {}, format="json"),
        outsider_client.delete(f"/api/v1/covers/{cover.id}"),
    ):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "cover_not_found"
    cover.refresh_from_db()
    assert cover.deleted_at is None


def test_a_deleted_cover_is_gone_from_every_endpoint(api_client, account, make_cover):
    cover = make_cover(account=account)
    job_id = cover.job_id
    assert api_client.delete(f"/api/v1/covers/{cover.id}").status_code == 204
    assert api_client.get(f"/api/v1/covers/{cover.id}").status_code == 404
    assert api_client.get(f"/api/v1/covers/{cover.id}/assets/preview/download").status_code == 404
    assert api_client.post(f"/api/v1/covers/{cover.id}/variations", {}, format="json").status_code == 404
    assert api_client.get(f"/api/v1/books/{cover.book_id}/covers").json()["total"] == 0
    assert api_client.get(f"/api/v1/jobs/{job_id}").json()["result"]["covers"] == []
    again = api_client.delete(f"/api/v1/covers/{cover.id}")
    assert again.status_code == 404 and again.json()["error"]["code"] == "cover_not_found"


def test_a_deleted_books_covers_are_hidden_and_come_back_with_it(api_client, account, make_cover):
    cover = make_cover(account=account)
    api_client.delete(f"/api/v1/books/{cover.book_id}")
    assert api_client.get(f"/api/v1/covers/{cover.id}").status_code == 404
    assert api_client.get(f"/api/v1/jobs/{cover.job_id}").json()["result"]["covers"] == []
    assert book_restore(book_id=cover.book_id)
    assert api_client.get(f"/api/v1/covers/{cover.id}").status_code == 200
    assert api_client.get(f"/api/v1/books/{cover.book_id}/covers").json()["total"] == 1


def test_restoring_a_cover_shows_it_again(api_client, account, make_cover):
    cover = make_cover(account=account)
    services.cover_delete(account=account, cover_id=cover.id)
    assert services.cover_restore(cover_id=cover.id)
    assert not services.cover_restore(cover_id=cover.id)  # not deleted any more
    assert api_client.get(f"/api/v1/covers/{cover.id}").status_code == 200


def test_a_job_in_flight_on_a_deleted_book_fails_and_refunds(account, make_book, run_jobs):
    book = make_book(account=account)
    before = credits_balance(account=account).total
    job = services.job_create_generate(account=account, book_id=book.id, count=2)  # queued, not run yet
    book_delete(account=account, book_id=book.id)
    services.job_run(job_id=job.id)
    job.refresh_from_db()
    assert job.status == Job.FAILED and job.error_code == "book_deleted"
    assert job.credits_used == 0 and job.credits_refunded == 2
    assert credits_balance(account=account).total == before
    assert not Cover.objects.filter(job=job).exists()


def test_a_job_in_flight_from_a_deleted_cover_fails_and_refunds(account, make_cover):
    cover = make_cover(account=account)
    before = credits_balance(account=account).total
    job = services.job_create_upscale(account=account, cover_id=cover.id, source_asset="preview")
    services.cover_delete(account=account, cover_id=cover.id)
    services.job_run(job_id=job.id)
    job.refresh_from_db()
    assert (job.status, job.error_code, job.credits_used) == (Job.FAILED, "cover_deleted", 0)
    assert credits_balance(account=account).total == before
    assert not CoverAsset.objects.filter(cover=cover, asset_type="full").exists()


def test_the_purge_removes_what_was_deleted_30_days_ago_with_its_files(
    account, make_cover, make_book, django_capture_on_commit_callbacks
):
    old_book_cover = make_cover(account=account)
    old_cover = make_cover(account=account, book=make_book(account=account, title="Second"))
    recent_cover = make_cover(account=account, book=old_cover.book)
    names = [a.storage_name for c in (old_book_cover, old_cover) for a in c.assets.all()]
    assert names and all(file_exists(n) for n in names)
    book_delete(account=account, book_id=old_book_cover.book_id)
    services.cover_delete(account=account, cover_id=old_cover.id)
    services.cover_delete(account=account, cover_id=recent_cover.id)
    long_ago = timezone.now() - timedelta(days=31)
    Book.objects.filter(pk=old_book_cover.book_id).update(deleted_at=long_ago)
    Cover.objects.filter(pk=old_cover.pk).update(deleted_at=long_ago)

    with django_capture_on_commit_callbacks(execute=True):  # files go once the rows' removal commits
        report = services.deleted_purge()

    assert (report.books, report.covers) == (1, 2)
    assert not Book.objects.filter(pk=old_book_cover.book_id).exists()
    assert not Cover.objects.filter(pk__in=[old_book_cover.pk, old_cover.pk]).exists()
    assert Cover.objects.filter(pk=recent_cover.pk).exists()  # 30 days not over: still restorable
    assert not any(file_exists(n) for n in names)
    assert all(file_exists(a.storage_name) for a in recent_cover.assets.all())
    job = Job.objects.get(pk=old_book_cover.job_id)  # the job history stays, detached
    assert job.book_id is None and job.status == Job.COMPLETED
    assert services.deleted_purge().covers == 0


def test_the_purge_runs_on_a_schedule(db):
    from django_q.models import Schedule

    schedule = Schedule.objects.get(func="covers.tasks.deleted_purge_task")
    assert schedule.repeats == -1 and schedule.minutes == 60


def test_the_content_policy_judges_the_text_a_job_would_draw(api_client, account, make_cover, run_jobs):
    cover = make_cover(account=account)
    book_update(account=account, book_id=cover.book_id, changes={"summary": "A snuff film ring."})
    # A variation draws the old cover's text: allowed. A re-render would draw the new: refused, free.
    with run_jobs():
        variation = api_client.post(f"/api/v1/covers/{cover.id}/variations", {"count": 1}, format="json")
    assert variation.status_code == 202
    _retitle(account, cover.book)
    before = credits_balance(account=account).total
    refused = api_client.post(f"/api/v1/covers/{cover.id}/rerender", {}, format="json")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "content_policy_violation"
    assert credits_balance(account=account).total == before
