"""Buildings and structures, as silhouettes with lit windows."""

from __future__ import annotations

import random

from .geometry import Shape, arch, circle, crenellations, diff, limb, poly, rect, union


def _tower(x0, x1, top, roof: str, rng) -> tuple:
    body = rect(x0, top, x1, 100)
    w = x1 - x0
    if roof == "cone":
        body = union(
            body, poly([(x0 - w * 0.12, top + 0.5), ((x0 + x1) / 2, top - w * 1.5), (x1 + w * 0.12, top + 0.5)])
        )
        body = union(body, limb(0.8, ((x0 + x1) / 2, top - w * 1.45), ((x0 + x1) / 2, top - w * 1.9)))
        body = union(
            body,
            poly(
                [
                    ((x0 + x1) / 2, top - w * 1.9),
                    ((x0 + x1) / 2 + w * 0.45, top - w * 1.78),
                    ((x0 + x1) / 2, top - w * 1.66),
                ]
            ),
        )
    else:
        body = union(body, rect(x0 - w * 0.1, top - w * 0.12, x1 + w * 0.1, top + w * 0.1))
        body = union(body, crenellations(x0 - w * 0.1, x1 + w * 0.1, top - w * 0.12, w * 0.1, w * 0.2))
    lights = rect((x0 + x1) / 2 - w * 0.08, top + w * 0.5, (x0 + x1) / 2 + w * 0.08, top + w * 0.9, w * 0.08)
    return body, lights


def castle(rng: random.Random) -> Shape:
    wall_top = 62
    body = rect(12, wall_top, 88, 100)
    body = union(body, crenellations(12, 88, wall_top, 2.2, 4))
    lights = []
    for x0, x1, top, roof in (
        (4, 18, 40, rng.choice(["cone", "flat"])),
        (82, 96, 44, rng.choice(["cone", "flat"])),
        (28, 40, 30, "cone"),
        (60, 70, 34, "cone"),
        (42, 58, 18, rng.choice(["cone", "flat"])),
    ):
        b, light = _tower(x0, x1, top, roof, rng)
        body = union(body, b)
        lights.append(light)
    gate = arch(44, 56, 100, 86)
    body = diff(body, gate)
    lp = union(*lights)
    return Shape(body, lights=lp)


def tower(rng: random.Random) -> Shape:
    body = poly([(36, 100), (39, 28), (61, 28), (64, 100)])
    if rng.random() < 0.5:
        body = union(body, poly([(33, 30), (50, -8), (67, 30)]))
    else:
        body = union(body, rect(33, 18, 67, 30), crenellations(33, 67, 18, 2.2, 5))
    lights = union(rect(47, 40, 53, 50, 3), rect(47, 62, 53, 71, 3), rect(47, 82, 53, 90, 3))
    body = diff(body, arch(45, 55, 100, 94))
    return Shape(body, lights=lights)


def house(rng: random.Random) -> Shape:
    body = poly([(14, 100), (14, 55), (50, 24), (86, 55), (86, 100)])
    body = union(body, rect(66, 26, 74, 46))
    if rng.random() < 0.5:
        body = union(body, poly([(30, 55), (30, 40), (40, 33), (46, 40), (46, 55)]))
    lights = union(rect(22, 62, 32, 74), rect(68, 62, 78, 74), rect(45, 44, 55, 52), rect(35, 40, 41, 46))
    door = rect(44, 78, 56, 100)
    lights = union(lights, rect(22, 80, 32, 90))
    return Shape(diff(body, door), lights=lights)


def cabin(rng: random.Random) -> Shape:
    body = poly([(10, 100), (10, 62), (4, 62), (50, 32), (96, 62), (90, 62), (90, 100)])
    body = union(body, rect(70, 30, 78, 50))
    lights = union(rect(20, 70, 34, 82), rect(64, 70, 78, 82))
    return Shape(diff(body, rect(44, 74, 56, 100)), lights=lights)


def lighthouse(rng: random.Random) -> Shape:
    body = poly([(36, 100), (42, 30), (58, 30), (64, 100)])
    body = union(body, rect(38, 26, 62, 30), limb(1.2, (38, 24), (62, 24)))
    body = union(body, rect(43, 12, 45, 24), rect(55, 12, 57, 24))
    body = union(body, poly([(40, 12.5), (50, 2), (60, 12.5)]), limb(1, (50, 2), (50, -2)))
    body = union(body, rect(30, 96, 70, 100))
    lights = rect(45, 13, 55, 23.5)
    body = diff(body, rect(47.5, 44, 52.5, 50, 2), rect(47.5, 66, 52.5, 72, 2))
    return Shape(body, lights=lights)


