"""build_brief: motifs from the book's words, genre defaults, mood, palette, lighting, determinism."""

from __future__ import annotations

import json

import pytest

from cover_engine.brief import LIGHTINGS, SETTINGS, Brief, MotifChoice, build_brief
from cover_engine.lexicon import MOTIFS
from cover_engine.palettes import PALETTE_KEYS, family_of, luminance
from cover_engine.recipe import BookText
from cover_engine.vocabulary import COLOR_PALETTES, GENRES, MOODS, SUBGENRES


def brief_for(
    genre: str = "fantasy",
    *,
    title: str = "Untitled",
    subtitle: str = "",
    subgenre: str = "",
    summary: str = "",
    main_elements: str = "",
    mood: str | None = None,
    palette: str | None = None,
    audience: str = "",
    seed: int = 1,
) -> Brief:
    book = BookText(
        title=title,
        author="A. Writer",
        genre=genre,
        subtitle=subtitle,
        subgenre=subgenre,
        summary=summary,
        target_audience=audience,
    )
    return build_brief(book, mood=mood, palette=palette, main_elements=main_elements, seed=seed)


def names(brief: Brief) -> list[str]:
    return [m.name for m in brief.motifs]


def test_the_summary_chooses_motifs_and_says_which_words_did():
    brief = brief_for(
        "mystery",
        title="The Keeper",
        summary="Two lighthouses stand on the cliffs; every night a ship vanishes in the fog.",
    )
    assert {"lighthouse", "cliff", "ship", "fog"} <= set(names(brief))
    assert ("lighthouses", "lighthouse") in brief.reasons
    assert ("cliffs", "cliff") in brief.reasons
    source = next(m.source for m in brief.motifs if m.name == "lighthouse")
    assert source == "summary: 'lighthouses'"


def test_main_elements_outweigh_the_summary():
    brief = brief_for(
        "fantasy",
        summary="The castle stood for a thousand years; the castle walls never fell to the castle's foes.",
        main_elements="a red dragon",
    )
    # "red" colours the dragon, not the cover.
    assert brief.motifs[0] == MotifChoice("dragon", 1.0, "main elements: 'dragon'", color="red")
    assert "castle" in names(brief)


def test_the_first_main_element_leads_and_weather_does_not_take_the_lead():
    brief = brief_for("thriller", main_elements="rain, a lone figure, the city at night")
    assert names(brief)[0] == "lone_figure"
    assert set(names(brief)) >= {"rain", "city_skyline"}


def test_the_title_counts_more_than_the_summary():
    brief = brief_for("romance", title="The Rose Garden", summary="A story about a wolf.")
    assert names(brief)[0] == "rose"


def test_negated_main_elements_are_kept_out_even_of_genre_defaults():
    brief = brief_for("fantasy", subgenre="epic-fantasy", main_elements="no dragons")
    assert "dragon" not in names(brief)
    assert brief.avoid == ("dragon",)
    assert len(brief.motifs) >= 2
    assert "dragon" not in [motif for _, motif in brief.reasons]


@pytest.mark.parametrize(
    ("elements", "wanted", "unwanted"),
    [
        ("a castle, no dragons", {"castle"}, {"dragon"}),
        ("no dragons and a castle", {"castle"}, {"dragon"}),
        ("mountains without any snow or clouds", {"mountains"}, {"snow", "clouds"}),
        ("avoid skulls; a candle and a book", {"candle", "book"}, {"skull"}),
        ("a forest but not a wolf", {"forest"}, {"wolf"}),
    ],
)
def test_negations_in_main_elements_are_respected(elements, wanted, unwanted):
    brief = brief_for("horror", main_elements=elements)
    assert wanted <= set(names(brief))
    assert not unwanted & set(names(brief))
    assert unwanted <= set(brief.avoid)


