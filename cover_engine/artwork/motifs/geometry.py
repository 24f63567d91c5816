"""Path-building helpers for motif silhouettes (coordinates in a ~100-unit box, y down)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import skia


@dataclass
class Shape:
    """A motif silhouette: one filled body, optional lit parts (windows, flames) and detail lines."""

    body: skia.Path
    lights: skia.Path | None = None
    details: list[tuple[skia.Path, float]] = field(default_factory=list)
    ground: bool = True  # stands on the ground (anchor at the bottom) rather than floating
    # Icon-drawn subjects: the lines the artist drew inside the silhouette, and the full-colour drawing
    # (a picture in the body's coordinates) for draw_shape(style="illustrated").
    lines: skia.Path | None = None
    illustrated: skia.Picture | None = None
    # A hand-drawn shape names its subject (and a skin tone); draw_shape fetches that drawing only when
    # asked for style="illustrated", so silhouette-only covers never read the art sets for it.
    subject: str = ""
    tone: str = ""
    name: str = ""  # the motif asked for (set by shape_for), for the journal of what was drawn

    def bounds(self) -> skia.Rect:
        r = self.body.computeTightBounds()
        if self.lights is not None and not self.lights.isEmpty():
            r.join(self.lights.computeTightBounds())
        return r


def floating(shape: Shape) -> Shape:
    """Mark a shape as one that floats (a crown, a teacup) rather than standing on the ground."""
    shape.ground = False
    return shape


def _op(a: skia.Path, b: skia.Path, op: skia.PathOp) -> skia.Path | None:
    """skia's path boolean; None when it gives up on a degenerate input (it raises in skia-python)."""
    try:
        return skia.Op(a, b, op)
    except RuntimeError:
        return None


def union(*paths: skia.Path) -> skia.Path:
    out = skia.Path()
    for p in paths:
        if p is None or p.isEmpty():
            continue
        if out.isEmpty():
            out = skia.Path(p)
            continue
        merged = _op(out, p, skia.PathOp.kUnion_PathOp)
        if merged is not None:
            out = merged
        else:
            out.addPath(p)
    return out


def diff(a: skia.Path, *holes: skia.Path) -> skia.Path:
    out = a
    for h in holes:
        if h is None or h.isEmpty():
            continue
        r = _op(out, h, skia.PathOp.kDifference_PathOp)
        if r is not None:
            out = r
    return out


def poly(points, close: bool = True) -> skia.Path:
    p = skia.Path()
    p.moveTo(points[0][0], points[0][1])
    for pt in points[1:]:
        p.lineTo(pt[0], pt[1])
    if close:
        p.close()
    return p


def smooth(points, *, close: bool = True, tension: float = 1.0) -> skia.Path:
    """Catmull-Rom spline through points; a point given as (x, y, 0) is a sharp corner."""
    pts = [(p[0], p[1]) for p in points]
    sharp = [len(p) > 2 and p[2] == 0 for p in points]
    n = len(pts)
    path = skia.Path()
    path.moveTo(*pts[0])
    last = n if close else n - 1
    for i in range(last):
        p0 = pts[(i - 1) % n] if (close or i > 0) else pts[i]
        p1 = pts[i]
        p2 = pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if (close or i + 2 < n) else p2
        if sharp[i]:
            p0 = p1
        if sharp[(i + 1) % n]:
            p3 = p2
        k = tension / 6.0
        c1 = (p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k)
        c2 = (p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k)
        path.cubicTo(c1[0], c1[1], c2[0], c2[1], p2[0], p2[1])
    if close:
        path.close()
    return path


def circle(cx: float, cy: float, r: float) -> skia.Path:
    p = skia.Path()
    p.addCircle(cx, cy, r)
    return p


def oval(x0: float, y0: float, x1: float, y1: float) -> skia.Path:
    p = skia.Path()
    p.addOval(skia.Rect(x0, y0, x1, y1))
    return p


def rect(x0: float, y0: float, x1: float, y1: float, radius: float = 0.0) -> skia.Path:
    p = skia.Path()
    if radius > 0:
        p.addRRect(skia.RRect.MakeRectXY(skia.Rect(x0, y0, x1, y1), radius, radius))
    else:
        p.addRect(skia.Rect(x0, y0, x1, y1))
    return p


