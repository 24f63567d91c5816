"""Cover engine speed and memory bench.

    .venv/bin/python bench/engine.py [--per-family 2] [--scale2 6] [--out bench/out/engine] [--scene stage]

Renders covers through the public API (recipe_for_book -> render, PNG encoding included) and
prints median and p95 wall time per format (ebook 1600x2560, square 2400x2400, ebook at scale 2)
and per template family, the stage split (layout / art / type / encode), the PNG encoder
comparison (Pillow levels vs skia's encoder), and the peak resident memory of a fresh process
rendering one cover of each format. Targets: ebook <= 1.0 s median, square <= 1.5 s,
scale 2 <= 4 s, peak <= 600 MB.
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cover_engine import CoverOptions, recipe_for_book  # noqa: E402
from cover_engine.png import encode_rgb  # noqa: E402
from cover_engine.render import render_with_report  # noqa: E402
from cover_engine.templates import CATALOGUE  # noqa: E402
from cover_engine.templates.samples import sample_book  # noqa: E402

SEED = 20


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def line(label: str, values: list[float]) -> str:
    return f"{label:<28} n={len(values):<3} median {statistics.median(values):6.3f} s   p95 {p95(values):6.3f} s"


def pick_templates(per_family: int) -> list[str]:
    by_family: dict[str, list[str]] = defaultdict(list)
    for spec in CATALOGUE.values():
        if len(by_family[spec.family]) < per_family:
            by_family[spec.family].append(spec.id)
    return [tid for ids in by_family.values() for tid in ids]


def render_timed(template_id: str, fmt: str, scale: float):
    recipe = recipe_for_book(sample_book(CATALOGUE[template_id]), CoverOptions(template_id=template_id), seed=SEED)
    t0 = time.perf_counter()
    png, report = render_with_report(recipe, format=fmt, scale=scale)
    return time.perf_counter() - t0, png, report


def encoders() -> None:
    """Pillow at several levels against skia's own PNG encoder, on one rendered ebook cover."""
    import numpy as np
    import skia
    from PIL import Image

    template_id = next(iter(CATALOGUE))
    recipe = recipe_for_book(sample_book(CATALOGUE[template_id]), CoverOptions(template_id=template_id), seed=SEED)
    png, _ = render_with_report(recipe, format="ebook", scale=1)
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))
    image = skia.Image.fromarray(pixels.copy(), colorType=skia.kRGBA_8888_ColorType)
    rgb = Image.fromarray(np.ascontiguousarray(pixels[..., :3]), "RGB")
    print("\nPNG encoding of one 1600x2560 cover (best of 3):")
    for level in (1, 2, 3, 6):
        times, size = [], 0
        for _ in range(3):
            out = io.BytesIO()
            t0 = time.perf_counter()
            rgb.save(out, format="PNG", compress_level=level)
            times.append(time.perf_counter() - t0)
            size = out.tell()
        print(f"  Pillow level {level}:  {min(times):6.3f} s  {size / 1e6:5.2f} MB")
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        data = image.encodeToData(skia.EncodedImageFormat.kPNG, 100)
        times.append(time.perf_counter() - t0)
    print(f"  skia encoder:     {min(times):6.3f} s  {len(bytes(data)) / 1e6:5.2f} MB")
    times = []
    rgb_array = np.ascontiguousarray(pixels[..., :3])
    for _ in range(3):
        t0 = time.perf_counter()
        data = encode_rgb(rgb_array)
        times.append(time.perf_counter() - t0)
    print(f"  engine (png.py):  {min(times):6.3f} s  {len(data) / 1e6:5.2f} MB   <- used")


def child_peak() -> None:
    """Run in a fresh process: render one cover of each format, print the RSS high-water mark."""
    template_id = next(iter(CATALOGUE))
    for fmt, scale in (("ebook", 1), ("square", 1), ("ebook", 2), ("square", 2)):
        render_timed(template_id, fmt, scale)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-family", type=int, default=2)
    parser.add_argument("--scene", default=None, help="bench every template of this scene instead (e.g. stage)")
    parser.add_argument("--scale2", type=int, default=6, help="covers rendered at scale 2")
    parser.add_argument("--out", type=Path, default=None, help="also write the PNGs here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_peak()
        return

    ids = pick_templates(args.per_family)
    if args.scene:
        ids = [tid for tid, spec in CATALOGUE.items() if spec.scene == args.scene]
    # Warm up: fonts and templates load once per process, like in a long-running worker.
    render_timed(ids[0], "ebook", 0.25)

    runs = [("ebook 1600x2560", "ebook", 1.0, ids), ("square 2400x2400", "square", 1.0, ids)]
    runs.append(("ebook 3200x5120 (scale 2)", "ebook", 2.0, ids[:: max(1, len(ids) // args.scale2)][: args.scale2]))
    per_family: dict[str, list[float]] = defaultdict(list)
    print(f"{len(CATALOGUE)} templates; {len(ids)} rendered per format ({args.per_family} per family)\n")
    for label, fmt, scale, which in runs:
        totals, stages = [], defaultdict(list)
        for template_id in which:
            seconds, png, report = render_timed(template_id, fmt, scale)
            totals.append(seconds)
            for stage, value in report.timings.items():
                stages[stage].append(value)
            if fmt == "ebook" and scale == 1.0:
                per_family[CATALOGUE[template_id].family].append(seconds)
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                (args.out / f"{template_id}-{fmt}-{scale:g}.png").write_bytes(png)
        print(line(label, totals))
        split = "  ".join(f"{k} {statistics.median(v):.3f}" for k, v in stages.items())
        print(f"{'':<28} median stages: {split}")

    print("\nebook 1600x2560 per family:")
    for family, values in sorted(per_family.items()):
        print("  " + line(family, values))

    encoders()

    out = subprocess.run(
        [sys.executable, __file__, "--child"], capture_output=True, text=True, check=True, cwd=str(ROOT)
    )
    peak_mb = int(out.stdout.strip().splitlines()[-1]) / 1024
    print(f"\npeak RSS of a fresh process rendering ebook, square, ebook x2 and square x2: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
