"""The design report names what was drawn and what was not with one matching rule, and keeps names
and places (words read as something other than a subject) out of the subjects not drawn."""

from __future__ import annotations

import pytest

from cover_engine import BookText, CoverOptions, recipe_for_book
from cover_engine.artwork.journal import Drawn
from cover_engine.design import CANNOT_DRAW, answers, design_report, split_unmatched, subject_reads
from cover_engine.render import render_with_report

SCALE = 0.1


@pytest.mark.parametrize(
    ("drawn", "asked"),
    [
        ("hot_air_balloon", "balloon"),
        ("diya_lamp", "lamp"),  # also called an oil lamp
        ("man_walking", "lone_figure"),
        ("woman", "lone_figure"),
        ("figure", "lone_figure"),
        ("crescent", "moon"),
        ("lightning", "storm"),
        ("bare_tree", "tree"),
        ("stars", "star"),
    ],
)
def test_a_drawn_piece_answers_what_it_is_a_kind_of(drawn, asked):
    assert answers(drawn, asked)


@pytest.mark.parametrize(
    ("drawn", "asked"),
    [
        ("balloon", "hot_air_balloon"),  # a party balloon is not a hot air balloon
        ("woman", "man_walking"),  # a figure answers "a figure", not another person
        ("lamp", "diya_lamp"),
        ("castle", "lone_figure"),
        ("jellyfish", "fish"),
        ("summit_flag", "mountains"),  # "top of the mountain" is a top, "flag on the peak" a flag
        ("lone_figure", "spy"),  # a word that asks for a figure is not a name of what was drawn
    ],
)
def test_a_drawn_piece_does_not_answer_something_more_specific_or_else(drawn, asked):
    assert not answers(drawn, asked)


def test_a_figure_journalled_under_its_own_name_reads_as_the_lone_figure():
    pieces = [Drawn("man_walking", 40, 60, 60, 100)]
    assert subject_reads(pieces, "lone_figure", 160, 256)


def test_the_readers_reasons_split_into_subjects_we_cannot_draw_and_words_read_as_something_else():
    cannot, read_as = split_unmatched(
        (
            ("tables", "no picture for 'table' in the lexicon yet"),
            ("pip", "name of a character or place 'Pip'"),
            ("baghdad", "place name: a desert city"),
            ("star witness", "legal term: the key witness, not a star"),
        )
    )
    assert cannot == [("table", "tables")]
    assert read_as == [
        ("pip", "a name (a character or a place)"),
        ("baghdad", "the setting: a desert city"),
        ("star witness", "legal term: the key witness, not a star"),
    ]


def _design(book: BookText, seed: int = 3) -> dict:
    recipe = recipe_for_book(book, CoverOptions(), seed=seed)
    _, report = render_with_report(recipe, scale=SCALE)
    return design_report(recipe, report)


def test_names_and_places_are_not_subjects_not_drawn_but_are_said_how_they_were_read():
    book = BookText(
        title="Pip and the Lamp",
        author="A. B",
        genre="fantasy",
        summary="Pip rides through Baghdad with a hot air balloon and a diya.",
    )
    design = _design(book)
    missing = design["subjectsNotDrawn"]
    assert all(isinstance(s["subject"], str) and "(" not in s["subject"] for s in missing)
    assert not {"pip", "baghdad"} & {s["subject"] for s in missing}
    read_as = {r["words"]: r["readAs"] for r in design["readAs"]}
    assert read_as["pip"].startswith("a name") and read_as["baghdad"] == "the setting: a desert city"


def test_a_subject_with_no_picture_is_not_drawn_because_we_cannot_draw_it_yet():
    book = BookText(title="The Lamp", author="A. B", genre="literary", summary="An old oil lamp glows on the table.")
    design = _design(book)
    missing = {s["subject"]: s for s in design["subjectsNotDrawn"]}
    assert missing["table"]["reason"] == CANNOT_DRAW and missing["table"]["askedBy"] == "brief"


def test_nothing_is_listed_both_as_drawn_and_not_drawn():
    for book in (
        BookText(title="The Stranger", author="A. B", genre="literary", summary="A woman walks alone on a dark road."),
        BookText(title="Star Witness", author="J. Cole", genre="thriller", summary="A lone man walks a dark road."),
    ):
        design = _design(book)
        drawn = {s["subject"] for s in design["subjectsDrawn"]}
        assert not drawn & {s["subject"] for s in design["subjectsNotDrawn"]}
