"""Emblem objects: regalia, blades and arms, keys, books and letters, mystic and nautical things.

Everyday things (a teacup, a coin, a guitar) are in things.py; both float as emblems in a scene.
"""

from __future__ import annotations

import random

import skia

from .geometry import Shape, circle, diff, floating, limb, line, oval, poly, rect, rotated, smooth, stroke, union


def crown(rng: random.Random) -> Shape:
    band = rect(16, 62, 84, 80, 2)
    pts = [
        (16, 64),
        (12, 26, 0),
        (30, 46, 0),
        (40, 18, 0),
        (50, 40, 0),
        (60, 18, 0),
        (70, 46, 0),
        (88, 26, 0),
        (84, 64),
    ]
    top = poly([(p[0], p[1]) for p in pts])
    balls = union(*[circle(x, y, 4) for x, y in ((12, 24), (40, 15), (60, 15), (88, 24))], circle(50, 30, 3))
    jewels = union(circle(50, 71, 4), circle(32, 71, 3), circle(68, 71, 3))
    return floating(Shape(diff(union(band, top, balls), jewels), lights=jewels))


def dagger(rng: random.Random) -> Shape:
    blade = poly([(47, 40), (53, 40), (52.5, 88), (50, 100), (47.5, 88)])
    guard = smooth([(30, 36, 0), (36, 33), (64, 33), (70, 36, 0), (64, 40), (36, 40)])
    grip = rect(47, 12, 53, 34, 2)
    pommel = circle(50, 9, 5)
    return floating(Shape(union(blade, guard, grip, pommel), details=[(line((50, 42), (50, 90)), 0.8)]))


def sword(rng: random.Random) -> Shape:
    blade = poly([(47.5, 28), (52.5, 28), (52, 92), (50, 100), (48, 92)])
    guard = union(rect(34, 24, 66, 28, 2), circle(34, 26, 3), circle(66, 26, 3))
    grip = rect(48, 6, 52, 24, 1.5)
    pommel = circle(50, 4, 3.6)
    return floating(Shape(union(blade, guard, grip, pommel), details=[(line((50, 30), (50, 90)), 0.7)]))


def key(rng: random.Random) -> Shape:
    bow = diff(
        union(*[rotated(circle(50, 12, 8), a, 50, 20) for a in (0, 90, 180, 270)], circle(50, 20, 10)),
        circle(50, 20, 5),
    )
    shaft = rect(48, 28, 52, 94)
    bits = union(rect(52, 76, 62, 80), rect(52, 84, 60, 94), rect(56, 80, 60, 84))
    collar = rect(45, 32, 55, 35, 1)
    return floating(Shape(union(bow, shaft, bits, collar)))


def feather(rng: random.Random) -> Shape:
    vane = smooth([(52, 2, 0), (66, 20), (68, 46), (60, 70), (50, 82, 0), (40, 66), (36, 42), (40, 18)])
    notches = union(poly([(66, 30), (56, 36), (67, 34)]), poly([(38, 54), (47, 58), (37, 58)]))
    shaft = limb(1.6, (52, 6), (50, 80), (47, 98))
    body = union(diff(vane, notches), shaft)
    details = [(line((51, 20 + i * 8), (51 + s * 13, 12 + i * 8)), 0.6) for i in range(7) for s in (-1, 1)]
    s = floating(Shape(body, details=details))
    return s


def candle(rng: random.Random) -> Shape:
    body = union(
        rect(40, 40, 60, 92, 2),
        poly([(40, 44), (44, 50), (46, 44)]),
        rect(28, 92, 72, 97, 2),
        limb(1.2, (50, 40), (50, 34)),
    )
    flame = smooth([(50, 6, 0), (56, 22), (55, 30), (50, 34), (45, 30), (44, 22)])
    return Shape(body, lights=flame)


