"""More scenes: botanical, frame, rays, kids, horror, portrait, motion."""

from __future__ import annotations

import dataclasses
import math

import skia

from . import effects as fx
from . import world as W
from .color import RGB, darken, lighten, luminance, mix, saturate
from .context import Art, MotifRef
from .motifs import builder_name, draw_shape, shape_for
from .motifs import figures as F
from .motifs.geometry import Shape, circle, limb, smooth, union

FLORA = {
    "rose",
    "flower",
    "flowers",
    "tulip",
    "sunflower",
    "lotus",
    "cherry blossom",
    "leaf",
    "leaves",
    "branch",
    "vine",
    "wheat",
    "mushroom",
}


def _flora_names(art: Art) -> list[str]:
    names = [m.name for m in art.motifs if (builder_name(m.name) or "") in FLORA]
    return names or ["rose", "leaf", "flower"]


# --- botanical ---------------------------------------------------------------------------------
def botanical(art: Art) -> None:
    variant = str(art.param("variant", "corners"))
    light = W.lighting(art)
    paper = bool(art.params.get("paper"))
    if paper:
        fx.paper(art, art.c("paper"), 0.7)
        bg = art.c("paper")
    else:
        top, bottom = art.c("sky_top"), art.c("sky_bottom")
        if light == "day":
            top, bottom = lighten(top, 0.2), lighten(bottom, 0.25)
        art.canvas.drawPaint(fx.linear(art, 0, art.h, [(0, top, 1), (1, bottom, 1)]))
        bg = mix(top, bottom, 0.5)
    dark_bg = luminance(bg) < 0.3
    leaf_c = saturate(mix(art.c("mid"), art.c("near"), 0.3), 1.1)
    if not dark_bg:
        leaf_c = mix(leaf_c, art.c("dark_ink"), 0.15)
    flower_c = art.c("accent")
    rng = art.rng("botanical")
    flora = _flora_names(art)
    s = min(art.w, art.h)
    d = W.density(art)

    # Foliage may brush the text areas but never fill them; corner clusters frame the title, so they
    # may reach further in than a scatter of leaves.
    brush = 0.6 if variant in ("corners", "wreath") else 0.3

    def sprig(x, y, size, angle, name=None, k=0):
        if art.rect_calm_overlap((x - size * 0.3, y - size * 0.3, size * 0.6, size * 0.6)) > brush:
            return
        name = name or flora[k % len(flora)]
        shape = shape_for(name, art.rng(f"b{k}{name}"))
        col = flower_c if builder_name(name) not in ("leaf", "branch", "vine", "wheat") else leaf_c
        art.canvas.save()
        art.canvas.rotate(angle, x, y)
        draw_shape(
            art.canvas,
            shape,
            x=x,
            y=y,
            size=size,
            fill=col,
            light=lighten(art.c("glow"), 0.2),
            detail=mix(col, bg, 0.5),
            anchor="center",
        )
        art.canvas.restore()

    if variant in ("corners", "wreath"):
        # Lush clusters growing in from two (or four) corners: leaves behind, flowers in front.
        corners = [(0.0, 0.0), (1.0, 1.0)]
        if d > 1.2:
            corners += [(1.0, 0.0), (0.0, 1.0)]
        flowers = [n for n in flora if builder_name(n) not in ("leaf", "branch", "vine", "wheat")] or ["rose"]
        for ci, (fx_, fy_) in enumerate(corners):
            cx, cy = fx_ * art.w, fy_ * art.h
            inward = math.degrees(math.atan2((0.5 - fy_) * art.h, (0.5 - fx_) * art.w))
            items = int(12 * d) + 5
            for k in range(items):
                a = math.radians(inward + rng.uniform(-50, 50))
                dist = s * (0.05 + 0.5 * (k / items) ** 0.8) * rng.uniform(0.8, 1.15)
                x, y = cx + math.cos(a) * dist, cy + math.sin(a) * dist
                angle = math.degrees(a) + 90 + rng.uniform(-25, 25)
                sprig(x, y, s * rng.uniform(0.28, 0.42), angle, "leaf" if k % 2 else "branch", k + ci)
            for k in range(int(4 * d) + 2):
                a = math.radians(inward + rng.uniform(-40, 40))
                dist = s * rng.uniform(0.1, 0.36)
                x, y = cx + math.cos(a) * dist, cy + math.sin(a) * dist
                sprig(x, y, s * rng.uniform(0.2, 0.3), rng.uniform(-30, 30), flowers[k % len(flowers)], k + 10 * ci)
    elif variant == "leaves":
        for k in range(int(26 * d)):
            x, y = rng.random() * art.w, rng.random() * art.h
            sz = s * rng.uniform(0.15, 0.32)
            if art.rect_calm_overlap((x - sz / 3, y - sz / 3, sz / 1.5, sz / 1.5)) > 0.3:
                continue
            sprig(x, y, sz, rng.uniform(0, 360), "leaf" if k % 4 else None, k)
    elif variant == "forest":
        horizon = art.h * 0.78
        for i in range(3):
            path, ys = W.ridge(art, horizon + art.h * 0.06 * i, art.h * 0.03, f"floor{i}", roughness=0.3, octaves=3)
            col = mix(darken(leaf_c, 0.2 + 0.25 * i), lighten(bg, 0.25), 0.45 - 0.2 * i)
            from .scenes_outdoor import tree_row

            tree_row(
                art, ys, col, art.h * (0.3 - 0.06 * i), name=f"bt{i}", kind="pine" if i < 2 else "round", spacing=0.45
            )
            art.canvas.drawPath(path, fx.fill_paint(col))
        for k in range(int(5 * d)):
            x = art.w * rng.uniform(0.05, 0.95)
            draw_shape(
                art.canvas,
                shape_for("mushroom", art.rng(f"m{k}")),
                x=x,
                y=art.h * rng.uniform(0.9, 0.98),
                size=s * rng.uniform(0.05, 0.09),
                fill=flower_c,
                anchor="bottom",
            )
    else:  # single, sprig: one large plant in the free band
        y0, y1 = art.free_band()
        name = flora[0]
        size = min(art.w * 0.7, (y1 - y0) * 0.85)
        angle = -30 if variant == "sprig" else 0
        sprig(art.w / 2, (y0 + y1) / 2, size, angle, name, 0)
        if variant == "sprig" and len(flora) > 1:
            sprig(art.w * 0.3, (y0 + y1) / 2 + size * 0.2, size * 0.4, 30, flora[1], 1)
    hero = art.hero
    floating_hero = hero is not None and not shape_for(hero.name, art.rng("shape-" + hero.name)).ground
    if floating_hero and (builder_name(hero.name) or "") not in FLORA and variant in ("corners", "leaves", "forest"):
        y0, y1 = art.free_band()
        size = min(art.w * 0.36, (y1 - y0) * 0.6)
        draw_shape(
            art.canvas,
            shape_for(hero.name, art.rng("shape-" + hero.name)),
            x=art.w / 2,
            y=(y0 + y1) / 2,
            size=size,
            fill=art.c("dark_ink") if not dark_bg else lighten(art.c("glow"), 0.2),
            light=flower_c,
            anchor="center",
        )
    if art.params.get("glow") == "fireflies" or light == "dusk":
        for _ in range(int(40 * d)):
            x, y = rng.random() * art.w, art.h * rng.uniform(0.35, 1.0)
            if not art.in_calm(x, y):
                fx.glow(art, x, y, s * rng.uniform(0.01, 0.025), lighten(art.c("glow"), 0.3), 0.9)
    W.finish(art, grain=0.04, vignette=0.2 if dark_bg else 0.0)


