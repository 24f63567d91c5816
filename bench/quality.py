"""Cover quality bench: render a fixed shelf of books, write contact sheets, OCR the titles.

    .venv/bin/python bench/quality.py [--out bench/out] [--scale 1.0]

Renders 97 books (34 of two per genre, a few in Greek, Cyrillic, Japanese, Arabic and Hindi, plus
the 63 of bench/subject_shelf.py with their Main elements) with automatic template selection,
writes contact sheets at full and thumbnail size (ebook and square), then reads each Latin title
back with tesseract from the cover shrunk to 400 px wide (the best of three page-segmentation
modes, on the colour and the grey image).
Prints, per cover, the share of the title's letters recovered and the height of the title's
words as a share of the cover height; then the share of covers recovering >= 80% of the title
(target >= 90%) and the median word height (target >= 4%). Then the subject figures of
bench/subjects_drawn.py: Main-elements subjects drawn (goal >= 95%), concrete title nouns drawn
(goal >= 80%), keyword traps drawn (goal 0). Then the honesty figures of
bench/honesty.py: job cover pairs too alike (goal 0), accepted edits that show (goal 100%),
automatic picks made for the genre (goal 100%).
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import statistics
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytesseract  # noqa: E402
from PIL import Image, ImageOps  # noqa: E402

from bench.subject_shelf import SUBJECT_SHELF  # noqa: E402
from bench.subjects_drawn import book_text, subject_figures  # noqa: E402
from cover_engine import BookText, CoverOptions, recipe_for_book  # noqa: E402
from cover_engine.render import render, render_with_report  # noqa: E402
from cover_engine.templates.previews import contact_sheet  # noqa: E402

OCR_WIDTH = 400
LETTERS_OK = 0.80

# (title, subtitle, author, genre, subgenre, summary)
SHELF: list[tuple[str, str, str, str, str, str]] = [
    (
        "The Quarterly Mindset",
        "How Patient Companies Win",
        "Richard Hale",
        "business-economics",
        "",
        "Strategy and growth for leaders: charts, markets and the long game.",
    ),
    (
        "Cash Flow",
        "A Founder's Field Guide",
        "Priya Raman",
        "business-economics",
        "",
        "Money, numbers and decisions every small business owner faces.",
    ),
    (
        "The Narrow Gate",
        "",
        "Samuel Okonkwo",
        "religion-spirituality",
        "",
        "A pilgrim's reflections on faith, prayer and light breaking through the clouds at dawn.",
    ),
    ("शांति का मार्ग", "", "अनन्या शर्मा", "religion-spirituality", "", "कमल, सुबह की रोशनी और ध्यान।"),
    (
        "The Salt Roads",
        "How Trade Shaped the World",
        "Martin Greaves",
        "non-fiction",
        "",
        "From desert caravans to tall ships: a history of salt, maps and empires.",
    ),
    (
        "Small Brains, Big Ideas",
        "",
        "Dr. Helen Ashby",
        "non-fiction",
        "",
        "How the mind learns: the science of memory and attention.",
    ),
    (
        "The Ember Crown",
        "",
        "Lucas Thornwood",
        "fantasy",
        "epic-fantasy",
        "A castle in the mountains, a dragon over the peaks and a crown forged in fire.",
    ),
    (
        "The Tea Witch of Willowmere",
        "",
        "Poppy Hartwell",
        "fantasy",
        "cozy-fantasy",
        "A retired witch opens a tea shop in a sleepy village with a cat and a lantern.",
    ),
    (
        "Kiss of Thorns",
        "",
        "Vivienne Black",
        "romance",
        "dark-romance",
        "A mafia prince, a rose and a dagger: she was never meant to love him.",
    ),
    (
        "One Summer in Cornwall",
        "",
        "Emily Rose Carter",
        "romance",
        "contemporary",
        "Two strangers meet at a seaside bakery by the lighthouse.",
    ),
    (
        "Zero Hour",
        "",
        "James Calder",
        "thriller",
        "",
        "A lone agent runs through the city at night with twelve hours to stop a bomb.",
    ),
    (
        "The Silent Passenger",
        "",
        "Rebecca Moss",
        "thriller",
        "",
        "A train, a missing woman and a road that leads nowhere.",
    ),
    (
        "Murder at Marlow Manor",
        "",
        "Agatha Finch",
        "mystery",
        "",
        "Fog, an old house and a body in the library of the manor.",
    ),
    (
        "The Harbour Lights",
        "",
        "Thomas Quill",
        "mystery",
        "",
        "A detective in a harbour town where the lighthouse keeper vanished.",
    ),
    (
        "Starfall Protocol",
        "",
        "Ada Okoye",
        "science-fiction",
        "",
        "A spaceship crew finds a dying planet at the edge of the galaxy.",
    ),
    (
        "Neon Ghosts",
        "",
        "Kenji Mori",
        "science-fiction",
        "",
        "Rain falls on a neon city where robots dream of a world above.",
    ),
    (
        "The Hollow",
        "",
        "Morgan Graves",
        "horror",
        "",
        "An old house on a hill, a full moon and something in the woods.",
    ),
    (
        "Whispers in the Walls",
        "",
        "Edgar Thorne",
        "horror",
        "",
        "A family moves into a house where the walls whisper at night.",
    ),
    (
        "The Glassmaker's Wife",
        "",
        "Charlotte Ember",
        "historical-fiction",
        "",
        "Venice, 1570: a woman keeps her husband's secrets in a city of bridges and canals.",
    ),
    ("رحلة إلى القمر", "", "ليلى حسن", "historical-fiction", "", "قافلة في الصحراء تحت القمر، ورسائل من مدينة قديمة."),
    (
        "Run Your Best Marathon",
        "",
        "Coach Sam Rivera",
        "health-fitness",
        "",
        "Running plans, strength and nutrition for your first marathon.",
    ),
    (
        "The Green Kitchen",
        "Eat Well, Live Long",
        "Dr. Lena Park",
        "health-fitness",
        "",
        "Fresh greens, fruit and simple meals for energy every day.",
    ),
    (
        "The Weight of Water",
        "",
        "Nora Kellerman",
        "contemporary-fiction",
        "",
        "A family gathers at a lake house for one last summer.",
    ),
    ("月の庭で", "", "山田 花子", "contemporary-fiction", "", "月と花と静かな夜の庭で、二人の姉妹が再会する。"),
    (
        "Shadow and Spark",
        "",
        "Riley Vance",
        "young-adult",
        "",
        "Seventeen-year-old Ash discovers fire in her hands and a crown she never wanted.",
    ),
    (
        "The Summer I Learned to Fly",
        "",
        "Jamie Lin",
        "young-adult",
        "",
        "A girl, a kite, a best friend and the summer everything changed.",
    ),
    (
        "Pip the Brave Little Fox",
        "",
        "Lucy Appleby",
        "childrens",
        "picture-book",
        "A little fox crosses the hills to find the moon.",
    ),
    (
        "The Secret of Dragon Island",
        "",
        "Oliver Brooks",
        "childrens",
        "middle-grade",
        "Three friends find a map to an island where a dragon guards a treasure.",
    ),
    (
        "Unstoppable You",
        "Build Habits That Stick",
        "Marcus Bell",
        "self-help",
        "",
        "Practical steps to climb your personal mountain, one habit at a time.",
    ),
    (
        "Quiet Confidence",
        "",
        "Sophie Laurent",
        "self-help",
        "",
        "Gentle tools for introverts to speak up and be heard.",
    ),
    (
        "Letters from My Father",
        "A Memoir",
        "Daniel Weiss",
        "biography-memoir",
        "",
        "A son reads his father's letters from the war and walks the road back to the family house.",
    ),
    (
        "Το Τελευταίο Καλοκαίρι",
        "",
        "Ελένη Παπαδάκη",
        "biography-memoir",
        "",
        "Μια γυναίκα θυμάται το νησί και τη θάλασσα της παιδικής της ηλικίας.",
    ),
    (
        "Salt and Silver",
        "Poems",
        "Iris Calloway",
        "poetry",
        "",
        "Poems of the sea, the moon and birds at the edge of the water.",
    ),
    ("Тихая гавань", "", "Анна Соколова", "poetry", "", "Стихи о море, маяке и тишине."),
]


def is_latin(text: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def letters(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def recovered_share(title: str, ocr_text: str) -> float:
    """Share of the title's letters found, in order, in what tesseract read."""
    want, got = letters(title), letters(ocr_text)
    if not want:
        return 1.0
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(want)


