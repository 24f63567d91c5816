"""The layer stack every composed scene is built from: BG sky, FAR plane fading into the haze, MID
plane, FG silhouette framing the picture, one FOCAL subject lit from a direction, then texture.

Painters call these helpers in stack order; each helper keeps the calm zones (where the type sits)
quiet itself, so a painter only decides *what* goes on each plane, not how to protect the title.
The focal subject always comes from the brief's hero motif through `shape_for`, so any subject the
motif library (or a subject set hooked into it) can draw becomes the picture's centre.
"""

from __future__ import annotations

import inspect
import math
from dataclasses import dataclass

import numpy as np
import skia

from . import effects as fx
from . import world as W
from .color import RGB, argb, darken, lighten, luminance, mix
from .context import Art, MotifRef
from .motifs import draw_shape, placement, shape_for, subject_move
from .motifs.geometry import Shape

# The smallest focal subject, as a share of the cover width (its longer side): below this it reads
# as an icon pasted on the scene, not as the picture (ART-DIRECTION: "at least a fifth").
MIN_FOCAL = 0.22

# draw_shape learns a `style` ("silhouette" | "illustrated") when the licensed subject sets arrive;
# until then the coloured silhouette stands in for the illustrated form.
_DRAW_STYLES = "style" in inspect.signature(draw_shape).parameters


@dataclass(frozen=True)
class Light:
    """A scene's key light: where it comes from and its colour. Rim light sits on the subject's
    edge facing it; shadows fall away from it."""

    x: float
    y: float
    color: RGB
    strength: float = 0.8

    def direction(self, x: float, y: float) -> tuple[float, float]:
        """Unit vector from a point toward the light."""
        dx, dy = self.x - x, self.y - y
        n = math.hypot(dx, dy) or 1.0
        return dx / n, dy / n


# --- BG and FAR --------------------------------------------------------------------------------
def far_plane(art: Art, horizon: float, light: str, *, kind: str = "peaks", layers: int = 2) -> list[np.ndarray]:
    """Distant ridges in 2-3 value steps, each hazier than the one in front (atmospheric fade),
    with a fog bank at their feet. Returns the ridge heights, farthest first."""
    haze = W.haze_color(art, light)
    out = []
    for i in range(layers):
        depth = 1.0 - 0.18 * i  # 1.0 farthest
        amp = art.h * (0.16 if kind == "peaks" else 0.06) * (1.0 - 0.25 * i)
        base = horizon + art.h * 0.012 * i
        _, ys = W.ridge(art, base, amp, f"far-{kind}-{i}", roughness=0.55 if kind == "peaks" else 0.35)
        color = mix(W.layer_color(art, depth * 0.9, haze), haze, 0.35 - 0.1 * i)
        # Closed a little below the horizon: the nearer planes cover the rest (no overdraw).
        W.fill_ridge(art, _band(art, ys, horizon + art.h * 0.12), ys, color, haze, fog=0.6)
        if kind == "forest":
            from .scenes_land import tree_row

            tree_row(art, ys, color, art.h * 0.05, name=f"far-trees-{i}", kind="pine", spacing=0.5)
        elif kind == "skyline":
            skyline(art, ys, color, art.h * (0.16 - 0.04 * i), name=f"far-sky-{i}", lit=i > 0)
        out.append(ys)
    fx.fog(art, horizon + art.h * 0.015, art.h * 0.07, lighten(haze, 0.08), 0.55)
    return out


def _band(art: Art, ys: np.ndarray, floor: float) -> skia.Path:
    """A ridge line filled down to `floor` (not to the bottom edge)."""
    n = len(ys) - 1
    path = skia.Path()
    path.moveTo(0, floor)
    for i, y in enumerate(ys):
        path.lineTo(art.w * i / n, min(float(y), floor))
    path.lineTo(art.w, floor)
    path.close()
    return path