# --- frame -------------------------------------------------------------------------------------
def _corner_flourish(art: Art, x: float, y: float, sx: int, sy: int, size: float, paint: skia.Paint) -> None:
    p = skia.Path()
    p.moveTo(x, y + sy * size)
    p.cubicTo(x, y + sy * size * 0.4, x + sx * size * 0.4, y, x + sx * size, y)
    p.moveTo(x + sx * size * 0.18, y + sy * size * 0.75)
    p.cubicTo(
        x + sx * size * 0.2,
        y + sy * size * 0.3,
        x + sx * size * 0.5,
        y + sy * size * 0.2,
        x + sx * size * 0.75,
        y + sy * size * 0.18,
    )
    art.canvas.drawPath(p, paint)
    art.canvas.drawCircle(
        x + sx * size * 0.28, y + sy * size * 0.28, size * 0.07, skia.Paint(AntiAlias=True, Color=paint.getColor())
    )


def frame(art: Art) -> None:
    variant = str(art.param("variant", "classic"))
    aged = art.params.get("paper") == "aged"
    paper_c = art.c("paper") if not aged else mix(art.c("paper"), (0.76, 0.62, 0.42), 0.35)
    if variant == "deco":
        paper_c = darken(art.c("sky_top"), 0.3)
        art.canvas.drawPaint(fx.fill_paint(paper_c))
        fx.grain(art, 0.05)
    else:
        fx.paper(art, paper_c, 1.2 if aged else 0.7)
    if aged:
        fx.vignette(art, 0.35, darken(paper_c, 0.5))
    ink = art.c("accent") if variant == "deco" else mix(art.c("dark_ink"), art.c("accent"), 0.35)
    m = min(art.w, art.h) * 0.065
    line = skia.Paint(AntiAlias=True, Color=fx.argb(ink, 0.9), StrokeWidth=max(1.5, art.s * 3.0))
    line.setStyle(skia.Paint.kStroke_Style)
    thin = skia.Paint(AntiAlias=True, Color=fx.argb(ink, 0.8), StrokeWidth=max(1.0, art.s * 1.2))
    thin.setStyle(skia.Paint.kStroke_Style)
    outer = skia.Rect(m, m, art.w - m, art.h - m)
    inner = skia.Rect(m * 1.35, m * 1.35, art.w - m * 1.35, art.h - m * 1.35)
    art.canvas.drawRect(outer, line)
    art.canvas.drawRect(inner, thin)
    if variant == "deco":
        # Stepped corners and a sunburst fan at the top.
        for sx, sy, x, y in (
            (1, 1, inner.left(), inner.top()),
            (-1, 1, inner.right(), inner.top()),
            (1, -1, inner.left(), inner.bottom()),
            (-1, -1, inner.right(), inner.bottom()),
        ):
            for k in range(3):
                o = m * (0.35 + 0.3 * k)
                art.canvas.drawLine(x + sx * o, y, x + sx * o, y + sy * o, thin)
                art.canvas.drawLine(x, y + sy * o, x + sx * o, y + sy * o, thin)
        cx, cy = art.w / 2, inner.bottom()
        for k in range(19):
            a = math.radians(180 + k * 10)
            r = min(art.w, art.h) * 0.32
            art.canvas.drawLine(cx, cy, cx + math.cos(a) * r, cy + math.sin(a) * r * 0.6, thin)
    else:
        size = m * 2.2
        for sx, sy, x, y in (
            (1, 1, inner.left(), inner.top()),
            (-1, 1, inner.right(), inner.top()),
            (1, -1, inner.left(), inner.bottom()),
            (-1, -1, inner.right(), inner.bottom()),
        ):
            if variant == "floral":
                shape = shape_for("rose", art.rng("corner-rose"))
                art.canvas.save()
                art.canvas.rotate(
                    45 * (1 if sx * sy > 0 else -1) + (180 if sy < 0 else 0), x + sx * size * 0.5, y + sy * size * 0.5
                )
                draw_shape(
                    art.canvas,
                    shape,
                    x=x + sx * size * 0.5,
                    y=y + sy * size * 0.5,
                    size=size * 1.2,
                    fill=ink,
                    detail=paper_c,
                    anchor="center",
                )
                art.canvas.restore()
            else:
                _corner_flourish(art, x + sx * m * 0.25, y + sy * m * 0.25, sx, sy, size, line)
    y0, y1 = art.free_band(inner.top(), inner.bottom())
    hero = art.hero
    if variant == "photo":
        pw = inner.width() * 0.72
        ph = min(pw * 0.8, (y1 - y0) * 0.85)
        px, py = art.w / 2 - pw / 2, (y0 + y1) / 2 - ph / 2
        art.canvas.drawRect(
            skia.Rect.MakeXYWH(px - m * 0.25, py - m * 0.25, pw + m * 0.5, ph + m * 0.5),
            fx.fill_paint(lighten(paper_c, 0.5)),
        )
        art.canvas.save()
        art.canvas.translate(px, py)
        art.canvas.clipRect(skia.Rect.MakeWH(pw, ph))
        sub = dataclasses.replace(
            art,
            w=int(pw),
            h=int(ph),
            calm=[],
            params={"horizon": 0.66, "density": "sparse", "tone": "sepia"},
            pal=dict(art.pal),
        )
        from .scenes_outdoor import landscape

        landscape(sub)
        art.canvas.restore()
        art.canvas.drawRect(skia.Rect.MakeXYWH(px, py, pw, ph), thin)
    elif hero is not None:
        size = min(inner.width() * 0.42, (y1 - y0) * 0.7)
        draw_shape(
            art.canvas,
            shape_for(hero.name, art.rng("shape-" + hero.name)),
            x=art.w / 2,
            y=(y0 + y1) / 2,
            size=size,
            fill=ink,
            light=lighten(art.c("accent"), 0.2),
            detail=paper_c,
            anchor="center",
        )
    fx.grain(art, 0.03)


