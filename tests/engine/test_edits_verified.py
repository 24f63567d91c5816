"""Edits are checked on the rendered cover: what the engine says it did shows, where it should."""

from __future__ import annotations

import pytest

from cover_engine import BookText, CoverOptions, distinct, recipe_for_book
from cover_engine.checked import edit_refusal, render_edit
from cover_engine.design import MIN_SUBJECT_SHARE, subject_reads, subject_share
from cover_engine.edits import edit_outcome
from cover_engine.errors import EditNotApplied, EditNotUnderstood
from cover_engine.render import render_with_report

SCALE = 0.1

ROAD = (
    "cinematic-lone-road",
    BookText(title="Star Witness", author="J. Cole", genre="thriller", summary="A lone man walks a dark road."),
)
MEADOW = (
    "kids-animal-friends",
    BookText(title="Hattie", author="Ann Lee", genre="childrens", summary="A little fox explores the meadow."),
)
FOREST = (
    "epic-moonlit-forest",
    BookText(title="Crown of Ash", author="E. Black", genre="fantasy", summary="A castle in a forest under the moon."),
)


def _source(case):
    template_id, book = case
    recipe = recipe_for_book(book, CoverOptions(template_id=template_id), seed=5)
    png, report = render_with_report(recipe, scale=SCALE)
    return recipe, report, distinct.signature(png)


def _title_centre(report) -> float:
    x0, y0, x1, y1 = report.element("title").box
    return (y0 + y1) / 2 / report.height


ADDS = [
    (ROAD, "add a castle", "castle"),
    (ROAD, "add a wolf", "wolf"),
    (ROAD, "please add an owl", "owl"),
    (ROAD, "add a ship", "ship"),
    (MEADOW, "add a red rose", "rose"),
    (MEADOW, "add a lighthouse", "lighthouse"),
    (MEADOW, "add a key", "key"),
    (FOREST, "add a ship", "ship"),
]


@pytest.mark.parametrize(("case", "prompt", "subject"), ADDS, ids=[p for _, p, _ in ADDS])
def test_an_added_subject_is_drawn_at_a_size_that_reads_and_changes_its_region(case, prompt, subject):
    source, before, _ = _source(case)
    edited = render_edit(source, prompt, scale=SCALE)
    assert edited.applied == [f"added {'an' if subject[0] in 'aeiou' else 'a'} {subject}"]
    report = edited.report
    assert subject_reads(report.drawn, subject, report.width, report.height)
    assert subject_share(report.drawn, subject, report.width, report.height) >= MIN_SUBJECT_SHARE
    drawn = {s["subject"]: s for s in edited.design["subjectsDrawn"]}
    assert subject in drawn and drawn[subject]["askedBy"] == "edit"
    # The cover's own hero is still there.
    hero = source.brief.hero
    if subject_reads(before.drawn, hero, before.width, before.height):
        assert subject_reads(report.drawn, hero, report.width, report.height)


def test_a_removed_subject_is_gone():
    source, before, _ = _source(FOREST)
    assert subject_reads(before.drawn, "moon", before.width, before.height)
    edited = render_edit(source, "remove the moon", scale=SCALE)
    assert edited.applied == ["removed the moon"]
    assert not any(d.name == "moon" for d in edited.report.drawn)


TONES = [
    (ROAD, "make it red", "red colour scheme"),
    (MEADOW, "make it blue", "blue colour scheme"),
    (FOREST, "pastel colours", "pastel palette"),
    (ROAD, "monochrome", "monochrome palette"),
    (MEADOW, "darker", "darker"),
    (FOREST, "brighter", "lighter"),
]


@pytest.mark.parametrize(("case", "prompt", "said"), TONES, ids=[p for _, p, _ in TONES])
def test_colour_and_tone_changes_show_over_the_picture(case, prompt, said):
    source, _, sig = _source(case)
    edited = render_edit(source, prompt, scale=SCALE)
    assert edited.applied == [said]
    assert distinct.pixel_difference(sig, edited.signature) >= 5


def test_a_storm_hides_the_stars_and_the_sun():
    source, before, _ = _source(ROAD)
    # The lone road's designed sky shows a low sun or stars, whichever its light brings.
    assert {"stars", "sun"} & {d.name for d in before.drawn}
    edited = render_edit(source, "make it stormy", scale=SCALE)
    names = {d.name for d in edited.report.drawn}
    assert "stars" not in names and "sun" not in names
    assert {"lightning", "rain"} & names


EMBLEM = (
    "epic-crown-emblem",
    BookText(title="Crown of Ash", author="E. Black", genre="fantasy", summary="A queen and her crown."),
)


