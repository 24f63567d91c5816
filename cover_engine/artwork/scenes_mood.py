"""Mood pieces: light rays through a sky, children's bright hills, horror's dark house."""

from __future__ import annotations

import skia

from . import effects as fx
from . import layers as Ly
from . import world as W
from .color import darken, lighten, luminance, mix, saturate
from .context import Art, MotifRef
from .motifs import builder_name, draw_shape, shape_for


def rays(art: Art) -> None:
    variant = str(art.param("variant", "dawn"))
    light = "night" if variant == "moonlight" else W.lighting(art)
    horizon = art.h * (0.78 if not art.square else 0.74)
    top, mid, bottom = W.sky_colors(art, light)
    # Light rays only read against a deeper sky: a pale day or dawn palette is deepened away from
    # the source (and tinted by the glow) so the beams show at thumbnail size.
    pale = luminance(mix(top, mid, 0.5)) > 0.3
    if luminance(top) > 0.35:
        top = darken(top, 0.3)
    if pale:
        top = darken(saturate(mix(top, art.c("accent"), 0.2), 1.3), 0.3)
        mid = darken(saturate(mix(mid, art.c("glow"), 0.3), 1.3), 0.18)
    fx.sky(art, top, mid, bottom, horizon)
    mode = W.hero_mode(art)
    y0, y1 = art.free_band(0, horizon)
    sy = horizon - art.h * 0.02 if mode != "high" else y0 + (y1 - y0) * 0.35
    # The source drifts from seed to seed (a new variation throws the light from another place).
    sx = art.w * (0.5 + art.rng("ray-source").uniform(-0.16, 0.16))
    glow_c = art.c("glow") if variant != "moonlight" else mix(art.c("glow"), (0.8, 0.88, 1.0), 0.6)
    W.paint_stars(art, horizon, light, 0.6)
    fx.glow(art, sx, sy, art.w * 0.9, glow_c, 0.4 if pale else 0.6)
    # Beams and clouds thin out behind the text (faded on their small offscreen surfaces: cheap).
    ray_c = lighten(glow_c, 0.45) if pale else lighten(glow_c, 0.25)
    count = int(18 * max(0.7, W.density(art)))
    fx.rays(art, sx, sy, ray_c, count=count, spread=360, alpha=0.62 if pale else 0.38, calm=0.65)
    fx.clouds(
        art,
        (0, horizon * 0.45, art.w, horizon * 0.5),
        lighten(glow_c, 0.2),
        density=0.3,
        alpha=0.5,
        name="ray-clouds",
        calm=0.65,
    )
    if variant == "moonlight":
        fx.moon(art, sx, sy, min(art.w, art.h) * 0.07, (0.95, 0.96, 1.0), glow_c)
    elif art.allows("sun"):
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
        # The text may sit on the horizon (a title low on the cover): the building shrinks under it
        # or stays out rather than standing behind the letters.
        while (
            size > min(art.w, art.h) * 0.1
            and art.rect_calm_overlap((art.w / 2 - size / 2, gy - size, size, size)) > 0.02
        ):
            size *= 0.8
        if art.rect_calm_overlap((art.w / 2 - size / 2, gy - size, size, size)) <= 0.02:
            W.draw_silhouette(art, hero, art.w / 2, gy, size, col, light=glow_c)
    W.finish(art, grain=0.04, vignette=0.15)


