"""Composition rules measured on the painter's own layout record: an emblem hero and the sun or moon
never half cover each other; secondaries keep clear of the sun or moon."""

from __future__ import annotations

import pytest
import skia
from test_artwork import make_brief

from cover_engine.artwork import _PAINTERS
from cover_engine.artwork.context import build_art

# Where real templates put the text: a title band high, an author line low (and the reverse).
CALMS = [
    [(0.08, 0.05, 0.84, 0.08), (0.08, 0.62, 0.84, 0.28)],
    [(0.08, 0.05, 0.84, 0.22), (0.08, 0.86, 0.84, 0.06)],
]


def layout_of(scene: str, brief, *, seed: int, params: dict, calm, size=(160, 256)):
    w, h = size
    surface = skia.Surface(w, h)
    art = build_art(surface.getCanvas(), width=w, height=h, params=params, brief=brief, seed=seed, calm_zones=calm)
    _PAINTERS[scene](art)
    return art


def partial_overlap(a: skia.Rect, b: skia.Rect) -> bool:
    """True for a random overlap; an emblem centred on the disc (a designed halo) is allowed."""
    if not a.intersects(b):
        return False
    off = max(abs(a.centerX() - b.centerX()), abs(a.centerY() - b.centerY()))
    return off > 0.1 * min(a.width(), b.width())


CASES = [
    ("cityscape", {"variant": "skyline", "lighting": "night"}),
    ("cityscape", {"variant": "towers", "lighting": "dawn"}),
    ("landscape", {"variant": "mountains", "lighting": "night"}),
    ("seascape", {"variant": "calm", "lighting": "night"}),
    ("seascape", {"variant": "calm", "lighting": "dusk"}),
    ("kids", {"variant": "hills", "lighting": "day"}),
    ("kids", {"variant": "night", "lighting": "night"}),
    ("horror", {"variant": "house"}),
]


@pytest.mark.parametrize(("scene", "params"), CASES)
@pytest.mark.parametrize("hero", ["crown", "key", "heart", "sword", "dagger", "rose"])
def test_an_emblem_hero_never_half_covers_the_sun_or_moon(scene, params, hero):
    brief = make_brief(hero, "moon", lighting=params.get("lighting", "night"))
    for seed in range(4):
        for calm in CALMS:
            art = layout_of(scene, brief, seed=seed, params=params, calm=calm)
            for h in art.placed("hero"):
                for body in art.placed("body"):
                    assert not partial_overlap(h, body), (scene, hero, seed, h, body)


@pytest.mark.parametrize(("scene", "params"), CASES[:7])
def test_secondaries_keep_clear_of_the_sun_or_moon_and_each_other(scene, params):
    brief = make_brief("lighthouse", "bird", "house", "tree", lighting=params.get("lighting", "night"))
    for seed in range(6):
        art = layout_of(scene, brief, seed=seed, params=params, calm=CALMS[0])
        secondaries = art.placed("secondary")
        for i, s in enumerate(secondaries):
            assert not any(s.intersects(b) for b in art.placed("body")), (scene, seed)
            assert not any(s.intersects(o) for o in secondaries[i + 1 :]), (scene, seed)


@pytest.mark.parametrize(("scene", "params"), [("horror", {"variant": "house"}), ("kids", {"variant": "hills"})])
def test_new_seeds_move_the_moon_or_sun_to_other_places(scene, params):
    brief = make_brief("house" if scene == "horror" else "deer", lighting="night" if scene == "horror" else "day")
    spots = set()
    for seed in range(8):
        art = layout_of(scene, brief, seed=seed, params=params, calm=CALMS[1])
        (body,) = art.placed("body")
        spots.add((round(body.centerX() / 16), round(body.centerY() / 16)))
    assert len(spots) >= 3


def test_the_horror_moon_stays_whole_inside_the_frame():
    brief = make_brief("house", lighting="night")
    for seed in range(10):
        art = layout_of("horror", brief, seed=seed, params={"variant": "house"}, calm=CALMS[1])
        (body,) = art.placed("body")
        assert body.left() >= 0 and body.right() <= art.w, seed