# --- rays --------------------------------------------------------------------------------------
def rays(art: Art) -> None:
    variant = str(art.param("variant", "dawn"))
    light = "night" if variant == "moonlight" else W.lighting(art)
    horizon = art.h * (0.78 if not art.square else 0.74)
    top, mid, bottom = W.sky_colors(art, light)
    if luminance(top) > 0.35:
        top = darken(top, 0.3)
    fx.sky(art, top, mid, bottom, horizon)
    mode = W.hero_mode(art)
    y0, y1 = art.free_band(0, horizon)
    sy = horizon - art.h * 0.02 if mode != "high" else y0 + (y1 - y0) * 0.35
    sx = art.w / 2
    glow_c = art.c("glow") if variant != "moonlight" else mix(art.c("glow"), (0.8, 0.88, 1.0), 0.6)
    W.paint_stars(art, horizon, light, 0.6)
    fx.glow(art, sx, sy, art.w * 0.9, glow_c, 0.6)
    fx.rays(art, sx, sy, lighten(glow_c, 0.25), count=int(18 * max(0.7, W.density(art))), spread=360, alpha=0.38)
    fx.clouds(
        art, (0, horizon * 0.45, art.w, horizon * 0.5), lighten(glow_c, 0.2), density=0.3, alpha=0.5, name="ray-clouds"
    )
    if variant == "moonlight":
        fx.moon(art, sx, sy, min(art.w, art.h) * 0.07, (0.95, 0.96, 1.0), glow_c)
    else:
        art.canvas.drawCircle(sx, sy, min(art.w, art.h) * 0.05, fx.fill_paint(lighten(glow_c, 0.7)))
    haze = W.haze_color(art, light)
    path, ys = W.ridge(art, horizon + art.h * 0.03, art.h * 0.04, "ray-hill", roughness=0.35, octaves=3)
    W.flatten(ys, art.w * 0.5, art.w, art.w * 0.06)
    col = W.layer_color(art, 0.2, haze)
    art.canvas.drawPath(W.path_from(art, ys), fx.fill_paint(col))
    standing = [m for m in W.silhouette_motifs(art) if shape_for(m.name, art.rng("shape-" + m.name)).ground]
    hero = next(iter(standing), None)
    if hero is not None:
        gy = W.y_at(ys, art.w / 2, art.w) + 2
        size = W.fit_size(art, gy, min(art.w, art.h) * 0.3 * W.hero_weight_scale(hero))
        W.draw_silhouette(art, hero, art.w / 2, gy, size, col, light=glow_c)
    W.finish(art, grain=0.04, vignette=0.15)


