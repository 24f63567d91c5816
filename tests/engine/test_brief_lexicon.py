"""The motif lexicon: size, categories, stable names, and word/phrase matching."""

from __future__ import annotations

import re

import pytest

from cover_engine.lexicon import CATEGORIES, CORE_MOTIFS, MOTIFS, PHRASE_INDEX, find_motifs, normalise_words, stem

REQUIRED = (
    "moon sun stars planet comet galaxy eclipse mountains hills forest desert sea river lake island field canyon "
    "waterfall cliff rain snow fog storm lightning clouds castle tower house city_skyline lighthouse bridge church "
    "ruins temple gate door window road street_lamp tree bare_tree rose flowers leaves vines wheat lotus "
    "cherry_blossom mushroom wolf raven bird horse dragon cat owl butterfly fish deer fox snake whale lone_figure "
    "couple child warrior woman runner crown dagger sword key feather book candle skull mask clock compass ring "
    "heart hourglass lantern map letter chess_piece apple ship car train spaceship boat fire ice smoke light_rays "
    "runes magic_sparks blood arrows grid waves chart spiral mind hands globe summit_flag village"
).split()


def motifs_in(text: str) -> list[str]:
    return [m.motif for m in find_motifs(text)]


def test_it_offers_at_least_ninety_motifs_in_the_contract_categories():
    assert len(MOTIFS) >= 90
    assert set(CATEGORIES) == {
        "celestial", "landscape", "weather", "architecture", "flora", "fauna", "figure", "object", "vehicle",
        "element", "abstract",
    }  # fmt: skip
    assert {m.category for m in MOTIFS.values()} == set(CATEGORIES)


def test_it_has_every_motif_the_painters_were_promised():
    missing = [name for name in REQUIRED if name not in MOTIFS]
    assert missing == []


def test_motif_names_are_stable_identifiers_and_match_their_keys():
    for key, info in MOTIFS.items():
        assert key == info.name
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", key), key
        assert info.phrases, key


def _looked_for(info) -> tuple[str, ...]:
    """The phrases the text is searched for: a hand-drawn motif's name and phrases; a subject's phrases
    (its name only when it is one of them: "pilot" and "rock" are too common words)."""
    own = info.name.replace("_", " ")
    return ((own,) if info.name in CORE_MOTIFS else ()) + info.phrases


def test_no_phrase_calls_up_two_different_motifs():
    owners: dict[tuple[str, ...], set[str]] = {}
    for info in MOTIFS.values():
        for phrase in _looked_for(info):
            owners.setdefault(tuple(normalise_words(phrase)), set()).add(info.name)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


def test_every_motif_can_be_found_by_its_own_name_or_first_phrase():
    for name, info in MOTIFS.items():
        assert motifs_in(_looked_for(info)[0]) == [name], name


def test_a_subject_named_by_a_common_word_is_found_by_its_synonyms_only():
    # "cook", "pilot", "rock" and "guard" mean other things too; their synonyms do not.
    for word, name in (("chef", "cook"), ("aviator", "pilot"), ("boulder", "rock"), ("sentry", "guard")):
        assert motifs_in(f"the {word}") == [name], word
    for text in ("cook the books", "a pilot scheme", "rock music", "off guard"):
        assert not set(motifs_in(text)) & {"cook", "pilot", "rock", "guard"}, text


@pytest.mark.parametrize(
    ("text", "motif"),
    [
        ("wolves", "wolf"),
        ("the cities", "city_skyline"),
        ("old churches", "church"),
        ("burning", "fire"),
        ("butterflies", "butterfly"),
        ("roses", "rose"),
        ("knives", "dagger"),
        ("running", "runner"),
        ("lighthouses", "lighthouse"),
        ("foxes", "fox"),
        ("crowned", "crown"),
        ("the stormy coast", "storm"),
        ("cloudy skies", "clouds"),
        ("women", "woman"),
        ("children", "child"),
    ],
)
def test_it_matches_plurals_and_inflections(text, motif):
    assert motif in motifs_in(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("city lights", ["city_skyline"]),
        ("a night sky", ["stars"]),
        ("a bare tree", ["bare_tree"]),
        ("cherry blossoms", ["cherry_blossom"]),
        ("an old street lamp", ["street_lamp"]),
        ("light rays", ["light_rays"]),
        ("the haunted house", ["house"]),
        ("a sailing ship", ["ship"]),
        ("full moon", ["moon"]),
        ("a chess piece", ["chess_piece"]),
    ],
)
def test_phrases_win_over_the_words_inside_them(text, expected):
    assert motifs_in(text) == expected


def test_it_ignores_case_accents_and_possessives():
    assert motifs_in("LE CHÂTEAU DU DRAGÓN") == ["dragon"]
    assert motifs_in("The Dragon's Moon") == ["dragon", "moon"]
    assert motifs_in("Crème brûlée in the Forêt") == []


def test_it_reports_the_words_as_written_and_their_positions():
    (match,) = find_motifs("Three Old Lighthouses")
    assert (match.motif, match.phrase, match.start, match.end) == ("lighthouse", "lighthouses", 2, 3)


def test_the_stemmer_maps_forms_to_one_key():
    assert stem("roses") == stem("rose")
    assert stem("smoking") == stem("smoke")
    assert stem("blazing") == stem("blaze")
    assert stem("loved") == stem("love")
    assert stem("care") != stem("car")
    assert stem("does") != stem("doe")
    assert stem("haunted") == stem("haunt")
    assert stem("running") == stem("run")
    assert stem("glass") == "glass"
    assert stem("chess") == "chess"
    assert stem("runes") != stem("run")


@pytest.mark.parametrize(
    "text",
    [
        "a key witness vanishes",
        "the boy next door",
        "a race against time",
        "coming home to care for her father",
        "she does not know",
        "months of training",
    ],
)
def test_common_phrases_do_not_call_up_motifs_they_do_not_mean(text):
    assert not {"key", "door", "runner", "car", "deer", "train"} & set(motifs_in(text))


def test_the_phrase_index_covers_every_motif():
    assert set(PHRASE_INDEX.values()) == set(MOTIFS)
