"""An author without enough credits sees why the wizard cannot generate, and what to do."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from books.models import Book
from covers.models import Job


def test_it_explains_insufficient_credits_in_the_wizard(page, live_server, make_account, shot):
    account = make_account(email="short@example.com", password="quiet harbour 42", monthly=2)
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("short@example.com")
    page.get_by_label("Password").fill("quiet harbour 42")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your library")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="New cover").click()
    page.get_by_label("Title", exact=True).fill("Ledger of Small Hours")
    page.get_by_label("Author name").fill("June Okafor")
    page.get_by_label("Genre", exact=True).select_option("mystery")
    page.get_by_role("button", name=re.compile("Save and choose a style")).click()
    page.wait_for_url(re.compile(r"/books/[0-9a-f-]+/style/$"))

    page.locator("label[for=count-3]").click()
    expect(page.get_by_test_id("cost")).to_have_text("3 credits")
    expect(page.get_by_text("That is more than you have")).to_be_visible()
    page.get_by_role("button", name="Generate covers").click()

    error = page.get_by_test_id("job-error")
    expect(error).to_contain_text("Not enough credits")
    expect(error).to_contain_text("Insufficient credits. Need 3, have 2 (2 monthly + 0 overage).")
    expect(error.get_by_role("link", name="See your credits")).to_be_visible()
    # The author's choices are kept.
    expect(page.locator("#count-3")).to_be_checked()
    shot(page, "insufficient credits")

    assert Book.objects.filter(account=account).count() == 1
    assert not Job.objects.filter(account=account).exists()
