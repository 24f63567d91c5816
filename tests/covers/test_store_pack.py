"""POST /covers/:id/store-pack: a zip with each store's file made to its rules and a truthful manifest."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import numpy as np
import pytest
from PIL import Image, ImageCms

import cover_engine as engine
from billing.services import credits_balance
from cover_engine import store_pack
from cover_engine.stores import STORES
from covers.models import Job

pytestmark = pytest.mark.django_db

PUBLIC = "http://127.0.0.1:8000"
EBOOK_STORES = {"kdp", "apple", "kobo", "google", "barnes-noble"}
SQUARE_STORES = {"acx", "findaway"}
MB = 1_000_000


def _download(api_client, client, cover_id) -> tuple[str, bytes]:
    response = api_client.get(f"/api/v1/covers/{cover_id}/assets/store_pack/download")
    assert response.status_code == 302
    served = client.get(response["Location"].removeprefix(PUBLIC))
    assert served.status_code == 200
    assert served["Content-Type"] == "application/zip"
    return served["Content-Disposition"], b"".join(served.streaming_content)


def _profile_name(image: Image.Image) -> str:
    return ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(image.info["icc_profile"]))).strip()


def test_the_pack_holds_each_stores_file_to_its_rules(account, api_client, make_book, make_cover, run_jobs, client):
    book = make_book(account=account, title="The Last Witness", summary="A lighthouse keeper in a storm.")
    cover = make_cover(account=account, book=book)
    before = credits_balance(account=account).total
    with run_jobs():
        accepted = api_client.post(f"/api/v1/covers/{cover.id}/store-pack", {}, format="json")
    assert accepted.status_code == 202, accepted.content
    assert accepted.json()["operation"] == "store_pack"
    job = Job.objects.get(pk=accepted.json()["jobId"])
    assert job.status == Job.COMPLETED, (job.error_code, job.error_message)
    assert job.credits_used == 1 and credits_balance(account=account).total == before - 1
    result = api_client.get(f"/api/v1/jobs/{job.id}").json()["result"]["covers"][0]
    assert result["coverId"] == str(cover.id) and result["asset"] == "store_pack" and result["signedUrl"]
    assert api_client.get(f"/api/v1/covers/{cover.id}").json()["assets"]["store_pack"]["available"] is True

    disposition, data = _download(api_client, client, cover.id)
    assert 'filename="the-last-witness_store-pack.zip"' in disposition

    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    manifest = json.loads(archive.read("manifest.json"))
    assert names == {entry["file"] for entry in manifest["files"]} | {"manifest.json"}
    assert {entry["store"] for entry in manifest["files"]} == EBOOK_STORES | SQUARE_STORES
    assert manifest["book"] == {"title": "The Last Witness", "author": book.author, "coverId": str(cover.id)}

    for entry in manifest["files"]:
        raw = archive.read(entry["file"])
        image = Image.open(io.BytesIO(raw))
        image.load()
        # Measured here, independently of the manifest.
        assert image.format == "JPEG" and image.mode == "RGB"
        expected_size = (1600, 2560) if entry["store"] in EBOOK_STORES else (2400, 2400)
        assert image.size == expected_size
        assert entry["file"] == f"the-last-witness_{entry['file'].split('_', 1)[1]}"
        assert entry["file"].endswith(f"-{expected_size[0]}x{expected_size[1]}.jpg")
        assert _profile_name(image) == "sRGB"
        assert image.info["dpi"] == (300, 300)
        assert len(raw) < 50 * MB
        if entry["store"] == "findaway":
            assert len(raw) <= 5 * MB  # Findaway's advised cap is met, not just reported
        # The manifest says what the file is, and its verdicts follow from those values.
        assert entry["sha256"] == hashlib.sha256(raw).hexdigest()
        assert entry["measured"] == {
            "format": "JPEG",
            "width": image.width,
            "height": image.height,
            "mode": "RGB",
            "bitsPerPixel": 24,
            "dpi": [300.0, 300.0],
            "iccProfile": "sRGB",
            "bytes": len(raw),
        }
        store = next(s for s in STORES if s.key == entry["store"])
        assert [r["rule"] for r in entry["rules"]] == [r.kind for r in store.rules]
        assert all(r["source"] for r in entry["rules"])
        assert all(r["passed"] for r in entry["rules"]), entry["rules"]
        assert entry["meetsRequired"] is True
    assert manifest["meetsRequired"] is True

    # The square files are the engine's audiobook re-layout, not a crop of the ebook cover.
    square = np.asarray(Image.open(io.BytesIO(archive.read("the-last-witness_acx-audible-2400x2400.jpg"))), float)
    relayout = engine.render(engine.Recipe.from_dict(cover.recipe), format="square", scale=1.0)
    relayout = np.asarray(Image.open(io.BytesIO(relayout)).convert("RGB"), float)
    ebook = np.asarray(Image.open(io.BytesIO(archive.read("the-last-witness_kdp-ebook-1600x2560.jpg"))), float)
    crop = np.asarray(Image.fromarray(ebook[480:2080].astype(np.uint8)).resize((2400, 2400)), float)
    assert np.abs(square - relayout).mean() < 2.0  # JPEG noise only
    assert np.abs(square - crop).mean() > 10 * np.abs(square - relayout).mean()

    # Made once: asking again is refused and charges nothing.
    again = api_client.post(f"/api/v1/covers/{cover.id}/store-pack", {}, format="json")
    assert again.status_code == 409 and again.json()["error"]["code"] == "asset_already_exists"
    assert credits_balance(account=account).total == before - 1


def test_another_accounts_cover_is_not_found_and_costs_nothing(make_account, api_client_for, make_cover):
    owner, outsider = make_account(), make_account()
    cover = make_cover(account=owner)
    client = api_client_for(outsider)
    before = credits_balance(account=outsider).total
    response = client.post(f"/api/v1/covers/{cover.id}/store-pack", {}, format="json")
    assert response.status_code == 404 and response.json()["error"]["code"] == "cover_not_found"
    download = client.get(f"/api/v1/covers/{cover.id}/assets/store_pack/download")
    assert download.status_code == 404 and download.json()["error"]["code"] == "cover_not_found"
    assert credits_balance(account=outsider).total == before
    assert not Job.objects.filter(operation=Job.OP_STORE_PACK).exists()


def test_without_credits_it_is_refused_and_no_job_is_left(make_account, api_client_for, make_cover):
    account = make_account(monthly=1)
    cover = make_cover(account=account)  # spends the only credit
    response = api_client_for(account).post(f"/api/v1/covers/{cover.id}/store-pack", {}, format="json")
    assert response.status_code == 402 and response.json()["error"]["code"] == "insufficient_credits"
    assert not Job.objects.filter(operation=Job.OP_STORE_PACK).exists()


def test_the_pack_is_not_offered_as_a_jpeg(account, api_client, make_cover, run_jobs):
    from covers import services

    cover = make_cover(account=account)
    with run_jobs():
        services.job_create_store_pack(account=account, cover_id=cover.id)
    response = api_client.get(f"/api/v1/covers/{cover.id}/assets/store_pack/download?format=jpeg")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_field_value"


# --- the manifest reports what files are, including when they break a rule ------------------------------


def _jpeg(mode: str, size: tuple[int, int], **options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "black" if mode == "CMYK" else "gray").save(buffer, format="JPEG", **options)
    return buffer.getvalue()


def test_a_file_that_breaks_rules_is_reported_with_what_was_measured():
    acx = next(s for s in STORES if s.key == "acx")
    broken = _jpeg("CMYK", (2400, 1800), dpi=(50, 50))  # not square, CMYK, 50 dpi, no profile
    results = {r["rule"]: r for r in store_pack.check(acx, store_pack.measure(broken))}
    assert results["square"]["passed"] is False and results["square"]["measured"] == "2400x1800"
    assert results["min_height"]["passed"] is False and results["min_height"]["measured"] == 1800
    assert results["color_mode"]["passed"] is False and results["color_mode"]["measured"] == "CMYK"
    assert results["min_bits_per_pixel"]["measured"] == 32  # four channels of 8 bits: not the failing part
    assert results["min_dpi"]["passed"] is False and results["min_dpi"]["measured"] == [50.0, 50.0]
    assert results["icc_profile"]["passed"] is False and results["icc_profile"]["measured"] is None
    assert results["format"]["passed"] is True and results["min_width"]["passed"] is True


def test_a_file_over_a_size_cap_fails_that_rule():
    kdp = next(s for s in STORES if s.key == "kdp")
    measured = {**store_pack.measure(_jpeg("RGB", (1600, 2560), dpi=(300, 300))), "bytes": 50 * MB + 1}
    results = {r["rule"]: r for r in store_pack.check(kdp, measured)}
    assert results["max_bytes"]["passed"] is False and results["max_bytes"]["measured"] == 50 * MB + 1


def test_a_picture_of_the_wrong_size_is_refused_rather_than_packed():
    small = io.BytesIO()
    Image.new("RGB", (160, 256)).save(small, format="PNG")
    square = io.BytesIO()
    Image.new("RGB", (2400, 2400)).save(square, format="PNG")
    with pytest.raises(engine.EngineError) as caught:
        store_pack.build({"ebook": small.getvalue(), "square": square.getvalue()}, base_name="x", book={})
    assert caught.value.code == "store_pack_input"


# --- the web app -----------------------------------------------------------------------------------------


def test_the_cover_page_makes_and_downloads_the_store_pack(make_account, make_book, make_cover, run_jobs, client):
    account = make_account()
    client.force_login(account.user)
    cover = make_cover(account=account, book=make_book(account=account, title="ظلال القمر"))
    page = client.get(f"/covers/{cover.id}/").content.decode()
    assert "Make the store pack · 1 credit" in page
    with run_jobs():
        response = client.post(f"/covers/{cover.id}/store-pack/")
    assert response.status_code == 302
    job = Job.objects.get(operation=Job.OP_STORE_PACK, source_cover=cover)
    assert job.status == Job.COMPLETED
    assert "Download store pack" in client.get(f"/jobs/{job.id}/").content.decode()
    page = client.get(f"/covers/{cover.id}/").content.decode()
    assert 'data-testid="download-store-pack"' in page and "Download store pack" in page
    download = client.get(f"/covers/{cover.id}/download/store_pack/")
    served = client.get(download["Location"])
    assert (
        "filename*=UTF-8''%D8%B8%D9%84%D8%A7%D9%84-%D8%A7%D9%84%D9%82%D9%85%D8%B1_store-pack.zip"
        in (served["Content-Disposition"])
    )
    names = zipfile.ZipFile(io.BytesIO(b"".join(served.streaming_content))).namelist()
    # Inside the zip, file names stay ASCII: store uploaders ask for plain names.
    assert all(name.isascii() for name in names) and "cover_kdp-ebook-1600x2560.jpg" in names
