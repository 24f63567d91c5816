"""Art providers against local servers speaking each provider's documented protocol (bench/art_fakes.py).

No mock of our code: the provider classes, the transport (retries, Retry-After, breaker), the
prompt builder and the renderer all run; only the image model is a local fake.
"""

from __future__ import annotations

import base64
import io
import json

import numpy as np
import pytest
import skia
from PIL import Image

import cover_engine as engine
from bench.art_fakes import COMFY_WORKFLOW, MAGENTA, FakeArtServer
from cover_engine import art_providers as art
from cover_engine.art_providers.transport import BREAKER_FAILURES, Transport, retry_after_seconds
from cover_engine.render import type_zones


@pytest.fixture(autouse=True)
def _clean_breakers():
    art.breakers_reset()
    yield
    art.breakers_reset()


@pytest.fixture(scope="module")
def recipe():
    book = engine.BookText(
        title="The Keeper of Gull Rock", author="Ann Lee", genre="mystery",
        summary="In Victorian Cornwall a lighthouse keeper finds a wolf on the rocks.",
    )  # fmt: skip
    return engine.recipe_for_book(book, engine.CoverOptions(main_elements="lighthouse, wolf"), seed=7)


def _provider(server: FakeArtServer, waits: list | None = None, **config):
    values = {"provider": server.protocol, "base_url": server.base_url, "api_key": server.api_key, "timeout": 5.0}
    values.update(config)
    cfg = art.ArtConfig(**values)
    provider = art.provider_for(cfg)
    provider.transport = Transport(provider.config, sleep=(waits.append if waits is not None else lambda s: None))
    return provider


def _size(data: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(data)).size


# --- prompts ----------------------------------------------------------------------------------


def test_the_prompt_names_the_subject_the_era_the_type_area_and_forbids_text(recipe):
    request, prompt = art.art_request(recipe)
    assert (request.width, request.height) == (1600, 2560)
    assert "lighthouse" in prompt.prompt and "wolf" in prompt.prompt
    assert "Victorian" in prompt.prompt
    assert "No text, no letters" in prompt.prompt and "no watermark" in prompt.prompt
    assert "calm and uncluttered" in prompt.prompt and "title and author will be set there" in prompt.prompt
    assert "text" in prompt.negative_prompt and "watermark" in prompt.negative_prompt
    assert request.seed == recipe.seed


def test_the_composition_instruction_follows_the_type_zones():
    from cover_engine.art_providers.prompt import composition_instruction

    said = composition_instruction([(0.1, 0.02, 0.8, 0.25), (0.2, 0.9, 0.6, 0.06)])
    assert "the top of the image (25% of its height)" in said
    assert "the bottom of the image (6% of its height)" in said
    assert "Place the main subject between 27% and 90% of the image's height" in said


def test_an_avoided_subject_goes_into_the_negative_prompt(recipe):
    edited = engine.recipe_edit(recipe, "remove the wolf").recipe
    _request, prompt = art.art_request(edited)
    assert "wolf" in prompt.negative_prompt


# --- OpenAI -----------------------------------------------------------------------------------


def test_openai_sends_the_documented_generation_request(recipe):
    with FakeArtServer("openai", api_key="sk-test") as server:
        result = art.art_generate(_provider(server, model="gpt-image-1"), recipe)
    assert server.violations == []
    sent = server.requests[-1]
    assert sent["path"] == "/v1/images/generations"
    assert sent["headers"]["authorization"] == "Bearer sk-test"
    body = sent["json"]
    assert body["model"] == "gpt-image-1" and body["n"] == 1 and body["size"] == "1024x1536"
    assert "lighthouse" in body["prompt"] and "No text" in body["prompt"]
    assert "response_format" not in body
    assert _size(result.image) == (1024, 1536)
    assert result.seed is None and result.calls == 1 and result.provider == "openai"


def test_dall_e_3_gets_its_portrait_size_and_base64(recipe):
    with FakeArtServer("openai", api_key="sk-test") as server:
        art.art_generate(_provider(server, model="dall-e-3"), recipe)
    body = server.requests[-1]["json"]
    assert body["size"] == "1024x1792" and body["response_format"] == "b64_json"