def test_matching_ignores_accents_case_and_inflection():
    brief = brief_for("fantasy", title="LES DRAGÓNS", main_elements="Burning Wolves")
    assert {"dragon", "fire", "wolf"} <= set(names(brief))


def test_it_never_picks_more_than_five_motifs():
    brief = brief_for(
        "fantasy",
        summary="moon stars castle dragon forest river mountains sword crown raven owl ship island",
    )
    assert len(brief.motifs) == 5
    assert brief.motifs[0].weight == 1.0
    assert all(0 < m.weight <= 1 for m in brief.motifs)


@pytest.mark.parametrize("genre", sorted(GENRES))
def test_every_genre_has_fitting_defaults_when_the_text_gives_nothing(genre):
    brief = brief_for(genre)
    assert 2 <= len(brief.motifs) <= 5
    assert all(m.name in MOTIFS for m in brief.motifs)
    assert all(m.source.startswith("genre default") for m in brief.motifs)
    assert brief.reasons == ()
    assert brief.mood in MOODS
    assert brief.lighting in LIGHTINGS
    assert brief.setting in SETTINGS
    assert list(brief.palette.colors) == list(PALETTE_KEYS)
    assert brief.genre == genre
    assert set(brief.adjust) == {"brightness", "contrast", "warmth", "busyness"}


@pytest.mark.parametrize(
    ("genre", "subgenre", "expected"),
    [
        ("romance", "dark-romance", {"rose", "dagger", "crown"}),
        ("fantasy", "cozy-fantasy", {"village", "lantern", "mushroom"}),
        ("thriller", "", {"city_skyline", "road", "lone_figure"}),
        ("business-economics", "", {"arrows", "chart"}),
        ("science-fiction", "", {"planet", "stars"}),
        ("horror", "", {"house", "bare_tree"}),
        ("childrens", "picture-book", {"sun", "hills"}),
    ],
)
def test_genre_and_subgenre_defaults_follow_the_conventions(genre, subgenre, expected):
    assert expected <= set(names(brief_for(genre, subgenre=subgenre)))


@pytest.mark.parametrize("genre", sorted(SUBGENRES))
def test_every_subgenre_gets_its_own_defaults(genre):
    seen = set()
    for subgenre in SUBGENRES[genre]:
        brief = brief_for(genre, subgenre=subgenre)
        assert brief.subgenre == subgenre
        seen.add(tuple(names(brief)))
    assert len(seen) >= len(SUBGENRES[genre]) - 1


def test_dark_romance_is_not_cozy_fantasy():
    dark = brief_for("romance", subgenre="dark-romance")
    cozy = brief_for("fantasy", subgenre="cozy-fantasy")
    assert luminance(dark.palette.colors["sky_top"]) < 0.02
    assert dark.mood == "intense" and cozy.mood == "uplifting"
    assert not set(names(dark)) & set(names(cozy))


def test_a_single_text_motif_leads_and_the_genre_fills_in():
    brief = brief_for("science-fiction", title="Whale Song")
    assert names(brief)[0] == "whale"
    assert len(brief.motifs) == 3
    assert brief.motifs[1].source == "genre default (science-fiction)"


@pytest.mark.parametrize("family", COLOR_PALETTES)
def test_the_requested_palette_is_used(family):
    assert family_of(brief_for("thriller", palette=family).palette) == family


@pytest.mark.parametrize("mood", MOODS)
def test_the_requested_mood_is_used(mood):
    assert brief_for("poetry", mood=mood).mood == mood


def test_the_mood_is_read_from_the_summary_when_not_given():
    summary = "A killer is loose. The chase ends in blood, with murder at every turn and danger everywhere."
    assert brief_for("romance", summary=summary).mood == "intense"
    assert brief_for("romance", summary="A quiet summer.").mood == "romantic"


def test_children_audience_brightens_the_palette():
    brief = brief_for("fantasy", audience="children")
    assert brief.palette.name in ("bold-candy", "bold-sunburst")


