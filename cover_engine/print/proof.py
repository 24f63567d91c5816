"""The proof: the wrap as the printer will read it (the PDF rasterised by PDFium), with guides.

Guides: the bleed or turn-in outside the trim tinted red, the trim in solid cyan, the folds (spine
edges, hardcover hinges) dashed magenta, the safe area dashed green, the barcode box in orange;
a legend band under the picture names them and the target. Problems found by preflight are
drawn on the same proof as red rectangles with their rule's name.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from .printers import Geometry

PROOF_DPI = 60
CYAN, MAGENTA, GREEN, ORANGE, RED = (0, 190, 230), (230, 0, 150), (40, 200, 90), (255, 150, 0), (235, 30, 30)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    import fontpkg

    return ImageFont.truetype(str(fontpkg.path("inter", weight=500, nearest=True)), size)


def rasterise(pdf: bytes, dpi: float) -> Image.Image:
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        bitmap = page.render(scale=dpi / 72.0)
        return bitmap.to_pil().convert("RGB")
    finally:
        doc.close()


def _dashed_rect(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], colour, dash: int = 6) -> None:
    x0, y0, x1, y1 = box
    for a, b, horizontal, fixed in ((x0, x1, True, y0), (x0, x1, True, y1), (y0, y1, False, x0), (y0, y1, False, x1)):
        pos = a
        while pos < b:
            end = min(pos + dash, b)
            draw.line(
                [(pos, fixed), (end, fixed)] if horizontal else [(fixed, pos), (fixed, end)], fill=colour, width=1
            )
            pos += 2 * dash


def _dashed_vline(draw: ImageDraw.ImageDraw, x: float, y0: float, y1: float, colour, dash: int = 6) -> None:
    _dashed_rect(draw, (x, y0, x, y1), colour, dash)


def draw_guides(image: Image.Image, g: Geometry, dpi: float, marks: Sequence[tuple[str, tuple]] = ()) -> Image.Image:
    """Guides (and preflight marks: (label, (x, y, w, h) in inches)) over the wrap, with a legend."""
    px = lambda v: v * dpi  # noqa: E731
    # Guides are drawn where the target puts them: a file of another size is shown stretched to it.
    size = (round(g.width * dpi), round(g.height * dpi))
    if image.size != size:
        image = image.resize(size)
    legend_h = 46
    out = Image.new("RGB", (image.width, image.height + legend_h), (250, 250, 248))
    out.paste(image, (0, 0))
    tint = Image.new("RGBA", image.size, (0, 0, 0, 0))
    td = ImageDraw.Draw(tint)
    tx, ty, tw, th = g.trim_box
    red = (235, 40, 40, 70)
    td.rectangle([0, 0, image.width, px(ty)], fill=red)
    td.rectangle([0, px(ty + th), image.width, image.height], fill=red)
    td.rectangle([0, px(ty), px(tx), px(ty + th)], fill=red)
    td.rectangle([px(tx + tw), px(ty), image.width, px(ty + th)], fill=red)
    bx, by, bw, bh = g.barcode_box
    td.rectangle([px(bx), px(by), px(bx + bw), px(by + bh)], fill=(255, 150, 0, 40))
    out.paste(Image.alpha_composite(image.convert("RGBA"), tint).convert("RGB"), (0, 0))
    d = ImageDraw.Draw(out)
    d.rectangle([px(tx), px(ty), px(tx + tw), px(ty + th)], outline=CYAN, width=2)
    for x in g.folds:
        _dashed_vline(d, px(x), 0, image.height, MAGENTA)
    for panel in (g.back, g.front):
        sx, sy, sw, sh = g.safe(panel)
        _dashed_rect(d, (px(sx), px(sy), px(sx + sw), px(sy + sh)), GREEN)
    if g.spine_text_allowed:
        sx, sy, sw, sh = g.spine_text_box
        _dashed_rect(d, (px(sx), px(sy), px(sx + sw), px(sy + sh)), GREEN, dash=3)
    d.rectangle([px(bx), px(by), px(bx + bw), px(by + bh)], outline=ORANGE, width=2)
    font = _font(11)
    for label, (mx, my, mw, mh) in marks:
        d.rectangle([px(mx), px(my), px(mx + mw), px(my + mh)], outline=RED, width=3)
        d.text((px(mx) + 3, px(my) + 2), label, fill=RED, font=font)
    y = image.height + 8
    x = 8
    t = g.target
    spine = f"spine {g.spine:.4f} in" + ("" if g.spine_text_allowed else " (no spine text under this page count)")
    d.text((x, y), f"{g.rules.name} {t.binding} {t.trim} in, {t.pages} pages, {t.paper}: "
                   f"{g.width:.3f} x {g.height:.3f} in, {spine}", fill=(20, 20, 20), font=font)  # fmt: skip
    y += 18
    for colour, label in (
        (RED, "bleed / turn-in"),
        (CYAN, "trim"),
        (MAGENTA, "folds"),
        (GREEN, "safe area"),
        (ORANGE, "barcode box"),
    ):
        d.rectangle([x, y + 3, x + 10, y + 11], fill=colour)
        d.text((x + 14, y), label, fill=(20, 20, 20), font=font)
        x += 22 + int(d.textlength(label, font=font))
    return out


def proof_png(pdf: bytes, *, geometry: Geometry, dpi: float = PROOF_DPI, marks: Sequence = ()) -> bytes:
    image = draw_guides(rasterise(pdf, dpi), geometry, dpi, marks)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
