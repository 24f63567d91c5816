"""Seascapes: sea with glitter and waves, ships with reflections, headlands, harbours, shores, underwater."""

from __future__ import annotations

import skia

from . import effects as fx
from . import world as W
from .color import RGB, darken, lighten, mix
from .context import Art, MotifRef
from .motifs import draw_shape, shape_for
from .scenes_city import buildings
from .scenes_land import horizon_line


def seascape(art: Art) -> None:
    """Sky and light, the sea with glitter under the light and waves, a harbour or a shore, the hero
    (an emblem in the sky, afloat with its reflection, or on a headland), a ship if promised."""
    W.apply_tone(art)
    light = W.lighting(art)
    variant = str(art.param("variant", "calm"))
    if variant == "underwater":
        return _underwater(art)
    horizon = horizon_line(art, 0.55)
    hx = W.hero_x(art)
    _, _, bottom = W.paint_sky(art, horizon, light)
    W.paint_stars(art, horizon, light)
    rng = art.rng("sea")  # one stream for the light, glitter, waves and boats, in that order
    body = W.celestial_body(art, light)
    cx = _sea_light(art, body, horizon, hx, light, rng)
    W.paint_clouds(art, horizon, light, 0.7)
    sea_top = _sea_surface(art, horizon, bottom, cx, lit=body != "none", rng=rng)
    if variant == "harbour":
        _harbour(art, horizon, bottom, sea_top, rng)
    if variant == "shore":
        _shore(art, horizon, sea_top)
    if art.params.get("weather") == "fog" or W.has(art, "fog", "mist"):
        fx.fog(art, horizon, art.h * 0.12, W.haze_color(art, light), 0.6)
    silhouette = darken(mix(art.c("near"), art.c("ground"), 0.5), 0.2)
    hero_rect, hero_size = _sea_hero(art, horizon, hx, variant, silhouette, sea_top)
    hname = art.hero.name.lower() if art.hero else ""
    if variant == "ship" and hname not in ("ship", "boat", "sailboat") and art.allows("ship"):
        hero_rect, hero_size = _promised_ship(art, horizon, hx, hero_rect, hero_size, silhouette, sea_top)
    secondaries = [m for m in W.silhouette_motifs(art) if m is not art.hero]
    y0, y1 = art.free_band(0, horizon)
    W.place_secondaries(
        art,
        secondaries,
        hero_rect=hero_rect,
        ground=[],
        sky_band=(y0 + (y1 - y0) * 0.2, y0 + (y1 - y0) * 0.7),
        hero_size=hero_size,
        limit=2,
    )
    W.paint_weather(art, horizon, light)
    W.finish(art, grain=0.05, vignette=0.3)


def _sea_light(art: Art, body: str, horizon: float, hx: float, light: str, rng) -> float:
    """The sun or moon over the sea, opposite a hero set to one side; returns its x."""
    cx = art.w * 0.5
    if body != "none":
        r = min(art.w, art.h) * (0.12 if body == "moon" else 0.08)
        y0, y1 = art.free_band(0, horizon)
        cx = art.w * (0.5 + rng.uniform(-0.15, 0.15)) if W.hero_mode(art) == "centre" else art.w - hx
        cy = max(y0 + r * 1.2, horizon - (horizon - y0) * rng.uniform(0.3, 0.5))
        W.paint_celestial(art, body, cx, cy, r, light)
    return cx


