"""Landscapes: sky, sun or moon, ridges hazier toward the horizon, forests, roads, a hero on a ridge."""

from __future__ import annotations

import math

import numpy as np
import skia

from . import effects as fx
from . import layers as Ly
from . import world as W
from .color import RGB, darken, lighten, mix
from .context import Art, MotifRef
from .motifs import shape_for


def horizon_line(art: Art, default: float) -> float:
    value = art.params.get("horizon", default)
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = default
    if art.square:
        v = 0.5 + (v - 0.5) * 0.8
    return art.h * max(0.3, min(0.88, v))


def celestial_spot(art: Art, hx: float, horizon: float, r: float, *, behind_hero: bool) -> tuple[float, float, float]:
    y0, y1 = art.free_band(0, horizon)
    room = (y1 - y0) / 2
    r = min(r, room * 0.8)
    rng = art.rng("celestial")
    if behind_hero:
        cx = hx + rng.uniform(-0.08, 0.08) * art.w
        cy = max(y0 + r * 1.1, min(horizon - r * 0.2, y0 + (y1 - y0) * 0.5))
    else:
        cx = art.w * (0.5 + rng.choice([-1, 1]) * rng.uniform(0.12, 0.22))
        cy = y0 + (y1 - y0) * rng.uniform(0.4, 0.6)
    return cx, cy, r


def tree_row(
    art: Art,
    ys: np.ndarray,
    color: RGB,
    height: float,
    *,
    name: str,
    kind: str = "pine",
    spacing: float = 0.6,
    skip: tuple[float, float] | None = None,
    only_x: float | None = None,
) -> None:
    """A row of tree silhouettes standing on a ridge (one path; trees overlap into a forest edge).
    With only_x, a single tree of exactly that height at that x."""
    rng = art.rng(name)
    path = skia.Path()
    x = -height * 0.3 if only_x is None else only_x
    while x < art.w + height * 0.3:
        h = height * rng.uniform(0.55, 1.15) if only_x is None else height
        if skip is None or not (skip[0] < x < skip[1]):
            base = W.y_at(ys, x, art.w) + h * 0.08
            if kind == "pine":
                half = h * 0.22
                pts = [(x, base - h)]
                tiers = 5
                for i in range(1, tiers + 1):
                    y = base - h + h * 0.88 * i / tiers
                    hw = half * (0.35 + 0.65 * i / tiers)
                    pts.append((x + hw, y))
                    if i < tiers:
                        pts.append((x + hw * 0.4, y - h * 0.015))
                pts += [(x + h * 0.02, base), (x - h * 0.02, base)]
                pts += [(2 * x - px, py) for px, py in reversed(pts[1:-2])]
                path.moveTo(*pts[0])
                for p in pts[1:]:
                    path.lineTo(*p)
                path.close()
            elif kind == "bush":
                r = h * 0.5
                path.addCircle(x, base - r * 0.55, r)
                path.addCircle(x + r * 0.8, base - r * 0.35, r * 0.7)
            else:
                r = h * 0.32
                path.addCircle(x, base - h + r, r)
                path.addCircle(x - r * 0.6, base - h + r * 1.6, r * 0.8)
                path.addCircle(x + r * 0.6, base - h + r * 1.5, r * 0.85)
                path.addRect(skia.Rect(x - h * 0.03, base - h * 0.5, x + h * 0.03, base))
        if only_x is not None:
            break
        x += h * spacing * rng.uniform(0.5, 1.0)
    art.canvas.drawPath(path, fx.fill_paint(color))


