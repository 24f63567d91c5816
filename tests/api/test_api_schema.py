"""The OpenAPI schema and the interactive docs, served without any CDN."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def test_the_schema_describes_the_books_endpoints(schema):
    paths = schema["paths"]
    assert {"post", "get"} <= set(paths["/api/v1/books"])
    assert "get" in paths["/api/v1/books/{book_id}"]
    create = schema["components"]["schemas"]["BookCreateRequest"]
    assert create["properties"]["title"]["maxLength"] == 100
    assert create["properties"]["summary"]["maxLength"] == 1000
    assert set(create["required"]) == {"title", "author", "genre"}
    genre_ref = create["properties"]["genre"]["allOf"][0]["$ref"].rsplit("/", 1)[-1]
    assert "fantasy" in schema["components"]["schemas"][genre_ref]["enum"]


def test_the_schema_documents_error_codes_and_the_idempotency_header(schema):
    post = schema["paths"]["/api/v1/books"]["post"]
    text = str(post["responses"])
    for code in [
        "missing_required_fields",
        "field_too_long",
        "invalid_genre",
        "unauthorized",
        "idempotency_key_reused",
    ]:
        assert code in text
    assert any(parameter["name"] == "Idempotency-Key" for parameter in post["parameters"])
    assert schema["components"]["securitySchemes"]


def test_the_docs_page_loads_its_assets_locally(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower() and "jsdelivr" not in html.lower()
    assert "/static/drf_spectacular_sidecar/" in html