def test_time_of_day_words_fix_the_lighting():
    assert brief_for("fantasy", summary="They ride out at dawn.").lighting == "dawn"
    assert brief_for("fantasy", main_elements="a castle in a thunderstorm").lighting == "storm"
    assert brief_for("science-fiction", main_elements="a spiral galaxy").lighting == "nebula"


def test_settings_follow_the_hero():
    assert brief_for("mystery", main_elements="a lighthouse").setting == "sea"
    assert brief_for("thriller", main_elements="city skyline").setting == "city"
    assert brief_for("science-fiction", main_elements="a planet").setting == "space"
    assert brief_for("romance", main_elements="a single rose").setting == "botanical"
    assert brief_for("romance", subgenre="dark-romance", main_elements="a dagger").setting == "symbolic"


def test_it_is_deterministic_for_a_seed():
    kwargs = {"summary": "A girl, a fox and a lantern in the snowy forest.", "seed": 42}
    assert brief_for("fantasy", **kwargs) == brief_for("fantasy", **kwargs)
    assert brief_for("fantasy", **kwargs).to_dict() == brief_for("fantasy", **kwargs).to_dict()


def test_seeds_vary_secondary_choices_never_the_meaning():
    briefs = [brief_for("romance", summary="Two lovers meet by the sea.", seed=s) for s in range(12)]
    assert len({tuple(names(b)) for b in briefs}) == 1
    assert len({b.mood for b in briefs}) == 1
    assert len({b.reasons for b in briefs}) == 1
    assert len({(b.lighting, b.palette.name) for b in briefs}) > 1


def test_it_round_trips_through_json():
    brief = brief_for("horror", main_elements="a haunted house under a full moon, no skulls", seed=7)
    again = Brief.from_dict(json.loads(json.dumps(brief.to_dict())))
    assert again == brief
    assert again.to_dict() == brief.to_dict()


def test_the_prompt_describes_the_picture_in_words():
    brief = brief_for("horror", main_elements="a haunted house under a full moon, no skulls")
    assert brief.prompt.startswith("Cover artwork for a horror book")
    assert "Focal point: a house" in brief.prompt
    assert "moon" in brief.prompt
    assert "no text" in brief.prompt
    assert "Do not show: skull" in brief.prompt
    assert brief.mood in brief.prompt


@pytest.mark.parametrize(
    ("genre", "subgenre", "kind"),
    [
        ("romance", "dark-romance", "dark romance book"),
        ("fantasy", "dystopian", "dystopian fantasy book"),
        ("childrens", "picture-book", "children's picture book"),
        ("business-economics", "", "business and economics book"),
    ],
)
def test_the_prompt_names_the_kind_of_book(genre, subgenre, kind):
    assert brief_for(genre, subgenre=subgenre).prompt.startswith(f"Cover artwork for a {kind}, ")


def test_an_unknown_genre_or_subgenre_falls_back_safely():
    brief = brief_for("cookbooks", subgenre="nonsense")
    assert brief.genre == "contemporary-fiction"
    assert brief.subgenre == ""
    assert len(brief.motifs) >= 2


def test_colours_named_in_the_main_elements_steer_the_palette():
    plain = brief_for("romance", subgenre="contemporary", main_elements="a crown")
    golden = brief_for("romance", subgenre="contemporary", main_elements="a crown, gold on black")
    assert luminance(plain.palette.colors["sky_top"]) > 0.18
    assert luminance(golden.palette.colors["sky_top"]) < 0.18
    assert golden.palette.colors["accent"] == "#d4af37"


def test_a_colour_on_a_motif_describes_the_motif_only():
    assert (
        brief_for("romance", main_elements="a red rose").palette == brief_for("romance", main_elements="a rose").palette
    )


def test_a_named_palette_wins_over_colour_words():
    brief = brief_for("thriller", main_elements="teal sky", palette="warm")
    assert family_of(brief.palette) == "warm"


