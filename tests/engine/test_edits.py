"""apply_edit: free-text prompts turned into brief and typography changes, or a clear refusal."""

from __future__ import annotations

import colorsys

import pytest

from cover_engine.brief import Brief, build_brief
from cover_engine.edits import apply_edit
from cover_engine.errors import EditNotUnderstood, EngineError
from cover_engine.palettes import COLOR_WORDS, family_of
from cover_engine.recipe import BookText


@pytest.fixture(scope="module")
def night_castle() -> Brief:
    """A fantasy brief: castle (hero), moon, stars, at night, dark-midnight palette."""
    book = BookText(title="The Night Keeper", author="A. Writer", genre="fantasy")
    brief = build_brief(book, mood=None, palette=None, main_elements="a castle under the moon with stars", seed=1)
    assert [m.name for m in brief.motifs] == ["castle", "moon", "stars"]
    assert brief.lighting == "night"
    return brief


def names(brief: Brief) -> list[str]:
    return [m.name for m in brief.motifs]


def weight(brief: Brief, name: str) -> float:
    return next(m.weight for m in brief.motifs if m.name == name)


def hue(value: str) -> float:
    return colorsys.rgb_to_hls(*(int(value[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]


def edit(brief: Brief, prompt: str, overrides: dict | None = None):
    return apply_edit(brief, overrides or {}, prompt)


# --- tone -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prompt", "key", "sign", "said"),
    [
        ("darker", "brightness", -1, "darker"),
        ("Make the background darker", "brightness", -1, "darker background"),
        ("make it lighter", "brightness", 1, "lighter"),
        ("brighter please", "brightness", 1, "lighter"),
        ("more contrast", "contrast", 1, "more contrast"),
        ("increase the contrast", "contrast", 1, "more contrast"),
        ("less contrast", "contrast", -1, "less contrast"),
        ("warmer", "warmth", 1, "warmer colours"),
        ("cooler", "warmth", -1, "cooler colours"),
        ("make it colder", "warmth", -1, "cooler colours"),
        ("simpler", "busyness", -1, "simpler composition"),
        ("less cluttered", "busyness", -1, "simpler composition"),
        ("busier", "busyness", 1, "busier, more detailed composition"),
        ("more dramatic", "contrast", 1, "more dramatic (more contrast)"),
    ],
)
def test_tone_words_nudge_the_adjustments(night_castle, prompt, key, sign, said):
    brief, overrides, understood = edit(night_castle, prompt)
    assert understood == [said]
    assert brief.adjust[key] * sign > 0
    assert all(v == 0 for k, v in brief.adjust.items() if k != key)
    assert overrides == {}
    assert names(brief) == names(night_castle)


def test_a_more_dramatic_sky_means_storm_light_and_contrast(night_castle):
    brief, _, understood = edit(night_castle, "more dramatic sky")
    assert brief.lighting == "storm"
    assert brief.adjust["contrast"] > 0
    assert understood == ["more dramatic, stormy sky"]


def test_adjustments_accumulate_and_stay_within_bounds(night_castle):
    brief = night_castle
    for _ in range(5):
        brief, _, _ = edit(brief, "darker")
    assert brief.adjust["brightness"] == -1.0


# --- colour -----------------------------------------------------------------------------------


def test_a_colour_word_recolours_the_palette(night_castle):
    brief, _, understood = edit(night_castle, "make it blue")
    assert understood == ["blue colour scheme"]
    assert brief.palette.name == "blue"
    assert abs(hue(brief.palette.colors["mid"]) - hue(COLOR_WORDS["blue"])) < 0.05


def test_metals_become_accents(night_castle):
    brief, _, understood = edit(night_castle, "use gold")
    assert understood == ["gold accents"]
    assert brief.palette.colors["accent"] == COLOR_WORDS["gold"]
    assert brief.palette.colors["sky_top"] == night_castle.palette.colors["sky_top"]


def test_any_colour_can_be_asked_for_as_accent(night_castle):
    brief, _, understood = edit(night_castle, "teal accents")
    assert understood == ["teal accents"]
    assert brief.palette.colors["accent"] == COLOR_WORDS["teal"]


@pytest.mark.parametrize(
    ("prompt", "family"),
    [
        ("pastel colours", "pastel"),
        ("black and white", "monochrome"),
        ("earthy tones", "earth"),
        ("muted please", "muted"),
        ("metallic", "metallic"),
        ("duotone", "duotone"),
        ("cool colours", "cool"),
    ],
)
def test_palette_names_switch_the_palette_family(night_castle, prompt, family):
    brief, _, understood = edit(night_castle, prompt)
    assert family_of(brief.palette) == family
    assert understood == [f"{family} palette"]


def test_a_colour_before_a_motif_describes_the_motif_not_the_palette(night_castle):
    brief, _, understood = edit(night_castle, "add a red rose")
    assert understood == ["added a rose"]
    assert "rose" in names(brief)
    assert brief.palette == night_castle.palette


# --- motifs -----------------------------------------------------------------------------------


def test_more_of_a_present_motif_raises_its_weight(night_castle):
    brief, _, understood = edit(night_castle, "add more stars")
    assert understood == ["more stars"]
    assert weight(brief, "stars") > weight(night_castle, "stars")


def test_fewer_lowers_its_weight(night_castle):
    brief, _, understood = edit(night_castle, "fewer stars")
    assert understood == ["fewer stars"]
    assert weight(brief, "stars") < weight(night_castle, "stars")


def test_remove_takes_a_motif_out_and_keeps_it_out(night_castle):
    brief, _, understood = edit(night_castle, "remove the moon")
    assert understood == ["removed the moon"]
    assert "moon" not in names(brief)
    assert "moon" in brief.avoid
    assert "Do not show: moon" in brief.prompt
    brief, _, _ = edit(brief, "add a castle")
    assert "moon" not in names(brief)


def test_adding_a_motif_back_lifts_the_ban(night_castle):
    brief, _, _ = edit(night_castle, "remove the moon")
    brief, _, understood = edit(brief, "add the moon")
    assert "moon" in names(brief) and "moon" not in brief.avoid
    assert understood == ["added the moon"]


def test_add_puts_a_new_motif_in(night_castle):
    brief, _, understood = edit(night_castle, "add a dragon")
    assert understood == ["added a dragon"]
    assert names(brief) == ["castle", "moon", "stars", "dragon"]
    assert brief.motifs[-1].source.startswith("edit:")


def test_no_bans_a_motif_that_is_not_shown(night_castle):
    brief, _, understood = edit(night_castle, "no dragon")
    assert understood == ["no dragon"]
    assert brief.avoid == ("dragon",)
    assert names(brief) == names(night_castle)


def test_bigger_makes_a_motif_the_hero(night_castle):
    brief, _, understood = edit(night_castle, "make the moon bigger")
    assert understood == ["bigger moon"]
    assert names(brief)[0] == "moon"
    assert brief.motifs[0].weight == 1.0


def test_removing_the_hero_promotes_the_next(night_castle):
    brief, _, _ = edit(night_castle, "remove the castle")
    assert names(brief) == ["moon", "stars"]
    assert brief.motifs[0].weight == 1.0


def test_removing_everything_leaves_a_genre_motif_that_was_not_banned(night_castle):
    brief, _, understood = edit(night_castle, "remove the castle, the moon and the stars")
    assert understood == ["removed the castle", "removed the moon", "removed the stars"]
    assert len(brief.motifs) == 1
    assert brief.motifs[0].name not in ("castle", "moon", "stars")


def test_a_brief_never_holds_more_than_five_motifs(night_castle):
    brief, _, _ = edit(night_castle, "add a dragon, a raven, a sword and a ship")
    assert len(brief.motifs) == 5
    assert names(brief)[0] == "castle"
    assert "ship" in names(brief)


def test_replace_removes_one_and_adds_the_other(night_castle):
    brief, _, understood = edit(night_castle, "replace the moon with a sun")
    assert understood == ["removed the moon", "added the sun"]
    assert "moon" not in names(brief) and "sun" in names(brief)
    assert brief.lighting == "dusk"  # a sun cannot shine at night


def test_adding_a_storm_brings_storm_light(night_castle):
    brief, _, _ = edit(night_castle, "add a storm")
    assert "storm" in names(brief)
    assert brief.lighting == "storm"
    # The storm's light darkens and cools the whole picture, as a time of day does.
    assert brief.adjust["brightness"] < night_castle.adjust.get("brightness", 0.0)
    assert brief.adjust["warmth"] < night_castle.adjust.get("warmth", 0.0)


def test_plural_and_phrase_forms_work_in_edits(night_castle):
    brief, _, understood = edit(night_castle, "add lighthouses and some cherry blossoms")
    assert understood == ["added a lighthouse", "added cherry blossom"]
    assert {"lighthouse", "cherry_blossom"} <= set(names(brief))


# --- mood and lighting ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prompt", "mood"),
    [
        ("more mysterious", "mysterious"),
        ("make it romantic", "romantic"),
        ("sadder", "melancholic"),
        ("happier and hopeful", "uplifting"),
        ("epic", "epic"),
        ("more intense", "intense"),
    ],
)
def test_mood_words_set_the_mood(night_castle, prompt, mood):
    brief, _, understood = edit(night_castle, prompt)
    assert brief.mood == mood
    assert understood == [f"{mood} mood"]


def test_time_of_day_sets_the_lighting(night_castle):
    brief, _, understood = edit(night_castle, "at sunset")
    assert brief.lighting == "dusk"
    assert understood == ["dusk light"]


# --- typography ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prompt", "position"),
    [
        ("move the title to the top", "top"),
        ("title at the bottom", "bottom"),
        ("centre the title", "middle"),
        ("put the title in the middle", "middle"),
        ("title higher", "top"),
    ],
)
def test_title_position(night_castle, prompt, position):
    brief, overrides, understood = edit(night_castle, prompt)
    assert overrides == {"title_position": position}
    assert brief.adjust == night_castle.adjust
    assert names(brief) == names(night_castle)
    assert len(understood) == 1