# --- kids --------------------------------------------------------------------------------------
def _cartoon_cloud(art: Art, x: float, y: float, r: float, c: RGB) -> None:
    p = union(
        circle(x - r, y, r * 0.75),
        circle(x, y - r * 0.35, r),
        circle(x + r, y, r * 0.7),
        circle(x, y + r * 0.2, r * 0.8),
    )
    art.canvas.drawPath(p, fx.fill_paint(c))


def kids(art: Art) -> None:
    variant = str(art.param("variant", "hills"))
    night = variant == "night" or W.lighting(art) == "night"
    rng = art.rng("kids")
    top = saturate(lighten(art.c("sky_top"), 0.0 if night else 0.25), 1.3)
    bottom = saturate(lighten(art.c("sky_bottom"), 0.0 if night else 0.35), 1.2)
    if night:
        top = mix(art.c("sky_top"), (0.04, 0.06, 0.2), 0.7)
        bottom = mix(art.c("sky_bottom"), (0.16, 0.2, 0.45), 0.6)
    horizon = art.h * (0.7 if not art.square else 0.68)
    art.canvas.drawPaint(fx.linear(art, 0, horizon, [(0, top, 1), (1, bottom, 1)]))
    y0, y1 = art.free_band(0, horizon)
    if night:
        fx.stars(art, (0, 0, art.w, horizon), 160, (1, 0.95, 0.8), max_r=3.5)
    hero_is_light = art.hero is not None and (builder_name(art.hero.name) or "") in ("sun", "moon")
    if hero_is_light:
        pass  # the hero is the sun or the moon: no second one in the corner
    elif art.params.get("sun") or (not night and not art.params.get("moon")):
        r = min(art.w, art.h) * 0.09
        cx, cy = art.w * 0.8, max(y0 + r * 1.6, art.h * 0.12)
        sun_c = (1.0, 0.82, 0.25)
        for k in range(12):
            a = math.radians(k * 30)
            p = limb(
                r * 0.18,
                (cx + math.cos(a) * r * 1.35, cy + math.sin(a) * r * 1.35),
                (cx + math.cos(a) * r * 1.75, cy + math.sin(a) * r * 1.75),
            )
            art.canvas.drawPath(p, fx.fill_paint(sun_c))
        art.canvas.drawCircle(cx, cy, r, fx.fill_paint(sun_c))
        # A friendly face: two eyes and a smile.
        face = darken(sun_c, 0.55)
        art.canvas.drawCircle(cx - r * 0.3, cy - r * 0.12, r * 0.09, fx.fill_paint(face))
        art.canvas.drawCircle(cx + r * 0.3, cy - r * 0.12, r * 0.09, fx.fill_paint(face))
        smile = skia.Paint(AntiAlias=True, Color=fx.argb(face), StrokeWidth=r * 0.08)
        smile.setStyle(skia.Paint.kStroke_Style)
        smile.setStrokeCap(skia.Paint.kRound_Cap)
        art.canvas.drawArc(skia.Rect(cx - r * 0.4, cy - r * 0.25, cx + r * 0.4, cy + r * 0.45), 25, 130, False, smile)
    elif art.params.get("moon") or night:
        r = min(art.w, art.h) * 0.09
        cx, cy = art.w * 0.78, max(y0 + r * 1.5, art.h * 0.12)
        fx.glow(art, cx, cy, r * 3, (1, 0.95, 0.7), 0.4)
        shape = shape_for("moon", art.rng("kmoon"))
        draw_shape(art.canvas, shape, x=cx, y=cy, size=r * 2, fill=(1.0, 0.92, 0.6), anchor="center")
    cloud_c = (1, 1, 1) if not night else lighten(top, 0.2)
    for _ in range(int(3 * W.density(art)) + 1):
        x, y = art.w * rng.uniform(0.1, 0.9), rng.uniform(y0 + (y1 - y0) * 0.1, horizon * 0.85)
        r = min(art.w, art.h) * rng.uniform(0.05, 0.08)
        if art.rect_calm_overlap((x - r * 2, y - r, r * 4, r * 2)) < 0.1:
            _cartoon_cloud(art, x, y, r, cloud_c)
    greens = [
        saturate(lighten(art.c("far"), 0.25), 1.5),
        saturate(lighten(art.c("mid"), 0.15), 1.5),
        saturate(art.c("near"), 1.4),
    ]
    if night:
        greens = [darken(g, 0.35) for g in greens]
    stand = None
    for i, g in enumerate(greens):
        base = horizon + art.h * (0.03 + 0.1 * i)
        path, ys = W.ridge(art, base, art.h * 0.05, f"khill{i}", roughness=0.2, octaves=2)
        if i == 1:
            W.flatten(ys, W.hero_x(art), art.w, art.w * 0.1)
            stand = ys
        art.canvas.drawPath(W.path_from(art, ys), fx.fill_paint(g))
        if i == 0 and variant in ("adventure", "hills"):
            from .scenes_outdoor import tree_row

            tree_row(art, ys, darken(g, 0.15), art.h * 0.07, name="ktrees", kind="round", spacing=1.6)
    hero = art.hero or MotifRef("rabbit", 1)
    hx = W.hero_x(art)
    shape = shape_for(hero.name, art.rng("shape-" + hero.name))
    gy = W.y_at(stand, hx, art.w) + art.h * 0.01
    size = W.fit_size(art, gy, min(art.w, art.h) * 0.42 * W.hero_weight_scale(hero), hx)
    fill = saturate(art.c("accent"), 1.3)
    if shape.ground:
        draw_shape(
            art.canvas,
            shape,
            x=hx,
            y=gy,
            size=size,
            fill=fill,
            light=(1, 1, 1),
            detail=darken(fill, 0.4),
            anchor="bottom",
        )
    else:
        # A floating hero (a moon, a kite, a butterfly) takes the biggest free patch of sky.
        fx_, fy_, fsize = W.free_spot(art, (art.w * 0.06, art.h * 0.04, art.w * 0.94, gy), size)
        hx, size = fx_, max(fsize, min(art.w, art.h) * 0.12)
        draw_shape(
            art.canvas,
            shape,
            x=hx,
            y=fy_,
            size=size,
            fill=fill,
            light=(1, 1, 1),
            detail=darken(fill, 0.4),
            anchor="center",
        )
    for k, m in enumerate([m for m in art.secondary if W.kind_of(m.name) == "silhouette"][:3]):
        s2 = shape_for(m.name, art.rng("k" + m.name))
        side = -1 if k % 2 == 0 else 1
        x = hx + side * art.w * 0.3
        if s2.ground:
            draw_shape(
                art.canvas,
                s2,
                x=x,
                y=W.y_at(stand, x, art.w) + art.h * 0.01,
                size=size * 0.4,
                fill=[(1, 0.55, 0.3), (0.35, 0.6, 1), (1, 0.8, 0.2)][k % 3],
                light=(1, 1, 1),
                anchor="bottom",
            )
        else:
            draw_shape(
                art.canvas,
                s2,
                x=x,
                y=y0 + (gy - y0) * 0.4,
                size=size * 0.35,
                fill=[(1, 0.55, 0.3), (0.35, 0.6, 1), (1, 0.8, 0.2)][k % 3],
                light=(1, 1, 1),
                anchor="center",
            )
    fx.grain(art, 0.03)


