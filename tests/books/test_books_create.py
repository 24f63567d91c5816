"""POST /api/v1/books: every field rule and error code of the contract."""

from __future__ import annotations

import uuid

import pytest

from books.models import Book

URL = "/api/v1/books"
VALID = {"title": "Crown of Shadows", "author": "Elena Blackwood", "genre": "fantasy"}


def post(client, body, **headers):
    return client.post(URL, body, format="json", **headers)


def error_of(response) -> tuple[int, str, str]:
    body = response.json()
    return response.status_code, body["error"]["code"], body["error"]["message"]


def test_it_creates_a_book_with_all_fields(api_client, account):
    body = {
        **VALID,
        "subtitle": "Book One",
        "subgenre": "dark-fantasy",
        "summary": "A disgraced knight seeks redemption.",
        "target_audience": "adult",
        "external_ref": "book-123",
    }
    response = post(api_client, body)
    assert response.status_code == 201
    data = response.json()
    assert set(data) == {"bookId", "external_ref", "created_at"}
    assert data["external_ref"] == "book-123"
    assert data["created_at"].endswith("Z")
    book = Book.objects.get(pk=uuid.UUID(data["bookId"]))
    assert book.account == account
    assert (book.subtitle, book.subgenre, book.target_audience) == ("Book One", "dark-fantasy", "adult")


def test_it_echoes_a_missing_external_ref_as_null(api_client):
    assert post(api_client, VALID).json()["external_ref"] is None


def test_it_names_every_missing_required_field(api_client):
    status, code, message = error_of(post(api_client, {"genre": "fantasy"}))
    assert (status, code) == (400, "missing_required_fields")
    assert "title" in message and "author" in message and "genre" not in message


@pytest.mark.parametrize("blank", ["", "   ", "\t\n", None])
def test_it_treats_blank_or_null_required_fields_as_missing(api_client, blank):
    status, code, message = error_of(post(api_client, {**VALID, "author": blank}))
    assert (status, code) == (400, "missing_required_fields")
    assert "author" in message


@pytest.mark.parametrize("value", [42, 1.5, True, ["a"], {"a": 1}])
def test_it_refuses_a_non_string_field(api_client, value):
    status, code, message = error_of(post(api_client, {**VALID, "subtitle": value}))
    assert (status, code) == (400, "invalid_field_type")
    assert "subtitle" in message


def test_it_accepts_null_for_optional_fields(api_client):
    assert post(api_client, {**VALID, "subtitle": None, "summary": None}).status_code == 201


@pytest.mark.parametrize(
    ("field", "limit"),
    [("title", 100), ("author", 100), ("subtitle", 300), ("summary", 1000), ("external_ref", 200)],
)
def test_it_accepts_the_maximum_length_and_refuses_one_more(api_client, field, limit):
    assert post(api_client, {**VALID, field: "é" * limit}).status_code == 201
    status, code, message = error_of(post(api_client, {**VALID, field: "é" * (limit + 1)}))
    assert (status, code) == (400, "field_too_long")
    assert field in message


def test_it_measures_length_after_trimming_and_nfc(api_client):
    decomposed = "e\u0301" * 100  # 200 code points, 100 once composed
    response = post(api_client, {**VALID, "title": f"  {decomposed}  "})
    assert response.status_code == 201
    book = Book.objects.get(pk=response.json()["bookId"])
    assert book.title == "\u00e9" * 100


def test_it_collapses_whitespace_in_single_line_fields_but_keeps_summary_paragraphs(api_client):
    response = post(api_client, {**VALID, "title": " The   Long\nNight ", "summary": "One.\r\n\r\nTwo.  "})
    book = Book.objects.get(pk=response.json()["bookId"])
    assert book.title == "The Long Night"
    assert book.summary == "One.\n\nTwo."


@pytest.mark.parametrize("genre", ["Fantasy", "sci-fi", "childrens ", "romance-x"])
def test_it_refuses_an_unknown_or_wrongly_cased_genre(api_client, genre):
    if genre.strip() != genre:  # trailing spaces are trimmed, so this one is valid
        assert post(api_client, {**VALID, "genre": genre}).status_code == 201
        return
    status, code, _ = error_of(post(api_client, {**VALID, "genre": genre}))
    assert (status, code) == (400, "invalid_genre")


