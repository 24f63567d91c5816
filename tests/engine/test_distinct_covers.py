"""Every credit buys a distinct cover: jobs of several covers, more covers for a book, variations."""

from __future__ import annotations

import itertools

import pytest

from cover_engine import BookText, CoverOptions, distinct, recipe_for_book
from cover_engine.palettes import family_of
from cover_engine.render import render
from cover_engine.templates import CATALOGUE
from cover_engine.units import render_generate_unit, render_variation_unit
from cover_engine.vocabulary import GENRES

SCALE = 0.1


def _book(genre: str) -> BookText:
    return BookText(title="Salt and Iron", author="Mina Okafor", genre=genre)


def _job(book: BookText, count: int, *, see_siblings: bool, options: CoverOptions | None = None, taken=()):
    """The units of one job as the worker renders them: in turn (seeing the stored siblings) or all at
    once on several workers (seeing none)."""
    seeds = [1000 + 17 * count + i for i in range(count)]
    units = []
    for position in range(count):
        others = [u.signature for u in units] if see_siblings else []
        units.append(
            render_generate_unit(
                book, options or CoverOptions(), seeds=seeds, position=position, taken=taken, others=others, scale=SCALE
            )
        )
    return units


def _closest_pair(units) -> float:
    return min(distinct.difference(a.signature, b.signature) for a, b in itertools.combinations(units, 2))


def test_the_same_png_is_not_distinct_and_a_mirrored_design_is_the_same_design():
    recipe = recipe_for_book(_book("thriller"), CoverOptions(), seed=3)
    png = render(recipe, scale=SCALE)
    sig = distinct.signature(png)
    assert distinct.difference(sig, sig) == 0
    assert not distinct.is_distinct(sig, [sig])
    flipped = distinct.Signature(sig.pixels[:, ::-1])
    assert distinct.difference(sig, flipped) == 0
    assert distinct.pixel_difference(sig, flipped) > 0


@pytest.mark.parametrize("genre", GENRES)
@pytest.mark.parametrize("count", [3, 5])
def test_every_cover_of_a_job_is_a_distinct_design(genre, count):
    units = _job(_book(genre), count, see_siblings=True)
    assert _closest_pair(units) >= distinct.DISTINCT_THRESHOLD
    # Every pick fits the genre: a design made for it, never one from another shelf.
    assert all(genre in CATALOGUE[u.recipe.template_id].genres for u in units)


@pytest.mark.parametrize("genre", ["thriller", "childrens", "contemporary-fiction", "poetry"])
def test_units_rendered_at_once_by_several_workers_are_distinct_by_plan(genre):
    units = _job(_book(genre), 5, see_siblings=False)
    assert _closest_pair(units) >= distinct.DISTINCT_THRESHOLD
    assert len({u.recipe.template_id for u in units}) >= 3


@pytest.mark.parametrize("template_id", ["kids-starry-bedtime", "minimal-single-motif", "romance-seaside-letters"])
def test_a_template_the_author_picked_gives_distinct_compositions(template_id):
    units = _job(_book("fantasy"), 3, see_siblings=True, options=CoverOptions(template_id=template_id))
    assert {u.recipe.template_id for u in units} == {template_id}
    assert _closest_pair(units) >= distinct.DISTINCT_THRESHOLD


def test_more_covers_for_a_book_bring_designs_it_does_not_have_yet():
    book = _book("childrens")
    first = _job(book, 3, see_siblings=True)
    taken = [u.recipe.template_id for u in first]
    earlier = [u.signature for u in first]
    more = [
        render_generate_unit(book, CoverOptions(), seeds=[7, 8], position=p, taken=taken, others=earlier, scale=SCALE)
        for p in range(2)
    ]
    assert not {u.recipe.template_id for u in more} & set(taken)
    for unit in more:
        assert distinct.closest(unit.signature, [u.signature for u in first]) >= distinct.DISTINCT_THRESHOLD


@pytest.mark.parametrize("genre", GENRES)
def test_a_variation_keeps_the_design_and_differs_from_its_source(genre):
    source = recipe_for_book(_book(genre), CoverOptions(), seed=77)
    source_sig = distinct.signature(render(source, scale=SCALE))
    template = CATALOGUE[source.template_id]
    variation = render_variation_unit(source, seed=501, position=0, scale=SCALE)
    varied = CATALOGUE[variation.recipe.template_id]
    assert varied.family == template.family
    assert varied.type.title_voice == template.type.title_voice
    assert family_of(variation.recipe.brief.palette) == family_of(source.brief.palette)
    assert variation.recipe.brief.motifs == source.brief.motifs
    assert distinct.difference(variation.signature, source_sig) >= distinct.DISTINCT_THRESHOLD


def test_variations_of_one_job_differ_from_each_other_too():
    source = recipe_for_book(_book("thriller"), CoverOptions(), seed=77)
    units = []
    for position in range(3):
        others = [u.signature for u in units]
        units.append(render_variation_unit(source, seed=600 + position, position=position, others=others, scale=SCALE))
    assert _closest_pair(units) >= distinct.DISTINCT_THRESHOLD
