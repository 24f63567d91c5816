"""Cover jobs with the picture from an image model (BYC_ART_PROVIDER), against local protocol fakes.

Every layer of ours runs: the API, the job services, the worker, the providers, the transport, the
renderer, the storage. Only the image model is a local server (bench/art_fakes.py).
"""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
from PIL import Image

import cover_engine as engine
from bench.art_fakes import COMFY_WORKFLOW, MAGENTA, FakeArtServer
from billing.services import credits_balance
from cover_engine import art_providers as art
from cover_engine.render import type_zones
from covers import services
from covers.models import ArtCall, Job
from covers.storage import file_read

pytestmark = pytest.mark.django_db

KEYS = {"openai": "sk-test", "stability": "sk-stab", "automatic1111": "user:pass"}


@pytest.fixture(autouse=True)
def _clean_breakers():
    art.breakers_reset()
    yield
    art.breakers_reset()


@pytest.fixture
def book(make_book, account):
    return make_book(
        account=account, title="The Keeper of Gull Rock", genre="mystery",
        summary="A lighthouse keeper finds a wolf on the rocks.",
    )  # fmt: skip


@pytest.fixture
def provider(request, settings, tmp_path):
    """A fake of the provider named by the test's parameter, with the deployment's settings pointed at it."""
    name = getattr(request, "param", "openai")
    with FakeArtServer(name, api_key=KEYS.get(name, "")) as server:
        settings.COVERS_ART_PROVIDER = name
        settings.COVERS_ART_BASE_URL = server.base_url
        settings.COVERS_ART_API_KEY = server.api_key
        settings.COVERS_ART_MODEL = ""
        settings.COVERS_ART_TIMEOUT = 5
        settings.COVERS_ART_FALLBACK = "procedural"
        settings.COVERS_ART_COST_PER_CALL = "0.04"
        settings.COVERS_ART_RETRIES = 1
        if name == "comfyui":
            workflow = tmp_path / "workflow.json"
            workflow.write_text(json.dumps(COMFY_WORKFLOW))
            settings.COVERS_ART_COMFYUI_WORKFLOW = str(workflow)
        yield server


def _generate(account, book, run_jobs, **options) -> Job:
    with run_jobs():
        job = services.job_create_generate(account=account, book_id=book.id, **options)
    job.refresh_from_db()
    return job


def _image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def _magenta_share(image: Image.Image) -> float:
    pixels = np.asarray(image, dtype=int)
    return float((np.abs(pixels - np.array(MAGENTA)).sum(axis=2) < 60).mean())


def test_an_openai_generate_job_sends_the_documented_request_and_delivers_the_picture_under_our_type(
    provider, api_client, account, book, run_jobs
):
    with run_jobs():
        response = api_client.post("/api/v1/covers/generate", {"bookId": str(book.id)}, format="json")
    assert response.status_code == 202
    job = Job.objects.get(pk=response.json()["jobId"])
    assert job.status == Job.COMPLETED, (job.error_code, job.error_message)
    assert provider.violations == []
    sent = provider.requests[-1]
    assert sent["path"] == "/v1/images/generations" and sent["headers"]["authorization"] == "Bearer sk-test"
    body = sent["json"]
    assert body["model"] == "gpt-image-1" and body["size"] == "1024x1536"
    assert "lighthouse" in body["prompt"] and "No text, no letters" in body["prompt"]
    cover = job.covers.get()
    assert cover.recipe["overrides"]["art"]["provider"] == "openai"
    assert file_read(cover.recipe["overrides"]["art"]["image"])[:8] == b"\x89PNG\r\n\x1a\n"
    assert cover.design["artwork"]["source"] == "model"
    preview = _image(file_read(cover.assets.get().storage_name))
    assert preview.size == (160, 256)
    assert _magenta_share(preview) > 0.05  # the provider's disc is on the cover
    # ...and our type over it: in the title's zone the cover is not the bare picture.
    recipe = engine.Recipe.from_dict(cover.recipe)
    picture = art.images.decode(file_read(recipe.overrides["art"]["image"]))
    bare = _image(art.images.png_of(picture, *preview.size))
    x, y, w, h = type_zones(recipe)[0]
    box = (round(x * 160), round(y * 256), round((x + w) * 160), round((y + h) * 256))
    diff = np.abs(np.asarray(preview.crop(box), dtype=int) - np.asarray(bare.crop(box), dtype=int)).sum(axis=2)
    assert (diff > 60).mean() > 0.03
    call = ArtCall.objects.get(job=job)
    assert (call.provider, call.operation, call.outcome, call.calls) == ("openai", "generate", ArtCall.OK, 1)
    assert float(call.cost) == 0.04


