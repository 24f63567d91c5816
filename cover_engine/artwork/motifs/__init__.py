"""The motif library: one path builder per motif, plus a fallback per lexicon category.

`shape_for(name, rng)` always returns a Shape: a named builder when there is one, else the
builder standing for the motif's lexicon category, so no lexicon motif is ever dropped.
"""

from __future__ import annotations

import random

import skia

from ..color import RGB, argb, lighten, mix
from ..journal import UNNAMED, record
from . import architecture, fauna, figures, flora, objects, signs, sky, terrain, vehicles
from .geometry import Shape

BUILDERS: dict = {}
for _module in (architecture, flora, fauna, sky, terrain, figures, objects, vehicles, signs):
    BUILDERS.update(_module.BUILDERS)

CATEGORY_FALLBACK = {
    "celestial": "star",
    "landscape": "mountains",
    "weather": "cloud",
    "architecture": "house",
    "flora": "flower",
    "fauna": "bird",
    "figure": "figure",
    "object": "diamond",
    "vehicle": "boat",
    "element": "flame",
    "abstract": "circle",
}

# Motifs a scene paints as part of its world rather than as a silhouette.
SKY_MOTIFS = {
    "light rays",
    "light_rays",
    "magic sparks",
    "magic_sparks",
    "moon",
    "crescent",
    "sun",
    "stars",
    "star",
    "planet",
    "comet",
    "galaxy",
    "nebula",
    "eclipse",
    "constellation",
}
WEATHER_MOTIFS = {
    "rain",
    "snow",
    "storm",
    "lightning",
    "thunder",
    "fog",
    "mist",
    "clouds",
    "cloud",
    "wind",
    "snowflake",
}
TERRAIN_MOTIFS = {
    "mountains",
    "mountain",
    "sea",
    "ocean",
    "waves",
    "wave",
    "forest",
    "woods",
    "desert",
    "river",
    "road",
    "path",
    "field",
    "meadow",
    "island",
    "city skyline",
    "city",
    "skyline",
    "valley",
    "hills",
    "lake",
    "water",
}


def normalise(name: str) -> str:
    return " ".join(str(name).lower().replace("_", " ").replace("-", " ").split())


def _lexicon_category(name: str) -> str | None:
    try:
        from .. import _lexicon_bridge
    except ImportError:  # pragma: no cover - the bridge is part of this package
        return None
    return _lexicon_bridge.category_of(name)


def builder_name(name: str) -> str | None:
    """The builder that draws this motif name, through aliases, plurals and its lexicon category."""
    n = normalise(name)
    if n in BUILDERS:
        return n
    for cand in (n[:-1] if n.endswith("s") else None, n[:-2] if n.endswith("es") else None, n + "s"):
        if cand and cand in BUILDERS:
            return cand
    # Multi-word names: the last word usually carries the thing ("old lighthouse", "red rose").
    words = n.split()
    for i in range(1, len(words)):
        tail = " ".join(words[i:])
        if tail in BUILDERS:
            return tail
    for w in reversed(words):
        if w in BUILDERS:
            return w
    cat = _lexicon_category(n)
    if cat and cat in CATEGORY_FALLBACK:
        return CATEGORY_FALLBACK[cat]
    return None


# Objects that sit on a table (a candle, a lantern, an hourglass) do not stand in a landscape like a
# building: scenes treat them as floating emblems. Vehicles and signs say for themselves.
_TABLETOP = set(objects.BUILDERS.values()) | {sky.crystal}


def shape_for(name: str, rng: random.Random) -> Shape:
    key = builder_name(name) or "diamond"
    builder = BUILDERS[key]
    shape = builder(rng)
    if builder in _TABLETOP:
        shape.ground = False
    shape.name = name  # the journal names what draw_shape draws by what was asked for
    return shape


def draw_shape(
    canvas: skia.Canvas,
    shape: Shape,
    *,
    x: float,
    y: float,
    size: float,
    fill: RGB | skia.Shader,
    light: RGB | None = None,
    light_alpha: float = 1.0,
    detail: RGB | None = None,
    anchor: str = "auto",
    glow: RGB | None = None,
    glow_strength: float = 0.6,
    flip: bool = False,
    alpha: float = 1.0,
    lit_glow: bool = True,
) -> skia.Rect:
    """Draw a shape so its larger side equals size; (x, y) is its bottom-centre or centre.

    Returns the pixel rectangle it occupies.
    """
    b = shape.bounds()
    bw, bh = max(b.width(), 1e-3), max(b.height(), 1e-3)
    k = size / max(bw, bh)
    if anchor == "auto":
        anchor = "bottom" if shape.ground else "center"
    ox = x - (b.left() + bw / 2) * k if not flip else x + (b.left() + bw / 2) * k
    oy = y - b.bottom() * k if anchor == "bottom" else y - (b.top() + bh / 2) * k
    m = skia.Matrix.Translate(ox, oy)
    m = skia.Matrix.Concat(m, skia.Matrix.Scale(-k if flip else k, k))
    canvas.save()
    canvas.concat(m)
    if glow is not None:
        gp = skia.Paint(AntiAlias=True, Color=argb(glow, glow_strength))
        gp.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, max(bw, bh) * 0.09))
        canvas.drawPath(shape.body, gp)
    paint = skia.Paint(AntiAlias=True)
    if isinstance(fill, skia.Shader):
        paint.setShader(fill)
        paint.setAlphaf(alpha)
    else:
        paint.setColor(argb(fill, alpha))
    canvas.drawPath(shape.body, paint)
    if shape.details and detail is not None:
        dp = skia.Paint(AntiAlias=True, Color=argb(detail, 0.55 * alpha))
        dp.setStyle(skia.Paint.kStroke_Style)
        dp.setStrokeCap(skia.Paint.kRound_Cap)
        canvas.save()
        canvas.clipPath(shape.body, doAntiAlias=True)
        for path, width in shape.details:
            dp.setStrokeWidth(width)
            canvas.drawPath(path, dp)
        canvas.restore()
    if shape.lights is not None and light is not None and not shape.lights.isEmpty():
        if lit_glow:
            lg = skia.Paint(AntiAlias=True, Color=argb(light, 0.5 * light_alpha))
            lg.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, max(bw, bh) * 0.03))
            canvas.drawPath(shape.lights, lg)
        canvas.drawPath(shape.lights, skia.Paint(AntiAlias=True, Color=argb(lighten(light, 0.15), light_alpha)))
    canvas.restore()
    left = ox + b.left() * k if not flip else ox - b.right() * k
    drawn = skia.Rect.MakeXYWH(left, oy + b.top() * k, bw * k, bh * k)
    on_device = canvas.getTotalMatrix().mapRect(drawn)
    # Shapes a scene builds itself (a runner, a couple) carry no name: journalled as unnamed.
    record(shape.name or UNNAMED, on_device.left(), on_device.top(), on_device.width(), on_device.height())
    return drawn


def _inverse(m: skia.Matrix) -> skia.Matrix:
    inv = skia.Matrix()
    if m.invert(inv):
        return inv
    return skia.Matrix()


def silhouette_color(base: RGB, sky: RGB, depth: float) -> RGB:
    """A silhouette colour at a depth 0 (near) .. 1 (far), hazed toward the sky."""
    return mix(base, sky, depth)


__all__ = ["BUILDERS", "CATEGORY_FALLBACK", "Shape", "builder_name", "draw_shape", "shape_for", "silhouette_color"]