def _sea_surface(art: Art, horizon: float, bottom: RGB, cx: float, *, lit: bool, rng) -> RGB:
    """The sea, brighter at the horizon and deep toward the viewer, a glitter column under the light
    and wave lines wider apart toward the viewer. Returns the colour at the horizon."""
    sea_top = mix(bottom, art.c("far"), 0.45)
    sea_deep = mix(art.c("near"), art.c("ground"), 0.4)
    art.canvas.drawRect(
        skia.Rect(0, horizon, art.w, art.h),
        fx.linear(art, horizon, art.h, [(0, sea_top, 1), (0.35, mix(sea_top, sea_deep, 0.6), 1), (1, sea_deep, 1)]),
    )
    strokes = skia.Path()
    for _i in range(int(90 * W.density(art))):
        t = rng.random() ** 1.6
        y = horizon + (art.h - horizon) * t
        spread = art.w * (0.03 + 0.22 * t)
        x = cx + rng.gauss(0, 0.45) * spread
        ln = art.w * (0.01 + 0.05 * t) * rng.uniform(0.4, 1.2)
        th = max(1.0, art.h * 0.0018 * (0.4 + 2 * t))
        if art.in_calm(x, y):
            continue
        strokes.addRect(skia.Rect(x - ln / 2, y, x + ln / 2, y + th))
    if lit:
        art.canvas.drawPath(strokes, fx.fill_paint(lighten(art.c("glow"), 0.3), 0.55))
        fx.glow(art, cx, horizon, art.w * 0.25, art.c("glow"), 0.25)
    waves = skia.Path()
    for _i in range(int(140 * W.density(art))):
        t = rng.random() ** 1.3
        y = horizon + (art.h - horizon) * t
        x = rng.random() * art.w
        ln = art.w * (0.02 + 0.08 * t)
        th = max(0.8, art.h * 0.0012 * (0.5 + 2 * t))
        if art.in_calm(x, y):
            continue
        waves.addRect(skia.Rect(x, y, x + ln, y + th))
    art.canvas.drawPath(waves, fx.fill_paint(lighten(sea_top, 0.25), 0.25))
    art.canvas.drawRect(
        skia.Rect(0, horizon - 1, art.w, horizon + max(1.0, art.h * 0.0015)), fx.fill_paint(lighten(bottom, 0.3), 0.5)
    )
    return sea_top


def _harbour(art: Art, horizon: float, bottom: RGB, sea_top: RGB, rng) -> None:
    """An old town along the far shore, windows lit, and three boats at anchor."""
    art.canvas.save()
    art.canvas.clipRect(skia.Rect(0, 0, art.w, horizon + 1))
    buildings(art, horizon + 1, mix(art.c("far"), bottom, 0.35), min_h=0.015, max_h=0.045, width=(0.02, 0.05),
               name="harbour", windows=lighten(art.c("glow"), 0.1), lit=0.3, style="old-town")  # fmt: skip
    art.canvas.restore()
    for k in range(3):
        bx = art.w * (0.15 + 0.3 * k + rng.uniform(-0.05, 0.05))
        by = horizon + (art.h - horizon) * rng.uniform(0.08, 0.2)
        if not art.in_calm(bx, by) and art.allows("boat"):
            boat = shape_for("boat", art.rng(f"hb{k}"))
            size = art.w * rng.uniform(0.05, 0.08)
            draw_shape(art.canvas, boat, x=bx, y=by, size=size, fill=darken(sea_top, 0.45), anchor="bottom")


