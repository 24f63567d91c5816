"""A terse constructor for catalogue entries, so each template reads as one design decision."""

from __future__ import annotations

from typing import Any

from ..typeset.spec import LayoutSpec, TypeSpec
from .spec import GENRE_BUCKETS, TemplateSpec

# Subgenres a family's designs are never given (their `avoid`): the dark designs keep away from
# cozy and young books, the cozy ones from dark books.
DARK = ("dark-romance", "dark-fantasy", "dark-academia", "erotic", "dystopian", "paranormal-monster")
COZY = ("cozy-fantasy", "picture-book", "early-reader", "contemporary", "sports")


def template(
    id: str,
    name: str,
    family: str,
    template_type: str,
    *,
    genres: tuple[str, ...],
    scene: str,
    params: dict[str, Any],
    layout: LayoutSpec,
    type: TypeSpec,
    subgenres: tuple[str, ...] = (),
    avoid: tuple[str, ...] = (),
    moods: tuple[str, ...] = (),
    motifs: tuple[str, ...] = (),
    settings: tuple[str, ...] = (),
    audiences: tuple[str, ...] = (),
) -> TemplateSpec:
    buckets = tuple(dict.fromkeys(GENRE_BUCKETS[g] for g in genres))
    return TemplateSpec(
        id=id,
        name=name,
        family=family,
        template_type=template_type,
        genre_buckets=buckets,
        genres=genres,
        subgenres=subgenres,
        avoid_subgenres=avoid,
        moods=moods,
        motifs=motifs,
        settings=settings,
        audiences=audiences,
        scene=scene,
        scene_params=dict(params),
        layout=layout,
        type=type,
    )
