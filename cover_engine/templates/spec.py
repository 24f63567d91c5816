"""TemplateSpec: one designed cover (scene + text layout + type treatment) and its fit to books."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cover_engine.vocabulary import GENRES

from ..typeset.spec import LayoutSpec, TypeSpec

TEMPLATE_TYPES = ("illustrated", "photo", "typographic", "minimal", "graphic", "ornamental")

# Short display labels grouping genres on the public template list (the API's genreBuckets).
GENRE_BUCKETS: dict[str, str] = {
    "business-economics": "Business",
    "religion-spirituality": "Spirituality",
    "non-fiction": "NonFiction",
    "fantasy": "Fantasy",
    "romance": "Romance",
    "thriller": "Thriller",
    "mystery": "Mystery",
    "science-fiction": "SciFi",
    "horror": "Horror",
    "historical-fiction": "Historical",
    "health-fitness": "Health",
    "contemporary-fiction": "Contemporary",
    "young-adult": "YA",
    "childrens": "Kids",
    "self-help": "SelfHelp",
    "biography-memoir": "Memoir",
    "poetry": "Poetry",
}
assert set(GENRE_BUCKETS) == set(GENRES), "every genre needs a bucket label"


@dataclass(frozen=True, kw_only=True)
class TemplateSpec:
    """A cover design: what the artwork paints, where the text sits and how it is set.

    `genres` lists the genres the design fits, best fit first. `subgenres` are the ones it was
    made for (a bonus when the book's subgenre matches); `avoid_subgenres` are never given it.
    `motifs` and `settings` are what the design shows best (lexicon motif names and Brief
    settings): a summary about the sea favours a template whose settings include "sea".
    """

    id: str
    name: str
    family: str
    template_type: str
    genre_buckets: tuple[str, ...]
    genres: tuple[str, ...]
    subgenres: tuple[str, ...] = ()
    avoid_subgenres: tuple[str, ...] = ()
    moods: tuple[str, ...] = ()
    motifs: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    scene: str
    scene_params: dict[str, Any] = field(default_factory=dict)
    layout: LayoutSpec
    type: TypeSpec

    def __post_init__(self) -> None:
        if self.template_type not in TEMPLATE_TYPES:
            raise ValueError(f"{self.id}: template_type must be one of {TEMPLATE_TYPES}")
        unknown = [g for g in self.genres if g not in GENRES]
        if unknown:
            raise ValueError(f"{self.id}: unknown genres {unknown}")
        if not self.genres:
            raise ValueError(f"{self.id}: a template fits at least one genre")
