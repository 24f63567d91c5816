"""The printers' figures, pinned: a change to any of them must be deliberate (see README, Print)."""

from __future__ import annotations

import pytest

from cover_engine.errors import EngineError
from cover_engine.print.isbn import addon_check, isbn_normalise
from cover_engine.print.printers import RULES, geometry


@pytest.mark.parametrize(
    "printer,binding,paper,pages,spine",
    [
        ("kdp", "paperback", "white", 320, 320 * 0.002252),  # KDP paperback guide
        ("kdp", "paperback", "cream", 320, 320 * 0.0025),
        ("kdp", "paperback", "color", 320, 320 * 0.002347),
        ("lulu", "paperback", "white", 320, 320 / 444 + 0.06),  # Lulu: pages / 444 + 0.06"
        ("lulu", "hardcover", "white", 320, 1.0),  # Lulu casewrap table: 307-334 pages
        ("lulu", "hardcover", "white", 84, 0.25),
        ("ingramspark", "paperback", "white", 444, 1.0),  # best published: 444 ppi, no formula
        ("ingramspark", "paperback", "cream", 400, 1.0),
        ("kdp", "hardcover", "white", 300, 300 * 0.002252 + 0.06),  # best published, no formula
    ],
)
def test_spine_widths(printer, binding, paper, pages, spine):
    assert geometry(printer=printer, binding=binding, trim="6x9", pages=pages, paper=paper).spine == pytest.approx(
        spine, abs=0.0001
    )


def test_paperback_wraps_are_two_trims_a_spine_and_two_bleeds():
    g = geometry(printer="kdp", binding="paperback", trim="6x9", pages=320, paper="white")
    assert g.width == pytest.approx(2 * 6 + 320 * 0.002252 + 2 * 0.125, abs=0.0001)
    assert g.height == pytest.approx(9.25)
    assert g.trim_box == pytest.approx((0.125, 0.125, 12 + g.spine, 9))


def test_hardcover_wraps_add_turn_in_and_hinges():
    kdp = geometry(printer="kdp", binding="hardcover", trim="6x9", pages=300, paper="white")
    assert kdp.width == pytest.approx(2 * (0.591 + 6 + 0.375) + kdp.spine)
    assert kdp.height == pytest.approx(9 + 2 * 0.591)
    lulu = geometry(printer="lulu", binding="hardcover", trim="6x9", pages=320, paper="white")
    assert lulu.width == pytest.approx(2 * (0.75 + 6) + 1.0) and lulu.height == pytest.approx(10.5)


def test_the_barcode_box_keeps_its_distance_from_spine_and_trim():
    g = geometry(printer="kdp", binding="paperback", trim="6x9", pages=320, paper="white")
    x, y, w, h = g.barcode_box
    assert (w, h) == (2.0, 1.2)
    assert g.spine_box[0] - (x + w) >= 0.25 - 1e-9
    assert (g.back[1] + g.back[3]) - (y + h) >= 0.25 - 1e-9
    assert RULES["ingramspark"].ink_limit == 240 and RULES["ingramspark"].pdf_flavour == "PDF/X-1a:2001"


def test_spine_text_needs_79_pages_at_kdp_and_80_at_lulu():
    def allowed(printer, pages):
        return geometry(printer=printer, binding="paperback", trim="6x9", pages=pages, paper="white").spine_text_allowed

    assert not allowed("kdp", 78) and allowed("kdp", 79)
    assert not allowed("lulu", 79) and allowed("lulu", 80)


@pytest.mark.parametrize(
    "kwargs,code",
    [
        ({"pages": 829}, "page_count_out_of_range"),
        ({"pages": 700, "trim": "8.5x11"}, "page_count_out_of_range"),  # large trims stop at 630
        ({"trim": "4.25x6.87"}, "trim_not_offered"),
        ({"binding": "hardcover", "pages": 60}, "page_count_out_of_range"),
        ({"paper": "glossy"}, "paper_invalid"),
    ],
)
def test_impossible_targets(kwargs, code):
    target = {"printer": "kdp", "binding": "paperback", "trim": "6x9", "pages": 320, "paper": "white", **kwargs}
    with pytest.raises(EngineError) as caught:
        geometry(**target)
    assert caught.value.code == code


def test_isbns_are_checked_and_normalised():
    assert isbn_normalise("978-1-4028-9462-6") == "9781402894626"
    assert isbn_normalise("0-306-40615-2") == "9780306406157"
    assert isbn_normalise("080442957X") == "9780804429573"
    for bad in ("978-1-4028-9462-7", "0-306-40615-3", "12345", "977-1-4028-9462-6"):
        with pytest.raises(EngineError):
            isbn_normalise(bad)
    assert addon_check("90000") == "90000"
    with pytest.raises(EngineError):
        addon_check("9000a")
