"""Cityscapes: skyline layers with lit windows, a wet street, a one-point-perspective lane."""

from __future__ import annotations

import skia

from . import effects as fx
from . import layers as Ly
from . import world as W
from .color import RGB, darken, lighten, mix
from .context import Art
from .motifs import draw_shape, shape_for
from .scenes_land import celestial_spot, horizon_line


def buildings(
    art: Art,
    base_y: float,
    color: RGB,
    *,
    min_h: float,
    max_h: float,
    width: tuple[float, float],
    name: str,
    windows: RGB | None,
    lit: float,
    style: str = "modern",
    skip=None,
) -> None:
    rng = art.rng(name)
    body = skia.Path()
    lights = skia.Path()
    x = -art.w * 0.02
    ww = max(2.0, art.w * 0.006)
    while x < art.w:
        bw = art.w * rng.uniform(*width)
        bh = art.h * rng.uniform(min_h, max_h)
        top = base_y - bh
        if skip and skip[0] < x + bw / 2 < skip[1]:
            bh *= 0.55
            top = base_y - bh
        body.addRect(skia.Rect(x, top, x + bw, art.h))
        kind = rng.random()
        if style == "old-town":
            body.moveTo(x - bw * 0.05, top)
            body.lineTo(x + bw / 2, top - bw * rng.uniform(0.4, 0.8))
            body.lineTo(x + bw * 1.05, top)
            body.close()
        elif style == "future":
            # Setbacks and a mast: slender towers, not pyramids.
            body.addRect(skia.Rect(x + bw * 0.15, top - bh * 0.1, x + bw * 0.85, top + 1))
            body.addRect(skia.Rect(x + bw * 0.3, top - bh * 0.18, x + bw * 0.7, top + 1))
            if kind < 0.5:
                body.addRect(skia.Rect(x + bw * 0.47, top - bh * 0.38, x + bw * 0.53, top))
        elif kind < 0.18:
            body.addRect(skia.Rect(x + bw * 0.3, top - bh * 0.12, x + bw * 0.7, top + 1))
            body.addRect(skia.Rect(x + bw * 0.48, top - bh * 0.25, x + bw * 0.52, top))
        elif kind < 0.3:
            body.moveTo(x, top + 1)
            body.lineTo(x + bw / 2, top - bw * (0.8 if style != "future" else 1.8))
            body.lineTo(x + bw, top + 1)
            body.close()
        if windows is not None:
            step_x = ww * 2.2
            step_y = ww * 2.6
            cols = max(1, int((bw - ww) / step_x))
            rows = int((bh - ww * 3) / step_y)
            density = lit * rng.uniform(0.4, 1.2)
            for r in range(rows):
                wy = top + ww * 2 + r * step_y
                if wy > art.h:
                    break
                for c in range(cols):
                    if rng.random() < density:
                        wx = x + ww * 0.8 + c * step_x
                        lights.addRect(skia.Rect(wx, wy, wx + ww, wy + ww * 1.3))
        x += bw * rng.uniform(0.92, 1.05)
    art.canvas.drawPath(body, fx.fill_paint(color))
    if windows is not None:
        art.canvas.drawPath(lights, fx.fill_paint(windows, 0.85))


