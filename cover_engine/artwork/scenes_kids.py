"""Children's picture-book scene: a bright rounded world around one character with a face.

Layers, back to front: a saturated sky (stars at night), a friendly sun with a face or a glowing
moon on the side away from the hero, puffy clouds, three rounded hills with a row of round trees,
the hero standing on the middle hill (a storybook character when we draw that animal), its friends
beside it. Nothing stands under the type.
"""

from __future__ import annotations

import math

import numpy as np
import skia

from . import effects as fx
from . import world as W
from .characters import draw_character, draw_storybook_hero, species_for
from .color import RGB, darken, lighten, mix, saturate
from .context import Art, MotifRef
from .motifs import builder_name, draw_shape, shape_for
from .motifs.geometry import circle, limb, union

SUN = (1.0, 0.82, 0.25)
MOON = (1.0, 0.92, 0.6)
FRIENDS = [(1, 0.55, 0.3), (0.35, 0.6, 1), (1, 0.8, 0.2)]
LIGHTS = ("sun", "moon", "crescent", "eclipse")


def kids(art: Art) -> None:
    variant = str(art.param("variant", "hills"))
    night = variant == "night" or W.lighting(art) == "night"
    horizon = _horizon(art)
    top = _sky(art, horizon, night)
    y0, y1 = art.free_band(0, horizon)
    kr = art.rng("kids-layout")
    # The sun or moon shines on the side away from the hero; hills roll higher or lower per seed.
    hx = W.hero_x(art)
    sky_x = 0.2 if hx > art.w * 0.55 else (0.8 if hx < art.w * 0.45 else kr.choice((0.2, 0.8)))
    sky_x += kr.uniform(-0.06, 0.06)
    sky_y = art.h * kr.uniform(0.1, 0.2)
    hill_amp = kr.uniform(0.6, 1.6)
    _sun_or_moon(art, art.w * sky_x, sky_y, y0, night)
    _clouds(art, (1, 1, 1) if not night else lighten(top, 0.2), y0, y1, horizon)
    stand = _hills(art, horizon, hill_amp, night, trees=variant in ("adventure", "hills"))
    hero = art.hero or MotifRef("rabbit", 1)
    hx, gy, size = _hero(art, hero, hx, stand)
    _friends(art, hx, gy, size, stand, y0)
    fx.grain(art, 0.03)


def _horizon(art: Art) -> float:
    """Hills low on the cover; when the title sits low, the hills rise so the character stands just
    above it (a picture book never loses its character under the type)."""
    horizon = art.h * (0.7 if not art.square else 0.68)
    low = [zy for zx, zy, zw, zh in art.calm if zw > 0.35 * art.w and zy > art.h * 0.4]
    if low:
        horizon = max(art.h * 0.42, min(horizon, min(low) - art.h * 0.15))
    return horizon


def _sky(art: Art, horizon: float, night: bool) -> RGB:
    top = saturate(lighten(art.c("sky_top"), 0.0 if night else 0.25), 1.3)
    bottom = saturate(lighten(art.c("sky_bottom"), 0.0 if night else 0.35), 1.2)
    if night:
        top = mix(art.c("sky_top"), (0.04, 0.06, 0.2), 0.7)
        bottom = mix(art.c("sky_bottom"), (0.16, 0.2, 0.45), 0.6)
    art.canvas.drawPaint(fx.linear(art, 0, horizon, [(0, top, 1), (1, bottom, 1)]))
    if night:
        fx.stars(art, (0, 0, art.w, horizon), 160, (1, 0.95, 0.8), max_r=3.5)
    return top


def _sun_or_moon(art: Art, x: float, sky_y: float, y0: float, night: bool) -> None:
    """A sun with a face by day, a glowing moon by night; none when the hero is one of them."""
    if art.hero is not None and (builder_name(art.hero.name) or "") in LIGHTS:
        return
    r = min(art.w, art.h) * 0.09
    if art.params.get("sun") or (not night and not art.params.get("moon")):
        _friendly_sun(art, x, max(y0 + r * 1.9, sky_y), r)
    elif (art.params.get("moon") or night) and art.allows("moon"):
        cy = max(y0 + r * 1.5, sky_y)
        fx.glow(art, x, cy, r * 3, (1, 0.95, 0.7), 0.4)
        draw_shape(art.canvas, shape_for("moon", art.rng("kmoon")), x=x, y=cy, size=r * 2, fill=MOON, anchor="center")
        art.layout.append(("body", skia.Rect(x - r, cy - r, x + r, cy + r)))


