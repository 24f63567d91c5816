"""Page thumbnails made by the worker, and template previews rendered once into storage."""

from __future__ import annotations

import io
import logging

import pytest
from PIL import Image

import cover_engine as engine
from covers import services
from covers.models import Job
from covers.services import templates, thumbs
from covers.storage import file_delete, file_exists, file_read

pytestmark = pytest.mark.django_db


def _thumb_names(asset) -> list[str]:
    return [thumbs.thumbnail_name(checksum=asset.checksum, width=w) for w in thumbs.THUMB_WIDTHS]


def test_a_completed_job_has_its_page_thumbnails_in_storage(account, make_cover, run_jobs):
    cover = make_cover(account=account)
    preview = cover.assets.get(asset_type="preview")
    for name, width in zip(_thumb_names(preview), thumbs.THUMB_WIDTHS, strict=True):
        image = Image.open(io.BytesIO(file_read(name)))
        assert image.format == "JPEG" and image.width == min(width, preview.width)
    with run_jobs():
        services.job_create_audiobook(account=account, cover_id=cover.id)
    audiobook = cover.assets.get(asset_type="audiobook_preview")
    assert all(file_exists(name) for name in _thumb_names(audiobook))


def test_every_cover_of_a_job_of_several_gets_its_thumbnails(account, make_book, run_jobs):
    with run_jobs():
        job = services.job_create_generate(account=account, book_id=make_book(account=account).id, count=2)
    job.refresh_from_db()
    assert job.status == Job.COMPLETED
    for cover in job.covers.all():
        assert all(file_exists(name) for name in _thumb_names(cover.assets.get(asset_type="preview")))


def test_the_workers_thumbnail_is_served_without_decoding_the_png(account, make_cover, monkeypatch):
    cover = make_cover(account=account)
    preview = cover.assets.get(asset_type="preview")
    stored = file_read(thumbs.thumbnail_name(checksum=preview.checksum, width=400))

    def refuse(*args, **kwargs):
        raise AssertionError("the thumbnail was made again")

    monkeypatch.setattr(thumbs, "_thumbnails_encode", refuse)
    data = thumbs.thumbnail_bytes(storage_name=preview.storage_name, checksum=preview.checksum, width=400)
    assert data == stored


def test_an_asset_without_thumbnails_gets_them_made_once_on_request(account, make_cover, monkeypatch):
    cover = make_cover(account=account)
    preview = cover.assets.get(asset_type="preview")
    for name in _thumb_names(preview):
        file_delete(name)
    made = []
    encode = thumbs._thumbnails_encode
    monkeypatch.setattr(thumbs, "_thumbnails_encode", lambda png, widths: made.append(widths) or encode(png, widths))
    first = thumbs.thumbnail_bytes(storage_name=preview.storage_name, checksum=preview.checksum, width=840)
    again = thumbs.thumbnail_bytes(storage_name=preview.storage_name, checksum=preview.checksum, width=840)
    assert first == again and made == [[840]]


def test_a_thumbnail_failure_does_not_fail_the_job(account, make_book, run_jobs, monkeypatch, caplog):
    def broken(png, widths):
        raise OSError("disk full")

    monkeypatch.setattr(thumbs, "_thumbnails_encode", broken)
    with caplog.at_level(logging.ERROR), run_jobs():
        job = services.job_create_generate(account=account, book_id=make_book(account=account).id, count=1)
    job.refresh_from_db()
    assert job.status == Job.COMPLETED and job.units_done == 1
    assert "Thumbnails of" in caplog.text
    preview = job.covers.get().assets.get(asset_type="preview")
    assert not any(file_exists(name) for name in _thumb_names(preview))


def test_a_template_preview_is_rendered_once_then_served_from_storage(client, monkeypatch):
    template_id = engine.catalogue()[0].id
    url = f"/api/v1/templates/{template_id}/preview.png"
    renders = []
    render = engine.template_preview
    monkeypatch.setattr(engine, "template_preview", lambda *a, **k: renders.append(a) or render(*a, **k))
    templates._template_preview_cached.cache_clear()
    first = client.get(url)
    assert first.status_code == 200 and len(renders) == 1
    assert file_exists(thumbs.template_preview_name(template_id))
    # Another process (a fresh memory cache) reads it from storage and renders nothing.
    templates._template_preview_cached.cache_clear()
    second = client.get(url)
    assert second.status_code == 200 and second.content == first.content and second["ETag"] == first["ETag"]
    assert len(renders) == 1
    templates._template_preview_cached.cache_clear()


def test_a_changed_engine_gets_new_template_previews(monkeypatch):
    template_id = engine.catalogue()[0].id
    before = thumbs.template_preview_name(template_id)
    monkeypatch.setattr(thumbs, "engine_fingerprint", lambda: "0123456789abcdef")
    after = thumbs.template_preview_name(template_id)
    assert before != after and template_id in after


def test_sync_templates_can_render_every_missing_preview(monkeypatch):
    renders = []
    monkeypatch.setattr(engine, "template_preview", lambda template_id, **k: renders.append(template_id) or b"png")
    ids = [info.id for info in engine.catalogue()][:3]
    assert thumbs.template_previews_render(template_ids=ids) == 3
    assert thumbs.template_previews_render(template_ids=ids) == 0
    assert renders == ids
