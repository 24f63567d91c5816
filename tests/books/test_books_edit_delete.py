"""PATCH and DELETE /api/v1/books/:id: partial edits checked like a new book, soft delete, ownership."""

from __future__ import annotations

import pytest

from books.models import Book


@pytest.fixture
def outsider_client(make_account, api_client_for):
    return api_client_for(make_account())


def test_it_changes_only_the_fields_sent(api_client, account, make_book):
    book = make_book(account=account, subtitle="A Novel", summary="Salt and sea.")
    response = api_client.patch(f"/api/v1/books/{book.id}", {"title": "  The Salt  Roads "}, format="json")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "The Salt Roads"  # normalised like a new book's
    assert data["subtitle"] == "A Novel"
    assert data["summary"] == "Salt and sea."
    book.refresh_from_db()
    assert book.title == "The Salt Roads"


def test_null_clears_an_optional_field(api_client, account, make_book):
    book = make_book(account=account, subtitle="A Novel")
    data = api_client.patch(f"/api/v1/books/{book.id}", {"subtitle": None}, format="json").json()
    assert data["subtitle"] is None


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"title": ""}, "missing_required_fields"),
        ({"author": None}, "missing_required_fields"),
        ({"title": "x" * 101}, "field_too_long"),
        ({"genre": "Fantasy"}, "invalid_genre"),
        ({"title": 7}, "invalid_field_type"),
        ({"genre": "thriller"}, "invalid_field_value"),  # the book's subgenre is fantasy's
        ({"titel": "typo"}, "invalid_field_value"),
    ],
)
def test_it_checks_the_merged_book_like_a_new_one(api_client, account, make_book, body, code):
    book = make_book(account=account, subgenre="cozy-fantasy")
    response = api_client.patch(f"/api/v1/books/{book.id}", body, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    book.refresh_from_db()
    assert book.title == "The Salt Road" and book.genre == "fantasy"


def test_a_body_that_is_not_an_object_is_refused(api_client, account, make_book):
    book = make_book(account=account)
    response = api_client.patch(f"/api/v1/books/{book.id}", ["title"], format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_request"


def test_it_validates_ownership(outsider_client, account, make_book):
    book = make_book(account=account)
    patched = outsider_client.patch(f"/api/v1/books/{book.id}", {"title": "Mine"}, format="json")
    deleted = outsider_client.delete(f"/api/v1/books/{book.id}")
    assert (patched.status_code, deleted.status_code) == (404, 404)
    assert patched.json()["error"]["code"] == deleted.json()["error"]["code"] == "book_not_found"
    book.refresh_from_db()
    assert book.title == "The Salt Road" and book.deleted_at is None


def test_a_deleted_book_is_gone_from_every_endpoint(api_client, account, make_book):
    kept = make_book(account=account, title="Kept", external_ref="r1")
    book = make_book(account=account, external_ref="r1")
    assert api_client.delete(f"/api/v1/books/{book.id}").status_code == 204
    assert api_client.get(f"/api/v1/books/{book.id}").status_code == 404
    assert api_client.patch(f"/api/v1/books/{book.id}", {"title": "Back"}, format="json").status_code == 404
    assert api_client.get(f"/api/v1/books/{book.id}/covers").status_code == 404
    listed = api_client.get("/api/v1/books").json()
    assert [b["bookId"] for b in listed["books"]] == [str(kept.id)] and listed["total"] == 1
    assert [b["bookId"] for b in api_client.get("/api/v1/books?external_ref=r1").json()["books"]] == [str(kept.id)]
    again = api_client.delete(f"/api/v1/books/{book.id}")
    assert again.status_code == 404 and again.json()["error"]["code"] == "book_not_found"
    assert Book.objects.get(pk=book.pk).deleted_at is not None  # soft: staff can restore it


def test_new_jobs_for_a_deleted_book_are_refused(api_client, account, make_book):
    book = make_book(account=account)
    api_client.delete(f"/api/v1/books/{book.id}")
    response = api_client.post("/api/v1/covers/generate", {"bookId": str(book.id)}, format="json")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "book_not_found"
