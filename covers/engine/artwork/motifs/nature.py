"""Flora, fauna, celestial bodies, weather, elements and landscape icons."""

from __future__ import annotations

import math
import random

import skia

from .geometry import Shape, circle, diff, limb, line, oval, poly, rect, rotated, smooth, star_points, stroke, union


# --- trees and plants ---------------------------------------------------------------------------
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
        parts.append(poly(_taper(x, y, x2, y2, width, width * 0.62)))
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


def _taper(x1, y1, x2, y2, w1, w2):
    dx, dy = x2 - x1, y2 - y1
    ln = math.hypot(dx, dy) or 1
    nx, ny = -dy / ln, dx / ln
    return [
        (x1 + nx * w1 / 2, y1 + ny * w1 / 2),
        (x2 + nx * w2 / 2, y2 + ny * w2 / 2),
        (x2 - nx * w2 / 2, y2 - ny * w2 / 2),
        (x1 - nx * w1 / 2, y1 - ny * w1 / 2),
    ]


def palm(rng: random.Random) -> Shape:
    trunk = stroke(_quad_path((50, 100), (46, 60), (58, 24)), 5)
    leaves = []
    for ang in (-170, -140, -110, -70, -40, -10, 160):
        a = math.radians(ang)
        tip = (58 + math.cos(a) * 34, 24 + math.sin(a) * 22 + 12)
        mid = (58 + math.cos(a) * 18, 24 + math.sin(a) * 14 - 4)
        leaves.append(smooth([(58, 24), (mid[0], mid[1] - 3), tip + (0,), (mid[0], mid[1] + 3)]))
    return Shape(union(trunk, *leaves, circle(58, 26, 4)))


def _quad_path(p0, c, p1) -> skia.Path:
    p = skia.Path()
    p.moveTo(*p0)
    p.quadTo(c[0], c[1], p1[0], p1[1])
    return p


def forest(rng: random.Random) -> Shape:
    parts = []
    for i in range(7):
        x = 8 + i * 14 + rng.uniform(-3, 3)
        h = rng.uniform(55, 95)
        parts.append(_mini_pine(x, 100, h, h * 0.32))
    return Shape(union(*parts))


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


