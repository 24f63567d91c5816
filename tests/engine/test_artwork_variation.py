"""A new seed recomposes a scene (the same book, another composition), and upright objects stay
upright whatever the seed."""

from __future__ import annotations

import numpy as np
import pytest
from test_artwork import luma, make_brief, paint

SIZE = (160, 256)
CALM = [(0.08, 0.05, 0.84, 0.18), (0.15, 0.88, 0.7, 0.07)]


@pytest.mark.parametrize("motif", ["rose", "crown", "key"])
def test_new_seeds_give_visibly_different_symbol_covers(motif):
    params = {"field": "dark", "glow": "gold"}
    images = [
        luma(paint("symbol", make_brief(motif), params=params, seed=s, size=SIZE, calm=CALM)) for s in (1, 2, 3, 4)
    ]
    diffs = [np.abs(a - b).mean() for i, a in enumerate(images) for b in images[i + 1 :]]
    # Different, but the same cover family: most pairs differ by several grey levels on average.
    assert sorted(diffs)[len(diffs) // 2] > 9.0


def _tilt(img: np.ndarray) -> float:
    """Orientation of the bright object's mass in degrees (0 = its axes are upright)."""
    mask = luma(img) > 110
    ys, xs = np.nonzero(mask)
    x, y = xs - xs.mean(), ys - ys.mean()
    mu20, mu02, mu11 = (x * x).mean(), (y * y).mean(), (x * y).mean()
    return float(np.degrees(0.5 * np.arctan2(2 * mu11, mu20 - mu02)))


@pytest.mark.parametrize("size", [(160, 256), (240, 240)])
def test_a_crown_stays_upright_whatever_the_seed(size):
    params = {"field": "black", "glow": "none"}
    for seed in range(1, 9):
        img = paint("symbol", make_brief("crown"), params=params, seed=seed, size=size, calm=[])
        assert abs(_tilt(img)) < 5.0, seed


@pytest.mark.parametrize(
    "scene,params",
    [("typographic", {"variant": "paper", "motif": "centre"}), ("frame", {"variant": "classic"})],
    ids=["typographic", "frame"],
)
def test_new_seeds_recompose_the_quiet_scenes_too(scene, params):
    images = [luma(paint(scene, make_brief("key"), params=params, seed=s, size=SIZE, calm=CALM)) for s in (1, 2, 3, 4)]
    # Paper grain differs anyway; a recomposition moves many pixels by a clear step.
    moved = [(np.abs(a - b) > 30).mean() for i, a in enumerate(images) for b in images[i + 1 :]]
    assert sorted(moved)[len(moved) // 2] > 0.005
