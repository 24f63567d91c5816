"""One edit step ("warmer", "lighter", "more contrast", "simpler", "more dramatic sky") must show
clearly at thumbnail size, not only in the direction asked."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from test_artwork import luma, make_brief, paint

STEP = 0.5  # edits.STEP: one plain "warmer" / "darker" / "simpler"
SIZE = (160, 256)
CALM = [(0.08, 0.06, 0.84, 0.18)]
SCENES = [
    ("landscape", {"variant": "mountains", "lighting": "day"}, "day"),
    ("botanical", {"variant": "corners", "lighting": "day"}, "day"),
    ("cityscape", {"variant": "skyline", "lighting": "night"}, "night"),
]


def _paint(scene, params, light, **adjust):
    base = {"brightness": 0.0, "contrast": 0.0, "warmth": 0.0, "busyness": 0.0}
    brief = make_brief(
        "castle", "tree", "bird", "house", adjust={**base, **adjust}, lighting=light, palette="cool-ocean"
    )
    return paint(scene, brief, params=params, size=SIZE, calm=CALM)


def _warmth(img: np.ndarray) -> float:
    return float((img[:, :, 0] - img[:, :, 2]).mean())


def _detail(img: np.ndarray) -> float:
    y = luma(img)
    return float(np.abs(np.diff(y, axis=0)).mean() + np.abs(np.diff(y, axis=1)).mean())


@pytest.mark.parametrize("scene,params,light", SCENES, ids=[s[0] for s in SCENES])
def test_one_warmer_step_shifts_red_against_blue_visibly(scene, params, light):
    assert _warmth(_paint(scene, params, light, warmth=STEP)) - _warmth(_paint(scene, params, light)) > 24


@pytest.mark.parametrize("scene,params,light", SCENES, ids=[s[0] for s in SCENES])
def test_one_lighter_or_darker_step_moves_the_mean_luminance_visibly(scene, params, light):
    plain = luma(_paint(scene, params, light)).mean()
    assert luma(_paint(scene, params, light, brightness=STEP)).mean() - plain > 12
    assert plain - luma(_paint(scene, params, light, brightness=-STEP)).mean() > 16


@pytest.mark.parametrize("scene,params,light", SCENES, ids=[s[0] for s in SCENES])
def test_one_contrast_step_spreads_the_tones(scene, params, light):
    assert luma(_paint(scene, params, light, contrast=STEP)).std() > luma(_paint(scene, params, light)).std() * 1.06


def test_one_simpler_step_removes_a_good_share_of_the_detail():
    params = {"variant": "leaves", "lighting": "day", "density": "medium"}
    plain = _detail(_paint("botanical", params, "day"))
    assert _detail(_paint("botanical", params, "day", busyness=-STEP)) < plain * 0.78
    assert _detail(_paint("botanical", params, "day", busyness=STEP)) > plain * 1.1


def test_a_storm_in_the_brief_darkens_a_designed_day_sky():
    params = {"variant": "mountains", "lighting": "day"}
    day = make_brief("castle", lighting="day", palette="cool-ocean")
    storm = dataclasses.replace(day, lighting="storm")
    top = slice(0, SIZE[1] // 2)
    assert (
        luma(paint("landscape", day, params=params, size=SIZE, calm=CALM))[top].mean()
        - luma(paint("landscape", storm, params=params, size=SIZE, calm=CALM))[top].mean()
        > 25
    )
