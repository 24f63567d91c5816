"""Every template against hard text: long, short, accented, Greek, Cyrillic, CJK, Arabic, Hindi.

Rendered small (the typesetter is resolution independent) and checked from the render report:
text clear of the 5% safe margin, nothing clipped or dropped, title contrast >= 4.5:1 measured on
the pixels, title dominant, and the square format re-laid out rather than cropped.

To keep the suite fast the full cross product is rotated: each template is rendered with four
of the ten text cases in the ebook format and one in the square format, so that across the
catalogue every case meets many templates (of every family) in both formats.
"""

from __future__ import annotations

import io
import unicodedata

import pytest
from PIL import Image

from cover_engine import BookText, CoverOptions, recipe_for_book, unsupported_characters
from cover_engine.render import render_with_report
from cover_engine.templates import CATALOGUE

SCALE = 0.15
SAFE = 0.05
TITLE_CONTRAST = 4.5
AUTHOR_CONTRAST = 3.0
DOMINANT = 0.04  # letters of a title of up to five words stand at least 4% of the cover height

# name -> (title, subtitle, author)
CASES: dict[str, tuple[str, str, str]] = {
    "short": ("Ash", "", "Mia Stone"),
    "twelve-words": ("The Girl Who Counted Every Star Above the Silent Harbour Before Dawn", "", "J. R. Holloway"),
    "long-author": ("The Glass Orchard", "", "Maximiliana Alexandra Konstantinopoulou-Featherstonehaugh"),
    "subtitle": ("The Quiet Year", "A Novel of Love, Loss and the Long Road Home", "Helen Marsh"),
    "accented": ("L'Été où Ségolène a Dansé", "", "Zoë Ångström-Núñez"),
    "greek": ("Η Σιωπή της Θάλασσας", "", "Νίκος Παπαδόπουλος"),
    "cyrillic": ("Тишина над рекой", "", "Анна Соколова"),
    "cjk": ("静かな海の物語", "", "山田 花子"),
    "arabic": ("صمت البحر", "", "نجيب محفوظ"),
    "hindi": ("समुद्र की ख़ामोशी", "", "प्रेमचंद"),
}
CJK_VARIANTS = [("静かな海の物語", "山田 花子"), ("月亮与六便士", "李明"), ("바다의 침묵", "김지수")]
CASE_NAMES = list(CASES)
# Word-based dominance applies to scripts with capitals and spaces between words.
DOMINANCE_CASES = {"short", "long-author", "subtitle", "accented", "greek", "cyrillic"}
TEMPLATE_IDS = list(CATALOGUE)
EBOOK_CASES_PER_TEMPLATE = 4


def cases_for(index: int) -> tuple[list[str], str]:
    """The ebook cases and the square case of the index-th template (a rotation over all ten)."""
    ebook = [CASE_NAMES[(index * EBOOK_CASES_PER_TEMPLATE + k) % len(CASE_NAMES)] for k in range(4)]
    square = CASE_NAMES[(index * 3) % len(CASE_NAMES)]
    return ebook, square


def book_for(template_id: str, case: str, index: int) -> BookText:
    title, subtitle, author = CASES[case]
    if case == "cjk":
        title, author = CJK_VARIANTS[index % len(CJK_VARIANTS)]
    return BookText(title=title, subtitle=subtitle, author=author, genre=CATALOGUE[template_id].genres[0])


