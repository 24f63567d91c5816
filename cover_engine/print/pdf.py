"""Writing the wrap as the PDF a printer takes.

reportlab lays the page out: the art as one opaque 300 dpi image (no transparency anywhere, so
nothing is left to flatten), the back and spine type as vector text in embedded subset TrueType
fonts, the barcode as vector bars in 100% black. pikepdf then sets the TrimBox and BleedBox and,
for a CMYK printer, the PDF/X-1a:2001 identification with its OutputIntent.

CMYK: the art goes through Pillow's ImageCms with `profiles/FOGRA39L-TAC240.icc`, a profile
built with ArgyllCMS's colprof from the FOGRA39 measurement data that Debian ships in
icc-profiles-free (`scripts/build_cmyk_profile.sh` rebuilds it), with a 240% total ink limit in
its separation; every pixel is measured afterwards and any that still exceeds the printer's limit
has its C, M and Y scaled down (K kept) until it holds.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pikepdf
from PIL import Image, ImageCms
from reportlab.pdfgen import canvas as pdf_canvas

from .isbn import barcode_modules, isbn_hyphen_free_display
from .printers import Geometry
from .type import BodyStyle, ink_span, set_paragraphs, width_of

CMYK_PROFILE = Path(__file__).parent / "profiles" / "FOGRA39L-TAC240.icc"
OUTPUT_CONDITION = "FOGRA39"  # ISO 12647-2:2004/Amd 1, coated paper: the data the profile is built from
PT = 72.0
JPEG_QUALITY = 92
# Percent of ink the CMYK separation keeps below the limit for JPEG's rounding, tried in turn.
JPEG_INK_HEADROOM = (6, 12, 24)
# Finer for CMYK: its error adds up over four plates.
CMYK_JPEG_QUALITY = 96

# Back text sizes tried, largest first (points), and leading as a share of the size.
BACK_SIZES = (11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)
LEADING = 1.38
# Below this the spine stays bare even where the printer allows text: it would not read.
SPINE_MIN_SIZE = 5.0
# Barcode: an EAN-13 module of 0.33 mm is the 100% nominal size; 80% to 100% is usual on books.
MODULE_IN = 0.013
BAR_HEIGHT_IN = 0.75


@dataclass(frozen=True)
class PageText:
    title: str
    author: str
    back_text: str
    author_bio: str
    ink: str
    spine_ink: str
    body: BodyStyle
    isbn13: str | None
    price: str | None


@cache
def _rgb_to_cmyk() -> ImageCms.ImageCmsTransform:
    return ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"),
        ImageCms.getOpenProfile(str(CMYK_PROFILE)),
        "RGB",
        "CMYK",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
    )


def separate(image: np.ndarray) -> np.ndarray:
    """RGB pixels to CMYK (0-255 each) through the profile."""
    return np.asarray(ImageCms.applyTransform(Image.fromarray(image), _rgb_to_cmyk()))


def hold_ink(cmyk: np.ndarray, limit: float) -> tuple[Image.Image, float]:
    """CMYK pixels with any total over `limit` percent brought down to it (C, M, Y scaled, K kept)."""
    cap = int(limit * 255 / 100)
    shape = cmyk.shape
    total = _coverage(cmyk)
    over = total > cap
    if not over.any():
        return Image.fromarray(cmyk, mode="CMYK"), ink_of(cmyk)
    flat = cmyk.reshape(-1, 4)
    held = flat.copy()
    # Only the pixels over the cap are rescaled (the deepest shadows, usually a small share):
    # C, M and Y by one factor each, floored so that the total stays at or under the cap.
    index = np.flatnonzero(over)
    pixels = flat[index].astype(np.float32)
    room = np.maximum(cap - pixels[:, 3], 0)
    scale = room / np.maximum(pixels[:, :3].sum(axis=1), 1)
    held[index, :3] = np.floor(pixels[:, :3] * scale[:, None]).astype(np.uint8)
    held = held.reshape(shape)
    return Image.fromarray(held, mode="CMYK"), ink_of(held)


def to_cmyk(image: np.ndarray, limit: float) -> tuple[Image.Image, float]:
    """The image in CMYK through the profile, ink held at `limit` percent; returns it and its max ink."""
    return hold_ink(separate(image), limit)


def _hex_rgb01(value: str) -> tuple[float, float, float]:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _fill(c: pdf_canvas.Canvas, colour: str, cmyk: bool) -> None:
    if not cmyk:
        c.setFillColorRGB(*_hex_rgb01(colour))
        return
    pixel = np.array([[[int(v * 255) for v in _hex_rgb01(colour)]]], dtype=np.uint8)
    converted, _ = to_cmyk(pixel, 240)
    c_, m, y, k = (v / 255 for v in converted.getpixel((0, 0)))
    c.setFillColorCMYK(c_, m, y, k)


def _black(c: pdf_canvas.Canvas, cmyk: bool) -> None:
    # 100% K: one plate, crisp bars (a rich black would misregister at bar widths).
    if cmyk:
        c.setFillColorCMYK(0, 0, 0, 1)
    else:
        c.setFillColorRGB(0, 0, 0)


def _white(c: pdf_canvas.Canvas, cmyk: bool) -> None:
    if cmyk:
        c.setFillColorCMYK(0, 0, 0, 0)
    else:
        c.setFillColorRGB(1, 1, 1)


def _y(g: Geometry, top_in: float) -> float:
    """PDF y (points from the bottom) of a distance in inches from the top."""
    return (g.height - top_in) * PT


def _draw_spine(c: pdf_canvas.Canvas, g: Geometry, page: PageText, cmyk: bool) -> bool:
    if not g.spine_text_allowed:
        return False
    x, y, w, h = g.spine_text_box
    if w <= 0.05:
        return False
    title_font, text_font = page.body.title_face, page.body.text_face
    gap = 0.3 * PT

    runs = ((title_font, page.title, 1.0), (text_font, page.author, 0.78))
    # The glyphs' full height (above and below the shared axis) fits the spine between its margins.
    reach = max(sum(ink_span(f, t)) * share for f, t, share in runs)
    size = min(20.0, w * PT / reach) if reach else 20.0
    while size >= SPINE_MIN_SIZE:
        length = width_of(page.title, title_font, size) + gap + width_of(page.author, text_font, size * 0.78)
        if length <= h * PT:
            break
        size -= 0.25
    else:
        return False
    c.saveState()
    _fill(c, page.spine_ink, cmyk)
    # Read from the top down (the US/UK convention): rotate so that +x runs down the spine.
    cx = (x + w / 2) * PT
    c.translate(cx, _y(g, y + h / 2))
    c.rotate(-90)
    start = -length / 2

    # One baseline for both, placed so that the title's glyphs sit centred across the spine.
    above, below = ink_span(title_font, page.title)
    baseline = -(above - below) / 2 * size
    c.setFont(title_font, size)
    c.drawString(start, baseline, page.title)
    c.setFont(text_font, size * 0.78)
    c.drawString(start + width_of(page.title, title_font, size) + gap, baseline, page.author)
    c.restoreState()
    return True


def _draw_back(c: pdf_canvas.Canvas, g: Geometry, page: PageText, cmyk: bool) -> float | None:
    """The back: the title as a headline in the cover's title face, then the blurb and the author's
    note in the text face, flush left, as one block placed a little above the middle of the space
    over the barcode box (optical centre). Returns the text size used, None if nothing fits."""
    sx, sy, sw, _sh = g.safe(g.back)
    bottom = g.barcode_box[1] - 0.2
    available = (bottom - sy) * PT
    # A comfortable measure: at most about 4.6 inches, centred on the panel.
    measure = min(sw, 4.6) * PT
    left = (sx + (sw - measure / PT) / 2) * PT
    font, title_font = page.body.text_face, page.body.title_face
    paragraphs = [p.strip() for p in page.back_text.replace("\r", "").split("\n\n") if p.strip()]
    bio = page.author_bio
    for size in BACK_SIZES:
        lead = size * LEADING
        head = min(size * 2.1, 30.0)
        while head > size and width_of(page.title, title_font, head) > measure:
            head -= 0.5
        blocks = set_paragraphs(paragraphs, font=font, size=size, measure=measure)
        bio_lines = set_paragraphs([bio], font=font, size=size * 0.88, measure=measure) if bio else []
        height = head * 1.9
        height += sum(len(b) for b in blocks) * lead + max(0, len(blocks) - 1) * lead * 0.6
        if bio_lines:
            height += lead * 1.6 + len(bio_lines[0]) * size * 0.88 * LEADING
        if height <= available:
            break
    else:
        return None
    _fill(c, page.ink, cmyk)
    cursor = sy * PT + (available - height) * 0.38  # from the top of the page, in points
    top = g.height * PT
    c.setFont(title_font, head)
    cursor += head
    c.drawString(left, top - cursor, page.title)
    cursor += head * 0.45
    c.rect(left, top - cursor, min(measure * 0.18, 0.9 * PT), 0.8, stroke=0, fill=1)
    cursor += head * 0.45
    for block in blocks:
        c.setFont(font, size)
        for line in block:
            cursor += lead
            c.drawString(left, top - cursor, line)
        cursor += lead * 0.6
    if bio_lines:
        cursor += lead
        c.setFont(font, size * 0.88)
        for line in bio_lines[0]:
            cursor += size * 0.88 * LEADING
            c.drawString(left, top - cursor, line)
    return size


def _draw_barcode(c: pdf_canvas.Canvas, g: Geometry, page: PageText, cmyk: bool) -> None:
    if not page.isbn13:
        return
    modules = barcode_modules(page.isbn13, page.price)
    bx, by, bw, bh = g.barcode_box
    module = min(MODULE_IN, bw / modules.total)
    text_size = module * 9 * PT  # digits about 9 modules tall
    symbol_w = modules.total * module
    bar_h = min(BAR_HEIGHT_IN, bh - 2 * text_size / PT - 0.08)
    symbol_h = bar_h + 2.2 * text_size / PT + 0.06
    left = bx + (bw - symbol_w) / 2
    top = by + (bh - symbol_h) / 2
    # The white ground: the whole box, so the quiet zones are clean whatever the art does.
    _white(c, cmyk)
    c.rect(bx * PT, _y(g, by + bh), bw * PT, bh * PT, stroke=0, fill=1)
    _black(c, cmyk)
    font = page.body.text_face
    c.setFont(font, text_size * 0.9)
    c.drawString((left + 11 * module) * PT, _y(g, top + text_size / PT * 0.9), isbn_hyphen_free_display(page.isbn13))
    bars_top = top + 1.2 * text_size / PT
    guard_extra = 5 * module
    guard_starts = {start for start, _w in modules.guards}
    for start, width in modules.main:
        extra = guard_extra if start in guard_starts else 0.0
        c.rect(
            (left + start * module) * PT,
            _y(g, bars_top + bar_h + extra),
            width * module * PT,
            (bar_h + extra) * PT,
            stroke=0,
            fill=1,
        )
    c.setFont(font, text_size)
    digits_y = _y(g, bars_top + bar_h + text_size / PT)
    q = 11
    c.drawString((left + (q - 8) * module) * PT, digits_y, page.isbn13[0])
    c.drawCentredString((left + (q + 3 + 21) * module) * PT, digits_y, page.isbn13[1:7])
    c.drawCentredString((left + (q + 50 + 21) * module) * PT, digits_y, page.isbn13[7:])
    if page.price:
        addon_top = bars_top + text_size / PT * 1.1
        addon_h = bar_h - text_size / PT * 1.1 + guard_extra
        for start, width in modules.addon:
            c.rect(
                (left + start * module) * PT,
                _y(g, addon_top + addon_h),
                width * module * PT,
                addon_h * PT,
                stroke=0,
                fill=1,
            )
        c.drawCentredString((left + (modules.addon_start + 23.5) * module) * PT, _y(g, addon_top - 0.02), page.price)


def ink_of(cmyk: np.ndarray) -> float:
    """The highest total area coverage of CMYK pixels (0-255 each), in percent."""
    return float(_coverage(cmyk).max()) * 100 / 255


def _coverage(cmyk: np.ndarray) -> np.ndarray:
    """Per pixel C + M + Y + K (0-1020), flattened: four plane additions, much faster than a sum
    over numpy's last axis of length four."""
    flat = cmyk.reshape(-1, 4)
    total = flat[:, 0].astype(np.uint16)
    for plate in (1, 2, 3):
        total += flat[:, plate]
    return total


