"""One unit of a job, rendered and checked: the worker's entry points into the engine.

    render_generate_unit(book, options, seeds=..., position=..., taken=..., others=...) -> Checked
    render_variation_unit(source, seed=..., position=..., others=...) -> Checked
    render_edit(source, prompt) -> Checked        (checked.py)
    render_with_text(source, text) -> Checked     (the same design with corrected book text)

`others` are the signatures (distinct.signature of the stored previews) of the covers this one must
not repeat: its siblings already stored and, for more covers of a book, the book's earlier covers.
Siblings rendered at the same moment by another worker cannot be seen; the plan (variety.py)
already gives them different designs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from . import distinct
from .checked import Checked, drawn_subjects, render_distinct
from .design import MIN_SUBJECT_SHARE, visible_share
from .recipe import BookText, CoverOptions, Recipe
from .render import render, render_with_report
from .service import TEMPLATE_LOCKED
from .variety import composition_variant, recipes_for_job, template_pool, variation_candidates

# The plan of a job is checked on thumbnails this small (80 x 128 for an ebook: a few ms each), with
# this margin over the threshold for what the full-size render may differ from them.
PLAN_SCALE = 0.05
PLAN_MARGIN = 2.0
PLAN_ATTEMPTS = 4
# A variation must keep the design and still differ: it may take more tries than a new design.
VARIATION_ATTEMPTS = 8
# A variation keeps each subject of its source at least at this share of its width.
KEEP_SIZE = 0.7


def _generate_candidates(planned: Recipe, *, seed: int, used: Sequence[str]) -> Iterator[Recipe]:
    """The planned recipe, then the same design recomposed, then designs the job does not use yet."""
    yield planned
    base_variant = int(planned.overrides.get("variant") or 0)
    yield composition_variant(planned, base_variant + 1, seed=seed + 1)
    if not planned.overrides.get(TEMPLATE_LOCKED):
        for template_id in template_pool(planned):
            if template_id not in used:
                yield replace(planned, template_id=template_id, seed=seed + 2)
    for k in range(2, 5):
        yield composition_variant(planned, base_variant + k, seed=seed + k)


def render_generate_unit(
    book: BookText,
    options: CoverOptions,
    *,
    seeds: Sequence[int],
    position: int,
    taken: Sequence[str] = (),
    others: Sequence[distinct.Signature] = (),
    format: str = "ebook",
    scale: float = 1.0,
) -> Checked:
    plan = recipes_for_job(book, options, seeds=seeds, taken=taken)
    used = [r.template_id for r in plan] + list(taken)
    planned = _checked_plan(plan, seeds=seeds, used=used, upto=position, format=format)[position]
    return render_distinct(
        _generate_candidates(planned, seed=seeds[position], used=used), others=others, format=format, scale=scale
    )


def _checked_plan(
    plan: list[Recipe], *, seeds: Sequence[int], used: Sequence[str], upto: int, format: str
) -> list[Recipe]:
    """The plan with units too close to an earlier unit replaced, judged on thumbnails (PLAN_SCALE).

    Every worker computes the same plan (rendering is deterministic), so units rendered at the same
    moment on several workers, which cannot see each other's result, are distinct too.
    """
    chosen: list[Recipe] = []
    signatures: list[distinct.Signature] = []
    for position, planned in enumerate(plan[: upto + 1]):
        fallback = None
        for attempt, candidate in enumerate(_generate_candidates(planned, seed=seeds[position], used=used)):
            if attempt >= PLAN_ATTEMPTS:
                break
            sig = distinct.signature(render(candidate, format=format, scale=PLAN_SCALE))
            nearest = distinct.closest(sig, signatures)
            if fallback is None or (nearest or 255.0) > fallback[2]:
                fallback = (candidate, sig, nearest or 255.0)
            if nearest is None or nearest >= distinct.DISTINCT_THRESHOLD + PLAN_MARGIN:
                break
        assert fallback is not None
        chosen.append(fallback[0])
        signatures.append(fallback[1])
    return chosen


def render_variation_unit(
    source: Recipe,
    *,
    seed: int,
    position: int,
    others: Sequence[distinct.Signature] = (),
    format: str = "ebook",
    scale: float = 1.0,
) -> Checked:
    """A variation: the source's design recomposed, distinct from the source and the siblings, still
    drawing every subject the source drew legibly."""
    png, report = render_with_report(source, format=format, scale=scale)
    must_draw = {
        name: max(MIN_SUBJECT_SHARE, KEEP_SIZE * visible_share(report.drawn, name, report.width, report.height))
        for name in drawn_subjects(report, [m.name for m in source.brief.motifs])
    }
    return render_distinct(
        variation_candidates(source, seed=seed, index=position),
        others=[distinct.signature(png), *others],
        must_draw=must_draw,
        format=format,
        scale=scale,
        attempts=VARIATION_ATTEMPTS,
    )


def render_with_text(source: Recipe, text: BookText, *, format: str = "ebook", scale: float = 1.0) -> Checked:
    """The source's recipe with new book text, rendered with its design report. The picture is the
    source's (same brief and seed); only the type is set again, fitted to the new text."""
    return render_distinct([replace(source, text=text)], format=format, scale=scale)


__all__ = ["render_generate_unit", "render_variation_unit", "render_with_text"]
