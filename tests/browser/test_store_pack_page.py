"""In a real browser: the cover page makes the store pack, and downloads arrive named after the book."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "quiet harbour 42"


def test_an_author_downloads_named_files_and_the_store_pack(
    page, live_server, qcluster, make_account, make_book, wait_for_job, shot
):
    from covers import services

    account = make_account(email="packer@example.com", password=PASSWORD)
    book = make_book(account=account, title="The Last Witness", summary="A lighthouse keeper in a storm.")
    job = services.job_create_generate(account=account, book_id=book.id, count=1)

    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("packer@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/jobs/{job.id}/")
    assert wait_for_job(page) == "completed"
    page.get_by_test_id("result-cover").first.click()

    # The ebook cover is called so, and its PNG and JPEG come named after the book.
    expect(page.get_by_test_id("asset-preview")).to_contain_text("Ebook cover (1600 × 2560)")
    with page.expect_download() as png:
        page.get_by_test_id("download-preview-png").click()
    assert re.fullmatch(r"the-last-witness_ebook-\d+x\d+\.png", png.value.suggested_filename)
    with page.expect_download() as jpeg:
        page.get_by_test_id("download-preview-jpeg").click()
    assert re.fullmatch(r"the-last-witness_ebook-\d+x\d+\.jpg", jpeg.value.suggested_filename)
    assert open(jpeg.value.path(), "rb").read(3) == b"\xff\xd8\xff"
    shot(page, "cover page with store pack card")

    page.get_by_test_id("store-pack").get_by_role("button", name=re.compile("Make the store pack")).click()
    assert wait_for_job(page, timeout_ms=120_000) == "completed"
    shot(page, "store pack ready")
    with page.expect_download() as pack:
        page.get_by_test_id("download-store-pack").click()
    assert pack.value.suggested_filename == "the-last-witness_store-pack.zip"
    archive = zipfile.ZipFile(io.BytesIO(open(pack.value.path(), "rb").read()))
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["meetsRequired"] is True and len(manifest["files"]) == 7

    # Back on the cover page, the pack is a download.
    page.get_by_role("link", name="Back to the cover").click()
    expect(
        page.get_by_test_id("store-pack").get_by_role("link", name=re.compile("Download store pack"))
    ).to_be_visible()