def church(rng: random.Random) -> Shape:
    nave = poly([(30, 100), (30, 58), (62, 38), (94, 58), (94, 100)])
    steeple = union(rect(12, 34, 34, 100), poly([(10, 35), (23, 0), (36, 35)]))
    cross = union(rect(22.3, -10, 23.7, 2), rect(19, -6.5, 27, -5))
    body = union(nave, steeple, cross)
    lights = union(arch(56, 68, 80, 66), arch(17, 29, 58, 48), arch(76, 84, 84, 72), arch(40, 48, 84, 72))
    return Shape(diff(body, arch(18, 28, 100, 86)), lights=lights)


def ruins(rng: random.Random) -> Shape:
    body = rect(4, 94, 96, 100)
    body = union(body, poly([(8, 100), (8, 40), (12, 34), (16, 42), (20, 36), (22, 100)]))
    wall = poly([(30, 100), (30, 30), (36, 22), (44, 26), (52, 18), (60, 30), (66, 26), (72, 36), (72, 100)])
    wall = diff(wall, arch(36, 48, 100, 64), arch(54, 66, 100, 64), arch(40, 46, 46, 38), arch(56, 62, 46, 38))
    body = union(body, wall)
    for x, top in ((80, 52), (90, 66)):
        body = union(body, rect(x - 3, top, x + 3, 100), rect(x - 4.5, top - 2, x + 4.5, top))
    body = union(body, rect(60, 90, 76, 94), poly([(74, 94), (86, 88), (88, 94)]))
    return Shape(body)


def temple(rng: random.Random) -> Shape:
    body = union(rect(6, 92, 94, 100), rect(10, 86, 90, 92), rect(12, 44, 88, 50), poly([(8, 44), (50, 22), (92, 44)]))
    for i in range(6):
        x = 16 + i * 13.6
        body = union(body, rect(x - 3, 50, x + 3, 86), rect(x - 4, 50, x + 4, 53))
    return Shape(diff(body, poly([(30, 40), (50, 30), (70, 40)])))


def pyramid(rng: random.Random) -> Shape:
    big = poly([(4, 100), (46, 40), (88, 100)])
    small = poly([(60, 100), (80, 70), (100, 100)])
    return Shape(union(big, small), details=[(poly([(46, 40), (56, 100)], close=False), 1.2)])


def bridge(rng: random.Random) -> Shape:
    deck = rect(0, 40, 100, 47)
    body = union(deck, rect(0, 47, 100, 100))
    for x0, x1 in ((4, 30), (37, 63), (70, 96)):
        body = diff(body, arch(x0, x1, 101, 64))
    body = union(body, crenellations(0, 100, 40, 1.6, 3))
    return Shape(body)


def door(rng: random.Random) -> Shape:
    frame = arch(20, 80, 100, 40)
    inner = arch(28, 72, 100, 44)
    body = diff(frame, inner)
    leaf = poly([(28, 100), (28, 40), (52, 34), (52, 96)])
    body = union(body, leaf, circle(47, 70, 2.4))
    lights = diff(inner, leaf)
    body = union(body, rect(12, 98, 88, 100))
    return Shape(body, lights=lights)


def window(rng: random.Random) -> Shape:
    frame = arch(18, 82, 100, 40)
    panes = []
    for x0, x1 in ((24, 48), (52, 76)):
        for y0, y1 in ((46, 70), (74, 94)):
            panes.append(rect(x0, y0, x1, y1))
    panes.append(diff(arch(24, 76, 42, 40), rect(0, 41, 100, 100), rect(49, 0, 51, 50)))
    lights = union(*panes)
    return Shape(diff(frame, lights), lights=lights)


def gate(rng: random.Random) -> Shape:
    body = union(rect(8, 30, 22, 100), rect(78, 30, 92, 100), rect(5, 24, 25, 30), rect(75, 24, 95, 30))
    body = union(body, circle(15, 20, 5), circle(85, 20, 5))
    archp = arch(22, 78, 100, 40)
    bars = []
    for i in range(7):
        x = 26 + i * 8
        bars.append(rect(x - 1, 14 if i == 3 else 30, x + 1, 100))
    ring = diff(archp, arch(26, 74, 100, 44))
    body = union(body, ring, *bars, rect(22, 70, 78, 73))
    return Shape(body)


def staircase(rng: random.Random) -> Shape:
    pts = [(0, 100)]
    for i in range(8):
        pts += [(i * 12, 100 - i * 11), ((i + 1) * 12, 100 - i * 11)]
    pts += [(96, 100)]
    return Shape(poly(pts))