def test_title_size_multiplies_and_is_bounded(night_castle):
    _, overrides, understood = edit(night_castle, "bigger title")
    assert overrides == {"title_scale": 1.2} and understood == ["bigger title"]
    _, overrides, _ = edit(night_castle, "make the title bigger", overrides)
    assert overrides["title_scale"] == 1.44
    _, overrides, understood = edit(night_castle, "make the title smaller")
    assert overrides["title_scale"] < 1 and understood == ["smaller title"]
    big = {"title_scale": 1.55}
    _, overrides, _ = edit(night_castle, "much bigger title", big)
    assert overrides["title_scale"] == 1.6


@pytest.mark.parametrize(
    ("prompt", "voice"),
    [
        ("use a serif font", "serif"),
        ("sans-serif please", "sans"),
        ("a sans serif typeface", "sans"),
        ("script lettering", "script"),
        ("handwritten font", "script"),
    ],
)
def test_type_voice(night_castle, prompt, voice):
    brief, overrides, _ = edit(night_castle, prompt)
    assert overrides == {"type_voice": voice}
    assert names(brief) == names(night_castle)  # "lettering" is not a letter


# --- several at once ----------------------------------------------------------------------------


def test_two_instructions_in_one_sentence(night_castle):
    brief, _, understood = edit(night_castle, "Make the background darker and add more stars")
    assert understood == ["darker background", "more stars"]
    assert brief.adjust["brightness"] < 0
    assert weight(brief, "stars") > weight(night_castle, "stars")