def _sea_hero(art: Art, horizon: float, hx: float, variant: str, silhouette: RGB, sea_top: RGB):
    """The hero: an emblem in the sky, afloat with its reflection, or standing on a headland (a
    lighthouse sweeps its beam). Returns its rect (None when there is no silhouette hero) and size."""
    hero = art.hero
    hero_rect, hero_size = None, min(art.w, art.h) * 0.5
    if hero is None or W.kind_of(hero.name) != "silhouette":
        return hero_rect, hero_size
    hname = hero.name.lower()
    shape = shape_for(hero.name, art.rng("shape-" + hero.name))
    floats_on_water = hname in ("ship", "boat", "sailboat", "whale", "island", "fish") or (
        shape.ground and variant == "ship"
    )
    if not shape.ground and not floats_on_water:
        hero_rect = W.sky_emblem(art, hero, hx, horizon)
        return hero_rect, hero_rect.height()
    if floats_on_water:
        base = horizon + (art.h - horizon) * 0.22
        hero_size = W.fit_size(art, base, min(art.w, art.h) * 0.5 * W.hero_weight_scale(hero), hx)
        return _afloat(art, shape, hx, base, hero_size, silhouette, sea_top), hero_size
    side = -1 if hx < art.w / 2 else 1
    hx = art.w * (0.5 + side * 0.22)
    ground_y = horizon + (art.h - horizon) * 0.42
    _headland(art, side, hx, ground_y, silhouette)
    hero_size = W.fit_size(art, ground_y, min(art.w, art.h) * 0.62 * W.hero_weight_scale(hero), hx)
    if hname == "lighthouse":
        start = 180 if side > 0 else -10
        fx.rays(art, hx, ground_y - hero_size * 0.87, art.c("glow"), count=2, spread=30,
                start=start - (20 if side > 0 else 0), alpha=0.35, name="beam")  # fmt: skip
    hero_rect = draw_shape(art.canvas, shape, x=hx, y=ground_y + 2, size=hero_size, fill=silhouette,
                           light=art.c("glow"), anchor="bottom")  # fmt: skip
    return hero_rect, hero_size


def _headland(art: Art, side: int, hx: float, ground_y: float, color: RGB) -> None:
    """A headland rising from the sea at the hero's side, flat where the hero stands."""
    rock = skia.Path()
    rock.moveTo(art.w / 2 + side * art.w * 0.02, art.h)
    edge = art.w / 2 + side * art.w * 0.06
    rock.cubicTo(edge, ground_y + art.h * 0.1, hx - side * art.w * 0.1, ground_y, hx, ground_y)
    rock.lineTo(art.w + side * art.w if side > 0 else -art.w * 0.1, ground_y + art.h * 0.02)
    rock.lineTo(art.w if side > 0 else 0, art.h)
    rock.close()
    art.canvas.drawPath(rock, fx.fill_paint(color))


def _promised_ship(art: Art, horizon: float, hx: float, hero_rect, hero_size: float, silhouette: RGB, sea_top: RGB):
    """The template promises a ship: when the hero is something else (a lighthouse, the moon), a
    ship sails beside it; with no silhouette hero it is the centre piece."""
    ship = shape_for("ship", art.rng("variant-ship"))
    if hero_rect is not None and hero_rect.width() > 0:
        # A smaller ship further out, on the open side of the hero.
        base = horizon + (art.h - horizon) * 0.1
        right = hero_rect.centerX() <= art.w / 2
        size = max(hero_size * 0.5, min(art.w, art.h) * 0.2)
        for _ in range(5):
            gap = art.w * 0.03 + size / 2
            x = hero_rect.right() + gap if right else hero_rect.left() - gap
            x = min(max(x, size / 2 + art.w * 0.04), art.w - size / 2 - art.w * 0.04)
            box = skia.Rect.MakeXYWH(x - size / 2, base - size, size, size)
            if not box.intersects(hero_rect) and art.rect_calm_overlap((box.left(), box.top(), size, size)) < 0.05:
                _afloat(art, ship, x, base, size, silhouette, sea_top)
                break
            size *= 0.8
        return hero_rect, hero_size
    base = horizon + (art.h - horizon) * 0.2
    size = W.fit_size(art, base, min(art.w, art.h) * 0.48, hx)
    if art.rect_calm_overlap((hx - size / 2, base - size, size, size)) < 0.05:
        return _afloat(art, ship, hx, base, size, silhouette, sea_top), size
    return hero_rect, hero_size


