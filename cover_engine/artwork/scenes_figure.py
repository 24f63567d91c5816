"""People and movement: portrait silhouettes (double exposure, rim-lit bust) and motion."""

from __future__ import annotations

import skia

from . import effects as fx
from . import layers as Ly
from . import world as W
from .color import darken, lighten, luminance, mix
from .context import Art, MotifRef
from .motifs import builder_name, draw_shape, shape_for
from .motifs import figures as F
from .motifs.geometry import Shape, smooth, union


def _bust() -> Shape:
    head = smooth([(50, 4), (62, 8), (66, 22), (64, 36), (58, 46), (50, 48), (42, 46), (36, 36), (34, 22), (38, 8)])
    neck = smooth([(44, 42, 0), (56, 42, 0), (58, 56), (42, 56)])
    shoulders = smooth([(4, 100, 0), (8, 74), (24, 60), (42, 54), (58, 54), (76, 60), (92, 74), (96, 100, 0)])
    return Shape(union(head, neck, shoulders))


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
    from .scenes_land import tree_row

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
        key = None
    elif light == "studio" or variant == "shoulders":
        bg = mix(art.c("sky_top"), art.c("sky_bottom"), 0.5)
        art.canvas.drawPaint(fx.fill_paint(darken(bg, 0.25)))
        fx.glow(art, art.w * 0.5, art.h * 0.42, max(art.w, art.h) * 0.55, lighten(bg, 0.35), 0.95)
        horizon = art.h
        key = Ly.Light(art.w * 0.5, art.h * 0.42, lighten(bg, 0.45), 0.7)
    else:
        horizon = art.h * (0.74 if not art.square else 0.7)
        W.paint_sky(art, horizon, light)
        W.paint_stars(art, horizon, light, 0.6)
        body = W.celestial_body(art, light)
        y0, y1 = art.free_band(0, horizon)
        if body != "none":
            W.paint_celestial(art, body, art.w * 0.5, y0 + (y1 - y0) * 0.55, min(art.w, art.h) * 0.22, light)
        cx, cy = art.w * 0.5, y0 + (y1 - y0) * 0.55
        key = Ly.Light(cx, cy if body != "none" else horizon, lighten(art.c("glow"), 0.2), 0.85)
        W.paint_clouds(art, horizon, light, 0.6)
        # Depth behind the figure: a skyline or hills in haze, then the ground it stands on.
        Ly.far_plane(art, horizon - art.h * 0.015, light, kind="skyline" if art.setting == "city" else "hills")
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
        shape = F.hat_man(art.rng("hat"))
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
    bottom_size = min(art.w * 0.8, (art.h - y0) * 0.92)
    bottom_box = _placed(shape, x, art.h + 1, bottom_size).computeTightBounds() if variant == "profile" else None
    crowds_text = (
        bottom_box is not None
        and art.rect_calm_overlap((bottom_box.left(), bottom_box.top(), bottom_box.width(), bottom_box.height())) > 0.02
    )
    if variant == "profile" and (mode in ("high", "centre") or crowds_text):
        # A head floating in the free band between the text blocks, its neck fading into the dark.
        size = min(art.w * 0.8, (y1 - y0) * 0.98)
        base = y1 - (y1 - y0 - size) * (0.5 if mode != "high" else 1.0)
        head = _placed(shape, x, base, size).computeTightBounds()
        head.outset(2, 2)
        art.canvas.saveLayer(head, None)  # only the head's box: a full-canvas layer costs ~40 ms
        _double_exposure(art, shape, x, base, size)
        fade = skia.Paint(
            Shader=skia.GradientShader.MakeLinear(
                [skia.Point(0, base - size * 0.3), skia.Point(0, base)], [0x00000000, 0xFF000000]
            ),
            BlendMode=skia.BlendMode.kDstOut,
        )
        art.canvas.drawRect(skia.Rect(0, base - size * 0.3, art.w, art.h), fade)
        art.canvas.restore()
    elif variant == "profile":
        _double_exposure(art, shape, x, art.h + 1, bottom_size)
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
        Ly.draw_focal_shape(art, shape, x=x, y=base, size=size, fill=ink, light=key, anchor="bottom")
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


def motion(art: Art) -> None:
    variant = str(art.param("variant", "diagonal"))
    rng = art.rng("motion")
    base = art.c("sky_top")
    a, b = art.c("accent"), art.c("horizon")
    art.canvas.drawPaint(fx.linear(art, 0, art.h, [(0, base, 1), (1, mix(base, art.c("sky_bottom"), 0.5), 1)]))
    cx, cy = art.w / 2, art.h * 0.55
    y0, y1 = art.free_band()
    cy = (y0 + y1) / 2
    # A new seed moves the action: the burst's centre and spin, the streaks' angle, the hero's scale.
    comp = art.rng("motion-comp")
    cx += comp.uniform(-0.1, 0.1) * art.w
    scale = comp.uniform(0.82, 1.05)
    if variant == "burst":
        bx, by = cx + comp.uniform(-0.2, 0.2) * art.w, cy + comp.uniform(-0.15, 0.15) * (y1 - y0)
        fx.rays(art, bx, by, a, count=int(22 * max(0.7, W.density(art))), spread=360, alpha=0.55, name="burst",
                start=comp.uniform(0, 30), calm=0.5)  # fmt: skip
        fx.glow(art, cx, cy, min(art.w, art.h) * 0.5, art.c("glow"), 0.6)
    else:
        art.canvas.save()
        art.canvas.rotate(-24 + comp.uniform(-10, 10), cx, cy)
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
    size = min(art.w * 0.6, (y1 - y0) * 0.8) * scale
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
