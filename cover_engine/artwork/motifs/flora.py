"""Trees and plants: pines, oaks, bare trees, palms, flowers, leaves, branches."""

from __future__ import annotations

import math
import random

import skia

from .geometry import (
    Shape,
    circle,
    cubic_path,
    diff,
    limb,
    line,
    oval,
    poly,
    quad_path,
    rect,
    rotated,
    smooth,
    stroke,
    taper,
    union,
)


def _mini_pine(x, base, h, half):
    pts = [(x, base - h)]
    steps = 4
    for i in range(1, steps + 1):
        y = base - h + h * 0.85 * i / steps
        hw = half * i / steps
        pts.append((x + hw, y))
        if i < steps:
            pts.append((x + hw * 0.45, y - 1))
    pts.append((x + 1.5, base - h * 0.15))
    pts.append((x + 1.5, base))
    right = pts[1:]
    left = [(2 * x - px, py) for px, py in reversed(right)]
    return poly([pts[0]] + right + left)


def pine(rng: random.Random) -> Shape:
    parts = [rect(48, 86, 52, 100)]
    tiers = 5
    for i in range(tiers):
        top = 4 + i * 15
        half = 12 + i * 6.5
        base = top + 26
        parts.append(
            poly(
                [
                    (50, top),
                    (50 + half * 0.45, top + 10),
                    (50 + half * 0.3, top + 9),
                    (50 + half, base),
                    (50 - half, base),
                    (50 - half * 0.3, top + 9),
                    (50 - half * 0.45, top + 10),
                ]
            )
        )
    return Shape(union(*parts))


def oak(rng: random.Random) -> Shape:
    trunk = poly([(44, 100), (46, 62), (38, 50), (42, 48), (49, 56), (56, 46), (60, 48), (54, 62), (56, 100)])
    blobs = []
    for _ in range(11):
        a = rng.uniform(0, 2 * math.pi)
        d = rng.uniform(0, 1) ** 0.6
        blobs.append(circle(50 + math.cos(a) * d * 28, 34 + math.sin(a) * d * 16, rng.uniform(12, 18)))
    return Shape(union(trunk, *blobs))


def bare_tree(rng: random.Random) -> Shape:
    parts: list[skia.Path] = []

    def branch(x, y, angle, length, width, depth):
        x2 = x + math.cos(math.radians(angle)) * length
        y2 = y + math.sin(math.radians(angle)) * length
        parts.append(poly(taper(x, y, x2, y2, width, width * 0.62)))
        if depth == 0:
            return
        n = 2 if rng.random() < 0.7 else 3
        for k in range(n):
            spread = rng.uniform(18, 38) * (1 if k % 2 == 0 else -1) + rng.uniform(-8, 8)
            branch(x2, y2, angle + spread, length * rng.uniform(0.62, 0.8), width * 0.62, depth - 1)

    branch(50, 100, -90 + rng.uniform(-4, 4), 34, 9, 5)
    p = skia.Path()
    for part in parts:
        p.addPath(part)
    p = union(p, poly([(40, 100), (46, 92), (54, 92), (60, 100)]))
    return Shape(p)


def palm(rng: random.Random) -> Shape:
    trunk = stroke(quad_path((50, 100), (46, 60), (58, 24)), 5)
    leaves = []
    for ang in (-170, -140, -110, -70, -40, -10, 160):
        a = math.radians(ang)
        tip = (58 + math.cos(a) * 34, 24 + math.sin(a) * 22 + 12)
        mid = (58 + math.cos(a) * 18, 24 + math.sin(a) * 14 - 4)
        leaves.append(smooth([(58, 24), (mid[0], mid[1] - 3), tip + (0,), (mid[0], mid[1] + 3)]))
    return Shape(union(trunk, *leaves, circle(58, 26, 4)))


def forest(rng: random.Random) -> Shape:
    parts = []
    for i in range(7):
        x = 8 + i * 14 + rng.uniform(-3, 3)
        h = rng.uniform(55, 95)
        parts.append(_mini_pine(x, 100, h, h * 0.32))
    return Shape(union(*parts))