def test_openai_edits_send_the_image_and_a_transparent_mask(recipe):
    with FakeArtServer("openai", api_key="sk-test") as server:
        provider = _provider(server)
        image = art.art_generate(provider, recipe).image
        edited = engine.recipe_edit(recipe, "add a raven").recipe
        result, how = art.art_edit(provider, recipe, edited, image=image)
    assert server.violations == []
    sent = server.requests[-1]
    assert sent["path"] == "/v1/images/edits"
    assert "Add" in sent["fields"]["prompt"] and "raven" in sent["fields"]["prompt"]
    mask = Image.open(io.BytesIO(sent["files"]["mask"])).convert("RGBA")
    assert mask.size == _size(sent["files"]["image"])
    alphas = [mask.getpixel((mask.width // 2, y))[3] for y in range(0, mask.height, mask.height // 20)]
    assert 0 in alphas and 255 in alphas  # a transparent area to repaint, the rest kept
    assert result is not None and "Inpainted" in how


def test_a_type_only_edit_keeps_the_picture(recipe):
    with FakeArtServer("openai", api_key="sk-test") as server:
        edited = engine.recipe_edit(recipe, "make the title bigger").recipe
        result, how = art.art_edit(_provider(server), recipe, edited, image=b"unused")
    assert result is None and "type only" in how and server.requests == []


def test_openai_safety_refusals_are_content_policy_violations(recipe):
    with FakeArtServer("openai", api_key="sk-test") as server:
        server.script = ["refuse"]
        with pytest.raises(art.ArtContentRefused) as caught:
            art.art_generate(_provider(server), recipe)
    assert caught.value.code == "content_policy_violation"
    assert len(server.requests) == 1  # a refusal is not retried


def test_a_wrong_key_is_not_retried(recipe):
    with FakeArtServer("openai", api_key="sk-right") as server:
        with pytest.raises(art.ArtProviderError, match="API key"):
            art.art_generate(_provider(server, api_key="sk-wrong"), recipe)
    assert len(server.requests) == 1


def test_429_waits_as_long_as_retry_after_says_then_retries(recipe):
    waits: list[float] = []
    with FakeArtServer("openai", api_key="sk-test") as server:
        server.script = ["429", "ok"]
        result = art.art_generate(_provider(server, waits), recipe)
    assert waits == [1.0]
    assert len(server.requests) == 2 and result.calls == 2


def test_transient_5xx_are_retried_with_backoff_then_give_up(recipe):
    waits: list[float] = []
    with FakeArtServer("openai", api_key="sk-test") as server:
        server.script = ["500", "503", "500", "500", "500"]
        with pytest.raises(art.ArtProviderError, match="HTTP 500"):
            art.art_generate(_provider(server, waits, retries=3), recipe)
    assert len(server.requests) == 4
    assert waits == [0.5, 1.0, 2.0]


def test_a_provider_that_does_not_answer_in_time_fails(recipe):
    with FakeArtServer("openai", api_key="sk-test", slow_seconds=1.0) as server:
        server.script = ["slow"]
        with pytest.raises(art.ArtProviderError, match="did not answer within"):
            art.art_generate(_provider(server, timeout=0.2, retries=0), recipe)


def test_a_malformed_answer_is_an_outage_not_a_crash(recipe):
    with FakeArtServer("openai", api_key="sk-test") as server:
        server.script = ["malformed"]
        with pytest.raises(art.ArtProviderError, match="without an image"):
            art.art_generate(_provider(server), recipe)


def test_the_breaker_opens_after_repeated_failures(recipe):
    with FakeArtServer("openai", api_key="sk-test") as server:
        server.script = ["500"] * BREAKER_FAILURES
        for _ in range(BREAKER_FAILURES):
            with pytest.raises(art.ArtProviderError):
                art.art_generate(_provider(server, retries=0), recipe)
        calls = len(server.requests)
        with pytest.raises(art.ArtProviderError, match="in a row"):
            art.art_generate(_provider(server, retries=0), recipe)
    assert len(server.requests) == calls  # not called while open


def test_retry_after_takes_seconds_or_an_http_date():
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    assert retry_after_seconds("soon") is None


def test_openai_compatible_needs_no_key_and_sends_any_size(recipe):
    with FakeArtServer("openai-compatible") as server:
        provider = _provider(server, model="sdxl-turbo")
        art.art_generate(provider, recipe)
    sent = server.requests[-1]
    assert server.violations == [] and "authorization" not in sent["headers"]
    assert sent["json"]["size"] == "640x1024" and sent["json"]["response_format"] == "b64_json"


def test_the_key_never_shows_in_a_config_repr():
    assert "sk-secret" not in repr(art.ArtConfig(provider="openai", api_key="sk-secret"))


# --- Stability --------------------------------------------------------------------------------


def test_stability_sends_multipart_with_ratio_seed_and_negative_prompt(recipe):
    with FakeArtServer("stability", api_key="sk-stab") as server:
        result = art.art_generate(_provider(server), recipe)
    assert server.violations == []
    sent = server.requests[-1]
    assert sent["path"] == "/v2beta/stable-image/generate/core"
    assert sent["headers"]["authorization"] == "Bearer sk-stab" and sent["headers"]["accept"] == "image/*"
    fields = sent["fields"]
    assert fields["aspect_ratio"] == "2:3" and fields["output_format"] == "png"
    assert int(fields["seed"]) == recipe.seed and "watermark" in fields["negative_prompt"]
    assert result.seed == recipe.seed  # read back from the `seed` header
    assert _size(result.image) == (1024, 1536)


def test_stability_inpaints_outpaints_and_upscales(recipe):
    with FakeArtServer("stability", api_key="sk-stab") as server:
        provider = _provider(server)
        image = art.art_generate(provider, recipe).image
        edited = engine.recipe_edit(recipe, "add a raven").recipe
        inpainted, _how = art.art_edit(provider, recipe, edited, image=image)
        square, how = art.art_square(provider, recipe, image=image)
        upscaled, _how = art.art_upscale(provider, recipe, image=image)
    assert server.violations == []
    paths = [r["path"] for r in server.requests]
    assert paths[1:] == ["/v2beta/stable-image/edit/inpaint", "/v2beta/stable-image/edit/outpaint",
                         "/v2beta/stable-image/upscale/conservative"]  # fmt: skip
    assert "Outpainted" in how
    w, h = _size(square.image)
    assert w == h
    assert _size(upscaled.image) == (2048, 3072)
    assert inpainted.operation == art.INPAINT


def test_stability_moderation_is_a_content_refusal(recipe):
    with FakeArtServer("stability", api_key="sk-stab") as server:
        server.script = ["refuse"]
        with pytest.raises(art.ArtContentRefused):
            art.art_generate(_provider(server), recipe)


def test_stability_html_instead_of_an_image_is_an_outage(recipe):
    with FakeArtServer("stability", api_key="sk-stab") as server:
        server.script = ["malformed"]
        with pytest.raises(art.ArtProviderError, match="without an image"):
            art.art_generate(_provider(server), recipe)


# --- ComfyUI ----------------------------------------------------------------------------------


@pytest.fixture
def workflow(tmp_path):
    path = tmp_path / "workflow.json"
    path.write_text(json.dumps(COMFY_WORKFLOW))
    return str(path)


def test_comfyui_fills_the_workflow_polls_history_and_fetches_the_image(recipe, workflow):
    with FakeArtServer("comfyui") as server:
        result = art.art_generate(_provider(server, workflow_file=workflow), recipe)
    assert server.violations == []
    posted = server.requests[0]
    assert posted["path"] == "/prompt" and posted["json"]["client_id"]
    graph = posted["json"]["prompt"]
    assert graph["3"]["inputs"]["seed"] == recipe.seed and graph["5"]["inputs"]["width"] == 640
    assert "lighthouse" in graph["6"]["inputs"]["text"] and "watermark" in graph["7"]["inputs"]["text"]
    assert [r["path"] for r in server.requests[1:]] == [
        "/history/" + server.requests[1]["path"].rsplit("/", 1)[1]
    ] * 2 + ["/view"]
    assert _size(result.image) == (640, 1024) and result.seed == recipe.seed


def test_comfyui_without_a_workflow_is_a_configuration_error(recipe):
    with pytest.raises(art.ArtProviderError, match="BYC_ART_COMFYUI_WORKFLOW"):
        art.provider_for(art.ArtConfig(provider="comfyui"))


def test_comfyui_with_no_output_image_fails_cleanly(recipe, workflow):
    with FakeArtServer("comfyui") as server:
        server.script = ["malformed"]
        with pytest.raises(art.ArtProviderError, match="no output image"):
            art.art_generate(_provider(server, workflow_file=workflow), recipe)


# --- AUTOMATIC1111 ----------------------------------------------------------------------------


def test_automatic1111_txt2img_with_basic_auth_and_the_seed_it_used(recipe):
    with FakeArtServer("automatic1111", api_key="user:pass") as server:
        result = art.art_generate(_provider(server, model="sdxl_base.safetensors"), recipe)
    assert server.violations == []
    body = server.requests[-1]["json"]
    assert server.requests[-1]["path"] == "/sdapi/v1/txt2img"
    assert (body["width"], body["height"]) == (640, 1024) and body["seed"] == recipe.seed
    assert body["override_settings"] == {"sd_model_checkpoint": "sdxl_base.safetensors"}
    assert "watermark" in body["negative_prompt"]
    assert result.seed == recipe.seed


def test_automatic1111_inpaints_outpaints_and_upscales(recipe):
    with FakeArtServer("automatic1111") as server:
        provider = _provider(server)
        image = art.art_generate(provider, recipe).image
        edited = engine.recipe_edit(recipe, "add a raven").recipe
        art.art_edit(provider, recipe, edited, image=image)
        square, _how = art.art_square(provider, recipe, image=image)
        upscaled, _how = art.art_upscale(provider, recipe, image=image)
    assert server.violations == []
    inpaint = server.requests[1]["json"]
    assert server.requests[1]["path"] == "/sdapi/v1/img2img" and inpaint["mask"] and inpaint["inpainting_fill"] == 1
    mask = Image.open(io.BytesIO(base64.b64decode(inpaint["mask"]))).convert("L")
    assert {mask.getpixel((5, 5)), mask.getpixel((mask.width // 2, mask.height // 2))} == {0, 255}
    assert server.requests[3]["path"] == "/sdapi/v1/extra-single-image"
    assert _size(upscaled.image) == (1280, 2048)
    assert square is not None


# --- the cover over the picture ---------------------------------------------------------------


def _pixels(png: bytes):
    return Image.open(io.BytesIO(png)).convert("RGB")


def test_the_cover_is_the_providers_picture_with_our_type_over_it(recipe):
    with FakeArtServer("openai", api_key="sk-test") as server:
        result = art.art_generate(_provider(server), recipe)
    png, design = art.art_cover(recipe, artwork=result.image, format="ebook", scale=0.25, how="")
    cover = _pixels(png)
    w, h = cover.size
    # The picture: the disc is where the provider drew it (centre-cropped to 1:1.6).
    r, g, b = cover.getpixel((w // 2, round(h * 0.6)))
    assert (r, g, b) == pytest.approx(MAGENTA, abs=30)
    # Our type: inside the title's zone the cover is not the bare picture.
    bare = _pixels(art.images.png_of(art.images.decode(result.image), w, h))
    x, y, zw, zh = type_zones(recipe, format="ebook")[0]
    box = (round(x * w), round(y * h), round((x + zw) * w), round((y + zh) * h))
    diff = np.abs(np.asarray(cover.crop(box), dtype=int) - np.asarray(bare.crop(box), dtype=int)).sum(axis=2)
    assert (diff > 60).mean() > 0.03
    assert design["artwork"]["source"] == "model" and design["subjectsNotDrawn"] == []
    assert "a lighthouse" in design["artwork"]["subjectsAsked"]


def test_the_square_format_uses_the_square_picture_when_the_recipe_has_one(recipe):
    store = {"p": art.images.png_of(skia.Image.fromarray(_solid(64, 100, (0, 0, 255)))),
             "s": art.images.png_of(skia.Image.fromarray(_solid(80, 80, (0, 255, 0))))}  # fmt: skip
    art.image_loader_set(store.__getitem__)
    try:
        drawn = art.with_art(recipe, {"provider": "openai", "image": "p", "square_image": "s"})
        square = _pixels(engine.render(drawn, format="square", scale=0.1))
        ebook = _pixels(engine.render(drawn, format="ebook", scale=0.1))
    finally:
        art.image_loader_set(None)
    assert square.getpixel((square.width // 2, square.height // 2))[1] > 200
    assert ebook.getpixel((ebook.width // 2, ebook.height // 2))[2] > 200


def _solid(w: int, h: int, rgb: tuple[int, int, int]):
    array = np.zeros((h, w, 4), dtype=np.uint8)
    array[..., :3] = rgb
    array[..., 3] = 255
    return array


def test_fine_texture_under_the_type_is_put_out_of_focus(recipe):
    rng = np.random.default_rng(3)
    grain = np.clip(np.stack([150 + 100 * rng.random((768, 512))] * 3, axis=2), 0, 255).astype("uint8")
    picture = io.BytesIO()
    Image.fromarray(grain).save(picture, format="PNG")
    painter = art.ImageArtwork(picture.getvalue())
    surface = skia.Surface(200, 320)
    zone = (0.1, 0.6, 0.8, 0.25)
    painter.paint(
        surface.getCanvas(), width=200, height=320, scene="", params={}, brief=None, seed=0, calm_zones=[zone]
    )
    pixels = surface.toarray()[..., :3].astype(float)
    under_type, elsewhere = pixels[200:270, 30:170].std(), pixels[20:120, 30:170].std()
    assert under_type < 0.5 * elsewhere


def test_a_variations_new_picture_is_neither_mirrored_nor_cropped(recipe):
    for position in range(6):
        varied = art.varied_recipe(recipe, seed=1000 + position, position=position)
        assert varied.seed == 1000 + position
        assert not {"mirror", "zoom", "zoom_at"} & set(varied.overrides)


def test_an_edit_that_relights_the_cover_relights_the_prompt(recipe):
    edited = engine.recipe_edit(recipe, "make it dawn").recipe
    assert edited.overrides.get("lighting") == "dawn"
    _request, prompt = art.art_request(edited)
    assert "soft dawn light" in prompt.prompt


def test_openai_out_of_quota_is_not_retried(recipe):
    waits: list[float] = []
    with FakeArtServer("openai", api_key="sk-test") as server:
        server.script = ["quota"]
        with pytest.raises(art.ArtProviderError, match="no quota left"):
            art.art_generate(_provider(server, waits), recipe)
    assert len(server.requests) == 1 and waits == []


def test_a_compatible_server_without_edits_draws_a_new_picture_instead(recipe):
    with FakeArtServer("openai-compatible") as server:
        server.protocol_paths_missing = {"/v1/images/edits"}
        provider = _provider(server, model="sdxl-turbo")
        image = art.art_generate(provider, recipe).image
        edited = engine.recipe_edit(recipe, "add a raven").recipe
        result, how = art.art_edit(provider, recipe, edited, image=image)
    assert [r["path"] for r in server.requests] == [
        "/v1/images/generations",
        "/v1/images/edits",
        "/v1/images/generations",
    ]
    assert result.operation == art.GENERATE and "new picture" in how


PROTOCOLS = [("openai", "sk-test"), ("openai-compatible", ""), ("stability", "sk-stab"), ("comfyui", ""),
             ("automatic1111", "")]  # fmt: skip


def _any_provider(server, workflow, waits=None, **config):
    extra = {"workflow_file": workflow} if server.protocol == "comfyui" else {}
    return _provider(server, waits, **extra, **config)


@pytest.mark.parametrize(("protocol", "key"), PROTOCOLS)
def test_every_provider_waits_out_a_429_and_retries(protocol, key, recipe, workflow):
    waits: list[float] = []
    with FakeArtServer(protocol, api_key=key) as server:
        server.script = ["429", "ok"]
        result = art.art_generate(_any_provider(server, workflow, waits), recipe)
    assert waits[0] == 1.0 and server.violations == []  # (comfyui's polls of /history wait too)
    assert _size(result.image)[0] >= 512


@pytest.mark.parametrize(("protocol", "key"), PROTOCOLS)
def test_every_provider_gives_up_on_a_lasting_outage(protocol, key, recipe, workflow):
    with FakeArtServer(protocol, api_key=key) as server:
        server.script = ["503"] * 3
        with pytest.raises(art.ArtProviderError, match="503"):
            art.art_generate(_any_provider(server, workflow, retries=2), recipe)
    assert len([r for r in server.requests if r["method"] == "POST"]) == 3


@pytest.mark.parametrize(("protocol", "key"), PROTOCOLS)
def test_every_provider_times_out(protocol, key, recipe, workflow):
    with FakeArtServer(protocol, api_key=key, slow_seconds=1.0) as server:
        server.script = ["slow"]
        with pytest.raises(art.ArtProviderError, match="did not answer within"):
            art.art_generate(_any_provider(server, workflow, timeout=0.2, retries=0), recipe)


@pytest.mark.parametrize(("protocol", "key"), PROTOCOLS)
def test_every_provider_turns_a_malformed_answer_into_an_outage(protocol, key, recipe, workflow):
    with FakeArtServer(protocol, api_key=key) as server:
        server.script = ["malformed"]
        with pytest.raises(art.ArtProviderError):
            art.art_generate(_any_provider(server, workflow), recipe)


def test_openai_outpaints_the_square_through_edits_with_transparent_margins(recipe):
    with FakeArtServer("openai", api_key="sk-test") as server:
        provider = _provider(server)
        image = art.art_generate(provider, recipe).image
        square, how = art.art_square(provider, recipe, image=image)
    assert server.violations == [] and "Outpainted" in how and square.operation == art.OUTPAINT
    sent = server.requests[-1]
    assert sent["path"] == "/v1/images/edits" and sent["fields"]["size"] == "1024x1024"
    mask = Image.open(io.BytesIO(sent["files"]["mask"])).convert("RGBA")
    assert mask.size == (1024, 1024)
    assert mask.getpixel((5, 512))[3] == 0 and mask.getpixel((512, 512))[3] == 255  # margins repainted, picture kept
    assert _size(square.image) == (1024, 1024)


def test_a_compatible_server_without_edits_draws_a_square_picture(recipe):
    with FakeArtServer("openai-compatible") as server:
        server.protocol_paths_missing = {"/v1/images/edits"}
        provider = _provider(server, model="sdxl-turbo")
        image = art.art_generate(provider, recipe).image
        square, how = art.art_square(provider, recipe, image=image)
    assert server.requests[-1]["json"]["size"] == "1024x1024" and "square picture" in how


def test_full_size_renders_use_the_upscaled_picture_when_there_is_one():
    meta = {"image": "small", "upscaled_image": "big", "square_image": "square"}
    store = {"small": b"1", "big": b"2", "square": b"3"}
    art.image_loader_set(store.__getitem__)
    try:
        from cover_engine.art_providers.images import stored_artwork

        assert stored_artwork(meta, "ebook", 1.0) == b"1"
        assert stored_artwork(meta, "ebook", 2.0) == b"2"
        assert stored_artwork(meta, "square", 2.0) == b"3"
        assert stored_artwork({}, "ebook") is None and stored_artwork(None, "ebook") is None
    finally:
        art.image_loader_set(None)


@pytest.fixture
def inpaint_workflow(tmp_path):
    from bench.art_fakes import COMFY_INPAINT_WORKFLOW

    path = tmp_path / "inpaint.json"
    path.write_text(json.dumps(COMFY_INPAINT_WORKFLOW))
    return str(path)


def test_comfyui_with_an_inpainting_workflow_uploads_the_picture_and_mask_then_repaints(
    recipe, workflow, inpaint_workflow
):
    with FakeArtServer("comfyui") as server:
        provider = _provider(server, workflow_file=workflow, inpaint_workflow_file=inpaint_workflow)
        image = art.art_generate(provider, recipe).image
        edited = engine.recipe_edit(recipe, "add a raven").recipe
        result, how = art.art_edit(provider, recipe, edited, image=image)
        square, square_how = art.art_square(provider, recipe, image=image)
    assert server.violations == []
    uploads = [r for r in server.requests if r["path"] == "/upload/image"]
    assert len(uploads) == 4 and all(r["fields"]["type"] == "input" for r in uploads)
    graphs = [r["json"]["prompt"] for r in server.requests if r["path"] == "/prompt"]
    assert graphs[1]["1"]["inputs"]["image"] == uploads[0]["upload_name"]
    assert graphs[1]["2"]["inputs"]["image"] == uploads[1]["upload_name"]
    assert "raven" in graphs[1]["6"]["inputs"]["text"]
    mask = Image.open(io.BytesIO(uploads[1]["files"]["image"])).convert("L")
    assert {mask.getpixel((5, 5)), mask.getpixel((mask.width // 2, mask.height // 2))} == {0, 255}
    assert result.operation == art.INPAINT and "Inpainted" in how
    assert square.operation == art.OUTPAINT and "Outpainted" in square_how
    w, h = _size(square.image)
    assert w == h


def test_an_inpainting_workflow_needs_its_image_and_mask_placeholders(workflow, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(COMFY_WORKFLOW))
    with pytest.raises(art.ArtProviderError, match=r"\{\{image\}\}, \{\{mask\}\}"):
        art.provider_for(art.ArtConfig(provider="comfyui", workflow_file=workflow, inpaint_workflow_file=str(broken)))