def _afloat(art: Art, shape, x: float, base: float, size: float, fill: RGB, sea: RGB) -> skia.Rect:
    """A silhouette on the water with its reflection mirrored below, fading with depth."""
    rect = draw_shape(art.canvas, shape, x=x, y=base, size=size, fill=fill, light=art.c("glow"), anchor="bottom")
    art.canvas.save()
    art.canvas.clipRect(skia.Rect(0, base, art.w, base + rect.height() * 0.6))
    art.canvas.translate(0, 2 * base)
    art.canvas.scale(1, -1)
    draw_shape(art.canvas, shape, x=x, y=base, size=size, fill=mix(fill, sea, 0.55), anchor="bottom", alpha=0.5)
    art.canvas.restore()
    return rect


def _underwater(art: Art) -> None:
    top, deep = lighten(art.c("sky_bottom"), 0.15), darken(art.c("ground"), 0.3)
    art.canvas.drawPaint(fx.linear(art, 0, art.h, [(0, top, 1), (0.5, mix(top, deep, 0.55), 1), (1, deep, 1)]))
    fx.rays(
        art,
        art.w * 0.5,
        -art.h * 0.15,
        lighten(art.c("glow"), 0.3),
        count=9,
        spread=50,
        start=65,
        alpha=0.3,
        name="sun-shafts",
    )
    rng = art.rng("bubbles")
    ring = skia.Paint(AntiAlias=True, Color=fx.argb((1, 1, 1), 0.35), StrokeWidth=max(1.0, art.s * 1.5))
    ring.setStyle(skia.Paint.kStroke_Style)
    for _ in range(int(40 * W.density(art))):
        x, y = rng.random() * art.w, rng.random() * art.h
        if not art.in_calm(x, y):
            art.canvas.drawCircle(x, y, rng.uniform(2, 9) * art.s, ring)
    hero = art.hero or MotifRef("whale", 1)
    y0, y1 = art.free_band()
    size = min(art.w * 0.8, (y1 - y0) * 0.7)
    sil = mix(art.c("near"), deep, 0.5)
    shape = shape_for(hero.name, art.rng("shape-" + hero.name))
    draw_shape(
        art.canvas, shape, x=W.hero_x(art), y=(y0 + y1) / 2, size=size, fill=sil, light=art.c("glow"), anchor="center"
    )
    for _k, m in enumerate([m for m in art.secondary if W.kind_of(m.name) == "silhouette"][:3]):
        draw_shape(
            art.canvas,
            shape_for(m.name, art.rng("s" + m.name)),
            x=art.w * (0.2 + 0.6 * rng.random()),
            y=y0 + (y1 - y0) * rng.uniform(0.1, 0.9),
            size=size * 0.2,
            fill=mix(sil, top, 0.4),
            anchor="center",
        )
    W.finish(art, grain=0.05, vignette=0.45)


def _shore(art: Art, horizon: float, sea: RGB) -> None:
    """A curved beach across the foreground with a line of surf along its edge."""
    y = horizon + (art.h - horizon) * 0.62
    sand = mix(art.c("ground"), art.c("horizon"), 0.45)
    path = skia.Path()
    path.moveTo(0, y + art.h * 0.04)
    path.cubicTo(art.w * 0.35, y - art.h * 0.02, art.w * 0.65, y + art.h * 0.05, art.w, y - art.h * 0.01)
    path.lineTo(art.w, art.h)
    path.lineTo(0, art.h)
    path.close()
    art.canvas.drawPath(path, fx.linear(art, y, art.h, [(0, sand, 1), (1, darken(sand, 0.35), 1)]))
    foam = skia.Paint(AntiAlias=True, Color=fx.argb(lighten(sea, 0.6), 0.75), StrokeWidth=max(1.5, art.h * 0.003))
    foam.setStyle(skia.Paint.kStroke_Style)
    foam.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, art.s * 2))
    edge = skia.Path()
    edge.moveTo(0, y + art.h * 0.04)
    edge.cubicTo(art.w * 0.35, y - art.h * 0.02, art.w * 0.65, y + art.h * 0.05, art.w, y - art.h * 0.01)
    art.canvas.drawPath(edge, foam)
