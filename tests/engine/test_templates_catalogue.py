"""The template catalogue: size, coverage of every genre, distinct designs, valid specs."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

import fontpkg
import pytest

from cover_engine.lexicon import CORE_MOTIFS, MOTIFS
from cover_engine.templates import CATALOGUE, GENRE_BUCKETS, TEMPLATE_TYPES
from cover_engine.typeset.spec import SAFE_MARGIN
from cover_engine.vocabulary import GENRES, SUBGENRES

SPECS = list(CATALOGUE.values())
ALL_SUBGENRES = {slug for group in SUBGENRES.values() for slug in group}
SETTINGS = {"landscape", "city", "sea", "space", "interior", "abstract", "botanical", "symbolic"}


def _layouts(spec):
    yield "ebook", spec.layout
    yield "square", spec.layout.square


def test_it_offers_at_least_sixty_templates_in_ten_families():
    assert len(SPECS) >= 60
    families = Counter(spec.family for spec in SPECS)
    assert len(families) >= 10
    assert min(families.values()) >= 3, families


@pytest.mark.parametrize("genre", sorted(GENRES))
def test_every_genre_has_at_least_five_fitting_templates(genre):
    fitting = [spec for spec in SPECS if genre in spec.genres]
    assert len(fitting) >= 5
    # ...and they are not all one family: a genre gets more than one designer.
    assert len({spec.family for spec in fitting}) >= 2


def test_ids_are_unique_kebab_case_slugs_and_names_are_human():
    assert len({spec.id for spec in SPECS}) == len(SPECS)
    assert len({spec.name for spec in SPECS}) == len(SPECS)
    for spec in SPECS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", spec.id), spec.id
        assert spec.name[0].isupper() and "-" not in spec.name, spec.name
        assert CATALOGUE[spec.id] is spec


def test_types_buckets_and_subgenres_come_from_the_shared_catalogue():
    used_types = {spec.template_type for spec in SPECS}
    assert used_types <= set(TEMPLATE_TYPES)
    assert len(used_types) >= 5
    for spec in SPECS:
        assert set(spec.genres) <= set(GENRES)
        assert spec.genre_buckets == tuple(dict.fromkeys(GENRE_BUCKETS[g] for g in spec.genres))
        assert set(spec.subgenres) <= ALL_SUBGENRES, spec.id
        assert set(spec.avoid_subgenres) <= ALL_SUBGENRES, spec.id
        assert not set(spec.subgenres) & set(spec.avoid_subgenres), spec.id
        assert set(spec.settings) <= SETTINGS, spec.id


def test_every_face_a_template_names_is_installed():
    installed = set(fontpkg.families())
    for spec in SPECS:
        for face in (spec.type.title_face, spec.type.author_face):
            assert face is None or face in installed, (spec.id, face)


def test_the_catalogue_uses_many_typefaces_and_voices():
    faces = {spec.type.title_face for spec in SPECS}
    voices = {spec.type.title_voice for spec in SPECS}
    treatments = {spec.type.treatment for spec in SPECS}
    assert len(faces) >= 20
    assert len(voices) >= 10
    assert len(treatments) >= 6


def test_motif_affinities_name_lexicon_motifs_and_cover_all_of_them():
    used = {motif for spec in SPECS for motif in spec.motifs}
    assert used <= set(MOTIFS)
    # Whatever hand-drawn motif a summary talks about, some design favours it (the icon-drawn
    # subjects, over a thousand, leave the choice to the genre).
    assert set(CORE_MOTIFS) <= used


def test_text_blocks_keep_clear_of_the_safe_margin_in_both_formats():
    for spec in SPECS:
        for fmt, layout in _layouts(spec):
            assert layout is not None, (spec.id, fmt)
            for block in (layout.title, layout.author, layout.subtitle):
                if block is None:
                    continue
                x, y, w, h = block.box
                assert x >= SAFE_MARGIN and y >= SAFE_MARGIN, (spec.id, fmt, block)
                assert x + w <= 1 - SAFE_MARGIN + 1e-9 and y + h <= 1 - SAFE_MARGIN + 1e-9, (spec.id, fmt, block)


def _overlap(a, b) -> bool:
    ax, ay, aw, ah = a.box
    bx, by, bw, bh = b.box
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def test_title_author_and_subtitle_areas_never_overlap():
    for spec in SPECS:
        for fmt, layout in _layouts(spec):
            blocks = [b for b in (layout.title, layout.author, layout.subtitle) if b is not None]
            for a, b in combinations(blocks, 2):
                assert not _overlap(a, b), (spec.id, fmt, a, b)


def test_the_title_area_is_the_largest():
    for spec in SPECS:
        for _, layout in _layouts(spec):
            title_area = layout.title.box[2] * layout.title.box[3]
            assert title_area > layout.author.box[2] * layout.author.box[3] * 2, spec.id


def _design(spec):
    params = tuple(sorted((k, str(v)) for k, v in spec.scene_params.items()))
    return (spec.scene, params, spec.layout.title, spec.type.title_face, spec.type.treatment)


def test_no_two_templates_are_recolours_of_each_other():
    designs = Counter(_design(spec) for spec in SPECS)
    assert max(designs.values()) == 1
    # Within a family, two designs differ in composition (scene or layout) AND in type.
    for a, b in combinations(SPECS, 2):
        if a.family != b.family:
            continue
        same_composition = a.scene == b.scene and a.layout == b.layout
        same_type = (a.type.title_face, a.type.treatment) == (b.type.title_face, b.type.treatment)
        assert not same_composition, (a.id, b.id)
        assert not same_type, (a.id, b.id)


def test_cozy_designs_are_kept_from_dark_subgenres_and_back():
    cozy_village = CATALOGUE["enchanted-village-lights"]
    assert "dark-romance" in cozy_village.avoid_subgenres
    black_rose = CATALOGUE["dark-object-rose"]
    assert "cozy-fantasy" in black_rose.avoid_subgenres
    assert "dark-romance" in black_rose.subgenres


def _allowed(doc: str, value) -> bool:
    """Check a value against the painter's own description of a parameter ('a | b | c', 'bool', '0..1')."""
    kind = re.split(r"[:,(]", doc)[0].strip()
    if kind.startswith("bool"):
        return isinstance(value, bool)
    bounds = re.search(r"(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?)", kind)
    if bounds:
        low, high = float(bounds.group(1)), float(bounds.group(2))
        return isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high
    if kind.startswith("degrees") or kind == "any":
        return isinstance(value, int | float | str)
    return value in [option.strip() for option in kind.split("|")]


def test_every_scene_and_scene_parameter_is_one_the_painters_understand():
    from cover_engine.artwork import SCENES

    for spec in SPECS:
        assert spec.scene in SCENES, (spec.id, spec.scene)
        documented = SCENES[spec.scene].params
        for name, value in spec.scene_params.items():
            assert name in documented, (spec.id, name)
            assert _allowed(documented[name], value), (spec.id, name, value, documented[name])
    # The catalogue shows off every kind of picture the painters make.
    assert {spec.scene for spec in SPECS} >= set(SCENES)


@pytest.mark.parametrize(
    ("genre", "subgenre"), [(genre, sub) for genre, subs in sorted(SUBGENRES.items()) for sub in sorted(subs)]
)
def test_every_subgenre_has_designs_made_for_it_and_enough_that_fit(genre, subgenre):
    fitting = [s for s in SPECS if genre in s.genres and subgenre not in s.avoid_subgenres]
    made_for = [s for s in fitting if subgenre in s.subgenres]
    assert len(fitting) >= 5
    assert len(made_for) >= 2
