"""Downloads are named after the book and the format, in any script; PNGs and JPEGs carry sRGB and DPI."""

from __future__ import annotations

import io
from urllib.parse import unquote

import pytest
import requests
from PIL import Image, ImageCms

from covers.downloads import ascii_fallback, content_disposition, download_name

pytestmark = pytest.mark.django_db

PUBLIC = "http://127.0.0.1:8000"


def _follow(client, response):
    """The file behind a 302 to our signed-file view, read whole."""
    assert response.status_code == 302, response.content
    location = response["Location"]
    assert location.startswith(f"{PUBLIC}/api/v1/files/") or location.startswith("/api/v1/files/")
    served = client.get(location.removeprefix(PUBLIC))
    assert served.status_code == 200
    return served, b"".join(served.streaming_content)


def _filename_star(header: str) -> str:
    """The RFC 5987 name of a Content-Disposition header, decoded."""
    star = header.split("filename*=", 1)[1]
    charset, _language, value = star.split("'", 2)
    assert charset.upper() == "UTF-8"
    return unquote(value)


def _ascii_filename(header: str) -> str:
    return header.split('filename="', 1)[1].split('"', 1)[0]


def _srgb(image: Image.Image) -> str:
    profile = ImageCms.ImageCmsProfile(io.BytesIO(image.info["icc_profile"]))
    return ImageCms.getProfileDescription(profile).strip()


# --- names ------------------------------------------------------------------------------------------


def test_a_name_is_the_title_slug_and_the_format():
    name = download_name(
        title="The Last Witness", asset_type="preview", content_type="image/png", width=1600, height=2560
    )
    assert name == "the-last-witness_ebook-1600x2560.png"
    assert content_disposition(name) == (
        'attachment; filename="the-last-witness_ebook-1600x2560.png"; '
        "filename*=UTF-8''the-last-witness_ebook-1600x2560.png"
    )


@pytest.mark.parametrize(
    ("title", "fallback"),
    [
        ("ظلال القمر", "cover_audiobook-2400x2400.jpg"),
        ("月の影", "cover_audiobook-2400x2400.jpg"),
        ('Café Noir: A "Novel"', "cafe-noir-a-novel_audiobook-2400x2400.jpg"),
        ("my_book", "my_book_audiobook-2400x2400.jpg"),
    ],
)
def test_titles_in_any_script_keep_their_letters_with_an_ascii_fallback(title, fallback):
    name = download_name(
        title=title, asset_type="audiobook_preview", content_type="image/jpeg", width=2400, height=2400
    )
    header = content_disposition(name)
    assert header.isascii()
    assert _ascii_filename(header) == ascii_fallback(name) == fallback
    assert _filename_star(header) == name
    if not title.isascii():
        assert title.split()[0].lower() in name


# --- local storage, through the API ------------------------------------------------------------------


def test_the_api_download_is_an_attachment_named_after_the_book(account, api_client, make_book, make_cover, client):
    book = make_book(account=account, title="The Last Witness", summary="A lighthouse in a storm.")
    cover = make_cover(account=account, book=book)
    served, data = _follow(client, api_client.get(f"/api/v1/covers/{cover.id}/assets/preview/download"))
    preview = cover.assets.get(asset_type="preview")
    expected = f"the-last-witness_ebook-{preview.width}x{preview.height}.png"
    assert _ascii_filename(served["Content-Disposition"]) == expected
    assert _filename_star(served["Content-Disposition"]) == expected
    assert served["Content-Disposition"].startswith("attachment;")
    assert served["Content-Type"] == "image/png"
    # The PNG says it is sRGB at 300 dpi.
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.mode == "RGB"
    assert tuple(round(v) for v in image.info["dpi"]) == (300, 300)
    assert _srgb(image) == "sRGB"


def test_signed_urls_in_cover_details_carry_the_name_too(account, api_client, make_book, make_cover, client):
    book = make_book(account=account, title="ظلال القمر", summary="A lighthouse in a storm.")
    cover = make_cover(account=account, book=book)
    url = api_client.get(f"/api/v1/covers/{cover.id}").json()["assets"]["preview"]["signedUrl"]
    served = client.get(url.removeprefix(PUBLIC))
    header = served["Content-Disposition"]
    assert header.isascii()
    assert _filename_star(header).startswith("ظلال-القمر_ebook-")
    assert _ascii_filename(header).startswith("cover_ebook-")