@pytest.mark.parametrize("provider", ["stability", "openai-compatible", "comfyui", "automatic1111"], indirect=True)
def test_every_provider_draws_the_picture_of_a_generate_job(provider, account, book, run_jobs):
    job = _generate(account, book, run_jobs)
    assert job.status == Job.COMPLETED, (job.error_code, job.error_message)
    assert provider.violations == []
    assert any("lighthouse" in json.dumps(r.get("json") or r.get("fields") or {}) for r in provider.requests)
    cover = job.covers.get()
    meta = cover.recipe["overrides"]["art"]
    assert meta["provider"] == provider.protocol
    if provider.protocol != "openai-compatible":
        assert meta["seed"] == cover.recipe["seed"]  # reproducible: the seed the provider used
    assert _magenta_share(_image(file_read(cover.assets.get().storage_name))) > 0.03
    assert ArtCall.objects.get(job=job).outcome == ArtCall.OK


def test_an_outage_falls_back_to_our_painters_and_says_so(provider, account, book, run_jobs):
    provider.script = ["503", "503"]
    job = _generate(account, book, run_jobs)
    assert job.status == Job.COMPLETED
    cover = job.covers.get()
    assert "art" not in cover.recipe["overrides"]
    assert cover.design["artwork"]["fallbackFrom"] == "openai"
    assert "HTTP 503" in cover.design["artwork"]["note"]
    assert _magenta_share(_image(file_read(cover.assets.get().storage_name))) < 0.01
    call = ArtCall.objects.get(job=job)
    assert call.outcome == ArtCall.FALLBACK and "503" in call.error


def test_an_outage_fails_the_job_with_a_refund_when_configured_to(provider, settings, account, book, run_jobs):
    settings.COVERS_ART_FALLBACK = "fail"
    provider.script = ["500"] * 4  # two tries for each of the two covers
    job = _generate(account, book, run_jobs, count=2)
    assert job.status == Job.FAILED and job.error_code == "art_provider_unavailable"
    assert job.credits_refunded == 2 and credits_balance(account=account).total == 10
    assert set(ArtCall.objects.filter(job=job).values_list("outcome", flat=True)) == {ArtCall.FAILED}


def test_a_safety_refusal_is_a_content_policy_violation_with_a_refund(provider, account, book, run_jobs):
    provider.script = ["refuse"]
    job = _generate(account, book, run_jobs)
    assert job.status == Job.FAILED and job.error_code == "content_policy_violation"
    assert job.credits_refunded == 1 and credits_balance(account=account).total == 10
    assert ArtCall.objects.get(job=job).outcome == ArtCall.REFUSED


def test_a_wrong_key_falls_back_without_retrying(provider, settings, account, book, run_jobs):
    settings.COVERS_ART_API_KEY = "sk-wrong"
    job = _generate(account, book, run_jobs)
    assert job.status == Job.COMPLETED and job.covers.get().design["artwork"]["fallbackFrom"] == "openai"
    assert len(provider.requests) == 1


@pytest.mark.parametrize("provider", ["stability"], indirect=True)
def test_variations_edits_upscale_and_audiobook_go_through_the_provider(provider, account, book, run_jobs):
    cover = _generate(account, book, run_jobs).covers.get()
    with run_jobs():
        variation = services.job_create_variation(account=account, cover_id=cover.id)
        edit = services.job_create_edit(account=account, cover_id=cover.id, prompt="add a raven")
        text_edit = services.job_create_edit(account=account, cover_id=cover.id, prompt="make the title bigger")
        upscale = services.job_create_upscale(account=account, cover_id=cover.id, source_asset="preview")
        audiobook = services.job_create_audiobook(account=account, cover_id=cover.id)
    for job in (variation, edit, text_edit, upscale, audiobook):
        job.refresh_from_db()
        assert job.status == Job.COMPLETED, (job.operation, job.error_code, job.error_message)
    assert provider.violations == []
    paths = [r["path"] for r in provider.requests]
    assert paths == [
        "/v2beta/stable-image/generate/core",  # the cover
        "/v2beta/stable-image/generate/core",  # the variation: a new seed
        "/v2beta/stable-image/edit/inpaint",  # "add a raven"
        "/v2beta/stable-image/upscale/conservative",
        "/v2beta/stable-image/edit/outpaint",  # the audiobook square
    ]
    varied = variation.covers.get()
    assert varied.recipe["overrides"]["art"]["seed"] != cover.recipe["overrides"]["art"]["seed"]
    kept = text_edit.covers.get()
    assert kept.recipe["overrides"]["art"]["image"] == cover.recipe["overrides"]["art"]["image"]
    assert "type only" in kept.design["artwork"]["note"]
    assert "Inpainted" in edit.covers.get().design["artwork"]["note"]
    cover.refresh_from_db()
    assert cover.recipe["overrides"]["art"]["square_image"] and cover.recipe["overrides"]["art"]["upscaled_image"]
    notes = cover.design["artwork"]["assets"]
    assert any("upscaler" in n for n in notes) and any("Outpainted" in n for n in notes)
    square = _image(file_read(cover.assets.get(asset_type="audiobook_preview").storage_name))
    assert square.size == (240, 240) and _magenta_share(square) > 0.03
    full = cover.assets.get(asset_type="full")
    assert (full.width, full.height) == (320, 512)