def test_a_storm_on_a_design_with_no_sky_claims_only_the_stormy_light_it_shows():
    source, before, sig = _source(EMBLEM)
    edited = render_edit(source, "make it stormy", scale=SCALE)
    assert edited.applied == ["stormy light"]
    assert distinct.pixel_difference(sig, edited.signature) >= 5
    assert subject_reads(edited.report.drawn, "crown", edited.report.width, edited.report.height)


def test_a_storm_under_a_sun_that_still_shines_is_refused():
    # The children's meadow keeps its smiling sun whatever the weather: no storm to claim.
    source, _, _ = _source(MEADOW)
    with pytest.raises(EditNotApplied):
        render_edit(source, "make it stormy", scale=SCALE)


def test_night_brings_stars_or_the_moon_and_day_takes_them_away():
    source, _, sig = _source(MEADOW)
    night = render_edit(source, "at night", scale=SCALE)
    assert night.applied == ["night scene"]
    assert {"stars", "moon"} & {d.name for d in night.report.drawn}
    day = render_edit(night.recipe, "daytime", scale=SCALE)
    assert day.applied == ["daylight"]
    assert "stars" not in {d.name for d in day.report.drawn}
    assert distinct.pixel_difference(distinct.signature(night.png), day.signature) >= 5


@pytest.mark.parametrize("prompt", ["at dawn", "sunset"])
def test_a_time_of_day_changes_the_light(prompt):
    source, _, sig = _source(FOREST)
    edited = render_edit(source, prompt, scale=SCALE)
    assert distinct.pixel_difference(sig, edited.signature) >= 5


def test_moving_the_title_moves_it_and_keeps_the_figure():
    source, before, _ = _source(ROAD)
    edited = render_edit(source, "move the title to the bottom", scale=SCALE)
    assert edited.applied == ["title at the bottom"]
    assert _title_centre(edited.report) - _title_centre(before) > 0.3
    assert subject_reads(edited.report.drawn, "lone_figure", edited.report.width, edited.report.height)
    assert edited.design["edit"]["notApplied"] == []


@pytest.mark.parametrize(("prompt", "said"), [("bigger title", "bigger title"), ("smaller title", "smaller title")])
def test_resizing_the_title_resizes_it(prompt, said):
    source, before, _ = _source(ROAD)
    edited = render_edit(source, prompt, scale=SCALE)
    assert edited.applied == [said]
    height = lambda r: r.element("title").box[3] - r.element("title").box[1]  # noqa: E731
    assert (height(edited.report) > height(before)) == (said == "bigger title")


@pytest.mark.parametrize(
    ("prompt", "said"),
    [
        ("elegant title", "elegant type"),
        ("bold title", "bold type"),
        ("handwritten title", "script type"),
        ("serif font", "serif type"),
    ],
)
def test_a_type_voice_changes_the_typeface_only(prompt, said):
    source, before, sig = _source(ROAD)
    edited = render_edit(source, prompt, scale=SCALE)
    assert edited.applied == [said]
    assert edited.report.element("title").faces != before.element("title").faces
    # The picture under the title is the same: only the type changed.
    assert {d.name for d in edited.report.drawn} == {d.name for d in before.drawn}


def test_a_partly_understood_prompt_applies_what_it_can_and_lists_the_ignored_words():
    source, _, _ = _source(ROAD)
    edited = render_edit(source, "purple wibble dishwasher", scale=SCALE)
    assert edited.applied == ["purple colour scheme"]
    assert edited.design["edit"]["ignoredWords"] == ["wibble", "dishwasher"]


def test_nonsense_is_not_understood():
    source, _, _ = _source(ROAD)
    with pytest.raises(EditNotUnderstood):
        render_edit(source, "flibber zonk wabble", scale=SCALE)


@pytest.mark.parametrize(
    ("case", "prompt"),
    [(MEADOW, "remove the moon"), (ROAD, "move the title to the top"), (MEADOW, "make the fox bigger")],
)
def test_an_edit_that_would_not_show_fails_rather_than_claiming_it(case, prompt):
    source, _, _ = _source(case)
    with pytest.raises(EditNotApplied) as err:
        render_edit(source, prompt, scale=SCALE)
    assert err.value.code == "edit_not_applied"
    assert "refunded" in err.value.message


