"""Composition archetypes: every genre offers at least three kinds of picture, the composed scenes
make the book's own hero motif the focal subject at thumbnail size, and figures are real
silhouettes (with mass: coat, hair, stance), not sticks."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest
import skia
from test_artwork import _block_std, luma, make_brief, paint
from test_artwork_layout import CALMS, layout_of

from cover_engine.artwork import layers
from cover_engine.artwork.context import build_art
from cover_engine.artwork.motifs import figures
from cover_engine.templates import CATALOGUE
from cover_engine.templates.archetypes import ARCHETYPES, GENRE_ARCHETYPES, archetype_of, archetypes_for
from cover_engine.vocabulary import GENRES


def test_every_template_belongs_to_a_described_archetype():
    for spec in CATALOGUE.values():
        assert archetype_of(spec) in ARCHETYPES, spec.id


@pytest.mark.parametrize("genre", sorted(GENRES))
def test_every_genre_offers_at_least_three_archetypes_with_templates(genre):
    offered = archetypes_for(genre, CATALOGUE)
    assert len(offered) >= 3, (genre, offered)
    wanted = GENRE_ARCHETYPES[genre]
    assert len(wanted) >= 3
    for archetype in wanted:
        assert archetype in offered, (genre, archetype)


STAGE_VARIANTS = ["vista", "character", "closeup", "haven"]


@pytest.mark.parametrize("variant", STAGE_VARIANTS)
@pytest.mark.parametrize("hero", ["lighthouse", "key", "fox", "woman", "crown", "cat", "moon"])
def test_the_stage_draws_the_hero_motif_at_a_fifth_of_the_width_or_more(variant, hero):
    brief = make_brief(hero, "moon", lighting="night")
    for seed in range(3):
        for calm in CALMS:
            art = layout_of("stage", brief, seed=seed, params={"variant": variant}, calm=calm)
            heroes = art.placed("hero")
            assert heroes, (variant, hero, seed)
            biggest = max(max(r.width(), r.height()) for r in heroes)
            assert biggest >= art.w / 5 - 0.5, (variant, hero, seed, biggest, art.w)


@pytest.mark.parametrize(
    ("scene", "params"),
    [("kids", {"variant": "hills"}), ("kids", {"variant": "night"}), ("symbol", {"field": "gradient"})],
)
@pytest.mark.parametrize("hero", ["fox", "owl", "lighthouse", "balloon", "key"])
def test_emblem_and_childrens_scenes_keep_their_hero_big_whatever_the_layout(scene, params, hero):
    brief = make_brief(hero, "moon", lighting="night")
    for seed in range(2):
        for calm in CALMS:
            art = layout_of(scene, brief, seed=seed, params=params, calm=calm)
            heroes = art.placed("hero")
            assert heroes, (scene, hero, seed, calm)
            assert max(max(r.width(), r.height()) for r in heroes) >= art.w / 5, (scene, hero, seed)


@pytest.mark.parametrize("hero", ["lighthouse", "key", "fox", "woman", "rose"])
def test_the_focal_subject_is_the_briefs_own_hero_motif(hero):
    surface = skia.Surface(160, 256)
    art = build_art(surface.getCanvas(), width=160, height=256, params={}, brief=make_brief(hero, "moon"), seed=1,
                    calm_zones=[])  # fmt: skip
    assert layers.focal_motif(art, "figure").name == hero


def test_a_weather_hero_leaves_the_subject_to_the_design():
    surface = skia.Surface(160, 256)
    art = build_art(surface.getCanvas(), width=160, height=256, params={}, brief=make_brief("rain"), seed=1,
                    calm_zones=[])  # fmt: skip
    assert layers.focal_motif(art, "figure").name == "figure"


def _mask(shape) -> np.ndarray:
    surface = skia.Surface(200, 200)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    b = shape.bounds()
    k = 190 / max(b.width(), b.height())
    canvas.translate(5 - b.left() * k, 5 - b.top() * k)
    canvas.scale(k, k)
    canvas.drawPath(shape.body, skia.Paint(AntiAlias=True, Color=skia.ColorBLACK))
    return surface.makeImageSnapshot().toarray()[:, :, 3] > 127


def _mass(shape, radius: int = 4) -> float:
    """Share of the silhouette left after eroding it by ~2% of its height: thin sticks (limbs drawn
    as lines) vanish, bodies with coats, hair and tapered limbs stay. The stick runner kept 0.34."""
    mask = _mask(shape)
    eroded = mask.copy()
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            eroded &= np.roll(np.roll(mask, dy, 0), dx, 1)
    return float(eroded.sum() / mask.sum())


@pytest.mark.parametrize(
    "name", ["figure", "hat_man", "woman", "couple", "hooded", "runner", "child", "dancer", "warrior", "witch"]
)
def test_figures_are_silhouettes_with_mass_not_sticks(name):
    shape = getattr(figures, name)(random.Random(1))
    assert _mass(shape) >= 0.36, name


def test_a_scene_records_the_focal_subject_where_it_painted_it():
    brief = make_brief("lighthouse", lighting="night")
    art = layout_of("stage", brief, seed=2, params={"variant": "vista"}, calm=CALMS[1])
    (hero,) = art.placed("hero")
    assert 0 <= hero.left() and hero.right() <= art.w
    assert np.isfinite([hero.left(), hero.top(), hero.right(), hero.bottom()]).all()


@pytest.mark.parametrize(
    ("variant", "fg"), [("vista", "grass"), ("vista", "rocks"), ("haven", "bushes"), ("haven", "grass")]
)
def test_the_foreground_stays_out_of_the_author_line(variant, fg):
    zone = (0.08, 0.86, 0.84, 0.1)
    brief = make_brief("lighthouse", lighting="dusk")
    params = {"variant": variant, "fg": fg, "texture": "none"}
    with_zone = paint("stage", brief, size=(240, 384), calm=[zone], params=params)
    without = paint("stage", brief, size=(240, 384), calm=[], params=params)
    assert _block_std(with_zone, zone) < _block_std(without, zone)


@pytest.mark.parametrize("hero", ["fox", "owl", "hedgehog", "girl"])
def test_a_childrens_hero_is_a_character_with_a_face(hero):
    """The storybook character has eyes: near-black pixels inside the hero, which a bright
    coloured silhouette on a day sky never has."""
    brief = make_brief(hero, lighting="day", palette="pastel-mint")
    art = layout_of("kids", brief, seed=1, params={"variant": "hills", "lighting": "day"}, calm=CALMS[1],
                    size=(320, 512))  # fmt: skip
    (rect,) = art.placed("hero")
    assert max(rect.width(), rect.height()) >= art.w / 5
    img = paint("kids", brief, seed=1, size=(320, 512), calm=CALMS[1], params={"variant": "hills", "lighting": "day"})
    x0, y0 = int(rect.left()), int(rect.top())
    inside = luma(img[y0 : int(rect.bottom()), x0 : int(rect.right())])
    assert (inside < 40).sum() >= 6, hero


@pytest.mark.parametrize("kind", ["grain", "paper", "brush", "halftone"])
def test_every_genre_texture_leaves_its_mark(kind):
    brief = make_brief("lighthouse", lighting="dusk")
    plain = paint("stage", brief, size=(160, 256), calm=[], params={"variant": "vista", "texture": "none"})
    textured = paint("stage", brief, size=(160, 256), calm=[], params={"variant": "vista", "texture": kind})
    assert np.abs(plain - textured).mean() > 0.3, kind


@pytest.mark.parametrize("hero", ["fox", "owl"])
def test_a_picture_books_emblem_is_its_character_not_a_metal_cast(hero):
    """In the emblem design (enchanted-moon-window's symbol scene) a children's book gets its character
    with a face; other genres keep the cast-metal emblem, which has no near-black eyes."""
    params = {"hero": "centre", "field": "gradient", "glow": "silver", "frame": "arch", "density": "sparse"}
    for genre, has_eyes in (("childrens", True), ("fantasy", False)):
        brief = dataclasses.replace(make_brief(hero, lighting="day", palette="pastel-mint"), genre=genre)
        art = layout_of("symbol", brief, seed=1, params=params, calm=CALMS[1], size=(320, 512))
        (rect,) = art.placed("hero")
        img = paint("symbol", brief, seed=1, size=(320, 512), calm=CALMS[1], params=params)
        inside = luma(img[int(rect.top()) : int(rect.bottom()), int(rect.left()) : int(rect.right())])
        assert ((inside < 40).sum() >= 6) == has_eyes, (hero, genre)
