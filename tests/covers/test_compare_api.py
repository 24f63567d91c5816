"""The API's additions for comparing and choosing: POST /covers/:id/choose, the book's
chosenCoverId, and A/B sets (create, read, record the winner, export). Other accounts' ids are 404."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from covers.models import ABSet, Cover

pytestmark = pytest.mark.django_db


@pytest.fixture
def owned(account, make_book, make_cover):
    book = make_book(account=account, title="The Last Witness")
    return book, [make_cover(account=account, book=book) for _ in range(3)]


@pytest.fixture
def stranger_client(make_account, api_client_for):
    return api_client_for(make_account())


def test_choose_marks_the_cover_and_the_book_names_it(api_client, owned):
    book, covers = owned
    assert api_client.get(f"/api/v1/books/{book.id}").json()["chosenCoverId"] is None
    response = api_client.post(f"/api/v1/covers/{covers[0].id}/choose")
    assert response.status_code == 200
    assert response.json()["coverId"] == str(covers[0].id) and response.json()["chosen"] is True
    response = api_client.post(f"/api/v1/covers/{covers[1].id}/choose")
    assert response.json()["chosen"] is True
    assert api_client.get(f"/api/v1/covers/{covers[0].id}").json()["chosen"] is False
    assert api_client.get(f"/api/v1/books/{book.id}").json()["chosenCoverId"] == str(covers[1].id)
    listed = {b["bookId"]: b for b in api_client.get("/api/v1/books").json()["books"]}
    assert listed[str(book.id)]["chosenCoverId"] == str(covers[1].id)
    # Choosing again changes nothing.
    assert api_client.post(f"/api/v1/covers/{covers[1].id}/choose").status_code == 200
    assert Cover.objects.filter(book=book, chosen_at__isnull=False).count() == 1


def test_the_book_list_keeps_its_fields_and_counts_with_a_chosen_cover(api_client, owned, make_book, account):
    book, covers = owned
    make_book(account=account, title="No Covers Yet")
    api_client.post(f"/api/v1/covers/{covers[0].id}/choose")
    body = api_client.get("/api/v1/books").json()
    assert len(body["books"]) == 2  # the join adds no rows
    first = body["books"][1]
    assert set(first) >= {"bookId", "title", "author", "genre", "external_ref", "created_at", "chosenCoverId"}


def test_choose_is_404_for_another_accounts_cover(stranger_client, owned):
    _book, covers = owned
    response = stranger_client.post(f"/api/v1/covers/{covers[0].id}/choose")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "cover_not_found"
    assert stranger_client.post("/api/v1/covers/not-a-uuid/choose").status_code == 404
    assert not Cover.objects.filter(chosen_at__isnull=False).exists()


def test_an_ab_set_is_made_read_and_won_through_the_api(api_client, owned):
    book, covers = owned
    response = api_client.post(
        f"/api/v1/books/{book.id}/ab-sets",
        {"coverIds": [str(covers[2].id), str(covers[0].id)], "name": "Spring"},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["variants"] == [
        {"variant": "A", "coverId": str(covers[2].id)},
        {"variant": "B", "coverId": str(covers[0].id)},
    ]
    assert body["name"] == "Spring" and body["winnerCoverId"] is None
    ab_set_id = body["abSetId"]
    assert api_client.get(f"/api/v1/ab-sets/{ab_set_id}").json() == body
    response = api_client.post(
        f"/api/v1/ab-sets/{ab_set_id}/winner", {"coverId": str(covers[0].id), "note": "B by 2 points"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["winnerCoverId"] == str(covers[0].id) and response.json()["winnerNote"] == "B by 2 points"
    export = api_client.get(body["export_url"])
    assert export.status_code == 200 and export["Content-Type"] == "application/zip"
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(export.content)).read("manifest.json"))
    assert manifest["abSetId"] == ab_set_id and manifest["winner"]["coverId"] == str(covers[0].id)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"coverIds": []}, "invalid_count"),
        ({"coverIds": ["x"]}, "invalid_count"),
        ({"coverIds": "abc"}, "invalid_field_type"),
        ({}, "invalid_field_type"),
        ({"coverIds": [1, 2]}, "invalid_field_type"),
        ({"coverIds": None, "name": 5}, "invalid_field_type"),
    ],
)
def test_ab_set_creation_validates_the_body(api_client, owned, body, code):
    book, _covers = owned
    response = api_client.post(f"/api/v1/books/{book.id}/ab-sets", body, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert not ABSet.objects.exists()


def test_ab_set_refuses_five_covers_and_covers_of_another_book(api_client, owned, make_cover, make_book, account):
    book, covers = owned
    more = [make_cover(account=account, book=book) for _ in range(2)]
    response = api_client.post(
        f"/api/v1/books/{book.id}/ab-sets", {"coverIds": [str(c.id) for c in covers + more]}, format="json"
    )
    assert response.json()["error"]["code"] == "invalid_count"
    elsewhere = make_cover(account=account, book=make_book(account=account, title="Other"))
    response = api_client.post(
        f"/api/v1/books/{book.id}/ab-sets", {"coverIds": [str(covers[0].id), str(elsewhere.id)]}, format="json"
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_field_value"
    # The same cover twice is one cover.
    response = api_client.post(f"/api/v1/books/{book.id}/ab-sets", {"coverIds": [str(covers[0].id)] * 2}, format="json")
    assert response.json()["error"]["code"] == "invalid_count"


def test_an_ab_set_post_with_an_idempotency_key_makes_one_set(api_client, owned):
    book, covers = owned
    body = {"coverIds": [str(c.id) for c in covers[:2]]}
    first = api_client.post(f"/api/v1/books/{book.id}/ab-sets", body, format="json", HTTP_IDEMPOTENCY_KEY="ab-1")
    again = api_client.post(f"/api/v1/books/{book.id}/ab-sets", body, format="json", HTTP_IDEMPOTENCY_KEY="ab-1")
    assert first.status_code == again.status_code == 201
    assert first.json()["abSetId"] == again.json()["abSetId"]
    assert ABSet.objects.count() == 1


def test_ab_sets_are_404_across_accounts(api_client, stranger_client, owned, make_account, make_cover):
    book, covers = owned
    ids = [str(c.id) for c in covers[:2]]
    # Another account cannot make a set of our book or covers...
    response = stranger_client.post(f"/api/v1/books/{book.id}/ab-sets", {"coverIds": ids}, format="json")
    assert response.status_code == 404 and response.json()["error"]["code"] == "book_not_found"
    # ...nor put our covers in a set of its own book.
    from books.services import book_create

    theirs = book_create(account=stranger_client.api_key.account, title="T", author="A", genre="fantasy")
    response = stranger_client.post(f"/api/v1/books/{theirs.id}/ab-sets", {"coverIds": ids}, format="json")
    assert response.status_code == 404 and response.json()["error"]["code"] == "cover_not_found"
    ab_set_id = api_client.post(f"/api/v1/books/{book.id}/ab-sets", {"coverIds": ids}, format="json").json()["abSetId"]
    for response in (
        stranger_client.get(f"/api/v1/ab-sets/{ab_set_id}"),
        stranger_client.get(f"/api/v1/ab-sets/{ab_set_id}/export"),
        stranger_client.post(f"/api/v1/ab-sets/{ab_set_id}/winner", {"coverId": ids[0]}, format="json"),
    ):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "ab_set_not_found"
    assert ABSet.objects.get().winner_id is None


def test_the_winner_must_be_in_the_set(api_client, owned):
    book, covers = owned
    ids = [str(c.id) for c in covers[:2]]
    ab_set_id = api_client.post(f"/api/v1/books/{book.id}/ab-sets", {"coverIds": ids}, format="json").json()["abSetId"]
    response = api_client.post(f"/api/v1/ab-sets/{ab_set_id}/winner", {"coverId": str(covers[2].id)}, format="json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_field_value"
    response = api_client.post(f"/api/v1/ab-sets/{ab_set_id}/winner", {"coverId": 7}, format="json")
    assert response.json()["error"]["code"] == "invalid_field_type"


def test_the_new_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/schema/?format=json").json()["paths"]
    for path, method in (
        ("/api/v1/covers/{cover_id}/choose", "post"),
        ("/api/v1/books/{book_id}/ab-sets", "post"),
        ("/api/v1/ab-sets/{ab_set_id}", "get"),
        ("/api/v1/ab-sets/{ab_set_id}/winner", "post"),
        ("/api/v1/ab-sets/{ab_set_id}/export", "get"),
    ):
        assert "404" in paths[path][method]["responses"], path


def test_the_database_refuses_a_second_chosen_cover_for_a_book(owned):
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    book, covers = owned
    Cover.objects.filter(pk=covers[0].pk).update(chosen_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        Cover.objects.filter(pk=covers[1].pk).update(chosen_at=timezone.now())
