"""Does the cover draw what the book names? Figures on the subject shelf (bench/subject_shelf.py).

    .venv/bin/python bench/subjects_drawn.py [--scale 0.25] [--out bench/out]

Renders every book of the subject shelf with its Main elements and reads the design report
(`cover_engine.design.design_report`, built from what the painters actually drew). A subject
counts as drawn when a drawn subject's name or the words that asked for it contain the expected
noun ("balloon" is met by a hot-air balloon, "lamp" by an oil lamp). Prints per book what was
expected and not drawn, then: the share of Main-elements subjects drawn (goal >= 95%), the share
of concrete title nouns drawn (goal >= 80%) and the keyword traps drawn (goal 0). Writes contact
sheets (full size and store-thumbnail size) to look at.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.subject_shelf import SUBJECT_SHELF, ShelfBook  # noqa: E402
from cover_engine import BookText, CoverOptions, recipe_for_book  # noqa: E402
from cover_engine.design import design_report  # noqa: E402
from cover_engine.lexicon import stem  # noqa: E402
from cover_engine.render import render_with_report  # noqa: E402
from cover_engine.templates.previews import contact_sheet  # noqa: E402


def _stems(text: str) -> set[str]:
    return {stem(w) for w in text.lower().replace("_", " ").replace("-", " ").split() if w}


def _met(noun: str, drawn: list[dict]) -> bool:
    """Whether a drawn subject answers the expected noun: all of its words appear in the subject's
    name or in the words that asked for it."""
    want = _stems(noun)
    for item in drawn:
        have = _stems(item["subject"])
        for words in item.get("words", []):
            have |= _stems(words)
        if want <= have:
            return True
    return False


def book_text(book: ShelfBook) -> BookText:
    return BookText(
        title=book.title,
        subtitle=book.subtitle,
        author=book.author,
        genre=book.genre,
        subgenre=book.subgenre,
        summary=book.summary,
    )


def render_book(book: ShelfBook, *, seed: int, scale: float) -> tuple[bytes, dict, str]:
    recipe = recipe_for_book(book_text(book), CoverOptions(main_elements=book.main_elements), seed=seed)
    png, report = render_with_report(recipe, format="ebook", scale=scale)
    return png, design_report(recipe, report), recipe.template_id


def subject_figures(*, scale: float, out: Path | None = None, verbose: bool = True) -> dict:
    expected = met = 0
    title_expected = title_met = 0
    traps_drawn: list[tuple[str, str]] = []
    misses: list[tuple[str, str, str]] = []
    sheet: list[tuple[str, bytes]] = []
    for index, book in enumerate(SUBJECT_SHELF):
        png, design, template_id = render_book(book, seed=2000 + index, scale=scale)
        drawn = design.get("subjectsDrawn", [])
        sheet.append((f"{index:02d} {template_id}", png))
        missing = [noun for noun in book.expect if not _met(noun, drawn)]
        expected += len(book.expect)
        met += len(book.expect) - len(missing)
        title_missing = [noun for noun in book.title_nouns if not _met(noun, drawn)]
        title_expected += len(book.title_nouns)
        title_met += len(book.title_nouns) - len(title_missing)
        traps = [t for t in book.traps if _met(t, [d for d in drawn if d.get("askedBy") != "genre"])]
        traps_drawn += [(book.title, t) for t in traps]
        misses += [(book.title, template_id, noun) for noun in missing]
        if verbose:
            names = ", ".join(d["subject"] for d in drawn)
            flag = "  MISSING " + ", ".join(missing) if missing else ""
            flag += "  TRAP " + ", ".join(traps) if traps else ""
            title_flag = "  (title: no " + ", ".join(title_missing) + ")" if title_missing else ""
            print(f"{index:2d} {book.genre:22s} {template_id:28s} drew: {names}{flag}{title_flag}  | {book.title}")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        contact_sheet(sheet, cell_width=300, columns=9).save(out / "subjects-drawn.png")
        contact_sheet(sheet, cell_width=100, columns=16, label=False).save(out / "subjects-drawn-thumbs.png")
    return {
        "books": len(SUBJECT_SHELF),
        "main_elements_expected": expected,
        "main_elements_drawn": met,
        "main_elements_share": met / expected if expected else 1.0,
        "title_nouns_expected": title_expected,
        "title_nouns_drawn": title_met,
        "title_nouns_share": title_met / title_expected if title_expected else 1.0,
        "traps_drawn": traps_drawn,
        "misses": misses,
    }


def print_figures(figures: dict, *, scale: float) -> None:
    print(
        f"subject shelf ({figures['books']} books, scale {scale}): Main elements drawn "
        f"{figures['main_elements_drawn']}/{figures['main_elements_expected']} = {figures['main_elements_share']:.1%} "
        f"(goal >= 95%); title nouns drawn {figures['title_nouns_drawn']}/{figures['title_nouns_expected']} = "
        f"{figures['title_nouns_share']:.1%} (goal >= 80%); keyword traps drawn {len(figures['traps_drawn'])} (goal 0)"
    )
    for title, trap in figures["traps_drawn"]:
        print(f"  trap drawn: {trap!r} on {title!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Share of named subjects the covers draw.")
    parser.add_argument("--scale", type=float, default=0.25)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args(argv)
    figures = subject_figures(scale=args.scale, out=args.out)
    print()
    print_figures(figures, scale=args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