def horror(art: Art) -> None:
    variant = str(art.param("variant", "house"))
    horizon = art.h * (0.7 if not art.square else 0.66)
    top = darken(art.c("sky_top"), 0.55)
    mid = darken(mix(art.c("sky_bottom"), art.c("accent"), 0.25), 0.35)
    bottom = darken(mix(art.c("horizon"), art.c("accent"), 0.3), 0.2)
    fx.sky(art, top, mid, bottom, horizon)
    y0, y1 = art.free_band(0, horizon)
    # Each seed composes the scene anew: the house on a third or in the middle, bigger or smaller,
    # the moon on the open side (often behind the bare tree), a steeper or gentler hill.
    vr = art.rng("horror-layout")
    mode = W.hero_mode(art)
    if mode in ("left", "right"):
        hx = W.hero_x(art)
    else:
        hx = art.w * (vr.choice((0.34, 0.5, 0.66)) + vr.uniform(-0.04, 0.04))
    house_scale = vr.uniform(0.78, 1.08)
    hill_amp = vr.uniform(0.55, 1.45)
    open_side = (1 if hx < art.w / 2 else -1) if abs(hx - art.w / 2) > art.w * 0.05 else vr.choice((-1, 1))
    r = min(min(art.w, art.h) * vr.uniform(0.11, 0.17), (y1 - y0) * 0.35)
    # Clear of the house (its half width plus most of the disc), so the moon never peeks through it.
    house_half = min(art.w, art.h) * 0.48 * house_scale * W.hero_weight_scale(art.hero) * 0.5
    reach = max(art.w * 0.22, house_half + r * vr.uniform(0.7, 1.2))
    moon_x = min(art.w - r * 1.25, max(r * 1.25, hx + open_side * reach))
    moon_at = (moon_x, y0 + (y1 - y0) * vr.uniform(0.3, 0.5))
    if art.params.get("moon", True) is not False:
        fx.moon(art, moon_at[0], moon_at[1], r, (0.92, 0.9, 0.82), mix(art.c("glow"), (1, 1, 1), 0.3))
        art.layout.append(("body", skia.Rect(moon_at[0] - r, moon_at[1] - r, moon_at[0] + r, moon_at[1] + r)))
    fx.clouds(
        art,
        (0, y0, art.w, (horizon - y0) * 0.8),
        darken(top, 0.2),
        density=0.4 * W.density(art),
        alpha=0.75,
        name="hclouds",
    )
    black = darken(art.c("ground"), 0.7)
    path, ys = W.ridge(
        art, horizon + art.h * 0.05, art.h * 0.08 * hill_amp, "hill", roughness=0.3, octaves=3, peak=hx / art.w
    )
    W.flatten(ys, hx, art.w, art.w * 0.1)
    far_path, far_ys = W.ridge(art, horizon, art.h * 0.04, "hfar", roughness=0.4, octaves=4)
    art.canvas.drawPath(far_path, fx.fill_paint(mix(black, mid, 0.45)))
    fx.fog(art, horizon + art.h * 0.02, art.h * 0.08, mix(mid, (0.7, 0.7, 0.7), 0.3), 0.45)
    from .scenes_land import tree_row

    if variant == "woods":
        tree_row(art, far_ys, mix(black, mid, 0.3), art.h * 0.28, name="hw1", kind="pine", spacing=0.35)
    hero = art.hero
    gy = W.y_at(ys, hx, art.w) + 2
    red = saturate(mix(art.c("accent"), (0.8, 0.05, 0.05), 0.6), 1.2)
    set_piece = (
        hero
        if hero is not None and W.kind_of(hero.name) == "silhouette"
        else MotifRef("house" if variant != "tree" and art.allows("house") else "bare tree", 0.8)
    )
    floating = None
    if set_piece is hero and not shape_for(hero.name, art.rng("shape-" + hero.name)).ground:
        # A floating hero (a skull, a mask) hangs black against the moon; a bare tree holds the hill.
        floating = hero
        set_piece = MotifRef("bare tree", 0.8)
        hx = art.w * (0.22 if moon_at[0] > art.w / 2 else 0.78)
        gy = W.y_at(ys, hx, art.w) + 2
    if variant == "tree" and (builder_name(set_piece.name) or "") != "bare tree":
        bt = MotifRef("bare tree", 0.8)
        W.draw_silhouette(art, bt, art.w * 0.2, W.y_at(ys, art.w * 0.2, art.w) + 2, art.h * 0.45, black)
    size = W.fit_size(art, gy, min(art.w, art.h) * 0.48 * house_scale * W.hero_weight_scale(set_piece), hx)
    art.canvas.drawPath(W.path_from(art, ys), fx.fill_paint(black))
    W.draw_silhouette(art, set_piece, hx, gy, size, black, light=mix(art.c("glow"), red, 0.5))
    Ly.rim_from_body(art, set_piece, hx, gy, size, strength=0.6)
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
        # Deliberately centred on the moon, a halo behind it: the one designed overlap.
        art.layout.append(("hero", skia.Rect.MakeXYWH(moon_at[0] - r * 0.85, moon_at[1] - r * 0.85, r * 1.7, r * 1.7)))
    if variant != "tree" and floating is None:
        side = art.w * (0.5 + open_side * vr.uniform(0.3, 0.38))
        W.draw_silhouette(art, MotifRef("bare tree", 0.5), side, W.y_at(ys, side, art.w) + 4, size * 1.1, black)
    rng = art.rng("crows")
    for _k in range(int(5 * W.density(art)) if art.allows("bird") else 0):
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