def test_format_jpeg_downloads_a_jpeg_with_srgb_and_dpi(account, api_client, make_book, make_cover, client):
    book = make_book(account=account, title="月の影", summary="A lighthouse in a storm.")
    cover = make_cover(account=account, book=book)
    preview = cover.assets.get(asset_type="preview")
    served, data = _follow(client, api_client.get(f"/api/v1/covers/{cover.id}/assets/preview/download?format=jpeg"))
    assert served["Content-Type"] == "image/jpeg"
    assert _filename_star(served["Content-Disposition"]) == f"月の影_ebook-{preview.width}x{preview.height}.jpg"
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.mode == "RGB"
    assert image.size == (preview.width, preview.height)
    assert image.info["dpi"] == (300, 300)
    assert _srgb(image) == "sRGB"
    # Made once: the second download signs the same stored file.
    again = api_client.get(f"/api/v1/covers/{cover.id}/assets/preview/download?format=jpeg")
    assert _follow(client, again)[1] == data


def test_an_unknown_format_is_refused_in_the_envelope(account, api_client, make_cover):
    cover = make_cover(account=account)
    response = api_client.get(f"/api/v1/covers/{cover.id}/assets/preview/download?format=gif")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_field_value"


def test_another_accounts_cover_is_not_found(make_account, api_client_for, make_cover):
    owner, outsider = make_account(), make_account()
    cover = make_cover(account=owner)
    response = api_client_for(outsider).get(f"/api/v1/covers/{cover.id}/assets/preview/download?format=jpeg")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "cover_not_found"


# --- the web app's links -------------------------------------------------------------------------------


def test_the_cover_page_links_download_named_files(make_account, make_book, make_cover, client):
    account = make_account()
    client.force_login(account.user)
    cover = make_cover(account=account, book=make_book(account=account, title="The Last Witness"))
    page = client.get(f"/covers/{cover.id}/").content.decode()
    assert "Ebook cover (1600 × 2560)" in page
    assert f"/covers/{cover.id}/download/preview/?format=jpeg" in page
    response = client.get(f"/covers/{cover.id}/download/preview/?format=jpeg")
    served, data = _follow(client, response)
    assert _ascii_filename(served["Content-Disposition"]).startswith("the-last-witness_ebook-")
    assert _ascii_filename(served["Content-Disposition"]).endswith(".jpg")
    assert data[:3] == b"\xff\xd8\xff"


def test_the_web_download_of_another_accounts_cover_is_404(make_account, make_cover, client):
    owner, outsider = make_account(), make_account()
    cover = make_cover(account=owner)
    client.force_login(outsider.user)
    assert client.get(f"/covers/{cover.id}/download/preview/").status_code == 404


# --- S3: the bucket sends the name, because the presigned request asks for it --------------------------


@pytest.mark.s3
def test_s3_presigned_downloads_are_named_after_the_book(s3_storage, account, api_client, make_book, make_cover):
    book = make_book(account=account, title="ظلال القمر", summary="A lighthouse in a storm.")
    cover = make_cover(account=account, book=book)
    preview = cover.assets.get(asset_type="preview")
    for query, content_type, extension in (("", "image/png", "png"), ("?format=jpeg", "image/jpeg", "jpg")):
        download = api_client.get(f"/api/v1/covers/{cover.id}/assets/preview/download{query}")
        assert download.status_code == 302
        assert download["Location"].startswith(f"{s3_storage.endpoint_url}/{s3_storage.bucket}/")
        response = requests.get(download["Location"], timeout=10)
        assert response.status_code == 200
        header = response.headers["Content-Disposition"]
        assert _filename_star(header) == f"ظلال-القمر_ebook-{preview.width}x{preview.height}.{extension}"
        assert _ascii_filename(header) == f"cover_ebook-{preview.width}x{preview.height}.{extension}"
        assert response.headers["Content-Type"] == content_type
        # The name is part of what was signed: changing it breaks the signature.
        forged = download["Location"].replace("cover_ebook", "other_ebook")
        assert forged != download["Location"]
        assert requests.get(forged, timeout=10).status_code == 403
