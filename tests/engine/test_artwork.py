"""The procedural painters: every scene paints at both aspect ratios, deterministically; every lexicon
motif draws; calm zones stay calm; brief.adjust moves the picture the right way."""

from __future__ import annotations

import numpy as np
import pytest
import skia

from cover_engine import lexicon
from cover_engine.artwork import SCENES, default_provider
from cover_engine.artwork.motifs import BUILDERS, builder_name, draw_shape, shape_for
from cover_engine.brief import Brief, MotifChoice
from cover_engine.palettes import VARIANTS

CALM = [(0.08, 0.05, 0.84, 0.2), (0.15, 0.88, 0.7, 0.07)]

SCENE_PARAMS = {
    "landscape": {"variant": "castle", "lighting": "dusk"},
    "cityscape": {"variant": "skyline", "lighting": "night"},
    "seascape": {"variant": "calm", "lighting": "dusk"},
    "space": {"variant": "nebula"},
    "symbol": {"field": "dark", "glow": "gold", "sparkles": True},
    "botanical": {"variant": "corners"},
    "abstract": {"variant": "wash"},
    "geometric": {"variant": "circles"},
    "typographic": {"variant": "paper", "motif": "centre"},
    "frame": {"variant": "classic"},
    "rays": {"variant": "dawn"},
    "kids": {"variant": "hills"},
    "horror": {"variant": "house"},
    "portrait": {"variant": "standing", "lighting": "dusk"},
    "motion": {"variant": "diagonal"},
    "stage": {"variant": "vista"},
}


def make_brief(*motifs: str, adjust: dict | None = None, lighting: str = "dusk", palette: str | None = None) -> Brief:
    pal = VARIANTS[palette].palette if palette else next(iter(VARIANTS.values())).palette
    return Brief(
        genre="fantasy",
        subgenre="",
        mood="epic",
        palette=pal,
        motifs=tuple(MotifChoice(name, 1.0 if i == 0 else 0.6, "test") for i, name in enumerate(motifs or ("castle",))),
        lighting=lighting,
        setting="landscape",
        adjust=dict(adjust or {"brightness": 0.0, "contrast": 0.0, "warmth": 0.0, "busyness": 0.0}),
        prompt="",
        reasons=(),
    )


def paint(scene: str, brief: Brief, *, seed: int = 3, size=(160, 256), calm=CALM, params=None) -> np.ndarray:
    w, h = size
    surface = skia.Surface(w, h)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorBLACK)
    default_provider().paint(
        canvas, width=w, height=h, scene=scene, params=dict(params if params is not None else SCENE_PARAMS[scene]),
        brief=brief, seed=seed, calm_zones=calm,
    )  # fmt: skip
    rgba = surface.makeImageSnapshot().toarray(colorType=skia.kRGBA_8888_ColorType)
    return rgba[:, :, :3].astype(np.float32)


def luma(img: np.ndarray) -> np.ndarray:
    return img[:, :, 0] * 0.2126 + img[:, :, 1] * 0.7152 + img[:, :, 2] * 0.0722


def test_every_contract_scene_is_declared_with_params():
    for name in ("landscape", "cityscape", "seascape", "space", "symbol", "botanical", "abstract", "geometric",
                 "typographic", "frame", "rays", "kids", "horror", "portrait", "motion"):  # fmt: skip
        assert name in SCENES
        assert SCENES[name].params, name


def test_every_template_param_is_declared_by_its_scene():
    from cover_engine.templates import CATALOGUE

    for spec in CATALOGUE.values():
        assert spec.scene in SCENES, spec.id
        for key in spec.scene_params:
            assert key in SCENES[spec.scene].params, (spec.id, key)


@pytest.mark.parametrize("scene", sorted(SCENE_PARAMS))
@pytest.mark.parametrize("size", [(160, 256), (200, 200)], ids=["ebook", "square"])
def test_it_paints_every_scene_deterministically(scene, size):
    brief = make_brief("castle", "raven", "moon")
    first = paint(scene, brief, seed=11, size=size)
    again = paint(scene, brief, seed=11, size=size)
    other = paint(scene, brief, seed=12, size=size)
    assert first.std() > 2.0, "the scene painted a flat canvas"
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)


def test_it_rejects_an_unknown_scene():
    with pytest.raises(ValueError, match="unknown scene"):
        paint("collage", make_brief(), params={})


@pytest.mark.parametrize("name", sorted(lexicon.MOTIFS))
def test_every_lexicon_motif_draws_a_silhouette(name):
    assert builder_name(name) is not None
    surface = skia.Surface(64, 64)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    import random

    draw_shape(
        canvas, shape_for(name, random.Random(1)), x=32, y=32, size=56, fill=(0, 0, 0), light=(1, 1, 1), anchor="center"
    )
    alpha = surface.makeImageSnapshot().toarray()[:, :, 3]
    coverage = float((alpha > 0).mean())
    assert 0.03 < coverage < 0.97, f"{name}: coverage {coverage:.2f}"