def skyline(art: Art, ys: np.ndarray, color: RGB, tall: float, *, name: str, lit: bool = False) -> None:
    """A row of towers standing on a ridge line, a few windows lit when it is near enough."""
    rng = art.rng(name)
    x = -rng.uniform(0, 0.05) * art.w
    win = skia.Paint(AntiAlias=False, Color=argb(lighten(art.c("glow"), 0.2), 0.7))
    while x < art.w:
        bw = art.w * rng.uniform(0.04, 0.09)
        bh = tall * rng.uniform(0.35, 1.0)
        base = W.y_at(ys, x + bw / 2, art.w) + 2
        art.canvas.drawRect(skia.Rect(x, base - bh, x + bw, base), fx.fill_paint(color))
        if lit and not art.in_calm(x + bw / 2, base - bh / 2):
            step = max(2.0, art.s * 9)
            for wy in np.arange(base - bh + step, base - step, step * 1.8):
                for wx in np.arange(x + step * 0.6, x + bw - step, step * 1.6):
                    if rng.random() < 0.22:
                        art.canvas.drawRect(skia.Rect.MakeXYWH(wx, wy, step * 0.6, step * 0.8), win)
        x += bw + art.w * rng.uniform(0.0, 0.015)


# --- MID and FG --------------------------------------------------------------------------------
def ground(art: Art, base: float, amp: float, color: RGB, name: str, *, level_at: float | None = None) -> np.ndarray:
    """A land layer filled to the bottom edge; level_at flattens it where the focal stands."""
    _, ys = W.ridge(art, base, amp, name, roughness=0.35, octaves=4)
    if level_at is not None:
        W.flatten(ys, level_at, art.w, art.w * 0.09)
    art.canvas.drawPath(W.path_from(art, ys), fx.fill_paint(color))
    return ys


def foreground(art: Art, kind: str, color: RGB, *, side: int = 1) -> None:
    """The nearest plane, dark and partly out of frame: it frames the picture and pushes the rest back.

    grass: tufts along the bottom edge; rocks: a boulder shoulder rising in one lower corner;
    bushes: round shrubs in both lower corners; branches: a bough reaching in from a top corner
    (only when no title sits there); none: nothing."""
    if kind == "none":
        return
    rng = art.rng("fg-" + kind)
    with fx.calm_layer(art, strength=0.85):
        if kind == "grass":
            blade = skia.Paint(AntiAlias=True, Color=argb(color))
            path = skia.Path()
            n = int(60 * max(0.6, W.density(art)))
            for i in range(n):
                x = art.w * (i + rng.uniform(0, 1)) / n
                hgt = (
                    art.h
                    * rng.uniform(0.025, 0.075)
                    * (1.3 if abs(x - art.w * (0.5 - 0.4 * side)) < art.w * 0.2 else 1)
                )
                lean = rng.uniform(-0.5, 0.5) * hgt * 0.5
                wd = art.w * rng.uniform(0.006, 0.012)
                path.moveTo(x - wd, art.h + 1)
                path.quadTo(x + lean * 0.3, art.h - hgt * 0.6, x + lean, art.h - hgt)
                path.quadTo(x + lean * 0.3 + wd * 0.4, art.h - hgt * 0.5, x + wd, art.h + 1)
                path.close()
            art.canvas.drawRect(skia.Rect(0, art.h - art.h * 0.018, art.w, art.h), blade)
            art.canvas.drawPath(path, blade)
        elif kind == "rocks":
            x0 = art.w * (1.02 if side > 0 else -0.02)
            dx = [0.0, 0.12, 0.28, 0.42, 0.5, 0.0]
            dy = [0.8, 0.83, 0.9, 0.97, 1.001, 1.001]
            pts = [(x0 - side * art.w * a, art.h * b) for a, b in zip(dx, dy, strict=True)]
            path = skia.Path()
            path.moveTo(*pts[0])
            for (ax, ay), (bx, by) in zip(pts[:-1], pts[1:], strict=False):
                path.quadTo(ax + (bx - ax) * 0.5 + rng.uniform(-1, 1) * art.w * 0.02, ay - art.h * 0.012, bx, by)
            path.close()
            art.canvas.drawPath(path, fx.fill_paint(color))
        elif kind == "bushes":
            for sgn in (side, -side):
                x0 = art.w * (0.5 + 0.5 * sgn)
                for _ in range(5):
                    r = art.w * rng.uniform(0.07, 0.13)
                    bx = x0 - sgn * rng.uniform(0.0, 0.22) * art.w
                    art.canvas.drawCircle(bx, art.h - r * rng.uniform(0.2, 0.7), r, fx.fill_paint(color))
        elif kind == "branches" and art.rect_calm_overlap((0, 0, art.w, art.h * 0.18)) < 0.2:
            # A bough needs a free top corner; under a title it would be cut to a stub.
            _bough(art, color, side, rng)


