"""The motif library: one path builder per motif, the icon-drawn subjects, and a fallback per category.

`shape_for(name, rng)` always returns a Shape: a named builder when there is one (unless the
subject's icon reads better, see ICON_PREFERRED), else the subject's icon (cover_engine.subjects),
else the builder standing for the motif's lexicon category, so no lexicon motif is ever dropped.
"""

from __future__ import annotations

import functools
import random

import skia

from ..color import RGB, argb, lighten, mix
from ..frame import fitted
from ..journal import UNNAMED, record
from ..subject_colours import SubjectColour, painted_for
from . import architecture, fauna, figures, flora, icons, objects, signs, sky, terrain, things, vehicles
from .geometry import Shape

BUILDERS: dict = {}
for _module in (architecture, flora, fauna, sky, terrain, figures, objects, things, vehicles, signs):
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
    # A subject drawn from the art sets ("polar bear", "teddy bears") before the words inside its name.
    subject = icons.subject_for(n)
    if subject is not None:
        # A subject that took a word from a hand-drawn builder ("witch") keeps that builder's silhouette.
        return next((claim for claim in subject.claims if claim in BUILDERS), subject.words)
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
_TABLETOP = set(objects.BUILDERS.values()) | set(things.BUILDERS.values()) | {sky.crystal}


# Builders whose subject icon reads better at thumbnail size: the icon draws them instead (compared
# side by side with bench/subjects_sheet.py; elsewhere the hand-drawn silhouettes read better).
# "balloon" is the party balloon of the lexicon; the hand-drawn builder is a hot-air balloon.
ICON_PREFERRED: frozenset[str] = frozenset({"books", "scroll", "axe", "dove", "eagle", "balloon"})


def shape_for(name: str, rng: random.Random) -> Shape:
    """The motif's Shape; a hand-drawn one also carries its subject's illustration when there is one."""
    key = builder_name(name) or "diamond"
    if key not in BUILDERS or key in ICON_PREFERRED:
        subject = icons.subject_for(key)
        if subject is not None:
            shape = icons.subject_shape(subject, rng)
            shape.name = name  # the journal names what draw_shape draws by what was asked for
            return shape
    builder = BUILDERS[key]
    shape = builder(rng)
    if builder in _TABLETOP:
        shape.ground = False
    subject = icons.subject_for(name) or icons.subject_for(key)
    if subject is not None:
        shape.subject, shape.tone = subject.name, icons.pick_tone(subject, rng)
    shape.name = name  # the journal names what draw_shape draws by what was asked for
    return shape


def placement(
    shape: Shape, *, x: float, y: float, size: float, anchor: str = "auto", flip: bool = False
) -> skia.Matrix:
    """The matrix draw_shape places the shape's own coordinates with (its larger side = size)."""
    b = shape.bounds()
    bw, bh = max(b.width(), 1e-3), max(b.height(), 1e-3)
    k = size / max(bw, bh)
    if anchor == "auto":
        anchor = "bottom" if shape.ground else "center"
    ox = x - (b.left() + bw / 2) * k if not flip else x + (b.left() + bw / 2) * k
    oy = y - b.bottom() * k if anchor == "bottom" else y - (b.top() + bh / 2) * k
    return skia.Matrix.Concat(skia.Matrix.Translate(ox, oy), skia.Matrix.Scale(-k if flip else k, k))


def subject_move(
    canvas: skia.Canvas, shape: Shape, *, x: float, y: float, size: float, anchor: str = "auto", flip: bool = False
) -> skia.Matrix | None:
    """The move (see frame.py) that keeps this placement of the shape inside the subject frame."""
    bottom = anchor == "bottom" or (anchor == "auto" and shape.ground)
    box = placement(shape, x=x, y=y, size=size, anchor=anchor, flip=flip).mapRect(shape.bounds())
    return fitted(canvas, box, anchor_bottom=bottom)


def _framed(draw):
    """draw_shape keeps its options (callers inspect them) and learns the subject frame."""

    @functools.wraps(draw)
    def draw_shape(canvas: skia.Canvas, shape: Shape, *, x: float, y: float, size: float, **kwargs) -> skia.Rect:
        move = subject_move(
            canvas, shape, x=x, y=y, size=size, anchor=kwargs.get("anchor", "auto"), flip=kwargs.get("flip", False)
        )
        if move is None:
            return draw(canvas, shape, x=x, y=y, size=size, **kwargs)
        canvas.save()
        canvas.concat(move)
        try:
            return move.mapRect(draw(canvas, shape, x=x, y=y, size=size, **kwargs))
        finally:
            canvas.restore()

    return draw_shape


