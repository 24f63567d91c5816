"""The engine's public surface: pure Python, recipes that survive JSON, variations and edits."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import cover_engine as engine
from cover_engine import BookText, CoverOptions, EditNotUnderstood, EngineError, Recipe

BOOK = BookText(
    title="The Lighthouse Keeper",
    author="Margaret Ellingham",
    genre="mystery",
    summary="On a storm-battered island a keeper finds a shipwreck and a locked door.",
)


def test_it_imports_without_django():
    code = "import sys, cover_engine, cover_engine.render; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_it_renders_edits_and_lists_templates_without_django():
    code = (
        "import sys; import cover_engine as e; "
        "r = e.recipe_for_book(e.BookText(title='Dune', author='Frank Herbert', genre='science-fiction'), "
        "e.CoverOptions(), seed=1); "
        "e.render(r, scale=0.05); e.recipe_edit(r, 'make it darker'); e.catalogue(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'rest_framework')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_it_gives_the_contract_sizes():
    assert engine.render_size("ebook", 1) == (1600, 2560)
    assert engine.render_size("ebook", 2) == (3200, 5120)
    assert engine.render_size("square", 1) == (2400, 2400)
    assert engine.render_size("square", 2) == (4800, 4800)


@pytest.mark.parametrize(("fmt", "scale"), [("poster", 1), ("ebook", 0), ("ebook", 3)])
def test_it_refuses_unknown_formats_and_scales(fmt, scale):
    with pytest.raises(EngineError):
        engine.render_size(fmt, scale)


def test_it_round_trips_a_recipe_through_json():
    recipe = engine.recipe_for_book(BOOK, CoverOptions(mood="mysterious"), seed=11)
    again = Recipe.from_dict(json.loads(json.dumps(recipe.to_dict())))
    assert again == recipe
    assert again.to_dict() == recipe.to_dict()


def test_it_refuses_a_recipe_of_another_version():
    data = engine.recipe_for_book(BOOK, CoverOptions(), seed=1).to_dict()
    data["version"] = 99
    with pytest.raises(EngineError) as err:
        Recipe.from_dict(data)
    assert err.value.code == "recipe_version_unsupported"


def test_it_picks_a_template_fitting_the_genre():
    recipe = engine.recipe_for_book(BOOK, CoverOptions(), seed=5)
    assert "mystery" in engine.template_by_id(recipe.template_id).genres
    assert recipe.text == BOOK


def test_it_uses_the_template_asked_for_and_keeps_it_in_variations():
    chosen = engine.templates_for_genre("mystery")[0].id
    recipe = engine.recipe_for_book(BOOK, CoverOptions(template_id=chosen), seed=5)
    assert recipe.template_id == chosen
    assert {engine.recipe_variation(recipe, seed=s).template_id for s in range(12)} == {chosen}


def test_it_refuses_an_unknown_template():
    with pytest.raises(EngineError) as err:
        engine.recipe_for_book(BOOK, CoverOptions(template_id="no-such-design"), seed=1)
    assert err.value.code == "template_not_found"


def test_a_variation_keeps_the_book_and_the_design_and_changes_the_composition():
    from cover_engine.palettes import family_of
    from cover_engine.templates import CATALOGUE

    recipe = engine.recipe_for_book(BOOK, CoverOptions(), seed=5)
    source = CATALOGUE[recipe.template_id]
    variations = [engine.recipe_variation(recipe, seed=s, index=i) for i, s in enumerate(range(100, 112))]
    assert all(v.text == recipe.text and v.brief.motifs == recipe.brief.motifs for v in variations)
    assert len({v.seed for v in variations}) == 12
    assert all(CATALOGUE[v.template_id].family == source.family for v in variations)
    assert all(family_of(v.brief.palette) == family_of(recipe.brief.palette) for v in variations)
    assert len({(v.overrides.get("title_position"), v.overrides.get("mirror")) for v in variations}) > 1


def test_an_edit_changes_the_recipe_and_says_what_it_understood():
    recipe = engine.recipe_for_book(BOOK, CoverOptions(), seed=5)
    result = engine.recipe_edit(recipe, "put the title at the top and make it darker")
    assert result.recipe.overrides["title_position"] == "top"
    assert result.recipe.brief.adjust["brightness"] < recipe.brief.adjust.get("brightness", 0.0)
    assert result.recipe.edits == ("put the title at the top and make it darker",)
    assert result.understood


def test_an_edit_with_nothing_to_act_on_is_an_error():
    recipe = engine.recipe_for_book(BOOK, CoverOptions(), seed=5)
    with pytest.raises(EditNotUnderstood) as err:
        engine.recipe_edit(recipe, "qwzx plorf")
    assert err.value.code == "edit_not_understood"


def test_the_catalogue_lists_templates_by_genre():
    infos = engine.catalogue()
    assert len(infos) >= 60
    assert engine.template_by_id(infos[0].id) == infos[0]
    assert engine.template_by_id("nope") is None
    for genre in ("fantasy", "poetry", "business-economics"):
        assert len(engine.templates_for_genre(genre)) >= 5
