"""Animals, real and mythical, as side-view or spread-wing silhouettes."""

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
    oval,
    poly,
    rect,
    rotated,
    smooth,
    stroke,
    union,
)


def leg(top, knee, foot, w_top: float, w_low: float) -> skia.Path:
    """A sturdy leg: a thick upper part tapering to the foot, so it still reads at thumbnail size."""
    return union(limb(w_top, top, knee), limb(w_low, knee, foot))


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
    tail = stroke(cubic_path((66, 96), (90, 96), (92, 70), (84, 58)), 5)
    return Shape(union(body, head, tail))


def dog(rng: random.Random) -> Shape:
    torso = smooth([(24, 50), (44, 46), (64, 46), (70, 54), (62, 64), (28, 64)])
    head = smooth([(62, 46), (66, 34), (76, 30), (84, 34), (94, 40), (92, 46, 0), (80, 48), (72, 54)])
    ear = smooth([(70, 32, 0), (66, 34), (64, 46), (70, 44)])
    legs = union(
        leg((30, 58), (29, 70), (29, 82), 8, 6),
        leg((38, 59), (38, 70), (39, 82), 8, 6),
        leg((57, 58), (58, 70), (59, 82), 8, 6),
        leg((65, 56), (66, 70), (67, 82), 8, 6),
    )
    tail = stroke(cubic_path((26, 50), (18, 44), (16, 36), (20, 28)), 3.6)
    return Shape(diff(union(torso, head, ear, legs, tail), circle(80, 36, 1.4)))


def horse(rng: random.Random, horn: bool = False) -> Shape:
    torso = oval(16, 36, 72, 62)
    neck = smooth([(56, 46), (64, 24), (72, 12), (80, 10), (92, 28, 0), (88, 32), (78, 26), (74, 46)])
    ears = poly([(74, 12), (76, 2, 0), (79, 10)])
    legs = union(
        leg((24, 54), (21, 76), (23, 98), 10, 7),
        leg((33, 56), (33, 77), (34, 98), 10, 7),
        leg((61, 56), (62, 77), (63, 98), 10, 7),
        leg((68, 54), (73, 76), (71, 98), 10, 7),
    )
    tail = stroke(cubic_path((18, 42), (6, 48), (6, 64), (10, 78)), 5)
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
        leg((26, 54), (24, 78), (26, 99), 8.5, 6),
        leg((34, 56), (34, 78), (35, 99), 8.5, 6),
        leg((59, 56), (60, 78), (61, 99), 8.5, 6),
        leg((66, 54), (70, 78), (68, 99), 8.5, 6),
    )
    antlers = union(
        limb(3.4, (72, 20), (66, 6), (58, -4)),
        limb(2.8, (68, 10), (74, 0)),
        limb(2.8, (63, 2), (64, -8)),
        limb(3.4, (75, 20), (80, 6), (88, -2)),
        limb(2.8, (79, 10), (88, 8)),
        limb(2.8, (82, 4), (82, -8)),
    )
    tail = poly([(20, 44), (14, 46), (20, 50)])
    return Shape(union(torso, neck, legs, antlers, tail))


def fox(rng: random.Random) -> Shape:
    torso = smooth([(26, 54), (44, 47), (62, 48), (70, 55), (62, 64), (32, 64)])
    head = smooth([(63, 48), (69, 38), (79, 36), (97, 45, 0), (81, 51), (71, 56)])
    ears = union(poly([(69, 41), (69, 24, 0), (77, 37)]), poly([(74, 38), (79, 24, 0), (82, 39)]))
    legs = union(
        leg((32, 58), (31, 69), (30, 80), 7, 5.5),
        leg((39, 59), (39, 69), (40, 80), 7, 5.5),
        leg((58, 58), (59, 69), (60, 80), 7, 5.5),
        leg((65, 56), (66, 68), (67, 80), 7, 5.5),
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
        leg((20, 60), (20, 80), (20, 97), 12, 10),
        leg((32, 62), (32, 80), (32, 97), 12, 10),
        leg((55, 62), (56, 80), (56, 97), 12, 10),
        leg((66, 60), (67, 80), (68, 97), 12, 10),
        oval(13, 93, 27, 100),
        oval(25, 93, 39, 100),
        oval(49, 93, 63, 100),
        oval(61, 93, 75, 100),
    )
    tail = union(stroke(cubic_path((14, 50), (2, 56), (2, 70), (6, 80)), 4.5), circle(6, 82, 5))
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


BUILDERS = {
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
}
