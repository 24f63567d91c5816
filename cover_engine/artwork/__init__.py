"""Artwork: the picture under the type, painted procedurally with skia.

`default_provider()` returns the procedural painters. A provider paints one scene (a name from
SCENES, with that scene's params) for a Brief, keeping the calm zones (where the type will sit)
quiet. An external image model can replace it later by implementing the same `paint` method.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import skia

from . import (
    scenes_city,
    scenes_figure,
    scenes_graphic,
    scenes_kids,
    scenes_land,
    scenes_mood,
    scenes_ornament,
    scenes_sea,
    scenes_space,
    scenes_stage,
)
from .context import build_art
from .journal import nested
from .named import paint_named_subjects
from .subject_colours import painting


@dataclass(frozen=True)
class SceneInfo:
    name: str
    description: str
    params: dict[str, str] = field(default_factory=dict)


_COMMON = {
    "density": "sparse | medium | dense (scaled again by brief.adjust busyness)",
    "hero": "centre | high | low | left | right: where the hero motif sits",
}
_SKY = {
    "lighting": "dawn | day | dusk | night | storm (default: the brief's lighting)",
    "horizon": "0.3..0.88, horizon height as a share of the height",
    "weather": "fog | rain",
    "tone": "sepia | mono: recolour the palette",
}

SCENES: dict[str, SceneInfo] = {
    "landscape": SceneInfo(
        "landscape",
        "Sky, sun or moon, clouds, 3-5 ridges hazier toward the horizon; the hero stands on a ridge.",
        {**_COMMON, **_SKY, "variant": "castle | fields | forest | house | mountains | plains | road | village"},
    ),
    "cityscape": SceneInfo(
        "cityscape",
        "Three skyline layers with lit windows, a wet street, a lone hero in the foreground.",
        {**_COMMON, **_SKY, "variant": "skyline | towers | lane | old-town | future", "neon": "bool: neon accent line"},
    ),
    "seascape": SceneInfo(
        "seascape",
        "Sky over the sea, glitter under the sun or moon, wave lines; ships on the water, lighthouses on a headland.",
        {**_COMMON, **_SKY, "variant": "calm | harbour | minimal | ship | shore | underwater", "bright": "bool"},
    ),
    "space": SceneInfo(
        "space",
        "Deep space: nebula, starfield, planets, the hero glowing in the free band.",
        {**_COMMON, "lighting": "nebula | night", "variant": "nebula | planet | station"},
    ),
    "symbol": SceneInfo(
        "symbol",
        "One object, large, metallic and glowing, on a dark, black, gradient or paper field.",
        {
            **_COMMON,
            "field": "black | dark | gradient | paper",
            "glow": "soft | bright | gold | silver | red | fire | violet | white | none",
            "angle": "degrees to tilt the object",
            "sparkles": "bool",
            "frame": "arch",
            "grain": "0..1",
        },
    ),
    "botanical": SceneInfo(
        "botanical",
        "Flowers, leaves and branches around the text: corners, a wreath, a sprig, a forest floor.",
        {
            **_COMMON,
            "variant": "corners | forest | leaves | single | sprig",
            "lighting": "day | dusk",
            "paper": "bool: paper ground",
            "glow": "fireflies",
        },
    ),
    "abstract": SceneInfo(
        "abstract",
        "Colour fields: soft washes, gradients, a glowing horizon, clouds; a small hero.",
        {**_COMMON, "variant": "wash | gradient | horizon | clouds", "horizon": "0..1", "lighting": "any"},
    ),
    "geometric": SceneInfo(
        "geometric",
        "Bold flat shapes: circles, blocks, stripes, grids, arrows, chevrons, shards, a split field.",
        {
            **_COMMON,
            "variant": "circles | blocks | stripes | grid | arrow | chevrons | shards | split",
            "angle": "degrees",
            "ratio": "split height 0..1",
            "sun": "bool",
            "horizon": "0..1: with variant grid, a perspective grid floor to this horizon",
            "lighting": "sky lighting for the horizon grid",
        },
    ),
    "typographic": SceneInfo(
        "typographic",
        "Flat colour or texture (paper, grain, halftone, doodles) with one small motif; type leads.",
        {
            **_COMMON,
            "variant": "flat | paper | grain | halftone | doodles",
            "motif": "small | centre | high | corner | scatter | none",
        },
    ),
    "frame": SceneInfo(
        "frame",
        "An ornament frame (art deco, classical, floral) on paper, a small motif inside.",
        {**_COMMON, "variant": "classic | deco | floral | photo", "paper": "cream | aged"},
    ),
    "rays": SceneInfo(
        "rays",
        "Light rays fanning through a sky from a low or high source, a quiet horizon below.",
        {**_COMMON, "variant": "dawn | moonlight", "lighting": "dawn | night | day"},
    ),
    "kids": SceneInfo(
        "kids",
        "Bright rounded hills, a friendly sun or moon, puffy clouds, the hero in flat cheerful colour.",
        {
            **_COMMON,
            "variant": "hills | animals | adventure | night",
            "lighting": "day | night",
            "sun": "bool",
            "moon": "bool",
        },
    ),
    "horror": SceneInfo(
        "horror",
        "A dark house or bare tree under a moon, fog, crows, heavy grain and vignette, a red accent.",
        {**_COMMON, "variant": "house | tree | woods", "moon": "bool", "grain": "0..1", "vignette": "0..1"},
    ),
    "portrait": SceneInfo(
        "portrait",
        "A figure silhouette (standing, profile, shoulders, couple, running, with hat) against sky or studio light.",
        {
            **_COMMON,
            "variant": "standing | profile | shoulders | couple | running | hat",
            "lighting": "dawn | day | dusk | night | storm | studio",
        },
    ),
    "stage": SceneInfo(
        "stage",
        "A composed archetype on the full layer stack: far haze, midground, foreground, one lit focal subject.",
        {
            **_COMMON,
            **_SKY,
            "variant": "vista | character | closeup | haven",
            "far": "peaks | hills | forest | skyline | none",
            "fg": "rocks | grass | bushes | branches | none",
            "texture": "grain | paper | brush | halftone | none",
            "focal": "0.2..1: the focal subject's longer side as a share of the width (vista, closeup, haven)",
            "default": "any: the subject drawn when the book's hero motif is weather or terrain",
        },
    ),
    "motion": SceneInfo(
        "motion",
        "Dynamic diagonal shapes and speed streaks behind a moving hero.",
        {**_COMMON, "variant": "diagonal | streaks | burst"},
    ),
}

_PAINTERS = {
    "landscape": scenes_land.landscape,
    "cityscape": scenes_city.cityscape,
    "seascape": scenes_sea.seascape,
    "space": scenes_space.space,
    "symbol": scenes_graphic.symbol,
    "typographic": scenes_graphic.typographic,
    "geometric": scenes_graphic.geometric,
    "abstract": scenes_graphic.abstract,
    "botanical": scenes_ornament.botanical,
    "frame": scenes_ornament.frame,
    "rays": scenes_mood.rays,
    "kids": scenes_kids.kids,
    "horror": scenes_mood.horror,
    "portrait": scenes_figure.portrait,
    "motion": scenes_figure.motion,
    "stage": scenes_stage.stage,
}


class ArtworkProvider(Protocol):
    def paint(
        self,
        canvas: skia.Canvas,
        *,
        width: int,
        height: int,
        scene: str,
        params: dict,
        brief,
        seed: int,
        calm_zones: list[tuple[float, float, float, float]],
    ) -> None: ...


class ProceduralProvider:
    """The built-in painters: vector silhouettes, gradients and noise, all drawn with skia."""

    def paint(self, canvas, *, width, height, scene, params, brief, seed, calm_zones) -> None:
        painter = _PAINTERS.get(scene)
        if painter is None:
            raise ValueError(f"unknown scene {scene!r}; known: {', '.join(sorted(_PAINTERS))}")
        art = build_art(
            canvas, width=width, height=height, params=params, brief=brief, seed=seed, calm_zones=list(calm_zones)
        )
        canvas.save()
        canvas.clipRect(skia.Rect.MakeWH(width, height))
        to_art = skia.Matrix()
        if not canvas.getTotalMatrix().invert(to_art):
            to_art = skia.Matrix()
        try:
            with nested() as drawn, painting(brief):
                painter(art)
                # Every painter goes through the named-subjects pass: the book's hero and the other
                # subjects it named are on the cover, whatever the design drew of its own accord.
                paint_named_subjects(art, drawn, to_art, scene=scene)
        finally:
            canvas.restore()


def default_provider() -> ArtworkProvider:
    return ProceduralProvider()


__all__ = ["SCENES", "ArtworkProvider", "ProceduralProvider", "SceneInfo", "default_provider"]
