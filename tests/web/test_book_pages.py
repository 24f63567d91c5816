"""Wizard step 1 (the book), the library and a book's page."""

from __future__ import annotations

import pytest

from books.models import Book

pytestmark = pytest.mark.django_db


BOOK = {
    "title": "The Salt Lantern",
    "subtitle": "",
    "author": "Mira Holm",
    "genre": "fantasy",
    "subgenre": "cozy-fantasy",
    "target_audience": "adult",
    "summary": "A lighthouse keeper finds letters from a sister she never knew.",
    "external_ref": "",
}


def test_it_creates_a_book_and_moves_on_to_the_style_step(client, author):
    response = client.post("/books/new/", BOOK)
    book = Book.objects.get(account=author)
    assert response.status_code == 302
    assert response.url == f"/books/{book.id}/style/"
    assert (book.title, book.subgenre) == ("The Salt Lantern", "cozy-fantasy")


def test_it_accepts_arabic_hindi_and_cjk_titles(client, author):
    for title in ("ظلال القمر", "चाँद की छाया", "月の影"):
        assert client.post("/books/new/", {**BOOK, "title": title}).status_code == 302
    assert Book.objects.filter(account=author).count() == 3


def test_it_shows_errors_next_to_their_field_and_keeps_the_input(client, author):
    response = client.post("/books/new/", {**BOOK, "title": "", "summary": "Keep me"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Title is required." in page
    assert "Keep me" in page and "Mira Holm" in page
    assert not Book.objects.exists()


def test_it_refuses_a_too_long_title_and_a_subgenre_of_another_genre(client, author):
    page = client.post("/books/new/", {**BOOK, "title": "x" * 101}).content.decode()
    assert "at most 100 characters" in page
    page = client.post("/books/new/", {**BOOK, "genre": "horror"}).content.decode()
    assert "has no subgenres" in page
    assert not Book.objects.exists()


def test_the_form_has_counters_at_the_contract_limits_and_the_subgenre_table(client, author):
    page = client.get("/books/new/").content.decode()
    for limit in ('data-max-chars="100"', 'data-max-chars="300"', 'data-max-chars="1000"', 'data-max-chars="200"'):
        assert limit in page
    assert 'id="subgenre-data"' in page and "dark-academia" in page
    assert "summary drives the imagery" in page


def test_the_library_lists_only_the_authors_books(client, author, make_account, make_book):
    make_book(account=author, title="Mine")
    make_book(account=make_account(), title="Someone else's")
    page = client.get("/").content.decode()
    assert "Mine" in page and "Someone else" not in page


def test_a_book_page_is_private(client, author, make_account, make_book):
    mine = make_book(account=author, title="Mine")
    theirs = make_book(account=make_account(), title="Theirs")
    assert client.get(f"/books/{mine.id}/").status_code == 200
    assert client.get(f"/books/{theirs.id}/").status_code == 404
    assert client.get(f"/books/{theirs.id}/style/").status_code == 404


def test_staff_without_an_author_account_land_in_the_admin(client, django_user_model):
    staff = django_user_model.objects.create(username="ops", is_staff=True, is_superuser=True)
    client.force_login(staff)
    response = client.get("/")
    assert response.status_code == 302 and response.url == "/admin/"


def test_a_missing_page_is_explained_in_plain_words(client, author):
    response = client.get("/books/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert "could not find that page" in response.content.decode()


def test_a_book_page_points_to_its_jobs_in_progress(client, author, make_book):
    from covers.services import job_create_generate

    book = make_book(account=author)
    job = job_create_generate(account=author, book_id=book.id, count=1)
    page = client.get(f"/books/{book.id}/").content.decode()
    assert "Generate in progress (queued)" in page and f"/jobs/{job.id}/" in page


def test_every_missing_field_is_marked_not_only_the_first(client, author):
    page = client.post("/books/new/", {**BOOK, "title": "", "author": "", "genre": ""}).content.decode()
    assert "Title is required." in page and "Author name is required." in page and "Genre is required." in page
