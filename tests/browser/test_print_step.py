"""The cover page's Print step in a browser: an impossible page count explained next to its field,
then a wrap made by a real worker, its proof shown and its PDF downloaded under the book's name."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_an_author_makes_a_print_wrap(page, live_server, qcluster, sign_up, first_cover, wait_for_job, shot):
    sign_up(page)
    cover_url = first_cover(page, title="The Last Witness", genre="thriller", author="Mara Quill")

    step = page.get_by_test_id("print-step")
    step.get_by_label("Printer").select_option("kdp")
    step.get_by_label("Trim size (inches)").select_option("6x9")
    step.get_by_label("Pages").fill("2000")
    step.get_by_role("button", name=re.compile("Make the print wrap")).click()
    expect(page.locator("#field-page_count")).to_contain_text("24 to 828 pages")
    expect(page.get_by_test_id("print-proof")).to_have_count(0)

    step = page.get_by_test_id("print-step")
    step.get_by_label("Pages").fill("320")
    step.get_by_label("ISBN").fill("978-1-4028-9462-6")
    step.get_by_role("button", name=re.compile("Make the print wrap")).click()
    page.wait_for_url(re.compile(r"/jobs/[0-9a-f-]+/$"))
    assert wait_for_job(page) == "completed"
    page.goto(cover_url)
    expect(page.get_by_test_id("print-proof")).to_be_visible()
    shot(page, "cover page print step")
    with page.expect_download() as download:
        page.get_by_test_id("print-download").click()
    assert download.value.suggested_filename == "the-last-witness_kdp-6x9-320p.pdf"
