"""A colour the book gives a subject shows on that subject: "The Woman in the Red Coat" wears red, "A red
dragon" is red, and the design report says so ("a woman in a red coat", "a red dragon")."""

from __future__ import annotations

import numpy as np
import pytest
import skia

from cover_engine import BookText, CoverOptions, recipe_for_book
from cover_engine.artwork.subject_colours import described, subject_colour
from cover_engine.design import design_report
from cover_engine.render import render_with_report

SCALE = 0.15

BOOKS = (
    # title, genre, main elements, the coloured subject, the words the report says it with, and the share
    # of its box in clear red it needs: the coat fills most of the woman's box (0.63 here; the black
    # figure before had 0.16, from the maroon sky round her), the dragon's wings a fifth of its box
    # (0.21; the black dragon before had none).
    ("The Woman in the Red Coat", "thriller", "a train, a woman", "woman", "a woman in a red coat", 0.4),
    ("A red dragon", "fantasy", "", "dragon", "a red dragon", 0.12),
)


def _pixels(png: bytes) -> np.ndarray:
    image = skia.Image.MakeFromEncoded(skia.Data.MakeWithCopy(png)).convert(
        colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kUnpremul_AlphaType
    )
    return image.toarray()[:, :, :3].astype(float) / 255.0


def _red_share(pixels: np.ndarray) -> float:
    """Share of pixels whose hue is clearly red: red well above green and blue, and not near-black."""
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    red = (r > 0.3) & (r > 1.7 * np.maximum(g, b))
    return float(red.mean())


@pytest.mark.parametrize(("title", "genre", "elements", "subject", "phrase", "share"), BOOKS)
def test_the_books_colour_is_painted_on_its_subject_and_reported(title, genre, elements, subject, phrase, share):
    book = BookText(title=title, author="A. Author", genre=genre)
    recipe = recipe_for_book(book, CoverOptions(main_elements=elements), seed=7)
    png, report = render_with_report(recipe, scale=SCALE)
    piece = max((d for d in report.drawn if d.name == subject), key=lambda d: d.w * d.h)
    pixels = _pixels(png)
    x0, y0 = max(0, round(piece.x)), max(0, round(piece.y))
    box = pixels[y0 : round(piece.y + piece.h), x0 : round(piece.x + piece.w)]
    assert _red_share(box) > share
    phrases = [s["phrase"] for s in design_report(recipe, report)["subjectsDrawn"]]
    assert phrase in phrases


def test_a_colour_is_read_from_the_motif_or_from_what_it_wears():
    dragon = subject_colour("red", ())
    woman = subject_colour("", ("red coat",))
    assert dragon is not None and dragon.garment == "" and described("a dragon", dragon) == "a red dragon"
    assert woman is not None and woman.garment == "coat"
    assert described("a woman", woman) == "a woman in a red coat"
    assert subject_colour("", ("old",)) is None
