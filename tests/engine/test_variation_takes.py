"""Three variations of a cover are three takes of one design, each pulling a different lever."""

from __future__ import annotations

import itertools

from cover_engine import BookText, CoverOptions, distinct, recipe_for_book
from cover_engine.palettes import family_of
from cover_engine.templates import CATALOGUE
from cover_engine.units import render_generate_unit, render_variation_unit
from cover_engine.variety import TAKES, variation_take

SCALE = 0.1
# Over the distinct threshold by this much: on the jobs sheet, variations this far apart read as
# other covers at thumbnail size; the nudged dragon they replace sat at 21-29.
MARGIN = 10.0
DRAGON = BookText(
    title="The Dragon of Emberfall",
    author="Rowan Hale",
    genre="fantasy",
    subgenre="epic-fantasy",
    summary="The last dragon guards a ruined castle.",
)


def test_each_take_pulls_its_own_lever_and_keeps_the_design():
    source = recipe_for_book(DRAGON, CoverOptions(main_elements="a dragon, a castle"), seed=7020)
    takes = [variation_take(source, position, seed=90 + position) for position in range(3)]
    assert [t.overrides["lever"] for t in takes] == list(TAKES)
    close, light, mirror = takes
    assert close.overrides["zoom"] > 1.2 and not close.overrides.get("mirror")
    assert light.overrides.get("lighting") not in (None, CATALOGUE[source.template_id].scene_params.get("lighting"))
    assert mirror.overrides["mirror"] is True and mirror.overrides["title_position"] != "top"
    for take in takes:
        assert take.template_id == source.template_id
        assert family_of(take.brief.palette) == family_of(source.brief.palette)
        assert take.brief.motifs == source.brief.motifs
    # A variation of a variation replaces the levers rather than stacking them.
    again = variation_take(close, 2, seed=5)
    assert "zoom" not in again.overrides and again.overrides["lever"] == "mirror"


def test_three_variations_of_the_dragon_cover_are_clearly_different_takes():
    options = CoverOptions(main_elements="a dragon, a castle")
    source = render_generate_unit(DRAGON, options, seeds=[7020, 7021, 7022], position=0, scale=SCALE).recipe
    units = []
    for position in range(3):
        others = [u.signature for u in units]
        units.append(render_variation_unit(source, seed=7027 + position, position=position, others=others, scale=SCALE))
    assert {u.recipe.template_id for u in units} == {source.template_id}
    closest = min(distinct.difference(a.signature, b.signature) for a, b in itertools.combinations(units, 2))
    assert closest > distinct.DISTINCT_THRESHOLD + MARGIN
    assert len({u.recipe.overrides.get("lever") for u in units}) >= 2
