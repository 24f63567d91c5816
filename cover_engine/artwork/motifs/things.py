"""Everyday things: table-top and household objects, money and success, games, music and jewels."""

from __future__ import annotations

import random

import skia

from .geometry import (
    Shape,
    circle,
    diff,
    floating,
    limb,
    line,
    mirror_x,
    oval,
    poly,
    rect,
    rotated,
    smooth,
    star_points,
    stroke,
    union,
)


def chess_piece(rng: random.Random) -> Shape:
    base = union(rect(22, 88, 78, 98, 3), rect(28, 82, 72, 88, 2))
    bodyp = smooth(mirror_x([(50, 30), (42, 34), (38, 40, 0), (42, 46), (38, 82, 0)]), tension=0.8)
    collar = rect(34, 40, 66, 46, 2)
    head = circle(50, 22, 11)
    cross = union(rect(48, 0, 52, 12), rect(44, 4, 56, 8))
    return Shape(union(base, bodyp, collar, head, cross))


def camera(rng: random.Random) -> Shape:
    bodyp = union(rect(8, 30, 92, 84, 6), rect(30, 22, 56, 32, 3), rect(14, 24, 26, 32, 2))
    lens = circle(50, 57, 20)
    return floating(Shape(diff(bodyp, lens), lights=union(diff(lens, circle(50, 57, 15)), circle(50, 57, 9))))


def bell(rng: random.Random) -> Shape:
    b = smooth([(50, 10), (68, 20), (72, 50), (76, 72), (88, 82, 0), (12, 82, 0), (24, 72), (28, 50), (32, 20)])
    return floating(Shape(union(b, circle(50, 88, 7), diff(circle(50, 8, 6), circle(50, 8, 3)))))


def teacup(rng: random.Random) -> Shape:
    cup = smooth([(16, 40, 0), (84, 40, 0), (80, 62), (66, 78), (34, 78), (20, 62)])
    handle = diff(circle(84, 54, 10), circle(84, 54, 6))
    saucer = oval(6, 78, 94, 90)
    steam = union(
        stroke(smooth([(40, 34), (34, 24), (42, 14), (36, 2)], close=False), 2.2),
        stroke(smooth([(58, 34), (52, 24), (60, 14), (54, 2)], close=False), 2.2),
    )
    return Shape(union(cup, handle, saucer, steam))


def umbrella(rng: random.Random) -> Shape:
    canopy = smooth(
        [
            (4, 46, 0),
            (14, 22),
            (50, 6),
            (86, 22),
            (96, 46, 0),
            (84, 40),
            (72, 46, 0),
            (61, 40),
            (50, 46, 0),
            (39, 40),
            (28, 46, 0),
            (16, 40),
        ],
        tension=0.7,
    )
    handle = stroke(smooth([(50, 8), (50, 88), (44, 96), (38, 88)], close=False, tension=0.6), 3)
    return floating(Shape(union(canopy, handle)))


def scales(rng: random.Random) -> Shape:
    post = union(rect(48, 10, 52, 90), rect(30, 88, 70, 96, 2), circle(50, 10, 4))
    beam = rect(10, 18, 90, 22, 2)
    pans = union(diff(circle(20, 54, 14), rect(0, 0, 100, 54)), diff(circle(80, 54, 14), rect(0, 0, 100, 54)))
    strings = union(
        limb(0.8, (12, 20), (7, 54)),
        limb(0.8, (28, 20), (33, 54)),
        limb(0.8, (72, 20), (67, 54)),
        limb(0.8, (88, 20), (93, 54)),
    )
    return Shape(union(post, beam, pans, strings))


def padlock(rng: random.Random) -> Shape:
    shackle = diff(union(circle(50, 36, 24), rect(26, 36, 74, 52)), circle(50, 36, 16), rect(34, 36, 66, 60))
    bodyp = rect(18, 46, 82, 96, 6)
    hole = union(circle(50, 66, 6), poly([(47, 68), (53, 68), (55, 84), (45, 84)]))
    return floating(Shape(union(shackle, diff(bodyp, hole))))


def coin(rng: random.Random) -> Shape:
    outer = circle(50, 50, 42)
    return floating(Shape(diff(outer, diff(circle(50, 50, 36), circle(50, 50, 33)), star_points(50, 50, 20, 8, 5))))


def trophy(rng: random.Random) -> Shape:
    cup = smooth([(24, 10, 0), (76, 10, 0), (74, 36), (60, 54), (40, 54), (26, 36)])
    handles = union(
        diff(circle(24, 26, 12), circle(24, 26, 7), rect(24, 0, 100, 100)),
        diff(circle(76, 26, 12), circle(76, 26, 7), rect(0, 0, 76, 100)),
    )
    stem = union(rect(46, 54, 54, 76), rect(32, 76, 68, 84, 2), rect(26, 84, 74, 94, 2))
    return Shape(union(cup, handles, stem))


def lightbulb(rng: random.Random) -> Shape:
    globe = smooth([(50, 4), (74, 16), (78, 38), (66, 58), (62, 70, 0), (38, 70, 0), (34, 58), (22, 38), (26, 16)])
    base = union(rect(38, 72, 62, 78, 2), rect(38, 80, 62, 86, 2), rect(42, 88, 58, 94, 3))
    glass = diff(
        globe, smooth([(50, 10), (69, 19), (72, 38), (61, 55), (57, 66, 0), (43, 66, 0), (39, 55), (28, 38), (31, 19)])
    )
    fil = stroke(smooth([(44, 66), (42, 44), (50, 38), (58, 44), (56, 66)], close=False), 2)
    return floating(
        Shape(
            union(glass, base, fil),
            lights=smooth(
                [(50, 10), (69, 19), (72, 38), (61, 55), (57, 66, 0), (43, 66, 0), (39, 55), (28, 38), (31, 19)]
            ),
        )
    )