def _road(art: Art, horizon: float, vx: float, near: RGB, sky: RGB) -> None:
    bottom_w = art.w * 0.9
    road = skia.Path()
    road.moveTo(vx - art.w * 0.004, horizon)
    road.lineTo(vx + art.w * 0.004, horizon)
    road.lineTo(art.w / 2 + bottom_w / 2, art.h)
    road.lineTo(art.w / 2 - bottom_w / 2, art.h)
    road.close()
    surface = mix(near, sky, 0.35)
    art.canvas.drawPath(road, fx.linear(art, horizon, art.h, [(0, mix(surface, sky, 0.5), 1), (1, surface, 1)]))
    dash = skia.Path()
    t = 0.04
    while t < 1:
        t2 = t + 0.025 + t * 0.06
        y1, y2 = horizon + (art.h - horizon) * t, horizon + (art.h - horizon) * min(1, t2)
        x1 = vx + (art.w / 2 - vx) * t
        x2 = vx + (art.w / 2 - vx) * min(1, t2)
        w1, w2 = art.w * 0.004 * (0.3 + 3 * t), art.w * 0.004 * (0.3 + 3 * min(1, t2))
        dash.moveTo(x1 - w1, y1)
        dash.lineTo(x1 + w1, y1)
        dash.lineTo(x2 + w2, y2)
        dash.lineTo(x2 - w2, y2)
        dash.close()
        t = t2 + 0.02 + t * 0.08
    art.canvas.drawPath(dash, fx.fill_paint(lighten(art.c("glow"), 0.2), 0.7))


def _river(art: Art, top: float, vx: float, near: RGB, hole: skia.Rect | None) -> None:
    """A river winding from a far valley toward the viewer: narrow and bright with sky far away, wide
    and darker in front, swinging wider the nearer it comes (perspective)."""
    rng = art.rng("river")
    phase = rng.uniform(0, 2 * math.pi)
    left, right = [], []
    steps = 48
    for i in range(steps + 1):
        t = i / steps
        y = top + (art.h + 2 - top) * t
        cx = vx + (art.w * 0.5 - vx) * t + math.sin(t * 2.4 * math.pi + phase) * art.w * (0.02 + 0.16 * t)
        half = art.w * (0.003 + 0.24 * t**1.7)
        left.append((cx - half, y))
        right.append((cx + half, y))
    path = skia.Path()
    path.moveTo(*left[0])
    for pt in left[1:] + right[::-1]:
        path.lineTo(*pt)
    path.close()
    far = lighten(mix(art.c("horizon"), art.c("glow"), 0.35), 0.2)
    close = mix(mix(art.c("sky_bottom"), art.c("sky_top"), 0.4), near, 0.35)
    art.canvas.save()
    if hole is not None and hole.width() > 0:
        art.canvas.clipRect(hole, skia.ClipOp.kDifference, True)
    art.canvas.drawPath(path, fx.linear(art, top, art.h, [(0, far, 1), (0.45, mix(far, close, 0.6), 1), (1, close, 1)]))
    # Glints on the water, longer toward the viewer; none under the text.
    art.canvas.clipPath(path, doAntiAlias=True)
    glints = skia.Path()
    for _ in range(int(40 * W.density(art))):
        t = rng.random() ** 0.8
        i = min(steps, int(t * steps))
        (lx, y), (rx, _) = left[i], right[i]
        x = rng.uniform(lx, rx)
        ln = (rx - lx) * rng.uniform(0.1, 0.3)
        if not art.in_calm(x, y):
            glints.addRect(skia.Rect(x - ln / 2, y, x + ln / 2, y + max(1.0, art.h * 0.0015 * (0.5 + 2 * t))))
    art.canvas.drawPath(glints, fx.fill_paint(lighten(far, 0.4), 0.5))
    art.canvas.restore()


def _framing_pines(art: Art, color: RGB) -> None:
    """Tall dark pines at the left and right edges, in front of everything: depth, and a frame.

    Their tips stay below any text zone above them; their wide bases may run under the author line
    at the bottom corners, which the typesetter's contrast check covers.
    """
    rng = art.rng("framing")
    flat = np.full(161, float(art.h) * 1.02)
    for side in (0, 1):
        for k in range(1):
            offset = 0.03 + 0.08 * k + rng.uniform(-0.015, 0.015)
            x = art.w * (offset if side == 0 else 1 - offset)
            height = art.h * rng.uniform(0.5, 0.66) * (0.78 if k else 1.0)
            half = height * 0.12
            for zx, zy, zw, zh in art.calm:
                if zy + zh < art.h * 0.8 and zx < x + half and zx + zw > x - half:
                    height = min(height, art.h * 1.1 - (zy + zh) - art.h * 0.03)
            if height < art.h * 0.25:
                continue
            tree_row(art, flat, color, height, name=f"frame{side}{k}", spacing=99.0, only_x=x)


