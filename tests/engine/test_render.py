"""Rendering recipes end to end (the procedural painters included), at small scale."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

import cover_engine as engine
from cover_engine import BookText, CoverOptions
from cover_engine.png import encode_rgb
from cover_engine.render import render_with_report

BOOK = BookText(
    title="The Lighthouse Keeper",
    subtitle="A Novel",
    author="Margaret Ellingham",
    genre="mystery",
    summary="A keeper on a stormy island finds a shipwreck.",
)
SCALE = 0.2


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_the_png_writer_round_trips_pixels_exactly():
    rng = np.random.default_rng(3)
    array = rng.integers(0, 256, size=(37, 53, 3), dtype=np.uint8)
    png = encode_rgb(array)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert np.array_equal(pixels(png), array)


def test_the_same_recipe_gives_byte_identical_pngs():
    recipe = engine.recipe_for_book(BOOK, CoverOptions(), seed=42)
    first = engine.render(recipe, format="ebook", scale=SCALE)
    again = engine.render(engine.Recipe.from_dict(recipe.to_dict()), format="ebook", scale=SCALE)
    assert first == again


@pytest.mark.parametrize(("fmt", "size"), [("ebook", (320, 512)), ("square", (480, 480))])
def test_it_renders_the_format_asked_for(fmt, size):
    recipe = engine.recipe_for_book(BOOK, CoverOptions(), seed=1)
    png, report = render_with_report(recipe, format=fmt, scale=SCALE)
    assert Image.open(io.BytesIO(png)).size == size
    assert {e.role for e in report.elements} == {"title", "subtitle", "author"}
    for element in report.elements:
        assert element.in_safe_zone and not element.clipped and element.contrast >= 4.5


def test_a_variation_looks_different_but_keeps_the_words():
    recipe = engine.recipe_for_book(BOOK, CoverOptions(), seed=1)
    variation = engine.recipe_variation(recipe, seed=2)
    a, report_a = render_with_report(recipe, scale=SCALE)
    b, report_b = render_with_report(variation, scale=SCALE)
    assert np.abs(pixels(a).astype(int) - pixels(b).astype(int)).mean() > 2
    assert report_a.element("title").text.lower() == report_b.element("title").text.lower()


def test_scale_two_is_drawn_again_not_enlarged():
    recipe = engine.recipe_for_book(BOOK, CoverOptions(), seed=1)
    _, small = render_with_report(recipe, scale=0.1)
    _, large = render_with_report(recipe, scale=0.2)
    # Type is set again at the new size: boxes scale with the canvas, within a pixel or two.
    for role in ("title", "author"):
        s, big = np.array(small.element(role).box), np.array(large.element(role).box)
        assert np.abs(s * 2 - big).max() <= 0.02 * large.height


def test_an_edit_to_the_title_position_is_rendered():
    recipe = engine.recipe_for_book(BOOK, CoverOptions(), seed=1)
    edited = engine.recipe_edit(recipe, "move the title to the bottom").recipe
    _, report = render_with_report(edited, scale=SCALE)
    x0, y0, x1, y1 = report.element("title").box
    assert (y0 + y1) / 2 > 0.5 * report.height


def test_a_template_preview_is_a_png():
    template_id = engine.catalogue()[0].id
    png = engine.template_preview(template_id, scale=0.1)
    assert Image.open(io.BytesIO(png)).size == (160, 256)


def test_a_fresh_process_renders_the_same_bytes():
    import hashlib
    import json
    import subprocess
    import sys

    recipe = engine.recipe_for_book(BOOK, CoverOptions(), seed=9)
    # This process has already loaded and registered other faces in another order.
    engine.render(engine.recipe_for_book(BookText(title="Война и мир", author="Лев Толстой", genre="poetry"),
                                         CoverOptions(), seed=3), scale=0.1)  # fmt: skip
    here = hashlib.sha256(engine.render(recipe, scale=0.1)).hexdigest()
    code = (
        "import hashlib, json, sys; import cover_engine as e; "
        "r = e.Recipe.from_dict(json.loads(sys.stdin.read())); "
        "print(hashlib.sha256(e.render(r, scale=0.1)).hexdigest())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(recipe.to_dict()), capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == here