def magnifier(rng: random.Random) -> Shape:
    ring_ = diff(circle(40, 40, 30), circle(40, 40, 23))
    handle = limb(9, (62, 62), (90, 90))
    return floating(Shape(union(ring_, handle), lights=circle(40, 40, 23)))


def dice(rng: random.Random) -> Shape:
    d = rect(14, 14, 86, 86, 12)
    pips = union(*[circle(x, y, 6) for x, y in ((32, 32), (68, 68), (50, 50), (68, 32), (32, 68))])
    return floating(Shape(diff(d, pips)))


def apple(rng: random.Random) -> Shape:
    a = smooth([(50, 26), (70, 18), (88, 34), (86, 64), (70, 92), (50, 86), (30, 92), (14, 64), (12, 34), (30, 18)])
    stem = limb(3, (50, 28), (54, 8))
    lf = smooth([(55, 14, 0), (66, 4), (76, 8, 0), (66, 16)])
    return floating(Shape(union(a, stem, lf)))


def high_heel(rng: random.Random) -> Shape:
    shoe = smooth(
        [
            (6, 86, 0),
            (8, 70),
            (30, 72),
            (56, 50),
            (74, 30),
            (86, 26),
            (94, 32),
            (92, 46, 0),
            (88, 46),
            (86, 96, 0),
            (82, 96, 0),
            (80, 56),
            (60, 72),
            (40, 86),
        ],
        tension=0.7,
    )
    return floating(Shape(shoe))


def wine_glass(rng: random.Random) -> Shape:
    bowl = smooth([(28, 6, 0), (72, 6, 0), (74, 30), (62, 50), (50, 54), (38, 50), (26, 30)])
    stem = union(rect(48, 52, 52, 88), oval(30, 86, 70, 94))
    wine = diff(bowl, rect(0, 0, 100, 26))
    return Shape(
        union(diff(bowl, smooth([(32, 10, 0), (68, 10, 0), (70, 30), (60, 46), (50, 50), (40, 46), (30, 30)])), stem),
        lights=wine,
    )


def music_note(rng: random.Random) -> Shape:
    heads = union(rotated(oval(14, 70, 38, 86), -20, 26, 78), rotated(oval(56, 60, 80, 76), -20, 68, 68))
    stems = union(rect(34, 20, 38, 80), rect(76, 10, 80, 70))
    beam = poly([(34, 20), (80, 10), (80, 22), (34, 32)])
    return floating(Shape(union(heads, stems, beam)))


def guitar(rng: random.Random) -> Shape:
    bodyp = union(circle(50, 74, 20), circle(50, 48, 14), rect(46, 4, 54, 50), rect(43, 0, 57, 12, 2))
    return floating(Shape(diff(bodyp, circle(50, 58, 5))))


def puzzle(rng: random.Random) -> Shape:
    sq = union(rect(20, 20, 80, 80), circle(50, 20, 10), circle(80, 50, 10))
    return floating(Shape(diff(sq, circle(50, 80, 10), circle(20, 50, 10))))


def gem(rng: random.Random) -> Shape:
    g = poly([(10, 36), (28, 12), (72, 12), (90, 36), (50, 92)])
    details = [
        (line((10, 36), (90, 36)), 1.4),
        (line((28, 12), (40, 36)), 1.2),
        (line((72, 12), (60, 36)), 1.2),
        (line((40, 36), (50, 92)), 1.2),
        (line((60, 36), (50, 92)), 1.2),
        (line((50, 12), (40, 36)), 1.2),
        (line((50, 12), (60, 36)), 1.2),
    ]
    return floating(Shape(g, details=details))


def globe(rng: random.Random) -> Shape:
    sphere = circle(50, 44, 34)
    lands = union(
        smooth([(30, 24), (44, 20), (50, 30), (42, 40), (46, 52), (36, 58), (28, 44)]),
        smooth([(58, 36), (70, 32), (78, 44), (70, 60), (60, 54)]),
    )
    stand = union(stroke(_arc(50, 44, 40, 40, 140), 3), rect(48, 84, 52, 92), rect(34, 92, 66, 97, 2))
    return Shape(union(diff(sphere, lands), stand), lights=lands)


def _arc(cx, cy, r, start, sweep) -> skia.Path:
    p = skia.Path()
    p.addArc(skia.Rect(cx - r, cy - r, cx + r, cy + r), start, sweep)
    return p


BUILDERS = {
    "chess": chess_piece,
    "chess piece": chess_piece,
    "king": chess_piece,
    "camera": camera,
    "bell": bell,
    "teacup": teacup,
    "tea": teacup,
    "coffee": teacup,
    "umbrella": umbrella,
    "scales": scales,
    "justice": scales,
    "lock": padlock,
    "padlock": padlock,
    "coin": coin,
    "money": coin,
    "gold": coin,
    "trophy": trophy,
    "lightbulb": lightbulb,
    "idea": lightbulb,
    "bulb": lightbulb,
    "magnifying glass": magnifier,
    "magnifier": magnifier,
    "dice": dice,
    "apple": apple,
    "high heel": high_heel,
    "shoe": high_heel,
    "wine": wine_glass,
    "wine glass": wine_glass,
    "glass": wine_glass,
    "music": music_note,
    "music note": music_note,
    "guitar": guitar,
    "puzzle": puzzle,
    "diamond": gem,
    "jewel": gem,
    "globe": globe,
    "world": globe,
    "earth": globe,
}