def stroke(path: skia.Path, width: float, *, round_cap: bool = True) -> skia.Path:
    """The filled outline of a stroked path (so strokes merge into the silhouette)."""
    paint = skia.Paint(AntiAlias=True, StrokeWidth=width)
    paint.setStyle(skia.Paint.kStroke_Style)
    if round_cap:
        paint.setStrokeCap(skia.Paint.kRound_Cap)
        paint.setStrokeJoin(skia.Paint.kRound_Join)
    out = skia.Path()
    paint.getFillPath(path, out)
    return out


def line(*points) -> skia.Path:
    return poly(points, close=False)


def limb(width: float, *points) -> skia.Path:
    """A round-capped thick polyline: arms, legs, branches, handles."""
    return stroke(poly(points, close=False), width)


def arch(x0: float, x1: float, y_bottom: float, y_spring: float) -> skia.Path:
    """A round-headed arch opening (door, window, gate)."""
    r = (x1 - x0) / 2
    p = skia.Path()
    p.moveTo(x0, y_bottom)
    p.lineTo(x0, y_spring)
    p.arcTo(skia.Rect(x0, y_spring - r, x1, y_spring + r), 180, 180, False)
    p.lineTo(x1, y_bottom)
    p.close()
    return p


def star_points(cx: float, cy: float, r_out: float, r_in: float, n: int, rot: float = -90.0) -> skia.Path:
    pts = []
    for i in range(n * 2):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(rot + i * 180.0 / n)
        pts.append((cx + math.cos(a) * r, cy + math.sin(a) * r))
    return poly(pts)


def crenellations(x0: float, x1: float, y: float, merlon: float, height: float) -> skia.Path:
    """A battlement top: merlons standing on y, between x0 and x1."""
    n = max(2, int(round((x1 - x0) / (merlon * 2))))
    step = (x1 - x0) / (2 * n - 1)
    p = skia.Path()
    for i in range(n):
        p.addRect(skia.Rect(x0 + 2 * i * step, y - height, x0 + (2 * i + 1) * step, y + 0.5))
    return p


def mirror_x(points, axis: float = 50.0):
    """Points of a left half mirrored to a full closed outline (symmetric objects)."""
    right = [(2 * axis - p[0], p[1], *p[2:]) for p in reversed(points)]
    return list(points) + right


def transformed(path: skia.Path, matrix: skia.Matrix) -> skia.Path:
    out = skia.Path(path)
    out.transform(matrix)
    return out


def rotated(path: skia.Path, degrees: float, cx: float, cy: float) -> skia.Path:
    return transformed(path, skia.Matrix.RotateDeg(degrees, skia.Point(cx, cy)))


def taper(x1, y1, x2, y2, w1, w2):
    dx, dy = x2 - x1, y2 - y1
    ln = math.hypot(dx, dy) or 1
    nx, ny = -dy / ln, dx / ln
    return [
        (x1 + nx * w1 / 2, y1 + ny * w1 / 2),
        (x2 + nx * w2 / 2, y2 + ny * w2 / 2),
        (x2 - nx * w2 / 2, y2 - ny * w2 / 2),
        (x1 - nx * w1 / 2, y1 - ny * w1 / 2),
    ]


def quad_path(p0, c, p1) -> skia.Path:
    p = skia.Path()
    p.moveTo(*p0)
    p.quadTo(c[0], c[1], p1[0], p1[1])
    return p


def cubic_path(p0, c1, c2, p1) -> skia.Path:
    p = skia.Path()
    p.moveTo(*p0)
    p.cubicTo(c1[0], c1[1], c2[0], c2[1], p1[0], p1[1])
    return p


def arc_path(cx, cy, r) -> skia.Path:
    p = skia.Path()
    p.addArc(skia.Rect(cx - r, cy - r, cx + r, cy + r), 180, 180)
    return p


def scaled(path, tx, ty, sx, sy):
    p = skia.Path(path)
    p.transform(skia.Matrix.Concat(skia.Matrix.Translate(tx, ty), skia.Matrix.Scale(sx, sy)))
    return p