# --- horror ------------------------------------------------------------------------------------
def horror(art: Art) -> None:
    variant = str(art.param("variant", "house"))
    horizon = art.h * (0.7 if not art.square else 0.66)
    top = darken(art.c("sky_top"), 0.55)
    mid = darken(mix(art.c("sky_bottom"), art.c("accent"), 0.25), 0.35)
    bottom = darken(mix(art.c("horizon"), art.c("accent"), 0.3), 0.2)
    fx.sky(art, top, mid, bottom, horizon)
    y0, y1 = art.free_band(0, horizon)
    hx = W.hero_x(art)
    r = min(min(art.w, art.h) * 0.16, (y1 - y0) * 0.35)
    moon_at = (hx + art.w * 0.05, y0 + (y1 - y0) * 0.42)
    if art.params.get("moon", True) is not False:
        fx.moon(art, moon_at[0], moon_at[1], r, (0.92, 0.9, 0.82), mix(art.c("glow"), (1, 1, 1), 0.3))
    fx.clouds(
        art,
        (0, y0, art.w, (horizon - y0) * 0.8),
        darken(top, 0.2),
        density=0.4 * W.density(art),
        alpha=0.75,
        name="hclouds",
    )
    black = darken(art.c("ground"), 0.7)
    path, ys = W.ridge(art, horizon + art.h * 0.05, art.h * 0.08, "hill", roughness=0.3, octaves=3, peak=hx / art.w)
    W.flatten(ys, hx, art.w, art.w * 0.1)
    far_path, far_ys = W.ridge(art, horizon, art.h * 0.04, "hfar", roughness=0.4, octaves=4)
    art.canvas.drawPath(far_path, fx.fill_paint(mix(black, mid, 0.45)))
    fx.fog(art, horizon + art.h * 0.02, art.h * 0.08, mix(mid, (0.7, 0.7, 0.7), 0.3), 0.45)
    from .scenes_outdoor import tree_row

    if variant == "woods":
        tree_row(art, far_ys, mix(black, mid, 0.3), art.h * 0.28, name="hw1", kind="pine", spacing=0.35)
    hero = art.hero
    gy = W.y_at(ys, hx, art.w) + 2
    red = saturate(mix(art.c("accent"), (0.8, 0.05, 0.05), 0.6), 1.2)
    set_piece = (
        hero
        if hero is not None and W.kind_of(hero.name) == "silhouette"
        else MotifRef("house" if variant != "tree" else "bare tree", 0.8)
    )
    floating = None
    if set_piece is hero and not shape_for(hero.name, art.rng("shape-" + hero.name)).ground:
        # A floating hero (a skull, a mask) hangs black against the moon; a bare tree holds the hill.
        floating = hero
        set_piece = MotifRef("bare tree", 0.8)
        hx = art.w * (0.22 if hx > art.w / 2 else 0.78)
        gy = W.y_at(ys, hx, art.w) + 2
    if variant == "tree" and (builder_name(set_piece.name) or "") != "bare tree":
        bt = MotifRef("bare tree", 0.8)
        W.draw_silhouette(art, bt, art.w * 0.2, W.y_at(ys, art.w * 0.2, art.w) + 2, art.h * 0.45, black)
    size = W.fit_size(art, gy, min(art.w, art.h) * 0.48 * W.hero_weight_scale(set_piece), hx)
    art.canvas.drawPath(W.path_from(art, ys), fx.fill_paint(black))
    W.draw_silhouette(art, set_piece, hx, gy, size, black, light=mix(art.c("glow"), red, 0.5))
    if floating is not None:
        fx.glow(art, moon_at[0], moon_at[1], r * 2.2, (0.95, 0.9, 0.8), 0.35)
        draw_shape(
            art.canvas,
            shape_for(floating.name, art.rng("shape-" + floating.name)),
            x=moon_at[0],
            y=moon_at[1],
            size=r * 1.7,
            fill=black,
            light=red,
            anchor="center",
        )
    if variant != "tree" and floating is None:
        side = art.w * (0.12 if hx > art.w / 2 else 0.88)
        W.draw_silhouette(art, MotifRef("bare tree", 0.5), side, W.y_at(ys, side, art.w) + 4, size * 1.1, black)
    rng = art.rng("crows")
    for _k in range(int(5 * W.density(art))):
        x, y = art.w * rng.uniform(0.1, 0.9), rng.uniform(y0, horizon * 0.9)
        sz = min(art.w, art.h) * rng.uniform(0.03, 0.06)
        if art.rect_calm_overlap((x - sz, y - sz, 2 * sz, 2 * sz)) == 0:
            draw_shape(art.canvas, shape_for("bird", rng), x=x, y=y, size=sz, fill=black, anchor="center")
    fx.fog(art, art.h * 0.93, art.h * 0.12, mix(mid, (0.6, 0.6, 0.6), 0.3), 0.3)
    W.finish(
        art,
        grain=0.04 + 0.05 * float(art.params.get("grain", 0.5) or 0.5),
        vignette=float(art.params.get("vignette", 0.75) or 0.75),
    )


