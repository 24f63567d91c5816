"""Contact sheets of the drawable subjects, both forms side by side, to look at every icon.

    .venv/bin/python bench/subjects_sheet.py                 # the first 200 subjects
    .venv/bin/python bench/subjects_sheet.py --all           # every subject, 200 a sheet
    .venv/bin/python bench/subjects_sheet.py --only fauna    # one category

Each cell shows the silhouette (filled like a painter fills it, interior lines shaded) and the
illustrated form, at a thumbnail size. Writes bench/out/subjects_<n>.png and prints timings.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import skia

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cover_engine.artwork.motifs import draw_shape  # noqa: E402
from cover_engine.artwork.motifs.icons import subject_shape  # noqa: E402
from cover_engine.subjects import SUBJECTS  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
CELL_W, CELL_H, COLS, ICON = 150, 96, 10, 60


def sheet(names: list[str], path: Path) -> None:
    rows = (len(names) + COLS - 1) // COLS
    surface = skia.Surface(CELL_W * COLS, CELL_H * rows)
    canvas = surface.getCanvas()
    canvas.clear(skia.Color(236, 230, 216))
    font = skia.Font(skia.Typeface("DejaVu Sans"), 10)
    ink = skia.Paint(AntiAlias=True, Color=skia.Color(60, 50, 40))
    for i, name in enumerate(names):
        x0, y0 = (i % COLS) * CELL_W, (i // COLS) * CELL_H
        if (i // COLS + i % COLS) % 2:
            canvas.drawRect(skia.Rect.MakeXYWH(x0, y0, CELL_W, CELL_H), skia.Paint(Color=skia.Color(228, 221, 205)))
        shape = subject_shape(SUBJECTS[name])  # the icon, even where a hand-drawn builder stands in
        draw_shape(canvas, shape, x=x0 + 38, y=y0 + 42, size=ICON, fill=(0.16, 0.17, 0.3), detail=(0.55, 0.57, 0.72),
                   anchor="center")  # fmt: skip
        draw_shape(canvas, shape, x=x0 + 110, y=y0 + 42, size=ICON, fill=(0.16, 0.17, 0.3), anchor="center",
                   style="illustrated")  # fmt: skip
        canvas.drawString(name[:26], x0 + 4, y0 + CELL_H - 8, font, ink)
    surface.makeImageSnapshot().save(str(path))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--only", default="")
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    names = [s.name for s in SUBJECTS.values() if not args.only or s.category == args.only]
    if not args.all:
        names = names[: args.count]
    OUT.mkdir(exist_ok=True)
    started = time.perf_counter()
    for page, start in enumerate(range(0, len(names), 200)):
        path = OUT / f"subjects_{args.only or 'all'}_{page + 1}.png"
        sheet(names[start : start + 200], path)
        print(f"wrote {path}")
    took = time.perf_counter() - started
    each = took / max(1, len(names)) * 1000
    print(f"{len(names)} subjects, both forms, parsed and drawn in {took:.2f} s ({each:.1f} ms each, cold)")
    started = time.perf_counter()
    sheet(names[:200], OUT / "subjects_warm.png")
    took = time.perf_counter() - started
    print(f"the first {min(200, len(names))} again, cached: {took:.2f} s")


if __name__ == "__main__":
    main()
