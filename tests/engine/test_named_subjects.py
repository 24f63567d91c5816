"""Every cover draws what the book names: the Main-elements subjects are on it, big enough to read and
clear of the title, whatever the design (a kids' hill, an emblem, a type-led stack, a portrait)."""

from __future__ import annotations

import pytest

from bench.subject_shelf import SUBJECT_SHELF
from bench.subjects_drawn import book_text
from cover_engine import CoverOptions, recipe_for_book
from cover_engine.artwork.world import kind_of
from cover_engine.design import MIN_SUBJECT_SHARE, design_report, subject_share
from cover_engine.render import render_with_report

SCALE = 0.1

# One book per kind of design: kids' characters, type-led, stage, portrait, landscape, rays, seascape,
# symbol, close-up, abstract, botanical, geometric.
TITLES = (
    "Benny the Brave Little Bear",
    "One Thousand and One Nights",
    "The Woman in the Red Coat",
    "The Raven Queen",
    "The Dragon of Emberfall",
    "Wolf Moon",
    "Dead Drop",
    "Murder at the Lighthouse Hotel",
    "The Detective's Umbrella",
    "The Skull Beneath",
    "Moth Light",
    "Rocket Startup",
    "Run Strong",
    "The Green Kitchen",
    "Boxer",
)
BOOKS = {book.title: (index, book) for index, book in enumerate(SUBJECT_SHELF) if book.title in TITLES}


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("_", " ").split())


def _overlaps(rect, box) -> bool:
    x0, y0, x1, y1 = box
    return rect.x < x1 and rect.x + rect.w > x0 and rect.y < y1 and rect.y + rect.h > y0


@pytest.mark.parametrize("title", TITLES)
def test_the_main_elements_are_drawn_big_enough_and_clear_of_the_title(title):
    index, book = BOOKS[title]
    recipe = recipe_for_book(book_text(book), CoverOptions(main_elements=book.main_elements), seed=2000 + index)
    _, report = render_with_report(recipe, scale=SCALE)
    design = design_report(recipe, report)
    drawn = {_norm(s["subject"]) for s in design["subjectsDrawn"]}
    named = [
        m.name for m in recipe.brief.motifs if m.source.startswith("main elements") and kind_of(m.name) == "silhouette"
    ]
    assert named, "the shelf book names subjects in its Main elements"
    title_box = report.element("title").box
    for name in named:
        assert _norm(name) in drawn, f"{name} is not in the design report of {title!r}"
        assert subject_share(report.drawn, name, report.width, report.height) >= MIN_SUBJECT_SHARE
        pieces = [d for d in report.drawn if _norm(d.name) == _norm(name)]
        biggest = max(pieces, key=lambda d: d.w * d.h)
        assert not _overlaps(biggest, title_box), f"{name} is under the title of {title!r}"


def test_the_book_hero_is_the_focal_subject_at_a_fifth_of_the_width():
    for title in ("Rocket Startup", "Boxer", "Dead Drop"):
        index, book = BOOKS[title]
        recipe = recipe_for_book(book_text(book), CoverOptions(main_elements=book.main_elements), seed=2000 + index)
        _, report = render_with_report(recipe, scale=SCALE)
        hero = recipe.brief.motifs[0].name
        pieces = [d for d in report.drawn if _norm(d.name) == _norm(hero)]
        assert pieces, f"no {hero} on {title!r}"
        assert max(max(d.w, d.h) for d in pieces) >= 0.2 * report.width


def test_a_named_animal_in_a_picture_book_is_a_character_drawn_once():
    index, book = BOOKS["Benny the Brave Little Bear"]
    recipe = recipe_for_book(book_text(book), CoverOptions(main_elements=book.main_elements), seed=2000 + index)
    _, report = render_with_report(recipe, scale=SCALE)
    for name in ("bear", "owl"):
        assert len([d for d in report.drawn if _norm(d.name) == name]) == 1, f"{name} drawn once"