def city_skyline(rng: random.Random) -> Shape:
    body = rect(0, 96, 160, 100)
    lights = []
    x = 0.0
    while x < 160:
        w = rng.uniform(8, 18)
        top = rng.uniform(30, 80)
        b = rect(x, top, x + w, 100)
        kind = rng.random()
        if kind < 0.15:
            b = union(b, poly([(x, top), (x + w / 2, top - w * 1.2), (x + w, top)]))
        elif kind < 0.3:
            b = union(
                b,
                rect(x + w * 0.35, top - 14, x + w * 0.65, top),
                limb(0.6, (x + w / 2, top - 14), (x + w / 2, top - 24)),
            )
        elif kind < 0.4:
            b = union(b, rect(x + w * 0.15, top - 6, x + w * 0.85, top))
        body = union(body, b)
        for wy in range(int(top) + 4, 94, 5):
            for wx in range(int(x) + 2, int(x + w) - 2, 3):
                if rng.random() < 0.32:
                    lights.append(rect(wx, wy, wx + 1.6, wy + 2.4))
        x += w + rng.uniform(-1, 1.5)
    lp = skiapath_concat(lights)
    return Shape(body, lights=lp)


def skiapath_concat(paths):
    import skia

    out = skia.Path()
    for p in paths:
        out.addPath(p)
    return out


def windmill(rng: random.Random) -> Shape:
    body = union(poly([(38, 100), (42, 45), (58, 45), (62, 100)]), poly([(38, 46), (50, 34), (62, 46)]))
    blades = []
    for ang in (20, 110, 200, 290):
        import math

        a = math.radians(ang)
        dx, dy = math.cos(a), math.sin(a)
        px, py = -dy, dx
        cx, cy = 50, 40
        blades.append(
            poly(
                [
                    (cx + px * 2, cy + py * 2),
                    (cx + dx * 40 + px * 2, cy + dy * 40 + py * 2),
                    (cx + dx * 40 + px * 9, cy + dy * 40 + py * 9),
                    (cx + dx * 12 + px * 9, cy + dy * 12 + py * 9),
                ]
            )
        )
    return Shape(union(body, *blades, circle(50, 40, 3.5)), lights=rect(47, 70, 53, 80, 2))


def space_station(rng: random.Random) -> Shape:
    ring = diff(circle(50, 50, 44), circle(50, 50, 36))
    spokes = union(rect(48, 8, 52, 92), rect(8, 48, 92, 52))
    hub = circle(50, 50, 12)
    panels = union(rect(-20, 44, 6, 56), rect(94, 44, 120, 56))
    lights = union(
        *[circle(50 + 40 * c, 50 + 40 * s, 1.6) for c, s in ((0.7, 0.7), (-0.7, 0.7), (0.7, -0.7), (-0.7, -0.7))],
        circle(50, 50, 5),
    )
    s = Shape(diff(union(ring, spokes, hub, panels), circle(50, 50, 5)), lights=lights)
    s.ground = False
    return s


def village(rng: random.Random) -> Shape:
    parts = []
    lights = []
    for x, w, h in ((4, 22, 30), (24, 26, 44), (48, 20, 28), (66, 30, 38)):
        top = 100 - h
        parts.append(poly([(x, 100), (x, top + w * 0.4), (x + w / 2, top), (x + w, top + w * 0.4), (x + w, 100)]))
        lights.append(rect(x + w * 0.3, 100 - h * 0.55, x + w * 0.5, 100 - h * 0.35))
    parts.append(union(rect(34, 20, 40, 60), poly([(32, 22), (37, 4), (42, 22)])))
    return Shape(union(*parts), lights=union(*lights))


def street_lamp(rng: random.Random) -> Shape:
    post = union(rect(48, 30, 52, 96), rect(42, 94, 58, 100, 1), rect(46, 60, 54, 64))
    head = union(
        poly([(40, 18), (60, 18), (56, 30), (44, 30)]), poly([(42, 18), (50, 8), (58, 18)]), rect(40, 29, 60, 32)
    )
    glass = poly([(43, 19), (57, 19), (54.5, 28.5), (45.5, 28.5)])
    return Shape(diff(union(post, head), glass), lights=glass)


BUILDERS = {
    "castle": castle,
    "tower": tower,
    "house": house,
    "cabin": cabin,
    "cottage": cabin,
    "lighthouse": lighthouse,
    "church": church,
    "chapel": church,
    "cathedral": church,
    "ruins": ruins,
    "temple": temple,
    "pyramid": pyramid,
    "bridge": bridge,
    "door": door,
    "window": window,
    "gate": gate,
    "staircase": staircase,
    "stairs": staircase,
    "city skyline": city_skyline,
    "city": city_skyline,
    "skyline": city_skyline,
    "skyscraper": city_skyline,
    "windmill": windmill,
    "village": village,
    "town": village,
    "street lamp": street_lamp,
    "lamp post": street_lamp,
    "streetlight": street_lamp,
    "space station": space_station,
    "station": space_station,
}