def _friendly_sun(art: Art, cx: float, cy: float, r: float) -> None:
    for k in range(12):
        a = math.radians(k * 30)
        ray = limb(
            r * 0.18,
            (cx + math.cos(a) * r * 1.35, cy + math.sin(a) * r * 1.35),
            (cx + math.cos(a) * r * 1.75, cy + math.sin(a) * r * 1.75),
        )
        art.canvas.drawPath(ray, fx.fill_paint(SUN))
    art.canvas.drawCircle(cx, cy, r, fx.fill_paint(SUN))
    fx._record(art, "sun", cx - r, cy - r, 2 * r, 2 * r)  # journalled like the sky effects' sun
    art.layout.append(("body", skia.Rect(cx - r * 1.75, cy - r * 1.75, cx + r * 1.75, cy + r * 1.75)))
    face = darken(SUN, 0.55)
    art.canvas.drawCircle(cx - r * 0.3, cy - r * 0.12, r * 0.09, fx.fill_paint(face))
    art.canvas.drawCircle(cx + r * 0.3, cy - r * 0.12, r * 0.09, fx.fill_paint(face))
    smile = skia.Paint(AntiAlias=True, Color=fx.argb(face), StrokeWidth=r * 0.08)
    smile.setStyle(skia.Paint.kStroke_Style)
    smile.setStrokeCap(skia.Paint.kRound_Cap)
    art.canvas.drawArc(skia.Rect(cx - r * 0.4, cy - r * 0.25, cx + r * 0.4, cy + r * 0.45), 25, 130, False, smile)


def _cartoon_cloud(art: Art, x: float, y: float, r: float, c: RGB) -> None:
    p = union(
        circle(x - r, y, r * 0.75),
        circle(x, y - r * 0.35, r),
        circle(x + r, y, r * 0.7),
        circle(x, y + r * 0.2, r * 0.8),
    )
    art.canvas.drawPath(p, fx.fill_paint(c))


def _clouds(art: Art, c: RGB, y0: float, y1: float, horizon: float) -> None:
    rng = art.rng("kids")
    for _ in range(int(3 * W.density(art)) + 1):
        x, y = art.w * rng.uniform(0.1, 0.9), rng.uniform(y0 + (y1 - y0) * 0.1, horizon * 0.85)
        r = min(art.w, art.h) * rng.uniform(0.05, 0.08)
        box = (x - r * 2, y - r * 1.4, r * 4, r * 2.4)
        if art.rect_calm_overlap(box) < 0.1 and not any(
            skia.Rect.MakeXYWH(*box).intersects(b) for b in art.placed("body")
        ):
            _cartoon_cloud(art, x, y, r, c)


def _hills(art: Art, horizon: float, amp: float, night: bool, *, trees: bool) -> np.ndarray:
    """Three rounded hills, far to near; returns the middle one, levelled where the hero stands."""
    greens = [
        saturate(lighten(art.c("far"), 0.25), 1.5),
        saturate(lighten(art.c("mid"), 0.15), 1.5),
        saturate(art.c("near"), 1.4),
    ]
    if night:
        greens = [darken(g, 0.35) for g in greens]
    stand = None
    for i, g in enumerate(greens):
        _, ys = W.ridge(art, horizon + art.h * (0.03 + 0.1 * i), art.h * 0.05 * amp, f"khill{i}", roughness=0.2,
                        octaves=2)  # fmt: skip
        if i == 1:
            W.flatten(ys, W.hero_x(art), art.w, art.w * 0.1)
            stand = ys
        art.canvas.drawPath(W.path_from(art, ys), fx.fill_paint(g))
        if i == 0 and trees:
            from .scenes_land import tree_row

            tree_row(art, ys, darken(g, 0.15), art.h * 0.07, name="ktrees", kind="round", spacing=1.6)
    assert stand is not None
    return stand


def _hero_fill(hero: MotifRef, art: Art) -> RGB:
    kind = builder_name(hero.name) or ""
    if kind in ("moon", "crescent", "eclipse"):
        return (1.0, 0.9, 0.55)  # a friendly yellow moon, never a red one
    if kind == "sun":
        return SUN
    return saturate(art.c("accent"), 1.3)


