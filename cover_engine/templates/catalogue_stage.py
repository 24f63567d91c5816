"""Composed designs on the layered "stage" scene, added to the families whose genres want them.

Each entry is one archetype (lone figure, hero against the sky, object close-up, lit haven) in one
family's type voice: the type comes from a sibling design of the same voice with its own
treatment, so the family keeps its typography while the picture gains depth, light and a focal
subject taken from the book.
"""

from __future__ import annotations

import dataclasses

from ..typeset.spec import TypeSpec
from . import layouts as L
from .build import COZY, DARK, template
from .families import FAMILIES

_BY_ID = {spec.id: spec for family in FAMILIES for spec in family}


def _type(donor: str, treatment: str) -> TypeSpec:
    """A sibling design's type voice with another treatment (so no two designs share both)."""
    return dataclasses.replace(_BY_ID[donor].type, treatment=treatment)


# (id, name, family, genres, params, layout, type donor, treatment, motifs, moods, subgenres, avoid)
_ROWS = [
    ("cinematic-lone-witness", "The Lone Witness", "cinematic", ("thriller", "science-fiction", "contemporary-fiction"),
     {"variant": "vista", "lighting": "night", "far": "skyline", "fg": "rocks", "hero": "left"},
     L.title_top(depth=0.27), "cinematic-city-night", "plain", ("lone_figure", "road", "city_skyline"),
     ("intense", "mysterious", "melancholic"), (), COZY),
    ("cinematic-hunted-moon", "Hunted", "cinematic", ("thriller", "mystery", "young-adult"),
     {"variant": "character", "lighting": "night", "far": "skyline"},
     L.title_top(depth=0.24), "cinematic-lone-road", "shadow", ("lone_figure", "woman", "moon"),
     ("intense", "mysterious"), (), COZY),
    ("cinematic-evidence", "The Evidence", "cinematic", ("thriller", "mystery", "horror"),
     {"variant": "closeup", "texture": "brush", "default": "key"},
     L.author_top_title_bottom(depth=0.3), "cinematic-fugitive", "glow", ("key", "dagger", "letter"),
     ("intense", "mysterious"), ("romantic-suspense",), COZY),
    ("noir-lamplit-house", "Lamplit House", "noir", ("mystery", "thriller", "historical-fiction"),
     {"variant": "haven", "lighting": "night", "far": "forest", "fg": "grass", "texture": "grain"},
     L.title_top(depth=0.28), "noir-fog-house", "plain", ("house", "lantern", "cat"),
     ("mysterious", "melancholic"), (), ()),
    ("epic-hero-moon", "Hero Under the Moon", "epic", ("fantasy", "young-adult"),
     {"variant": "character", "lighting": "night", "far": "peaks", "default": "warrior"},
     L.title_top(depth=0.24), "epic-mountain-citadel", "plain", ("warrior", "sword", "moon"),
     ("epic", "intense"), ("epic-fantasy", "dark-fantasy", "grounded-low"), COZY),
    ("epic-far-citadel", "The Far Citadel", "epic", ("fantasy", "historical-fiction"),
     {"variant": "vista", "lighting": "dusk", "far": "peaks", "fg": "rocks", "default": "castle", "hero": "right"},
     L.title_top(depth=0.28), "epic-moonlit-forest", "shadow", ("castle", "mountains", "dragon"),
     ("epic", "mysterious"), ("epic-fantasy", "myth-folklore"), ()),
    ("enchanted-cottage-glow", "Cottage Glow", "enchanted", ("fantasy", "mystery", "childrens"),
     {"variant": "haven", "lighting": "dusk", "far": "forest", "fg": "grass", "texture": "paper"},
     L.title_top(depth=0.28), "enchanted-village-lights", "glow", ("house", "cat", "lantern"),
     ("uplifting", "romantic"), ("cozy-fantasy",), DARK),
    ("dark-object-spotlight", "Under the Spotlight", "dark-object", ("romance", "fantasy", "thriller"),
     {"variant": "closeup", "texture": "grain", "default": "rose"},
     L.title_bottom(depth=0.26), "dark-object-rose", "glow", ("rose", "dagger", "crown"),
     ("romantic", "intense"), ("dark-romance", "romantasy"), COZY),
    ("romance-moonlit-pair", "Moonlit Pair", "romance-script", ("romance", "contemporary-fiction", "young-adult"),
     {"variant": "character", "lighting": "dusk", "far": "skyline", "default": "couple"},
     L.title_top(depth=0.26), "romance-sunset-couple", "glow", ("couple", "moon", "city_skyline"),
     ("romantic",), ("contemporary", "new-adult"), ("dark-romance",)),
    ("scifi-lone-explorer", "Lone Explorer", "sci-fi", ("science-fiction", "young-adult"),
     {"variant": "vista", "lighting": "night", "far": "hills", "fg": "rocks"},
     L.title_top(depth=0.26), "scifi-planet-rise", "shadow", ("planet", "lone_figure", "moon"),
     ("epic", "mysterious"), (), COZY),
    ("scifi-relic", "The Relic", "sci-fi", ("science-fiction", "thriller", "young-adult"),
     {"variant": "closeup", "texture": "grain", "default": "crystal"},
     L.author_top_title_bottom(depth=0.3), "scifi-grid-horizon", "plain", ("planet", "key"),
     ("intense", "mysterious"), (), COZY),
    ("horror-lit-window", "One Lit Window", "horror", ("horror", "mystery"),
     {"variant": "haven", "lighting": "night", "far": "forest", "fg": "grass", "texture": "grain"},
     L.title_top(depth=0.28), "horror-dark-house", "glow", ("house", "moon"),
     ("mysterious", "intense"), (), COZY),
    ("horror-relic-dark", "Dark Relic", "horror", ("horror", "thriller"),
     {"variant": "closeup", "texture": "grain", "default": "skull"},
     L.author_top_title_bottom(depth=0.3), "horror-blood-band", "shadow", ("skull", "key", "dagger"),
     ("intense",), (), COZY),
    ("horror-stranger", "The Stranger", "horror", ("horror", "thriller", "fantasy"),
     {"variant": "character", "lighting": "night", "far": "forest", "texture": "brush"},
     L.title_top(depth=0.24), "horror-watching-eye", "glow", ("lone_figure", "moon"),
     ("intense", "mysterious"), ("dark-fantasy",), COZY),
    ("heritage-figure-dusk", "Figure at Dusk", "heritage", ("historical-fiction", "romance", "biography-memoir"),
     {"variant": "character", "lighting": "dusk", "far": "hills", "tone": "sepia", "default": "woman"},
     L.title_top(depth=0.26), "heritage-sepia-fields", "glow", ("woman", "house", "road"),
     ("melancholic", "romantic"), ("historical-romance",), ()),
    ("heritage-keepsake", "The Keepsake", "heritage", ("historical-fiction", "biography-memoir", "non-fiction"),
     {"variant": "closeup", "texture": "paper", "default": "hourglass"},
     L.title_bottom(depth=0.26), "heritage-ornament-frame", "shadow", ("hourglass", "letter", "compass"),
     ("melancholic", "intellectual"), (), ()),
    ("ya-rimlit-rebel", "The Rebel in Rim Light", "ya-pop", ("young-adult", "fantasy", "science-fiction"),
     {"variant": "character", "lighting": "dusk", "far": "peaks", "default": "woman"},
     L.title_top(depth=0.26), "ya-silhouette-sky", "glow", ("woman", "sword", "moon"),
     ("intense", "epic"), ("dystopian",), ()),
    ("memoir-long-walk", "The Long Walk", "memoir", ("biography-memoir", "contemporary-fiction", "self-help"),
     {"variant": "vista", "lighting": "dawn", "far": "hills", "fg": "grass", "hero": "right"},
     L.title_top(depth=0.28), "memoir-road-home", "plain", ("road", "lone_figure", "woman"),
     ("melancholic", "uplifting"), (), ()),
    ("bold-type-spotlight", "The Big Idea", "bold-type", ("business-economics", "self-help", "non-fiction"),
     {"variant": "closeup", "texture": "none", "default": "lightbulb"},
     L.title_top(depth=0.3), "bold-type-stack", "shadow", ("key", "compass"),
     ("intellectual", "uplifting"), (), ()),
]  # fmt: skip

STAGE = [
    template(
        tid,
        name,
        family,
        "illustrated",
        genres=genres,
        scene="stage",
        params=params,
        layout=layout,
        type=_type(donor, treatment),
        motifs=motifs,
        moods=moods,
        subgenres=subgenres,
        avoid=avoid,
    )  # fmt: skip
    for tid, name, family, genres, params, layout, donor, treatment, motifs, moods, subgenres, avoid in _ROWS
]
