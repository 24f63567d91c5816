"""Covers whose picture comes from an image model (BYC_ART_PROVIDER), around the engine's art providers.

The worker asks `art_unit` for a unit of a job. The provider draws the picture; the picture is
stored (so every later render of the cover, other formats, upscale, text edits, uses the same
pixels without calling the provider again) and the cover is rendered over it with our type. Every
call is recorded as an ArtCall row: provider, outcome, latency and cost, for staff and /metrics.

When the provider fails: BYC_ART_FALLBACK=procedural raises ArtFallback (the worker renders with
our painters and the design report says why); `fail` fails the unit with `art_provider_unavailable`,
and the job's credits are refunded as for any failed unit. A safety refusal is
`content_policy_violation`, refunded the same way.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import cover_engine as engine
from cover_engine import art_providers as art
from covers import conf
from covers.models import ASSET_AUDIOBOOK_FULL, ASSET_AUDIOBOOK_PREVIEW, ArtCall, Job
from covers.storage import file_read, file_store

logger = logging.getLogger(__name__)


class ArtFallback(Exception):
    """The provider failed and the deployment falls back to the procedural painters."""

    def __init__(self, provider: str, reason: str) -> None:
        super().__init__(reason)
        self.provider = provider
        self.reason = reason


@dataclass
class ArtUnit:
    """A unit drawn through the provider: a new cover (recipe, PNG, design) or an asset of the source."""

    recipe: engine.Recipe | None
    png: bytes
    design: dict | None = None
    applied: tuple[str, ...] = ()
    # An audiobook's square picture, kept in the source cover's recipe so the asset renders again.
    source_recipe: dict | None = None
    # For an asset of the source cover: how the provider made it, added to the cover's design report.
    note: str = ""


def art_config_for(account_id) -> art.ArtConfig:
    """The deployment's settings, with the account's own provider over them when staff set one."""
    from covers.models import AccountArtProvider

    values = conf.art_config_values()
    own = AccountArtProvider.objects.filter(account_id=account_id).first()
    if own is not None:
        values.update(provider=own.provider, base_url=own.base_url, api_key=own.api_key, model=own.model)
    return art.ArtConfig(**values)


def _record(job: Job, config: art.ArtConfig, operation: str, outcome: str, **fields) -> None:
    ArtCall.objects.create(
        account_id=job.account_id, job=job, provider=config.provider, model=config.model,
        operation=operation, outcome=outcome, **fields,
    )  # fmt: skip


Operation = Callable[[art.ArtProvider], tuple[art.ArtResult | None, str]]


def _call(job: Job, config: art.ArtConfig, operation: str, call: Operation) -> tuple[art.ArtResult | None, str]:
    """Run one provider operation (picture, how it was made), record it, and turn its failure into a
    fallback or a unit failure."""
    started = time.perf_counter()
    provider = None

    def spent() -> dict:
        # A failed call's HTTP calls and waiting time, read from the provider's transport.
        if provider is None:
            return {"latency_ms": round((time.perf_counter() - started) * 1000), "calls": 0}
        waited, calls = provider.transport.take_usage()
        return {"latency_ms": round(waited * 1000), "calls": calls}

    try:
        provider = art.provider_for(config)
        result, how = call(provider)
    except art.ArtContentRefused as exc:
        _record(job, config, operation, ArtCall.REFUSED, error=exc.message[:300], **spent())
        raise
    except art.ArtProviderError as exc:
        outcome = ArtCall.FALLBACK if config.fallback == "procedural" else ArtCall.FAILED
        _record(job, config, operation, outcome, error=exc.message[:300], **spent())
        logger.warning("Art provider %s failed for job %s (%s): %s", config.provider, job.id, operation, exc.message)
        if config.fallback == "procedural":
            raise ArtFallback(config.provider, exc.message) from exc
        raise engine.EngineError(
            f"The image model could not draw the picture: {exc.message}", code="art_provider_unavailable"
        ) from exc
    if result is not None:
        usage = {"latency_ms": round(result.latency * 1000), "calls": result.calls}
        # What the provider did, which may differ from what was asked (an edit drawn anew, a square drawn).
        _record(job, config, result.operation, ArtCall.OK, cost=Decimal(str(config.cost_per_call)), **usage)
    return result, how


def _store(job: Job, data: bytes) -> str:
    """Keep a provider's picture in the file storage; its name goes into the recipe."""
    ext = "png" if data[:8] == b"\x89PNG\r\n\x1a\n" else "jpg" if data[:3] == b"\xff\xd8\xff" else "img"
    name = f"art/{job.account_id}/{hashlib.sha256(data).hexdigest()[:32]}.{ext}"
    return file_store(name=name, data=data).name


def _generated(job: Job, config: art.ArtConfig, recipe: engine.Recipe, *, format: str, scale: float) -> ArtUnit:
    result, how = _call(job, config, art.GENERATE, lambda provider: (art.art_generate(provider, recipe), ""))
    return _drawn(job, recipe, result, how, format=format, scale=scale)


