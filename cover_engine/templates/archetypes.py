"""Composition archetypes: the kinds of picture best-selling covers of each genre are built on.

A template's archetype follows from what it paints (its scene and variant): one table, below, so
the catalogue never has to repeat it. GENRE_ARCHETYPES names, per genre, the archetypes the
playbook (`GENRE-PLAYBOOK.md`) finds on that genre's best sellers; the catalogue offers each of
them with at least one template (tests hold it to that). cover_engine/README.md describes them.
"""

from __future__ import annotations

from .spec import TemplateSpec

ARCHETYPES: dict[str, str] = {
    "lone-figure": "The hero small in a vast layered world: far ridges or skyline in haze, a ledge or road, "
    "back light from a low sun, moon or glow, a long shadow.",
    "hero-against-sky": "The hero large, dark and rim-lit against a huge sun or moon, rising from the bottom edge; "
    "a low skyline or peaks far behind.",
    "object-closeup": "One object filling half the width under a hard key light: a beam, dust in the air, "
    "a surface, a dark textured field.",
    "lit-haven": "A building in the middle distance with lit windows, a path leading to its door, "
    "a companion in front, foliage framing the near corners.",
    "setting": "A wide setting (peaks, castle, city, harbour, sea) in three to five hazy planes; the place is "
    "the picture.",
    "emblem": "One symbolic object centred on a dark, gradient or paper field, glowing or metallic.",
    "ornament-frame": "An ornamental, deco or floral frame holding the title, a small emblem inside.",
    "type-led": "Typography carries the cover over flat colour, texture, colour blocks or simple shapes.",
    "luminous": "Light is the subject: rays through a sky, a glowing horizon, soft washes.",
    "figure-silhouette": "A standing, walking or running figure (or a couple) as a real silhouette against "
    "the sky or studio light.",
    "portrait": "A head or bust: a rim-lit profile or a double exposure with a landscape inside.",
    "character-scene": "An illustrated character with a face in a bright, rounded world (children's books).",
    "motion": "A figure or object driving across diagonal speed shapes.",
    "cosmic": "Planets, nebulae and stations: scale in deep space.",
    "floral-field": "Flowers, leaves and branches filling the field around the type.",
}

# (scene, variant) -> archetype; (scene, None) is the scene's default for other variants.
SCENE_ARCHETYPE: dict[tuple[str, str | None], str] = {
    ("stage", "vista"): "lone-figure",
    ("stage", "character"): "hero-against-sky",
    ("stage", "closeup"): "object-closeup",
    ("stage", "haven"): "lit-haven",
    ("landscape", "road"): "lone-figure",
    ("landscape", "house"): "lit-haven",
    ("landscape", "village"): "lit-haven",
    ("landscape", None): "setting",
    ("cityscape", None): "setting",
    ("seascape", None): "setting",
    ("seascape", "underwater"): "character-scene",
    ("horror", "house"): "lit-haven",
    ("horror", None): "setting",
    ("symbol", None): "emblem",
    ("frame", None): "ornament-frame",
    ("botanical", "corners"): "ornament-frame",
    ("botanical", None): "floral-field",
    ("typographic", None): "type-led",
    ("geometric", None): "type-led",
    ("abstract", "horizon"): "luminous",
    ("abstract", None): "type-led",
    ("rays", None): "luminous",
    ("kids", None): "character-scene",
    ("portrait", "profile"): "portrait",
    ("portrait", "shoulders"): "portrait",
    ("portrait", None): "figure-silhouette",
    ("motion", None): "motion",
    ("space", None): "cosmic",
}

# Per genre, the archetypes its best sellers use (GENRE-PLAYBOOK.md), most typical first.
GENRE_ARCHETYPES: dict[str, tuple[str, ...]] = {
    "business-economics": ("type-led", "object-closeup", "portrait", "motion"),
    "religion-spirituality": ("luminous", "setting", "emblem", "ornament-frame"),
    "non-fiction": ("type-led", "object-closeup", "setting", "ornament-frame", "portrait"),
    "fantasy": ("lone-figure", "emblem", "hero-against-sky", "setting", "lit-haven"),
    "romance": ("figure-silhouette", "object-closeup", "floral-field", "hero-against-sky", "ornament-frame"),
    "thriller": ("lone-figure", "object-closeup", "type-led", "hero-against-sky", "setting"),
    "mystery": ("lit-haven", "lone-figure", "object-closeup", "setting"),
    "science-fiction": ("lone-figure", "cosmic", "object-closeup", "setting"),
    "horror": ("lit-haven", "object-closeup", "hero-against-sky", "setting"),
    "historical-fiction": ("hero-against-sky", "object-closeup", "setting", "ornament-frame"),
    "health-fitness": ("motion", "figure-silhouette", "floral-field", "type-led"),
    "contemporary-fiction": ("type-led", "lone-figure", "emblem", "setting"),
    "young-adult": ("hero-against-sky", "emblem", "type-led", "object-closeup"),
    "childrens": ("character-scene", "lit-haven", "emblem"),
    "self-help": ("type-led", "luminous", "motion", "setting"),
    "biography-memoir": ("portrait", "lone-figure", "object-closeup", "ornament-frame"),
    "poetry": ("type-led", "emblem", "floral-field", "luminous"),
}


def archetype_of(spec: TemplateSpec) -> str:
    """The composition archetype a template's picture belongs to."""
    variant = spec.scene_params.get("variant")
    return SCENE_ARCHETYPE.get((spec.scene, variant)) or SCENE_ARCHETYPE[(spec.scene, None)]


def archetypes_for(genre: str, catalogue: dict[str, TemplateSpec]) -> dict[str, list[str]]:
    """The archetypes the catalogue offers a genre, each with the ids of its templates."""
    out: dict[str, list[str]] = {}
    for spec in catalogue.values():
        if genre in spec.genres:
            out.setdefault(archetype_of(spec), []).append(spec.id)
    return out
