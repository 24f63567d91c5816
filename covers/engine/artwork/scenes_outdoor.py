"""Outdoor scenes: landscape, seascape, cityscape, space, rays, horror, kids."""

from __future__ import annotations

import numpy as np
import skia

from . import effects as fx
from . import world as W
from .color import RGB, darken, lighten, mix
from .context import Art, MotifRef
from .motifs import builder_name, draw_shape, shape_for


def _horizon(art: Art, default: float) -> float:
    value = art.params.get("horizon", default)
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = default
    if art.square:
        v = 0.5 + (v - 0.5) * 0.8
    return art.h * max(0.3, min(0.88, v))


def _celestial_spot(art: Art, hx: float, horizon: float, r: float, *, behind_hero: bool) -> tuple[float, float, float]:
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


# --- landscape ---------------------------------------------------------------------------------
def landscape(art: Art) -> None:
    W.apply_tone(art)
    light = W.lighting(art)
    horizon = _horizon(art, 0.64)
    hero = art.hero
    hero_kind = W.kind_of(hero.name) if hero else "none"
    variant = str(art.param("variant", "auto"))
    names = W.motif_names(art)
    if variant == "auto":
        for v in ("castle", "forest", "mountains", "road", "village", "house", "fields"):
            if v in names or (v == "fields" and "field" in names):
                variant = v
                break
    hx = W.hero_x(art)
    if hero is not None and hero_kind == "silhouette" and shape_for(hero.name, art.rng("shape-" + hero.name)).ground:
        est_ground = horizon + (art.h - horizon) * 0.25
        hx, _ = W.best_column(art, est_ground, min(art.w, art.h) * 0.55 * W.hero_weight_scale(hero), hx)
    W.paint_sky(art, horizon, light)
    haze = W.haze_color(art, light)
    W.paint_stars(art, horizon, light)
    body = W.celestial_body(art, light)
    hero_is_sky = hero_kind == "sky"
    if body != "none":
        base_r = min(art.w, art.h) * (0.2 if hero_is_sky else (0.13 if body == "moon" else 0.07))
        floating = hero_kind == "silhouette" and not shape_for(hero.name, art.rng("shape-" + hero.name)).ground
        cx, cy, r = _celestial_spot(
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
    W.paint_clouds(art, horizon, light, 0.8)

    d = W.density(art)
    n = 3 if d < 0.8 else (4 if d < 1.3 else 5)
    mountains = variant == "mountains" or "mountains" in names or "canyon" in names
    hills = variant in ("fields", "plains") or "hills" in names
    layers = []
    for i in range(n):
        depth = 1 - i / (n - 1) if n > 1 else 0.5
        t = i / max(1, n - 1)
        base_y = horizon + (art.h - horizon) * (0.02 + 0.62 * t**1.4)
        if mountains and i < 2:
            amp = art.h * (0.2 - 0.06 * i) * (0.85 if art.square else 1)
            rough, octv = 0.55, 6
        elif hills:
            amp = art.h * 0.035
            rough, octv = 0.35, 3
        else:
            amp = art.h * (0.075 - 0.012 * i)
            rough, octv = 0.45, 5
        path, ys = W.ridge(
            art,
            base_y,
            amp,
            f"ridge{i}",
            roughness=rough,
            octaves=octv,
            peak=(hx / art.w if (mountains and hero and hero.name.lower().startswith("mountain") and i == 0) else None),
        )
        layers.append((depth, ys))

    # The hero stands on the second-nearest ridge; "high" puts it on a far ridge, "low" on the nearest.
    mode = W.hero_mode(art)
    stand = max(0, n - 2) if mode not in ("high", "low") else (min(1, n - 1) if mode == "high" else n - 1)
    hero_rect = None
    hero_size = 0.0
    set_piece = None
    emblem = None
    if hero_kind == "silhouette" and shape_for(hero.name, art.rng("shape-" + hero.name)).ground:
        set_piece = hero
    elif hero_kind == "silhouette":
        emblem = hero  # a flying creature or an object: it takes the sky
    if set_piece is None and variant in ("castle", "house", "village"):
        set_piece = MotifRef("castle" if variant == "castle" else "house", 0.7)
    if set_piece is not None:
        W.flatten(layers[stand][1], hx, art.w, art.w * 0.09)
    ground_rows = []
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
            tree_row(
                art,
                ys,
                color,
                art.h * (0.05 + 0.035 * i),
                name=f"trees{i}",
                skip=(hx - art.w * 0.12, hx + art.w * 0.12) if i == stand and set_piece else None,
            )
        if i == stand and set_piece is not None:
            wanted = min(art.w, art.h) * (0.5 if art.square else 0.55) * W.hero_weight_scale(set_piece)
            if set_piece is not hero:
                wanted *= 0.6
            ground_y = W.y_at(ys, hx, art.w) + art.h * 0.004
            hero_size = W.fit_size(art, ground_y, wanted, hx)
            hero_rect = W.draw_silhouette(
                art, set_piece, hx, ground_y, hero_size, darken(color, 0.15), light=art.c("glow")
            )
            if variant == "village":
                for _k, off in enumerate((-0.22, 0.2, 0.3)):
                    x = hx + off * art.w
                    gy = W.y_at(ys, x, art.w) + art.h * 0.004
                    W.draw_silhouette(art, MotifRef("house", 0.4), x, gy, hero_size * 0.45, darken(color, 0.1))
        if i >= 1:
            ground_rows.append((ys, color))
        if fog_on and 0 < i < n - 1:
            fx.fog(art, float(ys.min()) + art.h * 0.03, art.h * 0.08, haze, 0.45)
    if variant == "road" or "road" in names:
        _road(art, layers[-1][1].min(), hx, W.layer_color(art, 0, haze), haze)
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


# --- seascape ----------------------------------------------------------------------------------
def seascape(art: Art) -> None:
    W.apply_tone(art)
    light = W.lighting(art)
    variant = str(art.param("variant", "calm"))
    if variant == "underwater":
        return _underwater(art)
    horizon = _horizon(art, 0.55)
    hero = art.hero
    hx = W.hero_x(art)
    top, mid, bottom = W.paint_sky(art, horizon, light)
    W.paint_stars(art, horizon, light)
    body = W.celestial_body(art, light)
    rng = art.rng("sea")
    cx = art.w * 0.5
    if body != "none":
        r = min(art.w, art.h) * (0.12 if body == "moon" else 0.08)
        y0, y1 = art.free_band(0, horizon)
        cx = art.w * (0.5 + rng.uniform(-0.15, 0.15)) if W.hero_mode(art) == "centre" else art.w - hx
        cy = max(y0 + r * 1.2, horizon - (horizon - y0) * rng.uniform(0.3, 0.5))
        W.paint_celestial(art, body, cx, cy, r, light)
    W.paint_clouds(art, horizon, light, 0.7)
    # The sea: brighter at the horizon, deep toward the viewer.
    sea_top = mix(bottom, art.c("far"), 0.45)
    sea_deep = mix(art.c("near"), art.c("ground"), 0.4)
    art.canvas.drawRect(
        skia.Rect(0, horizon, art.w, art.h),
        fx.linear(art, horizon, art.h, [(0, sea_top, 1), (0.35, mix(sea_top, sea_deep, 0.6), 1), (1, sea_deep, 1)]),
    )
    # Glitter column under the light source.
    glint = lighten(art.c("glow"), 0.3)
    strokes = skia.Path()
    count = int(90 * W.density(art))
    for _i in range(count):
        t = rng.random() ** 1.6
        y = horizon + (art.h - horizon) * t
        spread = art.w * (0.03 + 0.22 * t)
        x = cx + rng.gauss(0, 0.45) * spread
        ln = art.w * (0.01 + 0.05 * t) * rng.uniform(0.4, 1.2)
        th = max(1.0, art.h * 0.0018 * (0.4 + 2 * t))
        if art.in_calm(x, y):
            continue
        strokes.addRect(skia.Rect(x - ln / 2, y, x + ln / 2, y + th))
    if body != "none":
        art.canvas.drawPath(strokes, fx.fill_paint(glint, 0.55))
        fx.glow(art, cx, horizon, art.w * 0.25, art.c("glow"), 0.25)
    # Wave lines everywhere, wider apart toward the viewer.
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
    if variant == "harbour":
        art.canvas.save()
        art.canvas.clipRect(skia.Rect(0, 0, art.w, horizon + 1))
        _buildings(art, horizon + 1, mix(art.c("far"), bottom, 0.35), min_h=0.015, max_h=0.045, width=(0.02, 0.05),
                   name="harbour", windows=lighten(art.c("glow"), 0.1), lit=0.3, style="old-town")  # fmt: skip
        art.canvas.restore()
        for k in range(3):
            bx = art.w * (0.15 + 0.3 * k + rng.uniform(-0.05, 0.05))
            by = horizon + (art.h - horizon) * rng.uniform(0.08, 0.2)
            if not art.in_calm(bx, by):
                boat = shape_for("boat", art.rng(f"hb{k}"))
                size = art.w * rng.uniform(0.05, 0.08)
                draw_shape(art.canvas, boat, x=bx, y=by, size=size, fill=darken(sea_top, 0.45), anchor="bottom")
    if variant == "shore":
        _shore(art, horizon, sea_top)
    if art.params.get("weather") == "fog" or W.has(art, "fog", "mist"):
        fx.fog(art, horizon, art.h * 0.12, W.haze_color(art, light), 0.6)

    hero_rect = None
    hero_size = min(art.w, art.h) * 0.5
    silhouette = darken(mix(art.c("near"), art.c("ground"), 0.5), 0.2)
    hname = hero.name.lower() if hero else ""
    hkind = W.kind_of(hero.name) if hero else "sky"
    if hkind == "silhouette":
        shape = shape_for(hero.name, art.rng("shape-" + hero.name))
        floats_on_water = hname in ("ship", "boat", "sailboat", "whale", "island", "fish") or (
            shape.ground and variant == "ship"
        )
        if not shape.ground and not floats_on_water:
            hero_rect = W.sky_emblem(art, hero, hx, horizon)
            hero_size = hero_rect.height()
        elif floats_on_water:
            base = horizon + (art.h - horizon) * 0.22
            hero_size = W.fit_size(art, base, min(art.w, art.h) * 0.5 * W.hero_weight_scale(hero), hx)
            hero_rect = draw_shape(
                art.canvas, shape, x=hx, y=base, size=hero_size, fill=silhouette, light=art.c("glow"), anchor="bottom"
            )
            # Its reflection: the silhouette mirrored in the water, fading with depth.
            art.canvas.save()
            art.canvas.clipRect(skia.Rect(0, base, art.w, base + hero_rect.height() * 0.6))
            art.canvas.translate(0, 2 * base)
            art.canvas.scale(1, -1)
            mirrored = mix(silhouette, sea_top, 0.55)
            draw_shape(art.canvas, shape, x=hx, y=base, size=hero_size, fill=mirrored, anchor="bottom", alpha=0.5)
            art.canvas.restore()
        else:
            # A headland rising from the sea at the hero's side, the hero standing on it.
            side = -1 if hx < art.w / 2 else 1
            hx = art.w * (0.5 + side * 0.22)
            ground_y = horizon + (art.h - horizon) * 0.42
            rock = skia.Path()
            rock.moveTo(art.w / 2 + side * art.w * 0.02, art.h)
            edge = art.w / 2 + side * art.w * 0.06
            rock.cubicTo(edge, ground_y + art.h * 0.1, hx - side * art.w * 0.1, ground_y, hx, ground_y)
            rock.lineTo(art.w + side * art.w if side > 0 else -art.w * 0.1, ground_y + art.h * 0.02)
            rock.lineTo(art.w if side > 0 else 0, art.h)
            rock.close()
            art.canvas.drawPath(rock, fx.fill_paint(silhouette))
            hero_size = W.fit_size(art, ground_y, min(art.w, art.h) * 0.62 * W.hero_weight_scale(hero), hx)
            if hname == "lighthouse":
                top_y = ground_y - hero_size * 0.87
                start = 180 if side > 0 else -10
                fx.rays(
                    art,
                    hx,
                    top_y,
                    art.c("glow"),
                    count=2,
                    spread=30,
                    start=start - (20 if side > 0 else 0),
                    alpha=0.35,
                    name="beam",
                )
            hero_rect = draw_shape(
                art.canvas,
                shape,
                x=hx,
                y=ground_y + 2,
                size=hero_size,
                fill=silhouette,
                light=art.c("glow"),
                anchor="bottom",
            )
    secondaries = [m for m in W.silhouette_motifs(art) if m is not hero]
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


# --- cityscape ---------------------------------------------------------------------------------
def _buildings(
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
    horizon = _horizon(art, 0.7)
    hero = art.hero
    hx = W.hero_x(art)
    top, mid, bottom = W.paint_sky(art, horizon, light)
    W.paint_stars(art, horizon * 0.6, light, 0.5)
    body = W.celestial_body(art, light)
    if body != "none":
        cx, cy, r = _celestial_spot(art, hx, horizon * 0.8, min(art.w, art.h) * 0.1, behind_hero=False)
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
    _buildings(
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
    _buildings(
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
    _buildings(
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


# --- space -------------------------------------------------------------------------------------
def space(art: Art) -> None:
    W.apply_tone(art)
    variant = str(art.param("variant", "nebula"))
    top = darken(art.c("sky_top"), 0.55)
    bottom = darken(art.c("sky_bottom"), 0.45)
    art.canvas.drawPaint(fx.linear(art, 0, art.h, [(0, top, 1), (1, bottom, 1)]))
    rng = art.rng("space")
    if variant == "nebula" or W.lighting(art) == "nebula" or W.has(art, "nebula", "galaxy"):
        fx.nebula(art, (0, 0, art.w, art.h), [art.c("accent"), art.c("horizon"), art.c("sky_bottom")], alpha=0.85)
    fx.stars(art, (0, 0, art.w, art.h), int(420 * W.density(art) * art.w / 1600), lighten(art.c("glow"), 0.5))
    hero = art.hero
    y0, y1 = art.free_band()
    mode = W.hero_mode(art)
    hx = W.hero_x(art)
    big_r = art.w * (0.7 if not art.square else 0.55)
    hero_rect = None
    if variant in ("planet", "station") or (hero and hero.name.lower() in ("planet", "moon")):
        # A planet's limb filling the bottom (or the hero planet in the free band).
        if hero and hero.name.lower() == "planet":
            r = min(art.w * 0.34, (y1 - y0) * 0.45)
            fx.planet(art, hx, (y0 + y1) / 2, r, art.c("accent"), art.c("glow"), rings=rng.random() < 0.6)
            hero_rect = skia.Rect.MakeXYWH(hx - r, (y0 + y1) / 2 - r, 2 * r, 2 * r)
        else:
            cy = art.h + big_r * 0.55
            fx.planet(art, art.w * 0.5, cy, big_r, mix(art.c("far"), art.c("accent"), 0.4), art.c("glow"), name="limb")
        if variant == "station" and not (hero and (builder_name(hero.name) or "") == "space station"):
            # The station orbits above the limb, off to the side of the hero.
            sx = art.w * (0.25 if hx > art.w / 2 else 0.75)
            size = min(art.w * 0.3, (y1 - y0) * 0.35)
            draw_shape(art.canvas, shape_for("space station", art.rng("station")), x=sx, y=y1 - size * 0.7, size=size,
                       fill=lighten(art.c("far"), 0.25), light=art.c("glow"), anchor="center")  # fmt: skip
    if hero is not None and hero_rect is None:
        kind = W.kind_of(hero.name)
        if kind == "sky" and hero.name.lower() in ("moon", "sun"):
            r = min(art.w * 0.3, (y1 - y0) * 0.4)
            W.paint_celestial(art, hero.name.lower(), hx, (y0 + y1) / 2, r, "night")
        else:
            shape = shape_for(hero.name, art.rng("shape-" + hero.name))
            size = min(art.w * 0.62, (y1 - y0) * 0.75) * W.hero_weight_scale(hero)
            cy = (y0 + y1) / 2 + ((y1 - y0) * 0.15 if mode == "low" else 0)
            fill = skia.GradientShader.MakeLinear(
                [skia.Point(0, 0), skia.Point(100, 100)],
                [fx.argb(lighten(art.c("glow"), 0.4)), fx.argb(art.c("accent"))],
            )
            fx.glow(art, hx, cy, size * 0.8, art.c("glow"), 0.3)
            hero_rect = draw_shape(
                art.canvas,
                shape,
                x=hx,
                y=cy,
                size=size,
                fill=fill,
                light=lighten(art.c("glow"), 0.5),
                anchor="center",
                detail=darken(art.c("accent"), 0.4),
            )
    for k, m in enumerate(art.secondary[:3]):
        name = m.name.lower()
        for _attempt in range(5):
            x = art.w * rng.uniform(0.12, 0.88)
            y = rng.uniform(y0, y1)
            r = min(art.w, art.h) * rng.uniform(0.04, 0.08)
            box = skia.Rect.MakeXYWH(x - r, y - r, 2 * r, 2 * r)
            if art.rect_calm_overlap((x - r, y - r, 2 * r, 2 * r)) < 0.02 and (
                hero_rect is None or not box.intersects(hero_rect)
            ):
                if name in ("planet", "moon", "sun", "stars", "galaxy", "nebula"):
                    fx.planet(
                        art,
                        x,
                        y,
                        r,
                        mix(art.c("accent"), art.c("horizon"), rng.random()),
                        art.c("glow"),
                        name="p" + str(k),
                    )
                else:
                    draw_shape(
                        art.canvas,
                        shape_for(m.name, art.rng("s" + m.name)),
                        x=x,
                        y=y,
                        size=r * 2.4,
                        fill=lighten(art.c("far"), 0.2),
                        light=art.c("glow"),
                        anchor="center",
                    )
                break
    W.finish(art, grain=0.04, vignette=0.45)
