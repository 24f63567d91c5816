"""The content policy: whole words, any case, any accents, configurable by the operator."""

from __future__ import annotations

import pytest

from covers.content_policy import fields_violating_policy, policy_terms, policy_violations


def test_it_ships_a_term_list():
    assert len(policy_terms()) >= 20


@pytest.mark.parametrize(
    "text",
    ["a story about bestiality", "BESTIALITY", "a snuff film", "Snuff, film!"],
)
def test_it_finds_terms_in_any_case(text):
    assert policy_violations(text)


def test_it_ignores_accents():
    assert policy_violations("le pédo du village") == ["pedo"]
    assert policy_violations("NÉCROPHILIA") == ["necrophilia"]


def test_it_matches_whole_words_only():
    assert policy_violations("a torpedo boat in the snuffbox") == []
    assert policy_violations("Torpedo") == []


def test_it_matches_phrases_across_punctuation_and_spacing():
    assert policy_violations("Child   porn") == ["child porn"]
    assert policy_violations("child-porn") == ["child porn"]
    assert policy_violations("child and porn") == []


def test_it_names_the_fields_that_violate():
    fields = {"title": "The Lighthouse", "summary": "A snuff film ring", "mainElements": "stars"}
    assert fields_violating_policy(fields) == ["summary"]


def test_operators_can_extend_the_list(settings, tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("# ours\nvampire squid\n", encoding="utf-8")
    settings.COVERS_CONTENT_POLICY_FILE = str(terms)
    settings.COVERS_CONTENT_POLICY_MODE = "extend"
    assert policy_violations("the Vampire Squid rises") == ["vampire squid"]
    assert policy_violations("bestiality")


def test_operators_can_replace_the_list(settings, tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("dragons\n", encoding="utf-8")
    settings.COVERS_CONTENT_POLICY_FILE = str(terms)
    settings.COVERS_CONTENT_POLICY_MODE = "replace"
    assert policy_violations("Dragons!") == ["dragons"]
    assert policy_violations("bestiality") == []
