"""GET /api/v1/templates and the template previews; the catalogue mirrored from the engine."""

from __future__ import annotations

import pytest

import cover_engine as engine
from covers.models import Template
from covers.services import template_sync

pytestmark = pytest.mark.django_db


def test_migrate_mirrors_the_engines_catalogue():
    assert Template.objects.count() == len(engine.catalogue()) > 0


def test_it_lists_the_templates_in_the_contracts_shape(api_client):
    data = api_client.get("/api/v1/templates").json()
    assert data["total"] == len(data["templates"]) == Template.objects.count()
    first = data["templates"][0]
    assert set(first) == {"id", "name", "family", "templateType", "genreBuckets", "previewImage"}
    assert first["previewImage"].startswith("http://127.0.0.1:8000/api/v1/templates/")


def test_it_filters_by_genre(api_client):
    everything = api_client.get("/api/v1/templates").json()["total"]
    fantasy = api_client.get("/api/v1/templates?genre=fantasy").json()
    expected = {t.id for t in engine.templates_for_genre("fantasy")}
    assert {t["id"] for t in fantasy["templates"]} == expected
    assert 0 < fantasy["total"] < everything


@pytest.mark.parametrize("genre", ["cooking", "Fantasy", ""])
def test_an_unknown_genre_is_refused(api_client, genre):
    response = api_client.get(f"/api/v1/templates?genre={genre}")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_genre"


def test_disabled_templates_are_hidden_and_stay_disabled_after_a_sync(api_client):
    template = Template.objects.first()
    Template.objects.filter(pk=template.pk).update(enabled=False)
    template_sync()
    ids = {t["id"] for t in api_client.get("/api/v1/templates").json()["templates"]}
    assert template.id not in ids
    assert Template.objects.get(pk=template.pk).enabled is False


def test_templates_gone_from_the_engine_are_marked(api_client):
    Template.objects.create(id="retired-design", name="Retired")
    template_sync()
    assert Template.objects.get(pk="retired-design").in_engine is False


def test_it_needs_an_api_key(client):
    assert client.get("/api/v1/templates").status_code == 401


def test_the_preview_image_works_without_a_key(client, api_client):
    url = api_client.get("/api/v1/templates").json()["templates"][0]["previewImage"]
    response = client.get(url.removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content[:8] == b"\x89PNG\r\n\x1a\n"
    again = client.get(url.removeprefix("http://127.0.0.1:8000"), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.get("/api/v1/templates/no-such-template/preview.png").status_code == 404
