"""The OpenAPI schema describes the cover, job and template endpoints with their error codes."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return Client().get("/api/v1/schema/?format=json").json()


@pytest.mark.parametrize(
    "path,method,codes",
    [
        ("/api/v1/covers/generate", "post", ["missing_book_id", "invalid_count", "concurrency_limit"]),
        ("/api/v1/covers/{cover_id}/variations", "post", ["invalid_count", "cover_not_found"]),
        ("/api/v1/covers/{cover_id}/edit-image", "post", ["missing_prompt", "missing_cover_image"]),
        ("/api/v1/covers/{cover_id}/upscale", "post", ["invalid_source_asset", "asset_already_exists"]),
        ("/api/v1/covers/{cover_id}/audiobook-cover", "post", ["missing_cover_image"]),
        ("/api/v1/covers/{cover_id}", "get", ["cover_not_found"]),
        ("/api/v1/covers/{cover_id}/assets/{asset_type}/download", "get", ["asset_not_available"]),
        ("/api/v1/jobs/{job_id}", "get", ["job_not_found"]),
        ("/api/v1/jobs", "get", ["invalid_field_value"]),
        ("/api/v1/books/{book_id}/covers", "get", ["book_not_found"]),
        ("/api/v1/templates", "get", ["invalid_genre"]),
    ],
)
def test_each_endpoint_is_described_with_its_codes(schema, path, method, codes):
    operation = schema["paths"][path][method]
    text = str(operation["responses"])
    for code in codes:
        assert code in text


def test_the_job_result_shape_is_described(schema):
    components = schema["components"]["schemas"]
    assert {"jobId", "status", "credits_used", "result", "error"} <= set(components["JobDetail"]["properties"])
    assert {"coverId", "signedUrl", "expiresAt", "coverStyle", "asset"} <= set(components["ResultCover"]["properties"])
    assert components["GenerateRequest"]["properties"]["mainElements"]["maxLength"] == 1000
