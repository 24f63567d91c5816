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


def catalogue() -> list[TemplateInfo]:
    raise NotImplementedError("needs templates.CATALOGUE")


def template_by_id(template_id: str) -> TemplateInfo | None:
    raise NotImplementedError("needs templates.CATALOGUE")


def templates_for_genre(genre: str) -> list[TemplateInfo]:
    raise NotImplementedError("needs templates.CATALOGUE")


def template_preview(template_id: str, *, scale: float = 0.25) -> bytes:
    raise NotImplementedError("needs templates.CATALOGUE and the renderer")
