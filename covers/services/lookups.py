"""Finding an account's jobs, covers and assets (404 for anyone else's), and the template catalogue."""

from __future__ import annotations

import functools
import hashlib
import logging
import uuid

from django.core.exceptions import ValidationError

import cover_engine as engine
from billing.models import Account
from byc_site.errors import ApplicationError
from cover_engine import vocabulary
from covers.models import ASSET_TYPE_CHOICES, Cover, CoverAsset, Job, Template
from covers.services.thumbs import template_preview_stored

logger = logging.getLogger(__name__)

ASSET_TYPES = tuple(value for value, _label in ASSET_TYPE_CHOICES)


# --- lookups ------------------------------------------------------------------------------------


def _parse_uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        return None


def cover_get_for_account(*, account: Account, cover_id: object) -> Cover:
    """The account's cover, or 404 cover_not_found."""
    parsed = _parse_uuid(cover_id)
    cover = (
        Cover.objects.filter(pk=parsed, account=account).select_related("book").prefetch_related("assets").first()
        if parsed
        else None
    )
    if cover is None:
        raise ApplicationError("cover_not_found", "Cover not found or doesn't belong to your account.", status=404)
    return cover


def job_get_for_account(*, account: Account, job_id: object) -> Job:
    """The account's job, or 404 job_not_found."""
    parsed = _parse_uuid(job_id)
    try:
        return Job.objects.get(pk=parsed, account=account)
    except (Job.DoesNotExist, ValidationError):
        raise ApplicationError(
            "job_not_found", "Job not found or doesn't belong to your account.", status=404
        ) from None


def cover_asset_get(*, cover: Cover, asset_type: str) -> CoverAsset:
    """An asset of a cover: 400 invalid_field_value for an unknown type, 404 asset_not_available if not made yet."""
    if asset_type not in ASSET_TYPES:
        raise ApplicationError(
            "invalid_field_value",
            f"assetType must be one of: {', '.join(ASSET_TYPES)}.",
        )
    asset = next((a for a in cover.assets.all() if a.asset_type == asset_type), None)
    if asset is None:
        raise ApplicationError(
            "asset_not_available", f"The {asset_type} asset of this cover has not been generated yet.", status=404
        )
    return asset


def templates_available(*, genre: str | None = None) -> list[Template]:
    """Enabled templates, optionally those suited to a genre (400 invalid_genre for an unknown one)."""
    if genre is not None and not vocabulary.is_genre(genre):
        raise ApplicationError("invalid_genre", f"Unknown genre {genre!r}; use a genre slug from the catalogue.")
    templates = list(Template.objects.filter(enabled=True, in_engine=True))
    if genre is not None:
        templates = [t for t in templates if genre in (t.genres or [])]
    return templates


def jobs_for_account(*, account: Account, status: str | None = None):
    """The account's jobs, newest first, optionally with one status (400 invalid_field_value otherwise)."""
    jobs = Job.objects.filter(account=account).order_by("-created_at", "-id")
    if status is not None:
        allowed = [value for value, _label in Job.STATUS_CHOICES]
        if status not in allowed:
            raise ApplicationError("invalid_field_value", f"status must be one of: {', '.join(allowed)}.")
        jobs = jobs.filter(status=status)
    return jobs


def template_preview_png(*, template: Template) -> tuple[bytes, str]:
    """A template's sample cover as PNG bytes with its ETag.

    Rendered once into storage (by whichever process asks first, or `sync_templates --previews`),
    then read from storage once per process and kept in memory.
    """
    data = _template_preview_cached(template.id)
    return data, f'"{hashlib.sha256(data).hexdigest()[:32]}"'


@functools.lru_cache(maxsize=256)  # the whole catalogue (~85 templates, ~0.3 MB each)
def _template_preview_cached(template_id: str) -> bytes:
    return template_preview_stored(template_id=template_id)


def template_sync() -> int:
    """Mirror the engine's template catalogue into Template rows; returns how many the engine has.

    New templates arrive enabled; ones the engine dropped are marked `in_engine=False` (covers
    keep pointing at them). Staff's enable/disable choice is never overwritten.
    """
    try:
        infos = engine.catalogue()
    except NotImplementedError:
        logger.warning("The engine has no template catalogue yet; templates not synced")
        return 0
    seen = set()
    for info in infos:
        seen.add(info.id)
        Template.objects.update_or_create(
            id=info.id,
            defaults={
                "name": info.name,
                "family": info.family,
                "template_type": info.template_type,
                "genre_buckets": list(info.genre_buckets),
                "genres": list(info.genres),
                "in_engine": True,
            },
        )
    Template.objects.exclude(id__in=seen).update(in_engine=False)
    return len(seen)


def template_row(template_id: str) -> Template:
    """The Template row for an id the engine chose, creating it if the catalogue was never synced."""
    template = Template.objects.filter(pk=template_id).first()
    if template is not None:
        return template
    info = engine.template_by_id(template_id)
    template, _ = Template.objects.get_or_create(
        id=template_id,
        defaults={
            "name": info.name if info else template_id,
            "family": info.family if info else "",
            "template_type": info.template_type if info else "",
            "genre_buckets": list(info.genre_buckets) if info else [],
            "genres": list(info.genres) if info else [],
        },
    )
    return template