def cityscape(art: Art) -> None:
    W.apply_tone(art)
    light = W.lighting(art)
    if light not in ("night", "dusk", "dawn", "day", "storm"):
        light = "night"
    variant = str(art.param("variant", "skyline"))
    horizon = horizon_line(art, 0.7)
    hero = art.hero
    hx = W.hero_x(art)
    top, mid, bottom = W.paint_sky(art, horizon, light)
    W.paint_stars(art, horizon * 0.6, light, 0.5)
    body = W.celestial_body(art, light)
    if body != "none":
        cx, cy, r = celestial_spot(art, hx, horizon * 0.8, min(art.w, art.h) * 0.1, behind_hero=False)
        W.paint_celestial(art, body, cx, cy, r, light)
    W.paint_clouds(art, horizon, light, 0.5)
    haze = W.haze_color(art, light)
    neon = bool(art.params.get("neon")) or variant == "future"
    win = lighten(art.c("glow"), 0.1) if not neon else lighten(art.c("accent"), 0.2)
    lit = {"night": 0.35, "dusk": 0.25, "dawn": 0.12, "day": 0.0, "storm": 0.2}[light] * W.density(art)
    tall = variant in ("towers", "future")
    style = "old-town" if variant in ("old-town", "lane") else ("future" if variant == "future" else "modern")
    h_scale = 1.6 if tall else 1.0
    sq = 0.8 if art.square else 1.0
    buildings(
        art,
        horizon,
        W.layer_color(art, 0.95, haze),
        min_h=0.08 * h_scale * sq,
        max_h=0.2 * h_scale * sq,
        width=(0.04, 0.08),
        name="far",
        windows=None,
        lit=0,
        style=style,
    )
    fx.fog(art, horizon, art.h * 0.05, haze, 0.5)
    if variant == "lane":
        _lane(art, horizon, haze, win, lit)
        street_y = horizon + art.h * 0.04
        ground = darken(art.c("ground"), 0.2)
        _city_hero(art, hero, hx, horizon, street_y, ground, top)
        W.paint_weather(art, horizon, light)
        W.finish(art, grain=0.06, vignette=0.45)
        return
    buildings(
        art,
        horizon + art.h * 0.015,
        W.layer_color(art, 0.6, haze),
        min_h=0.06 * h_scale * sq,
        max_h=0.17 * h_scale * sq,
        width=(0.06, 0.12),
        name="mid",
        windows=win,
        lit=lit * 0.6,
        style=style,
    )
    near_c = W.layer_color(art, 0.15, haze)
    skip = (hx - art.w * 0.15, hx + art.w * 0.15) if variant == "lane" else None
    buildings(
        art,
        horizon + art.h * 0.04,
        near_c,
        min_h=0.04 * h_scale * sq,
        max_h=0.13 * h_scale * sq,
        width=(0.1, 0.2),
        name="near",
        windows=win,
        lit=lit,
        style=style,
        skip=skip,
    )
    # The street: a foreground band, wet with reflections when it rains or at night.
    street_y = horizon + art.h * 0.04
    ground = darken(art.c("ground"), 0.2)
    art.canvas.drawRect(
        skia.Rect(0, street_y, art.w, art.h),
        fx.linear(art, street_y, art.h, [(0, mix(ground, haze, 0.3), 1), (1, ground, 1)]),
    )
    rng = art.rng("street")
    if light in ("night", "dusk", "storm") or art.params.get("weather") == "rain":
        refl = skia.Path()
        for _ in range(int(60 * W.density(art))):
            x = rng.random() * art.w
            y = street_y + (art.h - street_y) * rng.random() ** 1.5
            if art.in_calm(x, y):
                continue
            refl.addRect(skia.Rect(x, y, x + art.w * rng.uniform(0.002, 0.006), y + art.h * rng.uniform(0.01, 0.05)))
        art.canvas.drawPath(refl, fx.fill_paint(win, 0.22))
    if neon:
        line = skia.Paint(AntiAlias=True, Color=fx.argb(art.c("accent"), 0.9), StrokeWidth=max(2.0, art.s * 3))
        line.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, art.s * 4))
        art.canvas.drawLine(0, street_y, art.w, street_y, line)
    if variant == "lane" or W.has(art, "road", "street lamp", "street_lamp"):
        for _k, side in enumerate((-1, 1)):
            x = art.w * (0.5 + side * 0.36)
            pole_top = street_y - art.h * 0.16
            art.canvas.drawRect(
                skia.Rect(x - art.s * 3, pole_top, x + art.s * 3, art.h), fx.fill_paint(darken(ground, 0.3))
            )
            fx.glow(art, x, pole_top, art.w * 0.14, art.c("glow"), 0.55)
            art.canvas.drawCircle(x, pole_top, art.s * 9, fx.fill_paint(lighten(art.c("glow"), 0.5)))
    hero_rect, hero_size = _city_hero(art, hero, hx, horizon, street_y, ground, top)
    y0, y1 = art.free_band(0, horizon)
    W.place_secondaries(
        art,
        [m for m in W.silhouette_motifs(art) if m is not hero],
        hero_rect=hero_rect,
        ground=[],
        sky_band=(y0 + (y1 - y0) * 0.2, y0 + (y1 - y0) * 0.5),
        hero_size=hero_size,
        limit=2,
    )
    W.paint_weather(art, horizon, light)
    W.finish(art, grain=0.06, vignette=0.4)


def _city_hero(art: Art, hero, hx: float, horizon: float, street_y: float, ground: RGB, top: RGB):
    """The cityscape hero: a standing figure in the street with a pool of light, or an emblem in the sky."""
    hero_rect = None
    hero_size = art.h * 0.3
    if hero is not None and W.kind_of(hero.name) == "silhouette":
        shape = shape_for(hero.name, art.rng("shape-" + hero.name))
        mode = W.hero_mode(art)
        base = street_y + (art.h - street_y) * (0.55 if mode == "low" else 0.4)
        wanted = min(art.w, art.h) * (0.45 if shape.ground else 0.4) * W.hero_weight_scale(hero)
        hx, hero_size = W.best_column(art, base, wanted, hx)
        if shape.ground:
            fx.glow(art, hx, base - hero_size * 0.5, hero_size * 0.9, art.c("glow"), 0.25)
            hero_rect = draw_shape(
                art.canvas,
                shape,
                x=hx,
                y=base,
                size=hero_size,
                fill=darken(ground, 0.5),
                light=art.c("glow"),
                anchor="bottom",
            )
            # The city's glow behind the figure rims its shoulders and hat: it stands in the light.
            back = Ly.Light(hx + art.w * 0.12, horizon - art.h * 0.08, lighten(art.c("glow"), 0.1), 0.8)
            Ly.rim_light(
                art,
                Ly.placed_path(shape, hx, base, hero_size, "bottom", canvas=art.canvas),
                back,
                width=max(1.0, hero_size * 0.012),
            )
            shadow = skia.Rect(
                hx - hero_size * 0.3, base - hero_size * 0.01, hx + hero_size * 0.3, base + hero_size * 0.03
            )
            art.canvas.drawOval(shadow, fx.fill_paint(darken(ground, 0.6), 0.5))
        else:
            hero_rect = W.sky_emblem(art, hero, hx, horizon)
    return hero_rect, hero_size


