"""Landscape icons for scenes that show a place as a sign: mountains, sea, river, desert, island."""

from __future__ import annotations

import random

import skia

from .flora import cactus, oak, palm
from .geometry import (
    Shape,
    diff,
    limb,
    line,
    poly,
    rect,
    scaled,
    smooth,
    stroke,
    union,
)


def mountains(rng: random.Random) -> Shape:
    back = poly([(0, 100), (30, 30), (44, 48), (66, 12), (100, 100)])
    snow = union(
        poly([(66, 12), (74, 28), (70, 26), (66, 32), (62, 26), (58, 28)]),
        poly([(30, 30), (36, 42), (33, 40), (29, 44), (26, 39)]),
    )
    return Shape(back, lights=snow)


def sea_icon(rng: random.Random) -> Shape:
    p = skia.Path()
    for row in range(3):
        y = 40 + row * 18
        p.moveTo(0, y)
        for i in range(4):
            x = i * 25
            p.quadTo(x + 6, y - 10, x + 12.5, y)
            p.quadTo(x + 19, y + 10, x + 25, y)
    s = Shape(stroke(p, 4.5))
    s.ground = False
    return s


def river(rng: random.Random) -> Shape:
    """A river winding from the far distance toward the viewer between dark banks: narrow and
    high in the frame far away, wide at the bottom (the water is the gap in the land)."""
    import math

    phase = rng.uniform(-0.4, 0.4)
    left, right = [], []
    steps = 24
    for i in range(steps + 1):
        t = i / steps
        y = 34 + 66 * t
        cx = 50 + math.sin(t * 2.6 * math.pi + phase) * (4 + 20 * t)
        half = 0.8 + 17 * t**1.5
        left.append((cx - half, y))
        right.append((cx + half, y))
    water = poly(left + right[::-1])
    land = smooth([(0, 100, 0), (0, 40), (22, 33), (50, 30), (78, 34), (100, 40), (100, 100, 0)])
    hills = smooth([(0, 42, 0), (12, 24), (30, 30), (46, 20), (64, 28), (84, 18), (100, 30), (100, 42, 0)])
    return Shape(diff(union(land, hills), water))


def desert(rng: random.Random) -> Shape:
    dunes = smooth([(0, 100, 0), (0, 70), (30, 56), (56, 70), (80, 60), (100, 66), (100, 100, 0)])
    return Shape(union(dunes, scaled(cactus(rng).body, 48, 8, 0.5, 0.6)))


def island(rng: random.Random) -> Shape:
    land = smooth([(10, 90, 0), (30, 78), (70, 78), (90, 90, 0)])
    tree = scaled(palm(rng).body, 28, 10, 0.7, 0.72)
    water = union(*[limb(2, (x, 96), (x + 14, 96)) for x in (4, 34, 64)])
    return Shape(union(land, tree, water))


def volcano(rng: random.Random) -> Shape:
    body = poly([(0, 100), (38, 30), (62, 30), (100, 100)])
    lava = poly([(40, 30), (60, 30), (56, 46), (50, 40), (46, 54), (42, 40)])
    plume = smooth([(44, 28), (34, 14), (44, 2), (58, 0), (66, 12), (56, 28)])
    return Shape(union(body, plume), lights=lava)


def road_icon(rng: random.Random) -> Shape:
    road = poly([(46, 40), (54, 40), (90, 100), (10, 100)])
    land = rect(0, 40, 100, 41)
    marks = union(
        *[
            poly(
                [
                    (49.5 - i * 0.8, 44 + i * 11),
                    (50.5 + i * 0.8, 44 + i * 11),
                    (51 + i, 50 + i * 12),
                    (49 - i, 50 + i * 12),
                ]
            )
            for i in range(5)
        ]
    )
    return Shape(union(diff(road, marks), land), lights=marks)


def waterfall(rng: random.Random) -> Shape:
    cliffs = union(poly([(0, 100), (0, 10), (36, 14), (38, 100)]), poly([(62, 100), (64, 18), (100, 10), (100, 100)]))
    fall = rect(38, 14, 62, 92)
    return Shape(cliffs, lights=fall)


def cliff(rng: random.Random) -> Shape:
    rock = poly([(0, 100), (0, 26), (24, 22), (40, 26), (50, 34), (56, 48), (54, 62), (60, 76), (66, 100)])
    grass = smooth([(0, 28), (20, 20), (42, 24), (52, 34, 0), (40, 30), (20, 26), (0, 32)])
    waves = union(*[limb(2.2, (70 + (i % 2) * 6, 84 + i * 6), (96, 84 + i * 6)) for i in range(3)])
    return Shape(union(rock, grass, waves))


def field(rng: random.Random) -> Shape:
    back = smooth([(0, 100, 0), (0, 62), (30, 52), (60, 60), (100, 50), (100, 100, 0)])
    tree = scaled(oak(rng).body, 62, 24, 0.3, 0.34)
    rows = [(line((70, 58), (x, 100)), 1.4) for x in (-60, -20, 20, 60, 100, 140)]
    return Shape(union(back, tree), details=rows)


def hills(rng: random.Random) -> Shape:
    back = smooth([(0, 100, 0), (0, 56), (28, 40), (56, 58), (82, 44), (100, 52), (100, 100, 0)])
    front = smooth([(0, 100, 0), (0, 76), (40, 62), (74, 76), (100, 70), (100, 100, 0)])
    return Shape(back, lights=front)


def lake(rng: random.Random) -> Shape:
    peaks = poly([(0, 60), (24, 24), (38, 40), (58, 10), (100, 60)])
    water = rect(0, 62, 100, 100)
    reflection = poly([(0, 64), (24, 92), (38, 80), (58, 100), (100, 64)])
    return Shape(
        union(peaks, diff(water, reflection)),
        details=[(line((10, 74), (30, 74)), 1.2), (line((60, 84), (86, 84)), 1.2)],
    )


def canyon(rng: random.Random) -> Shape:
    left = poly([(0, 100), (0, 20), (20, 20), (22, 36), (30, 38), (32, 60), (40, 64), (42, 100)])
    right = poly([(100, 100), (100, 28), (82, 28), (80, 44), (70, 46), (68, 70), (60, 72), (58, 100)])
    return Shape(union(left, right))


def summit_flag(rng: random.Random) -> Shape:
    m = poly([(0, 100), (40, 30), (52, 44), (62, 34), (100, 100)])
    pole = rect(39, 6, 41, 32)
    flag = poly([(41, 6), (58, 11), (41, 16)])
    snow = poly([(40, 30), (47, 40), (43, 38), (40, 42), (36, 37)])
    return Shape(union(m, pole), lights=union(flag, snow))


BUILDERS = {
    "mountains": mountains,
    "mountain": mountains,
    "sea": sea_icon,
    "ocean": sea_icon,
    "waves": sea_icon,
    "wave": sea_icon,
    "river": river,
    "desert": desert,
    "island": island,
    "volcano": volcano,
    "road": road_icon,
    "path": road_icon,
    "waterfall": waterfall,
    "cliff": cliff,
    "field": field,
    "hills": hills,
    "hill": hills,
    "lake": lake,
    "canyon": canyon,
    "summit flag": summit_flag,
    "meadow": field,
}