def test_abstract_words_in_a_novel_summary_do_not_take_over():
    brief = brief_for("thriller", summary="The family business hides a secret in the data.")
    assert names(brief)[0] != "chart"


def test_reasons_only_explain_motifs_on_the_cover():
    brief = brief_for("fantasy", summary="moon stars castle dragon forest river mountains sword crown raven owl")
    shown = set(names(brief))
    assert brief.reasons
    assert {motif for _, motif in brief.reasons} == shown


def test_dark_romance_shows_one_object_on_a_dark_field():
    brief = brief_for("romance", subgenre="dark-romance", title="Thorns", summary="A bargain sealed in blood.")
    assert names(brief)[0] == "rose"
    assert brief.setting == "symbolic"
    assert brief.lighting in ("studio", "candle")


@pytest.mark.parametrize(
    ("genre", "summary", "present", "absent"),
    [
        ("science-fiction", "On a mining station at the edge of the solar system.", {"spaceship", "planet"}, {"train"}),
        ("science-fiction", "The colony ship loses contact.", {"spaceship"}, {"ship"}),
        ("self-help", "This book shows you how to begin.", set(), {"book"}),
        ("romance", "Sparks fly when the storm traps them.", {"storm"}, {"magic_sparks"}),
        ("mystery", "Found dead in the bell tower of the village.", {"church", "village"}, {"tower", "skull"}),
        ("thriller", "A key witness vanishes from the safe house.", {"house"}, {"key"}),
    ],
)
def test_words_are_read_in_context(genre, summary, present, absent):
    shown = set(names(brief_for(genre, summary=summary)))
    assert present <= shown
    assert not absent & shown


def test_unknown_options_and_missing_main_elements_fall_back_to_the_defaults():
    book = BookText(title="Untitled", author="A. Writer", genre="poetry")
    brief = build_brief(book, mood="nonsense", palette="nonsense", main_elements=None, seed=0)  # type: ignore[arg-type]
    assert brief.mood == "melancholic"
    assert brief.palette.name in ("muted-sage", "monochrome-silver", "pastel-lilac")


def test_a_stored_brief_without_the_newer_fields_still_loads():
    brief = brief_for("fantasy", summary="The star witness lies.", main_elements="a red dragon")
    data = json.loads(json.dumps(brief.to_dict()))
    assert data["unmatched"] and data["motifs"][0]["color"] == "red"
    del data["unmatched"]
    for motif in data["motifs"]:
        motif.pop("color", None)
        motif.pop("attributes", None)
    old = Brief.from_dict(data)
    assert old.unmatched == ()
    assert old.motifs[0] == MotifChoice("dragon", 1.0, "main elements: 'dragon'")


def test_the_prompt_says_what_the_book_says_about_the_hero():
    brief = brief_for("thriller", main_elements="a woman in a red coat")
    assert "Focal point: a woman in a red coat" in brief.prompt


def test_what_cannot_be_drawn_is_recorded_with_why():
    brief = brief_for("fantasy", summary="A star witness joins a book club.", main_elements="a castle")
    assert ("star witness", "legal term: the key witness, not a star") in brief.unmatched
    assert ("book club", "a reading group, not a book") in brief.unmatched
    assert names(brief)[0] == "castle"


def test_a_subject_without_a_picture_is_recorded_and_the_book_still_leads():
    from cover_engine.reading import read_book

    candidates = ("thimble", "doorknob", "colander", "stapler", "spatula", "sieve")
    word = next((w for w in candidates if not read_book("", "", "", f"a {w}", "fantasy", "").drawable()), None)
    if word is None:
        pytest.skip("the lexicon draws every candidate")
    brief = brief_for("fantasy", main_elements=f"a castle and a {word}")
    assert (word, f"no picture for '{word}' in the lexicon yet") in brief.unmatched
    assert names(brief)[0] == "castle"
