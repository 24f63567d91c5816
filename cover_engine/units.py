"""One unit of a job, rendered and checked: the worker's entry points into the engine.

    render_generate_unit(book, options, seeds=..., position=..., taken=..., others=...) -> Checked
    render_variation_unit(source, seed=..., position=..., others=...) -> Checked
    render_edit(source, prompt) -> Checked        (checked.py)

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
from .design import MIN_SUBJECT_SHARE, subject_share
from .recipe import BookText, CoverOptions, Recipe
from .render import render_with_report
from .service import TEMPLATE_LOCKED
from .variety import composition_variant, recipes_for_job, template_pool, variation_candidates

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
    planned = plan[position]
    used = [r.template_id for r in plan] + list(taken)
    return render_distinct(
        _generate_candidates(planned, seed=seeds[position], used=used), others=others, format=format, scale=scale
    )


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
        name: max(MIN_SUBJECT_SHARE, KEEP_SIZE * subject_share(report.drawn, name, report.width))
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


__all__ = ["render_generate_unit", "render_variation_unit"]