@_framed
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
    style: str = "silhouette",
    tint: RGB | None = None,
    tint_amount: float = 0.35,
) -> skia.Rect:
    """Draw a shape so its larger side equals size; (x, y) is its bottom-centre or centre. Inside a
    subject frame (print fronts, see frame.py) the piece is moved into the frame.

    style "silhouette" fills the body (and shades an icon's interior lines with ``detail``);
    "illustrated" draws an icon-drawn subject in its own colours, pulled toward ``tint`` by
    ``tint_amount`` so it sits in the palette (shapes without a drawing fall back to the silhouette).
    Returns the pixel rectangle it occupies.
    """
    b = shape.bounds()
    bw, bh = max(b.width(), 1e-3), max(b.height(), 1e-3)
    k = size / max(bw, bh)
    coloured = painted_for(shape.name)
    if coloured is not None:
        # The book's colour for this subject: a picture leans toward it, a silhouette wears it.
        tint, tint_amount = coloured.rgb, max(tint_amount, 0.6)
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
    picture = shape.illustrated
    if style == "illustrated" and picture is None and shape.subject:
        picture = icons.illustration_in(icons.SUBJECTS[shape.subject], b, shape.tone)
    if style == "illustrated" and picture is not None:
        _draw_illustrated(canvas, picture, alpha=alpha, tint=tint, amount=tint_amount)
        canvas.restore()
        left = ox + b.left() * k if not flip else ox - b.right() * k
        drawn = skia.Rect.MakeXYWH(left, oy + b.top() * k, bw * k, bh * k)
        _journal(canvas, shape, drawn, coloured)
        return drawn
    paint = skia.Paint(AntiAlias=True)
    if coloured is not None and not coloured.garment:
        fill = _in_colour(coloured.rgb, fill)
    if isinstance(fill, skia.Shader):
        paint.setShader(fill)
        paint.setAlphaf(alpha)
    else:
        paint.setColor(argb(fill, alpha))
    canvas.drawPath(shape.body, paint)
    if coloured is not None and coloured.garment:
        _garment(canvas, shape, coloured, fill, alpha, flip)
    if shape.lines is not None and detail is not None and not shape.lines.isEmpty():
        canvas.drawPath(shape.lines, skia.Paint(AntiAlias=True, Color=argb(detail, 0.55 * alpha)))
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
    _journal(canvas, shape, drawn, coloured)
    return drawn


# How far a subject's colour is shaded toward the silhouette's own (depth) fill: enough to sit in the
# scene's light, little enough that the hue still reads at thumbnail size.
_SHADE = 0.35
# The garment's band of a figure's height: below the head, down to the shins.
_GARMENT_TOP, _GARMENT_BOTTOM = 0.16, 0.82


def _in_colour(colour: RGB, fill: RGB | skia.Shader) -> RGB:
    depth = fill if not isinstance(fill, skia.Shader) else (0.08, 0.08, 0.1)
    return mix(colour, depth, _SHADE)


def _garment(
    canvas: skia.Canvas, shape: Shape, coloured: SubjectColour, fill: RGB | skia.Shader, alpha: float, flip: bool
) -> None:
    """The worn colour on a figure's body below the head, lit along one edge (a rim light) and shaded
    toward the silhouette's fill on the other, so it reads as cloth in the scene's light."""
    b = shape.bounds()
    band = skia.Rect.MakeLTRB(
        b.left(), b.top() + b.height() * _GARMENT_TOP, b.right(), b.top() + b.height() * _GARMENT_BOTTOM
    )
    base = _in_colour(coloured.rgb, fill)
    lit, shade = lighten(coloured.rgb, 0.12), mix(base, (0.0, 0.0, 0.0), 0.25)
    ends = [skia.Point(band.left(), band.top()), skia.Point(band.right(), band.top())]
    colours = [argb(lit, alpha), argb(base, alpha), argb(shade, alpha)]
    if flip:
        colours.reverse()
    paint = skia.Paint(AntiAlias=True)
    paint.setShader(skia.GradientShader.MakeLinear(ends, colours, [0.0, 0.3, 1.0]))
    canvas.save()
    canvas.clipRect(band, doAntiAlias=True)
    canvas.drawPath(shape.body, paint)
    canvas.restore()


def _journal(canvas: skia.Canvas, shape: Shape, drawn: skia.Rect, coloured: SubjectColour | None = None) -> None:
    """Journal a drawn shape in device pixels (the illustrated form as much as the silhouette)."""
    on_device = canvas.getTotalMatrix().mapRect(drawn)
    # Shapes a scene builds itself (a runner, a couple) carry no name: journalled as unnamed.
    record(
        shape.name or UNNAMED,
        on_device.left(),
        on_device.top(),
        on_device.width(),
        on_device.height(),
        coloured.word if coloured is not None else "",
    )


def _tint_filter(tint: RGB, amount: float) -> skia.ColorFilter:
    """Keeps each colour's luminance but moves its hue toward the tint by amount (0..1)."""
    lum = (0.2126, 0.7152, 0.0722)
    t_lum = max(0.05, sum(c * w for c, w in zip(tint, lum, strict=True)))
    rows: list[float] = []
    for i, channel in enumerate(tint):
        gain = channel / t_lum
        row = [amount * gain * w for w in lum]
        row[i] += 1.0 - amount
        rows += [*row, 0.0, 0.0]
    rows += [0.0, 0.0, 0.0, 1.0, 0.0]
    return skia.ColorFilters.Matrix(rows)


def _draw_illustrated(
    canvas: skia.Canvas, picture: skia.Picture, *, alpha: float, tint: RGB | None, amount: float
) -> None:
    if alpha >= 1.0 and (tint is None or amount <= 0):
        canvas.drawPicture(picture)
        return
    layer = skia.Paint(Alphaf=max(0.0, min(1.0, alpha)))
    if tint is not None and amount > 0:
        layer.setColorFilter(_tint_filter(tint, min(1.0, amount)))
    canvas.drawPicture(picture, None, layer)


def _inverse(m: skia.Matrix) -> skia.Matrix:
    inv = skia.Matrix()
    if m.invert(inv):
        return inv
    return skia.Matrix()


def silhouette_color(base: RGB, sky: RGB, depth: float) -> RGB:
    """A silhouette colour at a depth 0 (near) .. 1 (far), hazed toward the sky."""
    return mix(base, sky, depth)


__all__ = [
    "BUILDERS",
    "CATEGORY_FALLBACK",
    "ICON_PREFERRED",
    "Shape",
    "builder_name",
    "draw_shape",
    "shape_for",
    "silhouette_color",
]