def letters(text: str) -> str:
    """The letters of a text, for comparing what was set with what was asked: case and accents
    aside (Greek capitals rightly drop their tonos)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def render_case(template_id: str, case: str, index: int, fmt: str):
    book = book_for(template_id, case, index)
    recipe = recipe_for_book(book, CoverOptions(template_id=template_id), seed=index)
    png, report = render_with_report(recipe, format=fmt, scale=SCALE)
    return book, png, report


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def check_report(book: BookText, png: bytes, report, *, case: str, where: str) -> None:
    image = Image.open(io.BytesIO(png))
    assert image.size == (report.width, report.height), where
    w, h = report.width, report.height
    title = report.element("title")
    author = report.element("author")
    assert title is not None and author is not None, where
    expected = {"title": book.title, "author": book.author, "subtitle": book.subtitle}
    for element in report.elements:
        label = f"{where} {element.role}"
        x0, y0, x1, y1 = element.box
        assert x1 > x0 and y1 > y0, f"{label}: nothing drawn"
        # One pixel of tolerance for anti-aliasing at this small scale.
        assert x0 >= SAFE * w - 1 and y0 >= SAFE * h - 1, f"{label}: {element.box} inside the safe margin"
        assert x1 <= (1 - SAFE) * w + 1 and y1 <= (1 - SAFE) * h + 1, f"{label}: {element.box} inside the safe margin"
        assert element.in_safe_zone, label
        assert not element.clipped, f"{label}: clipped"
        # Every letter of the text is set, in order (case and line breaks aside).
        assert letters("".join(element.lines)) == letters(expected[element.role]), label
        assert element.faces, label
    assert title.contrast >= TITLE_CONTRAST, f"{where}: title contrast {title.contrast}"
    assert author.contrast >= AUTHOR_CONTRAST, f"{where}: author contrast {author.contrast}"
    # Hierarchy: the title is the biggest type on the cover.
    for element in report.elements:
        if element.role != "title":
            assert title.letter_height >= element.letter_height, f"{where}: {element.role} outranks the title"
    if case in DOMINANCE_CASES:
        share = title.letter_height / h
        assert share >= DOMINANT, f"{where}: title letters {share:.1%} of the cover height"
    for a, b in ((x, y) for i, x in enumerate(report.elements) for y in report.elements[i + 1 :]):
        assert not _overlap(a.box, b.box), f"{where}: {a.role} and {b.role} overlap"


def test_the_rotation_covers_every_case_in_both_formats_for_every_family():
    ebook_cases, square_cases = set(), set()
    family_cases: dict[str, set[str]] = {}
    for index, template_id in enumerate(TEMPLATE_IDS):
        ebook, square = cases_for(index)
        ebook_cases.update(ebook)
        square_cases.add(square)
        family_cases.setdefault(CATALOGUE[template_id].family, set()).update(ebook)
    assert ebook_cases == set(CASES)
    assert square_cases == set(CASES)
    # Each family meets at least eight of the ten cases (five templates x four cases, rotated).
    assert all(len(seen) >= 8 for seen in family_cases.values()), family_cases


@pytest.mark.parametrize("case", CASE_NAMES)
def test_every_case_is_drawable_with_the_installed_fonts(case):
    title, subtitle, author = CASES[case]
    assert unsupported_characters(title + subtitle + author) == []


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_template_sets_hard_text_legibly_in_both_formats(template_id):
    index = TEMPLATE_IDS.index(template_id)
    ebook_cases, square_case = cases_for(index)
    ebook_titles = {}
    for case in ebook_cases:
        book, png, report = render_case(template_id, case, index, "ebook")
        check_report(book, png, report, case=case, where=f"{template_id}/{case}/ebook")
        ebook_titles[case] = report
    book, png, report = render_case(template_id, square_case, index, "square")
    assert report.width == report.height and report.format == "square"
    check_report(book, png, report, case=square_case, where=f"{template_id}/{square_case}/square")
    # A re-layout, not a crop or a padded ebook: the title's share of the width and its place
    # are decided for the square.
    if square_case in ebook_titles:
        ebook = ebook_titles[square_case]
        e = ebook.element("title").box
        s = report.element("title").box
        ebook_norm = (e[0] / ebook.width, e[1] / ebook.height, e[2] / ebook.width, e[3] / ebook.height)
        square_norm = (s[0] / report.width, s[1] / report.height, s[2] / report.width, s[3] / report.height)
        assert max(abs(a - b) for a, b in zip(ebook_norm, square_norm, strict=True)) > 0.01
