"""Space: nebulae, starfields, planets and stations, the hero glowing in the free band."""

from __future__ import annotations

import skia

from . import effects as fx
from . import world as W
from .color import darken, lighten, mix
from .context import Art
from .motifs import builder_name, draw_shape, shape_for


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
