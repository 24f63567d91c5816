"""Choosing a template for a book: score every design's fit, then a seeded pick among the best few.

The score rewards, in order of weight: the genre (a design lists its genres best fit first), the
subgenre it was made for, what the text is about (the brief's motifs and setting: a summary about
the sea favours seascapes), the mood and the audience. A design never goes to a subgenre it
avoids (dark romance never gets a cozy village). The pick among the leaders is weighted by score
and driven by the seed only, so one seed always gives the same template and other seeds give
other fitting ones.

Genre comes first: a design is only ever picked for a genre it lists. A design made for another
genre (the book's genre is not first on its list: an orbital station that also serves thrillers)
takes the text into account only when the author's own words (main elements, title, subtitle) or
at least two subjects of the summary ask for what it shows: one word of a summary ("the stars"
of a legal thriller) never carries a book into another genre's look. A children's design that also
serves another genre (an undersea picture book for non-fiction) goes to a book of that genre only
when the book is for children: a whale book for adults never gets a nursery look.
"""

from __future__ import annotations

import math
import random
from typing import TYPE_CHECKING

from cover_engine.vocabulary import GENRES

from .spec import TemplateSpec

if TYPE_CHECKING:
    from ..brief import Brief, MotifChoice
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
# Where a motif was asked for ("main elements: 'a castle'") and how much that says about the book.
SOURCE_EVIDENCE: dict[str, float] = {"main elements": 1.0, "title": 0.9, "subtitle": 0.8, "summary": 0.6}
_AUTHORS_WORDS = frozenset({"main elements", "title", "subtitle"})
_YOUNG_READERS = frozenset({"children", "middle-grade"})
# Designs whose whole picture is one world (under the sea, outer space): they fit a book that is set
# there or names what lives there, and would misplace any other hero (a hedgehog under water).
WORLD_SETTINGS = frozenset({"sea", "space"})
WORLD_MISMATCH_PENALTY = 8.0


def _for_children_only(spec: TemplateSpec) -> bool:
    """A design made for children's books and for young readers only."""
    return spec.genres[0] == "childrens" and bool(spec.audiences) and set(spec.audiences) <= _YOUNG_READERS


def _source_field(motif: MotifChoice) -> str:
    return motif.source.split(":", 1)[0].strip()


def _motif_strength(motif: MotifChoice) -> float:
    weight = max(0.0, min(1.0, motif.weight))
    if "default" in motif.source:
        return weight * DEFAULT_MOTIF_FACTOR
    return weight * SOURCE_EVIDENCE.get(_source_field(motif), 1.0)


def _text_supports(spec: TemplateSpec, brief: Brief) -> bool:
    """Whether the book itself (not its genre defaults) clearly asks for what this design shows."""
    asked = [m for m in brief.motifs if m.name in spec.motifs and "default" not in m.source]
    if any(_source_field(m) in _AUTHORS_WORDS for m in asked):
        return True
    return len(asked) >= 2


def _book_genre(brief: Brief, book: BookText) -> tuple[str, str]:
    genre = book.genre if book.genre in GENRES else brief.genre
    return genre, (book.subgenre or brief.subgenre)


def template_fit(spec: TemplateSpec, brief: Brief, book: BookText, *, strict: bool = True) -> float | None:
    """How well a design fits this book, or None when it must not be used for it (another genre, or,
    when ``strict``, a subgenre it avoids)."""
    genre, subgenre = _book_genre(brief, book)
    if strict and subgenre and subgenre in spec.avoid_subgenres:
        return None
    if genre not in spec.genres:
        return None
    if genre != "childrens" and _for_children_only(spec) and book.target_audience not in spec.audiences:
        return None
    rank = spec.genres.index(genre)
    score = 10.0 - 1.5 * rank
    if subgenre:
        if subgenre in spec.subgenres:
            score += 6.0
        elif spec.subgenres:
            score -= 1.0
    if brief.mood and brief.mood in spec.moods:
        score += 3.0 - 0.5 * spec.moods.index(brief.mood)
    if book.target_audience and book.target_audience in spec.audiences:
        score += 2.0
    if rank > 0 and not _text_supports(spec, brief):
        # A design borrowed from another genre answers the book's words, not a passing one.
        return score
    for position, motif in enumerate(brief.motifs):
        if motif.name in spec.motifs:
            # The hero motif counts most; later motifs are side details.
            score += 4.0 * _motif_strength(motif) * (1.5 if position == 0 else 1.0)
    if brief.setting and brief.setting in spec.settings:
        hero = _motif_strength(brief.motifs[0]) if brief.motifs else DEFAULT_MOTIF_FACTOR
        score += (2.0 if spec.settings[0] == brief.setting else 1.5) * max(hero, 0.5)
    if _world_elsewhere(spec, brief):
        score -= WORLD_MISMATCH_PENALTY
    return score


def _world_elsewhere(spec: TemplateSpec, brief: Brief) -> bool:
    """A one-world design (sea, space) for a book that is neither set there nor names its creatures."""
    if not spec.settings or spec.settings[0] not in WORLD_SETTINGS or brief.setting == spec.settings[0]:
        return False
    return not any(m.name in spec.motifs and "default" not in m.source for m in brief.motifs)


def ranked_templates(
    catalogue: dict[str, TemplateSpec], brief: Brief, book: BookText, *, strict: bool = True
) -> list[tuple[float, TemplateSpec]]:
    """Every usable design for the book, best first (ties by id, so the order is stable)."""
    scored = []
    for spec in catalogue.values():
        score = template_fit(spec, brief, book, strict=strict)
        if score is not None:
            scored.append((score, spec))
    scored.sort(key=lambda pair: (-pair[0], pair[1].id))
    return scored


def select_template(
    catalogue: dict[str, TemplateSpec], brief: Brief, book: BookText, *, seed: int, exclude: str | None = None
) -> TemplateSpec:
    ranked = ranked_templates(catalogue, brief, book)
    if not ranked:
        # A subgenre every design of the genre avoids: the genre still decides.
        ranked = ranked_templates(catalogue, brief, book, strict=False)
    if not ranked:
        # No design lists the genre at all (a catalogue without it): the whole catalogue, still
        # scored on motifs, setting and mood.
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
