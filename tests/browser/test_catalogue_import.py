"""A publisher imports a 50-book catalogue with 3 bad rows, sees the report, generates covers for the
47 good ones and watches the progress page to the end, with a real worker rendering the covers."""

from __future__ import annotations

import csv
import io
import re

from playwright.sync_api import expect

from billing.models import Account
from billing.services import credits_balance, credits_grant_overage
from covers.models import Batch, Cover

GENRES = ("mystery", "fantasy", "romance", "science-fiction", "thriller")
SUMMARIES = (
    "A lighthouse keeper finds a letter in a bottle.",
    "An orchard of glass trees rings when war is coming.",
    "Two rival bakers share one oven for a summer.",
    "A crew wakes a century early on a generation ship.",
    "A courier carries a key she must never use.",
)


def _catalogue() -> str:
    rows = [
        [f"Harbour Book {n}", "Ada Reyes", GENRES[n % 5], SUMMARIES[n % 5], f"isbn-{n:03d}", ""] for n in range(1, 51)
    ]
    # Three bad rows (file lines 8, 21 and 40, the heading being line 1): a genre in the wrong case,
    # no title, too many covers.
    rows[6][2] = "Mystery"
    rows[19][0] = ""
    rows[38][5] = "7"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["title", "author", "genre", "summary", "external_ref", "count"])
    writer.writerows(rows)
    return out.getvalue()


def test_a_publisher_imports_a_catalogue_and_watches_it_render(page, live_server, qcluster, sign_up, shot, tmp_path):
    email = sign_up(page)
    account = Account.objects.get(user__email=email)
    # A sign-up starts with a small trial; a publisher buys enough credits for the list first.
    credits_grant_overage(account=account, amount=60, memo="Publisher's credit pack")
    credits_before = credits_balance(account=account).total
    path = tmp_path / "spring-list.csv"
    path.write_text(_catalogue(), encoding="utf-8")

    page.goto(f"{live_server.url}/library/")
    page.get_by_test_id("import-catalogue").click()
    expect(page.get_by_role("heading", name="Import a catalogue")).to_be_visible()
    shot(page, "import page")
    page.get_by_label("Catalogue file").set_input_files(str(path))
    page.get_by_role("button", name="Check the catalogue").click()

    # The report: 47 ready, 3 with errors, each by its line and field.
    expect(page.get_by_role("heading", name="Check your catalogue")).to_be_visible()
    expect(page.get_by_test_id("good-rows")).to_have_text("47")
    expect(page.get_by_test_id("bad-rows")).to_have_text("3")
    report = page.get_by_test_id("bad-rows-report")
    lines = report.locator("tbody tr td:first-child").all_inner_texts()
    assert lines == ["8", "21", "40"]
    expect(report).to_contain_text("genre")
    expect(report).to_contain_text("Missing required fields: title.")
    expect(report).to_contain_text("count must be an integer between 1 and 5.")
    shot(page, "import report")

    page.get_by_test_id("start-batch").click()
    page.wait_for_url(re.compile(r"/batches/[0-9a-f-]+/$"))
    expect(page.get_by_test_id("batch-books").locator("figure")).to_have_count(47)
    # Covers appear while the batch runs (the first few, before the end).
    expect(page.locator("[data-testid=batch-books] img.cover-img").first).to_be_visible(timeout=60_000)
    shot(page, "progress running", settle=False)

    expect(page.get_by_test_id("batch-status")).to_have_text("Done: every book has its covers", timeout=240_000)
    expect(page.get_by_test_id("books-done")).to_have_text("47")
    expect(page.get_by_test_id("batch-eta")).to_have_text("done")
    expect(page.locator("[data-testid=batch-books] img.cover-img")).to_have_count(47)
    expect(page.get_by_test_id("nav-credits")).to_have_text(str(credits_before - 47))
    shot(page, "progress done")

    batch = Batch.objects.get(account=account)
    assert batch.status == Batch.COMPLETED
    assert Cover.objects.filter(account=account).count() == 47
    assert credits_balance(account=account).total == credits_before - 47
