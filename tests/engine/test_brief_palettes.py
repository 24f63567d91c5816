"""Palettes: the ten public families, complete colour sets, ink contrast, genre defaults, recolouring."""

from __future__ import annotations

import colorsys
import re

import pytest

from cover_engine import palettes
from cover_engine.palettes import (
    FAMILIES,
    GENRE_DEFAULTS,
    PALETTE_KEYS,
    TEXT_BACKGROUND_KEYS,
    VARIANTS,
    choose_palette,
    contrast_ratio,
    luminance,
    retint,
    with_accent,
)
from cover_engine.vocabulary import COLOR_PALETTES, GENRES, MOODS

HEX = re.compile(r"#[0-9a-f]{6}")


def hls(value: str) -> tuple[float, float, float]:
    return colorsys.rgb_to_hls(*(int(value[i : i + 2], 16) / 255 for i in (1, 3, 5)))


def test_every_public_palette_name_has_several_variants():
    assert set(FAMILIES) == set(COLOR_PALETTES)
    for family, variants in FAMILIES.items():
        assert len(variants) >= 3, family
        assert all(v.palette.name.startswith(family + "-") for v in variants)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_variant_defines_every_colour(name):
    colors = VARIANTS[name].palette.colors
    assert list(colors) == list(PALETTE_KEYS)
    assert all(HEX.fullmatch(v) for v in colors.values())


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_inks_reach_four_and_a_half_to_one_where_text_may_sit(name):
    colors = VARIANTS[name].palette.colors
    light, dark = colors["light_ink"], colors["dark_ink"]
    assert contrast_ratio(light, dark) >= 7
    assert contrast_ratio(dark, colors["paper"]) >= 4.5
    for key in TEXT_BACKGROUND_KEYS:
        best = max(contrast_ratio(light, colors[key]), contrast_ratio(dark, colors[key]))
        assert best >= 4.5, f"{name}.{key}"


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_the_declared_tone_matches_the_sky(name):
    variant = VARIANTS[name]
    sky = luminance(variant.palette.colors["sky_top"])
    assert (sky < 0.18) == (variant.tone == "dark")


def test_every_genre_has_defaults_that_exist():
    assert set(GENRES) <= set(GENRE_DEFAULTS)
    for names in GENRE_DEFAULTS.values():
        assert names and all(n in VARIANTS for n in names)


@pytest.mark.parametrize("genre", sorted(GENRES))
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_default_is_always_one_of_the_genre_choices(genre, seed):
    chosen = choose_palette(family=None, genre=genre, seed=seed)
    assert chosen.name in GENRE_DEFAULTS[genre]


def test_genre_defaults_follow_the_conventions():
    for seed in range(6):
        thriller = choose_palette(family=None, genre="thriller", mood="intense", seed=seed).colors
        sky_hue, sky_lightness, _ = hls(thriller["sky_top"])
        assert sky_lightness < 0.05 or sky_hue > 0.95  # black or red
        assert 0.1 < hls(thriller["accent"])[0] < 0.2  # yellow accent

    horror = choose_palette(family=None, genre="horror", mood="intense", seed=0).colors
    assert luminance(horror["sky_top"]) < 0.02

    dark_romance = choose_palette(family=None, genre="romance", subgenre="dark-romance", seed=0)
    assert dark_romance.name in ("metallic-black-gold", "dark-blood")

    for seed in range(4):
        romance = choose_palette(family=None, genre="romance", mood="romantic", seed=seed)
        assert romance.name in ("pastel-blush", "warm-rose-gold", "warm-sunset", "pastel-peach")

    scifi = choose_palette(family=None, genre="science-fiction", mood="epic", seed=0).colors
    hue = hls(scifi["accent"])[0]
    assert 0.45 < hue < 0.7  # cyan to blue

    historical = choose_palette(family=None, genre="historical-fiction", mood="melancholic", seed=0)
    assert historical.name in ("earth-sepia", "earth-terracotta", "metallic-bronze")

    children = choose_palette(family=None, genre="childrens", mood="uplifting", seed=0).colors
    assert hls(children["sky_top"])[2] > 0.8  # saturated


@pytest.mark.parametrize("family", COLOR_PALETTES)
def test_a_requested_family_is_respected_for_any_genre(family):
    for genre in ("thriller", "romance", "childrens"):
        for mood in MOODS[:3]:
            assert palettes.family_of(choose_palette(family=family, genre=genre, mood=mood, seed=1)) == family


def test_a_requested_family_prefers_the_variant_fitting_the_genre():
    assert choose_palette(family="metallic", genre="romance", subgenre="dark-romance", seed=5).name == (
        "metallic-black-gold"
    )
    assert choose_palette(family="earth", genre="historical-fiction", seed=3).name in (
        "earth-sepia",
        "earth-terracotta",
    )


def test_retint_moves_the_hue_but_keeps_every_luminance():
    base = VARIANTS["dark-midnight"].palette
    blue = retint(base, palettes.COLOR_WORDS["emerald"], name="emerald")
    assert blue.name == "emerald"
    for key in PALETTE_KEYS:
        assert abs(luminance(blue.colors[key]) - luminance(base.colors[key])) < 0.01, key
    green_hue = hls(palettes.COLOR_WORDS["emerald"])[0]
    assert abs(hls(blue.colors["mid"])[0] - green_hue) < 0.05


def test_with_accent_changes_only_accent_and_glow():
    base = VARIANTS["dark-midnight"].palette
    gold = with_accent(base, "#d4af37", name="midnight+gold")
    assert gold.colors["accent"] == "#d4af37"
    changed = {k for k in PALETTE_KEYS if gold.colors[k] != base.colors[k]}
    assert changed <= {"accent", "glow"}


def test_colour_words_are_valid_colours():
    assert {"blue", "gold", "crimson", "teal", "emerald", "red", "green", "purple", "black", "silver"} <= set(
        palettes.COLOR_WORDS
    )
    assert all(HEX.fullmatch(v) for v in palettes.COLOR_WORDS.values())


def test_palette_round_trips_through_a_dict():
    base = VARIANTS["cool-neon"].palette
    assert palettes.Palette.from_dict(base.to_dict()) == base
