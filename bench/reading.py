"""Reading and briefing speed: how long read_book and build_brief take per book.

    .venv/bin/python bench/reading.py [--rounds 200]

Reads a handful of realistic books (short title, long summary, main elements, non-Latin text)
and prints the import cost of the reader (lemminflect's dictionary loads on first use), the
first-call cost, and median / p95 wall time per read_book and per build_brief call.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BOOKS = [
    ("One Thousand and One Nights", "", "In Baghdad, Scheherazade tells the sultan a new tale every night: of magic "
     "lamps, flying carpets, golden domes and a thief in the bazaar.", "", "fantasy"),
    ("Star Witness", "A Legal Thriller", "The star witness in a murder trial vanishes from a safe house in Chicago. "
     "Defence attorney Nora Vance has three days to find her before the verdict.", "", "thriller"),
    ("Pip and the Moon Balloon", "", "Pip the hedgehog floats over Willow End in a balloon shaped like the moon.",
     "a hedgehog in a balloon, a full moon, no people", "childrens"),
    ("The Silk Merchant's Daughter", "A Novel", "Venice, 1590. A merchant's daughter in a red cloak smuggles "
     "letters for a spy across the canals.", "a woman in a red coat on a bridge, gold accents", "historical-fiction"),
    ("ألف ليلة وليلة", "", "حكايات شهرزاد في بغداد، المصابيح والسجاد الطائر والقباب الذهبية", "", "fantasy"),
]  # fmt: skip


def timed(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    start = time.perf_counter()
    from cover_engine.brief import build_brief
    from cover_engine.reading import read_book
    from cover_engine.recipe import BookText

    print(f"import brief + reading: {(time.perf_counter() - start) * 1000:.0f} ms")
    start = time.perf_counter()
    read_book(*BOOKS[0][:3], "", BOOKS[0][4])
    print(f"first read_book (dictionary warm-up): {(time.perf_counter() - start) * 1000:.0f} ms")

    long_summary = " ".join(BOOKS[0][2] for _ in range(200))
    reads = timed(lambda: read_book("T", "", long_summary, "", "fantasy"), 10)
    print(f"{len(long_summary.split())}-word summary: read_book median {statistics.median(reads):.1f} ms")

    for title, subtitle, summary, elements, genre in BOOKS:
        book = BookText(title=title, subtitle=subtitle, author="A", genre=genre, summary=summary)
        reads = timed(lambda: read_book(title, subtitle, summary, elements, genre), args.rounds)  # noqa: B023
        briefs = timed(
            lambda: build_brief(book, mood=None, palette=None, main_elements=elements, seed=1),  # noqa: B023
            args.rounds,
        )
        print(
            f"{title[:32]:<34} read_book median {statistics.median(reads):6.2f} ms  "
            f"p95 {sorted(reads)[int(0.95 * (len(reads) - 1))]:6.2f} ms   build_brief median "
            f"{statistics.median(briefs):6.2f} ms"
        )


if __name__ == "__main__":
    main()
