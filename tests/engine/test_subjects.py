"""Drawable subjects: the table, its icons in the installed art sets, lookups, lexicon words, drawing."""

from __future__ import annotations

import functools
import random
import re

import numpy as np
import pytest
import skia

from cover_engine.artwork.motifs import builder_name, draw_shape, icons, shape_for
from cover_engine.artwork.motifs.icons import subject_shape
from cover_engine.lexicon import CATEGORIES, CORE_MOTIFS, MOTIFS, find_motifs, motif_noun
from cover_engine.reading import read_book
from cover_engine.subjects import (
    PLACEMENTS,
    SUBJECTS,
    ArtSetsMissing,
    has_icon,
    iconset,
    illustrated,
    lookup,
    silhouette,
    with_broader,
)
from cover_engine.subjects.svgpath import parse_path_data, pieces


def _alpha(draw, size: int = 24) -> np.ndarray:
    surface = skia.Surface(size, size)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    draw(canvas)
    return surface.makeImageSnapshot().toarray()[:, :, 3]


def _fit(canvas: skia.Canvas, bounds: skia.Rect, size: int) -> None:
    k = (size - 2) / max(bounds.width(), bounds.height())
    canvas.translate(1, 1)
    canvas.scale(k, k)
    canvas.translate(-bounds.left(), -bounds.top())


def test_there_are_over_a_thousand_subjects_with_valid_rows():
    assert len(SUBJECTS) >= 1000
    for name, s in SUBJECTS.items():
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", name), name
        assert s.category in CATEGORIES, name
        assert s.placement in PLACEMENTS, name
        assert s.phrases[0] == name.replace("_", " ")
        assert s.illustrated.count(":") == 1 and s.silhouette.count(":") == 1, name


def test_the_table_covers_the_things_books_name():
    for name in ("hedgehog", "hot_air_balloon", "bear", "lighthouse", "lamp", "rug", "domed_mosque", "mosque",
                 "castle", "detective", "woman_mage", "ninja", "princess", "person_running", "people_hugging",
                 "child", "guard", "person_with_crown", "teddy_bear", "windmill", "submarine", "harp"):  # fmt: skip
        assert name in SUBJECTS, name
    categories = {s.category for s in SUBJECTS.values()}
    assert categories == set(CATEGORIES)


def test_busts_float_and_whole_figures_stand():
    # The emoji draw most people head-and-shoulders: on a ridge that would be a giant head.
    assert SUBJECTS["health_worker"].placement == "float"
    assert SUBJECTS["waving_hand"].placement == "float"
    assert SUBJECTS["person_running"].placement == "ground"
    assert SUBJECTS["woman_in_manual_wheelchair"].placement == "ground"
    assert SUBJECTS["hedgehog"].placement == "ground"
    assert SUBJECTS["eagle"].placement == "fly"


def test_every_referenced_icon_exists_in_the_installed_sets():
    missing = [
        (s.name, icon) for s in SUBJECTS.values() for icon in (s.illustrated, s.silhouette) if not has_icon(icon)
    ]
    assert missing == []


def test_every_subject_draws_a_silhouette_and_an_illustration_at_thumbnail_size():
    empty = []
    for s in SUBJECTS.values():
        body = silhouette(s.silhouette).body
        bounds = body.computeTightBounds()
        coverage = (
            _alpha(lambda c, b=body, r=bounds: (_fit(c, r, 24), c.drawPath(b, skia.Paint(AntiAlias=True)))) > 0
        ).mean()  # noqa: E501
        picture, drawn = illustrated(s.illustrated)
        inked = (_alpha(lambda c, p=picture, r=drawn: (_fit(c, r, 24), c.drawPicture(p))) > 0).mean()
        if not (0.05 < coverage < 1.0) or inked < 0.03:
            empty.append((s.name, round(float(coverage), 2), round(float(inked), 2)))
    assert empty == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hedgehogs", "hedgehog"),
        ("hot air balloon", "hot_air_balloon"),
        ("Hot-Air Balloons", "hot_air_balloon"),
        ("teddy bear", "teddy_bear"),
        ("teddy bears", "teddy_bear"),
        ("bears", "bear"),
        ("mice", "mouse"),
        ("wolves", "wolf"),
        ("bunnies", "rabbit"),
        ("ladybird", "lady_beetle"),
        ("witch", "woman_mage"),
        ("carpets", "rug"),
        ("domes", "domed_mosque"),
        ("lamps", "lamp"),
        ("lighthouses", "lighthouse"),
    ],
)
def test_lookup_understands_synonyms_and_plurals(text, name):
    found = lookup(text)
    assert found is not None and found.name == name