def test_an_edit_that_would_take_the_focal_subject_away_fails():
    # The compositions now keep their hero clear of the type wherever the title goes, so no title
    # edit on the shipped templates loses it any more: the rule is checked on its own.
    source, _, _ = _source(MEADOW)
    outcome = edit_outcome(source.brief, dict(source.overrides), "move the title to the bottom")
    refusal = edit_refusal(applied=["title at the bottom"], failed=[], lost=["fox"], hero="fox", outcome=outcome)
    assert refusal is not None and refusal.code == "edit_not_applied"
    assert "take the fox away" in refusal.message and "refunded" in refusal.message
    # A supporting subject lost is delivered (and said in the report); nothing shown is refused.
    kept = edit_refusal(applied=["title at the bottom"], failed=[], lost=["moon"], hero="fox", outcome=outcome)
    assert kept is None
    nothing = edit_refusal(applied=[], failed=["title at the bottom: no room"], lost=[], hero="fox", outcome=outcome)
    assert nothing is not None and "no room" in nothing.message


def test_a_childrens_cover_keeps_its_character_when_the_title_moves_down():
    source, before, _ = _source(MEADOW)
    edited = render_edit(source, "move the title to the bottom", scale=SCALE)
    assert edited.applied == ["title at the bottom"]
    assert subject_reads(edited.report.drawn, "fox", edited.report.width, edited.report.height)


def test_the_design_report_names_what_was_drawn():
    source, _, _ = _source(MEADOW)
    edited = render_edit(source, "add a lighthouse", scale=SCALE)
    design = edited.design
    assert design["template"]["id"] == "kids-animal-friends" and design["template"]["family"] == "kids"
    assert design["type"]["titleFaces"]
    drawn = " ".join(s["phrase"] for s in design["subjectsDrawn"])
    assert "lighthouse" in drawn and "fox" in drawn


def test_a_subject_added_to_a_one_object_design_is_its_companion_and_the_swap_works():
    book = BookText(title="Crown of Ash", author="E. Black", genre="fantasy", summary="A queen and her crown.")
    source = recipe_for_book(book, CoverOptions(template_id="epic-crown-emblem"), seed=1)
    # An emblem design has one focal slot: the added wolf stands beside the crown as its companion.
    added = render_edit(source, "add a wolf", scale=SCALE)
    assert subject_reads(added.report.drawn, "wolf", added.report.width, added.report.height)
    assert subject_reads(added.report.drawn, "crown", added.report.width, added.report.height)
    swapped = render_edit(source, "replace the crown with a wolf", scale=SCALE)
    assert "removed the crown" in swapped.applied
    assert subject_reads(swapped.report.drawn, "wolf", swapped.report.width, swapped.report.height)


def test_the_design_report_lists_what_was_asked_for_but_not_drawn_with_the_words_and_the_reason():
    from cover_engine.checked import drawn_subjects
    from cover_engine.design import design_report

    book = BookText(title="Crown of Ash", author="E. Black", genre="fantasy", summary="A crown, fire and a castle.")
    recipe = recipe_for_book(book, CoverOptions(template_id="epic-crown-emblem"), seed=1)
    png, report = render_with_report(recipe, scale=SCALE)
    design = design_report(recipe, report)
    drawn = {s["subject"]: s for s in design["subjectsDrawn"]}
    missing = {s["subject"]: s for s in design["subjectsNotDrawn"]}
    assert drawn["crown"]["words"] == ["crown"] and drawn["crown"]["widthShare"] >= MIN_SUBJECT_SHARE
    assert "castle" in missing and missing["castle"]["reason"] and missing["castle"]["words"] == ["castle"]
    assert set(drawn_subjects(report, ["crown", "castle"])) == {"crown"}
    # The title's "ash" is drawn (fire, the crown's companion); the summary's castle has no room.
    assert (missing["castle"]["phrase"], missing["castle"]["reason"]) == ("a castle", "no room for it in this design")


def test_a_subject_we_cannot_draw_is_named_not_silently_dropped():
    source, _, _ = _source(ROAD)
    with pytest.raises(EditNotUnderstood) as err:
        render_edit(source, "add an armadillo", scale=SCALE)
    assert "We cannot draw an armadillo yet" in err.value.message
    edited = render_edit(source, "pastel colours and add a purple zorblax, wibble", scale=SCALE)
    assert edited.applied[0] == "pastel palette"
    missing = {s["subject"]: s for s in edited.design["subjectsNotDrawn"]}
    assert missing["zorblax"]["askedBy"] == "edit" and missing["zorblax"]["reason"] == "we cannot draw it yet"
    assert "wibble" in edited.design["edit"]["ignoredWords"]


def test_recolouring_a_subject_recolours_the_cover_without_claiming_more_of_the_subject():
    source, _, sig = _source(MEADOW)
    edited = render_edit(source, "make the fox red", scale=SCALE)
    assert edited.applied == ["red colour scheme"]
    assert distinct.pixel_difference(sig, edited.signature) >= 5
    assert subject_reads(edited.report.drawn, "fox", edited.report.width, edited.report.height)
