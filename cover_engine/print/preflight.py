"""Preflight: a cover file (PDF, PNG or JPEG) checked against a printer's rules for one target.

    preflight(data, geometry, isbn=None) -> Report(passed, checks, proof)

Each check says its rule, whether it passed, what was measured, what was expected and where
(a place on the wrap, in inches from its top-left corner, when the problem has one: the proof
marks it). PDFs are read with pikepdf (boxes, fonts, images and the transform each is drawn
with), PDFium (where each character sits) and zxing-cpp (the barcode, on the page rendered at
300 dpi); PNG/JPEG with Pillow. Text positions cannot be read from a picture, so the text rules
are reported as not applicable for PNG/JPEG rather than passed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import zxingcpp
from PIL import Image

from ..errors import EngineError
from .pdf import ink_of
from .printers import Geometry
from .proof import PROOF_DPI, draw_guides, rasterise

SIZE_TOLERANCE = 0.01  # inches; printers reject a wrap a spine's rounding away from theirs
MIN_DPI_TOLERANCE = 0.5
BARCODE_DPI = 300
MAX_PIXELS = 12000 * 9000  # an upload larger than this is refused, not decoded


@dataclass
class Check:
    rule: str
    passed: bool | None  # None: not applicable to this kind of file
    measured: str
    expected: str
    where: str = "page"
    box: tuple[float, float, float, float] | None = None  # inches, for the proof's marks

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "passed": self.passed,
            "measured": self.measured,
            "expected": self.expected,
            "where": self.where,
        }


@dataclass
class Report:
    checks: list[Check] = field(default_factory=list)
    proof: bytes = b""

    @property
    def passed(self) -> bool:
        return all(c.passed is not False for c in self.checks)

    def to_dict(self) -> dict:
        return {"passed": self.passed, "checks": [c.to_dict() for c in self.checks]}


def _fmt(v: float) -> str:
    return f"{v:.3f} in"


def _where(box: tuple[float, float, float, float]) -> str:
    x, y, w, h = box
    return f"x {x:.2f}-{x + w:.2f} in, y {y:.2f}-{y + h:.2f} in"


def _intersects(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _inside(a, b, slack: float = 0.005) -> bool:
    return (
        a[0] >= b[0] - slack
        and a[1] >= b[1] - slack
        and a[0] + a[2] <= b[0] + b[2] + slack
        and a[1] + a[3] <= b[1] + b[3] + slack
    )


# --- size and boxes ------------------------------------------------------------------------------


def _size_check(width: float, height: float, g: Geometry) -> Check:
    ok = abs(width - g.width) <= SIZE_TOLERANCE and abs(height - g.height) <= SIZE_TOLERANCE
    return Check(
        "page_size",
        ok,
        f"{width:.3f} x {height:.3f} in",
        f"{g.width:.3f} x {g.height:.3f} in (2 x trim + spine {g.spine:.4f} in + bleed or wrap), "
        f"within {SIZE_TOLERANCE} in",
    )


def _box_checks(page: pikepdf.Page, g: Geometry, height_pt: float) -> list[Check]:
    checks = []
    tx, ty, tw, th = g.trim_box
    if "/TrimBox" in page.obj:
        x0, y0, x1, y1 = (float(v) / 72 for v in page.obj.TrimBox)
        measured = (x0, g.height - y1, x1 - x0, y1 - y0)
        ok = all(abs(a - b) <= SIZE_TOLERANCE for a, b in zip(measured, (tx, ty, tw, th), strict=True))
        checks.append(Check("trim_box", ok, _where(measured), _where((tx, ty, tw, th))))
    else:
        checks.append(Check("trim_box", False, "no TrimBox", _where((tx, ty, tw, th))))
    media = [float(v) / 72 for v in page.obj.MediaBox]
    if "/BleedBox" in page.obj:
        x0, y0, x1, y1 = (float(v) / 72 for v in page.obj.BleedBox)
        ok = x0 <= media[0] + 0.001 and y0 <= media[1] + 0.001 and x1 >= media[2] - 0.001 and y1 >= media[3] - 0.001
        checks.append(Check("bleed_box", ok, f"{x1 - x0:.3f} x {y1 - y0:.3f} in", "the whole page (bleed included)"))
    else:
        checks.append(Check("bleed_box", False, "no BleedBox", "the whole page (bleed included)"))
    return checks


# --- fonts ---------------------------------------------------------------------------------------


def _fonts(resources: pikepdf.Dictionary, seen: set) -> list[tuple[str, bool]]:
    found = []
    fonts = resources.get("/Font") or {}
    for _name, font in fonts.items():
        if font.objgen in seen and font.objgen != (0, 0):
            continue
        seen.add(font.objgen)
        base = str(font.get("/BaseFont", "?"))
        descendants = font.get("/DescendantFonts")
        target = descendants[0] if descendants else font
        descriptor = target.get("/FontDescriptor")
        embedded = descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        if str(font.get("/Subtype")) == "/Type3":
            embedded = True  # drawn by the file itself
        found.append((base.lstrip("/"), embedded))
    for _name, xobject in (resources.get("/XObject") or {}).items():
        if str(xobject.get("/Subtype")) == "/Form" and "/Resources" in xobject:
            found += _fonts(xobject.Resources, seen)
    return found


def _font_check(page: pikepdf.Page) -> Check:
    fonts = _fonts(page.obj.get("/Resources") or pikepdf.Dictionary(), set())
    missing = [name for name, embedded in fonts if not embedded]
    return Check(
        "fonts_embedded",
        not missing,
        f"{len(fonts)} fonts, not embedded: {', '.join(missing)}" if missing else f"{len(fonts)} fonts, all embedded",
        "every font embedded",
    )


# --- images: resolution, colour, ink -----------------------------------------------------------------


def _matmul(a, b):
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def _placed_images(page: pikepdf.Page, height_in: float) -> list[tuple[pikepdf.Stream, tuple, float]]:
    """Each image drawn on the page: (stream, box in inches from the top-left, effective ppi)."""
    xobjects = (page.obj.get("/Resources") or {}).get("/XObject") or {}
    placed = []
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack = []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "q":
            stack.append(ctm)
        elif op == "Q" and stack:
            ctm = stack.pop()
        elif op == "cm":
            ctm = _matmul([float(v) for v in operands], ctm)
        elif op == "Do":
            xobject = xobjects.get(str(operands[0]))
            if xobject is None or str(xobject.get("/Subtype")) != "/Image":
                continue
            w_in = (ctm[0] ** 2 + ctm[1] ** 2) ** 0.5 / 72
            h_in = (ctm[2] ** 2 + ctm[3] ** 2) ** 0.5 / 72
            if w_in <= 0 or h_in <= 0:
                continue
            ppi = min(int(xobject.Width) / w_in, int(xobject.Height) / h_in)
            x, y_bottom = ctm[4] / 72, ctm[5] / 72
            placed.append((xobject, (x, height_in - y_bottom - h_in, w_in, h_in), ppi))
    return placed


def _cmyk_pixels(image: pikepdf.Stream) -> np.ndarray | None:
    filters = image.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) else [str(filters)] if filters else []
    if names == ["/DCTDecode"]:
        # Pillow reads an Adobe JPEG's inverted CMYK back to ink values.
        return np.asarray(Image.open(io.BytesIO(image.read_raw_bytes())).convert("CMYK"))
    pil = pikepdf.PdfImage(image).as_pil_image()
    return np.asarray(pil) if pil.mode == "CMYK" else None


def _colour_name(image: pikepdf.Stream) -> str:
    space = image.get("/ColorSpace")
    if isinstance(space, pikepdf.Array):
        if str(space[0]) == "/ICCBased":
            return {1: "gray", 3: "rgb", 4: "cmyk"}.get(int(space[1].get("/N", 0)), "icc")
        return str(space[0]).lstrip("/").lower()
    return {"/DeviceRGB": "rgb", "/DeviceCMYK": "cmyk", "/DeviceGray": "gray"}.get(str(space), str(space))


def _image_checks(page: pikepdf.Page, g: Geometry) -> list[Check]:
    placed = _placed_images(page, g.height)
    checks = []
    if placed:
        worst = min(placed, key=lambda p: p[2])
        checks.append(
            Check(
                "image_resolution",
                worst[2] >= g.rules.min_dpi - MIN_DPI_TOLERANCE,
                f"{worst[2]:.0f} ppi (lowest of {len(placed)} images)",
                f"at least {g.rules.min_dpi} ppi",
                _where(worst[1]),
                worst[1],
            )
        )
    else:
        checks.append(Check("image_resolution", True, "no images", f"at least {g.rules.min_dpi} ppi"))
    if g.rules.colour == "CMYK":
        content = b"".join(
            pikepdf.unparse_content_stream([(o, op)]) + b"\n"
            for o, op in pikepdf.parse_content_stream(page)
            if str(op) in ("rg", "RG")
        )
        spaces = sorted({_colour_name(img) for img, _box, _ppi in placed})
        rgb = [s for s in spaces if s not in ("cmyk", "gray")]
        rgb_vectors = bool(content)
        measured = ", ".join(spaces) or "no images"
        if rgb_vectors:
            measured += "; RGB fills in the page"
        checks.append(Check("colour_space", not rgb and not rgb_vectors, measured, "CMYK (or gray) only"))
        worst_ink, where = 0.0, None
        for image, box, _ppi in placed:
            pixels = _cmyk_pixels(image)
            if pixels is not None:
                ink = ink_of(pixels)
                if ink > worst_ink:
                    worst_ink, where = ink, box
        limit = g.rules.ink_limit or 400
        checks.append(
            Check(
                "ink_coverage",
                worst_ink <= limit + 0.5,
                f"{worst_ink:.1f}% at most",
                f"at most {limit}% total ink",
                _where(where) if where else "page",
                where if worst_ink > limit + 0.5 else None,
            )
        )
    return checks


def _pdfx_check(pdf: pikepdf.Pdf, g: Geometry) -> Check | None:
    if g.rules.pdf_flavour != "PDF/X-1a:2001":
        return None
    intents = pdf.Root.get("/OutputIntents") or []
    has_intent = any(str(i.get("/S")) == "/GTS_PDFX" and "/DestOutputProfile" in i for i in intents)
    version = str(pdf.docinfo.get("/GTS_PDFXVersion", "")) if pdf.docinfo else ""
    conformance = str(pdf.docinfo.get("/GTS_PDFXConformance", "")) if pdf.docinfo else ""
    ok = has_intent and version.startswith("PDF/X-1") and "PDF/X-1a" in conformance
    measured = f"{conformance or version or 'no PDF/X identification'}" + ("" if has_intent else ", no OutputIntent")
    return Check("pdfx", ok, measured, "PDF/X-1a:2001 with a GTS_PDFX OutputIntent")


# --- text and barcode ----------------------------------------------------------------------------


def characters(data: bytes, height_in: float) -> list[tuple[str, tuple[float, float, float, float]]]:
    doc = pdfium.PdfDocument(data)
    try:
        text = doc[0].get_textpage()
        chars = []
        for i in range(text.count_chars()):
            ch = text.get_text_range(i, 1)
            if not ch.strip():
                continue
            left, bottom, right, top = text.get_charbox(i)
            chars.append((ch, (left / 72, height_in - top / 72, (right - left) / 72, (top - bottom) / 72)))
        return chars
    finally:
        doc.close()


def _bounds(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    return (x0, y0, x1 - x0, y1 - y0)


def _barcodes(image: Image.Image, dpi: float) -> list[tuple[str, str, tuple[float, float, float, float]]]:
    found = []
    for result in zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormat.EAN13, ean_add_on_symbol=zxingcpp.EanAddOnSymbol.Read
    ):
        pos = result.position
        xs = [pos.top_left.x, pos.top_right.x, pos.bottom_left.x, pos.bottom_right.x]
        ys = [pos.top_left.y, pos.top_right.y, pos.bottom_left.y, pos.bottom_right.y]
        box = (min(xs) / dpi, min(ys) / dpi, (max(xs) - min(xs)) / dpi, max((max(ys) - min(ys)) / dpi, 0.01))
        found.append((result.text[:13], result.extra.get("EanAddOn", "") if result.extra else "", box))
    # A symbol with an add-on is also read without it: keep one reading per code, the fuller one.
    best: dict[str, tuple[str, str, tuple]] = {}
    for code, addon, box in found:
        if code not in best or len(addon) > len(best[code][1]):
            best[code] = (code, addon, box)
    return list(best.values())


def _text_checks(chars, g: Geometry, barcodes) -> list[Check]:
    checks = []
    allowed = [g.safe(g.back), g.safe(g.front)]
    if g.spine_text_allowed:
        allowed.append(g.spine_text_box)
    barcode_box = g.barcode_box
    outside = [b for _c, b in chars if not any(_inside(b, a) for a in allowed) and not _inside(b, barcode_box)]
    checks.append(
        Check(
            "text_in_safe_area",
            not outside,
            f"{len(outside)} characters outside" if outside else f"{len(chars)} characters inside",
            f"text {g.binding_rules.safe} in inside the trim and folds",
            _where(_bounds(outside)) if outside else "page",
            _bounds(outside) if outside else None,
        )
    )
    fold_zone = g.binding_rules.spine_margin
    slack = 0.005
    near = fold_zone - slack
    in_folds = [b for _c, b in chars if any(b[0] < x + near and b[0] + b[2] > x - near for x in g.folds)]
    checks.append(
        Check(
            "text_off_folds",
            not in_folds,
            f"{len(in_folds)} characters across a fold" if in_folds else "none",
            f"no text within {fold_zone} in of a fold",
            _where(_bounds(in_folds)) if in_folds else "folds",
            _bounds(in_folds) if in_folds else None,
        )
    )
    in_box = [b for _c, b in chars if _intersects(b, barcode_box)]
    # The barcode's own digits are the only text allowed there, and only with a barcode under them.
    barcode_here = any(_intersects(box, barcode_box) for _i, _a, box in barcodes)
    stray = in_box if not barcode_here else []
    checks.append(
        Check(
            "barcode_box_clear",
            not stray,
            f"{len(stray)} characters in the box" if stray else ("the barcode" if barcode_here else "empty"),
            "nothing but the barcode in the barcode box",
            _where(barcode_box),
            barcode_box if stray else None,
        )
    )
    sx, sy, sw, sh = g.spine_box
    on_spine = [b for _c, b in chars if _intersects(b, (sx, sy, sw, sh))]
    if not g.spine_text_allowed:
        checks.append(
            Check(
                "spine_text_minimum",
                not on_spine,
                f"{len(on_spine)} characters on the spine" if on_spine else "no spine text",
                f"no spine text under {g.binding_rules.spine_text_min_pages} pages",
                _where(g.spine_box),
                g.spine_box if on_spine else None,
            )
        )
    else:
        checks.append(
            Check(
                "spine_text_minimum",
                True,
                f"{g.target.pages} pages",
                f"spine text allowed from {g.binding_rules.spine_text_min_pages} pages",
                _where(g.spine_box),
            )
        )
    return checks


def _barcode_check(barcodes, isbn13: str | None, g: Geometry) -> Check | None:
    if not isbn13:
        return None
    read = [(code, addon) for code, addon, box in barcodes if _intersects(box, g.barcode_box)]
    ok = any(code == isbn13 for code, _addon in read)
    measured = ", ".join(code + (f" + {addon}" if addon else "") for code, addon in read) or "no barcode read"
    return Check(
        "barcode_isbn",
        ok,
        measured,
        f"EAN-13 {isbn13} in the barcode box",
        _where(g.barcode_box),
        None if ok else g.barcode_box,
    )


# --- entry points -------------------------------------------------------------------------------------


def _sniff(data: bytes) -> str:
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if data[:3] == b"\xff\xd8\xff":
        return "jpeg"
    raise EngineError("the file is not a PDF, PNG or JPEG", code="file_type_unsupported")


def _preflight_pdf(data: bytes, g: Geometry, isbn13: str | None) -> tuple[list[Check], Image.Image]:
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as exc:
        raise EngineError(f"the PDF cannot be read: {exc}", code="file_unreadable") from None
    with pdf:
        if len(pdf.pages) != 1:
            checks = [Check("single_page", False, f"{len(pdf.pages)} pages", "one page: the whole wrap")]
        else:
            checks = []
        page = pdf.pages[0]
        x0, y0, x1, y1 = (float(v) / 72 for v in page.obj.MediaBox)
        width, height = x1 - x0, y1 - y0
        checks.append(_size_check(width, height, g))
        checks += _box_checks(page, g, height)
        checks.append(_font_check(page))
        checks += _image_checks(page, g)
        pdfx = _pdfx_check(pdf, g)
        if pdfx:
            checks.append(pdfx)
    full = rasterise(data, BARCODE_DPI)
    barcodes = _barcodes(full, BARCODE_DPI)
    checks += _text_checks(characters(data, height), g, barcodes)
    barcode = _barcode_check(barcodes, isbn13, g)
    if barcode:
        checks.append(barcode)
    proof = full.resize((round(full.width * PROOF_DPI / BARCODE_DPI), round(full.height * PROOF_DPI / BARCODE_DPI)))
    return checks, proof


def _preflight_image(data: bytes, g: Geometry, isbn13: str | None) -> tuple[list[Check], Image.Image]:
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise EngineError("the image is larger than a cover wrap needs", code="file_too_large")
        image.load()
    except (OSError, Image.DecompressionBombError) as exc:
        raise EngineError(f"the image cannot be read: {exc}", code="file_unreadable") from None
    declared = image.info.get("dpi")
    # Size in inches: from the DPI the file declares, else measured against the expected width.
    dpi = float(declared[0]) if declared and declared[0] > 1 else image.width / g.width
    width, height = image.width / dpi, image.height / dpi
    checks = [_size_check(width, height, g)]
    effective = min(image.width / g.width, image.height / g.height)
    checks.append(
        Check(
            "image_resolution",
            effective >= g.rules.min_dpi - MIN_DPI_TOLERANCE,
            f"{effective:.0f} ppi at the wrap's size",
            f"at least {g.rules.min_dpi} ppi",
        )
    )
    not_applicable = "not applicable to a PNG/JPEG (no boxes, fonts or text objects)"
    for rule in ("trim_box", "bleed_box", "fonts_embedded", "text_in_safe_area"):
        checks.append(Check(rule, None, not_applicable, "a PDF"))
    if g.rules.colour == "CMYK":
        checks.append(Check("colour_space", image.mode == "CMYK", image.mode, "CMYK"))
        if image.mode == "CMYK":
            ink = ink_of(np.asarray(image))
            limit = g.rules.ink_limit or 400
            checks.append(
                Check("ink_coverage", ink <= limit + 0.5, f"{ink:.1f}% at most", f"at most {limit}% total ink")
            )
        checks.append(Check("pdfx", False, image.format or "image", "PDF/X-1a:2001"))
    rgb = image.convert("RGB")
    scale = BARCODE_DPI / dpi
    scanned = rgb if abs(scale - 1) < 0.05 else rgb.resize((round(rgb.width * scale), round(rgb.height * scale)))
    barcode = _barcode_check(_barcodes(scanned, BARCODE_DPI), isbn13, g)
    if barcode:
        checks.append(barcode)
    proof = rgb.resize((round(g.width * PROOF_DPI), round(g.height * PROOF_DPI)))
    return checks, proof


def preflight(data: bytes, *, geometry: Geometry, isbn13: str | None = None) -> Report:
    kind = _sniff(data)
    if kind == "pdf":
        checks, picture = _preflight_pdf(data, geometry, isbn13)
    else:
        checks, picture = _preflight_image(data, geometry, isbn13)
    marks = [(c.rule, c.box) for c in checks if c.passed is False and c.box]
    proof = draw_guides(picture, geometry, PROOF_DPI, marks)
    out = io.BytesIO()
    proof.save(out, format="PNG")
    return Report(checks=checks, proof=out.getvalue())
