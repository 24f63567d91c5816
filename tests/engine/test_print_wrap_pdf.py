"""The wrap PDFs, measured with the tools a printer's preflight uses: poppler's pdfinfo/pdffonts/
pdfimages, a barcode reader (zxing-cpp) on the rendered page, and the CMYK pixels themselves."""

from __future__ import annotations

import io
import subprocess

import numpy as np
import pikepdf
import pytest
import zxingcpp
from PIL import Image

import cover_engine as engine
from cover_engine.print import geometry
from cover_engine.print.preflight import characters
from cover_engine.print.proof import rasterise
from cover_engine.print.wrap import render_wrap

BOOK = engine.BookText(
    title="The Last Witness",
    author="Mara Quill",
    genre="thriller",
    summary="When the only person who saw the murder vanishes the night before the trial, detective Ines "
    "Calder has four days to find her.\n\nA taut thriller about memory, loyalty and the price of the truth.",
)


@pytest.fixture(scope="module")
def recipe():
    return engine.recipe_for_book(BOOK, engine.CoverOptions(), seed=7)


def _tool(name: str, data: bytes, tmp_path, *args: str) -> str:
    path = tmp_path / "wrap.pdf"
    path.write_bytes(data)
    return subprocess.run([name, *args, str(path)], capture_output=True, text=True, check=True).stdout


def _boxes(data: bytes) -> dict[str, list[float]]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0].obj
        return {name: [float(v) / 72 for v in page[f"/{name}"]] for name in ("MediaBox", "TrimBox", "BleedBox")}


@pytest.mark.parametrize(
    "printer,binding,trim,pages,paper",
    [
        ("kdp", "paperback", "6x9", 320, "white"),
        ("kdp", "paperback", "5x8", 120, "cream"),
        ("lulu", "paperback", "8.5x11", 500, "white"),
        ("ingramspark", "paperback", "5.5x8.5", 240, "cream"),
        ("kdp", "hardcover", "6x9", 300, "white"),
        ("lulu", "hardcover", "7x10", 200, "white"),
    ],
)
def test_page_size_and_boxes_match_the_computed_wrap(recipe, printer, binding, trim, pages, paper):
    g = geometry(printer=printer, binding=binding, trim=trim, pages=pages, paper=paper)
    wrap = render_wrap(recipe, geometry=g, dpi=40)
    boxes = _boxes(wrap.pdf)
    width, height = (float(v) for v in trim.split("x"))
    outer = g.outer
    expected_w = 2 * width + g.spine + 2 * outer + 2 * g.hinge
    assert boxes["MediaBox"][2] == pytest.approx(expected_w, abs=0.001)
    assert boxes["MediaBox"][3] == pytest.approx(height + 2 * outer, abs=0.001)
    assert boxes["BleedBox"] == pytest.approx(boxes["MediaBox"], abs=0.001)
    tx0, ty0, tx1, ty1 = boxes["TrimBox"]
    assert (tx0, ty0) == pytest.approx((outer, outer), abs=0.001)
    assert (tx1 - tx0, ty1 - ty0) == pytest.approx((expected_w - 2 * outer, height), abs=0.001)
    assert Image.open(io.BytesIO(wrap.proof)).width == pytest.approx(expected_w * 60, abs=2)


def test_a_kdp_wrap_at_full_resolution(recipe, tmp_path):
    g = geometry(printer="kdp", binding="paperback", trim="6x9", pages=320, paper="white")
    wrap = render_wrap(
        recipe, geometry=g, isbn="978-1-4028-9462-6", price="51299", author_bio="Mara Quill lives by the sea."
    )
    fonts = _tool("pdffonts", wrap.pdf, tmp_path).splitlines()[2:]
    assert fonts, "the back and spine are set in real (vector) type"
    for line in fonts:
        name, *_rest, emb, sub, _uni, _obj, _gen = line.split()
        assert (emb, sub) == ("yes", "yes"), line
    images = _tool("pdfimages", wrap.pdf, tmp_path, "-list").splitlines()[2:]
    assert images
    for line in images:
        cols = line.split()
        assert int(cols[12]) >= 300 and int(cols[13]) >= 300, line
    page = rasterise(wrap.pdf, 300)
    found = zxingcpp.read_barcodes(
        page, formats=zxingcpp.BarcodeFormat.EAN13, ean_add_on_symbol=zxingcpp.EanAddOnSymbol.Require
    )
    assert [(r.text[:13], r.extra["EanAddOn"]) for r in found] == [("9781402894626", "51299")]
    assert wrap.report["spineText"] is True
    assert "PDF-1.4" in wrap.pdf[:10].decode()


def test_an_ingramspark_wrap_is_cmyk_pdfx1a_and_under_240_percent(recipe, tmp_path):
    g = geometry(printer="ingramspark", binding="paperback", trim="5.5x8.5", pages=240, paper="cream")
    wrap = render_wrap(recipe, geometry=g, isbn="9780306406157", dpi=150)
    images = _tool("pdfimages", wrap.pdf, tmp_path, "-list").splitlines()[2:]
    assert [line.split()[5] for line in images] == ["cmyk"]
    with pikepdf.open(io.BytesIO(wrap.pdf)) as pdf:
        assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-1:2001"
        assert str(pdf.docinfo["/GTS_PDFXConformance"]) == "PDF/X-1a:2001"
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFX" and int(intent.DestOutputProfile.N) == 4
        assert pdf.pdf_version == "1.3"
        image = next(iter(pdf.pages[0].get_images().values()))
        filters = [str(f) for f in image.Filter] if isinstance(image.Filter, pikepdf.Array) else [str(image.Filter)]
        if filters == ["/DCTDecode"]:
            # Pillow reads the JPEG's Adobe (inverted) CMYK back to ink values.
            pixels = np.asarray(Image.open(io.BytesIO(image.read_raw_bytes()))).astype(int)
        else:
            pixels = np.asarray(pikepdf.PdfImage(image).as_pil_image()).astype(int)
    assert pixels.shape[2] == 4
    assert pixels.sum(axis=2).max() * 100 / 255 <= 240.5  # JPEG rounding: half a percent
    assert wrap.report["maxInk"] <= 240


def test_no_spine_text_under_the_minimum(recipe):
    def spine_characters(pages: int) -> int:
        g = geometry(printer="kdp", binding="paperback", trim="6x9", pages=pages, paper="white")
        wrap = render_wrap(recipe, geometry=g, dpi=40)
        x, _y, w, _h = g.spine_box
        chars = characters(wrap.pdf, g.height)
        return sum(1 for _c, box in chars if box[0] < x + w and box[0] + box[2] > x)

    assert spine_characters(78) == 0
    # From 79 pages KDP allows it; the type must also fit the spine at a readable size (5 pt).
    assert spine_characters(110) > 10


def test_without_an_isbn_the_barcode_box_is_left_clear(recipe):
    g = geometry(printer="kdp", binding="paperback", trim="6x9", pages=320, paper="white")
    wrap = render_wrap(recipe, geometry=g, dpi=100)
    assert wrap.report["barcode"] is False
    assert not zxingcpp.read_barcodes(rasterise(wrap.pdf, 100))
    bx, by, bw, bh = g.barcode_box
    chars = characters(wrap.pdf, g.height)
    assert chars, "the back has its text"
    assert not [c for c, (x, y, w, h) in chars if x < bx + bw and x + w > bx and y < by + bh and y + h > by]
