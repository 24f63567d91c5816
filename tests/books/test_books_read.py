"""GET /api/v1/books and /api/v1/books/:id, and isolation between accounts."""

from __future__ import annotations

import pytest

from billing.services import api_key_create


@pytest.fixture
def outsider_client(make_account, api_client_for):
    return api_client_for(make_account())


def test_it_returns_the_full_record(api_client, account, make_book):
    book = make_book(account=account, subgenre="cozy-fantasy", external_ref="ref-1")
    data = api_client.get(f"/api/v1/books/{book.id}").json()
    assert data == {
        "bookId": str(book.id),
        "title": "The Salt Road",
        "author": "Ada Reyes",
        "genre": "fantasy",
        "subgenre": "cozy-fantasy",
        "subtitle": None,
        "summary": None,
        "target_audience": None,
        "external_ref": "ref-1",
        "created_at": book.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "chosenCoverId": None,
    }


def test_it_hides_other_accounts_books(outsider_client, account, make_book):
    book = make_book(account=account)
    response = outsider_client.get(f"/api/v1/books/{book.id}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "book_not_found"
    assert outsider_client.get("/api/v1/books").json()["total"] == 0


def test_a_second_key_of_the_same_account_sees_the_book(api_client, account, make_book, client):
    book = make_book(account=account)
    _, raw_key = api_key_create(account=account, name="second")
    response = client.get(f"/api/v1/books/{book.id}", HTTP_AUTHORIZATION=f"Bearer {raw_key}")
    assert response.status_code == 200


@pytest.mark.parametrize("book_id", ["5b0f6f0e-1c1d-4c4e-9b7a-2a1d8f0c9e11", "not-a-uuid", "1", "%20"])
def test_it_answers_book_not_found_for_unknown_or_malformed_ids(api_client, book_id):
    response = api_client.get(f"/api/v1/books/{book_id}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "book_not_found"


def test_it_lists_newest_first_with_pages(api_client, account, make_book):
    books = [make_book(account=account, title=f"Book {i}") for i in range(5)]
    first = api_client.get("/api/v1/books?limit=2").json()
    assert first["total"] == 5
    assert [b["bookId"] for b in first["books"]] == [str(books[4].id), str(books[3].id)]
    assert first["next_offset"] == 2
    last = api_client.get("/api/v1/books?limit=2&offset=4").json()
    assert [b["bookId"] for b in last["books"]] == [str(books[0].id)]
    assert last["next_offset"] is None


def test_it_filters_by_external_ref(api_client, account, make_book):
    wanted = make_book(account=account, external_ref="isbn-1")
    make_book(account=account, external_ref="isbn-2")
    data = api_client.get("/api/v1/books?external_ref=isbn-1").json()
    assert [b["bookId"] for b in data["books"]] == [str(wanted.id)]


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "limit=x", "offset=-1"])
def test_it_refuses_bad_paging_parameters(api_client, query):
    response = api_client.get(f"/api/v1/books?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_request"
