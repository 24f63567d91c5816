"""The cover page's Print step and the preflight upload page."""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

pytestmark = pytest.mark.django_db

WRAP = {"printer": "kdp", "binding": "paperback", "trim_size": "6x9", "page_count": "320", "paper": "white"}


def test_the_print_step_makes_a_wrap_and_offers_it_under_the_books_name(
    client, author, make_book, make_cover, run_jobs
):
    book = make_book(account=author, title="The Last Witness", summary="A witness vanishes before the trial.")
    cover = make_cover(account=author, book=book)
    page = client.get(f"/covers/{cover.id}/").content.decode()
    assert 'data-testid="print-step"' in page and 'data-testid="print-proof"' not in page
    with run_jobs():
        response = client.post(f"/covers/{cover.id}/print/", {**WRAP, "isbn": "978-1-4028-9462-6"})
    assert response.status_code == 302
    page = client.get(f"/covers/{cover.id}/").content.decode()
    assert 'data-testid="print-proof"' in page
    assert "the-last-witness_kdp-6x9-320p.pdf" in page
    download = client.get(f"/covers/{cover.id}/print/download/")
    assert download.status_code == 200
    assert 'filename="the-last-witness_kdp-6x9-320p.pdf"' in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    # A second wrap starts from the first one's target (320 pages, not the form's default 200).
    assert 'name="page_count" value="320"' in page


def test_an_impossible_wrap_is_explained_next_to_its_field(client, author, make_cover):
    cover = make_cover(account=author)
    response = client.post(f"/covers/{cover.id}/print/", {**WRAP, "page_count": "2000"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "24 to 828 pages" in html and 'id="field-page_count"' in html


def test_someone_elses_print_wrap_is_not_found(client, author, make_account, make_cover):
    other = make_cover(account=make_account(email="other@example.com"))
    assert client.get(f"/covers/{other.id}/print/download/").status_code == 404


def test_the_preflight_page_checks_an_upload(client, author):
    cache.clear()
    assert client.get("/print/preflight/").status_code == 200
    picture = io.BytesIO()
    Image.new("RGB", (1297, 925), (30, 30, 60)).save(picture, format="PNG", dpi=(100, 100))
    upload = SimpleUploadedFile("cover.png", picture.getvalue(), content_type="image/png")
    response = client.post("/print/preflight/", {**WRAP, "file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="preflight-result"' in html and "Problems found" in html
    assert 'data-testid="check-image_resolution"' in html and 'data-testid="preflight-proof"' in html
