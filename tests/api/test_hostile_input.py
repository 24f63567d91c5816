"""Input that is never text, JSON nested without end, chunked bodies, errors raised around the views.

Each is refused with a 400 (or 413) in the envelope, before anything is written, and the same on
SQLite and PostgreSQL (PostgreSQL cannot store NUL, SQLite can: neither may see one).
"""

from __future__ import annotations

import io
import json

import pytest

from billing.services import credits_balance
from books.models import Book
from covers.models import Job

pytestmark = pytest.mark.django_db

# NUL, another control character, lone surrogates (only JSON escapes can carry them), noncharacters.
NOT_TEXT = ["\x00", "\x07", "\x1b", "\ud800", "\udfff", "\ufffe", "\uffff", "\ufdd0", "\U0001ffff", "\U0010ffff"]


def error_of(response) -> tuple[int, str]:
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return response.status_code, body["error"]["code"]


def post_json(client, url: str, body: object, **extra):
    # json.dumps escapes every non-ASCII character, so lone surrogates travel as "\ud800" like an attacker sends them.
    return client.post(url, data=json.dumps(body), content_type="application/json", **extra)


BOOK = {"title": "The Salt Road", "author": "Ada Reyes", "genre": "fantasy"}


@pytest.mark.parametrize("char", NOT_TEXT)
@pytest.mark.parametrize("field", ["title", "summary", "external_ref", "subgenre"])
def test_book_fields_refuse_characters_that_are_not_text(api_client, char, field):
    response = post_json(api_client, "/api/v1/books", {**BOOK, field: f"a{char}b"})
    assert error_of(response) == (400, "unsupported_characters")
    assert field in response.json()["error"]["message"]
    assert not Book.objects.exists()


@pytest.mark.parametrize("char", ["\x00", "\ud800", "\uffff"])
def test_a_field_name_that_is_not_text_is_refused(api_client, char):
    response = post_json(api_client, "/api/v1/books", {**BOOK, f"x{char}": "y"})
    assert error_of(response) == (400, "unsupported_characters")


@pytest.mark.parametrize("char", ["\x00", "\ud800", "\udc00", "\ufffe"])
@pytest.mark.parametrize("field", ["external_ref", "webhookUrl", "templateId", "mainElements", "mood"])
def test_generate_fields_refuse_characters_that_are_not_text(api_client, make_book, account, char, field):
    book = make_book(account=account)
    value = f"https://hooks.example.com/{char}" if field == "webhookUrl" else f"a{char}"
    response = post_json(api_client, "/api/v1/covers/generate", {"bookId": str(book.id), field: value})
    assert error_of(response) == (400, "unsupported_characters")
    assert not Job.objects.exists()
    assert credits_balance(account=account).total == 10


def test_nested_values_are_checked_too(api_client):
    response = post_json(api_client, "/api/v1/books", {**BOOK, "extra": [{"deep": ["ok", "bad\x00"]}]})
    assert error_of(response) == (400, "unsupported_characters")


def test_ordinary_text_in_every_script_is_still_accepted(api_client):
    title = "Ölüm — 死神 — Смерть — موت"
    response = post_json(api_client, "/api/v1/books", {**BOOK, "title": title, "summary": "Line one.\n\tLine two."})
    assert response.status_code == 201, response.content
    assert Book.objects.get().title == title


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/books?external_ref=%00",
        "/api/v1/books?external_ref=a%ED%A0%80",  # a surrogate encoded as UTF-8: not valid UTF-8
        "/api/v1/books?external_ref=%EF%BF%BF",  # U+FFFF
        "/api/v1/books?external_ref=%FF",  # not UTF-8 at all
        "/api/v1/books?x%00=1",
        "/api/v1/jobs?status=%00",
        "/api/v1/jobs?limit=%00",
        "/api/v1/templates?genre=%00",
    ],
)
def test_query_parameters_refuse_characters_that_are_not_text(api_client, url):
    assert error_of(api_client.get(url)) == (400, "unsupported_characters")


def test_raw_bytes_in_the_query_string_must_be_utf8(api_client):
    # As a server hands them over: the raw bytes as Latin-1 text (PEP 3333).
    assert error_of(api_client.get("/api/v1/books", QUERY_STRING="external_ref=\xff")) == (
        400,
        "unsupported_characters",
    )
    raw_utf8 = "ref é".encode().decode("iso-8859-1")
    assert api_client.get("/api/v1/books", QUERY_STRING=f"external_ref={raw_utf8}").status_code == 200


def test_query_parameters_are_checked_before_the_key(client):
    assert error_of(client.get("/api/v1/books?external_ref=%00")) == (400, "unsupported_characters")


def test_an_ordinary_query_still_works(api_client, make_book, account):
    make_book(account=account, external_ref="ref é+1")
    response = api_client.get("/api/v1/books", {"external_ref": "ref é+1"})
    assert response.status_code == 200 and response.json()["total"] == 1


@pytest.mark.parametrize(
    "path", ["/api/v1/books/%00", "/api/v1/jobs/%00", "/api/v1/covers/%00", "/api/v1/books/%ED%A0%80"]
)
def test_path_segments_that_are_not_text_are_404(api_client, path):
    assert error_of(api_client.get(path))[0] == 404


