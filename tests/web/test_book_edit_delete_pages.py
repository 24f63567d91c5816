"""The web app's edit and delete pages, re-render, and one-time form tokens on the wizard's POSTs."""

from __future__ import annotations

import re

from billing.services import credits_balance
from books.models import Book
from covers.models import Cover, Job

BOOK = {"title": "The Salt Road", "author": "Ada Reyes", "genre": "fantasy"}


def _token(page: str) -> str:
    return re.search(r'name="form_token" value="([^"]+)"', page).group(1)


def test_the_book_form_sent_twice_makes_one_book(client, author):
    token = _token(client.get("/books/new/").content.decode())
    first = client.post("/books/new/", {**BOOK, "form_token": token})
    # The back button shows the same page (same token); the author changes nothing, or something, and sends it again.
    again = client.post("/books/new/", {**BOOK, "title": "The Salt Roads", "form_token": token}, follow=True)
    assert Book.objects.filter(account=author).count() == 1
    assert again.redirect_chain[0][0] == first["Location"]
    assert "already saved" in again.content.decode()


def test_a_new_page_gets_a_new_token(client, author):
    assert _token(client.get("/books/new/").content.decode()) != _token(client.get("/books/new/").content.decode())


def test_a_refused_form_keeps_its_token_and_goes_through_once_corrected(client, author):
    token = _token(client.get("/books/new/").content.decode())
    refused = client.post("/books/new/", {**BOOK, "title": "", "form_token": token})
    assert refused.status_code == 400 and _token(refused.content.decode()) == token
    assert client.post("/books/new/", {**BOOK, "form_token": token}).status_code == 302
    assert Book.objects.filter(account=author).count() == 1


def test_the_style_form_sent_twice_starts_one_job(client, author, make_book):
    book = make_book(account=author)
    token = _token(client.get(f"/books/{book.id}/style/").content.decode())
    first = client.post(f"/books/{book.id}/style/", {"count": "2", "form_token": token})
    again = client.post(f"/books/{book.id}/style/", {"count": "2", "form_token": token})
    assert first["Location"] == again["Location"]
    assert Job.objects.filter(account=author).count() == 1
    assert credits_balance(account=author).total == 8


def test_it_edits_a_book(client, author, make_book):
    book = make_book(account=author, subtitle="A Novel")
    page = client.get(f"/books/{book.id}/edit/").content.decode()
    assert 'value="The Salt Road"' in page and "Save changes" in page
    response = client.post(f"/books/{book.id}/edit/", {**BOOK, "title": "The Salt Roads"}, follow=True)
    assert response.redirect_chain[-1][0] == f"/books/{book.id}/"
    assert "Saved." in response.content.decode()
    book.refresh_from_db()
    assert (book.title, book.subtitle) == ("The Salt Roads", "")


def test_an_invalid_edit_shows_the_error_and_changes_nothing(client, author, make_book):
    book = make_book(account=author)
    response = client.post(f"/books/{book.id}/edit/", {**BOOK, "title": ""})
    assert response.status_code == 400 and "Title is required." in response.content.decode()
    book.refresh_from_db()
    assert book.title == "The Salt Road"


def test_edit_and_delete_pages_are_private(client, author, make_account, make_book, make_cover):
    other = make_account()
    book = make_book(account=other)
    cover = make_cover(account=other)
    for url in (f"/books/{book.id}/edit/", f"/books/{book.id}/delete/", f"/covers/{cover.id}/delete/"):
        assert client.get(url).status_code == 404
        assert client.post(url, BOOK).status_code == 404
    assert client.post(f"/covers/{cover.id}/rerender/").status_code == 404
    assert Book.objects.filter(deleted_at__isnull=False).count() == 0


def test_an_edited_title_offers_a_rerender_which_makes_a_new_cover(client, author, make_cover, run_jobs):
    cover = make_cover(account=author)
    assert 'data-testid="text-changed"' not in client.get(f"/covers/{cover.id}/").content.decode()
    saved = client.post(f"/books/{cover.book_id}/edit/", {**BOOK, "title": "The Salt Roads"}, follow=True)
    assert "1 existing cover keep the text" in saved.content.decode()
    page = client.get(f"/covers/{cover.id}/").content.decode()
    assert "This cover shows the book's old text" in page and "Re-render with the new text · 1 credit" in page
    with run_jobs():
        response = client.post(f"/covers/{cover.id}/rerender/", {"form_token": _token(page)})
    job = Job.objects.get(operation=Job.OP_RERENDER)
    assert response["Location"] == f"/jobs/{job.id}/"
    result = client.get(response["Location"]).content.decode()
    assert "Your cover with the new text" in result and "Before" in result and "Back to the original" in result
    new = job.covers.get()
    assert new.recipe["text"]["title"] == "The Salt Roads"
    assert 'data-testid="text-changed"' not in client.get(f"/covers/{new.id}/").content.decode()


def test_it_deletes_a_book_after_confirmation(client, author, make_cover):
    cover = make_cover(account=author)
    page = client.get(f"/books/{cover.book_id}/delete/").content.decode()
    assert "with its 1 cover" in page and "restore it for 30 days" in page
    assert Book.objects.get(pk=cover.book_id).deleted_at is None  # asking is not deleting
    response = client.post(f"/books/{cover.book_id}/delete/", follow=True)
    assert response.redirect_chain[-1][0] == "/library/"
    assert "are deleted" in response.content.decode()
    assert "The Salt Road" not in response.content.decode().split("</ul>", 1)[-1]
    assert client.get(f"/books/{cover.book_id}/").status_code == 404
    assert client.get(f"/covers/{cover.id}/").status_code == 404
    assert client.get(f"/covers/{cover.id}/images/preview-400.jpg").status_code == 404


def test_it_deletes_a_cover_after_confirmation(client, author, make_cover):
    cover = make_cover(account=author)
    assert "Delete this" in client.get(f"/covers/{cover.id}/delete/").content.decode()
    response = client.post(f"/covers/{cover.id}/delete/", follow=True)
    assert response.redirect_chain[-1][0] == f"/books/{cover.book_id}/"
    assert "Covers (0)" in response.content.decode()
    assert Cover.objects.get(pk=cover.pk).deleted_at is not None