@dataclass(frozen=True)
class Art:
    data: bytes
    lossless: bool  # Flate-compressed raw samples instead of a JPEG
    headroom: int = 0  # percent of ink the separation kept free for JPEG's rounding


def _cmyk_art(image: np.ndarray, limit: int, dpi: float) -> tuple[Art, float]:
    """The art as a CMYK JPEG whose decoded pixels hold the ink limit (JPEG's rounding can push a
    pixel at the limit over it: the separation leaves headroom, and the file is measured after
    encoding; should it still exceed, the art is stored losslessly instead)."""
    separated = separate(image)
    for headroom in JPEG_INK_HEADROOM:
        converted, _ = hold_ink(separated, limit - headroom)
        art = io.BytesIO()
        converted.save(art, format="JPEG", quality=CMYK_JPEG_QUALITY, subsampling=0, dpi=(dpi, dpi))
        measured = ink_of(np.asarray(Image.open(io.BytesIO(art.getvalue()))))
        if measured <= limit:
            return Art(art.getvalue(), lossless=False, headroom=headroom), measured
    exact, measured = hold_ink(separated, limit)
    return Art(zlib.compress(exact.tobytes(), 6), lossless=True, headroom=0), measured


def write_pdf(
    image: np.ndarray, *, geometry: Geometry, dpi: float, page: PageText, proof_dpi: float
) -> tuple[bytes, bytes, dict]:
    """The print PDF, and the same page with its art at `proof_dpi` (in RGB) for drawing the proof:
    rasterising the full file would decode the whole 300 dpi art to show it at a fifth of that."""
    g = geometry
    cmyk = g.rules.colour == "CMYK"
    placed: dict = {}
    if cmyk:
        art, placed["max_ink"] = _cmyk_art(image, g.rules.ink_limit or 400, dpi)
        placed["ink_headroom"] = art.headroom
    else:
        encoded = io.BytesIO()
        Image.fromarray(image).save(encoded, format="JPEG", quality=JPEG_QUALITY, subsampling=0, dpi=(dpi, dpi))
        art = Art(encoded.getvalue(), lossless=False)
    out = io.BytesIO()
    # The initial font is one we embed: reportlab otherwise names an unembedded Helvetica on the page.
    c = pdf_canvas.Canvas(
        out,
        pagesize=(g.width * PT, g.height * PT),
        pageCompression=1,
        invariant=1,
        initialFontName=page.body.text_face,
    )
    c.setTitle(page.title)
    c.setAuthor(page.author)
    c.setCreator("book cover service, print wrap")
    placed["spine_text"] = _draw_spine(c, g, page, cmyk)
    placed["back_size"] = _draw_back(c, g, page, cmyk) if page.back_text or page.author_bio else None
    _draw_barcode(c, g, page, cmyk)
    c.showPage()
    c.save()
    proof_size = (max(1, round(g.width * proof_dpi)), max(1, round(g.height * proof_dpi)))
    small = Image.fromarray(image).resize(proof_size, Image.Resampling.BOX)
    preview = io.BytesIO()
    small.save(preview, format="JPEG", quality=90)
    proof_pdf = _finish(out.getvalue(), g, False, Art(preview.getvalue(), lossless=False), (small.height, small.width))
    return _finish(out.getvalue(), g, cmyk, art, image.shape), proof_pdf, placed