def test_broader_terms_group_the_subjects():
    assert {"hedgehog", "bear", "elephant"} <= {s.name for s in with_broader("mammal")}
    assert {"guitar", "violin", "harp"} <= {s.name for s in with_broader("musical instrument")}
    assert {"church", "mosque", "synagogue"} <= {s.name for s in with_broader("place of worship")}
    assert "animal" in SUBJECTS["hedgehog"].broader
    assert with_broader("no such term") == []


def test_lookup_knows_nothing_of_unknown_words():
    assert lookup("quantum chromodynamics") is None


def test_subjects_join_the_lexicon_with_their_words():
    assert len(MOTIFS) >= 1000 and set(CORE_MOTIFS) <= set(MOTIFS)
    found = [m.motif for m in find_motifs("The Hedgehog, the Bear and the Hot Air Balloon")]
    assert found == ["hedgehog", "bear", "hot_air_balloon"]
    assert [m.motif for m in find_motifs("a teddy bear picnic")] == ["teddy_bear"]
    assert [m.motif for m in find_motifs("the old detective and the witch")] == ["detective", "woman_mage"]
    # The hand-drawn motifs keep their words.
    assert [m.motif for m in find_motifs("a castle by the sea")] == ["castle", "sea"]


def test_subjects_read_well_in_a_sentence():
    assert motif_noun("hedgehog") == "a hedgehog"
    assert motif_noun("hot_air_balloon") == "a hot air balloon"
    assert motif_noun("grapes") == "grapes"
    assert motif_noun("woman_mage") == "a witch"
    assert motif_noun("person_biking") == "a person biking"


@pytest.mark.parametrize(
    "text",
    [
        "Star Witness",
        "The Book Club",
        "Night Court",
        "She could not bear it any longer",
        "bearing the weight of the world",
        "her battle with cancer",
        "for the sake of her family",
        "she looked into his eyes",
        "a gift for music",
        "the royal seal on the letter",
        "her mate and her son",
        "a plane of existence",
        "copyright and credits",
        "a short brief for the team",
        "a warmer palette",
        "a bucket list and a package deal",
        "a whirlwind romance with electricity between them",
        "they tie the knot and climb the corporate ladder",
        "the villain moved to Canada",
    ],
)
def test_common_words_call_up_no_new_subject(text):
    assert {m.motif for m in find_motifs(text)} <= set(CORE_MOTIFS)


def test_shape_for_draws_a_subject_instead_of_a_category_stand_in():
    assert builder_name("hedgehog") == "hedgehog"
    assert builder_name("polar bears") == "polar bear"
    shape = shape_for("hedgehog", random.Random(1))
    assert shape.illustrated is not None and shape.lines is not None
    assert shape.ground
    assert shape_for("hot air balloon", random.Random(1)).ground is False
    # A hand-drawn motif keeps its builder, and carries its subject's drawing for style="illustrated".
    castle = shape_for("castle", random.Random(1))
    assert castle.lines is None and castle.subject == "castle"
    assert not np.array_equal(_draw(castle, style="illustrated"), _draw(castle))
    # A subject that took a hand-drawn builder's word ("witch") keeps that builder's silhouette.
    assert builder_name("woman_mage") == "witch"
    assert shape_for("woman_mage", random.Random(1)).lines is None


def test_people_take_a_skin_tone_from_the_cover_seed():
    assert icons.toned("fluent-emoji-flat:detective", "medium") == "fluent-emoji-flat:detective-medium"
    assert icons.toned("fluent-emoji-flat:hedgehog", "medium") == "fluent-emoji-flat:hedgehog"
    drawings = {id(shape_for("person_running", random.Random(seed)).illustrated) for seed in range(12)}
    assert len(drawings) >= 3
    # A hand-drawn figure keeps the tone it was given for its (lazily fetched) drawing.
    assert {shape_for("woman_mage", random.Random(seed)).tone for seed in range(12)} <= set(icons.SKIN_TONES)
    assert (
        shape_for("person_running", random.Random(4)).illustrated
        is shape_for("person_running", random.Random(4)).illustrated
    )


def test_a_monochrome_glyph_has_no_illustration_and_draws_as_a_silhouette():
    rug = subject_shape(SUBJECTS["rug"])
    assert rug.illustrated is None
    assert np.array_equal(_draw(rug, style="illustrated"), _draw(rug))


