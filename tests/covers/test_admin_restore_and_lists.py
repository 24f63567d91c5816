"""The staff admin: restoring deleted books and covers, the job list, readable webhook pages,
and retry only for failures a retry can fix."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from billing.services import credits_balance
from books.models import Book
from books.services import book_delete
from byc_site.errors import ApplicationError
from byc_site.openapi import JOB_ERROR_CODES, RETRYABLE_JOB_ERRORS
from covers import services
from covers.models import Cover, Job, WebhookAttempt, WebhookDelivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create(username="staff", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def test_staff_restore_a_deleted_book_with_its_covers(staff_client, account, make_cover, api_client):
    cover = make_cover(account=account)
    book_delete(account=account, book_id=cover.book_id)
    listed = staff_client.get("/admin/books/book/?deleted=yes").content.decode()
    assert "The Salt Road" in listed
    staff_client.post("/admin/books/book/", {"action": "restore", "_selected_action": [str(cover.book_id)]})
    assert Book.objects.get(pk=cover.book_id).deleted_at is None
    assert api_client.get(f"/api/v1/covers/{cover.id}").status_code == 200
    assert "The Salt Road" not in staff_client.get("/admin/books/book/?deleted=yes").content.decode()


def test_staff_restore_a_deleted_cover(staff_client, account, make_cover, api_client):
    cover = make_cover(account=account)
    services.cover_delete(account=account, cover_id=cover.id)
    assert str(cover.id) in staff_client.get("/admin/covers/cover/?deleted=yes").content.decode()
    staff_client.post("/admin/covers/cover/", {"action": "restore", "_selected_action": [str(cover.id)]})
    assert Cover.objects.get(pk=cover.pk).deleted_at is None
    assert api_client.get(f"/api/v1/covers/{cover.id}").status_code == 200


def test_the_job_list_shows_book_operation_prompt_and_thumbnail(staff_client, account, make_cover, run_jobs):
    cover = make_cover(account=account)
    with run_jobs():
        services.job_create_edit(account=account, cover_id=cover.id, prompt="make the sky red")
    page = staff_client.get("/admin/covers/job/").content.decode()
    assert page.count("The Salt Road") >= 2
    assert "“make the sky red”" in page
    assert "Edit image" in page and "Generate" in page
    assert page.count("<img ") >= 2  # a thumbnail per job


def test_the_job_page_says_why_it_failed_and_whether_a_retry_helps(staff_client, account, make_book):
    job = services.job_create_generate(account=account, book_id=make_book(account=account).id)
    services.job_fail(job_id=job.id, code="edit_not_understood", message="nothing to act on")
    page = staff_client.get(f"/admin/covers/job/{job.pk}/change/").content.decode()
    assert "a retry would fail the same way" in page


@pytest.mark.parametrize("code", ["edit_not_understood", "edit_not_applied", "content_policy_violation"])
def test_retry_refuses_failures_that_cannot_succeed(staff_client, account, make_cover, code):
    cover = make_cover(account=account)
    job = services.job_create_edit(account=account, cover_id=cover.id, prompt="zorblax the flibber")
    services.job_fail(job_id=job.id, code=code, message="no")
    before = credits_balance(account=account).total
    selection = {"action": "retry_failed", "_selected_action": [str(job.pk)], "apply": "1", "reason": "try"}
    page = staff_client.post("/admin/covers/job/", selection, follow=True).content.decode()
    assert "a retry cannot fix" in page
    assert Job.objects.filter(account=account).count() == 2  # the cover's generate job and this one
    assert credits_balance(account=account).total == before
    with pytest.raises(ApplicationError) as refused:
        services.job_retry(job_id=job.pk)
    assert refused.value.code == "job_not_retryable"


def test_the_retryable_set_is_defined_once_with_the_codes():
    assert {"edit_not_understood", "edit_not_applied", "content_policy_violation"}.isdisjoint(RETRYABLE_JOB_ERRORS)
    assert {"worker_lost", "render_failed", "storage_failed"} <= RETRYABLE_JOB_ERRORS
    assert RETRYABLE_JOB_ERRORS <= set(JOB_ERROR_CODES)


def test_a_delivery_page_shows_attempts_as_a_table_and_bodies_as_text(staff_client, account, make_book):
    job = services.job_create_generate(account=account, book_id=make_book(account=account).id)
    services.job_fail(job_id=job.id, code="worker_lost", message="stopped")
    delivery = WebhookDelivery.objects.create(job=job, event="job.failed", url="https://example.com/hook")
    for number in (1, 2):
        WebhookAttempt.objects.create(
            delivery=delivery, number=number, status_code=500, error="HTTP 500",
            response_excerpt="<h1>oops</h1>\nline two", request_body='{"event":"job.failed","jobId":"x"}',
        )  # fmt: skip
    page = staff_client.get(f"/admin/covers/webhookdelivery/{delivery.pk}/change/").content.decode()
    assert "&lt;br&gt;" not in page and "<br>#" not in page
    assert "<th>Attempt</th>" in page and "<td>#2</td>" in page
    assert '<pre class="byc-pre">&lt;h1&gt;oops&lt;/h1&gt;\nline two</pre>' in page  # escaped, lines kept
    assert "&quot;event&quot;: &quot;job.failed&quot;,\n" in page  # the body, indented


def test_lists_use_the_admin_stylesheet(staff_client):
    assert "css/admin.css" in staff_client.get("/admin/covers/job/").content.decode()
