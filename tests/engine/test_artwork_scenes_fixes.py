"""Scene fixes seen on real renders: a ship template draws a ship whatever the hero; a river runs
through a landscape as water, not as an icon."""

from __future__ import annotations

import dataclasses

import numpy as np
from test_artwork import luma, make_brief, paint

SIZE = (200, 320)
CALM = [(0.08, 0.05, 0.84, 0.2)]


def test_a_ship_template_draws_a_ship_beside_another_hero():
    params = {"variant": "ship", "lighting": "dusk"}
    brief = make_brief("lighthouse", palette="cool-ocean")
    with_ship = paint("seascape", brief, params=params, size=SIZE, calm=CALM)
    no_ship = paint("seascape", dataclasses.replace(brief, avoid=("ship",)), params=params, size=SIZE, calm=CALM)
    changed = np.abs(luma(with_ship) - luma(no_ship)) > 20
    assert changed.sum() > 0.01 * SIZE[0] * SIZE[1]


def test_a_ship_template_without_a_silhouette_hero_draws_a_ship():
    params = {"variant": "ship", "lighting": "night"}
    brief = make_brief("moon", palette="cool-ocean")
    with_ship = paint("seascape", brief, params=params, size=SIZE, calm=CALM)
    no_ship = paint("seascape", dataclasses.replace(brief, avoid=("ship",)), params=params, size=SIZE, calm=CALM)
    assert (np.abs(luma(with_ship) - luma(no_ship)) > 20).sum() > 0.03 * SIZE[0] * SIZE[1]


def test_a_river_runs_from_the_distance_to_the_front_of_a_landscape():
    params = {"variant": "fields", "lighting": "day"}
    plain = luma(paint("landscape", make_brief("house", palette="earth-moss"), params=params, size=SIZE, calm=CALM))
    river = luma(
        paint("landscape", make_brief("house", "river", palette="earth-moss"), params=params, size=SIZE, calm=CALM)
    )
    changed = np.abs(river - plain) > 15
    rows = np.nonzero(changed.any(axis=1))[0]
    # Water in the lower part of the picture, wider at the bottom than where it starts.
    assert rows.size and rows.min() < SIZE[1] * 0.8 and rows.max() > SIZE[1] * 0.95
    assert changed[-3].sum() > 3 * max(1, changed[rows.min() + 2].sum())


def test_light_rays_show_in_a_pale_day_palette():
    params = {"variant": "dawn", "lighting": "dawn", "hero": "low"}
    img = luma(
        paint("rays", make_brief("temple", lighting="dawn", palette="warm-dawn"), params=params, size=SIZE, calm=CALM)
    )
    # Across a row of sky between the title and the horizon, the beams make light and dark bands.
    row = img[int(SIZE[1] * 0.45), 5:-5]
    assert row.max() - row.min() > 25


def test_secondary_figures_never_overlap_a_house(monkeypatch):
    from cover_engine.artwork import world

    drawn = []

    def recording(*args, **kwargs):
        rect = real(*args, **kwargs)
        drawn.append(rect)
        return rect

    real = world.draw_shape
    monkeypatch.setattr(world, "draw_shape", recording)
    params = {"variant": "fields", "lighting": "dawn", "tone": "sepia", "horizon": 0.7, "hero": "low"}
    text = [(0.08, 0.05, 0.84, 0.3), (0.1, 0.87, 0.8, 0.07)]
    for seed in range(1, 17):
        drawn.clear()
        paint("landscape", make_brief("road", "woman", "house", palette="earth-sepia"), params=params, size=SIZE,
              calm=text, seed=seed)  # fmt: skip
        assert len(drawn) >= 1
        for i, a in enumerate(drawn):
            for b in drawn[i + 1 :]:
                assert not a.intersects(b), seed