def ocr(image: Image.Image, title: str) -> tuple[str, dict]:
    """Tesseract's best reading of the title: of three page-segmentation modes (sparse text,
    automatic, one block) on the colour and the grey image, the reading that gives back most of
    the title's letters."""
    best_text, best_data, best_share = "", {}, -1.0
    grey = ImageOps.autocontrast(image.convert("L"))
    for source in (image, grey):
        for psm in (11, 3, 6):
            config = f"--psm {psm}"
            text = pytesseract.image_to_string(source, config=config)
            share = recovered_share(title, text)
            if share > best_share:
                best_text, best_share = text, share
                best_data = pytesseract.image_to_data(source, config=config, output_type=pytesseract.Output.DICT)
            if best_share >= 0.999:
                return best_text, best_data
    return best_text, best_data


def title_word_heights(title: str, data: dict, image_height: int) -> list[float]:
    """Heights of the OCR boxes that read as title words, as a share of the cover height."""
    wanted = {letters(w) for w in title.split() if len(letters(w)) >= 2}
    heights = []
    for word, h in zip(data.get("text", []), data.get("height", []), strict=False):
        got = letters(word)
        if len(got) < 2:
            continue
        if any(difflib.SequenceMatcher(None, got, w).ratio() >= 0.75 for w in wanted):
            heights.append(h / image_height)
    return heights


