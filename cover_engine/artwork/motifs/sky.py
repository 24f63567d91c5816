"""Celestial bodies, weather and elements: moon, sun, stars, clouds, rain, fire, crystals, runes."""

from __future__ import annotations

import math
import random

import skia

from .geometry import (
    Shape,
    arc_path,
    circle,
    diff,
    limb,
    line,
    oval,
    poly,
    rect,
    rotated,
    smooth,
    star_points,
    stroke,
    union,
)


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
    return Shape(p, details=[(arc_path(50, 80, r), 2) for r in (32, 38)])


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


def light_rays(rng: random.Random) -> Shape:
    rays_ = [rotated(poly([(48.5, 50), (51.5, 50), (53, 2), (47, 2)]), a, 50, 50) for a in range(-80, 81, 20)]
    disc = diff(circle(50, 50, 16), rect(0, 50, 100, 100))
    ground = rect(6, 52, 94, 56, 2)
    s = Shape(union(*rays_, ground), lights=disc)
    s.ground = False
    return s


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
    "light rays": light_rays,
    "light_rays": light_rays,
    "rays": light_rays,
    "magic sparks": sparkle_burst,
    "sparks": sparkle_burst,
    "magic": sparkle_burst,
    "runes": runes,
    "rune": runes,
}