def _snow_caps(art: Art, ys: np.ndarray, color: RGB) -> None:
    """Snow on the upper part of a mountain ridge, with a ragged snow line following the slopes."""
    top = float(ys.min())
    span = float(ys.max()) - top
    if span < art.h * 0.05:
        return
    rng = art.rng("snowline")
    n = len(ys) - 1
    line_y = top + span * 0.32
    path = skia.Path()
    path.moveTo(0, -1)
    path.lineTo(art.w, -1)
    for i in range(n, -1, -1):
        jag = (rng.random() - 0.5) * span * 0.12
        path.lineTo(art.w * i / n, line_y + jag + (ys[i] - top) * 0.15)
    path.close()
    art.canvas.save()
    art.canvas.clipPath(W.path_from(art, ys), doAntiAlias=True)
    snow = lighten(color, 0.55)
    art.canvas.drawPath(path, fx.linear(art, top, line_y + span * 0.1, [(0, lighten(snow, 0.3), 0.95), (1, snow, 0.8)]))
    art.canvas.restore()


# How the ridges of a landscape are shaped: (amplitude as a share of the height, roughness, octaves).
MOUNTAIN_RIDGE = (0.2, 0.55, 6)  # the two farthest ridges of a mountain scene; amplitude -0.06 per step
HILL_RIDGE = (0.035, 0.35, 3)
PLAIN_RIDGE = (0.075, 0.45, 5)  # amplitude -0.012 per step toward the viewer


def landscape(art: Art) -> None:
    """Sky and light, 3-5 ridges hazier toward the horizon, the hero (a set piece on a ridge or an
    emblem in the sky), paths, secondaries, weather."""
    W.apply_tone(art)
    light = W.lighting(art)
    horizon = horizon_line(art, 0.64)
    hero = art.hero
    hero_kind = W.kind_of(hero.name) if hero else "none"
    variant = _landscape_variant(art)
    names = W.motif_names(art)
    hx = W.hero_x(art)
    standing = hero is not None and hero_kind == "silhouette" and _grounded(art, hero)
    if standing:
        est_ground = horizon + (art.h - horizon) * 0.25
        hx, _ = W.best_column(art, est_ground, min(art.w, art.h) * 0.55 * W.hero_weight_scale(hero), hx)
    W.paint_sky(art, horizon, light)
    haze = W.haze_color(art, light)
    W.paint_stars(art, horizon, light)
    _sky_pieces(art, horizon, light, hx, hero_kind)
    W.paint_clouds(art, horizon, light, 0.8)

    d = W.density(art)
    n = 3 if d < 0.8 else (4 if d < 1.3 else 5)
    mountains = variant == "mountains" or "mountains" in names or "canyon" in names
    hills = variant in ("fields", "plains") or "hills" in names
    layers = _ridges(art, horizon, hx, n, mountains=mountains, hills=hills)

    # The hero stands on the second-nearest ridge; "high" puts it on a far ridge, "low" on the nearest.
    mode = W.hero_mode(art)
    stand = max(0, n - 2) if mode not in ("high", "low") else (min(1, n - 1) if mode == "high" else n - 1)
    set_piece = hero if standing else None
    emblem = hero if hero_kind == "silhouette" and not standing else None  # a flier or an object: the sky
    if set_piece is None and variant in ("castle", "house", "village"):
        set_piece = MotifRef("castle" if variant == "castle" else "house", 0.7)
    if set_piece is not None:
        W.flatten(layers[stand][1], hx, art.w, art.w * 0.09)
    hero_rect, hero_size, ground_rows = _paint_land(
        art, layers, haze, hx, stand, set_piece, variant=variant, mountains=mountains
    )
    if variant == "road" or "road" in names:
        _road(art, layers[-1][1].min(), hx, W.layer_color(art, 0, haze), haze)
    elif "river" in names and art.allows("river"):
        # From a far valley on the side away from the hero, down to the front.
        vx = art.w * (0.3 if hx > art.w / 2 else 0.7)
        top = float(np.mean(layers[max(0, n - 3)][1]))
        _river(art, top, vx, W.layer_color(art, 0, haze), hero_rect)
    if variant == "forest" or "forest" in names:
        _framing_pines(art, darken(W.layer_color(art, 0.0, haze), 0.35))
    if emblem is not None:
        hero_rect = W.sky_emblem(art, emblem, hx, horizon, avoid=hero_rect)
        hero_size = hero_size or hero_rect.height()
    secondaries = [m for m in W.silhouette_motifs(art) if m is not set_piece and m is not emblem]
    band = art.free_band(0, horizon)
    W.place_secondaries(
        art,
        secondaries,
        hero_rect=hero_rect,
        ground=ground_rows[-2:] or ground_rows,
        sky_band=(band[0] + (band[1] - band[0]) * 0.2, band[0] + (band[1] - band[0]) * 0.6),
        hero_size=hero_size or art.h * 0.3,
        limit=2 if d < 1.2 else 3,
    )
    W.paint_weather(art, horizon, light)
    W.finish(art, grain=0.05, vignette=0.3 if light != "day" else 0.15)