def test_many_instructions_in_prompt_order(night_castle):
    prompt = "Make it warmer, remove the moon, add a lighthouse, put the title at the bottom and use a script font"
    brief, overrides, understood = edit(night_castle, prompt)
    assert understood == [
        "warmer colours",
        "removed the moon",
        "added a lighthouse",
        "title at the bottom",
        "script type",
    ]
    assert brief.adjust["warmth"] > 0
    assert "moon" not in names(brief) and "lighthouse" in names(brief)
    assert overrides == {"title_position": "bottom", "type_voice": "script"}


def test_it_refers_it_to_the_title_only_when_the_title_is_named(night_castle):
    _, overrides, understood = edit(night_castle, "make the title bigger and move it to the top")
    assert overrides == {"title_scale": 1.2, "title_position": "top"}
    assert understood == ["bigger title", "title at the top"]
    with pytest.raises(EditNotUnderstood):
        edit(night_castle, "move it to the top")


def test_the_inputs_are_left_untouched(night_castle):
    before = night_castle.to_dict()
    overrides = {"title_scale": 1.2}
    edit(night_castle, "darker, remove the moon, bigger title, pastel", overrides)
    assert night_castle.to_dict() == before
    assert overrides == {"title_scale": 1.2}


def test_the_edited_brief_round_trips_and_its_prompt_follows(night_castle):
    brief, _, _ = edit(night_castle, "darker, simpler, add a raven")
    assert Brief.from_dict(brief.to_dict()) == brief
    assert "darker overall" in brief.prompt and "minimal" in brief.prompt and "raven" in brief.prompt


# --- not understood -----------------------------------------------------------------------------