# --- portrait ----------------------------------------------------------------------------------
def _bust() -> Shape:
    head = smooth([(50, 4), (62, 8), (66, 22), (64, 36), (58, 46), (50, 48), (42, 46), (36, 36), (34, 22), (38, 8)])
    neck = smooth([(44, 42, 0), (56, 42, 0), (58, 56), (42, 56)])
    shoulders = smooth([(4, 100, 0), (8, 74), (24, 60), (42, 54), (58, 54), (76, 60), (92, 74), (96, 100, 0)])
    return Shape(union(head, neck, shoulders))


def _hat_man() -> Shape:
    man = F._man()
    brim = smooth([(36, 5, 0), (64, 5, 0), (60, 3), (40, 3)])
    crown_ = smooth([(42, 4, 0), (43, -4), (50, -6), (57, -4), (58, 4, 0)])
    return Shape(union(man, brim, crown_))


def _placed(shape: Shape, x: float, y: float, size: float) -> skia.Path:
    """The shape's body in canvas pixels, placed as draw_shape places it (bottom-centre anchor)."""
    b = shape.bounds()
    k = size / max(b.width(), b.height())
    m = skia.Matrix.Concat(
        skia.Matrix.Translate(x - (b.left() + b.width() / 2) * k, y - b.bottom() * k), skia.Matrix.Scale(k, k)
    )
    path = skia.Path(shape.body)
    path.transform(m)
    return path