def _place_art(pdf: pikepdf.Pdf, page: pikepdf.Page, encoded: Art, shape: tuple, g: Geometry, cmyk: bool) -> None:
    """The art as the page's first drawing, its bytes as they are (reportlab would wrap them in
    ASCII85 in pure Python: seconds for a CMYK wrap)."""
    art = pikepdf.Stream(pdf, encoded.data)
    art.Type = pikepdf.Name.XObject
    art.Subtype = pikepdf.Name.Image
    art.Width, art.Height = shape[1], shape[0]
    art.BitsPerComponent = 8
    art.Filter = pikepdf.Name.FlateDecode if encoded.lossless else pikepdf.Name.DCTDecode
    if cmyk:
        art.ColorSpace = pikepdf.Name.DeviceCMYK
        if not encoded.lossless:
            # Pillow writes Adobe JPEGs, whose CMYK is stored inverted.
            art.Decode = pikepdf.Array([1, 0, 1, 0, 1, 0, 1, 0])
    else:
        art.ColorSpace = pikepdf.Name.DeviceRGB
    resources = page.obj.Resources
    if "/XObject" not in resources:
        resources.XObject = pikepdf.Dictionary()
    resources.XObject.Art = art
    draw = f"q {g.width * PT:.4f} 0 0 {g.height * PT:.4f} 0 0 cm /Art Do Q\n".encode()
    page.contents_add(pikepdf.Stream(pdf, draw), prepend=True)