def shrink(png: bytes, width: int) -> Image.Image:
    img = Image.open(io.BytesIO(png)).convert("RGB")
    return img.resize((width, round(img.height * width / img.width)), Image.Resampling.LANCZOS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render a fixed shelf, write contact sheets, OCR titles.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--scale", type=float, default=1.0, help="render scale of the ebook covers")
    parser.add_argument("--square-scale", type=float, default=0.25)
    parser.add_argument("--subjects-scale", type=float, default=0.25, help="0 leaves out the subject shelf's figures")
    parser.add_argument("--honesty-scale", type=float, default=0.25, help="0 leaves out bench/honesty.py's figures")
    args = parser.parse_args(argv)
    covers_dir = args.out / "quality"
    covers_dir.mkdir(parents=True, exist_ok=True)

    rows, ebooks, squares = [], [], []
    books = [
        (BookText(title=t, subtitle=st, author=a, genre=g, subgenre=sg, summary=s), "") for t, st, a, g, sg, s in SHELF
    ]
    books += [(book_text(b), b.main_elements) for b in SUBJECT_SHELF]
    for index, (book, main_elements) in enumerate(books):
        title, genre = book.title, book.genre
        recipe = recipe_for_book(book, CoverOptions(main_elements=main_elements), seed=1000 + index)
        started = time.perf_counter()
        png, report = render_with_report(recipe, format="ebook", scale=args.scale)
        seconds = time.perf_counter() - started
        square = render(recipe, format="square", scale=args.square_scale)
        label = f"{index:02d}-{recipe.template_id}"
        (covers_dir / f"{label}.png").write_bytes(png)
        ebooks.append((label, png))
        squares.append((label, square))
        title_report = report.element("title")
        row = {
            "index": index,
            "title": title,
            "genre": genre,
            "template": recipe.template_id,
            "seconds": seconds,
            "letter_height": title_report.letter_height / report.height,
            "contrast": title_report.contrast,
        }
        if is_latin(title):
            small = shrink(png, OCR_WIDTH)
            text, data = ocr(small, title)
            heights = title_word_heights(title, data, small.height)
            row["ocr"] = " ".join(text.split())
            row["letters"] = recovered_share(title, text)
            row["word_height"] = statistics.median(heights) if heights else None
        rows.append(row)
        shown = f"{row['letters']:.0%}" if "letters" in row else "  -"
        height = f"{row['word_height']:.1%}" if row.get("word_height") else "  -"
        print(
            f"{index:2d} {genre:22s} {recipe.template_id:28s} letters {shown:>5s}  word height {height:>6s}  "
            f"cap {row['letter_height']:.1%}  {seconds:5.2f}s  {title}"
        )

    contact_sheet(ebooks, cell_width=400, columns=9).save(args.out / "quality-ebook.png")
    contact_sheet(ebooks, cell_width=160, columns=12).save(args.out / "quality-ebook-thumbs.png")
    contact_sheet(squares, cell_width=300, columns=9).save(args.out / "quality-square.png")
    contact_sheet(squares, cell_width=90, columns=12, label=False).save(args.out / "quality-square-thumbs.png")

    latin = [r for r in rows if "letters" in r]
    readable = [r for r in latin if r["letters"] >= LETTERS_OK]
    heights = [r["word_height"] for r in latin if r["word_height"] is not None]
    summary = {
        "covers": len(rows),
        "latin_covers": len(latin),
        "titles_read_80pct": len(readable),
        "share_read_80pct": len(readable) / len(latin),
        "median_word_height": statistics.median(heights) if heights else None,
        "covers_with_measured_height": len(heights),
        "templates_used": len({r["template"] for r in rows}),
        "families_used": None,
        "median_cap_height": statistics.median(r["letter_height"] for r in rows),
        "min_title_contrast": min(r["contrast"] for r in rows),
        "median_render_seconds": statistics.median(r["seconds"] for r in rows),
    }
    from cover_engine.templates import CATALOGUE

    summary["families_used"] = len({CATALOGUE[r["template"]].family for r in rows})
    if args.subjects_scale > 0:
        summary["subjects"] = subject_figures(scale=args.subjects_scale, out=args.out, verbose=False)
    if args.honesty_scale > 0:
        from honesty import honesty_figures

        summary["honesty"] = honesty_figures(SHELF, scale=args.honesty_scale)
    (args.out / "quality.json").write_text(json.dumps({"summary": summary, "rows": rows}, indent=2, ensure_ascii=False))
    print()
    print(
        f"titles read back >= 80% of letters: {len(readable)}/{len(latin)} = {summary['share_read_80pct']:.0%} "
        f"(target >= 90%)"
    )
    if heights:
        print(
            f"median title word height: {summary['median_word_height']:.1%} of cover height (target >= 4%), "
            f"measured on {len(heights)} covers"
        )
    print(
        f"median title cap height (render report): {summary['median_cap_height']:.1%} of cover height; "
        f"lowest title contrast {summary['min_title_contrast']:.1f}:1"
    )
    print(
        f"templates used: {summary['templates_used']} in {summary['families_used']} families; "
        f"median ebook render at scale {args.scale}: {summary['median_render_seconds']:.2f}s"
    )
    if "subjects" in summary:
        from bench.subjects_drawn import print_figures as print_subject_figures

        print_subject_figures(summary["subjects"], scale=args.subjects_scale)
    if "honesty" in summary:
        from honesty import print_figures

        print_figures(summary["honesty"], scale=args.honesty_scale)
    print(f"contact sheets in {args.out}")
    for r in latin:
        if r["letters"] < LETTERS_OK:
            print(f"  unreadable: {r['title']!r} ({r['template']}) read as {r['ocr'][:80]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