@pytest.mark.parametrize("prompt", ["asdf qwerty", "please", "", "   ", "Rimuovi la luna", "move it to the top"])
def test_it_refuses_a_prompt_it_cannot_understand(night_castle, prompt):
    with pytest.raises(EditNotUnderstood) as caught:
        edit(night_castle, prompt)
    error = caught.value
    assert isinstance(error, EngineError)
    assert error.code == "edit_not_understood"
    assert "add more stars" in error.message and "darker" in error.message


def test_a_comma_list_keeps_its_verb_until_a_new_item_is_wanted(night_castle):
    brief, _, understood = edit(night_castle, "no dragons, a raven")
    assert understood == ["no dragon", "added a raven"]
    assert "raven" in names(brief) and brief.avoid == ("dragon",)


def test_much_and_a_bit_scale_a_step(night_castle):
    plain, _, _ = edit(night_castle, "darker")
    much, _, _ = edit(night_castle, "much darker")
    bit, _, _ = edit(night_castle, "a bit darker")
    assert much.adjust["brightness"] < plain.adjust["brightness"] < bit.adjust["brightness"] < 0


def test_less_of_a_mood_turns_to_its_counterpart(night_castle):
    brief, _, understood = edit(night_castle, "less gloomy")
    assert brief.mood == "uplifting"
    assert understood == ["less melancholic: uplifting mood"]
    assert brief.lighting == "night"  # the moon still needs the night


@pytest.mark.parametrize(
    ("prompt", "family"),
    [("use the earth palette", "earth"), ("warm colour scheme", "warm"), ("a bold look", "bold")],
)
def test_a_palette_name_with_palette_words(night_castle, prompt, family):
    brief, _, _ = edit(night_castle, prompt)
    assert family_of(brief.palette) == family


@pytest.mark.parametrize(
    ("prompt", "expected_understood", "expected_overrides"),
    [
        (
            "I'd like the title to be larger and at the top of the cover",
            ["bigger title", "title at the top"],
            {"title_scale": 1.2, "title_position": "top"},
        ),
        ("can the title go lower", ["title at the bottom"], {"title_position": "bottom"}),
        ("Make the text bigger", ["bigger title"], {"title_scale": 1.2}),
        ("increase the size of the title", ["bigger title"], {"title_scale": 1.2}),
    ],
)
def test_conversational_title_requests(night_castle, prompt, expected_understood, expected_overrides):
    _, overrides, understood = edit(night_castle, prompt)
    assert understood == expected_understood
    assert overrides == expected_overrides


def test_a_colour_asked_away_is_not_painted(night_castle):
    brief, _, understood = edit(night_castle, "More red, less blue")
    assert understood == ["red colour scheme"]
    assert brief.palette.name == "red"


def test_instead_of_swaps_motifs(night_castle):
    brief, _, understood = edit(night_castle, "a raven instead of the moon")
    assert understood == ["added a raven", "removed the moon"]
    assert "raven" in names(brief) and "moon" not in names(brief)


def test_a_place_phrase_does_not_count_as_a_request(night_castle):
    brief, _, understood = edit(night_castle, "add a wolf howling at the moon")
    assert understood == ["added a wolf"]
    assert weight(brief, "moon") == weight(night_castle, "moon")


def test_a_lighting_edit_is_kept_as_an_override_and_changes_the_light(night_castle):
    brief, overrides, understood = edit(night_castle, "show it in daylight")
    assert brief.lighting == "day"
    assert overrides["lighting"] == "day"
    assert brief.adjust["brightness"] > night_castle.adjust.get("brightness", 0.0)
    assert understood == ["daylight"]


def test_an_unchanged_lighting_adds_no_override(night_castle):
    _, overrides, _ = edit(night_castle, "make it night")
    assert "lighting" not in overrides


def test_a_night_edit_darkens_a_template_whose_sky_is_designed():
    import io

    from PIL import Image, ImageStat

    from cover_engine import BookText as Book
    from cover_engine import CoverOptions, recipe_edit, recipe_for_book, render

    book = Book(title="Crown of Shadows", author="Elena Blackwood", genre="fantasy", summary="A city of towers.")
    recipe = recipe_for_book(book, CoverOptions(template_id="cinematic-skyline-dawn"), seed=1)
    night = recipe_edit(recipe, "make it night").recipe
    assert night.overrides["lighting"] == "night"

    def luminance(r) -> float:
        return ImageStat.Stat(Image.open(io.BytesIO(render(r, scale=0.08))).convert("L")).mean[0]

    assert luminance(night) < luminance(recipe) - 3
