"""Local storage: signed links to our file view, refused when tampered with or expired."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from covers.storage import file_store, signed_file_url

pytestmark = pytest.mark.django_db

DATA = b"\x89PNG\r\n\x1a\n" + b"pretend image bytes" * 100


@pytest.fixture
def stored():
    return file_store(name="covers/test/preview.png", data=DATA)


def _path(url: str) -> str:
    assert url.startswith("http://127.0.0.1:8000/api/v1/files/")
    return url.removeprefix("http://127.0.0.1:8000")


def test_it_streams_the_file_with_type_length_and_etag(client, stored):
    signed = signed_file_url(name=stored.name, checksum=stored.checksum)
    response = client.get(_path(signed.url))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == DATA
    assert response["Content-Type"] == "image/png"
    assert response["Content-Length"] == str(len(DATA))
    assert response["ETag"] == f'"{hashlib.sha256(DATA).hexdigest()}"'


def test_it_answers_304_when_the_etag_matches(client, stored):
    signed = signed_file_url(name=stored.name, checksum=stored.checksum)
    response = client.get(_path(signed.url), HTTP_IF_NONE_MATCH=f'"{stored.checksum}"')
    assert response.status_code == 304


def test_links_last_one_hour(stored):
    before = timezone.now()
    signed = signed_file_url(name=stored.name, checksum=stored.checksum)
    assert timedelta(minutes=59) < signed.expires_at - before <= timedelta(hours=1)


def test_it_refuses_a_tampered_link(client, stored):
    path = _path(signed_file_url(name=stored.name, checksum=stored.checksum).url)
    token = path.rsplit("/", 1)[1]
    # Flip one character of the payload, then one of the signature.
    for position in (3, len(token) - 3):
        flipped = token[:position] + ("A" if token[position] != "A" else "B") + token[position + 1 :]
        response = client.get(path.replace(token, flipped))
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "signed_url_invalid"


def test_it_refuses_a_link_signed_for_another_file(client, stored):
    other = file_store(name="covers/test/secret.png", data=b"other")
    good = _path(signed_file_url(name=stored.name).url).rsplit("/", 1)[1]
    bad = _path(signed_file_url(name=other.name).url).rsplit("/", 1)[1]
    payload_of_other, signature_of_good = bad.rsplit(":", 1)[0], good.rsplit(":", 1)[1]
    response = client.get(f"/api/v1/files/{payload_of_other}:{signature_of_good}")
    assert response.status_code == 403


def test_it_refuses_an_expired_link(client, stored):
    signed = signed_file_url(name=stored.name, checksum=stored.checksum, seconds=-1)
    response = client.get(_path(signed.url))
    assert response.status_code == 403
    assert "expired" in response.json()["error"]["message"]


def test_it_answers_404_for_a_deleted_file(client, stored):
    from covers.storage import file_delete

    signed = signed_file_url(name=stored.name, checksum=stored.checksum)
    file_delete(stored.name)
    response = client.get(_path(signed.url))
    assert response.status_code == 404
