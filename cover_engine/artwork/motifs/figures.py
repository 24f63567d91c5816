"""Human figures: silhouettes readable at thumbnail size."""

from __future__ import annotations

import random

import skia

from .geometry import Shape, circle, diff, limb, oval, poly, rect, rotated, scaled, smooth, taper, union


def _scaled(path: skia.Path, tx: float, ty: float, s: float) -> skia.Path:
    p = skia.Path(path)
    p.transform(skia.Matrix.Concat(skia.Matrix.Translate(tx, ty), skia.Matrix.Scale(s, s)))
    return p


def _head(cx: float, cy: float, r: float, *, hair: str = "short", facing: float = 0.0) -> skia.Path:
    """A head with hair (never a bare ball): short and swept, a bun, or long hair to the shoulders."""
    skull = oval(cx - r * 0.92, cy - r, cx + r * 0.92, cy + r * 1.08)
    jaw = smooth(
        [
            (cx - r * 0.7, cy + r * 0.3),
            (cx + r * 0.7, cy + r * 0.3),
            (cx + r * 0.35, cy + r * 1.3),
            (cx - r * 0.35, cy + r * 1.3),
        ]
    )
    parts = [skull, jaw]
    if hair == "short":
        parts.append(
            smooth(
                [
                    (cx - r * 1.0, cy + r * 0.1),
                    (cx - r * 0.9, cy - r * 0.9),
                    (cx + r * 0.2, cy - r * 1.3),
                    (cx + r * 1.05, cy - r * 0.6),
                    (cx + r * 0.95, cy),
                ]
            )
        )
    elif hair == "bun":
        parts.append(circle(cx - facing * r * 0.6, cy - r * 1.05, r * 0.5))
    elif hair == "long":
        parts.append(
            smooth(
                [
                    (cx - r * 1.05, cy - r * 0.2),
                    (cx - r * 0.7, cy - r * 1.15),
                    (cx + r * 0.7, cy - r * 1.15),
                    (cx + r * 1.05, cy - r * 0.2),
                    (cx + r * 1.25, cy + r * 1.6),
                    (cx + r * 1.5, cy + r * 3.0, 0),
                    (cx + r * 0.6, cy + r * 2.6),
                    (cx - r * 0.6, cy + r * 2.6),
                    (cx - r * 1.5, cy + r * 3.0, 0),
                    (cx - r * 1.25, cy + r * 1.6),
                ],
                tension=0.8,
            )
        )
    return union(*parts)


def _man(cx: float = 50.0, *, coat: float = 76.0) -> skia.Path:
    """A man in a long coat, weight on one leg, one hand in a pocket: collar, hem and shoes read."""
    body = smooth(
        [
            (cx - 2.6, 13.5),
            (cx - 9, 16.5),
            (cx - 13.5, 19.5),
            (cx - 15, 28),
            (cx - 15.8, 44),
            (cx - 15.2, 56),
            (cx - 16.5, coat - 1, 0),
            (cx - 9.5, coat + 0.6, 0),
            (cx - 9, coat + 1, 0),
            (cx - 8.2, 96.5),
            (cx - 12.5, 100, 0),
            (cx - 1.8, 100, 0),
            (cx - 2.2, coat + 4),
            (cx, coat + 2, 0),
            (cx + 1.6, coat + 4),
            (cx + 4.5, 100, 0),
            (cx + 13, 100, 0),
            (cx + 9.5, 96.5),
            (cx + 8.5, coat + 1, 0),
            (cx + 15.5, coat - 1.5, 0),
            (cx + 14.2, 52),
            (cx + 13.2, 40),
            (cx + 14.8, 28),
            (cx + 13.5, 19.5),
            (cx + 9, 16.5),
            (cx + 2.6, 13.5),
        ],
        tension=0.75,
    )
    collar = poly([(cx - 6, 14.5), (cx - 2, 20), (cx, 14), (cx + 2, 20), (cx + 6, 14.5), (cx, 12)])
    return union(body, collar, _head(cx, 7.4, 5.4))


