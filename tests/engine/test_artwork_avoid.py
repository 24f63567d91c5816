"""Motifs an edit or the main elements removed ("no moon") stay out of every painter, scene defaults
included: a night sky paints no moon when the brief avoids it."""

from __future__ import annotations

import dataclasses

import pytest
from test_artwork import luma, make_brief, paint

TEXT = [(0.1, 0.78, 0.8, 0.15)]

NIGHT_SCENES = [
    ("landscape", {"variant": "castle", "lighting": "night"}, "castle"),
    ("seascape", {"variant": "calm", "lighting": "night"}, "lighthouse"),
    ("cityscape", {"variant": "skyline", "lighting": "night"}, "lone_figure"),
    ("horror", {"variant": "house"}, "house"),
    ("kids", {"variant": "night"}, "fox"),
    ("portrait", {"variant": "standing", "lighting": "night"}, "woman"),
]


def bright_pixels(img) -> int:
    return int((luma(img) > 190).sum())


@pytest.mark.parametrize("scene,params,hero", NIGHT_SCENES, ids=[c[0] for c in NIGHT_SCENES])
def test_a_night_scene_paints_no_moon_when_the_brief_avoids_it(scene, params, hero):
    brief = make_brief(hero, lighting="night")
    with_moon = paint(scene, brief, params=params, size=(200, 320), calm=TEXT)
    without = paint(scene, dataclasses.replace(brief, avoid=("moon",)), params=params, size=(200, 320), calm=TEXT)
    # The moon is the brightest large shape in these skies: avoiding it removes most bright pixels.
    assert bright_pixels(with_moon) - bright_pixels(without) > 0.004 * 200 * 320


def test_an_avoided_motif_is_dropped_even_when_listed():
    brief = dataclasses.replace(make_brief("castle", "moon", lighting="night"), avoid=("moon",))
    plain = dataclasses.replace(make_brief("castle", lighting="night"), avoid=("moon",))
    params = {"variant": "castle", "lighting": "night"}
    assert (paint("landscape", brief, params=params) == paint("landscape", plain, params=params)).all()


def test_avoiding_crows_leaves_the_horror_sky_empty_of_birds():
    brief = make_brief("house", lighting="night")
    params = {"variant": "house", "moon": False}
    crows = paint("horror", brief, params=params, size=(200, 320), calm=[])
    none = paint("horror", dataclasses.replace(brief, avoid=("bird",)), params=params, size=(200, 320), calm=[])
    assert abs(crows - none).sum() > 0
