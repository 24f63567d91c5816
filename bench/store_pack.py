"""Store pack speed bench: seconds per pack, and what each step costs.

    .venv/bin/python bench/store_pack.py [--books 4] [--jpeg 3]

For a few books (the template samples' texts), through the engine as the worker calls it:
- cold: render the 1600x2560 ebook cover and the 2400x2400 square re-layout at full size, then
  encode, measure and zip the pack (what a worker does when the cover's stored assets are smaller,
  e.g. made at another render scale, or the square was never made);
- warm: the pictures already rendered (stored preview and audiobook assets at full size are
  reused), only encode, measure and zip;
and the cost of one JPEG download of a 1600x2560 preview (`format=jpeg`, made once per asset).
Prints medians (and the range) in seconds, and the pack and file sizes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cover_engine as engine  # noqa: E402
from cover_engine import store_pack  # noqa: E402
from cover_engine.export import encode_jpeg  # noqa: E402
from cover_engine.templates import CATALOGUE  # noqa: E402
from cover_engine.templates.samples import sample_book  # noqa: E402


def _timed(function, *args, **kwargs):
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - start


def _summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--books", type=int, default=4, help="how many books (one template each)")
    parser.add_argument("--jpeg", type=int, default=3, help="JPEG downloads timed per book")
    args = parser.parse_args()

    templates = list(CATALOGUE.values())[:: max(1, len(CATALOGUE) // args.books)][: args.books]
    render_times, pack_times, cold_times, jpeg_times = [], [], [], []
    sizes: list[int] = []
    for index, template in enumerate(templates):
        book = sample_book(template)
        recipe = engine.recipe_for_book(book, engine.CoverOptions(template_id=template.id), seed=100 + index)
        (ebook, t_ebook) = _timed(engine.render, recipe, format="ebook", scale=1.0)
        (square, t_square) = _timed(engine.render, recipe, format="square", scale=1.0)
        pictures = {"ebook": ebook, "square": square}
        ((data, manifest), t_pack) = _timed(store_pack.build, pictures, base_name="bench", book={"title": book.title})
        render_times.append(t_ebook + t_square)
        pack_times.append(t_pack)
        cold_times.append(t_ebook + t_square + t_pack)
        sizes.append(len(data))
        for _ in range(args.jpeg):
            jpeg_times.append(_timed(encode_jpeg, ebook)[1])
        files = ", ".join(f"{e['store']} {e['measured']['bytes'] / 1e6:.2f} MB" for e in manifest["files"])
        print(
            f"{template.id:28} cold {t_ebook + t_square + t_pack:5.2f} s (render {t_ebook:.2f} + {t_square:.2f}, "
            f"pack {t_pack:.2f}) zip {len(data) / 1e6:.1f} MB, all rules met: {manifest['meetsRequired']}; {files}"
        )
    print()
    print(f"store pack, cold (render both canvases + encode + zip): {_summary(cold_times)}")
    print(f"store pack, warm (stored full-size assets reused):     {_summary(pack_times)}")
    print(f"  of which rendering the two canvases:                 {_summary(render_times)}")
    print(f"JPEG of a 1600x2560 preview (format=jpeg, first time): {_summary(jpeg_times)}")
    print(f"zip size: median {statistics.median(sizes) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
