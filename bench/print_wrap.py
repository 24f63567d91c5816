"""Print wrap bench: seconds per full wrap (PDF + proof) at 300 dpi, per printer and binding.

    .venv/bin/python bench/print_wrap.py [--runs 3] [--trim 6x9] [--pages 320] [--out bench/out/print]

Renders the same cover as a KDP, IngramSpark and Lulu paperback (and hardcover) through
`render_wrap`, ISBN barcode with add-on included, and prints the median wall time per target
with its stages (front render, back/spine field, PDF writing incl. the CMYK separation, proof),
the PDF's size and the machine's load average (the machine is shared: read figures with it).
Target: at most 3 s for a 6x9 paperback. With --out, writes each wrap's PDF and proof PNG there.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cover_engine import BookText, CoverOptions, recipe_for_book  # noqa: E402
from cover_engine.print import geometry  # noqa: E402
from cover_engine.print.wrap import render_wrap  # noqa: E402

BOOK = BookText(
    title="The Last Witness",
    author="Mara Quill",
    genre="thriller",
    summary="When the only person who saw the murder vanishes the night before the trial, detective Ines "
    "Calder has four days to find her, and the city's most careful liars are all on the same side.\n\n"
    "A taut, atmospheric thriller about memory, loyalty and the price of telling the truth.",
)
TARGETS = [
    ("kdp", "paperback"),
    ("ingramspark", "paperback"),
    ("lulu", "paperback"),
    ("kdp", "hardcover"),
    ("ingramspark", "hardcover"),
    ("lulu", "hardcover"),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--trim", default="6x9")
    parser.add_argument("--pages", type=int, default=320)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    recipe = recipe_for_book(BOOK, CoverOptions(), seed=7)
    # Warm up: fonts, profile, the template's first render.
    render_wrap(
        recipe, geometry=geometry(printer="kdp", binding="paperback", trim="6x9", pages=120, paper="white"), dpi=60
    )
    print(f"{'target':<34} {'median s':>8} {'min s':>6}  stages (median run)                          PDF MB  load")
    for printer, binding in TARGETS:
        g = geometry(printer=printer, binding=binding, trim=args.trim, pages=args.pages, paper="white")
        times, wraps = [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            wraps.append(render_wrap(recipe, geometry=g, isbn="9781402894626", price="51299"))
            times.append(time.perf_counter() - t0)
        median = statistics.median(times)
        wrap = wraps[times.index(sorted(times)[len(times) // 2])]
        stages = " ".join(f"{k} {v:.2f}" for k, v in wrap.report["timings"].items())
        load = os.getloadavg()[0]
        label = f"{g.rules.name} {binding} {args.trim} {args.pages}p"
        print(f"{label:<34} {median:8.2f} {min(times):6.2f}  {stages:<44} {len(wrap.pdf) / 1e6:6.1f} {load:5.1f}")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{g.target.slug}.pdf").write_bytes(wrap.pdf)
            (args.out / f"{g.target.slug}.png").write_bytes(wrap.proof)


if __name__ == "__main__":
    main()
