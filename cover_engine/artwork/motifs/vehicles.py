"""Vehicles: ships and boats, cars, trains, rockets, aircraft, bicycles, balloons."""

from __future__ import annotations

import random

from .geometry import Shape, circle, diff, floating, limb, oval, poly, rect, smooth, union


def ship(rng: random.Random) -> Shape:
    hull = smooth([(4, 70, 0), (96, 66, 0), (86, 86), (20, 88)], tension=0.5)
    masts = union(rect(29, 14, 31, 72), rect(54, 4, 56, 70), rect(77, 20, 79, 68))
    sails = union(
        smooth([(18, 20, 0), (42, 20, 0), (40, 36), (20, 36)]),
        smooth([(16, 40, 0), (44, 40, 0), (42, 60), (18, 60)]),
        smooth([(42, 10, 0), (68, 10, 0), (66, 30), (44, 30)]),
        smooth([(40, 34, 0), (70, 34, 0), (68, 58), (42, 58)]),
        smooth([(68, 26, 0), (88, 26, 0), (86, 42), (70, 42)]),
        smooth([(66, 46, 0), (90, 46, 0), (88, 62), (68, 62)]),
        poly([(96, 64), (56, 6), (80, 40)]),
    )
    flag = poly([(56, 4), (64, 6), (56, 8)])
    return Shape(union(hull, masts, sails, flag), lights=union(*[circle(30 + i * 12, 76, 1.8) for i in range(5)]))


def boat(rng: random.Random) -> Shape:
    hull = poly([(10, 74), (90, 74), (78, 88), (22, 88)])
    mast = rect(48, 10, 51, 74)
    sail = union(poly([(52, 12), (84, 68), (52, 68)]), poly([(47, 20), (22, 68), (47, 68)]))
    return Shape(union(hull, mast, sail))


def car(rng: random.Random) -> Shape:
    bodyp = smooth([(4, 66, 0), (6, 52), (26, 48), (36, 34), (66, 32), (80, 46), (96, 52), (98, 66, 0)], tension=0.6)
    wheels = union(circle(24, 68, 10), circle(78, 68, 10))
    windows = union(poly([(40, 38), (52, 37), (52, 48), (32, 48)]), poly([(56, 37), (65, 37), (75, 48), (56, 48)]))
    return Shape(diff(union(bodyp, wheels), circle(24, 68, 4), circle(78, 68, 4)), lights=windows)


def train(rng: random.Random) -> Shape:
    boiler = rect(30, 40, 86, 70, 6)
    cab = rect(4, 24, 34, 74, 2)
    chimney = union(rect(70, 20, 80, 40), rect(66, 16, 84, 22, 2))
    cow = poly([(86, 56), (98, 76), (86, 76)])
    wheels = union(circle(18, 80, 9), circle(46, 80, 9), circle(70, 80, 9))
    rail = rect(0, 89, 100, 92)
    return Shape(
        diff(union(boiler, cab, chimney, cow, wheels, rail), circle(18, 80, 3), circle(46, 80, 3), circle(70, 80, 3)),
        lights=rect(10, 30, 28, 44, 2),
    )


def rocket(rng: random.Random) -> Shape:
    bodyp = smooth([(50, 0, 0), (62, 20), (64, 56), (62, 76, 0), (38, 76, 0), (36, 56), (38, 20)])
    fins = union(
        poly([(38, 50), (22, 80, 0), (24, 90), (38, 76)]),
        poly([(62, 50), (78, 80), (76, 90), (62, 76)]),
        rect(47, 60, 53, 86, 2),
    )
    windowp = circle(50, 36, 7)
    flame = smooth([(40, 78, 0), (60, 78, 0), (56, 92), (50, 104, 0), (44, 92)])
    return floating(Shape(diff(union(bodyp, fins), windowp), lights=union(flame, circle(50, 36, 4.5))))


def spaceship(rng: random.Random) -> Shape:
    hull = smooth([(2, 60, 0), (30, 50), (60, 44), (98, 52, 0), (60, 62), (30, 66)])
    wing = poly([(30, 56), (56, 56), (36, 82, 0)])
    fin = poly([(20, 54), (10, 36, 0), (34, 50)])
    return floating(Shape(union(hull, wing, fin), lights=union(oval(60, 47, 80, 53), circle(2, 60, 3))))


def airplane(rng: random.Random) -> Shape:
    fus = smooth([(4, 50, 0), (12, 46), (88, 46), (98, 50, 0), (88, 54), (12, 54)])
    wings = union(poly([(44, 48), (30, 10), (38, 10), (60, 48)]), poly([(44, 52), (30, 90), (38, 90), (60, 52)]))
    tail = union(poly([(84, 48), (92, 30), (96, 30), (94, 48)]), poly([(84, 52), (92, 70), (96, 70), (94, 52)]))
    return floating(Shape(union(fus, wings, tail)))


def bicycle(rng: random.Random) -> Shape:
    wheels = union(diff(circle(22, 68, 20), circle(22, 68, 17)), diff(circle(78, 68, 20), circle(78, 68, 17)))
    frame = union(
        limb(3, (22, 68), (42, 68), (70, 40), (36, 40), (22, 68)),
        limb(3, (42, 68), (32, 32)),
        limb(3, (70, 40), (78, 68)),
        limb(3, (70, 40), (68, 28), (76, 26)),
        limb(4, (26, 30), (38, 30)),
    )
    return Shape(union(wheels, frame))


def balloon(rng: random.Random) -> Shape:
    envelope = smooth([(50, 2), (80, 16), (86, 40), (72, 62), (60, 72, 0), (40, 72, 0), (28, 62), (14, 40), (20, 16)])
    basket = rect(42, 84, 58, 96, 2)
    ropes = union(limb(0.9, (41, 72), (43, 84)), limb(0.9, (59, 72), (57, 84)))
    stripes = [
        (smooth([(50, 2), (36, 36), (44, 72)], close=False), 1.6),
        (smooth([(50, 2), (64, 36), (56, 72)], close=False), 1.6),
    ]
    return floating(Shape(union(envelope, basket, ropes), details=stripes))


def carriage(rng: random.Random) -> Shape:
    cab = smooth([(20, 24, 0), (80, 24, 0), (84, 44), (78, 70, 0), (22, 70, 0), (16, 44)])
    wheels = union(diff(circle(28, 78, 14), circle(28, 78, 11)), diff(circle(74, 78, 14), circle(74, 78, 11)))
    roof = rect(16, 18, 84, 24, 3)
    return Shape(union(cab, wheels, roof), lights=rect(38, 32, 62, 50, 3))


BUILDERS = {
    "ship": ship,
    "sailing ship": ship,
    "boat": boat,
    "sailboat": boat,
    "car": car,
    "train": train,
    "rocket": rocket,
    "spaceship": spaceship,
    "starship": spaceship,
    "plane": airplane,
    "airplane": airplane,
    "aircraft": airplane,
    "bicycle": bicycle,
    "bike": bicycle,
    "balloon": balloon,
    "hot air balloon": balloon,
    "carriage": carriage,
}
