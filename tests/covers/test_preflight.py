"""POST /api/v1/preflight: a cover's wrap or an uploaded file against a target; free; throttled."""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from billing.services import credits_balance

pytestmark = pytest.mark.django_db

TARGET = {"printer": "kdp", "binding": "paperback", "trimSize": "6x9", "pageCount": 320, "paper": "white"}


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def wrapped_cover(make_cover, account, api_client, run_jobs):
    cover = make_cover(account=account)
    with run_jobs():
        api_client.post(f"/api/v1/covers/{cover.id}/print-wrap", {**TARGET, "isbn": "9781402894626"}, format="json")
    return cover


def test_a_covers_wrap_is_checked_for_free(api_client, account, wrapped_cover, client):
    before = credits_balance(account=account).total
    response = api_client.post("/api/v1/preflight", {**TARGET, "coverId": str(wrapped_cover.id)}, format="json")
    assert response.status_code == 200
    data = response.json()
    by_rule = {c["rule"]: c for c in data["checks"]}
    assert by_rule["page_size"]["passed"] and by_rule["fonts_embedded"]["passed"] and by_rule["trim_box"]["passed"]
    # Tests render at a tenth of the size: the art is 30 ppi, and preflight says so.
    assert by_rule["image_resolution"]["passed"] is False and data["passed"] is False
    assert set(by_rule["page_size"]) == {"rule", "passed", "measured", "expected", "where"}
    assert credits_balance(account=account).total == before
    proof = client.get(data["proof"]["signedUrl"])
    assert proof.status_code == 200


def test_the_wrap_is_checked_against_the_target_asked_for(api_client, wrapped_cover):
    response = api_client.post(
        "/api/v1/preflight", {**TARGET, "pageCount": 200, "coverId": str(wrapped_cover.id)}, format="json"
    )
    assert {c["rule"]: c["passed"] for c in response.json()["checks"]}["page_size"] is False


def test_an_uploaded_file_is_checked(api_client):
    image = Image.new("RGB", (round(12.9706 * 100), round(9.25 * 100)), (30, 30, 60))
    data = io.BytesIO()
    image.save(data, format="PNG", dpi=(100, 100))
    upload = SimpleUploadedFile("cover.png", data.getvalue(), content_type="image/png")
    response = api_client.post("/api/v1/preflight", {**TARGET, "file": upload}, format="multipart")
    assert response.status_code == 200
    failed = {c["rule"] for c in response.json()["checks"] if c["passed"] is False}
    assert failed == {"image_resolution"}


def test_a_file_that_is_not_a_cover_is_refused(api_client):
    upload = SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain")
    response = api_client.post("/api/v1/preflight", {**TARGET, "file": upload}, format="multipart")
    assert response.status_code == 400 and response.json()["error"]["code"] == "file_type_unsupported"


def test_an_impossible_target_is_refused(api_client, wrapped_cover):
    response = api_client.post(
        "/api/v1/preflight", {**TARGET, "pageCount": 5000, "coverId": str(wrapped_cover.id)}, format="json"
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_field_value"


def test_a_cover_without_a_wrap_or_of_another_account(api_client, make_cover, account, make_account, api_client_for):
    cover = make_cover(account=account)
    response = api_client.post("/api/v1/preflight", {**TARGET, "coverId": str(cover.id)}, format="json")
    assert response.status_code == 404 and response.json()["error"]["code"] == "asset_not_available"
    other = api_client_for(make_account()).post(
        "/api/v1/preflight", {**TARGET, "coverId": str(cover.id)}, format="json"
    )
    assert other.status_code == 404 and other.json()["error"]["code"] == "cover_not_found"


def test_it_is_throttled_per_account(api_client, settings):
    settings.PREFLIGHT_RATE = "2/min"
    upload = lambda: SimpleUploadedFile("x.txt", b"x", content_type="text/plain")  # noqa: E731
    responses = [
        api_client.post("/api/v1/preflight", {**TARGET, "file": upload()}, format="multipart") for _ in range(3)
    ]
    assert [r.status_code for r in responses] == [400, 400, 429]
    assert responses[2].json()["error"]["code"] == "rate_limited"