def _bough(art: Art, color: RGB, side: int, rng) -> None:
    """A bough entering from a top corner, leaves hanging from it, dark against the sky."""
    x0 = art.w * (1.03 if side > 0 else -0.03)
    y0 = art.h * rng.uniform(0.02, 0.08)
    tip = (art.w * (0.5 + 0.05 * side), art.h * rng.uniform(0.1, 0.16))
    paint = skia.Paint(AntiAlias=True, Color=argb(color), StrokeWidth=art.s * 14)
    paint.setStyle(skia.Paint.kStroke_Style)
    paint.setStrokeCap(skia.Paint.kRound_Cap)
    branch = skia.Path()
    branch.moveTo(x0, y0)
    branch.quadTo((x0 + tip[0]) / 2, y0 + art.h * 0.09, tip[0], tip[1])
    art.canvas.drawPath(branch, paint)
    leaf = fx.fill_paint(color)
    meas = skia.PathMeasure(branch, False)
    length = meas.getLength()
    for k in range(26):
        pos, _ = meas.getPosTan(length * (0.1 + 0.9 * k / 26))
        lx, ly = pos.x(), pos.y()
        r = art.s * rng.uniform(14, 26)
        a = rng.uniform(0.2, 2.9)
        art.canvas.save()
        art.canvas.translate(lx + math.cos(a) * r, ly + math.sin(a) * r)
        art.canvas.rotate(math.degrees(a))
        art.canvas.drawOval(skia.Rect(-r, -r * 0.38, r, r * 0.38), leaf)
        art.canvas.restore()


# --- light ---------------------------------------------------------------------------------------
def god_rays(art: Art, light: Light, *, count: int = 12, spread: float = 360.0, start: float = 0.0) -> None:
    """Soft beams fanning from the key light, thinned out behind the type."""
    fx.rays(art, light.x, light.y, lighten(light.color, 0.3), count=count, spread=spread, start=start,
            alpha=0.32 * light.strength, name="god-rays", calm=0.7)  # fmt: skip


def backlight_disc(art: Art, kind: str, cx: float, cy: float, r: float, light_name: str) -> Light:
    """The sun or moon the focal subject stands against; returns it as the key light."""
    W.paint_celestial(art, kind, cx, cy, r, light_name)
    return Light(cx, cy, lighten(art.c("glow"), 0.2), 0.9)


# --- FOCAL ---------------------------------------------------------------------------------------
def focal_size(art: Art, share: float, room: float | None = None) -> float:
    """The focal subject's longer side: share of the width, limited by the room left by the type,
    never under MIN_FOCAL of the width."""
    size = art.w * share * W.hero_weight_scale(art.hero) / 1.05
    if room is not None:
        size = min(size, room)
    return max(size, art.w * MIN_FOCAL)


CELESTIAL = ("moon", "sun", "crescent", "eclipse")


def celestial_hero(art: Art) -> bool:
    """The book's subject is the sun or the moon: the scene's disc is the focal point, grown to size."""
    return art.hero is not None and (W.builder_name(art.hero.name) or "") in CELESTIAL


def focal_motif(art: Art, default: str) -> MotifRef:
    """The brief's hero motif when it can be drawn as a subject; weather or terrain heroes (rain, the
    sea) are painted by the scene itself and a sun or moon hero is the scene's disc, so the design's
    default subject stands in front of them."""
    hero = art.hero
    if hero is not None and W.kind_of(hero.name) in ("silhouette", "sky") and not celestial_hero(art):
        return hero
    return MotifRef(default, 0.8, "design")


def placed_path(
    shape: Shape, x: float, y: float, size: float, anchor: str, flip: bool = False, *, canvas: skia.Canvas | None = None
) -> skia.Path:
    """The shape's body in canvas pixels, placed exactly as draw_shape places it (moved into the
    subject frame, as draw_shape moves it, when drawn on `canvas`)."""
    m = placement(shape, x=x, y=y, size=size, anchor=anchor, flip=flip)
    move = subject_move(canvas, shape, x=x, y=y, size=size, anchor=anchor, flip=flip) if canvas is not None else None
    if move is not None:
        m = skia.Matrix.Concat(move, m)
    path = skia.Path(shape.body)
    path.transform(m)
    return path