def rose(rng: random.Random) -> Shape:
    head = smooth([(34, 26), (40, 12), (50, 8), (60, 12), (66, 26), (62, 38), (50, 44), (38, 38)])
    stem = stroke(_quad_path((50, 42), (46, 70), (52, 100)), 3)
    leaf1 = smooth([(48, 64), (36, 56, 0), (26, 60), (36, 68)])
    leaf2 = smooth([(50, 78), (62, 70, 0), (72, 72), (62, 82)])
    thorns = [poly([(47.5, 56), (43, 53), (48.5, 53)]), poly([(51.5, 88), (56, 85), (51, 84)])]
    body = union(head, stem, leaf1, leaf2, *thorns)
    details = [
        (_quad_path((38, 22), (50, 30), (62, 22)), 1.6),
        (_quad_path((42, 16), (48, 24), (56, 14)), 1.4),
        (_quad_path((40, 34), (50, 40), (60, 34)), 1.3),
        (_quad_path((46, 18), (54, 20), (52, 26)), 1.2),
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
    stem = stroke(_quad_path((50, 40), (54, 70), (50, 100)), 2.6)
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
    stem = stroke(_quad_path((4, 80), (50, 50), (96, 30)), 2.5)
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
    curl = stroke(_cubic((56, 74), (70, 78), (74, 66), (66, 64)), 1.4)
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
    br = union(
        stroke(_quad_path((0, 90), (40, 60), (100, 40)), 4), stroke(_quad_path((40, 66), (50, 40), (70, 24)), 2.4)
    )
    flowers = []
    for cx, cy in ((30, 70), (56, 52), (80, 44), (66, 28), (94, 40), (48, 38)):
        flowers.append(union(*[rotated(circle(cx, cy - 5, 4.2), k * 72, cx, cy) for k in range(5)]))
    s = Shape(br, lights=union(*flowers))
    s.ground = False
    return s


# --- animals ------------------------------------------------------------------------------------
def wolf(rng: random.Random) -> Shape:
    body = smooth(
        [
            (4, 100, 0),
            (6, 92),
            (14, 88),
            (22, 84),
            (26, 70),
            (33, 54),
            (40, 42),
            (46, 30),
            (49, 22),
            (51, 12, 0),
            (55, 20),
            (60, 18),
            (66, 12),
            (76, 4, 0),
            (73, 11),
            (68, 19),
            (63, 26),
            (61, 36),
            (58, 48),
            (57, 64),
            (59, 84),
            (62, 98, 0),
            (51, 100, 0),
            (50, 86),
            (46, 80),
            (42, 90),
            (44, 100, 0),
        ]
    )
    return Shape(body)


def raven(rng: random.Random) -> Shape:
    bodyp = smooth([(30, 62), (42, 46), (60, 40), (72, 48), (70, 62), (52, 72)])
    head = circle(68, 38, 9)
    beak = poly([(74, 33), (93, 40), (74, 45)])
    tail = poly([(38, 60), (8, 80), (14, 86), (44, 70)])
    legs = union(limb(1.6, (52, 70), (50, 90)), limb(1.6, (58, 70), (60, 90)))
    perch = rect(24, 90, 84, 93, 1.5)
    return Shape(diff(union(bodyp, head, beak, tail, legs, perch), circle(70, 36, 1.6)))


def bird(rng: random.Random) -> Shape:
    body = smooth(
        [
            (0, 40, 0),
            (22, 26),
            (42, 32),
            (50, 44, 0),
            (58, 32),
            (78, 26),
            (100, 40, 0),
            (78, 33),
            (60, 40),
            (50, 54, 0),
            (40, 40),
            (22, 33),
        ]
    )
    s = Shape(body)
    s.ground = False
    return s


def birds(rng: random.Random) -> Shape:
    p = skia.Path()
    for _i in range(5):
        x, y, k = rng.uniform(0, 80), rng.uniform(0, 60), rng.uniform(0.25, 0.5)
        b = bird(rng).body
        b.transform(skia.Matrix.Concat(skia.Matrix.Translate(x, y), skia.Matrix.Scale(k, k)))
        p.addPath(b)
    s = Shape(p)
    s.ground = False
    return s


def owl(rng: random.Random) -> Shape:
    body = smooth(
        [
            (30, 30, 0),
            (34, 16, 0),
            (44, 24),
            (56, 24),
            (66, 16, 0),
            (70, 30, 0),
            (74, 56),
            (68, 84),
            (50, 92),
            (32, 84),
            (26, 56),
        ]
    )
    eyes = union(circle(42, 36, 7), circle(58, 36, 7))
    pupils = union(circle(42, 36, 3), circle(58, 36, 3))
    beak = poly([(47, 42), (53, 42), (50, 50)])
    perch = rect(14, 90, 86, 94, 2)
    feet = union(circle(44, 90, 3), circle(56, 90, 3))
    body = union(diff(body, eyes), pupils, perch, feet)
    body = diff(body, beak)
    return Shape(body, lights=diff(eyes, pupils))


def cat(rng: random.Random) -> Shape:
    body = smooth([(34, 100), (30, 80), (34, 56), (42, 44), (58, 44), (66, 56), (70, 80), (66, 100)])
    head = union(circle(50, 34, 14), poly([(37, 30), (38, 12, 0), (48, 22)]), poly([(63, 30), (62, 12, 0), (52, 22)]))
    tail = stroke(_cubic((66, 96), (90, 96), (92, 70), (84, 58)), 5)
    return Shape(union(body, head, tail))


def _cubic(p0, c1, c2, p1) -> skia.Path:
    p = skia.Path()
    p.moveTo(*p0)
    p.cubicTo(c1[0], c1[1], c2[0], c2[1], p1[0], p1[1])
    return p


def dog(rng: random.Random) -> Shape:
    torso = smooth([(24, 50), (44, 46), (64, 46), (70, 54), (62, 64), (28, 64)])
    head = smooth([(62, 46), (66, 34), (76, 30), (84, 34), (94, 40), (92, 46, 0), (80, 48), (72, 54)])
    ear = smooth([(70, 32, 0), (66, 34), (64, 46), (70, 44)])
    legs = union(
        limb(4.2, (30, 60), (29, 82)),
        limb(4.2, (37, 61), (38, 82)),
        limb(4.2, (58, 60), (59, 82)),
        limb(4.2, (64, 58), (66, 82)),
    )
    tail = stroke(_cubic((26, 50), (18, 44), (16, 36), (20, 28)), 3.6)
    return Shape(diff(union(torso, head, ear, legs, tail), circle(80, 36, 1.4)))


def horse(rng: random.Random, horn: bool = False) -> Shape:
    torso = oval(16, 36, 72, 62)
    neck = smooth([(56, 46), (64, 24), (72, 12), (80, 10), (92, 28, 0), (88, 32), (78, 26), (74, 46)])
    ears = poly([(74, 12), (76, 2, 0), (79, 10)])
    legs = union(
        limb(5, (24, 56), (21, 76), (23, 98)),
        limb(5, (32, 58), (33, 98)),
        limb(5, (62, 58), (63, 98)),
        limb(5, (68, 56), (73, 76), (71, 98)),
    )
    tail = stroke(_cubic((18, 42), (6, 48), (6, 64), (10, 78)), 5)
    parts = [torso, neck, ears, legs, tail]
    if horn:
        parts.append(poly([(80, 12), (94, -6, 0), (84, 15)]))
    return Shape(union(*parts))


def unicorn(rng: random.Random) -> Shape:
    return horse(rng, horn=True)


def deer(rng: random.Random) -> Shape:
    torso = oval(20, 40, 70, 62)
    neck = smooth([(58, 48), (64, 28), (70, 20), (78, 20), (86, 28, 0), (82, 32), (74, 30), (70, 50)])
    legs = union(
        limb(3.4, (26, 56), (24, 78), (26, 99)),
        limb(3.4, (32, 58), (33, 99)),
        limb(3.4, (60, 58), (61, 99)),
        limb(3.4, (66, 56), (70, 78), (68, 99)),
    )
    antlers = union(
        limb(2, (72, 20), (66, 6), (58, -4)),
        limb(1.6, (68, 10), (74, 0)),
        limb(1.6, (63, 2), (64, -8)),
        limb(2, (75, 20), (80, 6), (88, -2)),
        limb(1.6, (79, 10), (88, 8)),
        limb(1.6, (82, 4), (82, -8)),
    )
    tail = poly([(20, 44), (14, 46), (20, 50)])
    return Shape(union(torso, neck, legs, antlers, tail))


def fox(rng: random.Random) -> Shape:
    torso = smooth([(26, 54), (44, 47), (62, 48), (70, 55), (62, 64), (32, 64)])
    head = smooth([(63, 48), (69, 38), (79, 36), (97, 45, 0), (81, 51), (71, 56)])
    ears = union(poly([(69, 41), (69, 24, 0), (77, 37)]), poly([(74, 38), (79, 24, 0), (82, 39)]))
    legs = union(
        limb(3.6, (32, 60), (30, 80)),
        limb(3.6, (38, 61), (40, 80)),
        limb(3.6, (58, 60), (60, 80)),
        limb(3.6, (64, 58), (67, 80)),
    )
    tail = smooth([(30, 54), (16, 46), (2, 50, 0), (8, 60), (22, 64), (32, 62)])
    return Shape(diff(union(torso, head, ears, legs, tail), circle(80, 42, 1.3)))


def bear(rng: random.Random) -> Shape:
    torso = smooth([(12, 60), (16, 42), (36, 32), (52, 30), (66, 36), (74, 46), (72, 62), (20, 68)])
    head = smooth([(66, 40), (76, 36), (86, 40), (96, 48, 0), (88, 54), (74, 54)])
    ears = circle(75, 36, 3.6)
    legs = union(
        limb(9, (22, 62), (22, 84)),
        limb(9, (36, 64), (38, 84)),
        limb(9, (58, 62), (58, 84)),
        limb(9, (68, 58), (70, 84)),
    )
    return Shape(diff(union(torso, head, ears, legs), circle(84, 44, 1.3)))


def dragon(rng: random.Random) -> Shape:
    body = smooth([(34, 56), (46, 50), (60, 50), (66, 56), (58, 64), (40, 66)])
    neck = union(limb(8, (60, 54), (70, 44)), limb(6.5, (70, 44), (76, 36)), limb(5, (76, 36), (82, 30)))
    head = smooth([(79, 25), (88, 21), (100, 27, 0), (91, 31), (83, 35)])
    horns = union(poly([(83, 24), (73, 15, 0), (85, 21)]), poly([(86, 22), (80, 12, 0), (89, 21)]))
    tail = union(
        limb(6, (36, 60), (24, 66)),
        limb(4.5, (24, 66), (14, 74)),
        limb(3, (14, 74), (8, 84)),
        limb(2, (8, 84), (12, 92)),
        poly([(12, 92), (6, 98, 0), (18, 100, 0), (16, 92)]),
    )
    wing = smooth(
        [
            (54, 52),
            (49, 30),
            (44, 16),
            (36, 8),
            (18, 2, 0),
            (28, 14),
            (20, 20, 0),
            (32, 26),
            (25, 33, 0),
            (38, 38),
            (34, 46, 0),
            (46, 50),
        ],
        tension=0.8,
    )
    far = smooth([(62, 50), (64, 32), (70, 12, 0), (73, 26), (80, 20, 0), (77, 34), (84, 36, 0), (70, 48)], tension=0.8)
    legs = union(limb(4, (42, 64), (38, 74), (44, 78)), limb(3.5, (58, 62), (58, 70), (64, 72)))
    s = Shape(union(body, neck, head, horns, tail, wing, far, legs))
    s.ground = False
    return s


def butterfly(rng: random.Random) -> Shape:
    upper = smooth([(50, 48), (40, 22), (20, 12), (8, 22), (14, 42), (34, 52)])
    lower = smooth([(50, 52), (34, 56), (20, 70), (28, 86), (42, 80)])
    wings = union(upper, lower)
    mirrored = skia.Path(wings)
    mirrored.transform(skia.Matrix.Concat(skia.Matrix.Translate(100, 0), skia.Matrix.Scale(-1, 1)))
    bodyp = union(oval(47.5, 34, 52.5, 80), limb(1, (49, 36), (40, 18)), limb(1, (51, 36), (60, 18)))
    spots = union(circle(24, 28, 4), circle(76, 28, 4), circle(32, 70, 3), circle(68, 70, 3))
    s = Shape(diff(union(wings, mirrored, bodyp), spots), lights=spots)
    s.ground = False
    return s


def fish(rng: random.Random) -> Shape:
    body = smooth([(10, 50), (34, 30), (62, 32), (80, 50, 0), (62, 68), (34, 70)])
    tail = poly([(76, 50), (98, 32, 0), (92, 50), (98, 68, 0)])
    fin = poly([(40, 33), (52, 18, 0), (58, 33)])
    s = Shape(diff(union(body, tail, fin), circle(24, 46, 3.2)))
    s.ground = False
    return s


def whale(rng: random.Random) -> Shape:
    body = smooth(
        [
            (4, 54),
            (14, 38),
            (40, 32),
            (64, 40),
            (80, 50),
            (90, 46),
            (96, 36, 0),
            (100, 44),
            (94, 54),
            (84, 58),
            (62, 66),
            (30, 68),
            (10, 64),
        ]
    )
    fluke = poly([(92, 44), (104, 30, 0), (100, 42), (108, 48, 0)])
    fin = smooth([(36, 62), (44, 76, 0), (48, 64)])
    s = Shape(diff(union(body, fluke, fin), circle(20, 48, 1.8)))
    s.ground = False
    return s


def snake(rng: random.Random) -> Shape:
    p = skia.Path()
    p.moveTo(10, 92)
    p.cubicTo(40, 100, 70, 86, 60, 70)
    p.cubicTo(50, 54, 20, 60, 24, 40)
    p.cubicTo(28, 22, 58, 20, 66, 26)
    bodyp = stroke(p, 8)
    head = smooth([(62, 20), (74, 18), (84, 24, 0), (74, 32), (62, 32)])
    tongue = union(limb(0.9, (84, 24), (92, 24), (96, 20)), limb(0.9, (92, 24), (96, 28)))
    return Shape(diff(union(bodyp, head, tongue), circle(72, 23, 1.6)))


def bat(rng: random.Random) -> Shape:
    wing = smooth(
        [
            (50, 40),
            (36, 30),
            (18, 26),
            (2, 36, 0),
            (10, 42),
            (14, 52, 0),
            (22, 46),
            (28, 56, 0),
            (36, 48),
            (42, 58, 0),
            (48, 50),
        ],
        tension=0.8,
    )
    m = skia.Path(wing)
    m.transform(skia.Matrix.Concat(skia.Matrix.Translate(100, 0), skia.Matrix.Scale(-1, 1)))
    bodyp = union(
        oval(44, 34, 56, 58), poly([(44, 36), (45, 26, 0), (49, 33)]), poly([(56, 36), (55, 26, 0), (51, 33)])
    )
    s = Shape(union(wing, m, bodyp))
    s.ground = False
    return s


def eagle(rng: random.Random) -> Shape:
    wing = smooth(
        [
            (46, 40),
            (30, 30),
            (14, 20),
            (2, 12, 0),
            (9, 22),
            (0, 25, 0),
            (9, 30),
            (2, 35, 0),
            (12, 38),
            (6, 44, 0),
            (18, 46),
            (30, 50),
            (44, 54),
        ],
        tension=0.8,
    )
    m = skia.Path(wing)
    m.transform(skia.Matrix.Concat(skia.Matrix.Translate(100, 0), skia.Matrix.Scale(-1, 1)))
    bodyp = union(oval(41, 32, 59, 72), circle(50, 27, 7), poly([(55, 25), (63, 29, 0), (55, 32)]))
    tail = poly([(44, 68), (38, 88, 0), (50, 83), (62, 88, 0), (56, 68)])
    s = Shape(diff(union(wing, m, bodyp, tail), circle(52, 25, 1.4)))
    s.ground = False
    return s


def rabbit(rng: random.Random) -> Shape:
    body = smooth([(24, 100), (20, 80), (30, 62), (50, 58), (66, 70), (70, 100)])
    head = circle(60, 50, 11)
    ears = union(rotated(oval(52, 10, 60, 44), -10, 56, 44), rotated(oval(62, 12, 70, 44), 14, 66, 44))
    tail = circle(20, 88, 6)
    return Shape(union(body, head, ears, tail))


def lion(rng: random.Random) -> Shape:
    mane = union(
        *[circle(64 + 14 * math.cos(a), 36 + 16 * math.sin(a), 9) for a in [i * math.pi / 4 for i in range(8)]]
    )
    face = smooth([(62, 30), (78, 30), (88, 40, 0), (80, 48), (66, 50)])
    torso = oval(12, 40, 70, 70)
    legs = union(
        limb(6, (20, 62), (20, 99)),
        limb(6, (30, 64), (31, 99)),
        limb(6, (56, 64), (57, 99)),
        limb(6, (64, 62), (66, 99)),
    )
    tail = union(stroke(_cubic((14, 50), (2, 56), (2, 70), (6, 80)), 2.5), circle(6, 82, 3.5))
    return Shape(union(mane, face, torso, legs, tail))


def spider(rng: random.Random) -> Shape:
    legs = []
    for side in (-1, 1):
        for _k, (dy, reach) in enumerate(((-10, 34), (-3, 40), (4, 40), (11, 34))):
            legs.append(
                limb(
                    1.8,
                    (50, 50 + dy / 2),
                    (50 + side * reach * 0.6, 50 + dy - 14),
                    (50 + side * reach, 50 + dy * 2 + 10),
                )
            )
    bodyp = union(oval(40, 44, 60, 74), circle(50, 40, 7))
    thread = limb(0.8, (50, 33), (50, -20))
    s = Shape(union(bodyp, thread, *legs))
    s.ground = False
    return s


# --- celestial, weather, elements -------------------------------------------------------------
def moon_icon(rng: random.Random) -> Shape:
    s = Shape(diff(circle(50, 50, 40), circle(66, 40, 36)))
    s.ground = False
    return s


def sun_icon(rng: random.Random) -> Shape:
    ray_paths = []
    for i in range(12):
        ray_paths.append(rotated(poly([(47, 2), (53, 2), (51.5, 20), (48.5, 20)]), i * 30, 50, 50))
    disc = circle(50, 50, 24)
    s = Shape(union(disc, *ray_paths), lights=disc)
    s.ground = False
    return s


def star_icon(rng: random.Random) -> Shape:
    s = Shape(star_points(50, 52, 46, 19, 5))
    s.ground = False
    return s


def sparkles(rng: random.Random) -> Shape:
    p = skia.Path()
    for cx, cy, r in ((40, 48, 36), (78, 20, 16), (80, 78, 12), (14, 14, 9)):
        p.addPath(star_points(cx, cy, r, r * 0.22, 4))
    s = Shape(p)
    s.ground = False
    return s


def planet_icon(rng: random.Random) -> Shape:
    ring = diff(oval(2, 40, 98, 62), oval(14, 45, 86, 57))
    front = diff(ring, rect(0, 0, 100, 51))
    body = union(circle(50, 50, 26), front)
    gap = diff(oval(10, 43, 90, 59), oval(14, 45, 86, 57), rect(0, 0, 100, 51))
    s = Shape(union(diff(body, gap), diff(ring, circle(50, 50, 27))))
    s.ground = False
    return s


def comet(rng: random.Random) -> Shape:
    tail = smooth([(80, 20), (20, 70, 0), (74, 30), (10, 90, 0), (86, 34)])
    s = Shape(union(tail, circle(82, 24, 10)), lights=circle(82, 24, 7))
    s.ground = False
    return s


def galaxy(rng: random.Random) -> Shape:
    p = skia.Path()
    for arm in range(2):
        pts = []
        for i in range(40):
            t = i / 39
            a = arm * math.pi + t * 3.2 * math.pi / 1.4
            r = 4 + t * 44
            pts.append((50 + math.cos(a) * r, 50 + math.sin(a) * r * 0.6))
        p.addPath(stroke(poly(pts, close=False), 5))
    core = oval(38, 43, 62, 57)
    s = Shape(union(p, core), lights=core)
    s.ground = False
    return s


def eclipse(rng: random.Random) -> Shape:
    s = Shape(diff(circle(50, 50, 44), circle(50, 50, 36)), lights=diff(circle(50, 50, 44), circle(50, 50, 38)))
    s.ground = False
    return s


def constellation(rng: random.Random) -> Shape:
    pts = [(10, 70), (26, 52), (44, 56), (58, 36), (76, 30), (90, 12), (70, 60)]
    lines = stroke(poly(pts[:6], close=False), 0.9)
    lines = union(lines, stroke(line(pts[3], pts[6]), 0.9))
    dots = union(*[star_points(x, y, 5, 1.6, 4) for x, y in pts])
    s = Shape(union(lines, dots), lights=dots)
    s.ground = False
    return s


def cloud(rng: random.Random) -> Shape:
    body = union(circle(32, 58, 16), circle(52, 46, 22), circle(72, 58, 14), rect(20, 58, 84, 74, 8))
    s = Shape(body)
    s.ground = False
    return s


def rain_icon(rng: random.Random) -> Shape:
    c = cloud(rng).body
    drops = union(*[limb(2.2, (x, 82), (x - 3, 94)) for x in (30, 44, 58, 72)])
    s = Shape(union(c, drops))
    s.ground = False
    return s


def snowflake(rng: random.Random) -> Shape:
    arms = []
    for i in range(6):
        arm = union(
            limb(3, (50, 50), (50, 8)),
            limb(2.4, (50, 22), (40, 12)),
            limb(2.4, (50, 22), (60, 12)),
            limb(2.2, (50, 34), (43, 27)),
            limb(2.2, (50, 34), (57, 27)),
        )
        arms.append(rotated(arm, i * 60, 50, 50))
    s = Shape(union(*arms))
    s.ground = False
    return s


def lightning_bolt(rng: random.Random) -> Shape:
    s = Shape(poly([(58, 0), (26, 56), (48, 56), (38, 100), (76, 38), (54, 38), (70, 0)]))
    s.ground = False
    return s


def fog_icon(rng: random.Random) -> Shape:
    p = union(*[limb(5, (10 + 8 * (i % 2), 30 + i * 12), (90 - 8 * ((i + 1) % 2), 30 + i * 12)) for i in range(4)])
    s = Shape(p)
    s.ground = False
    return s


def wind(rng: random.Random) -> Shape:
    p1 = skia.Path()
    p1.moveTo(6, 40)
    p1.lineTo(70, 40)
    p1.cubicTo(90, 40, 90, 14, 72, 16)
    p2 = skia.Path()
    p2.moveTo(14, 58)
    p2.lineTo(80, 58)
    p2.cubicTo(98, 58, 98, 84, 80, 82)
    p3 = line((6, 74), (54, 74))
    s = Shape(union(stroke(p1, 4.5), stroke(p2, 4.5), stroke(p3, 4.5)))
    s.ground = False
    return s


def rainbow(rng: random.Random) -> Shape:
    p = diff(circle(50, 80, 46), circle(50, 80, 26), rect(0, 80, 100, 140))
    return Shape(p, details=[(_arc_path(50, 80, r), 2) for r in (32, 38)])


def _arc_path(cx, cy, r) -> skia.Path:
    p = skia.Path()
    p.addArc(skia.Rect(cx - r, cy - r, cx + r, cy + r), 180, 180)
    return p


def flame(rng: random.Random) -> Shape:
    outer = smooth(
        [
            (50, 100),
            (26, 86),
            (22, 62),
            (34, 38),
            (38, 52),
            (46, 20),
            (50, 0, 0),
            (58, 28),
            (66, 18),
            (74, 46),
            (78, 70),
            (72, 90),
        ]
    )
    inner = smooth([(50, 96), (38, 86), (38, 70), (46, 52), (50, 40, 0), (56, 58), (62, 72), (60, 88)])
    s = Shape(outer, lights=inner)
    s.ground = False
    return s


def drop(rng: random.Random) -> Shape:
    s = Shape(smooth([(50, 4, 0), (66, 34), (76, 58), (70, 80), (50, 92), (30, 80), (24, 58), (34, 34)]))
    s.ground = False
    return s


def crystal(rng: random.Random) -> Shape:
    big = poly([(50, 4), (64, 24), (62, 90), (38, 90), (36, 24)])
    left = poly([(24, 40), (32, 50), (34, 90), (20, 90), (16, 52)])
    right = poly([(76, 30), (86, 44), (82, 90), (66, 90), (66, 42)])
    details = [(line((50, 4), (50, 90)), 1), (line((36, 24), (64, 24)), 1)]
    return Shape(union(big, left, right, rect(10, 90, 92, 96, 2)), details=details)


def smoke(rng: random.Random) -> Shape:
    p = skia.Path()
    p.moveTo(50, 100)
    p.cubicTo(30, 80, 70, 60, 50, 40)
    p.cubicTo(36, 26, 58, 10, 64, 0)
    p2 = skia.Path()
    p2.moveTo(56, 100)
    p2.cubicTo(76, 80, 40, 60, 62, 40)
    s = Shape(union(stroke(p, 5), stroke(p2, 3)))
    s.ground = False
    return s


# --- landscape icons ----------------------------------------------------------------------------
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
    p = skia.Path()
    p.moveTo(46, 0)
    p.cubicTo(60, 30, 20, 50, 40, 70)
    p.cubicTo(50, 82, 70, 90, 70, 100)
    p.lineTo(30, 100)
    p.cubicTo(30, 90, 24, 80, 20, 70)
    p.cubicTo(10, 48, 46, 30, 44, 0)
    p.close()
    banks = union(poly([(0, 100), (0, 40), (30, 20), (44, 0), (30, 60), (20, 100)]))
    return Shape(union(p, banks))


def desert(rng: random.Random) -> Shape:
    dunes = smooth([(0, 100, 0), (0, 70), (30, 56), (56, 70), (80, 60), (100, 66), (100, 100, 0)])
    return Shape(union(dunes, _scaled(cactus(rng).body, 48, 8, 0.5, 0.6)))


def _scaled(path, tx, ty, sx, sy):
    p = skia.Path(path)
    p.transform(skia.Matrix.Concat(skia.Matrix.Translate(tx, ty), skia.Matrix.Scale(sx, sy)))
    return p


def island(rng: random.Random) -> Shape:
    land = smooth([(10, 90, 0), (30, 78), (70, 78), (90, 90, 0)])
    tree = _scaled(palm(rng).body, 28, 10, 0.7, 0.72)
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
    tree = _scaled(oak(rng).body, 62, 24, 0.3, 0.34)
    rows = [(line((70, 58), (x, 100)), 1.4) for x in (-60, -20, 20, 60, 100, 140)]
    return Shape(union(back, tree), details=rows)


def light_rays(rng: random.Random) -> Shape:
    rays_ = [rotated(poly([(48.5, 50), (51.5, 50), (53, 2), (47, 2)]), a, 50, 50) for a in range(-80, 81, 20)]
    disc = diff(circle(50, 50, 16), rect(0, 50, 100, 100))
    ground = rect(6, 52, 94, 56, 2)
    s = Shape(union(*rays_, ground), lights=disc)
    s.ground = False
    return s


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


def sparkle_burst(rng: random.Random) -> Shape:
    p = skia.Path()
    for _ in range(9):
        x, y, r = rng.uniform(10, 90), rng.uniform(10, 90), rng.uniform(4, 12)
        p.addPath(star_points(x, y, r, r * 0.25, 4))
    p.addPath(star_points(50, 50, 22, 5, 4))
    s = Shape(union(p), lights=circle(50, 50, 4))
    s.ground = False
    return s


def runes(rng: random.Random) -> Shape:
    stone = smooth([(28, 100, 0), (24, 40), (34, 10), (50, 4), (66, 10), (76, 40), (72, 100, 0)])
    glyphs = union(
        limb(3, (40, 24), (40, 50)),
        limb(3, (40, 30), (52, 40)),
        limb(3, (40, 38), (52, 48)),
        limb(3, (56, 56), (56, 84)),
        limb(3, (56, 60), (64, 70)),
        limb(3, (64, 70), (56, 78)),
        limb(3, (38, 62), (46, 76)),
        limb(3, (46, 62), (38, 76)),
    )
    return Shape(stone, lights=glyphs)


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
    "wolf": wolf,
    "raven": raven,
    "crow": raven,
    "bird": bird,
    "birds": birds,
    "dove": bird,
    "owl": owl,
    "cat": cat,
    "dog": dog,
    "horse": horse,
    "unicorn": unicorn,
    "deer": deer,
    "stag": deer,
    "fox": fox,
    "bear": bear,
    "dragon": dragon,
    "butterfly": butterfly,
    "fish": fish,
    "whale": whale,
    "snake": snake,
    "serpent": snake,
    "bat": bat,
    "eagle": eagle,
    "phoenix": eagle,
    "rabbit": rabbit,
    "lion": lion,
    "spider": spider,
    "moon": moon_icon,
    "crescent": moon_icon,
    "sun": sun_icon,
    "star": star_icon,
    "stars": sparkles,
    "planet": planet_icon,
    "comet": comet,
    "galaxy": galaxy,
    "nebula": galaxy,
    "eclipse": eclipse,
    "constellation": constellation,
    "cloud": cloud,
    "clouds": cloud,
    "rain": rain_icon,
    "snow": snowflake,
    "snowflake": snowflake,
    "ice": snowflake,
    "storm": lightning_bolt,
    "lightning": lightning_bolt,
    "thunder": lightning_bolt,
    "fog": fog_icon,
    "mist": fog_icon,
    "wind": wind,
    "rainbow": rainbow,
    "fire": flame,
    "flame": flame,
    "flames": flame,
    "water": drop,
    "drop": drop,
    "blood": drop,
    "tear": drop,
    "crystal": crystal,
    "gem": crystal,
    "smoke": smoke,
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
    "light rays": light_rays,
    "light_rays": light_rays,
    "rays": light_rays,
    "hills": hills,
    "hill": hills,
    "lake": lake,
    "canyon": canyon,
    "summit flag": summit_flag,
    "magic sparks": sparkle_burst,
    "sparks": sparkle_burst,
    "magic": sparkle_burst,
    "runes": runes,
    "rune": runes,
    "meadow": field,
}
