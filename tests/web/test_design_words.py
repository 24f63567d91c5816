"""The cover page's design report in plain words: sentences, each subject once, no internal names."""

from __future__ import annotations

from web.views.covers import design_in_words


def _subject(phrase: str, *, asked_by: str = "main elements", reason: str = "") -> dict:
    entry = {"subject": phrase.split()[-1], "phrase": phrase, "words": [], "askedBy": asked_by}
    return {**entry, "reason": reason} if reason else entry


def test_the_report_reads_as_sentences_with_each_subject_once():
    design = {
        "template": {"id": "moonlit-forest", "name": "Moonlit Forest"},
        "palette": {"name": "dark-midnight", "family": "dark"},
        "type": {"titleFaces": ["cormorant-garamond", "cormorant-garamond"]},
        "subjectsDrawn": [
            _subject("a hedgehog"),
            _subject("a hot_air_balloon"),
            _subject("the moon"),
            _subject("the moon", asked_by="design"),
        ],
        "subjectsNotDrawn": [
            _subject("a zorblax", reason="we cannot draw it yet"),
            _subject("the moon", reason="no room for it in this design"),  # drawn after all: said once
            _subject("a castle", asked_by="genre", reason="no room for it in this design"),  # never asked for
            _subject("a cliff", reason="no room for it in this design"),
            _subject("the sea", reason="no room for it in this design"),
        ],
    }
    words = design_in_words(design)
    assert words["drawn"] == "a hedgehog, a hot air balloon and the moon"
    assert (
        words["not_drawn"] == "a zorblax (no picture for it yet); a cliff and the sea (no room for them in this design)"
    )
    assert (words["template"], words["palette"], words["faces"]) == (
        "Moonlit Forest",
        "dark midnight",
        "Cormorant Garamond",
    )


def test_a_cover_without_a_report_has_none():
    assert design_in_words(None) is None and design_in_words({}) is None


def test_a_picture_an_image_model_drew_says_so():
    note = "The picture was drawn by openai; the type, its placement and its contrast treatment are ours."
    design = {"template": {"id": "x"}, "artwork": {"source": "model", "provider": "openai", "note": note}}
    words = design_in_words(design)
    assert words["artwork"] == note and words["drawn"] == "" and words["not_drawn"] == ""
