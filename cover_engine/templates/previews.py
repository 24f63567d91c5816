"""Write a preview PNG of every template (and a contact sheet of them all) into a folder.

    python -m cover_engine.templates.previews OUTDIR [--scale 0.25] [--square] [--only ID,ID]

Previews are rendered by the engine from each template's sample book (samples.py), so they
are never committed: run this to (re)make them.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw

from . import CATALOGUE
from .samples import sample_book, sample_options

PREVIEW_SEED = 7


def render_preview(template_id: str, *, scale: float = 0.25, format: str = "ebook") -> bytes:
    from .. import recipe_for_book, render

    spec = CATALOGUE[template_id]
    recipe = recipe_for_book(sample_book(spec), sample_options(spec), seed=PREVIEW_SEED)
    return render(recipe, format=format, scale=scale)


def contact_sheet(images: list[tuple[str, bytes]], *, cell_width: int, columns: int, label: bool = True) -> Image.Image:
    """Covers side by side in a grid on a neutral grey, each with its id underneath."""
    opened = [(name, Image.open(io.BytesIO(data)).convert("RGB")) for name, data in images]
    if not opened:
        raise ValueError("no images for the contact sheet")
    cells = []
    for name, img in opened:
        height = round(img.height * cell_width / img.width)
        cells.append((name, img.resize((cell_width, height), Image.Resampling.LANCZOS)))
    cell_height = max(img.height for _, img in cells)
    gap, caption = max(8, cell_width // 20), (16 if label else 0)
    rows = (len(cells) + columns - 1) // columns
    sheet = Image.new(
        "RGB",
        (gap + columns * (cell_width + gap), gap + rows * (cell_height + caption + gap)),
        (118, 118, 122),
    )
    draw = ImageDraw.Draw(sheet)
    for i, (name, img) in enumerate(cells):
        x = gap + (i % columns) * (cell_width + gap)
        y = gap + (i // columns) * (cell_height + caption + gap)
        sheet.paste(img, (x, y))
        if label:
            draw.text((x, y + img.height + 2), name[: max(8, cell_width // 6)], fill=(245, 245, 245))
    return sheet


def write_previews(
    outdir: Path, *, scale: float = 0.25, formats: tuple[str, ...] = ("ebook",), ids: list[str] | None = None
) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    chosen = ids or list(CATALOGUE)
    for fmt in formats:
        rendered = []
        for template_id in chosen:
            png = render_preview(template_id, scale=scale, format=fmt)
            path = outdir / (f"{template_id}.png" if fmt == "ebook" else f"{template_id}.{fmt}.png")
            path.write_bytes(png)
            written.append(path)
            rendered.append((template_id, png))
        sheet = contact_sheet(rendered, cell_width=240 if fmt == "ebook" else 200, columns=10)
        sheet_path = outdir / f"_contact-{fmt}.png"
        sheet.save(sheet_path)
        thumbs = contact_sheet(rendered, cell_width=160 if fmt == "ebook" else 90, columns=12)
        thumbs_path = outdir / f"_contact-{fmt}-thumbs.png"
        thumbs.save(thumbs_path)
        written += [sheet_path, thumbs_path]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--scale", type=float, default=0.25)
    parser.add_argument("--square", action="store_true", help="also render the square audiobook format")
    parser.add_argument("--only", default="", help="comma-separated template ids")
    args = parser.parse_args(argv)
    ids = [i for i in args.only.split(",") if i] or None
    unknown = [i for i in ids or () if i not in CATALOGUE]
    if unknown:
        parser.error(f"unknown template ids: {', '.join(unknown)}")
    formats = ("ebook", "square") if args.square else ("ebook",)
    paths = write_previews(args.outdir, scale=args.scale, formats=formats, ids=ids)
    print(f"wrote {len(paths)} files to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