def _finish(data: bytes, g: Geometry, cmyk: bool, art: Art, shape: tuple) -> bytes:
    """The art, the boxes, and for CMYK the PDF/X-1a:2001 identification and OutputIntent."""
    pdf = pikepdf.open(io.BytesIO(data))
    page = pdf.pages[0]
    _place_art(pdf, page, art, shape, g, cmyk)
    tx, ty, tw, th = g.trim_box
    page.obj.TrimBox = pikepdf.Array([tx * PT, (g.height - ty - th) * PT, (tx + tw) * PT, (g.height - ty) * PT])
    page.obj.BleedBox = pikepdf.Array([0, 0, g.width * PT, g.height * PT])
    if cmyk:
        profile = pikepdf.Stream(pdf, CMYK_PROFILE.read_bytes())
        profile.N = 4
        pdf.Root.OutputIntents = pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.OutputIntent,
                    S=pikepdf.Name.GTS_PDFX,
                    OutputConditionIdentifier=OUTPUT_CONDITION,
                    OutputCondition="Offset commercial printing, coated paper (FOGRA39), TAC 240%",
                    RegistryName="http://www.color.org",
                    Info="FOGRA39L coated, built from icc-profiles-free data, total ink 240%",
                    DestOutputProfile=profile,
                )
            ]
        )
        pdf.docinfo[pikepdf.Name.GTS_PDFXVersion] = "PDF/X-1:2001"
        pdf.docinfo[pikepdf.Name.GTS_PDFXConformance] = "PDF/X-1a:2001"
        pdf.docinfo[pikepdf.Name.Trapped] = pikepdf.Name("/False")
    out = io.BytesIO()
    # Decoding the generalized filters drops reportlab's ASCII85 layer (a quarter of the art's size);
    # the art stays the JPEG it was.
    pdf.save(
        out,
        force_version="1.3" if cmyk else "1.4",
        deterministic_id=True,
        stream_decode_level=pikepdf.StreamDecodeLevel.generalized,
    )
    return out.getvalue()