def _hat(cx: float, top: float) -> skia.Path:
    brim = smooth([(cx - 10.5, top + 5.2, 0), (cx + 10.5, top + 5.2, 0), (cx + 8, top + 3.6), (cx - 8, top + 3.6)])
    crown_ = smooth(
        [(cx - 6, top + 4.4, 0), (cx - 5.6, top - 1.5), (cx, top - 0.2), (cx + 5.6, top - 1.5), (cx + 6, top + 4.4, 0)]
    )
    return union(brim, crown_)


def figure(rng: random.Random) -> Shape:
    return Shape(_man())


def hat_man(rng: random.Random) -> Shape:
    return Shape(union(_man(), _hat(50, 0.5)))


def _woman(cx: float = 50.0, sway: float = 1.0) -> skia.Path:
    """A woman in a belted coat that flares at the hem, long hair over the shoulders, boots."""
    body = smooth(
        [
            (cx - 2.2, 14),
            (cx - 8, 17),
            (cx - 11.5, 20),
            (cx - 12.2, 29),
            (cx - 12.8, 40),
            (cx - 9.6, 42.5, 0),
            (cx - 8.6, 47),
            (cx - 13.5 * sway, 62),
            (cx - 17 * sway, 76, 0),
            (cx - 7, 77.5, 0),
            (cx - 6.4, 96.5),
            (cx - 9, 100, 0),
            (cx - 1.5, 100, 0),
            (cx - 1.6, 80),
            (cx + 1.6, 80),
            (cx + 3.5, 100, 0),
            (cx + 10.5, 100, 0),
            (cx + 7.2, 96.5),
            (cx + 6.2, 77.5, 0),
            (cx + 16 * sway, 75.5, 0),
            (cx + 12.5 * sway, 61),
            (cx + 8.6, 47),
            (cx + 9.6, 42.5, 0),
            (cx + 12.8, 40),
            (cx + 12.2, 29),
            (cx + 11.5, 20),
            (cx + 8, 17),
            (cx + 2.2, 14),
        ],
        tension=0.75,
    )
    return union(body, _head(cx, 7.6, 5.0, hair="long"))


def woman(rng: random.Random) -> Shape:
    return Shape(_woman())


def couple(rng: random.Random) -> Shape:
    """Two figures turned to each other, heads close, hands joined: one outline, two people."""
    man = _scaled(_man(0), 38, 0, 1.0)
    wom = _scaled(_woman(0, sway=0.9), 61, 7.5, 0.93)
    hands = limb(3.4, (50, 52), (55, 51))
    return Shape(union(man, wom, hands))


def hooded(rng: random.Random) -> Shape:
    """A cloaked, hooded figure: the fantasy and dark-thriller silhouette, the hood peaked."""
    cloak = smooth(
        [
            (50, -2, 0),
            (57, 4),
            (59.5, 14),
            (66, 22),
            (69, 44),
            (72, 72),
            (78, 100, 0),
            (22, 100, 0),
            (28, 72),
            (31, 44),
            (34, 22),
            (40.5, 14),
            (43, 4),
        ],
        tension=0.8,
    )
    return Shape(cloak)


def child(rng: random.Random) -> Shape:
    """A child mid-wave: big head with a fringe, T-shirt, shorts, sturdy legs and shoes."""
    head = _head(50, 17, 10.5, hair="short")
    shirt = smooth([(44, 31), (56, 31), (63, 36, 0), (60.5, 58, 0), (39.5, 58, 0), (37, 36, 0)], tension=0.6)
    shorts = smooth([(39.5, 56, 0), (60.5, 56, 0), (62, 72, 0), (51.5, 72, 0), (50, 66), (48.5, 72, 0), (38, 72, 0)])
    legs = union(_segment(44.5, 70, 44, 94, 8, 7), _segment(55.5, 70, 56.5, 94, 8, 7))
    shoes = union(
        smooth([(38, 100, 0), (39, 94), (47, 94), (48, 100, 0)]),
        smooth([(53, 100, 0), (54, 94), (62, 94), (64, 100, 0)]),
    )
    arms = union(_segment(39, 36, 32, 50, 6.5, 5.5), _segment(32, 50, 30, 60, 5.5, 5.5))
    wave = union(_segment(61, 36, 69, 44, 6.5, 5.5), _segment(69, 44, 73, 33, 5.5, 5.5), circle(73.5, 31, 3.6))
    return Shape(union(head, shirt, shorts, legs, shoes, arms, wave, circle(30, 61, 3.4)))


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


