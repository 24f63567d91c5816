"""The cover page says, in plain words, what the engine drew and what it could not; a stopped
subscription is refused in the wizard with a message that says what to do."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from books.models import Book
from covers.models import Job

PHONE = {"width": 375, "height": 812}


def _wizard_book(page, *, title: str, genre: str) -> None:
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Author name").fill("Ines Varga")
    page.get_by_label("Genre", exact=True).select_option(genre)
    page.get_by_role("button", name=re.compile("Save and choose a style")).click()
    page.wait_for_url(re.compile(r"/books/[0-9a-f-]+/style/$"))


def test_the_cover_page_says_what_was_drawn_and_what_could_not_be(
    page, live_server, qcluster, sign_up, first_cover, shot
):
    sign_up(page)
    first_cover(page, title="Hedge Weather", genre="fantasy", main_elements="a hedgehog and a wombat")

    report = page.get_by_test_id("design")
    expect(report.get_by_role("heading", name="What is on this cover")).to_be_visible()
    drawn = report.get_by_test_id("design-drawn")
    expect(drawn).to_have_text(re.compile(r"^We drew: .*\ba hedgehog\b.*\.$"))
    # A real animal without a picture yet (an invented word is not read as a subject at all).
    not_drawn = report.get_by_test_id("design-not-drawn")
    expect(not_drawn).to_have_text("We could not draw: a wombat (no picture for it yet).")
    text = report.inner_text()
    # Plain words: no internal names, each subject once.
    assert "_" not in text
    assert text.count("wombat") == 1 and text.count("hedgehog") == 1
    # A list reads as a sentence: "a, b and c", never a trailing comma list.
    subjects = drawn.inner_text().removeprefix("We drew: ").removesuffix(".")
    assert ", " not in subjects or " and " in subjects
    shot(page, "cover page report")

    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # On a phone the report comes right after the cover, before the downloads.
    report_top = report.bounding_box()["y"]
    assert report_top < page.locator("#downloads").bounding_box()["y"]
    shot(page, "phone cover page report")


def test_a_stopped_subscription_is_refused_in_the_wizard(page, live_server, make_account, shot):
    account = make_account(email="stopped@example.com", password="quiet harbour 42", active=False)
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("stopped@example.com")
    page.get_by_label("Password").fill("quiet harbour 42")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your library")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="New cover").click()
    _wizard_book(page, title="Winter Accounts", genre="mystery")
    # Before any click, the price box says why nothing can be generated (not "choose fewer covers").
    expect(page.get_by_test_id("stopped-note")).to_contain_text("Your subscription is stopped")
    expect(page.get_by_text("That is more than you have")).to_have_count(0)
    page.get_by_label("Main elements").fill("a snowy street")
    page.get_by_role("button", name="Generate covers").click()

    error = page.get_by_test_id("job-error")
    expect(error).to_contain_text("Your subscription is stopped")
    expect(error).to_contain_text("Ask the service's staff to start the subscription again.")
    expect(page.get_by_label("Main elements")).to_have_value("a snowy street")  # the author's choices are kept
    shot(page, "stopped subscription")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, "phone stopped subscription")

    assert Book.objects.filter(account=account).count() == 1
    assert not Job.objects.filter(account=account).exists()