def rim_light(art: Art, path: skia.Path, light: Light, *, width: float, alpha: float = 0.9) -> None:
    """A bright sliver along the edge of the subject that faces the light, with a soft bloom."""
    box = path.computeTightBounds()
    dx, dy = light.direction(box.centerX(), box.centerY())
    c = lighten(light.color, 0.35)
    cut = skia.Path(path)
    cut.offset(-dx * width, -dy * width)
    try:
        sliver = skia.Op(path, cut, skia.PathOp.kDifference_PathOp)
    except RuntimeError:  # skia gives up on degenerate outlines: no rim rather than no cover
        sliver = None
    if sliver is not None:
        art.canvas.drawPath(sliver, skia.Paint(AntiAlias=True, Color=argb(c, alpha * light.strength)))
    # The bloom is soft: blurred at a quarter of the resolution, then laid around (not over) the subject.
    box.outset(width * 6, width * 6)
    edge = skia.Path(path)
    edge.offset(dx * width * 0.4, dy * width * 0.4)
    bloom = skia.Paint(AntiAlias=True, Color=argb(c, 0.35 * alpha * light.strength), StrokeWidth=width * 1.5)
    bloom.setStyle(skia.Paint.kStroke_Style)
    bloom.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, width * 1.6))
    art.canvas.save()
    art.canvas.clipPath(path, skia.ClipOp.kDifference, True)
    _soft_in_box(art, box, lambda cv: cv.drawPath(edge, bloom))
    art.canvas.restore()


def _soft_in_box(art: Art, box: skia.Rect, draw, *, down: float = 4.0) -> None:
    """Draw soft content for one box on a small surface and scale it up into the box."""
    box = skia.Rect(max(0.0, box.left()), max(0.0, box.top()), min(art.w, box.right()), min(art.h, box.bottom()))
    if box.isEmpty():
        return
    sw, sh = max(4, int(box.width() / down) + 1), max(4, int(box.height() / down) + 1)
    surface = skia.Surface(sw, sh)
    cv = surface.getCanvas()
    cv.clear(0x00000000)
    cv.scale(sw / box.width(), sh / box.height())
    cv.translate(-box.left(), -box.top())
    draw(cv)
    art.canvas.drawImageRect(surface.makeImageSnapshot(), box, fx.LINEAR, skia.Paint())


def rim_from_body(art: Art, m: MotifRef, x: float, y: float, size: float, *, strength: float = 0.75) -> None:
    """Rim a subject already drawn (by draw_silhouette, bottom-anchored) with the light of the sun or
    moon the scene placed, if it has one: older painters get the stack's light this way."""
    bodies = art.placed("body")
    if not bodies or size <= 0 or not art.allows(m.name):
        return
    b = bodies[0]
    shape = shape_for(m.name, art.rng("shape-" + m.name))
    light = Light(b.centerX(), b.centerY(), lighten(art.c("glow"), 0.2), strength)
    rim_light(art, placed_path(shape, x, y, size, "auto", canvas=art.canvas), light, width=max(1.0, size * 0.01))


def contact_shadow(art: Art, x: float, y: float, width: float, color: RGB, alpha: float = 0.55) -> None:
    """The soft dark ellipse that sets a subject down on its ground instead of floating over it."""
    p = fx.radial(x, y, width / 2, [(0.0, color, alpha), (1.0, color, 0.0)])
    art.canvas.save()
    art.canvas.scale(1.0, 0.18)
    art.canvas.translate(0, y / 0.18 - y)
    art.canvas.drawCircle(x, y, width / 2, p)
    art.canvas.restore()


def draw_focal(
    art: Art,
    m: MotifRef,
    *,
    x: float,
    y: float,
    size: float,
    fill: RGB | skia.Shader,
    light: Light | None = None,
    anchor: str = "auto",
    style: str = "silhouette",
    detail: RGB | None = None,
    halo: float = 0.0,
    shadow: RGB | None = None,
    flip: bool = False,
) -> skia.Rect:
    """Draw the focal subject lit by the scene's key light and record it as the layout's hero.

    style "illustrated" asks the subject library for its coloured form (children's books); the
    silhouette is drawn instead when the library cannot. Rim light and halo follow `light`."""
    shape = shape_for(m.name, art.rng("shape-" + m.name))
    return draw_focal_shape(art, shape, x=x, y=y, size=size, fill=fill, light=light, anchor=anchor, style=style,
                            detail=detail, halo=halo, shadow=shadow, flip=flip)  # fmt: skip


