"""Typesetting on painted backgrounds: safe zone, contrast measured on pixels, hierarchy, scripts.

The backgrounds are painted here (flat fields, gradients, busy dots) so that the typesetter is
tested on its own, against art chosen to be hard for it.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
import skia
from PIL import Image

from cover_engine.render import compose, encode_png
from cover_engine.templates import CATALOGUE
from cover_engine.typeset import contrast as C
from cover_engine.typeset.fit import line_width_em
from cover_engine.typeset.fonts import face_by_slug, font_chain
from cover_engine.typeset.layout import apply_type_voice, layout_for
from cover_engine.typeset.spec import SAFE_MARGIN

PALETTE = {"light_ink": "#f6f1e7", "dark_ink": "#1b1a22", "accent": "#d9a441", "paper": "#efe8da"}
EBOOK = (320, 512)
SQUARE = (480, 480)


def flat(argb: int):
    def paint(canvas, *, width, height, calm_zones):
        canvas.clear(argb)

    return paint


def busy(top: int, bottom: int, dots: int = 0xFFE8D9A0):
    """A gradient with bright dots everywhere, calm zones ignored: the worst case for type."""

    def paint(canvas, *, width, height, calm_zones):
        shader = skia.GradientShader.MakeLinear([(0, 0), (0, height)], [top, bottom])
        canvas.drawRect(skia.Rect.MakeWH(width, height), skia.Paint(Shader=shader))
        dot = skia.Paint(AntiAlias=True, Color=dots)
        for i in range(6):
            for j in range(9):
                canvas.drawCircle(width * (i + 0.5) / 6, height * (j + 0.5) / 9, width * 0.05, dot)

    return paint


BACKGROUNDS = {
    "night": busy(0xFF101828, 0xFF30405A),
    "dusk": busy(0xFF203050, 0xFFC09070),
    "paper": flat(0xFFEFE8DA),
    "grey": flat(0xFF808080),
}
ONE_PER_FAMILY = sorted({spec.family: spec.id for spec in CATALOGUE.values()}.values())

BOOKS = {
    "short": ("Dune", "", "Frank Herbert"),
    "long": ("A Short History of Nearly Everything That Happened in the Old House by the Sea", "", "Bill Bryson"),
    "subtitle": ("The Lighthouse Keeper", "A Novel of the Northern Sea", "Margaret Ellingham"),
    "long-author": ("Night Train", "", "Maria Fernanda de los Ángeles Villalobos-Castellanos"),
    "greek": ("Η Οδύσσεια του Ομήρου", "", "Νίκος Καζαντζάκης"),
    "cyrillic": ("Война и мир", "Роман-эпопея", "Лев Толстой"),
    "cjk": ("千と千尋の神隠し", "", "宮崎 駿"),
    "arabic": ("الأمير الصغير في الصحراء", "", "نجيب محفوظ"),
    "hindi": ("गोदान की कहानी", "", "मुंशी प्रेमचंद"),
}


def set_cover(template_id: str, book: str, background: str = "dusk", fmt: str = "ebook", overrides=None):
    spec = CATALOGUE[template_id]
    title, subtitle, author = BOOKS[book]
    width, height = EBOOK if fmt == "ebook" else SQUARE
    overrides = overrides or {}
    type_spec = spec.type
    if "type_voice" in overrides:
        type_spec = apply_type_voice(type_spec, overrides["type_voice"])
    surface, reports, zones, _ = compose(
        width=width, height=height, layout=layout_for(spec.layout, fmt=fmt, overrides=overrides),
        type_spec=type_spec, title=title, subtitle=subtitle, author=author, palette=PALETTE,
        paint=BACKGROUNDS[background], key=template_id, title_scale=overrides.get("title_scale", 1.0),
    )  # fmt: skip
    return surface, {r.role: r for r in reports}, zones


def contrast_around_glyphs(png: bytes, box, ink_hex: str) -> float:
    """Independent of the engine: contrast of the ink against the pixels around its letters.

    Glyph cores are the pixels close to the ink colour; the letters' anti-aliased rims are
    skipped (grown core), and what remains inside the ink box is what the letters sit on.
    """
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(np.int32)
    x0, y0, x1, y1 = box
    region = pixels[y0:y1, x0:x1]
    ink = np.array(C.hex_to_rgb(ink_hex))
    core = np.abs(region - ink).sum(axis=2) < 60
    grown = core.copy()
    for dy in range(-2, 3):
        for dx in range(-2, 3):
            grown |= np.roll(np.roll(core, dy, axis=0), dx, axis=1)
    around = region[~grown]
    assert around.size, "no background visible around the letters"
    return C.measured(C.luminance_rgb(tuple(ink)), around.astype(np.uint8))


@pytest.mark.parametrize("book", sorted(BOOKS))
@pytest.mark.parametrize("template_id", ONE_PER_FAMILY)
def test_text_stays_in_the_safe_zone_unclipped_readable_and_in_order(template_id, book):
    surface, els, _ = set_cover(template_id, book, background="dusk" if len(book) % 2 else "night")
    width, height = surface.width(), surface.height()
    assert "title" in els and "author" in els
    for role, el in els.items():
        assert el.in_safe_zone, (role, el.box)
        x0, y0, x1, y1 = el.box
        assert x0 >= SAFE_MARGIN * width - 0.5 and x1 <= (1 - SAFE_MARGIN) * width + 0.5
        assert y0 >= SAFE_MARGIN * height - 0.5 and y1 <= (1 - SAFE_MARGIN) * height + 0.5
        assert not el.clipped, role
        assert el.contrast >= 4.5, (role, el.treatment, el.contrast)
        assert all(el.faces), el.faces
    # Nothing overlaps.
    boxes = [el.box for el in els.values()]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    # Hierarchy: title > author > subtitle.
    assert els["title"].letter_height > els["author"].letter_height
    if "subtitle" in els:
        assert els["subtitle"].letter_height <= els["author"].letter_height + 0.5
    if len(BOOKS[book][0].split()) <= 5 and book not in ("cjk", "arabic", "hindi"):
        assert els["title"].letter_height >= 0.04 * height - 0.5, els["title"].letter_height


@pytest.mark.parametrize("background", ["grey", "paper", "night"])
@pytest.mark.parametrize("template_id", ONE_PER_FAMILY[::3])
def test_contrast_measured_on_the_png_reaches_the_target(template_id, background):
    surface, els, _ = set_cover(template_id, "subtitle", background=background)
    png = encode_png(surface)
    title = els["title"]
    if title.treatment.startswith("knockout"):
        return  # the letters are the art itself; covered by the engine's own measure below
    assert contrast_around_glyphs(png, title.box, title.ink) >= 4.5, title.treatment


def test_a_mid_grey_field_gets_a_treatment_rather_than_a_weak_title():
    # White on #808080 is only 3.9:1: plain type would fail.
    plain = next(t for t in CATALOGUE.values() if t.type.treatment == "plain" and t.type.ink in ("light", "auto"))
    _, els, _ = set_cover(plain.id, "short", background="grey")
    assert (
        els["title"].treatment != "plain"
        or C.ratio(C.luminance_rgb(C.hex_to_rgb(els["title"].ink)), C.luminance_rgb((128, 128, 128))) >= 4.5
    )
    assert els["title"].contrast >= 4.5


def test_the_same_input_gives_the_same_bytes():
    first = encode_png(set_cover(ONE_PER_FAMILY[0], "subtitle")[0])
    second = encode_png(set_cover(ONE_PER_FAMILY[0], "subtitle")[0])
    assert first == second


@pytest.mark.parametrize("template_id", ONE_PER_FAMILY[::2])
def test_the_square_is_re_laid_out_not_cropped(template_id):
    ebook, e_els, _ = set_cover(template_id, "subtitle", fmt="ebook")
    square, s_els, _ = set_cover(template_id, "subtitle", fmt="square")

    # Where each element would sit in a centre crop of the ebook, as shares of the square: a
    # crop cuts text at the top or bottom away, or keeps it where it was; a re-layout moves it.
    w, h = ebook.width(), ebook.height()
    offset = (h - w) / 2
    moved = []
    for role, el in e_els.items():
        x0, y0, x1, y1 = el.box
        cropped = np.array([x0 / w, (y0 - offset) / w, x1 / w, (y1 - offset) / w])
        placed = np.array(s_els[role].box) / square.width()
        moved.append(np.abs(cropped - placed).max())
    assert max(moved) > 0.05, moved
    assert set(s_els) == set(e_els)
    for el in s_els.values():
        assert el.in_safe_zone and not el.clipped and el.contrast >= 4.5


def test_title_position_override_moves_the_title():
    template_id = ONE_PER_FAMILY[0]
    height = EBOOK[1]
    _, top, _ = set_cover(template_id, "subtitle", overrides={"title_position": "top"})
    _, bottom, _ = set_cover(template_id, "subtitle", overrides={"title_position": "bottom"})
    assert (top["title"].box[1] + top["title"].box[3]) / 2 < 0.4 * height
    assert (bottom["title"].box[1] + bottom["title"].box[3]) / 2 > 0.55 * height
    for els in (top, bottom):
        assert all(el.in_safe_zone and not el.clipped for el in els.values())


def test_title_scale_override_makes_the_title_bigger():
    template_id = ONE_PER_FAMILY[1]
    _, normal, _ = set_cover(template_id, "subtitle")
    _, bigger, _ = set_cover(template_id, "subtitle", overrides={"title_scale": 1.4})
    assert bigger["title"].font_size > normal["title"].font_size


@pytest.mark.parametrize(("voice", "expected"), [("script", "script"), ("serif", "serif"), ("sans", "sans")])
def test_type_voice_override_changes_the_face(voice, expected):
    template_id = next(t.id for t in CATALOGUE.values() if t.type.title_voice == "condensed")
    if expected == "sans":
        template_id = next(t.id for t in CATALOGUE.values() if t.type.title_voice == "didone")
    _, els, _ = set_cover(template_id, "subtitle", overrides={"type_voice": voice})
    kinds = {face_by_slug(slug).kind for slug in els["title"].faces}
    if expected == "sans":
        assert kinds <= {"sans", "condensed"}
    else:
        assert expected in kinds


@pytest.mark.parametrize("book", ["greek", "cyrillic", "cjk", "arabic", "hindi"])
def test_every_script_is_drawn_by_a_face_that_has_its_glyphs(book):
    _, els, _ = set_cover(ONE_PER_FAMILY[0], book)
    title = els["title"]
    assert title.faces and all(title.faces)
    x0, y0, x1, y1 = title.box
    assert (x1 - x0) > 0.3 * EBOOK[0] and (y1 - y0) > 0.03 * EBOOK[1]
    assert "".join(title.lines).replace(" ", "") == title.text.replace(" ", "")


def test_arabic_letters_join_and_devanagari_forms_conjuncts():
    arabic = font_chain(face_by_slug("lora"), 400, "ببب")
    assert line_width_em("ببب", arabic, 0.0) < 0.8 * 3 * line_width_em("ب", arabic, 0.0)
    hindi = font_chain(face_by_slug("lora"), 400, "क्ष")
    separate = sum(line_width_em(ch, hindi, 0.0) for ch in "क्ष")
    assert line_width_em("क्ष", hindi, 0.0) < 0.8 * separate


def test_tracked_lines_are_centred_on_their_visible_letters():
    spec = next(t for t in CATALOGUE.values() if t.type.author_tracking >= 0.2 and t.layout.author.align == "center")
    layout = layout_for(spec.layout, fmt="ebook", overrides={})
    surface, reports, _, _ = compose(
        width=800, height=1280, layout=layout, type_spec=spec.type, title="Dune", subtitle="",
        author="Frank Herbert", palette=PALETTE, paint=flat(0xFF202020), key=spec.id,
    )  # fmt: skip
    author = next(r for r in reports if r.role == "author")
    x, _, w, _ = layout.author.box
    x0, _, x1, _ = author.box
    # Off by half a letter space if the tracking after the last letter were counted.
    tolerance = spec.type.author_tracking * author.font_size / 4
    assert abs((x0 + x1) / 2 - (x + w / 2) * surface.width()) <= tolerance


@pytest.mark.parametrize("template_id", ONE_PER_FAMILY[1::3])
def test_a_square_derived_from_the_ebook_layout_holds_the_text(template_id):
    from cover_engine.typeset.layout import derive_square

    spec = CATALOGUE[template_id]
    square = derive_square(spec.layout)
    surface, reports, _, _ = compose(
        width=SQUARE[0], height=SQUARE[1], layout=layout_for(square, fmt="ebook", overrides={}),
        type_spec=spec.type, title="The Lighthouse Keeper", subtitle="A Novel of the Northern Sea",
        author="Margaret Ellingham", palette=PALETTE, paint=BACKGROUNDS["dusk"], key=template_id,
    )  # fmt: skip
    els = {r.role: r for r in reports}
    assert set(els) == {"title", "subtitle", "author"}
    for el in els.values():
        assert el.in_safe_zone and not el.clipped and el.contrast >= 4.5
    # The title takes a larger share of the width than on the ebook.
    title_w = (els["title"].box[2] - els["title"].box[0]) / SQUARE[0]
    assert title_w >= 0.5