def test_every_builder_fits_its_box():
    import random

    for name, builder in BUILDERS.items():
        bounds = builder(random.Random(2)).bounds()
        assert bounds.width() > 0 and bounds.height() > 0, name


def _block_std(img: np.ndarray, rect) -> float:
    """Mean standard deviation of luminance over 8x8 blocks inside rect (normalised x, y, w, h)."""
    lum = luma(img)
    h, w = lum.shape
    x0, y0 = int(rect[0] * w), int(rect[1] * h)
    x1, y1 = int((rect[0] + rect[2]) * w), int((rect[1] + rect[3]) * h)
    region = lum[y0:y1, x0:x1]
    bh, bw = region.shape[0] // 8, region.shape[1] // 8
    blocks = region[: bh * 8, : bw * 8].reshape(bh, 8, bw, 8).std(axis=(1, 3))
    return float(blocks.mean())


@pytest.mark.parametrize(
    "scene", ["landscape", "cityscape", "seascape", "space", "symbol", "horror", "portrait", "kids", "rays"]
)
@pytest.mark.parametrize("size", [(240, 384), (320, 320)], ids=["ebook", "square"])
def test_calm_zones_are_calmer_than_the_picture(scene, size):
    brief = make_brief("castle", "raven", "stars", lighting="night")
    title_zone = (0.08, 0.05, 0.84, 0.2)
    img = paint(scene, brief, size=size, calm=[title_zone])
    middle = (0.08, 0.35, 0.84, 0.45)
    assert _block_std(img, title_zone) < _block_std(img, middle)


@pytest.mark.parametrize("scene", ["landscape", "symbol", "typographic", "kids"])
def test_brightness_adjust_moves_the_mean_luminance(scene):
    def mean(brightness: float) -> float:
        adjust = {"brightness": brightness, "contrast": 0.0, "warmth": 0.0, "busyness": 0.0}
        return float(luma(paint(scene, make_brief("tower", adjust=adjust))).mean())

    assert mean(-0.6) < mean(0.0) < mean(0.6)


def test_warmth_adjust_shifts_red_against_blue():
    def red_minus_blue(warmth: float) -> float:
        img = paint("landscape", make_brief(adjust={"brightness": 0, "contrast": 0, "warmth": warmth, "busyness": 0}))
        return float(img[:, :, 0].mean() - img[:, :, 2].mean())

    assert red_minus_blue(-0.7) < red_minus_blue(0.7)


def test_busyness_adds_detail():
    def stars_and_windows(busy: float) -> float:
        brief = make_brief(
            "figure", adjust={"brightness": 0, "contrast": 0, "warmth": 0, "busyness": busy}, lighting="night"
        )
        img = paint("cityscape", brief, size=(320, 512), calm=[], params={"variant": "skyline", "lighting": "night"})
        return float(np.abs(np.diff(luma(img), axis=1)).mean())

    assert stars_and_windows(-0.9) < stars_and_windows(0.9)


def test_the_hero_changes_the_picture():
    castle = paint("landscape", make_brief("castle"))
    lighthouse = paint("landscape", make_brief("lighthouse"))
    assert np.abs(castle - lighthouse).mean() > 1.0


@pytest.mark.parametrize("scene", sorted(SCENE_PARAMS))
def test_it_paints_a_brief_without_motifs(scene):
    brief = make_brief()
    brief = Brief(**{**brief.__dict__, "motifs": ()})
    img = paint(scene, brief, size=(120, 192))
    assert img.std() > 1.0


@pytest.mark.parametrize(
    ("scene", "params"),
    [
        ("space", {"variant": "nebula", "density": "dense"}),
        ("typographic", {"variant": "doodles", "density": "dense"}),
        ("botanical", {"variant": "leaves", "density": "dense"}),
        ("symbol", {"field": "dark", "sparkles": True, "density": "dense"}),
    ],
)
def test_painters_keep_detail_out_of_a_calm_zone(scene, params):
    zone = (0.1, 0.4, 0.8, 0.2)
    brief = make_brief("star", "feather")
    with_zone = paint(scene, brief, size=(240, 384), calm=[zone], params=params)
    without = paint(scene, brief, size=(240, 384), calm=[], params=params)
    assert _block_std(with_zone, zone) < _block_std(without, zone)


def test_it_paints_the_same_pixels_in_another_process():
    """No salted hash() or process state leaks into the picture (PYTHONHASHSEED differs per process)."""
    import hashlib
    import os
    import subprocess
    import sys

    code = (
        "import hashlib, sys; sys.path.insert(0, '.');"
        "from tests.engine.test_artwork import make_brief, paint;"
        "img = paint('landscape', make_brief('castle', 'raven', 'moon'), seed=5);"
        "print(hashlib.sha256(img.tobytes()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=root)
    here = hashlib.sha256(paint("landscape", make_brief("castle", "raven", "moon"), seed=5).tobytes()).hexdigest()
    assert out.stdout.strip().splitlines()[-1] == here
