"""Every error under /api/v1 is {"error": {"code", "message"}}, wherever it comes from."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import path
from rest_framework.views import APIView

from byc_site import urls as site_urls


def envelope(response) -> tuple[int, str, str]:
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    return response.status_code, body["error"]["code"], body["error"]["message"]


@pytest.mark.parametrize("url", ["/api/v1/nope", "/api/v1/", "/api/v2/books", "/api/v1/books/a/b"])
def test_unknown_routes_are_404_not_found(api_client, url):
    status, code, _ = envelope(api_client.get(url))
    assert (status, code) == (404, "not_found") or (status, code) == (404, "book_not_found")


def test_unknown_routes_are_404_even_without_a_key(client):
    assert envelope(client.get("/api/v1/nope"))[:2] == (404, "not_found")


def test_a_wrong_method_is_405_with_allow(api_client):
    response = api_client.delete("/api/v1/books")
    assert envelope(response)[:2] == (405, "method_not_allowed")
    assert "POST" in response["Allow"]


def test_malformed_json_is_400_invalid_json(api_client):
    response = api_client.post("/api/v1/books", data="{not json", content_type="application/json")
    assert envelope(response)[:2] == (400, "invalid_json")


def test_a_body_over_64_kib_is_413(api_client, settings):
    body = '{"title": "' + "a" * settings.API_MAX_BODY_BYTES + '"}'
    response = api_client.post("/api/v1/books", data=body, content_type="application/json")
    status, code, message = envelope(response)
    assert (status, code) == (413, "payload_too_large")
    assert "65536" in message


def test_a_body_just_under_the_limit_is_parsed(api_client, settings):
    padding = "a" * (settings.API_MAX_BODY_BYTES - 200)
    body = '{"title": "t", "author": "a", "genre": "fantasy", "x": "' + padding + '"}'
    response = api_client.post("/api/v1/books", data=body, content_type="application/json")
    assert response.status_code == 201


class Explodes(APIView):
    def get(self, request):
        raise RuntimeError("secret detail that must not leak")


def plain_django_view(request):
    raise ValueError("also secret")


urlpatterns = [
    path("api/v1/explodes", Explodes.as_view()),
    path("api/v1/plain", plain_django_view),
    *site_urls.urlpatterns,
]


@override_settings(ROOT_URLCONF=__name__, DEBUG=True)
@pytest.mark.parametrize("url", ["/api/v1/explodes", "/api/v1/plain"])
def test_a_crash_is_500_internal_error_without_a_stack_trace(api_client, url):
    api_client.raise_request_exception = False
    response = api_client.get(url)
    status, code, message = envelope(response)
    assert (status, code) == (500, "internal_error")
    assert "secret" not in response.content.decode()


def test_pages_outside_the_api_are_left_alone(client):
    response = client.get("/no-such-page-for-the-envelope/")
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/json")


def test_drf_validation_errors_read_as_one_line():
    from rest_framework.exceptions import ValidationError

    from byc_site.errors import api_exception_handler

    response = api_exception_handler(ValidationError({"count": ["Must be an integer."], "mood": ["Unknown."]}), {})
    assert response.status_code == 400
    assert response.data == {
        "error": {"code": "invalid_request", "message": "count: Must be an integer. mood: Unknown."}
    }


@pytest.mark.parametrize(
    ("url", "body", "code"),
    [
        ("/api/v1/books", {"title": "t" * 101, "author": "A", "genre": "fantasy"}, "field_too_long"),
        ("/api/v1/books", {"title": "Dune", "author": "A", "genre": "Fantasy"}, "invalid_genre"),
        ("/api/v1/covers/generate", {"bookId": "x", "count": 9}, "invalid_count"),
    ],
)
def test_the_field_an_error_names_stays_out_of_the_envelope(api_client, url, body, code):
    # Services name the field at fault (for the web forms); the contract's envelope is code and message only.
    assert envelope(api_client.post(url, body, format="json"))[:2] == (400, code)