def skull(rng: random.Random) -> Shape:
    cranium = smooth([(22, 44), (24, 18), (50, 4), (76, 18), (78, 44), (70, 60), (66, 72), (34, 72), (30, 60)])
    jaw = rect(34, 68, 66, 88, 6)
    eyes = union(
        smooth([(32, 40), (44, 36), (46, 48), (38, 54), (30, 48)]),
        smooth([(68, 40), (56, 36), (54, 48), (62, 54), (70, 48)]),
    )
    nose = poly([(50, 52), (54, 62), (46, 62)])
    teeth = union(*[rect(x, 72, x + 0.8, 86) for x in (42, 46, 50, 54, 58)])
    return floating(Shape(diff(union(cranium, jaw), eyes, nose, teeth)))


def heart(rng: random.Random) -> Shape:
    p = skia.Path()
    p.moveTo(50, 92)
    p.cubicTo(10, 64, 2, 40, 14, 22)
    p.cubicTo(26, 6, 46, 12, 50, 28)
    p.cubicTo(54, 12, 74, 6, 86, 22)
    p.cubicTo(98, 40, 90, 64, 50, 92)
    p.close()
    return floating(Shape(p))


def hourglass(rng: random.Random) -> Shape:
    frame = union(rect(24, 4, 76, 10, 2), rect(24, 90, 76, 96, 2), rect(26, 10, 30, 90), rect(70, 10, 74, 90))
    glass = smooth(
        [
            (34, 10, 0),
            (66, 10, 0),
            (64, 30),
            (53, 50, 0),
            (64, 70),
            (66, 90, 0),
            (34, 90, 0),
            (36, 70),
            (47, 50, 0),
            (36, 30),
        ]
    )
    sand = union(poly([(40, 30), (60, 30), (52, 48), (48, 48)]), poly([(50, 52), (64, 88), (36, 88)]))
    return Shape(
        union(
            frame,
            diff(
                glass,
                smooth(
                    [
                        (37, 13, 0),
                        (63, 13, 0),
                        (61, 30),
                        (51.5, 49, 0),
                        (61, 70),
                        (63, 87, 0),
                        (37, 87, 0),
                        (39, 70),
                        (48.5, 49, 0),
                        (39, 30),
                    ]
                ),
            ),
        ),
        lights=sand,
    )


def ring(rng: random.Random) -> Shape:
    band = diff(oval(18, 36, 82, 96), oval(25, 44, 75, 90))
    setting = poly([(38, 36), (44, 26), (56, 26), (62, 36), (50, 44)])
    gem = poly([(40, 26), (46, 12), (54, 12), (60, 26), (50, 36)])
    return floating(Shape(union(band, setting), lights=gem))


def book(rng: random.Random) -> Shape:
    left = smooth([(50, 34, 0), (34, 26), (10, 28, 0), (10, 82, 0), (34, 80), (50, 88, 0)], tension=0.5)
    right = smooth([(50, 34, 0), (66, 26), (90, 28, 0), (90, 82, 0), (66, 80), (50, 88, 0)], tension=0.5)
    cover = poly([(6, 34), (6, 88), (48, 94), (52, 94), (94, 88), (94, 34), (90, 86), (50, 92), (10, 86)])
    pages = diff(union(left, right), rect(49.4, 0, 50.6, 100))
    details = [(line((16, 40 + i * 8), (42, 42 + i * 8)), 1.0) for i in range(5)] + [
        (line((58, 42 + i * 8), (84, 40 + i * 8)), 1.0) for i in range(5)
    ]
    return floating(Shape(cover, lights=pages, details=details))


def compass(rng: random.Random) -> Shape:
    ring_ = diff(circle(50, 54, 40), circle(50, 54, 34))
    needle = union(poly([(50, 18), (57, 54), (43, 54)]), poly([(50, 90), (57, 54), (43, 54)]))
    ticks = union(*[rotated(rect(49, 15, 51, 22), a, 50, 54) for a in range(0, 360, 45)])
    top = union(diff(circle(50, 10, 6), circle(50, 10, 3)))
    return floating(Shape(union(ring_, ticks, top), lights=needle))