def _grounded(art: Art, m: MotifRef) -> bool:
    return shape_for(m.name, art.rng("shape-" + m.name)).ground


def _landscape_variant(art: Art) -> str:
    """The template's variant, or (auto) the first one the book's motifs ask for."""
    variant = str(art.param("variant", "auto"))
    if variant != "auto":
        return variant
    names = W.motif_names(art)
    for v in ("castle", "forest", "mountains", "road", "village", "house", "fields"):
        if v in names or (v == "fields" and "field" in names):
            return v
    return variant


def _sky_pieces(art: Art, horizon: float, light: str, hx: float, hero_kind: str) -> None:
    """The sun or moon (behind a standing hero, or small in a corner when an emblem owns the sky),
    light rays, magic sparks and a planet asked for by the book."""
    hero = art.hero
    body = W.celestial_body(art, light)
    hero_is_sky = hero_kind == "sky"
    if body != "none":
        base_r = min(art.w, art.h) * (0.2 if hero_is_sky else (0.13 if body == "moon" else 0.07))
        floating = hero_kind == "silhouette" and not _grounded(art, hero)
        cx, cy, r = celestial_spot(
            art, hx, horizon, base_r, behind_hero=(hero_kind == "silhouette" and not floating) or hero_is_sky
        )
        if floating:
            # The emblem owns the centre of the sky: a moon or sun asked for by the text becomes a small
            # body in a corner of the free sky; one that only comes from the lighting is left out.
            if W.has(art, "moon", "sun", "crescent"):
                y0, _ = art.free_band(0, horizon)
                r = min(art.w, art.h) * 0.06
                cx = art.w * (0.2 if hx > art.w / 2 else 0.8)
                cy = y0 + r * 2.5
            else:
                body = "none"
        if body != "none":
            W.paint_celestial(art, body, cx, cy, r, light)
        if W.has(art, "light rays", "light_rays"):
            fx.rays(art, cx, cy, lighten(art.c("glow"), 0.2), count=16, alpha=0.3)
    elif W.has(art, "light rays", "light_rays"):
        fx.rays(art, art.w / 2, -art.h * 0.05, lighten(art.c("glow"), 0.2), count=10, spread=70, start=55, alpha=0.3)
    if W.has(art, "magic sparks", "magic_sparks"):
        fx.stars(
            art, (0, horizon * 0.3, art.w, horizon * 0.8), 90, lighten(art.c("accent"), 0.4), name="sparks", max_r=3.0
        )
    if hero_is_sky and hero.name.lower() in ("planet", "comet", "galaxy"):
        y0, y1 = art.free_band(0, horizon)
        r = min(art.w, art.h) * 0.17
        fx.planet(art, hx, (y0 + y1) / 2, min(r, (y1 - y0) * 0.4), art.c("accent"), art.c("glow"), rings=True)