def test_without_an_upscaler_the_layers_are_rendered_again_over_the_stored_picture(provider, account, book, run_jobs):
    cover = _generate(account, book, run_jobs).covers.get()
    with run_jobs():
        upscale = services.job_create_upscale(account=account, cover_id=cover.id, source_asset="preview")
    upscale.refresh_from_db()
    assert upscale.status == Job.COMPLETED
    assert len(provider.requests) == 1  # OpenAI has no upscaler: nothing more was asked of it
    cover.refresh_from_db()
    assert any("high-quality resample" in n for n in cover.design["artwork"]["assets"])
    full = _image(file_read(cover.assets.get(asset_type="full").storage_name))
    assert full.size == (320, 512) and _magenta_share(full) > 0.05


def test_an_accounts_own_provider_overrides_the_deployments(provider, settings, account, book, run_jobs):
    settings.COVERS_ART_PROVIDER = "procedural"
    services.account_art_provider_set(
        account_id=account.pk, provider="openai", base_url=provider.base_url, model="gpt-image-1", api_key="sk-test"
    )
    job = _generate(account, book, run_jobs)
    assert job.covers.get().recipe["overrides"]["art"]["provider"] == "openai"
    services.account_art_provider_set(
        account_id=account.pk, provider="openai", base_url=provider.base_url, model="", api_key=None
    )
    assert services.art_config_for(account.pk).api_key == "sk-test"  # an empty key field keeps the stored key


def test_the_admin_never_shows_an_accounts_key(provider, admin_client, account):
    row = services.account_art_provider_set(
        account_id=account.pk, provider="openai", base_url=provider.base_url, model="", api_key="sk-very-secret"
    )
    page = admin_client.get(f"/admin/covers/accountartprovider/{row.pk}/change/")
    assert page.status_code == 200 and b"sk-very-secret" not in page.content
    listing = admin_client.get("/admin/covers/accountartprovider/")
    assert listing.status_code == 200 and b"sk-very-secret" not in listing.content


def test_usage_per_provider_is_there_for_the_metrics(provider, account, book, run_jobs):
    from covers.selectors import art_usage

    _generate(account, book, run_jobs)
    provider.script = ["503", "503"]
    _generate(account, book, run_jobs)
    usage = {(row["provider"], row["outcome"]): row for row in art_usage()}
    assert usage[("openai", "ok")]["pictures"] == 1 and usage[("openai", "ok")]["cost"] == pytest.approx(0.04)
    assert usage[("openai", "fallback")]["pictures"] == 1 and usage[("openai", "fallback")]["http_calls"] == 2
    assert usage[("openai", "fallback")]["cost"] == 0  # a failed call costs nothing
    assert usage[("openai", "ok")]["latency_ms"] >= 0


def test_the_job_page_in_the_admin_shows_the_fallback(provider, admin_client, account, book, run_jobs):
    provider.script = ["503", "503"]
    job = _generate(account, book, run_jobs)
    page = admin_client.get(f"/admin/covers/job/{job.pk}/change/")
    assert page.status_code == 200
    assert b"Fell back to procedural" in page.content and b"HTTP 503" in page.content


@pytest.mark.parametrize(
    ("values", "wrong"),
    [
        ({"COVERS_ART_PROVIDER": "openia"}, "BYC_ART_PROVIDER must be one of"),
        ({"COVERS_ART_PROVIDER": "openai", "COVERS_ART_API_KEY": ""}, "BYC_ART_API_KEY is needed"),
        ({"COVERS_ART_PROVIDER": "comfyui", "COVERS_ART_COMFYUI_WORKFLOW": ""}, "BYC_ART_COMFYUI_WORKFLOW"),
        ({"COVERS_ART_FALLBACK": "retry"}, "BYC_ART_FALLBACK must be one of"),
    ],
)
def test_wrong_settings_are_reported_when_the_service_starts(settings, values, wrong):
    from covers.checks import art_provider_settings

    for name, value in values.items():
        setattr(settings, name, value)
    errors = art_provider_settings()
    assert len(errors) == 1 and wrong in errors[0].msg