def clock(rng: random.Random) -> Shape:
    face = diff(circle(50, 50, 42), circle(50, 50, 36))
    ticks = union(*[rotated(rect(48.8, 16, 51.2, 24), a, 50, 50) for a in range(0, 360, 30)])
    hands = union(limb(3, (50, 50), (50, 24)), limb(3, (50, 50), (66, 58)), circle(50, 50, 3.5))
    return floating(Shape(union(face, ticks, hands)))


def mask(rng: random.Random) -> Shape:
    m = smooth(
        [
            (4, 36, 0),
            (26, 30),
            (50, 38),
            (74, 30),
            (96, 36, 0),
            (90, 56),
            (70, 66),
            (56, 60),
            (50, 52),
            (44, 60),
            (30, 66),
            (10, 56),
        ]
    )
    eyes = union(oval(20, 40, 40, 54), oval(60, 40, 80, 54))
    ribbon = union(limb(1.6, (6, 40), (0, 60)), limb(1.6, (94, 40), (100, 62)))
    return floating(Shape(union(diff(m, eyes), ribbon)))


def lantern(rng: random.Random) -> Shape:
    top = union(poly([(30, 30), (50, 16), (70, 30)]), diff(circle(50, 10, 7), circle(50, 10, 4)))
    frame = union(
        rect(28, 30, 72, 34), rect(30, 84, 70, 90, 2), rect(30, 34, 34, 84), rect(66, 34, 70, 84), rect(48, 34, 52, 84)
    )
    glass = rect(34, 34, 66, 84)
    flame = smooth([(50, 48, 0), (56, 64), (50, 74), (44, 64)])
    return Shape(union(top, frame), lights=union(diff(glass, rect(48, 34, 52, 84)), flame))


def mirror(rng: random.Random) -> Shape:
    frame = diff(oval(22, 4, 78, 80), oval(28, 10, 72, 74))
    handle = union(rect(46, 78, 54, 98, 3), circle(50, 80, 6))
    return floating(Shape(union(frame, handle), lights=oval(28, 10, 72, 74)))


def potion(rng: random.Random) -> Shape:
    flask = union(circle(50, 66, 28), rect(42, 14, 58, 44))
    cork = rect(40, 4, 60, 16, 2)
    liquid = diff(circle(50, 66, 24), rect(0, 0, 100, 60))
    glass = diff(flask, circle(50, 66, 24), rect(45, 16, 55, 44))
    return floating(Shape(union(glass, cork), lights=liquid))


def letter(rng: random.Random) -> Shape:
    env = rect(8, 24, 92, 80, 3)
    flap = poly([(10, 26), (50, 58), (90, 26), (90, 30), (50, 62), (10, 30)])
    seal = circle(50, 58, 8)
    return floating(Shape(diff(env, flap), lights=seal))


def revolver(rng: random.Random) -> Shape:
    barrel = rect(30, 30, 98, 40, 2)
    frame = rect(22, 28, 52, 50, 4)
    cyl = rect(32, 32, 56, 48, 5)
    grip = smooth([(26, 46), (40, 46), (36, 70), (30, 92, 0), (14, 92, 0), (18, 66)])
    guard = diff(circle(44, 54, 8), circle(44, 54, 5), rect(0, 0, 100, 50))
    hammer = poly([(22, 30), (14, 22, 0), (26, 28)])
    return floating(Shape(union(barrel, frame, cyl, grip, guard, hammer, rect(92, 26, 96, 30))))


def cross_(rng: random.Random) -> Shape:
    return floating(Shape(union(rect(44, 2, 56, 98, 1), rect(22, 24, 78, 36, 1))))


def shield(rng: random.Random) -> Shape:
    outer = smooth([(14, 10, 0), (50, 4), (86, 10, 0), (84, 50), (50, 96, 0), (16, 50)], tension=0.7)
    inner = smooth([(22, 16, 0), (50, 11), (78, 16, 0), (76, 50), (50, 86, 0), (24, 50)], tension=0.7)
    emblem = union(rect(47, 20, 53, 78), rect(28, 38, 72, 44))
    return floating(Shape(union(diff(outer, inner), emblem), lights=diff(inner, emblem)))