def _double_exposure(art: Art, shape: Shape, x: float, base: float, size: float) -> None:
    """A dark head whose inside is a bright misty landscape (the classic double-exposure cover)."""
    from .scenes_outdoor import tree_row

    clip = _placed(shape, x, base, size)
    rect = clip.computeTightBounds()
    art.canvas.drawPath(clip, fx.fill_paint(darken(art.c("ground"), 0.5)))
    art.canvas.save()
    art.canvas.clipPath(clip, doAntiAlias=True)
    top, bottom = rect.top(), rect.bottom()
    hh = rect.height()
    art.canvas.drawRect(
        rect,
        fx.linear(
            art,
            top,
            bottom,
            [(0, lighten(art.c("horizon"), 0.35), 1), (0.6, lighten(art.c("glow"), 0.2), 1), (1, art.c("horizon"), 1)],
        ),
    )
    path, ys = W.ridge(art, top + hh * 0.62, hh * 0.16, "dx-far", roughness=0.5, octaves=5)
    art.canvas.drawPath(path, fx.fill_paint(mix(art.c("far"), art.c("horizon"), 0.55)))
    path, ys = W.ridge(art, top + hh * 0.78, hh * 0.06, "dx-mid", roughness=0.4, octaves=4)
    far_c = mix(art.c("mid"), art.c("horizon"), 0.3)
    tree_row(art, ys, far_c, hh * 0.16, name="dx-trees", spacing=0.38)
    art.canvas.drawPath(path, fx.fill_paint(far_c))
    fx.fog(art, top + hh * 0.8, hh * 0.1, lighten(art.c("horizon"), 0.3), 0.6)
    path, ys = W.ridge(art, top + hh * 0.92, hh * 0.04, "dx-near", roughness=0.3, octaves=3)
    tree_row(art, ys, darken(art.c("near"), 0.2), hh * 0.22, name="dx-near-trees", spacing=0.5)
    art.canvas.drawPath(path, fx.fill_paint(darken(art.c("near"), 0.2)))
    art.canvas.restore()


