"""/readyz checks the file storage for real: the S3 bucket on a real S3 server, or the local folder."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.s3
def test_ready_with_the_bucket(client, s3_storage):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    assert response.json()["checks"]["storage"] == "ok"


@pytest.mark.s3
def test_not_ready_without_the_bucket(client, s3_storage, settings):
    storages = dict(settings.STORAGES)
    storages["default"] = {**storages["default"], "OPTIONS": {**storages["default"]["OPTIONS"], "bucket_name": "gone"}}
    settings.STORAGES = storages
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"].startswith("error: ")


@pytest.mark.s3
def test_not_ready_with_wrong_keys(client, s3_storage, settings):
    storages = dict(settings.STORAGES)
    options = {**storages["default"]["OPTIONS"], "secret_key": "not-the-secret"}
    storages["default"] = {**storages["default"], "OPTIONS": options}
    settings.STORAGES = storages
    assert client.get("/readyz").status_code == 503


def test_not_ready_when_the_local_folder_cannot_exist(client, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    storages = dict(settings.STORAGES)
    storages["default"] = {**storages["default"], "OPTIONS": {"location": blocker / "media"}}
    settings.STORAGES = storages
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["storage"].startswith("error: ")