def anchor(rng: random.Random) -> Shape:
    ring_ = diff(circle(50, 12, 8), circle(50, 12, 4.5))
    shaft = rect(47, 18, 53, 88)
    bar = rect(30, 26, 70, 31, 2)
    p = skia.Path()
    p.addArc(skia.Rect(14, 44, 86, 92), 10, 160)
    arc = stroke(p, 6)
    flukes = union(poly([(82, 60), (92, 56, 0), (88, 70)]), poly([(18, 60), (8, 56, 0), (12, 70)]))
    return floating(Shape(union(ring_, shaft, bar, arc, flukes)))


def map_(rng: random.Random) -> Shape:
    panels = poly([(6, 20), (34, 12), (66, 20), (94, 12), (94, 84), (66, 92), (34, 84), (6, 92)])
    route = stroke(smooth([(16, 76), (30, 58), (48, 66), (62, 40), (80, 30)], close=False), 1.6)
    mark = union(limb(2.6, (76, 24), (84, 32)), limb(2.6, (84, 24), (76, 32)))
    return floating(
        Shape(panels, lights=union(route, mark), details=[(line((34, 12), (34, 84)), 1), (line((66, 20), (66, 92)), 1)])
    )


def arrow(rng: random.Random) -> Shape:
    shaft = limb(7, (10, 90), (74, 26))
    head = poly([(92, 8), (86, 46), (54, 14)])
    return floating(Shape(union(shaft, head)))


def bow(rng: random.Random) -> Shape:
    p = skia.Path()
    p.moveTo(30, 4)
    p.cubicTo(70, 20, 70, 80, 30, 96)
    limbp = stroke(p, 4)
    string = limb(0.8, (30, 4), (30, 96))
    arrowp = union(
        limb(1.6, (6, 50), (82, 50)),
        poly([(92, 50), (80, 45), (80, 55)]),
        poly([(6, 50), (0, 45), (12, 46)]),
        poly([(6, 50), (0, 55), (12, 54)]),
    )
    return floating(Shape(union(limbp, string, arrowp)))


def axe(rng: random.Random) -> Shape:
    handle = limb(5, (40, 98), (56, 6))
    blade = smooth([(50, 14), (76, 4, 0), (90, 26), (78, 48, 0), (50, 36)])
    return floating(Shape(union(handle, blade)))


def scroll(rng: random.Random) -> Shape:
    sheet = rect(20, 14, 80, 86)
    rolls = union(rect(14, 6, 86, 18, 6), rect(14, 82, 86, 94, 6))
    details = [(line((28, 30 + i * 9), (72, 30 + i * 9)), 1.4) for i in range(5)]
    return floating(Shape(rolls, lights=sheet, details=details))


BUILDERS = {
    "crown": crown,
    "tiara": crown,
    "dagger": dagger,
    "knife": dagger,
    "blade": dagger,
    "sword": sword,
    "key": key,
    "feather": feather,
    "quill": feather,
    "candle": candle,
    "skull": skull,
    "bones": skull,
    "heart": heart,
    "love": heart,
    "hourglass": hourglass,
    "time": hourglass,
    "ring": ring,
    "book": book,
    "books": book,
    "library": book,
    "compass": compass,
    "clock": clock,
    "watch": clock,
    "mask": mask,
    "lantern": lantern,
    "lamp": lantern,
    "mirror": mirror,
    "potion": potion,
    "bottle": potion,
    "poison": potion,
    "letter": letter,
    "envelope": letter,
    "gun": revolver,
    "revolver": revolver,
    "pistol": revolver,
    "cross": cross_,
    "shield": shield,
    "anchor": anchor,
    "map": map_,
    "arrow": arrow,
    "bow": bow,
    "axe": axe,
    "scroll": scroll,
}