def draw_focal_shape(
    art: Art,
    shape: Shape,
    *,
    x: float,
    y: float,
    size: float,
    fill: RGB | skia.Shader,
    light: Light | None = None,
    anchor: str = "auto",
    style: str = "silhouette",
    detail: RGB | None = None,
    halo: float = 0.0,
    shadow: RGB | None = None,
    flip: bool = False,
) -> skia.Rect:
    """draw_focal for a shape a painter built itself (a portrait's bust, a couple)."""
    if anchor == "auto":
        anchor = "bottom" if shape.ground else "center"
    path = placed_path(shape, x, y, size, anchor, flip, canvas=art.canvas)
    box = path.computeTightBounds()
    if halo > 0 and light is not None:
        fx.glow(art, box.centerX(), box.centerY(), max(box.width(), box.height()) * 0.75, light.color, halo)
    if shadow is not None and anchor == "bottom":
        # Under the feet where they are drawn (moved into a print front's subject frame, if need be).
        moved = subject_move(art.canvas, shape, x=x, y=y, size=size, anchor=anchor, flip=flip)
        foot = (x, y) if moved is None else (box.centerX(), box.bottom())
        contact_shadow(art, *foot, box.width() * 1.3, shadow)
    kwargs = {"style": style} if _DRAW_STYLES else {}
    rect = draw_shape(
        art.canvas, shape, x=x, y=y, size=size, fill=fill, anchor=anchor, flip=flip, detail=detail,
        light=light.color if light is not None else art.c("glow"), **kwargs,
    )  # fmt: skip
    if light is not None and style == "silhouette":
        rim_light(art, path, light, width=max(1.0, size * 0.012))
    art.layout.append(("hero", rect))
    return rect


# --- texture -------------------------------------------------------------------------------------
def texture(art: Art, kind: str, amount: float = 0.5) -> None:
    """The genre's surface over the whole picture, grain included (painters skip finish's grain):
    grain (film), paper (mottled stock), halftone (print dots low on the cover), brush (dry streaks).
    Detail thins out under the type."""
    if kind == "paper":
        _mottle(art, (0.45, 0.36, 0.25), amount, freq=0.09, stretch=1.0)
    elif kind == "brush":
        _mottle(art, (0, 0, 0), amount * 0.9, freq=0.35, stretch=8.0)
    elif kind == "halftone":
        with fx.calm_layer(art, strength=0.9):
            # Dots darker than a light ground, lighter than a dark one: either way they show.
            near = art.c("near")
            dots = darken(near, 0.5) if luminance(near) > 0.3 else lighten(art.c("accent"), 0.25)
            fx.halftone(art, (0, art.h * 0.62, art.w, art.h * 0.38), dots, cell=22, fade="down",
                        alpha=0.35 * amount + 0.1)  # fmt: skip
    fx.grain(art, 0.03 + (0.1 * amount if kind == "grain" else 0.03))


def _mottle(art: Art, c: RGB, amount: float, *, freq: float, stretch: float, name: int = 0) -> None:
    """Low-frequency noise as tinted alpha, drawn small and scaled up (cheap at any size)."""
    sw, sh = max(8, int(art.w / 10)), max(8, int(art.h / 10))
    small = skia.Surface(sw, sh)
    # Stretched along x: streaks run across the cover like dry-brush strokes, not down it like curtains.
    shader = skia.PerlinNoiseShader.MakeFractalNoise(freq / stretch, freq, 3, float(art.seed % 1000 + 3 + name))
    cf = skia.ColorFilters.Matrix([0, 0, 0, 0, c[0], 0, 0, 0, 0, c[1], 0, 0, 0, 0, c[2],
                                   0.9 * amount, 0, 0, 0, -0.32 * amount])  # fmt: skip
    small.getCanvas().drawPaint(skia.Paint(Shader=shader, ColorFilter=cf))
    art.canvas.drawImageRect(small.makeImageSnapshot(), skia.Rect.MakeWH(art.w, art.h), fx.LINEAR, skia.Paint())


def particles(art: Art, light: Light, *, count: int = 40, radius: float = 0.35) -> None:
    """Dust or embers drifting in the key light's pool, sparse and small, never over the type."""
    rng = art.rng("particles")
    r0 = min(art.w, art.h) * radius
    for _ in range(count):
        a, d = rng.uniform(0, 2 * math.pi), r0 * math.sqrt(rng.random())
        x, y = light.x + math.cos(a) * d, light.y + math.sin(a) * d
        if art.in_calm(x, y, art.s * 10):
            continue
        r = art.s * rng.uniform(1.5, 4.5)
        art.canvas.drawCircle(x, y, r, fx.fill_paint(lighten(light.color, 0.5), rng.uniform(0.25, 0.8)))
