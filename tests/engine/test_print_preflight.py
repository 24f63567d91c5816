"""Preflight flags each seeded defect in a set of deliberately broken files, and passes good ones."""

from __future__ import annotations

import io

import numpy as np
import pikepdf
import pytest
from PIL import Image
from reportlab.pdfgen import canvas as pdf_canvas

import cover_engine as engine
from cover_engine.print import geometry
from cover_engine.print.preflight import preflight
from cover_engine.print.proof import rasterise
from cover_engine.print.type import register
from cover_engine.print.wrap import render_wrap

ISBN = "9781402894626"
KDP = {"printer": "kdp", "binding": "paperback", "trim": "5x8", "pages": 120, "paper": "white"}
INGRAM = {**KDP, "printer": "ingramspark"}  # same spine to 0.0001 in: 120 / 444 vs 120 x 0.002252


@pytest.fixture(scope="module")
def recipe():
    book = engine.BookText(title="Salt and Iron", author="Ada Brine", genre="fantasy", summary="A smith's daughter.")
    return engine.recipe_for_book(book, engine.CoverOptions(), seed=3)


@pytest.fixture(scope="module")
def good_kdp(recipe) -> bytes:
    return render_wrap(recipe, geometry=geometry(**KDP), isbn=ISBN, price="90000").pdf


@pytest.fixture(scope="module")
def good_ingram(recipe) -> bytes:
    return render_wrap(recipe, geometry=geometry(**INGRAM), isbn=ISBN).pdf


def failed(report) -> set[str]:
    return {c.rule for c in report.checks if c.passed is False}


def test_good_wraps_pass(good_kdp, good_ingram):
    kdp = preflight(good_kdp, geometry=geometry(**KDP), isbn13=ISBN)
    assert kdp.passed, [c.to_dict() for c in kdp.checks if c.passed is False]
    ingram = preflight(good_ingram, geometry=geometry(**INGRAM), isbn13=ISBN)
    assert ingram.passed, [c.to_dict() for c in ingram.checks if c.passed is False]
    assert {"ink_coverage", "colour_space", "pdfx"} <= {c.rule for c in ingram.checks}
    assert Image.open(io.BytesIO(kdp.proof)).format == "PNG"


def test_a_wrap_for_another_page_count_is_the_wrong_size(good_kdp):
    assert failed(preflight(good_kdp, geometry=geometry(**{**KDP, "pages": 200}), isbn13=ISBN)) >= {"page_size"}


def test_missing_boxes_are_flagged(good_kdp):
    pdf = pikepdf.open(io.BytesIO(good_kdp))
    del pdf.pages[0].obj["/TrimBox"]
    del pdf.pages[0].obj["/BleedBox"]
    out = io.BytesIO()
    pdf.save(out)
    assert {"trim_box", "bleed_box"} <= failed(preflight(out.getvalue(), geometry=geometry(**KDP), isbn13=ISBN))


def test_missing_bleed_is_the_wrong_size(recipe):
    # A wrap built without bleed: trim-sized page. Simulated by cropping the good wrap's MediaBox to its trim.
    g = geometry(**KDP)
    pdf = pikepdf.open(io.BytesIO(render_wrap(recipe, geometry=g, dpi=100).pdf))
    page = pdf.pages[0].obj
    page.MediaBox = page.TrimBox
    page.BleedBox = page.TrimBox
    out = io.BytesIO()
    pdf.save(out)
    assert "page_size" in failed(preflight(out.getvalue(), geometry=g))


def test_low_resolution_art_is_flagged(recipe):
    g = geometry(**KDP)
    report = preflight(render_wrap(recipe, geometry=g, dpi=150).pdf, geometry=g)
    assert failed(report) == {"image_resolution"}
    check = next(c for c in report.checks if c.rule == "image_resolution")
    assert check.measured.startswith("150 ppi")


def test_rgb_for_ingramspark_is_flagged(good_kdp):
    assert {"colour_space", "pdfx"} <= failed(preflight(good_kdp, geometry=geometry(**INGRAM), isbn13=ISBN))