def test_an_idempotency_key_that_is_not_printable_ascii_is_refused(api_client):
    response = post_json(api_client, "/api/v1/books", BOOK, HTTP_IDEMPOTENCY_KEY="key\x01")
    assert error_of(response) == (400, "invalid_idempotency_key")
    assert not Book.objects.exists()


@pytest.mark.parametrize("depth", [33, 5000, 100_000 // 2])
def test_json_nested_too_deep_is_400_not_a_recursion_error(api_client, depth, caplog):
    body = "[" * depth + "]" * depth
    if len(body) > 64 * 1024:
        body = "[" * 30_000  # unterminated, under the size limit
    response = api_client.post("/api/v1/books", data=body, content_type="application/json")
    assert error_of(response) == (400, "invalid_json")
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


def test_deep_objects_are_measured_like_arrays(api_client):
    body = '{"a":' * 40 + "1" + "}" * 40
    assert error_of(api_client.post("/api/v1/books", data=body, content_type="application/json")) == (
        400,
        "invalid_json",
    )


def test_brackets_inside_strings_do_not_count_as_nesting(api_client):
    response = post_json(api_client, "/api/v1/books", {**BOOK, "summary": "[[[[" * 100 + '\\"{{{' * 50})
    assert response.status_code == 201, response.content


def test_json_at_the_depth_limit_is_parsed(api_client, settings):
    nested: object = "x"
    for _ in range(settings.API_MAX_JSON_DEPTH - 1):
        nested = [nested]
    response = post_json(api_client, "/api/v1/books", {**BOOK, "extra": nested})
    assert response.status_code == 201, response.content


def test_invalid_utf8_in_a_json_body_is_invalid_json(api_client):
    body = b'{"title": "\xff\xfe", "author": "a", "genre": "fantasy"}'
    assert error_of(api_client.post("/api/v1/books", data=body, content_type="application/json")) == (
        400,
        "invalid_json",
    )


def chunked_post(client, url: str, body: bytes):
    """What gunicorn hands the app for `Transfer-Encoding: chunked`: the de-chunked stream, no length."""
    return client.generic(
        "POST",
        url,
        data=b"",
        content_type="application/json",
        HTTP_TRANSFER_ENCODING="chunked",
        CONTENT_LENGTH="",
        **{"wsgi.input": io.BytesIO(body)},
    )


def test_a_chunked_body_is_read(api_client):
    response = chunked_post(api_client, "/api/v1/books", json.dumps(BOOK).encode())
    assert response.status_code == 201, response.content
    assert Book.objects.get().title == "The Salt Road"


def test_a_chunked_body_over_the_limit_is_413(api_client, settings):
    body = json.dumps({**BOOK, "summary": "a" * settings.API_MAX_BODY_BYTES}).encode()
    assert error_of(chunked_post(api_client, "/api/v1/books", body)) == (413, "payload_too_large")
    assert not Book.objects.exists()


def test_a_chunked_form_post_is_read_on_pages_too(client, make_account):
    account = make_account(email="chunk@example.com", password="a-long-pass-phrase")
    body = b"username=chunk%40example.com&password=a-long-pass-phrase"
    response = client.generic(
        "POST",
        "/login/",
        data=b"",
        CONTENT_TYPE="application/x-www-form-urlencoded",
        HTTP_TRANSFER_ENCODING="chunked",
        CONTENT_LENGTH="",
        **{"wsgi.input": io.BytesIO(body)},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(account.user.pk)


def test_a_disallowed_host_is_400_in_the_envelope(api_client):
    assert error_of(api_client.get("/api/v1/books", HTTP_HOST="evil.example")) == (400, "bad_request")


def test_a_disallowed_host_on_a_page_is_an_html_400(client):
    response = client.get("/login/", HTTP_HOST="evil.example")
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("query", ["page=%00", "status=%EF%BF%BE", "q=%ED%A0%80"])
def test_pages_refuse_query_strings_that_are_not_text(client, make_account, query):
    account = make_account()
    client.force_login(account.user)
    response = client.get(f"/library/?{query}")
    assert response.status_code == 400
    assert b"not" in response.content


@pytest.mark.parametrize("char", ["\x00", "\ufffe", "\x07"])
def test_page_forms_refuse_characters_that_are_not_text(client, char):
    from django.contrib.auth import get_user_model

    response = client.post(
        "/signup/", {"email": f"a{char}@example.com", "password1": "p4ss-phrase!", "password2": "p4ss-phrase!"}
    )
    assert response.status_code == 400
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize(
    ("body", "depth"),
    [
        ('\\"' * 30_000, 0),  # a quote after each backslash: every one could start an unterminated string
        ('"\\' * 30_000, 0),
        ('"' + "a" * 60_000, 0),
        ('["' * 30_000, 15_000),  # every other bracket is inside a string
        ("[1," * 20_000, 20_000),
    ],
)
def test_hostile_bodies_are_measured_in_one_pass(api_client, body, depth):
    """A regular expression retried from every quote took 45 s on the first body (bench/request_guards.py
    prints the times); these are refused at once."""
    from byc_site.parsers import json_depth

    assert json_depth(body) == depth
    assert json_depth(body, stop_above=32) == min(depth, 33)
    assert error_of(api_client.post("/api/v1/books", data=body, content_type="application/json"))[0] == 400