def test_a_full_figure_silhouette_gets_no_bust_drawing():
    # The hand-drawn detective is a whole figure; the emoji detective is a bust: it stays a silhouette.
    detective = shape_for("detective", random.Random(1))
    assert np.array_equal(_draw(detective, style="illustrated"), _draw(detective))


def _draw(shape, **kw) -> np.ndarray:
    surface = skia.Surface(48, 48)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorWHITE)
    draw_shape(canvas, shape, x=24, y=24, size=44, fill=(0.1, 0.1, 0.3), anchor="center", **kw)
    return surface.makeImageSnapshot().toarray(colorType=skia.kRGBA_8888_ColorType)[:, :, :3].astype(int)


def test_draw_shape_draws_the_silhouette_by_default_and_the_illustration_on_request():
    shape = subject_shape(SUBJECTS["hedgehog"])
    flat = _draw(shape)
    coloured = _draw(shape, style="illustrated")
    fill_colour = flat[24, 24]  # the centre of the body

    def share_of_fill(pixels: np.ndarray) -> float:
        ink = pixels.sum(axis=2) < 700
        fill = np.abs(pixels - fill_colour).max(axis=2) <= 2
        return float((fill & ink).sum() / ink.sum())

    assert share_of_fill(flat) > 0.6  # one fill colour (and its anti-aliased edges)
    assert share_of_fill(coloured) < 0.4  # the artist's colours
    tinted = _draw(shape, style="illustrated", tint=(0.1, 0.3, 0.9), tint_amount=0.8)
    assert tinted[..., 2].mean() > coloured[..., 2].mean()
    lined = _draw(shape, detail=(0.9, 0.9, 0.9))
    assert not np.array_equal(lined, flat)


def test_svg_path_data_parses_relative_commands_and_arcs():
    square = parse_path_data("M2 2h10v10h-10z").computeTightBounds()
    assert (square.left(), square.top(), square.right(), square.bottom()) == (2, 2, 12, 12)
    ring = parse_path_data("M0 5a5 5 0 1 0 10 0a5 5 0 1 0-10 0").computeTightBounds()
    assert ring.width() == pytest.approx(10, abs=0.01) and ring.height() == pytest.approx(10, abs=0.01)
    compact = parse_path_data("M0 0l5 5 5-5c0 1 1 2 2 2s1 1 2 2").computeTightBounds()
    assert compact.right() == pytest.approx(14)
    (piece,) = pieces('<g transform="translate(10 0)"><rect x="1" y="1" width="4" height="2"/></g>')
    r = piece.path.computeTightBounds()
    assert (r.left(), r.width()) == (11, 4)


def test_a_subject_is_never_silently_dropped_when_the_art_sets_are_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("BYC_ICONIFY_DIR", str(tmp_path))
    monkeypatch.setattr(icons, "_parts", functools.lru_cache(maxsize=8)(icons._parts.__wrapped__))
    # Parsed icons are cached per process: draw from uncached copies so the missing files are read.
    monkeypatch.setattr(icons, "silhouette", iconset.silhouette.__wrapped__)
    monkeypatch.setattr(icons, "illustrated", iconset.illustrated.__wrapped__)
    with pytest.raises(ArtSetsMissing):
        shape_for("hedgehog", random.Random(1))


def test_missing_art_sets_fail_with_the_setup_command(monkeypatch, tmp_path):
    monkeypatch.setenv("BYC_ICONIFY_DIR", str(tmp_path))
    with pytest.raises(ArtSetsMissing, match=r"scripts/setup\.sh npm") as caught:
        iconset.icon_svg("fluent-emoji-flat:hedgehog")
    assert caught.value.code == "art_sets_missing"
    assert str(tmp_path) in caught.value.message


