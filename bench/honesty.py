"""Honesty figures: does every credit buy a visible, distinct result?

    .venv/bin/python bench/honesty.py [--scale 0.25]      (bench/quality.py prints them too)

For every book of the quality shelf:
- a job of 3 covers, rendered in turn (each unit sees the stored siblings) and all at once (each
  unit sees none, as on several workers): the share of cover pairs closer than the distinctness
  threshold (goal 0), and the share of automatic picks whose template is made for the book's
  genre (goal 100%);
- a variation job of 3 from its first cover: the share keeping the template family (goal 100%) and
  the share of pairs (source and variations) closer than the threshold;
- EDIT_PROMPTS on its first cover: of the edits accepted (charged), the share whose every claimed
  instruction an independent check finds on the pixels (goal 100%); the rest were refunded
  (edit_not_understood / edit_not_applied), counted separately.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cover_engine import BookText, CoverOptions, EngineError, distinct  # noqa: E402
from cover_engine.checked import render_edit  # noqa: E402
from cover_engine.design import subject_reads  # noqa: E402
from cover_engine.render import render_with_report  # noqa: E402
from cover_engine.templates import CATALOGUE  # noqa: E402
from cover_engine.units import render_generate_unit, render_variation_unit  # noqa: E402

EDIT_PROMPTS = (
    "add a castle",
    "add a wolf",
    "add a red rose",
    "remove the moon",
    "make it stormy",
    "at night",
    "daytime",
    "move the title to the bottom",
    "bigger title",
    "elegant title",
    "pastel colours",
    "purple monkey dishwasher",
)
JOB_SIZE = 3


def _claims_show(source_png: bytes, source_report, edited) -> bool:
    """An independent check of a delivered edit: it differs from its source, and every subject it
    says it added is drawn at a size that reads."""
    before, after = distinct.signature(source_png), edited.signature
    if distinct.pixel_difference(before, after) < 0.5 and distinct.changed_share(before, after) == 0:
        return False
    report = edited.report
    for said in edited.applied:
        if said.startswith("added "):
            subject = said.split(" ", 2)[-1].replace(" ", "_")
            if not subject_reads(report.drawn, subject, report.width, report.height):
                return False
    return True


def honesty_figures(shelf, *, scale: float) -> dict:
    pairs = close_in_turn = close_at_once = 0
    variation_pairs = close_variations = same_family = variations = 0
    picks = fitting = 0
    accepted = verified = refunded = 0
    refunds_by_prompt: dict[str, int] = dict.fromkeys(EDIT_PROMPTS, 0)
    started = time.perf_counter()
    for index, (title, subtitle, author, genre, subgenre, summary) in enumerate(shelf):
        book = BookText(title=title, subtitle=subtitle, author=author, genre=genre, subgenre=subgenre, summary=summary)
        seeds = [5000 + 10 * index + i for i in range(JOB_SIZE)]
        in_turn, at_once = [], []
        for position in range(JOB_SIZE):
            unit = render_generate_unit(
                book, CoverOptions(), seeds=seeds, position=position, others=[u.signature for u in in_turn], scale=scale
            )
            in_turn.append(unit)
            at_once.append(render_generate_unit(book, CoverOptions(), seeds=seeds, position=position, scale=scale))
            picks += 1
            fitting += genre in CATALOGUE[unit.recipe.template_id].genres
        limit = distinct.DISTINCT_THRESHOLD
        for a, b in itertools.combinations(range(JOB_SIZE), 2):
            pairs += 1
            close_in_turn += distinct.difference(in_turn[a].signature, in_turn[b].signature) < limit
            close_at_once += distinct.difference(at_once[a].signature, at_once[b].signature) < limit
        source = in_turn[0].recipe
        source_png, source_report = render_with_report(source, scale=scale)
        family = CATALOGUE[source.template_id].family
        varied = [distinct.signature(source_png)]
        for position in range(JOB_SIZE):
            seed = seeds[position] + 7
            unit = render_variation_unit(source, seed=seed, position=position, others=varied[1:], scale=scale)
            variations += 1
            same_family += CATALOGUE[unit.recipe.template_id].family == family
            varied.append(unit.signature)
        for a, b in itertools.combinations(varied, 2):
            variation_pairs += 1
            close_variations += distinct.difference(a, b) < limit
        for prompt in EDIT_PROMPTS:
            try:
                edited = render_edit(source, prompt, scale=scale)
            except EngineError:
                refunded += 1
                refunds_by_prompt[prompt] += 1
                continue
            accepted += 1
            verified += _claims_show(source_png, source_report, edited)
    return {
        "job_pairs": pairs,
        "share_pairs_within_threshold_in_turn": close_in_turn / pairs,
        "share_pairs_within_threshold_at_once": close_at_once / pairs,
        "variation_pairs": variation_pairs,
        "share_variation_pairs_within_threshold": close_variations / variation_pairs,
        "share_variations_keeping_family": same_family / variations,
        "auto_picks": picks,
        "share_picks_fitting_genre": fitting / picks,
        "edits_tried": accepted + refunded,
        "edits_accepted": accepted,
        "share_accepted_edits_verified": verified / accepted if accepted else 1.0,
        "edits_refunded": refunded,
        "refunds_by_prompt": refunds_by_prompt,
        "seconds": time.perf_counter() - started,
    }


def print_figures(figures: dict, *, scale: float) -> None:
    print(f"honesty (jobs of {JOB_SIZE} covers and {len(EDIT_PROMPTS)} edits per book, scale {scale}):")
    print(
        f"  job cover pairs within the distinctness threshold ({distinct.DISTINCT_THRESHOLD:g}): "
        f"{figures['share_pairs_within_threshold_in_turn']:.1%} rendered in turn, "
        f"{figures['share_pairs_within_threshold_at_once']:.1%} rendered at once, of {figures['job_pairs']} pairs "
        "(goal 0%)"
    )
    print(
        f"  variations ({JOB_SIZE} per book) keeping the template family: "
        f"{figures['share_variations_keeping_family']:.1%}; pairs (source and variations) within the threshold: "
        f"{figures['share_variation_pairs_within_threshold']:.1%} of {figures['variation_pairs']}"
    )
    print(
        f"  accepted edits whose claims show on the cover: {figures['share_accepted_edits_verified']:.1%} "
        f"of {figures['edits_accepted']} (goal 100%); refunded as not understood / not shown: "
        f"{figures['edits_refunded']} of {figures['edits_tried']}"
    )
    per_prompt = ", ".join(f"{p!r} {n}" for p, n in figures["refunds_by_prompt"].items() if n)
    print(f"  refunds per prompt (of {figures['auto_picks'] // JOB_SIZE} covers): {per_prompt}")
    print(
        f"  automatic picks made for the book's genre: {figures['share_picks_fitting_genre']:.1%} "
        f"of {figures['auto_picks']} (goal 100%); {figures['seconds']:.0f}s"
    )


def main(argv: list[str] | None = None) -> int:
    from quality import SHELF

    parser = argparse.ArgumentParser(description="Distinct job covers, verified edits, genre fit of picks.")
    parser.add_argument("--scale", type=float, default=0.25)
    args = parser.parse_args(argv)
    print_figures(honesty_figures(SHELF, scale=args.scale), scale=args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
