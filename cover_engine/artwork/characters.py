"""Storybook characters for children's covers: a friendly animal (or child) facing the reader, with
eyes that shine, cheeks, a smile and a soft outline, in the species' own colours.

Picture books sell on a character the child can look in the eye; a silhouette animal has no face.
Animals not in SPECIES come from the subject library in its illustrated form when it has one
(`draw_shape(style="illustrated")`), else as a bright coloured silhouette.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

import skia

from .color import RGB, argb, darken, lighten, mix
from .context import Art, MotifRef
from .frame import fitted
from .journal import record
from .motifs import builder_name, draw_shape, shape_for
from .motifs.geometry import circle, oval, poly, smooth, star_points, union

_DRAW_STYLES = "style" in inspect.signature(draw_shape).parameters


@dataclass(frozen=True)
class Species:
    ears: str  # pointy | round | long | floppy | tufts | none | hair
    fur: RGB
    belly: RGB
    tail: str = "none"  # bushy | thin | round | none
    extra: str = ""  # spikes | mane | patches | snout | beak


CREAM = (1.0, 0.93, 0.8)
SPECIES: dict[str, Species] = {
    "fox": Species("pointy", (0.96, 0.52, 0.18), CREAM, "bushy"),
    "cat": Species("pointy", (0.98, 0.66, 0.32), CREAM, "thin"),
    "kitten": Species("pointy", (0.98, 0.66, 0.32), CREAM, "thin"),
    "wolf": Species("pointy", (0.6, 0.64, 0.7), (0.9, 0.92, 0.94), "bushy"),
    "dog": Species("floppy", (0.84, 0.62, 0.38), CREAM, "thin"),
    "puppy": Species("floppy", (0.84, 0.62, 0.38), CREAM, "thin"),
    "bear": Species("round", (0.62, 0.42, 0.26), (0.93, 0.8, 0.62), "round"),
    "teddy": Species("round", (0.74, 0.52, 0.3), (0.96, 0.85, 0.66), "round"),
    "panda": Species("round", (0.97, 0.97, 0.95), (1.0, 1.0, 1.0), "round", "patches"),
    "rabbit": Species("long", (0.93, 0.9, 0.87), (1.0, 0.98, 0.96), "round"),
    "bunny": Species("long", (0.93, 0.9, 0.87), (1.0, 0.98, 0.96), "round"),
    "hare": Species("long", (0.78, 0.62, 0.45), CREAM, "round"),
    "mouse": Species("mouse", (0.72, 0.72, 0.78), (0.95, 0.9, 0.92), "thin"),
    "hedgehog": Species("round", (0.52, 0.36, 0.24), (0.97, 0.84, 0.64), "none", "spikes"),
    "lion": Species("round", (0.98, 0.74, 0.3), CREAM, "thin", "mane"),
    "pig": Species("pointy", (1.0, 0.72, 0.76), (1.0, 0.82, 0.85), "thin", "snout"),
    "owl": Species("tufts", (0.62, 0.45, 0.32), (0.96, 0.86, 0.7), "none", "beak"),
    "child": Species("hair", (1.0, 0.84, 0.7), (0.35, 0.6, 0.95)),
    "boy": Species("hair", (0.94, 0.76, 0.6), (0.95, 0.45, 0.3)),
    "girl": Species("hair", (1.0, 0.84, 0.7), (0.95, 0.45, 0.6)),
    "kid": Species("hair", (0.86, 0.64, 0.46), (0.3, 0.72, 0.55)),
}


def species_for(name: str) -> Species | None:
    n = name.lower().replace("_", " ").strip()
    for key in (n, n.split()[-1] if n else n, builder_name(n) or ""):
        if key in SPECIES:
            return SPECIES[key]
    return None


def _ears(sp: Species) -> tuple[skia.Path, skia.Path | None]:
    """Outer ears and their inner (pink) parts, in the 100-unit box (head centred at 50, 36)."""
    if sp.ears == "pointy":
        outer = union(poly([(27, 30), (30, 4), (45, 17)]), poly([(73, 30), (70, 4), (55, 17)]))
        inner = union(poly([(31, 25), (32, 10), (41, 18)]), poly([(69, 25), (68, 10), (59, 18)]))
    elif sp.ears == "round":
        outer = union(circle(31, 16, 9), circle(69, 16, 9))
        inner = union(circle(31, 16, 4.6), circle(69, 16, 4.6))
    elif sp.ears == "mouse":
        outer = union(circle(28, 16, 13), circle(72, 16, 13))
        inner = union(circle(28, 16, 8), circle(72, 16, 8))
    elif sp.ears == "long":
        outer = union(oval(33, -22, 45, 22), oval(55, -22, 67, 22))
        inner = union(oval(36.5, -17, 41.5, 16), oval(58.5, -17, 63.5, 16))
    elif sp.ears == "floppy":
        outer = union(smooth([(30, 16), (22, 22), (20, 44), (28, 46), (34, 26)]),
                      smooth([(70, 16), (78, 22), (80, 44), (72, 46), (66, 26)]))  # fmt: skip
        inner = None
    elif sp.ears == "tufts":
        outer = union(poly([(30, 24), (28, 6), (42, 16)]), poly([(70, 24), (72, 6), (58, 16)]))
        inner = None
    else:
        outer, inner = skia.Path(), None
    return outer, inner


def _paint(c: RGB, alpha: float = 1.0) -> skia.Paint:
    return skia.Paint(AntiAlias=True, Color=argb(c, alpha))


def _outline(c: RGB, width: float) -> skia.Paint:
    p = skia.Paint(AntiAlias=True, Color=argb(darken(c, 0.45), 0.9), StrokeWidth=width)
    p.setStyle(skia.Paint.kStroke_Style)
    p.setStrokeJoin(skia.Paint.kRound_Join)
    return p


def draw_character(
    art: Art, sp: Species, *, x: float, y: float, size: float, light: RGB = (1, 1, 1), name: str = ""
) -> skia.Rect:
    """Draw the character standing on (x, y), `size` tall; returns its pixel rectangle. The journal
    keeps it under `name`, the word the brief used ("bear", "brown bear")."""
    k = size / 124.0  # the box runs from y = -24 (long ears) to 100 (feet)
    top = -24 if sp.ears == "long" else (4 if sp.ears in ("pointy", "tufts", "mouse") else 7)
    h = (100 - top) * k
    rect = skia.Rect.MakeXYWH(x - 45 * k, y - h, 90 * k, h)
    canvas = art.canvas
    # Inside a print front's subject frame the character is moved into it (frame.py).
    move = fitted(canvas, rect, anchor_bottom=True)
    canvas.save()
    if move is not None:
        canvas.concat(move)
        rect = move.mapRect(rect)
    canvas.translate(x - 50 * k, y - 100 * k)
    canvas.scale(k, k)
    line = 1.6
    fur, belly = sp.fur, sp.belly
    shade = darken(fur, 0.18)
    if sp.tail == "bushy":
        tail = smooth([(64, 86), (86, 70), (94, 48), (86, 44), (80, 62), (62, 76)])
        canvas.drawPath(tail, _paint(fur))
        canvas.drawPath(tail, _outline(fur, line))
        canvas.drawCircle(90, 48, 5, _paint(CREAM))
    elif sp.tail == "thin":
        t = skia.Path()
        t.moveTo(66, 88)
        t.cubicTo(86, 90, 90, 70, 82, 62)
        tp = skia.Paint(AntiAlias=True, Color=argb(fur), StrokeWidth=5)
        tp.setStyle(skia.Paint.kStroke_Style)
        tp.setStrokeCap(skia.Paint.kRound_Cap)
        canvas.drawPath(t, tp)
    if sp.extra == "spikes":
        canvas.drawPath(star_points(50, 56, 50, 38, 22), _paint(darken(fur, 0.15)))
    if sp.extra == "mane":
        canvas.drawPath(star_points(50, 36, 36, 28, 16), _paint(mix(fur, (0.75, 0.35, 0.1), 0.6)))
    body = oval(27, 50, 73, 97)
    outer, inner = _ears(sp)
    canvas.drawPath(outer, _paint(fur if sp.extra != "patches" else (0.12, 0.12, 0.14)))
    if inner is not None:
        canvas.drawPath(inner, _paint((1.0, 0.7, 0.74)))
    body_c = fur if sp.ears != "hair" else belly  # a child wears a coloured T-shirt
    canvas.drawPath(body, _paint(body_c))
    canvas.drawPath(body, _outline(body_c, line))
    if sp.ears != "hair":
        canvas.drawOval(skia.Rect(38, 64, 62, 93), _paint(belly))
    for fx_ in (38, 62):  # feet and paws
        canvas.drawOval(skia.Rect(fx_ - 9, 91, fx_ + 9, 101), _paint(shade))
    arm_c = fur if sp.ears != "hair" else belly
    for ax, rot in ((28, 25), (72, -25)):
        canvas.save()
        canvas.rotate(rot, ax, 68)
        canvas.drawOval(skia.Rect(ax - 6, 58, ax + 6, 80), _paint(darken(arm_c, 0.06)))
        canvas.restore()
    head = circle(50, 36, 25)
    canvas.drawPath(head, _paint(fur))
    canvas.drawPath(head, _outline(fur, line))
    if sp.ears == "hair":
        hair = smooth([(24, 38), (26, 18), (40, 9), (60, 9), (74, 18), (76, 38), (68, 24), (50, 20), (34, 26)])
        canvas.drawPath(hair, _paint(mix(belly, (0.3, 0.18, 0.1), 0.75)))
    if sp.extra == "patches":
        for ex in (40, 60):
            canvas.drawOval(skia.Rect(ex - 7, 28, ex + 7, 42), _paint((0.12, 0.12, 0.14)))
    if sp.ears not in ("hair",) and sp.extra != "beak":
        canvas.drawOval(skia.Rect(38, 38, 62, 54), _paint(belly))
    # A soft highlight from the sun's side: the head reads as round, not as a flat disc.
    canvas.drawOval(skia.Rect(32, 16, 52, 30), _paint(lighten(light, 0.2), 0.22))
    _face(canvas, sp)
    canvas.restore()
    on_device = canvas.getTotalMatrix().mapRect(rect)
    record(name, on_device.left(), on_device.top(), on_device.width(), on_device.height())
    return rect


def _face(canvas: skia.Canvas, sp: Species) -> None:
    ink = (0.1, 0.08, 0.1)
    big = sp.extra == "beak"
    for ex in (41, 59):
        if big:
            canvas.drawCircle(ex, 33, 8, _paint((1, 1, 1)))
        canvas.drawCircle(ex, 34, 4.2 if not big else 4.8, _paint(ink))
        canvas.drawCircle(ex + 1.5, 32.4, 1.5, _paint((1, 1, 1)))
    for cx in (34, 66):
        canvas.drawCircle(cx, 44, 4.2, _paint((1.0, 0.45, 0.5), 0.45))
    if sp.extra == "beak":
        canvas.drawPath(poly([(46, 41), (54, 41), (50, 48)]), _paint((1.0, 0.7, 0.2)))
        return
    if sp.extra == "snout":
        canvas.drawOval(skia.Rect(43, 39, 57, 48), _paint(darken(sp.fur, 0.12)))
        canvas.drawCircle(47.5, 43.5, 1.4, _paint(ink))
        canvas.drawCircle(52.5, 43.5, 1.4, _paint(ink))
    elif sp.ears != "hair":
        canvas.drawOval(skia.Rect(46.5, 39.5, 53.5, 44), _paint(ink))
    smile = skia.Paint(AntiAlias=True, Color=argb(ink), StrokeWidth=1.8)
    smile.setStyle(skia.Paint.kStroke_Style)
    smile.setStrokeCap(skia.Paint.kRound_Cap)
    canvas.drawArc(skia.Rect(44, 41, 56, 50), 20, 140, False, smile)


def draw_storybook_hero(art: Art, m: MotifRef, *, x: float, y: float, size: float, fill: RGB, anchor: str) -> skia.Rect:
    """The children's focal subject: a character with a face when we draw that animal, else the
    subject library's illustrated form, else a bright silhouette. Recorded as the layout's hero."""
    sp = species_for(m.name)
    if sp is not None and anchor == "bottom":
        rect = draw_character(art, sp, x=x, y=y, size=size, name=m.name)
    else:
        shape = shape_for(m.name, art.rng("shape-" + m.name))
        kwargs = {"style": "illustrated"} if _DRAW_STYLES else {}
        rect = draw_shape(art.canvas, shape, x=x, y=y, size=size, fill=fill, light=(1, 1, 1),
                          detail=darken(fill, 0.4), anchor=anchor, **kwargs)  # fmt: skip
    art.layout.append(("hero", rect))
    return rect