def _hero(art: Art, hero: MotifRef, hx: float, stand: np.ndarray) -> tuple[float, float, float]:
    """The hero on the middle hill, as big as the type allows (a character gets more room); a
    floating hero takes the biggest free patch of sky. Returns its x, ground y and size."""
    shape = shape_for(hero.name, art.rng("shape-" + hero.name))
    character = species_for(hero.name) is not None
    grounded = shape.ground or character
    gy = W.y_at(stand, hx, art.w) + art.h * 0.01
    share = 0.72 if character else 0.42
    if any(W.kind_of(m.name) == "silhouette" and m.source.startswith("main elements") for m in art.secondary):
        # The book names a friend (the bear's owl): the hero leaves it room to stand beside it.
        share *= 0.78
    size = W.fit_size(art, gy, min(art.w, art.h) * share * W.hero_weight_scale(hero), hx)
    fill = _hero_fill(hero, art)
    if not grounded:
        fx_, fy_, fsize = W.free_spot(
            art, (art.w * 0.06, art.h * 0.04, art.w * 0.94, gy), size, art.placed("body"), prefer_x=hx
        )
        size = max(fsize, min(art.w, art.h) * 0.12)
        draw_storybook_hero(art, hero, x=fx_, y=fy_, size=size, fill=fill, anchor="center")
        return fx_, gy, size

    # Text set low (over the hills) would sit on the hero: try the thirds, then shrink, else skip.
    def crowded(x: float, sz: float) -> bool:
        return art.rect_calm_overlap((x - sz / 2, gy - sz, sz, sz)) > 0.03

    if crowded(hx, size):
        for cand in (art.w * 0.25, art.w * 0.75):
            if not crowded(cand, size):
                hx, gy = cand, W.y_at(stand, cand, art.w) + art.h * 0.01
                break
    while crowded(hx, size) and size > min(art.w, art.h) * 0.1:
        size *= 0.8
    if not crowded(hx, size):
        draw_storybook_hero(art, hero, x=hx, y=gy, size=size, fill=fill, anchor="bottom")
    return hx, gy, size


def _friends(art: Art, hx: float, gy: float, size: float, stand: np.ndarray, y0: float) -> None:
    """Up to three secondary motifs beside the hero in bright colours, never under the type."""
    silhouettes = [m for m in art.secondary if W.kind_of(m.name) == "silhouette"][:3]
    for k, m in enumerate(silhouettes):
        s2 = shape_for(m.name, art.rng("k" + m.name))
        side = -1 if k % 2 == 0 else 1
        # Beside the hero, clear of it (a big character needs more room than a small one).
        reach = max(art.w * 0.3, size * 0.45 + art.w * 0.12) + art.w * 0.06 * (k // 2)
        x = hx + side * reach
        if not art.w * 0.1 < x < art.w * 0.9:
            x = hx - side * reach  # no room on that side: the other one
        x = min(art.w * 0.92, max(art.w * 0.08, x))
        fill = FRIENDS[k % 3]
        sp = species_for(m.name)
        if s2.ground or sp is not None:
            # A named animal is a character with a face, like the hero (a bear's friend the owl).
            sz = size * (0.5 if sp is not None else 0.4)
            if sz < 0.1 * art.w:
                continue  # a speck, not a friend (a named one is set down by the named-subjects pass)
            taken = art.placed("hero") + art.placed("secondary") + art.placed("body")
            for gx in (x, min(art.w * 0.92, max(art.w * 0.08, 2 * hx - x))):  # this side, else the other
                y = W.y_at(stand, gx, art.w) + art.h * 0.01
                box = skia.Rect.MakeXYWH(gx - sz / 2, y - sz, sz, sz)
                clear = not any(box.intersects(o) for o in taken)
                if clear and art.rect_calm_overlap((box.left(), box.top(), sz, sz)) < 0.05:
                    art.layout.append(("secondary", box))
                    if sp is not None:
                        draw_character(art, sp, x=gx, y=y, size=sz, name=m.name)
                    else:
                        draw_shape(art.canvas, s2, x=gx, y=y, size=sz, fill=fill, light=(1, 1, 1),
                                   anchor="bottom", detail=darken(fill, 0.4), style="illustrated", tint=fill,
                                   tint_amount=0.2)  # fmt: skip
                    break
            continue
        # A flier keeps clear of the sun or moon and of the hero: lower in the sky if it must.
        sz = size * 0.35
        if sz < 0.1 * art.w:
            continue
        blockers = art.placed("body") + art.placed("hero") + art.placed("secondary")
        for f in (0.4, 0.6, 0.25, 0.75):
            y = y0 + (gy - y0) * f
            box = skia.Rect.MakeXYWH(x - sz / 2, y - sz / 2, sz, sz)
            if (
                not any(box.intersects(o) for o in blockers)
                and art.rect_calm_overlap((box.left(), box.top(), sz, sz)) < 0.05
            ):
                art.layout.append(("secondary", box))
                draw_shape(art.canvas, s2, x=x, y=y, size=sz, fill=fill, light=(1, 1, 1), anchor="center",
                           detail=darken(fill, 0.4), style="illustrated", tint=fill, tint_amount=0.2)  # fmt: skip
                break
