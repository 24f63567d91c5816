"""A new author's whole journey in a real browser, with a real worker rendering the covers."""

from __future__ import annotations

import io
import re

from PIL import Image
from playwright.sync_api import expect

import cover_engine as engine
from billing.models import ApiKey
from covers.models import Cover


def _open_first_result(page) -> None:
    page.get_by_test_id("result-cover").first.click()
    page.wait_for_url(re.compile(r"/covers/[0-9a-f-]+/$"))


def test_a_new_author_makes_refines_and_downloads_a_cover(
    page, live_server, qcluster, sign_up, wait_for_job, shot, settings
):
    page.goto(live_server.url)
    shot(page, "landing")
    email = sign_up(page)

    # Step 1: the book.
    expect(page.get_by_role("heading", name="Tell us about your book")).to_be_visible()
    page.get_by_label("Title", exact=True).fill("The Salt Lantern")
    page.get_by_label("Subtitle").fill("A novel of the northern lights")
    page.get_by_label("Author name").fill("Mira Holm")
    page.get_by_label("Genre", exact=True).select_option("fantasy")
    subgenre = page.get_by_label("Subgenre")
    expect(subgenre.locator("option[value=cozy-fantasy]")).to_have_count(1)
    subgenre.select_option("cozy-fantasy")
    page.get_by_label("Target audience").select_option("adult")
    summary = page.get_by_label("Summary")
    text = "A lighthouse keeper on a storm-battered island finds letters from a sister she never knew."
    summary.fill(text)
    expect(page.locator("[data-counter-for=id_summary]")).to_have_text(f"{len(text)} / 1000")
    shot(page, "wizard book")
    page.get_by_role("button", name=re.compile("Save and choose a style")).click()

    # Step 2: the style.
    page.wait_for_url(re.compile(r"/books/[0-9a-f-]+/style/$"))
    others = page.locator(".other-template")
    expect(others.first).to_be_hidden()
    page.get_by_role("link", name=re.compile(r"Show all \d+ templates")).click()
    expect(others.first).to_be_visible()
    page.locator("label[for=mood-mysterious]").click()
    page.locator("label[for=pal-cool]").click()
    page.get_by_label("Main elements").fill("a lighthouse on a cliff, stormy sea")
    page.locator("label[for=count-3]").click()
    expect(page.get_by_test_id("cost")).to_have_text("3 credits")
    shot(page, "wizard style")
    page.get_by_role("button", name="Generate covers").click()

    # Step 3: progress, updated by polling, then the three covers.
    page.wait_for_url(re.compile(r"/jobs/[0-9a-f-]+/$"))
    shot(page, "wizard progress", settle=False)
    assert wait_for_job(page) == "completed"
    expect(page.get_by_test_id("result-cover")).to_have_count(3)
    shot(page, "wizard results")

    # Step 4: refine. Edit the first cover by prompt.
    _open_first_result(page)
    original_url = page.url
    shot(page, "cover page")
    page.get_by_role("button", name="Make the sky more dramatic").click()
    expect(page.get_by_label("What should change?")).to_have_value("Make the sky more dramatic")
    page.get_by_role("button", name=re.compile("Apply the edit")).click()
    assert wait_for_job(page) == "completed"
    shot(page, "edit result")
    _open_first_result(page)
    expect(page.get_by_test_id("understood")).to_be_visible()
    expect(page.get_by_test_id("lineage")).to_be_visible()
    edited_id = page.url.rstrip("/").rsplit("/", 1)[1]
    assert str(Cover.objects.get(pk=edited_id).source_cover_id) in original_url

    # The square audiobook version.
    page.get_by_test_id("asset-audiobook_preview").get_by_role("button", name=re.compile("Create")).click()
    assert wait_for_job(page) == "completed"
    shot(page, "audiobook result")
    _open_first_result(page)
    expect(page.get_by_test_id("audiobook-preview")).to_be_visible()

    # Upscale the ebook cover, then download the full-size file.
    page.get_by_test_id("asset-full").get_by_role("button", name=re.compile("Upscale")).click()
    assert wait_for_job(page) == "completed"
    _open_first_result(page)
    shot(page, "cover with every asset")
    with page.expect_download() as download_info:
        page.get_by_test_id("asset-full").get_by_role("link", name="Download").click()
    data = open(download_info.value.path(), "rb").read()
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    assert image.size == engine.render_size("ebook", 2 * settings.COVERS_RENDER_SCALE)

    # The library shows the book with its covers.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Library").click()
    expect(page.get_by_role("heading", name="The Salt Lantern")).to_be_visible()
    shot(page, "library")

    # Account, then its developer page: create an API key (shown once), then revoke it (asked first).
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Account").click()
    page.get_by_role("link", name="Developer: API and webhooks").click()
    page.get_by_label("Key name").fill("Publishing server")
    page.get_by_role("button", name="Create a key").click()
    new_key = page.get_by_test_id("new-key")
    expect(new_key).to_contain_text("shown only this once")
    raw_key = page.locator("#new-key-value").inner_text()
    assert raw_key.startswith("byc_sk_")
    shot(page, "account new key")
    key = ApiKey.objects.get(account__user__email=email)
    page.get_by_role("link", name="Revoke the key Publishing server").click()
    expect(page.get_by_role("heading", name="Revoke the key “Publishing server”?")).to_be_visible()
    page.get_by_role("button", name="Revoke the key").click()
    expect(page.get_by_text("is revoked")).to_be_visible()
    expect(page.get_by_test_id("api-key-row").first).to_contain_text("Revoked")
    assert raw_key not in page.content()
    key.refresh_from_db()
    assert key.revoked_at is not None
    shot(page, "account revoked key")
