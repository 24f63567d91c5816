"""The hand-composed template families, in catalogue order.

The catalogue lists them in this order (then the stage designs, which borrow their type voices
from these families: see catalogue_stage.py).
"""

from __future__ import annotations

from . import (
    catalogue_crime,
    catalogue_fantasy,
    catalogue_nonfiction,
    catalogue_reflective,
    catalogue_romantic,
    catalogue_speculative,
    catalogue_young,
)
from .spec import TemplateSpec

FAMILIES: tuple[list[TemplateSpec], ...] = (
    catalogue_crime.CINEMATIC,
    catalogue_crime.NOIR,
    catalogue_fantasy.EPIC,
    catalogue_fantasy.ENCHANTED,
    catalogue_fantasy.DARK_OBJECT,
    catalogue_speculative.SCI_FI,
    catalogue_speculative.HORROR,
    catalogue_romantic.ROMANCE_SCRIPT,
    catalogue_romantic.HERITAGE,
    catalogue_nonfiction.BOLD_TYPE,
    catalogue_nonfiction.MODERN_MINIMAL,
    catalogue_reflective.MEMOIR,
    catalogue_reflective.SPIRITUAL,
    catalogue_nonfiction.ENERGY,
    catalogue_young.KIDS,
    catalogue_young.YA_POP,
    catalogue_young.POETRY,
)