def _pdf_with_text(g, spots, *, font: str | None = None) -> bytes:
    """A wrap-sized PDF, a 300 ppi flat image over it, and text at each (x, y) inch from the top-left."""
    font = font or register("noto-serif")
    out = io.BytesIO()
    c = pdf_canvas.Canvas(out, pagesize=(g.width * 72, g.height * 72), initialFontName=font)
    image = Image.new("RGB", (round(g.width * 300), round(g.height * 300)), (40, 60, 90))
    c.drawInlineImage(image, 0, 0, g.width * 72, g.height * 72)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(font, 9)
    for x, y in spots:
        c.drawString(x * 72, (g.height - y) * 72, "Text")
    c.showPage()
    c.save()
    pdf = pikepdf.open(io.BytesIO(out.getvalue()))
    tx, ty, tw, th = g.trim_box
    pdf.pages[0].obj.TrimBox = pikepdf.Array([tx * 72, (g.height - ty - th) * 72, (tx + tw) * 72, (g.height - ty) * 72])
    pdf.pages[0].obj.BleedBox = pdf.pages[0].obj.MediaBox
    done = io.BytesIO()
    pdf.save(done)
    return done.getvalue()


def test_a_clean_hand_made_file_passes():
    g = geometry(**KDP)
    sx, sy, _sw, _sh = g.safe(g.front)
    assert failed(preflight(_pdf_with_text(g, [(sx + 0.5, sy + 1)]), geometry=g)) == set()


def test_text_in_the_barcode_box_is_flagged():
    g = geometry(**KDP)
    bx, by, _bw, bh = g.barcode_box
    assert "barcode_box_clear" in failed(preflight(_pdf_with_text(g, [(bx + 0.3, by + bh / 2)]), geometry=g))


def test_text_outside_the_safe_area_and_on_a_fold_is_flagged():
    g = geometry(**KDP)
    fold = g.folds[-1]
    report = preflight(_pdf_with_text(g, [(0.15, 4.0), (fold - 0.05, 4.0)]), geometry=g)
    assert {"text_in_safe_area", "text_off_folds"} <= failed(report)
    marks = [c for c in report.checks if c.passed is False and c.box]
    assert marks, "the proof marks where the problems are"


def test_spine_text_under_the_minimum_is_flagged():
    g = geometry(**{**KDP, "pages": 60})
    sx, _sy, sw, _sh = g.spine_box
    assert "spine_text_minimum" in failed(preflight(_pdf_with_text(g, [(sx + sw / 2 - 0.02, 3.0)]), geometry=g))


def test_unembedded_fonts_are_flagged():
    g = geometry(**KDP)
    sx, sy, _sw, _sh = g.safe(g.front)
    assert failed(preflight(_pdf_with_text(g, [(sx + 0.5, sy + 1)], font="Helvetica"), geometry=g)) == {
        "fonts_embedded"
    }


def test_a_barcode_of_another_isbn_is_flagged(good_kdp):
    assert failed(preflight(good_kdp, geometry=geometry(**KDP), isbn13="9780306406157")) == {"barcode_isbn"}


def test_png_uploads_are_measured(good_kdp):
    g = geometry(**KDP)
    page = rasterise(good_kdp, 300)
    good = io.BytesIO()
    page.save(good, format="PNG", dpi=(300, 300))
    report = preflight(good.getvalue(), geometry=g, isbn13=ISBN)
    assert report.passed and any(c.passed is None for c in report.checks)
    small = io.BytesIO()
    page.resize((page.width // 3, page.height // 3)).save(small, format="PNG", dpi=(100, 100))
    assert failed(preflight(small.getvalue(), geometry=g)) == {"image_resolution"}


def test_an_over_inked_cmyk_jpeg_for_ingramspark_is_flagged():
    g = geometry(**INGRAM)
    pixels = np.full((round(g.height * 300), round(g.width * 300), 4), 204, dtype=np.uint8)  # 4 x 80% = 320%
    out = io.BytesIO()
    Image.fromarray(pixels, mode="CMYK").save(out, format="JPEG", dpi=(300, 300))
    report = preflight(out.getvalue(), geometry=g)
    assert "ink_coverage" in failed(report) and "colour_space" not in failed(report)
