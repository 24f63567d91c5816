"""GET /api/v1/jobs/:jobId (the result shape of each operation) and GET /api/v1/jobs."""

from __future__ import annotations

import uuid

import pytest

from covers import services

pytestmark = pytest.mark.django_db


def error_of(response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


JOB_KEYS = {
    "jobId",
    "status",
    "operation",
    "external_ref",
    "credits_used",
    "created_at",
    "started_at",
    "completed_at",
    "result",
    "error",
    "queue",  # additive: where a waiting job stands
}


def test_a_queued_job_has_no_result_yet(api_client, account, make_book):
    job = services.job_create_generate(account=account, book_id=make_book(account=account).id, count=2)
    data = api_client.get(f"/api/v1/jobs/{job.id}").json()
    assert set(data) == JOB_KEYS
    assert data["status"] == "queued" and data["result"] is None and data["error"] is None
    assert data["started_at"] is None and data["completed_at"] is None
    assert data["credits_used"] == 2
    assert data["queue"] == {"unitsAhead": 0, "estimatedWaitSeconds": None}  # first in line, nothing timed yet


def test_a_completed_generate_job(api_client, account, make_book, run_jobs):
    book = make_book(account=account)
    with run_jobs():
        response = api_client.post(
            "/api/v1/covers/generate", {"bookId": str(book.id), "count": 2, "external_ref": "gen-001"}, format="json"
        )
    data = api_client.get(response.json()["poll_url"]).json()
    assert data["status"] == "completed" and data["error"] is None
    assert data["credits_used"] == 2 and data["external_ref"] == "gen-001"
    assert set(data["result"]) == {"bookId", "covers"} and data["result"]["bookId"] == str(book.id)
    for cover in data["result"]["covers"]:
        assert set(cover) == {"coverId", "signedUrl", "expiresAt", "coverStyle"}


def test_variation_and_edit_results_name_the_source(api_client, account, make_cover, run_jobs):
    cover = make_cover(account=account)
    with run_jobs():
        variation = api_client.post(f"/api/v1/covers/{cover.id}/variations", {"count": 2}, format="json").json()
        edit = api_client.post(f"/api/v1/covers/{cover.id}/edit-image", {"prompt": "darker"}, format="json").json()
    for accepted, covers in ((variation, 2), (edit, 1)):
        data = api_client.get(f"/api/v1/jobs/{accepted['jobId']}").json()
        assert data["status"] == "completed", data["error"]
        assert set(data["result"]) == {"sourceCoverId", "covers"}
        assert data["result"]["sourceCoverId"] == str(cover.id)
        assert len(data["result"]["covers"]) == covers
        assert all(c["coverId"] != str(cover.id) for c in data["result"]["covers"])


def test_upscale_and_audiobook_results_name_the_asset(api_client, account, make_cover, run_jobs):
    cover = make_cover(account=account)
    with run_jobs():
        audio = api_client.post(f"/api/v1/covers/{cover.id}/audiobook-cover", {}, format="json").json()
        upscale = api_client.post(f"/api/v1/covers/{cover.id}/upscale", {"sourceAsset": "preview"}, format="json")
    for job_id, asset in ((audio["jobId"], "audiobook_preview"), (upscale.json()["jobId"], "full")):
        data = api_client.get(f"/api/v1/jobs/{job_id}").json()
        [entry] = data["result"]["covers"]
        assert set(entry) == {"coverId", "asset", "signedUrl", "expiresAt"}
        assert entry["coverId"] == str(cover.id) and entry["asset"] == asset


def test_each_poll_signs_fresh_urls(api_client, account, make_cover):
    cover = make_cover(account=account)
    first = api_client.get(f"/api/v1/jobs/{cover.job_id}").json()["result"]["covers"][0]
    second = api_client.get(f"/api/v1/jobs/{cover.job_id}").json()["result"]["covers"][0]
    assert first["signedUrl"] and second["signedUrl"]
    assert first["expiresAt"] <= second["expiresAt"]


def test_a_failed_job_says_why(api_client, account, make_book):
    job = services.job_create_generate(account=account, book_id=make_book(account=account).id, count=2)
    services.job_fail(job_id=job.id, code="worker_lost", message="The worker stopped.")
    data = api_client.get(f"/api/v1/jobs/{job.id}").json()
    assert data["status"] == "failed"
    assert data["error"] == {"code": "worker_lost", "message": "The worker stopped."}
    assert data["credits_used"] == 0


def test_other_accounts_jobs_are_not_found(api_client, make_account, make_book, api_client_for):
    other = make_account()
    job = services.job_create_generate(account=other, book_id=make_book(account=other).id)
    assert error_of(api_client.get(f"/api/v1/jobs/{job.id}")) == (404, "job_not_found")
    assert error_of(api_client.get(f"/api/v1/jobs/{uuid.uuid4()}")) == (404, "job_not_found")
    assert error_of(api_client.get("/api/v1/jobs/nope")) == (404, "job_not_found")
    assert api_client_for(other).get(f"/api/v1/jobs/{job.id}").status_code == 200


def test_the_job_list_is_newest_first_paginated_and_filterable(api_client, account, make_book):
    book = make_book(account=account)
    jobs = [services.job_create_generate(account=account, book_id=book.id) for _ in range(3)]
    services.job_fail(job_id=jobs[0].id, code="worker_lost", message="stopped")
    page = api_client.get("/api/v1/jobs?limit=2").json()
    assert page["total"] == 3 and page["next_offset"] == 2
    assert [j["jobId"] for j in page["jobs"]] == [str(jobs[2].id), str(jobs[1].id)]
    failed = api_client.get("/api/v1/jobs?status=failed").json()
    assert [j["jobId"] for j in failed["jobs"]] == [str(jobs[0].id)]
    assert failed["jobs"][0]["error"]["code"] == "worker_lost"
    assert api_client.get("/api/v1/jobs?status=queued").json()["total"] == 2
    assert error_of(api_client.get("/api/v1/jobs?status=done")) == (400, "invalid_field_value")
    assert error_of(api_client.get("/api/v1/jobs?limit=0")) == (400, "invalid_request")


def test_the_job_list_shows_only_the_callers_jobs(api_client, make_account, make_book):
    other = make_account()
    services.job_create_generate(account=other, book_id=make_book(account=other).id)
    assert api_client.get("/api/v1/jobs").json()["total"] == 0
