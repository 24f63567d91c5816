"""The public view of the template catalogue (TemplateInfo), built from templates.CATALOGUE."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    name: str
    family: str
    template_type: str
    genre_buckets: list[str]
    genres: list[str]


def _info(spec) -> TemplateInfo:
    return TemplateInfo(
        id=spec.id,
        name=spec.name,
        family=spec.family,
        template_type=spec.template_type,
        genre_buckets=list(spec.genre_buckets),
        genres=list(spec.genres),
    )


def catalogue() -> list[TemplateInfo]:
    from .templates import CATALOGUE

    return [_info(spec) for spec in CATALOGUE.values()]


def template_by_id(template_id: str) -> TemplateInfo | None:
    from .templates import CATALOGUE

    spec = CATALOGUE.get(template_id)
    return _info(spec) if spec else None


def templates_for_genre(genre: str) -> list[TemplateInfo]:
    from .templates import CATALOGUE

    return [_info(spec) for spec in CATALOGUE.values() if genre in spec.genres]


def template_preview(template_id: str, *, scale: float = 0.25) -> bytes:
    """A PNG of the template's sample book, rendered by the engine."""
    from .errors import EngineError
    from .templates import CATALOGUE
    from .templates.previews import render_preview

    if template_id not in CATALOGUE:
        raise EngineError(f"unknown template {template_id!r}", code="template_not_found")
    return render_preview(template_id, scale=scale)
