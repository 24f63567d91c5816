"""The template catalogue: designed cover compositions with their type treatments.

Each TemplateSpec pairs a scene for the artwork painter with a text layout and a type
treatment; CATALOGUE maps stable kebab-case ids to specs. select_template picks a fitting
design for a book (see selection.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import catalogue_stage
from .families import FAMILIES
from .selection import ranked_templates, template_fit
from .selection import select_template as _select
from .spec import GENRE_BUCKETS, TEMPLATE_TYPES, TemplateSpec

if TYPE_CHECKING:
    from ..brief import Brief
    from ..recipe import BookText

__all__ = [
    "CATALOGUE",
    "GENRE_BUCKETS",
    "TEMPLATE_TYPES",
    "TemplateSpec",
    "ranked_templates",
    "select_template",
    "template_fit",
]


def _collect() -> dict[str, TemplateSpec]:
    catalogue: dict[str, TemplateSpec] = {}
    for family in (*FAMILIES, catalogue_stage.STAGE):
        for spec in family:
            if spec.id in catalogue:
                raise ValueError(f"template id {spec.id!r} is used twice")
            catalogue[spec.id] = spec
    return catalogue


CATALOGUE: dict[str, TemplateSpec] = _collect()


def select_template(brief: Brief, book: BookText, *, seed: int, exclude: str | None = None) -> TemplateSpec:
    """A fitting template for the book; the seed chooses among the best few, `exclude` is skipped."""
    return _select(CATALOGUE, brief, book, seed=seed, exclude=exclude)
