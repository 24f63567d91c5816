"""The typeface registry: enough distinct voices, real weights, and a face for every script."""

from __future__ import annotations

import numpy as np
import pytest
import skia

from cover_engine import unsupported_characters
from cover_engine.typeset import fonts
from cover_engine.typeset.spec import VOICES

SCRIPTS = {
    "accented": "Crème Brûlée à la Française, Ångström, Łódź",
    "greek": "Η Οδύσσεια του Ομήρου",
    "cyrillic": "Война и мир",
    "chinese": "红楼梦的故事",
    "japanese": "千と千尋の神隠し",
    "korean": "바람의 노래를 들어라",
    "arabic": "الأمير الصغير في الصحراء",
    "hindi": "गोदान की कहानी",
}


def ink_of(tf: skia.Typeface, text: str) -> int:
    surface = skia.Surface(400, 200)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorWHITE)
    canvas.drawString(text, 10, 150, skia.Font(tf, 120), skia.Paint(Color=skia.ColorBLACK))
    return int((surface.makeImageSnapshot().toarray()[..., 0] < 128).sum())


def test_it_offers_at_least_twenty_faces_with_every_voice_covered_twice():
    assert len({f.slug for f in fonts.FACES}) >= 20
    for voice in VOICES:
        assert len(fonts.FACES_BY_VOICE[voice]) >= 2, voice


def test_every_face_loads():
    for face in fonts.FACES + fonts.FALLBACK_FACES:
        assert fonts.typeface(face.slug, face.min_weight).countGlyphs() > 50, face.slug


@pytest.mark.parametrize("slug", ["cinzel", "montserrat", "noto-sans-cjk:ja"])
def test_variable_weights_really_change_the_strokes(slug):
    text = "千" if "cjk" in slug else "H"
    assert ink_of(fonts.typeface(slug, 900), text) > 1.3 * ink_of(fonts.typeface(slug, 300), text)


def test_a_typeface_is_loaded_once_per_process():
    assert fonts.typeface("lora", 700) is fonts.typeface("lora", 700)


@pytest.mark.parametrize("script", sorted(SCRIPTS))
@pytest.mark.parametrize("face", fonts.FACES, ids=lambda f: f.slug)
def test_every_face_has_a_fallback_that_draws_every_script(face, script):
    text = SCRIPTS[script]
    chain = fonts.font_chain(face, 700, text)
    drawn_by = fonts.resolve_faces(chain, text)
    assert "" not in drawn_by.values(), [ch for ch, slug in drawn_by.items() if not slug]
    # The resolution is real: the face named for each character has its glyph.
    for ch, slug in drawn_by.items():
        cut = next(c for c in chain if c.slug == slug)
        assert cut.has(ch)


def test_a_face_lacking_greek_gives_way_to_a_matching_face_for_the_whole_title():
    chain = fonts.font_chain(fonts.face_by_slug("cinzel"), 700, "Η Οδύσσεια")
    assert chain[0].slug == "eb-garamond" and chain[0].weight == 700
    chain = fonts.font_chain(fonts.face_by_slug("bebas-neue"), 700, "Война и мир")
    assert chain[0].slug == "oswald"  # condensed for condensed
    chain = fonts.font_chain(fonts.face_by_slug("bebas-neue"), 700, "Ἡ Ὀδύσσεια")
    assert chain[0].slug == "inter"  # Oswald has no Greek


def test_bold_fallback_glyphs_share_one_weight():
    # Every letter of a word set in the fallback face has about the same stem weight: the
    # variable Noto cuts drew some Cyrillic and Greek letters far heavier than others at 700.
    chain = fonts.font_chain(fonts.face_by_slug("cinzel"), 700, "ийнаорм")
    tf = fonts.typeface(chain[0].slug, chain[0].weight, chain[0].width)
    ink = [ink_of(tf, ch) for ch in "нопи"]
    assert max(ink) < 1.35 * min(ink), ink


def test_cjk_text_picks_the_collection_face_of_its_language():
    def first_cjk(text: str, context: str = "") -> str:
        chain = fonts.font_chain(fonts.FACES[0], 700, text, context=context)
        return next(c.slug for c in chain if c.slug.startswith("noto-sans-cjk"))

    assert first_cjk("千と千尋") == "noto-sans-cjk:ja"
    assert first_cjk("바람의 노래") == "noto-sans-cjk:ko"
    assert first_cjk("红楼梦") == "noto-sans-cjk:zh-Hans"
    # An author's kanji on a Japanese book is set as Japanese.
    assert first_cjk("宮崎駿", context="千と千尋 宮崎駿") == "noto-sans-cjk:ja"
    assert fonts.resolve_faces(fonts.font_chain(fonts.FACES[0], 700, "千と"), "千と")["千"] == "noto-sans-cjk:ja"


def test_it_lists_characters_no_font_can_draw():
    assert unsupported_characters("The Lighthouse Keeper") == []
    assert unsupported_characters("".join(SCRIPTS.values())) == []
    assert unsupported_characters("Stars 😀 and \U0001f680 and 😀") == ["😀", "\U0001f680"]
    assert unsupported_characters("bell\x07 tab\t") == ["\x07", "\t"]
    assert unsupported_characters("joiner क्\u200dष") == []
    # A decomposed accent is its composed letter.
    assert unsupported_characters("Cafe\u0301") == []
    assert unsupported_characters("\U00013000") == ["\U00013000"]  # Egyptian hieroglyph


def test_the_grey_levels_of_a_rendered_glyph_are_anti_aliased():
    surface = skia.Surface(200, 200)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorWHITE)
    canvas.drawString("O", 10, 150, skia.Font(fonts.typeface("lora", 400), 140), skia.Paint(AntiAlias=True))
    values = np.unique(surface.makeImageSnapshot().toarray()[..., 0])
    assert len(values) > 20


@pytest.mark.parametrize("slug", ["noto-serif", "noto-sans"])
def test_noto_serif_and_sans_are_never_drawn_between_their_masters(slug):
    # At 700 skia drew "н" about 1.7x the ink of "о" in Noto Serif (900 gives 1.3x).
    tf = fonts.typeface(slug, 700)
    assert ink_of(tf, "н") < 1.45 * ink_of(tf, "о")