def rose(rng: random.Random) -> Shape:
    head = smooth([(34, 26), (40, 12), (50, 8), (60, 12), (66, 26), (62, 38), (50, 44), (38, 38)])
    stem = stroke(quad_path((50, 42), (46, 70), (52, 100)), 3)
    leaf1 = smooth([(48, 64), (36, 56, 0), (26, 60), (36, 68)])
    leaf2 = smooth([(50, 78), (62, 70, 0), (72, 72), (62, 82)])
    thorns = [poly([(47.5, 56), (43, 53), (48.5, 53)]), poly([(51.5, 88), (56, 85), (51, 84)])]
    body = union(head, stem, leaf1, leaf2, *thorns)
    details = [
        (quad_path((38, 22), (50, 30), (62, 22)), 1.6),
        (quad_path((42, 16), (48, 24), (56, 14)), 1.4),
        (quad_path((40, 34), (50, 40), (60, 34)), 1.3),
        (quad_path((46, 18), (54, 20), (52, 26)), 1.2),
    ]
    s = Shape(body, details=details)
    s.ground = False
    return s


def flower(rng: random.Random) -> Shape:
    petals = []
    n = rng.choice([5, 6, 8])
    for i in range(n):
        petals.append(rotated(oval(44, 4, 56, 30), i * 360 / n, 50, 30))
    head = diff(union(*petals), circle(50, 30, 8))
    centre = circle(50, 30, 6)
    stem = stroke(quad_path((50, 40), (54, 70), (50, 100)), 2.6)
    leaf = smooth([(52, 74), (66, 62, 0), (74, 66), (64, 76)])
    s = Shape(union(head, centre, stem, leaf), lights=centre)
    return s


def tulip(rng: random.Random) -> Shape:
    head = smooth([(38, 22, 0), (44, 30), (50, 18, 0), (56, 30), (62, 22, 0), (62, 40), (50, 50), (38, 40)])
    stem = stroke(line((50, 48), (50, 100)), 3)
    leaf = smooth([(50, 96), (34, 66, 0), (48, 80)])
    return Shape(union(head, stem, leaf))


def sunflower(rng: random.Random) -> Shape:
    petals = [rotated(oval(46, 6, 54, 26), i * 360 / 16, 50, 30) for i in range(16)]
    disc = circle(50, 30, 11)
    stem = stroke(line((50, 40), (50, 100)), 4)
    leaves = [smooth([(50, 70), (30, 60, 0), (24, 64), (36, 74)]), smooth([(50, 82), (70, 72, 0), (76, 76), (64, 86)])]
    return Shape(union(*petals, disc, stem, *leaves), lights=disc)


def lotus(rng: random.Random) -> Shape:
    def petal(length: float, width: float) -> skia.Path:
        return smooth(
            [
                (50, 86),
                (50 - width, 86 - length * 0.45),
                (50 - width * 0.55, 86 - length * 0.85),
                (50, 86 - length, 0),
                (50 + width * 0.55, 86 - length * 0.85),
                (50 + width, 86 - length * 0.45),
            ]
        )

    petals = [
        rotated(petal(34, 10), -72, 50, 86),
        rotated(petal(34, 10), 72, 50, 86),
        rotated(petal(46, 12), -40, 50, 86),
        rotated(petal(46, 12), 40, 50, 86),
        rotated(petal(56, 13), -14, 50, 86),
        rotated(petal(56, 13), 14, 50, 86),
        petal(64, 13),
    ]
    bowl = smooth([(22, 80), (50, 74), (78, 80), (66, 92), (50, 94), (34, 92)])
    water = smooth([(6, 96), (50, 92), (94, 96), (50, 100)])
    details = [(rotated(line((50, 86), (50, 40)), a, 50, 86), 1.2) for a in (-40, -14, 0, 14, 40)]
    return Shape(union(*petals, bowl, water), details=details)


def leaf(rng: random.Random) -> Shape:
    body = smooth([(50, 100, 0), (50, 88), (30, 60), (34, 30), (50, 6, 0), (66, 30), (70, 60), (50, 88)])
    body = union(body, stroke(line((50, 100), (50, 108)), 2))
    details = [(line((50, 92), (50, 16)), 1.6)] + [
        (line((50, 80 - i * 12), (50 + sgn * 14, 70 - i * 12)), 1.0) for i in range(5) for sgn in (-1, 1)
    ]
    s = Shape(body, details=details)
    s.ground = False
    return s


