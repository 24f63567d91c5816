"""The template catalogue: mirroring the engine's templates into rows, and their preview images."""

from __future__ import annotations

import functools
import hashlib
import logging

import cover_engine as engine
from covers.models import Template
from covers.services.thumbs import template_preview_stored

logger = logging.getLogger(__name__)


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


def templates_set_enabled(*, template_ids: list[str], enabled: bool) -> int:
    """Staff: offer (or stop offering) templates in the API and the wizard; returns how many changed."""
    return Template.objects.filter(pk__in=template_ids).exclude(enabled=enabled).update(enabled=enabled)
