"""Human figures: silhouettes readable at thumbnail size."""

from __future__ import annotations

import random

import skia

from .geometry import Shape, circle, diff, limb, mirror_x, oval, poly, rect, smooth, union


def _scaled(path: skia.Path, tx: float, ty: float, s: float) -> skia.Path:
    p = skia.Path(path)
    p.transform(skia.Matrix.Concat(skia.Matrix.Translate(tx, ty), skia.Matrix.Scale(s, s)))
    return p


def _man(cx: float = 50.0) -> skia.Path:
    left = [
        (cx, 14),
        (cx - 5, 16),
        (cx - 10.5, 19),
        (cx - 12, 26),
        (cx - 12, 44),
        (cx - 12.5, 60),
        (cx - 13, 74, 0),
        (cx - 6.5, 74, 0),
        (cx - 6, 97),
        (cx - 9, 100, 0),
        (cx - 1.2, 100, 0),
        (cx - 1, 78),
    ]
    body = smooth(mirror_x(left, cx), tension=0.7)
    head = circle(cx, 8, 6.2)
    return union(body, head, rect(cx - 2.5, 11, cx + 2.5, 17))


def figure(rng: random.Random) -> Shape:
    return Shape(_man())


def _woman(cx: float = 50.0, sway: float = 1.0) -> skia.Path:
    pts = [
        (cx, 14),
        (cx - 4, 16),
        (cx - 8.5, 19),
        (cx - 9, 26),
        (cx - 6.5, 34),
        (cx - 5.5, 40),
        (cx - 9, 56),
        (cx - 14, 78),
        (cx - 18 * sway, 100, 0),
        (cx + 22 * sway, 100, 0),
        (cx + 16, 80),
        (cx + 9, 56),
        (cx + 5.5, 40),
        (cx + 6.5, 34),
        (cx + 9, 26),
        (cx + 8.5, 19),
        (cx + 4, 16),
    ]
    body = smooth(pts, tension=0.8)
    head = union(circle(cx, 8, 5.6), circle(cx + 2.5, 4, 3.6), rect(cx - 2, 11, cx + 2, 17))
    arms = union(limb(3, (cx - 8, 21), (cx - 10, 34), (cx - 8, 46)), limb(3, (cx + 8, 21), (cx + 10, 34), (cx + 8, 46)))
    return union(body, head, arms)


def woman(rng: random.Random) -> Shape:
    return Shape(_woman())


def couple(rng: random.Random) -> Shape:
    man = _man(40)
    wom = _scaled(_woman(0), 60, 6, 0.94)
    hands = limb(3, (50, 44), (56, 44))
    return Shape(union(man, wom, hands))


def child(rng: random.Random) -> Shape:
    head = circle(50, 18, 11)
    bodyp = smooth([(42, 32), (58, 32), (62, 62, 0), (38, 62, 0)])
    legs = union(limb(5, (45, 60), (44, 98)), limb(5, (55, 60), (56, 98)))
    arms = union(limb(4.4, (43, 36), (34, 50), (30, 60)), limb(4.4, (57, 36), (66, 48), (72, 40)))
    return Shape(union(head, bodyp, legs, arms))


def warrior(rng: random.Random) -> Shape:
    cape = smooth([(44, 18), (36, 40), (26, 80), (18, 100, 0), (60, 100, 0), (56, 60), (56, 20)])
    bodyp = _man(50)
    arm = limb(4.5, (57, 20), (66, 14), (70, 4))
    blade = poly([(69, 4), (71, 4), (72, -44), (70, -50, 0), (68, -44)])
    guard = union(rect(64, 2, 76, 5, 1), rect(68.8, 5, 71.2, 12), circle(70, 13, 2))
    return Shape(union(cape, bodyp, arm, blade, guard))


def knight(rng: random.Random) -> Shape:
    s = warrior(rng)
    helm = union(oval(43.5, 0, 56.5, 15), poly([(50, -8), (53, 2), (47, 2)]))
    return Shape(union(s.body, helm))


