"""The author pages fit a phone screen (no sideways scrolling) and are usable with the keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

PHONE = {"width": 375, "height": 812}  # the narrowest common phone


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_pages_fit_a_phone_and_errors_sit_next_to_fields(page, live_server, sign_up, make_book, shot, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_server.url)
    assert _fits(page)
    shot(page, "phone landing")
    email = sign_up(page)

    # Submitting an empty book form keeps the page and shows each error under its field.
    page.get_by_label("Summary").fill("Kept after the error")
    page.get_by_role("button", name=re.compile("Save and choose a style")).click()
    expect(page.locator("#field-title .error-text")).to_have_text(re.compile("Title is required"))
    expect(page.get_by_label("Summary")).to_have_value("Kept after the error")
    assert _fits(page)
    shot(page, "phone book errors")

    from billing.models import Account
    from covers import services

    account = Account.objects.get(user__email=email)
    book = make_book(account=account, title="Orchard at Dusk", summary="An old orchard, a fox and a lantern.")
    job = services.job_create_generate(account=account, book_id=book.id, count=1)
    services.job_run(job_id=job.id)  # rendered here: this test needs a cover, not a worker
    cover = job.covers.get()
    pages = (
        ("/account/", "account"),
        ("/account/developer/", "developer"),
        (f"/books/{book.id}/compare/?cover={cover.id}&size=phone", "shelf"),
        ("/", "library"),
        (f"/books/{book.id}/style/", "style"),
        (f"/jobs/{job.id}/", "job"),
        (f"/covers/{cover.id}/", "cover"),
    )
    for path, name in pages:
        page.goto(live_server.url + path)
        assert _fits(page), path
        shot(page, f"phone {name}")


def test_the_skip_link_and_focus_are_visible_with_the_keyboard(page, live_server, sign_up):
    sign_up(page)
    page.goto(f"{live_server.url}/account/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"


UNLABELLED_JS = """
() => Array.from(document.querySelectorAll("input:not([type=hidden]), select, textarea"))
  .filter(el => el.labels.length === 0 && !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby"))
  .map(el => el.name || el.id)
"""


def test_every_form_control_has_a_label(page, live_server, sign_up, make_book, shot):
    from billing.models import Account
    from covers import services

    email = sign_up(page)
    account = Account.objects.get(user__email=email)
    book = make_book(account=account, title="Orchard at Dusk", summary="An old orchard, a fox and a lantern.")
    job = services.job_create_generate(account=account, book_id=book.id, count=1)
    services.job_run(job_id=job.id)  # rendered here: this test needs a cover, not a worker
    cover = job.covers.get()
    paths = (
        "/books/new/",
        f"/books/{book.id}/",
        f"/books/{book.id}/style/",
        f"/covers/{cover.id}/",
        f"/books/{book.id}/compare/?cover={cover.id}",
        "/account/",
        "/account/developer/",
        "/password/change/",
    )
    for path in paths:
        page.goto(live_server.url + path)
        assert page.evaluate(UNLABELLED_JS) == [], path
    shot(page, "password change")