# The things the subject shelf (bench/subject_shelf.py) named and the lexicon could not picture, and
# the subject each now resolves to, read as the only main element of a book.
GAPS: list[tuple[str, str]] = [
    ("a teacup", "teacup_without_handle"), ("a cup of tea", "teacup_without_handle"), ("palm trees", "palm_tree"),
    ("a hockey stick", "ice_hockey"), ("hockey", "ice_hockey"), ("a sheep", "ewe"), ("an ewe", "ewe"),
    ("a beehive", "beehive"), ("boxing gloves", "boxing_glove"), ("a bow and arrow", "bow_and_arrow"),
    ("a stopwatch", "stopwatch"), ("honey", "honey_pot"), ("a honey pot", "honey_pot"), ("a lemon", "lemon"),
    ("lemons", "lemon"), ("a flag", "triangular_flag"), ("a stone", "rock"), ("a cup", "hot_beverage"),
    ("seeds", "seedling"), ("a biplane", "small_airplane"), ("a doll", "nesting_dolls"), ("a typewriter", "typewriter"),
    ("a chalice", "wine_glass"), ("a goblet", "wine_glass"), ("a gavel", "gavel"), ("a watering can", "watering_can"),
    ("a katana", "sword"), ("treasure", "treasure_chest"), ("coffee", "hot_beverage"),
    # plurals and compounds keep their phrase
    ("cherry blossom", "cherry_blossom"), ("coffee beans", "beans"), ("ice skates", "ice_skate"),
    ("a running shoe", "running_shoe"), ("a magnifying glass", "magnifying_glass"), ("an oil lamp", "oil_lamp"),
    ("a paper lantern", "lantern"), ("a steam train", "train"), ("a pocket watch", "clock"),
    ("a treasure chest", "treasure_chest"), ("a light bulb", "light_bulb"), ("a haunted house", "house"),
    # people by role draw a figure of that role
    ("a queen", "person_with_crown"), ("the king", "person_with_crown"), ("a wizard", "man_mage"),
    ("a witch", "woman_mage"), ("a samurai", "warrior"), ("a knight", "warrior"), ("a detective", "detective"),
    ("a teacher", "teacher"), ("a pilot", "pilot"), ("a chef", "cook"), ("a nurse", "health_worker"),
    ("a doctor", "health_worker"), ("a boxer", "boxing_glove"), ("a beekeeper", "beekeeper"),
    ("a vampire", "person_vampire"), ("a princess", "princess"), ("a ninja", "ninja"), ("a boy", "boy"),
    ("a woman", "woman"), ("a daughter", "woman"), ("a son", "lone_figure"), ("a soldier", "lone_figure"),
    ("a thief", "lone_figure"), ("a shepherd", "lone_figure"), ("a clockmaker", "lone_figure"),
    ("the lighthouse keeper", "lone_figure"),
    # more of the same kind of gap across the table: a common-word name, a synonym the icon draws
    ("an alligator", "crocodile"), ("a hippo", "hippopotamus"), ("a seashell", "spiral_shell"),
    ("a sleigh", "sled"), ("a seal pup", "seal"), ("a hen", "chicken"), ("a wishing well", "water_well"),
    ("a pumpkin", "pumpkin"), ("a bible", "bible"), ("a garden gnome", "garden_gnome"),
    ("a chef's knife", "kitchen_knife"),
]  # fmt: skip


@pytest.mark.parametrize(("words", "name"), GAPS)
def test_the_things_books_name_resolve_to_a_subject(words, name):
    reading = read_book("", "", "", words, "fantasy", "")
    drawn = [s.name for s in reading.subjects if s.drawable]
    assert name in drawn, (words, drawn)
    assert name in MOTIFS


def test_role_figures_are_figures_with_icons():
    for name in ("person_with_crown", "pilot", "cook", "beekeeper", "person_vampire", "garden_gnome", "teacher"):
        assert SUBJECTS[name].category == "figure" and MOTIFS[name].category == "figure", name
        assert has_icon(SUBJECTS[name].illustrated) and has_icon(SUBJECTS[name].silhouette), name


@pytest.mark.parametrize(
    ("words", "not_drawn"),
    [
        ("a stone house", "rock"),
        ("honey cake", "honey_pot"),
        ("a lemon dress", "lemon"),
        ("lemon and teal", "lemon"),
        ("finders keepers", "lone_figure"),
        ("a red flag", "triangular_flag"),
        ("not my cup of tea", "teacup_without_handle"),
        ("a stone's throw from the sea", "rock"),
        ("rock bottom", "rock"),
        ("seed money", "seedling"),
        ("a pilot scheme", "pilot"),
        ("off guard", "guard"),
        ("cook the books", "cook"),
        ("a stable job", "barn"),
        ("well done", "water_well"),
        ("a drama queen", "person_with_crown"),
    ],
)
def test_words_the_new_subjects_share_stay_traps(words, not_drawn):
    for genre in ("fantasy", "non-fiction"):
        reading = read_book("", "", words, "", genre, "")
        assert not_drawn not in [s.name for s in reading.subjects if s.drawable], (words, genre)