def _lane(art: Art, horizon: float, haze: RGB, win: RGB, lit: float) -> None:
    """A street in one-point perspective: facades on both sides converging on the vanishing point,
    lit windows, lamps whose pools of light shrink with distance, a wet road down the middle."""
    rng = art.rng("lane")
    w, h = art.w, art.h
    vx, vy = w * 0.5, horizon
    ground = darken(art.c("ground"), 0.2)
    road = skia.Path()
    road.moveTo(vx - w * 0.02, vy)
    road.lineTo(vx + w * 0.02, vy)
    road.lineTo(w * 1.2, h)
    road.lineTo(-w * 0.2, h)
    road.close()
    art.canvas.drawRect(skia.Rect(0, vy, w, h), fx.fill_paint(ground))
    art.canvas.drawPath(road, fx.linear(art, vy, h, [(0, mix(ground, haze, 0.5), 1), (1, mix(ground, haze, 0.12), 1)]))

    def at(f: float, side: int) -> tuple[float, float]:
        edge = -w * 0.12 if side < 0 else w * 1.12
        return vx + (edge - vx) * f + side * w * 0.03 * (1 - f), vy + (h * 1.02 - vy) * f

    for side in (-1, 1):
        f = 1.0
        k = 0
        while f > 0.1:
            f1 = f * rng.uniform(0.62, 0.8)
            height = h * rng.uniform(0.32, 0.55) * (0.8 if art.square else 1.0)
            x0, b0 = at(f, side)
            x1, b1 = at(f1, side)
            t0, t1 = b0 - height * f, b1 - height * f1
            color = mix(W.layer_color(art, 0.1 + 0.05 * (k % 2), haze), haze, (1 - f) * 0.55)
            facade = skia.Path()
            facade.addPoly([skia.Point(x0, t0), skia.Point(x1, t1), skia.Point(x1, b1), skia.Point(x0, b0)], True)
            art.canvas.drawPath(facade, fx.fill_paint(color))
            # A gable or a cornice on top, in the same perspective.
            roof = skia.Path()
            peak = height * 0.18
            roof.addPoly([skia.Point(x0, t0), skia.Point((x0 + x1) / 2, (t0 + t1) / 2 - peak * (f + f1) / 2),
                          skia.Point(x1, t1)], True)  # fmt: skip
            if rng.random() < 0.6:
                art.canvas.drawPath(roof, fx.fill_paint(color))
            windows = skia.Path()
            cols = 3
            rows = 4
            for r in range(rows):
                for c in range(cols):
                    if rng.random() > lit * 1.6 + 0.15:
                        continue
                    fa = f + (f1 - f) * (c + 0.25) / cols
                    fb = f + (f1 - f) * (c + 0.65) / cols
                    xa, ba = at(fa, side)
                    xb, bb = at(fb, side)
                    ya = ba - height * fa * (0.25 + 0.18 * r)
                    yb = bb - height * fb * (0.25 + 0.18 * r)
                    hh = height * 0.08
                    windows.addPoly([skia.Point(xa, ya - hh * fa), skia.Point(xb, yb - hh * fb),
                                     skia.Point(xb, yb), skia.Point(xa, ya)], True)  # fmt: skip
            art.canvas.drawPath(windows, fx.fill_paint(win, 0.85))
            f = f1 * rng.uniform(0.96, 1.0)
            k += 1
        for f in (0.78, 0.45, 0.26):
            x, b = at(f, side)
            x -= side * w * 0.06 * f
            top = b - h * 0.22 * f
            art.canvas.drawRect(
                skia.Rect(x - art.s * 3 * f, top, x + art.s * 3 * f, b), fx.fill_paint(darken(ground, 0.4))
            )
            fx.glow(art, x, top, w * 0.2 * f, art.c("glow"), 0.55)
            art.canvas.drawCircle(x, top, art.s * 10 * f, fx.fill_paint(lighten(art.c("glow"), 0.5)))
            pool = fx.radial(x, b, w * 0.2 * f, [(0, art.c("glow"), 0.28), (1, art.c("glow"), 0.0)])
            art.canvas.drawOval(skia.Rect(x - w * 0.2 * f, b - h * 0.02 * f, x + w * 0.2 * f, b + h * 0.02 * f), pool)