def test_it_accepts_every_genre_of_the_catalogue(api_client):
    from cover_engine.vocabulary import GENRES

    for genre in GENRES:
        assert post(api_client, {**VALID, "genre": genre}).status_code == 201, genre


@pytest.mark.parametrize(
    ("genre", "subgenre"),
    [("romance", "romantasy"), ("fantasy", "romantasy"), ("childrens", "picture-book"), ("romance", "sports")],
)
def test_it_accepts_subgenres_of_their_own_genre(api_client, genre, subgenre):
    assert post(api_client, {**VALID, "genre": genre, "subgenre": subgenre}).status_code == 201


@pytest.mark.parametrize(
    ("genre", "subgenre"),
    [("fantasy", "sports"), ("childrens", "dark-fantasy"), ("thriller", "contemporary"), ("fantasy", "Dark-Fantasy")],
)
def test_it_refuses_a_subgenre_the_genre_does_not_offer(api_client, genre, subgenre):
    status, code, message = error_of(post(api_client, {**VALID, "genre": genre, "subgenre": subgenre}))
    assert (status, code) == (400, "invalid_field_value")
    assert "subgenre" in message or "subgenres" in message


def test_it_refuses_an_unknown_target_audience(api_client):
    status, code, message = error_of(post(api_client, {**VALID, "target_audience": "teens"}))
    assert (status, code) == (400, "invalid_field_value")
    assert "target_audience" in message
    for audience in ["children", "middle-grade", "young-adult", "new-adult", "adult"]:
        assert post(api_client, {**VALID, "target_audience": audience}).status_code == 201


@pytest.mark.parametrize(
    "title",
    [
        "ألف ليلة وليلة",  # Arabic
        "मधुशाला",  # Devanagari
        "三体",  # CJK
        "Война и мир",  # Cyrillic
        "Ὀδύσσεια",  # Greek
        "Les Misérables",
    ],
)
def test_it_accepts_scripts_we_can_draw_including_arabic_and_devanagari(api_client, title):
    response = post(api_client, {**VALID, "title": title, "author": title})
    assert response.status_code == 201, response.json()


@pytest.mark.parametrize("text", ["Bell\u0007", "Null\u0000", "Private \ue000", "Unassigned \u0378"])
def test_it_refuses_control_private_and_unassigned_characters(api_client, text):
    status, code, message = error_of(post(api_client, {**VALID, "title": text}))
    assert (status, code) == (400, "unsupported_characters")
    assert "title" in message and "U+" in message


def test_it_refuses_characters_no_installed_font_draws_in_drawn_fields(api_client):
    status, code, _ = error_of(post(api_client, {**VALID, "author": "Ann \U0001f600"}))  # emoji: no colour font
    assert (status, code) == (400, "unsupported_characters")
    # The summary is never drawn: only control characters are refused there.
    assert post(api_client, {**VALID, "summary": "A smile \U0001f600\nand a new line"}).status_code == 201
    status, code, _ = error_of(post(api_client, {**VALID, "summary": "Escape \u001b[31m"}))
    assert (status, code) == (400, "unsupported_characters")


def test_it_refuses_a_body_that_is_not_an_object(api_client):
    status, code, _ = error_of(post(api_client, ["title"]))
    assert (status, code) == (400, "invalid_request")


def test_it_refuses_malformed_json(api_client):
    response = api_client.post(URL, data='{"title": ', content_type="application/json")
    status, code, _ = error_of(response)
    assert (status, code) == (400, "invalid_json")


def test_it_refuses_a_form_encoded_body(api_client):
    response = api_client.post(URL, data="title=x", content_type="application/x-www-form-urlencoded")
    assert error_of(response)[:2] == (415, "unsupported_media_type")


def test_it_needs_an_api_key(client):
    response = client.post(URL, VALID, content_type="application/json")
    assert error_of(response)[:2] == (401, "unauthorized")