def runner(rng: random.Random) -> Shape:
    head = circle(62, 10, 7)
    torso = limb(11, (58, 22), (48, 48))
    arms = union(limb(5.5, (57, 26), (70, 36), (80, 28)), limb(5.5, (55, 27), (42, 32), (34, 44)))
    legs = union(
        limb(7, (48, 48), (64, 64), (60, 88)),
        limb(5, (60, 88), (70, 90)),
        limb(7, (48, 48), (36, 66), (14, 70)),
        limb(5, (14, 70), (12, 60)),
    )
    return Shape(union(head, torso, arms, legs))


def dancer(rng: random.Random) -> Shape:
    head = circle(50, 10, 6)
    bodyp = smooth([(46, 18), (54, 18), (55, 40), (52, 46), (48, 46), (45, 40)])
    skirt = smooth([(46, 42), (30, 58, 0), (50, 54), (70, 58, 0), (54, 42)])
    legs = union(limb(4, (49, 52), (48, 98)), limb(4, (52, 52), (68, 66), (80, 62)))
    arms = union(limb(3.2, (46, 22), (34, 8), (30, -4)), limb(3.2, (54, 22), (66, 10), (72, -2)))
    return Shape(union(head, bodyp, skirt, legs, arms))


def witch(rng: random.Random) -> Shape:
    cloak = smooth([(50, 14), (40, 22), (34, 50), (26, 100, 0), (74, 100, 0), (66, 50), (60, 22)])
    head = circle(50, 14, 6)
    hat = union(poly([(36, 12), (64, 12), (58, 8), (54, -22, 0), (46, 6)]), oval(32, 9, 68, 15))
    staff = limb(2.4, (72, 100), (70, 10))
    orb = circle(70, 8, 4)
    return Shape(union(cloak, head, hat, staff), lights=orb)


def hand(rng: random.Random) -> Shape:
    palm = smooth([(30, 100, 0), (28, 60), (32, 46), (68, 46), (72, 60), (68, 100, 0)])
    fingers = union(
        limb(9, (36, 48), (33, 18)),
        limb(9, (46, 46), (46, 8)),
        limb(9, (56, 46), (58, 12)),
        limb(8.5, (65, 50), (70, 26)),
        limb(9.5, (31, 64), (18, 52), (12, 40)),
    )
    return Shape(union(palm, fingers))


def profile(rng: random.Random) -> Shape:
    head = smooth(
        [
            (30, 100, 0),
            (30, 82),
            (26, 64),
            (22, 44),
            (26, 22),
            (40, 8),
            (58, 6),
            (72, 14),
            (78, 28),
            (80, 36),
            (86, 46, 0),
            (80, 48),
            (82, 54),
            (80, 58),
            (82, 62),
            (78, 66),
            (76, 72),
            (68, 74),
            (64, 84),
            (66, 100, 0),
        ]
    )
    return Shape(head)


def eye(rng: random.Random) -> Shape:
    outer = smooth([(4, 50, 0), (30, 26), (50, 20), (70, 26), (96, 50, 0), (70, 74), (50, 80), (30, 74)])
    iris = circle(50, 50, 20)
    pupil = circle(50, 50, 9)
    ring = diff(outer, iris)
    s = Shape(union(ring, pupil), lights=diff(iris, pupil, circle(56, 43, 4)))
    s.ground = False
    return s


BUILDERS = {
    "figure": figure,
    "person": figure,
    "man": figure,
    "lone figure": figure,
    "silhouette": figure,
    "detective": figure,
    "stranger": figure,
    "woman": woman,
    "woman in dress": woman,
    "girl": woman,
    "lady": woman,
    "princess": woman,
    "queen": woman,
    "bride": woman,
    "couple": couple,
    "lovers": couple,
    "child": child,
    "children": child,
    "boy": child,
    "kid": child,
    "warrior": warrior,
    "soldier": warrior,
    "hero": warrior,
    "knight": knight,
    "runner": runner,
    "athlete": runner,
    "dancer": dancer,
    "witch": witch,
    "wizard": witch,
    "mage": witch,
    "hand": hand,
    "hands": hand,
    "face": profile,
    "head": profile,
    "profile": profile,
    "mind": profile,
    "eye": eye,
    "eyes": eye,
}