def _segment(x1: float, y1: float, x2: float, y2: float, w1: float, w2: float) -> skia.Path:
    """A tapered limb segment with rounded joints (a thigh is thick, a calf thinner)."""
    return union(poly(taper(x1, y1, x2, y2, w1, w2)), circle(x1, y1, w1 / 2), circle(x2, y2, w2 / 2))


def _shoe(x: float, y: float, length: float, angle: float) -> skia.Path:
    """A shoe: a sole with a rounded toe, pointing along angle (degrees, 0 = forward)."""
    shoe = smooth([(0, -3.2), (length * 0.7, -2.6), (length, 0.2), (length * 0.9, 1.6, 0), (0, 1.6, 0)], tension=0.8)
    return rotated(scaled(shoe, x, y, 1, 1), angle, x, y)


def runner(rng: random.Random) -> Shape:
    """Mid-stride and leaning in: a jacket whose hem flies back, tapered arms and legs with
    knees and elbows, hands, shoes, hair; the pose of the running-man thriller covers."""
    torso = smooth(
        [
            (53, 15.5),
            (63, 17),
            (66.5, 22),
            (62, 34),
            (57, 46),
            (52, 52, 0),
            (40, 54, 0),
            (43.5, 46),
            (47, 32),
            (48.5, 20),
        ],
        tension=0.75,
    )
    head = union(_head(64.5, 8.5, 5.4, facing=1.0), poly([(60, 12.5), (65, 13), (62.5, 18), (58, 17)]))
    back_arm = union(
        poly(taper(51, 21, 40, 31, 10.5, 8.5)), circle(40, 31, 4.2), poly(taper(40, 31, 31, 24, 8.2, 6)),
        oval(26, 20, 33, 27),
    )  # fmt: skip
    front_arm = union(
        poly(taper(62, 21, 70, 33, 10.5, 8.5)), circle(70, 33, 4.2), poly(taper(70, 33, 80.5, 28, 8.2, 6)),
        oval(79, 24, 86, 31),
    )  # fmt: skip
    front_leg = union(
        poly(taper(53, 48, 67, 63, 18, 12.5)), circle(67, 63, 6.2), poly(taper(67, 63, 62.5, 86, 12.5, 6.5)),
        _shoe(61, 88.5, 13, 8),
    )  # fmt: skip
    back_leg = union(
        poly(taper(45, 48, 36, 67, 18, 12.5)), circle(36, 67, 6.2), poly(taper(36, 67, 17, 72, 12, 6.2)),
        _shoe(17.5, 72, 12, 235),
    )  # fmt: skip
    return Shape(union(torso, head, back_arm, front_arm, front_leg, back_leg))


def dancer(rng: random.Random) -> Shape:
    """Arms raised, one leg lifted, a full skirt in motion, hair in a bun."""
    head = _head(50, 10, 5.6, hair="bun")
    bodice = smooth([(45, 17), (55, 17), (57, 28), (54, 40), (46, 40), (43, 28)], tension=0.8)
    skirt = smooth([(46, 37), (26, 60, 0), (40, 57), (50, 59), (62, 57), (75, 59, 0), (54, 37)], tension=0.9)
    legs = union(
        _segment(48.5, 52, 47.5, 96, 8.5, 5.2), _segment(53, 52, 66, 65, 8.5, 6.5), _segment(66, 65, 80, 62, 6.5, 4.6)
    )
    arms = union(
        _segment(45.5, 20, 36, 9, 6.2, 5),
        _segment(36, 9, 32, -3, 5, 4),
        _segment(54.5, 20, 64, 11, 6.2, 5),
        _segment(64, 11, 70, -1, 5, 4),
    )
    return Shape(union(head, bodice, skirt, legs, arms, poly([(44, 100), (52, 100), (48, 94)])))


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
    "detective": hat_man,
    "stranger": hat_man,
    "hooded figure": hooded,
    "assassin": hooded,
    "monk": hooded,
    "cloak": hooded,
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
