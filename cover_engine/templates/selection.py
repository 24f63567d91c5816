"""Choosing a template for a book: score every design's fit, then a seeded pick among the best few.

The score rewards, in order of weight: the genre (a design lists its genres best fit first), the
subgenre it was made for, what the text is about (the brief's motifs and setting: a summary about
the sea favours seascapes), the mood and the audience. A design never goes to a subgenre it
avoids (dark romance never gets a cozy village). The pick among the leaders is weighted by score
and driven by the seed only, so one seed always gives the same template and other seeds give
other fitting ones.
"""

from __future__ import annotations

import math
import random
from typing import TYPE_CHECKING

from .spec import TemplateSpec

if TYPE_CHECKING:
    from ..brief import Brief
    from ..recipe import BookText

# How far below the best score a template may be and still be picked, and how many may be.
SCORE_MARGIN = 6.0
POOL_MAX = 5
POOL_MIN = 3
# The pick weight halves every this many points below the best.
HALVING = 2.0
# Motifs the brief fell back on because the text named none (source "genre default (...)") say
# little about this book: they only nudge.
DEFAULT_MOTIF_FACTOR = 0.35


def _motif_strength(motif) -> float:
    weight = max(0.0, min(1.0, motif.weight))
    return weight * DEFAULT_MOTIF_FACTOR if "default" in motif.source else weight


def template_fit(spec: TemplateSpec, brief: Brief, book: BookText) -> float | None:
    """How well a design fits this book, or None when it must not be used for it."""
    genre = book.genre or brief.genre
    subgenre = book.subgenre or brief.subgenre
    if subgenre and subgenre in spec.avoid_subgenres:
        return None
    if genre in spec.genres:
        score = 10.0 - 1.5 * spec.genres.index(genre)
    else:
        return None
    if subgenre:
        if subgenre in spec.subgenres:
            score += 6.0
        elif spec.subgenres:
            score -= 1.0
    if brief.mood and brief.mood in spec.moods:
        score += 3.0 - 0.5 * spec.moods.index(brief.mood)
    for rank, motif in enumerate(brief.motifs):
        if motif.name in spec.motifs:
            # The hero motif counts most; later motifs are side details.
            score += 4.0 * _motif_strength(motif) * (1.5 if rank == 0 else 1.0)
    if brief.setting and brief.setting in spec.settings:
        score += 2.0 if spec.settings[0] == brief.setting else 1.5
    if book.target_audience and book.target_audience in spec.audiences:
        score += 2.0
    return score


def ranked_templates(
    catalogue: dict[str, TemplateSpec], brief: Brief, book: BookText
) -> list[tuple[float, TemplateSpec]]:
    """Every usable design for the book, best first (ties by id, so the order is stable)."""
    scored = []
    for spec in catalogue.values():
        score = template_fit(spec, brief, book)
        if score is not None:
            scored.append((score, spec))
    scored.sort(key=lambda pair: (-pair[0], pair[1].id))
    return scored


def select_template(
    catalogue: dict[str, TemplateSpec], brief: Brief, book: BookText, *, seed: int, exclude: str | None = None
) -> TemplateSpec:
    ranked = ranked_templates(catalogue, brief, book)
    if not ranked:
        # An unknown genre or a subgenre every design avoids: fall back to the whole catalogue,
        # still scored on motifs, setting and mood.
        ranked = [(_fallback_fit(spec, brief), spec) for spec in catalogue.values()]
        ranked.sort(key=lambda pair: (-pair[0], pair[1].id))
    if exclude is not None and len(ranked) > 1:
        ranked = [pair for pair in ranked if pair[1].id != exclude]
    best = ranked[0][0]
    pool = [pair for i, pair in enumerate(ranked) if i < POOL_MIN or pair[0] >= best - SCORE_MARGIN][:POOL_MAX]
    weights = [math.pow(0.5, (best - score) / HALVING) for score, _ in pool]
    rng = random.Random(f"select-template:{seed}")
    return rng.choices([spec for _, spec in pool], weights=weights, k=1)[0]


def _fallback_fit(spec: TemplateSpec, brief: Brief) -> float:
    score = 0.0
    if brief.mood in spec.moods:
        score += 3.0
    for motif in brief.motifs:
        if motif.name in spec.motifs:
            score += 4.0 * _motif_strength(motif)
    if brief.setting in spec.settings:
        score += 3.0
    return score
