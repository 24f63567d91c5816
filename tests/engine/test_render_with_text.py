"""render_with_text: a cover's design set again with corrected book text (the re-render after an edit)."""

from __future__ import annotations

from dataclasses import replace

import cover_engine as engine
from cover_engine import BookText, CoverOptions

BOOK = BookText(
    title="The Lighthouse Keepr",
    author="Margaret Ellingham",
    genre="mystery",
    summary="On a storm-battered island a keeper finds a shipwreck and a locked door.",
)
SCALE = 0.1


def test_it_keeps_the_design_and_sets_the_new_text():
    source = engine.recipe_for_book(BOOK, CoverOptions(), seed=7)
    corrected = replace(BOOK, title="The Lighthouse Keeper")
    checked = engine.render_with_text(source, corrected, scale=SCALE)
    assert checked.recipe.text == corrected
    assert (checked.recipe.template_id, checked.recipe.seed, checked.recipe.brief) == (
        source.template_id,
        source.seed,
        source.brief,
    )
    assert checked.design["template"]["id"] == source.template_id
    # The same recipe renders the same pixels; the new title changes them.
    assert checked.png == engine.render(checked.recipe, scale=SCALE)
    assert checked.png != engine.render(source, scale=SCALE)


def test_the_same_text_gives_the_same_cover():
    source = engine.recipe_for_book(BOOK, CoverOptions(), seed=3)
    assert engine.render_with_text(source, BOOK, scale=SCALE).png == engine.render(source, scale=SCALE)
