"""Paper and plants: botanical arrangements and ornament frames."""

from __future__ import annotations

import dataclasses
import math

import skia

from . import effects as fx
from . import world as W
from .color import darken, lighten, luminance, mix, saturate
from .context import Art
from .motifs import builder_name, draw_shape, shape_for

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
    brush = 0.3 if variant in ("corners", "wreath") else 0.12

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

    # Everything below is decoration: it fades out of the text areas (the gradient stays).
    with fx.calm_layer(art, pad=0.02, feather=0.03):
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
                if art.rect_calm_overlap((x - sz / 3, y - sz / 3, sz / 1.5, sz / 1.5)) > 0.12:
                    continue
                sprig(x, y, sz, rng.uniform(0, 360), "leaf" if k % 4 else None, k)
        elif variant == "forest":
            horizon = art.h * 0.78
            for i in range(3):
                path, ys = W.ridge(art, horizon + art.h * 0.06 * i, art.h * 0.03, f"floor{i}", roughness=0.3, octaves=3)
                col = mix(darken(leaf_c, 0.2 + 0.25 * i), lighten(bg, 0.25), 0.45 - 0.2 * i)
                from .scenes_land import tree_row

                tree_row(
                    art,
                    ys,
                    col,
                    art.h * (0.3 - 0.06 * i),
                    name=f"bt{i}",
                    kind="pine" if i < 2 else "round",
                    spacing=0.45,
                )
                art.canvas.drawPath(path, fx.fill_paint(col))
            for k in range(int(5 * d) if art.allows("mushroom") else 0):
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
        if (
            floating_hero
            and (builder_name(hero.name) or "") not in FLORA
            and variant in ("corners", "leaves", "forest")
        ):
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
            if variant == "floral" and art.allows("rose"):
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
        from .scenes_land import landscape

        landscape(sub)
        art.canvas.restore()
        art.canvas.drawRect(skia.Rect.MakeXYWH(px, py, pw, ph), thin)
    elif hero is not None:
        # A new seed changes the motif's size and the small ornament around it (a medallion, a
        # diamond, three dots, or nothing), so variations of a framed cover are not twins.
        comp = art.rng("frame-comp")
        size = min(inner.width() * 0.42, (y1 - y0) * 0.7) * comp.uniform(0.78, 1.0)
        cx, cy = art.w / 2, (y0 + y1) / 2
        orn = skia.Paint(AntiAlias=True, Color=fx.argb(ink, 0.75), StrokeWidth=max(1.0, art.s * 2.2))
        orn.setStyle(skia.Paint.kStroke_Style)
        mount = comp.choice(("none", "medallion", "diamond", "dots"))
        if mount == "medallion" and size * 1.5 < (y1 - y0):
            art.canvas.drawCircle(cx, cy, size * 0.68, orn)
            orn.setStrokeWidth(max(1.0, art.s * 1.0))
            art.canvas.drawCircle(cx, cy, size * 0.74, orn)
        elif mount == "diamond" and size * 1.6 < (y1 - y0):
            d = size * 0.78
            path = skia.Path()
            path.moveTo(cx, cy - d)
            path.lineTo(cx + d, cy)
            path.lineTo(cx, cy + d)
            path.lineTo(cx - d, cy)
            path.close()
            art.canvas.drawPath(path, orn)
        elif mount == "dots" and not art.in_calm(cx, cy + size * 0.62, 0.04 * min(art.w, art.h)):
            dot = fx.fill_paint(ink, 0.8)
            for k in (-1, 0, 1):
                art.canvas.drawCircle(cx + k * size * 0.16, cy + size * 0.62, max(1.5, art.s * 4), dot)
            cy -= size * 0.06
        draw_shape(
            art.canvas,
            shape_for(hero.name, art.rng("shape-" + hero.name)),
            x=cx,
            y=cy,
            size=size,
            fill=ink,
            light=lighten(art.c("accent"), 0.2),
            detail=paper_c,
            anchor="center",
        )
    fx.grain(art, 0.03)
