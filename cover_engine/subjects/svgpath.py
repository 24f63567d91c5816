"""SVG geometry to skia paths: path data, basic shapes, transforms, fill rules.

This skia-python build has no ``Path.FromSVGString``, and the icon sets need only a small part of SVG:
``<path>``, ``<circle>``, ``<ellipse>``, ``<rect>``, ``<polygon>``, ``<g>``, ``transform`` and
``fill-rule``. Paints, gradients and masks do not matter here: a silhouette is geometry only (the
illustrated form goes through ``skia.SVGDOM``, which handles all of SVG).
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import skia

_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
# Arc flags may be written without separators ("a1 1 0 011 1"): read them one character at a time.
_FLAG = re.compile(r"\s*,?\s*([01])")
_NUMBER = re.compile(r"\s*,?\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")
_ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}


def _read_arc(d: str, pos: int) -> tuple[list[float], int]:
    """Seven arc arguments from d at pos: rx ry rotation large-arc sweep x y."""
    out: list[float] = []
    for i in range(7):
        m = (_FLAG if i in (3, 4) else _NUMBER).match(d, pos)
        if m is None:
            raise ValueError(f"bad arc near {d[pos : pos + 20]!r}")
        out.append(float(m.group(1)))
        pos = m.end()
    return out, pos


def parse_path_data(d: str) -> skia.Path:
    """An SVG path ``d`` attribute as a skia.Path (absolute and relative commands, arcs included)."""
    path = skia.Path()
    pos, n = 0, len(d)
    cmd = ""
    x = y = sx = sy = 0.0
    last_ctrl: tuple[float, float] | None = None
    last_cmd = ""
    while True:
        while pos < n and d[pos] in " \t\r\n,":
            pos += 1
        if pos >= n:
            break
        if d[pos].isalpha():
            cmd = d[pos]
            pos += 1
            if cmd in "Zz":
                path.close()
                x, y = sx, sy
                last_cmd, last_ctrl = "Z", None
                continue
        elif not cmd:
            raise ValueError("path data starts without a command")
        up, rel = cmd.upper(), cmd.islower()
        if up == "A":
            args, pos = _read_arc(d, pos)
        else:
            args = []
            for _ in range(_ARGS[up]):
                m = _NUMBER.match(d, pos)
                if m is None:
                    raise ValueError(f"bad number near {d[pos : pos + 20]!r}")
                args.append(float(m.group(1)))
                pos = m.end()
        ox, oy = (x, y) if rel else (0.0, 0.0)
        ctrl: tuple[float, float] | None = None
        if up == "M":
            x, y = ox + args[0], oy + args[1]
            path.moveTo(x, y)
            sx, sy = x, y
            cmd = "l" if rel else "L"  # further pairs are implicit line-tos
        elif up == "L":
            x, y = ox + args[0], oy + args[1]
            path.lineTo(x, y)
        elif up == "H":
            x = ox + args[0]
            path.lineTo(x, y)
        elif up == "V":
            y = (y if rel else 0.0) + args[0]
            path.lineTo(x, y)
        elif up == "C":
            x1, y1, x2, y2 = ox + args[0], oy + args[1], ox + args[2], oy + args[3]
            x, y = ox + args[4], oy + args[5]
            path.cubicTo(x1, y1, x2, y2, x, y)
            ctrl = (x2, y2)
        elif up == "S":
            x1, y1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_cmd in "CS" and last_ctrl else (x, y)
            x2, y2 = ox + args[0], oy + args[1]
            x, y = ox + args[2], oy + args[3]
            path.cubicTo(x1, y1, x2, y2, x, y)
            ctrl = (x2, y2)
        elif up == "Q":
            x1, y1 = ox + args[0], oy + args[1]
            x, y = ox + args[2], oy + args[3]
            path.quadTo(x1, y1, x, y)
            ctrl = (x1, y1)
        elif up == "T":
            x1, y1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_cmd in "QT" and last_ctrl else (x, y)
            x, y = ox + args[0], oy + args[1]
            path.quadTo(x1, y1, x, y)
            ctrl = (x1, y1)
        elif up == "A":
            rx, ry, rot, large, sweep = abs(args[0]), abs(args[1]), args[2], args[3], args[4]
            ex, ey = ox + args[5], oy + args[6]
            if rx == 0 or ry == 0:
                path.lineTo(ex, ey)
            else:
                path.arcTo(
                    rx,
                    ry,
                    rot,
                    skia.Path.ArcSize.kLarge_ArcSize if large else skia.Path.ArcSize.kSmall_ArcSize,
                    skia.PathDirection.kCW if sweep else skia.PathDirection.kCCW,
                    ex,
                    ey,
                )
            x, y = ex, ey
        last_cmd, last_ctrl = up, ctrl
    return path


_TRANSFORM = re.compile(r"(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)")


def parse_transform(text: str | None) -> skia.Matrix:
    m = skia.Matrix()
    if not text:
        return m
    for name, raw in _TRANSFORM.findall(text):
        v = [float(t) for t in re.findall(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", raw)]
        if name == "matrix" and len(v) == 6:
            step = skia.Matrix.MakeAll(v[0], v[2], v[4], v[1], v[3], v[5], 0, 0, 1)
        elif name == "translate":
            step = skia.Matrix.Translate(v[0], v[1] if len(v) > 1 else 0.0)
        elif name == "scale":
            step = skia.Matrix.Scale(v[0], v[1] if len(v) > 1 else v[0])
        elif name == "rotate":
            step = skia.Matrix.RotateDeg(v[0], skia.Point(v[1], v[2])) if len(v) == 3 else skia.Matrix.RotateDeg(v[0])
        elif name == "skewX":
            step = skia.Matrix.Skew(math.tan(math.radians(v[0])), 0)
        elif name == "skewY":
            step = skia.Matrix.Skew(0, math.tan(math.radians(v[0])))
        else:
            continue
        m = skia.Matrix.Concat(m, step)
    return m


@dataclass(frozen=True)
class Piece:
    """One drawn element: its geometry (transformed), whether it is filled, and its opacity."""

    path: skia.Path
    opacity: float


_SKIP = {"defs", "clipPath", "mask", "linearGradient", "radialGradient", "pattern", "symbol", "title", "style"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _num(el: ET.Element, name: str, default: float = 0.0) -> float:
    raw = el.get(name)
    if raw is None:
        return default
    try:
        return float(re.sub(r"[a-z%]+$", "", raw.strip()))
    except ValueError:
        return default


def _element_path(el: ET.Element, tag: str) -> skia.Path | None:
    if tag == "path":
        d = el.get("d")
        return parse_path_data(d) if d else None
    if tag == "circle":
        r = _num(el, "r")
        return skia.Path.Circle(_num(el, "cx"), _num(el, "cy"), r) if r > 0 else None
    if tag == "ellipse":
        cx, cy, rx, ry = _num(el, "cx"), _num(el, "cy"), _num(el, "rx"), _num(el, "ry")
        return skia.Path.Oval(skia.Rect(cx - rx, cy - ry, cx + rx, cy + ry)) if rx > 0 and ry > 0 else None
    if tag == "rect":
        x, y, w, h = _num(el, "x"), _num(el, "y"), _num(el, "width"), _num(el, "height")
        if w <= 0 or h <= 0:
            return None
        rx = _num(el, "rx", _num(el, "ry"))
        ry = _num(el, "ry", rx)
        return skia.Path.RRect(skia.RRect.MakeRectXY(skia.Rect.MakeXYWH(x, y, w, h), rx, ry))
    if tag in ("polygon", "polyline"):
        nums = [float(t) for t in re.findall(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", el.get("points", ""))]
        pts = [skia.Point(nums[i], nums[i + 1]) for i in range(0, len(nums) - 1, 2)]
        return skia.Path.Polygon(pts, tag == "polygon") if len(pts) >= 2 else None
    return None


def _style(el: ET.Element, name: str, inherited: str | None) -> str | None:
    style = el.get("style") or ""
    for part in style.split(";"):
        if ":" in part:
            key, value = part.split(":", 1)
            if key.strip() == name:
                return value.strip()
    return el.get(name, inherited)


def pieces(body: str) -> list[Piece]:
    """The filled and stroked geometry of an icon body (an SVG fragment), in document order."""
    root = ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{body}</svg>')
    out: list[Piece] = []

    def walk(el: ET.Element, matrix: skia.Matrix, fill: str | None, stroke: str | None, sw: str | None,
             rule: str | None, opacity: float) -> None:  # fmt: skip
        tag = _local(el.tag)
        if tag in _SKIP:
            return
        matrix = skia.Matrix.Concat(matrix, parse_transform(el.get("transform")))
        fill = _style(el, "fill", fill)
        stroke = _style(el, "stroke", stroke)
        sw = _style(el, "stroke-width", sw)
        rule = _style(el, "fill-rule", rule)
        for key in ("opacity", "fill-opacity"):
            raw = _style(el, key, None)
            if raw is not None:
                try:
                    opacity *= float(raw)
                except ValueError:
                    pass
        geometry = _element_path(el, tag)
        if geometry is not None:
            if rule == "evenodd":
                geometry.setFillType(skia.PathFillType.kEvenOdd)
            if fill != "none":
                p = skia.Path(geometry)
                p.transform(matrix)
                out.append(Piece(p, opacity))
            if stroke and stroke != "none":
                paint = skia.Paint(AntiAlias=True, StrokeWidth=float(sw or 1.0))
                paint.setStyle(skia.Paint.kStroke_Style)
                paint.setStrokeCap(skia.Paint.kRound_Cap)
                paint.setStrokeJoin(skia.Paint.kRound_Join)
                outline = skia.Path()
                paint.getFillPath(geometry, outline)
                outline.transform(matrix)
                out.append(Piece(outline, opacity))
        for child in el:
            walk(child, matrix, fill, stroke, sw, rule, opacity)

    walk(root, skia.Matrix(), None, None, None, None, 1.0)
    return out


def contours(path: skia.Path) -> list[skia.Path]:
    """Each closed outline of a path as a path of its own (holes included, as plain outlines)."""
    out: list[skia.Path] = []
    current: skia.Path | None = None
    it = skia.Path.Iter(path, True)
    while True:
        verb, pts = it.next()
        if verb == skia.Path.Verb.kDone_Verb:
            break
        if verb == skia.Path.Verb.kMove_Verb:
            if current is not None and not current.isEmpty():
                out.append(current)
            current = skia.Path()
            current.moveTo(pts[0])
        elif current is None:
            continue
        elif verb == skia.Path.Verb.kLine_Verb:
            current.lineTo(pts[1])
        elif verb == skia.Path.Verb.kQuad_Verb:
            current.quadTo(pts[1], pts[2])
        elif verb == skia.Path.Verb.kConic_Verb:
            current.conicTo(pts[1], pts[2], it.conicWeight())
        elif verb == skia.Path.Verb.kCubic_Verb:
            current.cubicTo(pts[1], pts[2], pts[3])
        elif verb == skia.Path.Verb.kClose_Verb:
            current.close()
    if current is not None and not current.isEmpty():
        out.append(current)
    return out
