"""The cover endpoints: variations, edit-image, upscale, audiobook-cover, metadata, download, a book's covers."""

from __future__ import annotations

import uuid

import pytest

from billing.services import credits_balance
from covers.models import CoverAsset, Job

pytestmark = pytest.mark.django_db


def error_of(response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


@pytest.fixture
def cover(make_cover, account):
    return make_cover(account=account)


@pytest.fixture
def stranger(make_account, api_client_for):
    return api_client_for(make_account())


@pytest.mark.parametrize(
    "suffix,body,operation",
    [
        ("variations", {"count": 2}, "variation"),
        ("edit-image", {"prompt": "Make the background darker"}, "edit_image"),
        ("upscale", {"sourceAsset": "preview"}, "upscale"),
        ("audiobook-cover", {}, "audiobook_cover"),
    ],
)
def test_each_operation_answers_202_with_the_job(api_client, cover, suffix, body, operation):
    response = api_client.post(f"/api/v1/covers/{cover.id}/{suffix}", body, format="json")
    assert response.status_code == 202
    data = response.json()
    assert data["operation"] == operation and data["status"] == "queued" and data["external_ref"] is None
    assert Job.objects.get(pk=data["jobId"]).source_cover == cover


def test_the_audiobook_endpoint_accepts_an_empty_body(api_client, cover):
    assert api_client.post(f"/api/v1/covers/{cover.id}/audiobook-cover").status_code == 202


@pytest.mark.parametrize("suffix", ["variations", "edit-image", "upscale", "audiobook-cover"])
def test_other_accounts_covers_are_not_found(stranger, cover, suffix):
    body = {"prompt": "darker", "sourceAsset": "preview"}
    assert error_of(stranger.post(f"/api/v1/covers/{cover.id}/{suffix}", body, format="json")) == (
        404,
        "cover_not_found",
    )
    assert error_of(stranger.post(f"/api/v1/covers/not-a-uuid/{suffix}", body, format="json")) == (
        404,
        "cover_not_found",
    )


@pytest.mark.parametrize("count", [0, 6, "2", 1.5, True])
def test_variations_check_the_count(api_client, cover, count):
    assert error_of(api_client.post(f"/api/v1/covers/{cover.id}/variations", {"count": count}, format="json")) == (
        400,
        "invalid_count",
    )


def test_variations_cost_their_count(api_client, cover, account):
    before = credits_balance(account=account).total
    api_client.post(f"/api/v1/covers/{cover.id}/variations", {"count": 4}, format="json")
    assert credits_balance(account=account).total == before - 4


@pytest.mark.parametrize("body", [{}, {"prompt": ""}, {"prompt": "   "}, {"prompt": None}])
def test_an_edit_needs_a_prompt(api_client, cover, body):
    assert error_of(api_client.post(f"/api/v1/covers/{cover.id}/edit-image", body, format="json")) == (
        400,
        "missing_prompt",
    )


def test_edit_checks_the_prompt(api_client, cover):
    url = f"/api/v1/covers/{cover.id}/edit-image"
    assert error_of(api_client.post(url, {"prompt": "x" * 1001}, format="json")) == (400, "field_too_long")
    assert error_of(api_client.post(url, {"prompt": 7}, format="json")) == (400, "invalid_field_type")
    assert error_of(api_client.post(url, {"prompt": "add a Snuff film poster"}, format="json")) == (
        400,
        "content_policy_violation",
    )


@pytest.mark.parametrize("suffix,body", [("edit-image", {"prompt": "darker"}), ("audiobook-cover", {})])
def test_edit_and_audiobook_need_the_preview_image(api_client, cover, suffix, body):
    CoverAsset.objects.filter(cover=cover).delete()
    assert error_of(api_client.post(f"/api/v1/covers/{cover.id}/{suffix}", body, format="json")) == (
        400,
        "missing_cover_image",
    )


@pytest.mark.parametrize("source", [None, "", "full", "audiobook_full", "thumbnail", 3])
def test_upscale_needs_a_valid_source_asset(api_client, cover, source):
    body = {} if source is None else {"sourceAsset": source}
    assert error_of(api_client.post(f"/api/v1/covers/{cover.id}/upscale", body, format="json")) == (
        400,
        "invalid_source_asset",
    )


def test_upscale_of_a_missing_asset_is_not_available(api_client, cover):
    body = {"sourceAsset": "audiobook_preview"}
    response = api_client.post(f"/api/v1/covers/{cover.id}/upscale", body, format="json")
    assert error_of(response) == (404, "asset_not_available")


def test_upscale_twice_is_409_while_queued_and_once_done_and_never_charged_twice(api_client, cover, account, run_jobs):
    url = f"/api/v1/covers/{cover.id}/upscale"
    before = credits_balance(account=account).total
    assert api_client.post(url, {"sourceAsset": "preview"}, format="json").status_code == 202
    assert error_of(api_client.post(url, {"sourceAsset": "preview"}, format="json")) == (409, "asset_already_exists")
    Job.objects.filter(source_cover=cover).update(status="running")
    assert error_of(api_client.post(url, {"sourceAsset": "preview"}, format="json")) == (409, "asset_already_exists")
    assert credits_balance(account=account).total == before - 1
    CoverAsset.objects.create(
        cover=cover, asset_type="full", storage_name="x.png", width=1, height=1, size_bytes=1, checksum="0" * 64
    )
    Job.objects.filter(source_cover=cover).update(status="completed")
    assert error_of(api_client.post(url, {"sourceAsset": "preview"}, format="json")) == (409, "asset_already_exists")


def test_job_creating_posts_honour_the_idempotency_key(api_client, cover, account):
    url = f"/api/v1/covers/{cover.id}/variations"
    before = credits_balance(account=account).total
    first = api_client.post(url, {"count": 2}, format="json", HTTP_IDEMPOTENCY_KEY="var-1")
    second = api_client.post(url, {"count": 2}, format="json", HTTP_IDEMPOTENCY_KEY="var-1")
    assert first.json()["jobId"] == second.json()["jobId"]
    assert credits_balance(account=account).total == before - 2


def test_cover_metadata_lists_every_asset_type(api_client, cover):
    response = api_client.get(f"/api/v1/covers/{cover.id}")
    assert response.status_code == 200
    data = response.json()
    assert data["coverId"] == str(cover.id) and data["bookId"] == str(cover.book_id)
    assert data["coverStyle"] == cover.template_id
    # The contract's four, plus the store pack and the print wrap's PDF and proof (additive).
    assert set(data["assets"]) == {
        "preview", "full", "audiobook_preview", "audiobook_full", "store_pack", "print_pdf", "print_proof"
    }  # fmt: skip
    preview = data["assets"]["preview"]
    assert preview["available"] is True and preview["signedUrl"].startswith("http")
    assert preview["expiresAt"].endswith("Z") and "." in preview["expiresAt"]
    assert data["assets"]["full"] == {"available": False}


def test_every_read_signs_a_fresh_url_that_works(api_client, client, cover):
    url = api_client.get(f"/api/v1/covers/{cover.id}").json()["assets"]["preview"]["signedUrl"]
    response = client.get(url.removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:8] == b"\x89PNG\r\n\x1a\n"


def test_other_accounts_cannot_read_a_cover(stranger, cover):
    assert error_of(stranger.get(f"/api/v1/covers/{cover.id}")) == (404, "cover_not_found")
    assert error_of(stranger.get(f"/api/v1/covers/{uuid.uuid4()}")) == (404, "cover_not_found")
    assert error_of(stranger.get(f"/api/v1/covers/{cover.id}/assets/preview/download")) == (404, "cover_not_found")


def test_download_redirects_to_a_signed_url(api_client, client, cover):
    response = api_client.get(f"/api/v1/covers/{cover.id}/assets/preview/download")
    assert response.status_code == 302
    file = client.get(response["Location"].removeprefix("http://127.0.0.1:8000"))
    assert file.status_code == 200 and file["Content-Type"] == "image/png"


def test_download_of_an_unknown_type_or_a_missing_asset(api_client, cover):
    assert error_of(api_client.get(f"/api/v1/covers/{cover.id}/assets/poster/download")) == (
        400,
        "invalid_field_value",
    )
    assert error_of(api_client.get(f"/api/v1/covers/{cover.id}/assets/full/download")) == (
        404,
        "asset_not_available",
    )


def test_a_books_covers_newest_first_and_paginated(api_client, account, make_book, make_cover, stranger):
    book = make_book(account=account)
    made = [make_cover(account=account, book=book) for _ in range(3)]
    data = api_client.get(f"/api/v1/books/{book.id}/covers?limit=2").json()
    assert data["total"] == 3 and data["next_offset"] == 2
    assert [c["coverId"] for c in data["covers"]] == [str(made[2].id), str(made[1].id)]
    rest = api_client.get(f"/api/v1/books/{book.id}/covers?limit=2&offset=2").json()
    assert [c["coverId"] for c in rest["covers"]] == [str(made[0].id)] and rest["next_offset"] is None
    assert error_of(stranger.get(f"/api/v1/books/{book.id}/covers")) == (404, "book_not_found")