def branch(rng: random.Random) -> Shape:
    stem = stroke(quad_path((4, 80), (50, 50), (96, 30)), 2.5)
    leaves = []
    for i in range(7):
        t = (i + 1) / 8
        x = 4 + 92 * t
        y = 80 - 50 * t + 4 * math.sin(t * 3)
        ang = -30 + (60 if i % 2 else -60)
        leaves.append(rotated(smooth([(x, y, 0), (x + 6, y - 6), (x + 16, y, 0), (x + 6, y + 5)]), ang, x, y))
    s = Shape(union(stem, *leaves))
    s.ground = False
    return s


def vine(rng: random.Random) -> Shape:
    p = skia.Path()
    p.moveTo(50, 100)
    p.cubicTo(30, 80, 70, 60, 50, 40)
    p.cubicTo(36, 26, 56, 10, 60, 2)
    body = stroke(p, 2.6)
    leaves = []
    for i, (x, y) in enumerate(((46, 90), (56, 74), (44, 58), (54, 44), (44, 30), (54, 16))):
        side = 1 if i % 2 else -1
        leaves.append(smooth([(x, y, 0), (x + side * 8, y - 8), (x + side * 18, y - 4, 0), (x + side * 10, y + 4)]))
    curl = stroke(cubic_path((56, 74), (70, 78), (74, 66), (66, 64)), 1.4)
    return Shape(union(body, *leaves, curl))


def wheat(rng: random.Random) -> Shape:
    parts = [stroke(line((50, 100), (50, 30)), 2)]
    for i in range(7):
        y = 30 + i * 7
        parts.append(rotated(oval(50, y - 3, 60, y + 1.5), -35, 50, y))
        parts.append(rotated(oval(40, y - 3, 50, y + 1.5), 35, 50, y))
    parts.append(oval(47, 16, 53, 30))
    return Shape(union(*parts))


def mushroom(rng: random.Random) -> Shape:
    cap = smooth([(14, 54, 0), (24, 30), (50, 18), (76, 30), (86, 54, 0)])
    stem = smooth([(40, 54, 0), (60, 54, 0), (62, 96), (50, 100), (38, 96)])
    small = union(smooth([(68, 80, 0), (74, 70), (82, 68), (90, 74), (92, 80, 0)]), rect(78, 80, 84, 100, 2))
    body = union(cap, stem, small)
    dots = union(circle(36, 36, 4), circle(56, 28, 5), circle(68, 42, 3.5))
    return Shape(diff(body, dots))


def cactus(rng: random.Random) -> Shape:
    body = union(rect(42, 14, 58, 100, 8), limb(9, (44, 60), (26, 60), (26, 34)), limb(9, (56, 50), (74, 50), (74, 26)))
    return Shape(body)


def cherry_blossom(rng: random.Random) -> Shape:
    br = union(stroke(quad_path((0, 90), (40, 60), (100, 40)), 4), stroke(quad_path((40, 66), (50, 40), (70, 24)), 2.4))
    flowers = []
    for cx, cy in ((30, 70), (56, 52), (80, 44), (66, 28), (94, 40), (48, 38)):
        flowers.append(union(*[rotated(circle(cx, cy - 5, 4.2), k * 72, cx, cy) for k in range(5)]))
    s = Shape(br, lights=union(*flowers))
    s.ground = False
    return s


BUILDERS = {
    "pine": pine,
    "pine tree": pine,
    "fir": pine,
    "tree": oak,
    "oak": oak,
    "oak tree": oak,
    "bare tree": bare_tree,
    "dead tree": bare_tree,
    "palm": palm,
    "palm tree": palm,
    "forest": forest,
    "woods": forest,
    "rose": rose,
    "flower": flower,
    "flowers": flower,
    "daisy": flower,
    "tulip": tulip,
    "sunflower": sunflower,
    "lotus": lotus,
    "leaf": leaf,
    "leaves": leaf,
    "branch": branch,
    "vine": vine,
    "ivy": vine,
    "wheat": wheat,
    "mushroom": mushroom,
    "cactus": cactus,
    "cherry blossom": cherry_blossom,
    "blossom": cherry_blossom,
}
