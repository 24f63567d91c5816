"""Paid results to look at: per book, a job of 3 covers, 3 variations of its first cover and a few edits.

    .venv/bin/python bench/jobs_sheet.py [--scale 0.25] [--out bench/out]

Writes `jobs-sheet.png`: one row per book (the job's three covers, then three variations of the
first, then edits of it), each cell labelled with the template and, for an edit, what it applied
or why it was refunded. The same engine calls the worker makes (`render_generate_unit`,
`render_variation_unit`, `render_edit`), without a database.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.subject_shelf import SUBJECT_SHELF  # noqa: E402
from bench.subjects_drawn import book_text  # noqa: E402
from cover_engine import CoverOptions, EngineError  # noqa: E402
from cover_engine.checked import render_edit  # noqa: E402
from cover_engine.templates.previews import contact_sheet  # noqa: E402
from cover_engine.units import render_generate_unit, render_variation_unit  # noqa: E402

BOOKS = ("Benny the Brave Little Bear", "The Woman in the Red Coat", "The Dragon of Emberfall", "The Piano Teacher")
EDITS = ("add a castle", "make it stormy", "move the title to the bottom")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Jobs, variations and edits on one sheet.")
    parser.add_argument("--scale", type=float, default=0.25)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args(argv)
    cells: list[tuple[str, bytes]] = []
    for index, shelf_book in enumerate(b for b in SUBJECT_SHELF if b.title in BOOKS):
        book, options = book_text(shelf_book), CoverOptions(main_elements=shelf_book.main_elements)
        seeds = [7000 + 10 * index + i for i in range(3)]
        job = []
        for position in range(3):
            unit = render_generate_unit(
                book, options, seeds=seeds, position=position, others=[u.signature for u in job], scale=args.scale
            )
            job.append(unit)
            cells.append((f"job {position + 1}: {unit.recipe.template_id}", unit.png))
        source = job[0].recipe
        varied = [job[0].signature]
        for position in range(3):
            unit = render_variation_unit(
                source, seed=seeds[position] + 7, position=position, others=varied[1:], scale=args.scale
            )
            varied.append(unit.signature)
            cells.append((f"variation {position + 1}: {unit.recipe.template_id}", unit.png))
        for prompt in EDITS:
            try:
                edited = render_edit(source, prompt, scale=args.scale)
                cells.append((f"'{prompt}': {', '.join(edited.applied)}", edited.png))
            except EngineError as error:
                print(f"{book.title}: '{prompt}' refunded ({error.code})")
        print(f"{book.title}: {len(cells)} cells so far")
    args.out.mkdir(parents=True, exist_ok=True)
    contact_sheet(cells, cell_width=260, columns=9).save(args.out / "jobs-sheet.png")
    print(f"wrote {args.out / 'jobs-sheet.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
