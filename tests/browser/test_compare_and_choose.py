"""Compare covers on the shelf preview, choose one, make an A/B set and record its winner, in a real
browser at a laptop's width and at a phone's."""

from __future__ import annotations

import io
import json
import re
import zipfile

from playwright.sync_api import expect

from billing.models import Account
from covers import services
from covers.models import ABSet, Cover

LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 375, "height": 812}


def _covers(account, book, count: int) -> list[Cover]:
    job = services.job_create_generate(account=account, book_id=book.id, count=count)
    services.job_run(job_id=job.id)  # rendered here: this test needs covers, not a worker
    return list(job.covers.order_by("job_position"))


def test_compare_covers_on_the_shelf_and_choose_one(page, fits, live_server, sign_up, make_book, shot):
    page.set_viewport_size(LAPTOP)
    email = sign_up(page)
    account = Account.objects.get(user__email=email)
    book = make_book(
        account=account,
        title="Harbour of Lies",
        author="Ines Duarte",
        genre="mystery",
        summary="A lighthouse keeper is the only witness to a shipwreck, and she is lying.",
    )
    covers = _covers(account, book, 3)
    neighbour = make_book(account=account, title="Salt and Smoke", author="Ines Duarte", genre="mystery")
    _covers(account, neighbour, 1)

    # The book page: tick three covers and compare them.
    page.goto(f"{live_server.url}/books/{book.id}/")
    for checkbox in page.get_by_label("Compare").all():
        checkbox.check()
    page.get_by_role("button", name="Compare the ticked covers").click()
    page.wait_for_url(re.compile(r"/compare/\?"))
    expect(page.get_by_test_id("compare-item")).to_have_count(3)
    expect(page.get_by_test_id("shelf-row")).to_have_count(3)
    # Search results by default: 100 px covers, the candidate among the library's other mystery and the gallery.
    candidate = page.get_by_test_id("shelf-candidate").first
    assert round(candidate.bounding_box()["width"]) == 100
    expect(page.get_by_alt_text("Salt and Smoke (your library)").first).to_be_visible()
    shot(page, "laptop compare search size")

    page.get_by_role("link", name="Product page · 300 px").click()
    expect(page.get_by_role("link", name="Product page · 300 px")).to_have_attribute("aria-current", "true")
    assert round(page.get_by_test_id("shelf-candidate").first.bounding_box()["width"]) == 300
    assert fits(page)
    shot(page, "laptop compare product size")

    # Choose B: the page comes back with B marked chosen, and so do the book page and the library.
    page.get_by_role("button", name="Choose cover B").click()
    expect(page.get_by_test_id("chosen-badge")).to_have_count(1)
    expect(page.get_by_role("button", name="Choose cover B")).to_have_count(0)
    chosen = Cover.objects.get(book=book, chosen_at__isnull=False)
    assert chosen == covers[1]
    shot(page, "laptop compare after choosing B")
    page.goto(f"{live_server.url}/library/")
    expect(page.get_by_test_id("library-chosen")).to_have_count(1)
    shot(page, "laptop library with the chosen cover")

    # Phone: the same comparison fits the screen (the shelf scrolls inside its own box).
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/books/{book.id}/compare/?cover={covers[0].id}&cover={covers[1].id}&size=phone")
    assert round(page.get_by_test_id("shelf-candidate").first.bounding_box()["width"]) == 160
    assert fits(page)
    shot(page, "phone compare phone size")


def test_an_ab_set_is_exported_and_its_winner_recorded(page, fits, live_server, sign_up, make_book, shot):
    page.set_viewport_size(LAPTOP)
    email = sign_up(page)
    account = Account.objects.get(user__email=email)
    book = make_book(account=account, title="Orchard at Dusk", genre="fantasy", summary="An old orchard and a fox.")
    covers = _covers(account, book, 2)
    page.goto(f"{live_server.url}/books/{book.id}/compare/?cover={covers[0].id}&cover={covers[1].id}")
    page.get_by_label("Name of the test").fill("Spring launch")
    page.get_by_role("button", name="Make an A/B set").click()
    page.wait_for_url(re.compile(r"/ab-sets/[0-9a-f-]+/$"))
    expect(page.get_by_role("heading", name="Spring launch")).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_test_id("ab-export").click()
    download = download_info.value
    assert download.suggested_filename.startswith("ab-set-orchard-at-dusk-")
    archive = zipfile.ZipFile(io.BytesIO(open(download.path(), "rb").read()))
    manifest = json.loads(archive.read("manifest.json"))
    assert [v["coverId"] for v in manifest["variants"]] == [str(covers[0].id), str(covers[1].id)]
    assert sorted(archive.namelist()) == sorted(
        [v["file"] for v in manifest["variants"]] + ["manifest.json", "tracking.csv"]
    )

    page.locator("label.chip", has_text="B").click()
    page.get_by_label("What decided it").fill("3.9% vs 2.6% click-through")
    page.get_by_role("button", name="Record the winner").click()
    expect(page.get_by_test_id("ab-winner")).to_contain_text("Variant B won: 3.9% vs 2.6% click-through")
    assert ABSet.objects.get(book=book).winner_id == covers[1].id
    shot(page, "laptop ab set with winner")
    page.set_viewport_size(PHONE)
    page.reload()
    assert fits(page)
    shot(page, "phone ab set")