def _ridges(art: Art, horizon: float, hx: float, n: int, *, mountains: bool, hills: bool) -> list:
    """n ridge lines from the horizon toward the viewer, as (depth, heights); depth 1 is farthest."""
    hero = art.hero
    layers = []
    for i in range(n):
        depth = 1 - i / (n - 1) if n > 1 else 0.5
        t = i / max(1, n - 1)
        base_y = horizon + (art.h - horizon) * (0.02 + 0.62 * t**1.4)
        if mountains and i < 2:
            amp, rough, octv = MOUNTAIN_RIDGE
            amp = art.h * (amp - 0.06 * i) * (0.85 if art.square else 1)
        elif hills:
            amp, rough, octv = HILL_RIDGE
            amp *= art.h
        else:
            amp, rough, octv = PLAIN_RIDGE
            amp = art.h * (amp - 0.012 * i)
        peak = hx / art.w if (mountains and hero and hero.name.lower().startswith("mountain") and i == 0) else None
        _, ys = W.ridge(art, base_y, amp, f"ridge{i}", roughness=rough, octaves=octv, peak=peak)
        layers.append((depth, ys))
    return layers


def _paint_land(art: Art, layers: list, haze: RGB, hx: float, stand: int, set_piece, *, variant: str,
                mountains: bool):  # fmt: skip
    """Fill the ridges far to near with snow, bushes, trees and fog, standing the set piece (and a
    village around it) on its ridge. Returns the hero's rect and size and the ridges secondaries
    may stand on."""
    names = W.motif_names(art)
    n = len(layers)
    hero_rect, hero_size, ground_rows = None, 0.0, []
    fog_on = art.params.get("weather") == "fog" or "fog" in names or "mist" in names
    for i, (depth, ys) in enumerate(layers):
        color = W.layer_color(art, depth, haze)
        W.fill_ridge(art, W.path_from(art, ys), ys, color, haze, fog=0.45 if fog_on else 0.25)
        if mountains and i < 2:
            _snow_caps(art, ys, color)
        if i == n - 1 and n > 2 and not (variant == "road" or "road" in names):
            # Bushes along the nearest ridge give the foreground a texture of its own.
            tree_row(art, ys, color, art.h * 0.03, name="bushes", kind="bush", spacing=1.1)
        if (variant == "forest" or "forest" in names) and 0 < i < n - 1:
            skip = (hx - art.w * 0.12, hx + art.w * 0.12) if i == stand and set_piece else None
            tree_row(art, ys, color, art.h * (0.05 + 0.035 * i), name=f"trees{i}", skip=skip)
        if i == stand and set_piece is not None:
            wanted = min(art.w, art.h) * (0.5 if art.square else 0.55) * W.hero_weight_scale(set_piece)
            if set_piece is not art.hero:
                wanted *= 0.6
            ground_y = W.y_at(ys, hx, art.w) + art.h * 0.004
            hero_size = W.fit_size(art, ground_y, wanted, hx)
            hero_rect = W.draw_silhouette(
                art, set_piece, hx, ground_y, hero_size, darken(color, 0.15), light=art.c("glow")
            )
            Ly.rim_from_body(art, set_piece, hx, ground_y, hero_size)
            if variant == "village":
                for off in (-0.22, 0.2, 0.3):
                    x = hx + off * art.w
                    gy = W.y_at(ys, x, art.w) + art.h * 0.004
                    W.draw_silhouette(art, MotifRef("house", 0.4), x, gy, hero_size * 0.45, darken(color, 0.1))
        if i >= 1:
            ground_rows.append((ys, color))
        if fog_on and 0 < i < n - 1:
            fx.fog(art, float(ys.min()) + art.h * 0.03, art.h * 0.08, haze, 0.45)
    return hero_rect, hero_size, ground_rows
