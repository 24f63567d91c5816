"""BYC_STORAGE=s3: files in a bucket, presigned GET URLs checked by a real S3 server (SeaweedFS)."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from covers.storage import file_read, file_store, signed_file_url

pytestmark = [pytest.mark.django_db, pytest.mark.s3]

DATA = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def test_a_presigned_url_downloads_the_file(s3_storage):
    stored = file_store(name="covers/s3/preview.png", data=DATA)
    assert file_read(stored.name) == DATA
    signed = signed_file_url(name=stored.name, checksum=stored.checksum)
    assert signed.url.startswith(s3_storage.endpoint_url)
    assert parse_qs(urlsplit(signed.url).query)["X-Amz-Expires"] == ["3600"]
    response = requests.get(signed.url, timeout=10)
    assert response.status_code == 200
    assert response.content == DATA


def test_a_url_without_its_signature_is_refused(s3_storage):
    stored = file_store(name="covers/s3/unsigned.png", data=DATA)
    assert requests.get(f"{s3_storage.endpoint_url}/{s3_storage.bucket}/{stored.name}", timeout=10).status_code == 403


def test_a_tampered_presigned_url_is_refused(s3_storage):
    stored = file_store(name="covers/s3/tampered.png", data=DATA)
    other = file_store(name="covers/s3/other.png", data=b"other file")
    url = signed_file_url(name=stored.name).url
    assert requests.get(url.replace(stored.name, other.name), timeout=10).status_code == 403
    signature = parse_qs(urlsplit(url).query)["X-Amz-Signature"][0]
    forged = url.replace(signature, signature[:-4] + ("0000" if not signature.endswith("0000") else "1111"))
    assert requests.get(forged, timeout=10).status_code == 403


def test_an_expired_presigned_url_is_refused(s3_storage):
    stored = file_store(name="covers/s3/expiring.png", data=DATA)
    url = signed_file_url(name=stored.name, seconds=1).url
    assert requests.get(url, timeout=10).status_code == 200
    time.sleep(2.1)  # let the one-second link lapse: the S3 server is the one refusing it
    response = requests.get(url, timeout=10)
    assert response.status_code == 403
    assert "expired" in response.text.lower()


def test_a_generated_cover_is_stored_in_the_bucket_and_served_by_presigned_urls(
    s3_storage, account, make_cover, api_client
):
    cover = make_cover(account=account)
    preview = api_client.get(f"/api/v1/covers/{cover.id}").json()["assets"]["preview"]
    assert preview["signedUrl"].startswith(f"{s3_storage.endpoint_url}/{s3_storage.bucket}/covers/")
    response = requests.get(preview["signedUrl"], timeout=10)
    assert response.status_code == 200 and response.content[:8] == b"\x89PNG\r\n\x1a\n"
    download = api_client.get(f"/api/v1/covers/{cover.id}/assets/preview/download")
    assert download.status_code == 302
    assert requests.get(download["Location"], timeout=10).content == response.content
