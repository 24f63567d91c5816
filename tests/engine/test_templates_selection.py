"""Template auto-selection: fits the genre, respects subgenres, follows the text, varies with the seed."""

from __future__ import annotations

from collections import Counter

import pytest

from cover_engine.brief import build_brief
from cover_engine.recipe import BookText
from cover_engine.templates import CATALOGUE, ranked_templates, select_template
from cover_engine.vocabulary import GENRES

SEEDS = range(24)


def _book(genre: str, subgenre: str = "", summary: str = "", title: str = "The Long Night", audience: str = ""):
    return BookText(
        title=title, author="Sam Writer", genre=genre, subgenre=subgenre, summary=summary, target_audience=audience
    )


def _picks(book: BookText, *, mood: str | None = None, main_elements: str = "") -> list:
    picks = []
    for seed in SEEDS:
        brief = build_brief(book, mood=mood, palette=None, main_elements=main_elements, seed=seed)
        picks.append(select_template(brief, book, seed=seed))
    return picks


@pytest.mark.parametrize("genre", sorted(GENRES))
def test_it_picks_fitting_templates_and_different_seeds_pick_different_ones(genre):
    picks = _picks(_book(genre))
    assert all(genre in spec.genres for spec in picks)
    assert len({spec.id for spec in picks}) >= 3


def test_the_same_seed_and_book_always_pick_the_same_template():
    book = _book("fantasy", "epic-fantasy", "A dragon over the mountains.")
    brief = build_brief(book, mood=None, palette=None, main_elements="", seed=5)
    first = select_template(brief, book, seed=5)
    assert all(select_template(brief, book, seed=5) is first for _ in range(5))


def test_dark_romance_never_gets_a_cozy_or_sunny_design():
    picks = _picks(_book("romance", "dark-romance", "A mafia prince and a forbidden love."))
    for spec in picks:
        assert "dark-romance" not in spec.avoid_subgenres
        assert spec.family not in {"enchanted", "kids"}
    # Most of them are the designs made for it (one object on black and kin).
    assert sum("dark-romance" in spec.subgenres for spec in picks) >= len(picks) * 0.6


def test_cozy_fantasy_gets_cozy_designs_not_dark_objects():
    picks = _picks(_book("fantasy", "cozy-fantasy", "A witch opens a tea shop in a sleepy village."))
    assert all(spec.family != "dark-object" for spec in picks)
    assert all("cozy-fantasy" not in spec.avoid_subgenres for spec in picks)
    assert sum(spec.family == "enchanted" for spec in picks) >= len(picks) * 0.6


def test_a_summary_about_the_sea_favours_seascapes():
    sea = _book(
        "contemporary-fiction", summary="A lighthouse keeper's daughter waits by the sea for a ship that never returns."
    )
    town = _book("contemporary-fiction", summary="Two sisters share a small apartment and an old grudge.")

    def seaside(specs):
        return sum(spec.scene == "seascape" or "sea" in spec.settings for spec in specs)

    assert seaside(_picks(sea)) >= len(SEEDS) * 0.5
    assert seaside(_picks(sea)) > seaside(_picks(town))


def test_main_elements_steer_the_choice_too():
    book = _book("science-fiction")
    counts = Counter(spec.scene for spec in _picks(book, main_elements="a neon city skyline in the rain"))
    assert counts["cityscape"] >= len(SEEDS) * 0.5


def test_children_books_get_friendly_designs():
    picks = _picks(_book("childrens", "picture-book", "A little fox and the moon.", audience="children"))
    assert all(spec.family in {"kids", "enchanted"} for spec in picks)


def test_exclude_lets_a_variation_avoid_the_current_template():
    book = _book("thriller", summary="A lone agent in a city at night.")
    for seed in SEEDS:
        brief = build_brief(book, mood=None, palette=None, main_elements="", seed=seed)
        current = select_template(brief, book, seed=seed)
        other = select_template(brief, book, seed=seed, exclude=current.id)
        assert other.id != current.id
        assert "thriller" in other.genres


def test_ranking_puts_the_subgenre_specialists_first():
    book = _book("fantasy", "epic-fantasy", "A castle in the mountains and a war for the crown.")
    brief = build_brief(book, mood="epic", palette=None, main_elements="", seed=1)
    ranked = ranked_templates(CATALOGUE, brief, book)
    assert ranked[0][1].family == "epic"
    assert all(score >= ranked[-1][0] for score, _ in ranked)


def test_a_one_world_design_goes_to_books_set_in_that_world():
    balloon = _book("childrens", "picture-book", "Pip the hedgehog floats to the moon in a hot air balloon.", "Pip")
    fish = _book("childrens", "picture-book", "A little fish explores the coral reef with a whale.", "Finn")
    assert "kids-under-the-sea" not in {spec.id for spec in _picks(balloon, main_elements="a hedgehog")}
    assert "kids-under-the-sea" in {spec.id for spec in _picks(fish, main_elements="a fish, a whale")}