def _drawn(job: Job, recipe: engine.Recipe, result, how: str, *, format: str, scale: float) -> ArtUnit:
    """The provider's picture for `recipe` stored, kept in the recipe, and the cover rendered over it."""
    _request, prompt = art.art_request(recipe)
    meta = art.art_meta(result, prompt.prompt, prompt.negative_prompt, image_name=_store(job, result.image))
    drawn = art.with_art(recipe, meta)
    png, design = art.art_cover(drawn, artwork=result.image, format=format, scale=scale, how=how)
    return ArtUnit(drawn, png, design)


def art_unit(job: Job, position: int, *, seed: int, seeds: list[int], taken: list[str], options, book,
             format: str, scale: float) -> ArtUnit | None:  # fmt: skip
    """Unit `position` of a generate, variation or edit job drawn by the provider.

    None: this unit keeps the procedural path (an edit of a cover our painters drew).
    Raises ArtFallback, EngineError (content_policy_violation, art_provider_unavailable, edit codes).
    """
    config = art_config_for(job.account_id)
    params = job.params or {}
    if job.operation == Job.OP_GENERATE:
        recipe = art.planned_recipe(book, options, seeds=seeds, position=position, taken=taken)
        return _generated(job, config, recipe, format=format, scale=scale)
    source = engine.Recipe.from_dict(job.source_cover.recipe)
    if job.operation == Job.OP_VARIATION:
        return _generated(
            job, config, art.varied_recipe(source, seed=seed, position=position), format=format, scale=scale
        )
    # An edit: of a model's picture through the model; of our painters' picture, by our painters.
    if not (source.overrides or {}).get("art"):
        return None
    edit = engine.recipe_edit(source, params["prompt"])
    edited = edit.recipe
    image = file_read(source.overrides["art"]["image"])
    result, how = _call(job, config, art.INPAINT, lambda provider: art.art_edit(provider, source, edited, image=image))
    if result is None:
        # The type only: the same picture under the edited type.
        png, design = art.art_cover(edited, artwork=image, format=format, scale=scale, how=how)
        return ArtUnit(edited, png, design, tuple(edit.understood))
    unit = _drawn(job, edited, result, how, format=format, scale=scale)
    unit.applied = tuple(edit.understood)
    return unit


def art_asset(job: Job, *, format: str, scale: float) -> ArtUnit | None:
    """An upscale or audiobook asset of a cover whose picture a model drew; None for our painters' covers.

    Upscale: the provider's upscaler where it has one, else our layers rendered again over a
    high-quality resample of the stored picture. Audiobook: the picture outpainted to a square
    (or a square picture drawn); the square picture is kept in the cover's recipe.
    A provider failure here falls back to the stored picture (cropped to the square for an
    audiobook) when BYC_ART_FALLBACK=procedural.
    """
    source = engine.Recipe.from_dict(job.source_cover.recipe)
    meta = (source.overrides or {}).get("art")
    if not meta:
        return None
    config = art_config_for(job.account_id)
    image = file_read(meta["image"])
    try:
        if job.target_asset in (ASSET_AUDIOBOOK_PREVIEW, ASSET_AUDIOBOOK_FULL):
            if meta.get("square_image"):
                return ArtUnit(None, engine.render(source, format=format, scale=scale))
            if not config.external:
                return ArtUnit(None, engine.render(source, format=format, scale=scale, artwork=image))
            result, how = _call(job, config, art.OUTPAINT, lambda p: art.art_square(p, source, image=image))
            square = {**meta, "square_image": _store(job, result.image)}
            recipe = art.with_art(source, square)
            png = engine.render(recipe, format=format, scale=scale, artwork=result.image)
            return ArtUnit(None, png, source_recipe=recipe.to_dict(), note=how)
        if not config.external:
            return ArtUnit(None, engine.render(source, format=format, scale=scale, artwork=image))
        result, how = _call(job, config, art.UPSCALE, lambda p: art.art_upscale(p, source, image=image))
        if result is None:
            return ArtUnit(None, engine.render(source, format=format, scale=scale, artwork=image), note=how)
        # The upscaled picture is kept too: later renders at full size (a print wrap) use it.
        recipe = art.with_art(source, {**meta, "upscaled_image": _store(job, result.image)})
        png = engine.render(recipe, format=format, scale=scale, artwork=result.image)
        return ArtUnit(None, png, source_recipe=recipe.to_dict(), note=how)
    except ArtFallback as exc:
        note = f"{exc.provider} failed ({exc.reason}); rendered over the cover's stored picture instead."
        return ArtUnit(None, engine.render(source, format=format, scale=scale, artwork=image), note=note)


def account_art_provider_set(*, account_id, provider: str, base_url: str, model: str, api_key: str | None):
    """Set an account's own image model. `api_key=None` keeps the stored key (the admin never shows it)."""
    from covers.models import AccountArtProvider

    art.ArtConfig(provider=provider)  # refuses an unknown provider, as the environment settings do
    row, _created = AccountArtProvider.objects.get_or_create(
        account_id=account_id, defaults={"provider": provider, "base_url": base_url, "model": model}
    )
    row.provider, row.base_url, row.model = provider, base_url, model
    if api_key is not None:
        row.api_key = api_key
    row.save()
    return row
