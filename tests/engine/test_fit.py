"""Line breaking and fitting: balanced, phrase-aware, stepping down before wrapping, never overflowing."""

from __future__ import annotations

import pytest

from cover_engine.typeset import fonts
from cover_engine.typeset.fit import apply_case, fit_text, tokenize

SERIF = fonts.face_by_slug("playfair-display")


def fit(text: str, *, width=1400.0, height=900.0, max_size=300.0, min_size=100.0, face=SERIF, **kw):
    chain = fonts.font_chain(face, 700, text)
    return fit_text(text, chain, max_width=width, max_height=height, max_size=max_size, min_size=min_size, **kw)


def test_it_keeps_an_honorific_with_its_name():
    for title in ("Wonderful Adventures of Mrs. Seacole", "Mrs. Seacole and the Wonderful Adventures in Many Lands"):
        lines = fit(title).lines
        assert any("Mrs. Seacole" in line for line in lines), lines


def test_it_keeps_initials_together():
    lines = fit("The Letters of J. R. R. Tolkien to His Son", width=900).lines
    assert any("J. R. R. Tolkien" in line for line in lines), lines


@pytest.mark.parametrize(
    "title",
    [
        "The Girl Who Played with Fire",
        "A Short History of Nearly Everything That Happened in the Old House by the Sea",
        "All the Light We Cannot See",
        "The Curious Incident of the Dog in the Night-Time",
    ],
)
def test_it_leaves_no_lonely_last_word_and_no_tiny_first_line(title):
    fitted = fit(title)
    assert len(fitted.lines) >= 2
    assert len(fitted.lines[-1].split()) >= 2, fitted.lines
    assert fitted.line_widths[0] >= 0.4 * max(fitted.line_widths), fitted.lines


def test_it_does_not_end_a_line_on_a_little_word():
    lines = fit("The House of Many Doors").lines
    assert not any(line.split()[-1].lower() in ("of", "the") for line in lines[:-1]), lines


def test_lines_are_balanced():
    fitted = fit("The Girl Who Played with Fire and the Hornets Nest")
    assert min(fitted.line_widths) >= 0.5 * max(fitted.line_widths), fitted.lines


def test_long_titles_get_smaller_type_but_not_below_the_minimum():
    short = fit("Dune")
    long = fit("A Short History of Nearly Everything That Happened in the Old House by the Sea")
    assert short.size > long.size >= 100


def test_it_wraps_into_more_lines_rather_than_going_below_the_minimum():
    text = "A Short History of Nearly Everything That Happened in the Old House by the Sea"
    fitted = fit(text, height=300, min_size=100)
    assert fitted.size >= 100
    assert fitted.width <= 1400 + 0.5
    assert fitted.height > 300  # the caller grows the block; it never clips


def test_nothing_is_wider_than_the_box():
    for text in ("Dune", "The Lighthouse Keeper", "Incomprehensibilities"):
        fitted = fit(text, width=500)
        assert fitted.width <= 500 + 0.5


def test_a_single_word_wider_than_the_box_at_the_minimum_shrinks_instead_of_overflowing():
    fitted = fit("Incomprehensibilities", width=400, min_size=100)
    assert fitted.width <= 400 + 0.5


def test_cjk_breaks_between_characters_but_not_before_closing_punctuation():
    pieces = [t.text for t in tokenize("千と千尋の神隠し、そして")]
    assert "し、" in pieces and "、" not in pieces
    lines = fit("千と千尋の神隠しと不思議な町の物語", width=700).lines
    assert "".join(lines) == "千と千尋の神隠しと不思議な町の物語"
    assert len(lines) >= 2


def test_arabic_and_devanagari_break_between_words_only():
    for text in ("الأمير الصغير في الصحراء الكبرى", "गोदान की कहानी और प्रेमचंद"):
        lines = fit(text, width=600).lines
        assert " ".join(lines) == text


def test_case_rules_respect_the_script():
    assert apply_case("The Lighthouse Keeper", "upper") == "THE LIGHTHOUSE KEEPER"
    assert apply_case("Η Οδύσσεια", "upper") == "Η ΟΔΥΣΣΕΙΑ"  # capitals drop the tonos
    assert apply_case("Ἡ Ὀδύσσεια", "upper") == "Η ΟΔΥΣΣΕΙΑ"  # and the breathings
    assert apply_case("Προϊόν", "upper") == "ΠΡΟΪΟΝ"  # but keep the diaeresis
    assert apply_case("the house of many doors", "title") == "The House of Many Doors"
    for text in ("الأمير الصغير", "गोदान", "千と千尋"):
        assert apply_case(text, "upper") == text
