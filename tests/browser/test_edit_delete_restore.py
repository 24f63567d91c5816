"""An author edits a book and re-renders a cover with the new title, deletes the book, and staff
restore it from the admin: in a real browser, with a real worker rendering."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from books.models import Book
from covers.models import Cover, Job

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
FITS_PAGE = "document.documentElement.scrollWidth <= window.innerWidth"
TABLE_FITS = """() => {
    const results = document.querySelector('#changelist .results');
    return document.documentElement.scrollWidth <= window.innerWidth
        && (!results || results.scrollWidth <= results.clientWidth);
}"""


def _log_in(page, live_server, email: str, password: str) -> None:
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/(library/)?$"))


def test_an_author_edits_rerenders_deletes_and_staff_restore(
    page, browser, live_server, qcluster, make_account, make_cover, make_book, wait_for_job, shot
):
    author = make_account(email="editor@example.com", password="salt and pepper 12", monthly=10)
    book = make_book(account=author, title="The Salt Raod", summary="A lighthouse on a cliff in a storm.")
    cover = make_cover(account=author, book=book)
    _log_in(page, live_server, "editor@example.com", "salt and pepper 12")

    # Edit: fix the typo in the title.
    page.goto(f"{live_server.url}/books/{book.id}/")
    page.get_by_test_id("book-edit").click()
    page.wait_for_url(re.compile(r"/edit/$"))
    expect(page.get_by_label("Title", exact=True)).to_have_value("The Salt Raod")
    page.get_by_label("Title", exact=True).fill("The Salt Road")
    shot(page, "edit book")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(re.compile(rf"/books/{book.id}/$"))
    expect(page.locator(".messages")).to_contain_text("keep the text they were made with")
    expect(page.get_by_role("heading", level=1)).to_have_text("The Salt Road")
    shot(page, "book saved")

    # The old cover still shows the old title and offers a re-render for a credit.
    page.goto(f"{live_server.url}/covers/{cover.id}/")
    notice = page.get_by_test_id("text-changed")
    expect(notice).to_contain_text("“The Salt Raod” on the cover, “The Salt Road” now")
    shot(page, "cover with the old title")
    page.set_viewport_size(PHONE)
    assert page.evaluate(FITS_PAGE)
    shot(page, "phone cover with the old title")
    page.set_viewport_size(DESKTOP)
    notice.get_by_test_id("rerender").click()
    page.wait_for_url(re.compile(r"/jobs/[0-9a-f-]+/$"))
    assert wait_for_job(page) == "completed"
    shot(page, "rerender done")
    page.get_by_test_id("result-cover").first.click()
    page.wait_for_url(re.compile(r"/covers/[0-9a-f-]+/$"))
    expect(page.get_by_test_id("text-changed")).to_have_count(0)
    new = Cover.objects.get(operation=Cover.OP_RERENDER)
    assert new.recipe["text"]["title"] == "The Salt Road" and new.source_cover_id == cover.id
    assert Job.objects.get(operation=Job.OP_RERENDER).credits_used == 1
    shot(page, "rerendered cover")

    # Delete the book, after a confirmation page.
    page.goto(f"{live_server.url}/books/{book.id}/")
    page.get_by_test_id("book-delete").click()
    page.wait_for_url(re.compile(r"/delete/$"))
    expect(page.get_by_test_id("confirm-delete")).to_contain_text("with its 2 covers")
    shot(page, "confirm delete")
    page.set_viewport_size(PHONE)
    assert page.evaluate(FITS_PAGE)
    shot(page, "phone confirm delete")
    page.set_viewport_size(DESKTOP)
    page.get_by_test_id("confirm-delete-button").click()
    page.wait_for_url(re.compile(r"/library/$"))
    expect(page.locator(".messages")).to_contain_text("restore them for 30 days")
    assert page.locator(f"a[href='/books/{book.id}/']").count() == 0
    shot(page, "library after delete")
    assert page.goto(f"{live_server.url}/covers/{new.id}/").status == 404

    # Staff restore it in the admin, on a laptop screen.
    get_user_model().objects.create_superuser("staff@example.com", "staff@example.com", "staff pass 9876")
    staff = browser.new_context(viewport=LAPTOP)
    admin = staff.new_page()
    admin.goto(f"{live_server.url}/admin/")
    admin.get_by_label("Username").fill("staff@example.com")
    admin.get_by_label("Password").fill("staff pass 9876")
    admin.get_by_role("button", name="Log in").click()
    admin.goto(f"{live_server.url}/admin/books/book/?deleted=yes")
    expect(admin.locator("#result_list tbody tr")).to_have_count(1)
    admin.locator("#result_list tbody input[name=_selected_action]").check()
    admin.locator("select[name=action]").select_option("restore")
    admin.get_by_role("button", name="Go").click()
    expect(admin.locator(".messagelist")).to_contain_text("1 book(s) restored")
    shot(admin, "admin restored")
    assert Book.objects.get(pk=book.pk).deleted_at is None

    admin.goto(f"{live_server.url}/admin/covers/job/")
    expect(admin.locator("#result_list")).to_contain_text("The Salt Road")
    expect(admin.locator("#result_list")).to_contain_text("Re-render with new text")
    shot(admin, "admin jobs at 1366")
    # Lists fit the laptop's width: neither the page nor the table scrolls sideways.
    for model in (
        "covers/job",
        "covers/cover",
        "books/book",
        "covers/webhookdelivery",
        "billing/account",
        "billing/creditentry",
        "billing/apikey",
        "billing/accountevent",
    ):
        admin.goto(f"{live_server.url}/admin/{model}/")
        assert admin.evaluate(TABLE_FITS), model
    staff.close()

    # Back in the author's library.
    page.goto(f"{live_server.url}/library/")
    expect(page.locator(f"a[href='/books/{book.id}/']").first).to_be_visible()
    page.goto(f"{live_server.url}/covers/{new.id}/")
    expect(page.get_by_test_id("cover-preview")).to_be_visible()
