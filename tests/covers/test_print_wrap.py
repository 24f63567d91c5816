"""POST /api/v1/covers/:id/print-wrap: validation in the envelope, 1 credit, the PDF and proof assets."""

from __future__ import annotations

import pikepdf
import pytest

from billing.services import credits_balance
from covers.models import CoverAsset, Job
from covers.storage import file_read

pytestmark = pytest.mark.django_db

WRAP = {"printer": "kdp", "binding": "paperback", "trimSize": "6x9", "pageCount": 320, "paper": "white"}


def error_of(response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


@pytest.fixture
def cover(make_cover, account):
    return make_cover(account=account)


def test_it_makes_the_pdf_and_the_proof_for_one_credit(api_client, cover, account, run_jobs):
    before = credits_balance(account=account).total
    with run_jobs():
        response = api_client.post(
            f"/api/v1/covers/{cover.id}/print-wrap",
            {**WRAP, "isbn": "978-1-4028-9462-6", "price": "51299"},
            format="json",
        )
    assert response.status_code == 202 and response.json()["operation"] == "print_wrap"
    job = Job.objects.get(pk=response.json()["jobId"])
    assert job.status == Job.COMPLETED, (job.error_code, job.error_message)
    assert credits_balance(account=account).total == before - 1
    pdf_asset = CoverAsset.objects.get(cover=cover, asset_type="print_pdf")
    assert pdf_asset.content_type == "application/pdf" and pdf_asset.storage_name.endswith(".pdf")
    with pikepdf.open(__import__("io").BytesIO(file_read(pdf_asset.storage_name))) as pdf:
        box = [float(v) for v in pdf.pages[0].MediaBox]
    assert box[2] / 72 == pytest.approx(2 * 6 + 320 * 0.002252 + 0.25, abs=0.001)
    assert CoverAsset.objects.get(cover=cover, asset_type="print_proof").content_type == "image/png"
    detail = api_client.get(f"/api/v1/jobs/{job.id}").json()
    assert set(detail["result"]["assets"]) == {"print_pdf", "print_proof"}
    assert detail["result"]["print"]["spineText"] is True
    download = api_client.get(f"/api/v1/covers/{cover.id}/assets/print_pdf/download")
    assert download.status_code == 302


def test_a_second_wrap_replaces_the_first(api_client, cover, run_jobs):
    for pages in (320, 40):
        with run_jobs():
            api_client.post(f"/api/v1/covers/{cover.id}/print-wrap", {**WRAP, "pageCount": pages}, format="json")
    assets = CoverAsset.objects.filter(cover=cover, asset_type="print_pdf")
    assert assets.count() == 1
    with pikepdf.open(__import__("io").BytesIO(file_read(assets.get().storage_name))) as pdf:
        assert float(pdf.pages[0].MediaBox[2]) / 72 == pytest.approx(12 + 40 * 0.002252 + 0.25, abs=0.001)


@pytest.mark.parametrize(
    "change,field",
    [
        ({"pageCount": 900}, "pageCount"),
        ({"pageCount": 10}, "pageCount"),
        ({"pageCount": "320"}, "pageCount"),
        ({"trimSize": "4.25x6.87"}, "trimSize"),  # Lulu's pocket size, not KDP's
        ({"binding": "hardcover", "trimSize": "5x8"}, "trimSize"),
        ({"printer": "blurb"}, "printer"),
        ({"paper": "glossy"}, "paper"),
        ({"isbn": "978-1-4028-9462-7"}, "isbn"),
        ({"isbn": "0-306-40615-3"}, "isbn"),
        ({"price": "5129"}, "price"),
        ({"price": "51299"}, "price"),  # an add-on needs an ISBN
    ],
)
def test_impossible_combinations_are_refused_and_cost_nothing(api_client, cover, account, change, field):
    from byc_site.errors import ApplicationError
    from covers import services

    before = credits_balance(account=account).total
    response = api_client.post(f"/api/v1/covers/{cover.id}/print-wrap", {**WRAP, **change}, format="json")
    assert error_of(response) == (400, "invalid_field_value")
    # The service names the field at fault, for the web form to put the message next to it.
    names = {"trimSize": "trim_size", "pageCount": "page_count"}
    request = {names.get(k, k): v for k, v in {**WRAP, **change}.items()}
    with pytest.raises(ApplicationError) as caught:
        services.job_create_print_wrap(account=account, cover_id=cover.id, **request)
    assert caught.value.field == field
    assert credits_balance(account=account).total == before
    assert not Job.objects.filter(operation="print_wrap").exists()


def test_an_isbn_10_is_accepted(api_client, cover):
    response = api_client.post(
        f"/api/v1/covers/{cover.id}/print-wrap", {**WRAP, "isbn": "0-306-40615-2"}, format="json"
    )
    assert response.status_code == 202
    assert Job.objects.get(pk=response.json()["jobId"]).params["isbn"] == "9780306406157"


def test_other_accounts_covers_are_not_found(make_account, api_client_for, cover):
    response = api_client_for(make_account()).post(f"/api/v1/covers/{cover.id}/print-wrap", WRAP, format="json")
    assert response.status_code == 404 and response.json()["error"]["code"] == "cover_not_found"


def test_a_failed_render_is_refunded(api_client, cover, account, run_jobs):
    # A recipe the engine cannot read fails the job on the worker: the credit comes back.
    type(cover).objects.filter(pk=cover.pk).update(recipe={"version": 999})
    before = credits_balance(account=account).total
    with run_jobs():
        response = api_client.post(f"/api/v1/covers/{cover.id}/print-wrap", WRAP, format="json")
    job = Job.objects.get(pk=response.json()["jobId"])
    assert job.status == Job.FAILED and job.credits_refunded == 1
    assert credits_balance(account=account).total == before
    assert not CoverAsset.objects.filter(cover=cover, asset_type="print_pdf").exists()


def test_staff_can_retry_a_failed_wrap_with_the_same_request(api_client, cover, run_jobs):
    from covers import services

    # A failure that a second try can fix (the worker was lost); one that depends on the request is
    # not retried (covers.services.job_retry, RETRYABLE_JOB_ERRORS).
    response = api_client.post(
        f"/api/v1/covers/{cover.id}/print-wrap",
        {**WRAP, "isbn": "0-306-40615-2", "backText": "Short."},
        format="json",
    )
    services.job_fail(job_id=response.json()["jobId"], code="worker_lost", message="The worker stopped.")
    failed = Job.objects.get(pk=response.json()["jobId"])
    assert failed.status == Job.FAILED
    with run_jobs():
        retry = services.job_retry(job_id=failed.id, reason="worker restarted")
    assert retry.operation == "print_wrap" and retry.params == failed.params
    retry.refresh_from_db()
    assert retry.status == Job.COMPLETED
