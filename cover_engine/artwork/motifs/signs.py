"""Abstract signs for graphic covers: circles, spirals, grids, charts, targets, mandalas."""

from __future__ import annotations

import math
import random

import skia

from .geometry import Shape, circle, diff, floating, limb, poly, rect, rotated, smooth, stroke, union


def circle_sign(rng: random.Random) -> Shape:
    return floating(Shape(union(diff(circle(50, 50, 44), circle(50, 50, 38)), circle(50, 50, 24))))


def spiral(rng: random.Random) -> Shape:
    pts = []
    for i in range(120):
        t = i / 119
        a = t * 6 * math.pi
        r = 2 + t * 44
        pts.append((50 + math.cos(a) * r, 50 + math.sin(a) * r))
    return floating(Shape(stroke(poly(pts, close=False), 4)))


def triangle(rng: random.Random) -> Shape:
    return floating(Shape(diff(poly([(50, 6), (96, 86), (4, 86)]), poly([(50, 26), (80, 78), (20, 78)]))))


def grid(rng: random.Random) -> Shape:
    p = skia.Path()
    for i in range(6):
        p.addPath(rect(4 + i * 18, 4, 6 + i * 18, 96))
        p.addPath(rect(4, 4 + i * 18, 96, 6 + i * 18))
    return floating(Shape(union(p)))


def chart(rng: random.Random) -> Shape:
    bars = union(*[rect(8 + i * 18, 90 - (i + 1) * 14, 22 + i * 18, 92, 1.5) for i in range(5)])
    arrowp = union(limb(4, (6, 64), (36, 40), (52, 52), (86, 14)), poly([(96, 2), (92, 28), (72, 12)]))
    return floating(Shape(bars, lights=arrowp))


def infinity(rng: random.Random) -> Shape:
    p = skia.Path()
    p.moveTo(50, 50)
    p.cubicTo(64, 30, 92, 30, 92, 50)
    p.cubicTo(92, 70, 64, 70, 50, 50)
    p.cubicTo(36, 30, 8, 30, 8, 50)
    p.cubicTo(8, 70, 36, 70, 50, 50)
    return floating(Shape(stroke(p, 7)))


def maze(rng: random.Random) -> Shape:
    p = skia.Path()
    for k in range(4):
        r = 10 + k * 12
        gap = rng.uniform(0, 300)
        arc = skia.Path()
        arc.addArc(skia.Rect(50 - r, 50 - r, 50 + r, 50 + r), gap, 320)
        p.addPath(stroke(arc, 4))
    return floating(Shape(union(p)))


def target(rng: random.Random) -> Shape:
    return floating(
        Shape(
            union(
                diff(circle(50, 50, 46), circle(50, 50, 36)),
                diff(circle(50, 50, 27), circle(50, 50, 18)),
                circle(50, 50, 9),
            )
        )
    )


def mandala(rng: random.Random) -> Shape:
    petals = [rotated(smooth([(50, 50, 0), (58, 30), (50, 6, 0), (42, 30)]), i * 30, 50, 50) for i in range(12)]
    inner = [rotated(circle(50, 30, 4), i * 30 + 15, 50, 50) for i in range(12)]
    return floating(Shape(diff(union(*petals, circle(50, 50, 12)), circle(50, 50, 7)), lights=union(*inner)))


def dots(rng: random.Random) -> Shape:
    p = skia.Path()
    for j in range(7):
        for i in range(7):
            p.addCircle(8 + i * 14, 8 + j * 14, 2 + 3.5 * ((i + j) / 12))
    return floating(Shape(p))


def waves_abstract(rng: random.Random) -> Shape:
    p = skia.Path()
    for row in range(5):
        y = 14 + row * 18
        p.moveTo(2, y)
        for i in range(3):
            x = 2 + i * 32
            p.cubicTo(x + 10, y - 12, x + 22, y + 12, x + 32, y)
    return floating(Shape(stroke(p, 4)))


def blocks(rng: random.Random) -> Shape:
    return floating(Shape(union(rect(6, 6, 56, 56), rect(44, 44, 94, 94), rect(60, 10, 90, 40))))


BUILDERS = {
    "circle": circle_sign,
    "spiral": spiral,
    "triangle": triangle,
    "grid": grid,
    "chart": chart,
    "growth": chart,
    "graph": chart,
    "infinity": infinity,
    "maze": maze,
    "labyrinth": maze,
    "target": target,
    "goal": target,
    "mandala": mandala,
    "dots": dots,
    "pattern": dots,
    "lines": waves_abstract,
    "blocks": blocks,
    "shapes": blocks,
    "geometry": blocks,
}