def portrait(art: Art) -> None:
    variant = str(art.param("variant", "standing"))
    light = W.lighting(art)
    hero = art.hero
    ink = darken(art.c("ground"), 0.55)
    if variant == "profile":
        bg = darken(art.c("sky_top"), 0.35)
        art.canvas.drawPaint(fx.linear(art, 0, art.h, [(0, bg, 1), (1, darken(bg, 0.4), 1)]))
        horizon = art.h
    elif light == "studio" or variant == "shoulders":
        bg = mix(art.c("sky_top"), art.c("sky_bottom"), 0.5)
        art.canvas.drawPaint(fx.fill_paint(darken(bg, 0.25)))
        fx.glow(art, art.w * 0.5, art.h * 0.42, max(art.w, art.h) * 0.55, lighten(bg, 0.35), 0.95)
        horizon = art.h
    else:
        horizon = art.h * (0.74 if not art.square else 0.7)
        W.paint_sky(art, horizon, light)
        W.paint_stars(art, horizon, light, 0.6)
        body = W.celestial_body(art, light)
        y0, y1 = art.free_band(0, horizon)
        if body != "none":
            W.paint_celestial(art, body, art.w * 0.5, y0 + (y1 - y0) * 0.55, min(art.w, art.h) * 0.22, light)
        W.paint_clouds(art, horizon, light, 0.6)
        path, ys = W.ridge(art, horizon, art.h * 0.03, "p-ground", roughness=0.3, octaves=3)
        art.canvas.drawPath(path, fx.fill_paint(W.layer_color(art, 0.1, W.haze_color(art, light))))
    name = hero.name.lower() if hero else ""
    if variant == "couple" or name in ("couple", "lovers"):
        shape = F.couple(art.rng("couple"))
    elif variant == "running" or name in ("runner", "athlete"):
        shape = F.runner(art.rng("run"))
    elif variant == "shoulders":
        shape = _bust()
    elif variant == "hat":
        shape = _hat_man()
    elif variant == "profile":
        shape = F.profile(art.rng("profile"))
    elif hero is not None and W.kind_of(hero.name) == "silhouette":
        shape = shape_for(hero.name, art.rng("shape-" + hero.name))
    else:
        shape = F.figure(art.rng("fig"))
    y0, y1 = art.free_band()
    mode = W.hero_mode(art)
    hx = W.hero_x(art)
    x = hx if mode in ("left", "right") else art.w / 2
    if variant == "profile":
        size = min(art.w * 0.8, (art.h - y0) * 0.92)
        _double_exposure(art, shape, x, art.h + 1, size)
    elif variant == "shoulders":
        size = min(art.w * 0.86, (art.h - y0) * 0.9)
        rim = _placed(shape, x, art.h + 1, size)
        glow = skia.Paint(AntiAlias=True, Color=fx.argb(lighten(art.c("glow"), 0.3), 0.8), StrokeWidth=art.s * 10)
        glow.setStyle(skia.Paint.kStroke_Style)
        glow.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, art.s * 12))
        art.canvas.drawPath(rim, glow)
        art.canvas.drawPath(rim, fx.fill_paint(ink))
    else:
        base = horizon + (art.h - horizon) * (0.45 if mode == "low" else 0.3)
        x, size = W.best_column(art, base, min(art.w, art.h) * 0.62 * W.hero_weight_scale(hero), x)
        shadow = skia.Path()
        shadow.moveTo(x - size * 0.06, base)
        shadow.lineTo(x + size * 0.06, base)
        shadow.lineTo(x + size * 0.5, art.h)
        shadow.lineTo(x - size * 0.1, art.h)
        shadow.close()
        art.canvas.drawPath(shadow, fx.linear(art, base, art.h, [(0, ink, 0.55), (1, ink, 0.0)]))
        draw_shape(art.canvas, shape, x=x, y=base, size=size, fill=ink, light=art.c("glow"), anchor="bottom")
    for k, m in enumerate(art.secondary[:2]):
        if (builder_name(m.name) or "") not in W.FLYING:
            continue
        s2 = shape_for(m.name, art.rng("s" + m.name))
        bx = art.w * (0.2 if k == 0 else 0.8)
        by = y0 + (y1 - y0) * 0.25
        sz = min(art.w, art.h) * 0.08
        if art.rect_calm_overlap((bx - sz, by - sz, 2 * sz, 2 * sz)) == 0:
            draw_shape(art.canvas, s2, x=bx, y=by, size=sz, fill=ink, anchor="center", alpha=0.85)
    W.finish(art, grain=0.05, vignette=0.3)


# --- motion ------------------------------------------------------------------------------------
def motion(art: Art) -> None:
    variant = str(art.param("variant", "diagonal"))
    rng = art.rng("motion")
    base = art.c("sky_top")
    a, b = art.c("accent"), art.c("horizon")
    art.canvas.drawPaint(fx.linear(art, 0, art.h, [(0, base, 1), (1, mix(base, art.c("sky_bottom"), 0.5), 1)]))
    cx, cy = art.w / 2, art.h * 0.55
    y0, y1 = art.free_band()
    cy = (y0 + y1) / 2
    if variant == "burst":
        fx.rays(art, cx, cy, a, count=int(22 * max(0.7, W.density(art))), spread=360, alpha=0.55, name="burst")
        fx.glow(art, cx, cy, min(art.w, art.h) * 0.5, art.c("glow"), 0.6)
    else:
        art.canvas.save()
        art.canvas.rotate(-24, cx, cy)
        for k in range(int(14 * W.density(art)) + 4):
            y = cy + rng.uniform(-0.6, 0.6) * art.h
            x = rng.uniform(-0.4, 0.8) * art.w
            ln = art.w * rng.uniform(0.3, 1.1)
            th = art.h * (rng.uniform(0.003, 0.012) if variant == "streaks" else rng.uniform(0.02, 0.08))
            col = [a, b, art.c("glow")][k % 3]
            p = fx.linear(art, 0, 0, [(0, col, 0.0), (1, col, 0.9)], x0=x, x1=x + ln)
            art.canvas.drawRRect(skia.RRect.MakeRectXY(skia.Rect(x, y, x + ln, y + th), th / 2, th / 2), p)
        art.canvas.restore()
    hero = art.hero or MotifRef("runner", 1)
    shape = shape_for(hero.name, art.rng("shape-" + hero.name))
    size = min(art.w * 0.6, (y1 - y0) * 0.8)
    fill = art.c("light_ink") if luminance(base) < 0.45 else art.c("dark_ink")
    # Speed echoes behind the hero.
    for k in (3, 2, 1):
        draw_shape(
            art.canvas,
            shape,
            x=cx - size * 0.09 * k,
            y=cy,
            size=size,
            fill=a,
            anchor="center",
            alpha=0.18 * (4 - k) / 3,
        )
    draw_shape(art.canvas, shape, x=cx, y=cy, size=size, fill=fill, light=a, anchor="center")
    W.finish(art, grain=0.04, vignette=0.0)
