"""Graphic scenes: symbol, typographic, geometric, abstract, botanical, frame, portrait, motion."""

from __future__ import annotations

import math

import skia

from . import effects as fx
from . import world as W
from .characters import draw_storybook_hero
from .color import RGB, darken, lighten, luminance, mix
from .context import Art, MotifRef
from .motifs import builder_name, draw_shape, shape_for

GLOWS: dict[str, RGB | None] = {
    "gold": (0.86, 0.68, 0.3),
    "silver": (0.82, 0.86, 0.92),
    "red": (0.85, 0.1, 0.12),
    "fire": (1.0, 0.52, 0.16),
    "violet": (0.62, 0.36, 0.95),
    "white": (1.0, 1.0, 1.0),
}


def _glow_color(art: Art) -> RGB | None:
    g = str(art.params.get("glow", "soft"))
    if g == "none":
        return None
    return GLOWS.get(g, art.c("glow"))


def _metal(c: RGB) -> skia.Shader:
    return fx.metal_shader(c)


def _elongated(shape) -> bool:
    """Long thin objects (a dagger, a key, a feather, a branch) can cross behind a hero; round ones
    would only make a blot."""
    b = shape.bounds()
    return max(b.width(), b.height()) > 2.0 * max(1e-3, min(b.width(), b.height()))


def _hero_box(art: Art, scale: float = 0.62) -> tuple[float, float, float]:
    """Centre x, centre y and size for a central hero, inside the free band."""
    y0, y1 = art.free_band()
    mode = W.hero_mode(art)
    size = min(art.w * scale, (y1 - y0) * 0.82)
    cy = (y0 + y1) / 2
    if mode == "high":
        cy = y0 + size * 0.55
    elif mode == "low":
        cy = y1 - size * 0.55
    cx = W.hero_x(art) if mode in ("left", "right") else art.w / 2
    return cx, cy, size


def _draw_rotated(art: Art, shape, *, x, y, size, angle: float, **kw) -> skia.Rect:
    art.canvas.save()
    art.canvas.rotate(angle, x, y)
    r = draw_shape(art.canvas, shape, x=x, y=y, size=size, anchor="center", **kw)
    art.canvas.restore()
    return r


def _field(art: Art, kind: str) -> RGB:
    """Paint the background field; returns its dominant colour."""
    if kind == "paper":
        fx.paper(art, art.c("paper"), 0.8)
        return art.c("paper")
    if kind == "black":
        base = (0.035, 0.035, 0.045)
        lift = mix(base, art.c("accent"), 0.12)
    elif kind == "gradient":
        base = art.c("sky_top")
        lift = art.c("accent")
        art.canvas.drawPaint(
            fx.linear(art, 0, art.h, [(0, base, 1), (0.6, mix(base, lift, 0.5), 1), (1, lift, 1)], x0=0, x1=art.w * 0.3)
        )
        return mix(base, lift, 0.5)
    else:
        base = darken(art.c("sky_top"), 0.45)
        lift = art.c("sky_bottom")
    art.canvas.drawPaint(fx.linear(art, 0, art.h, [(0, base, 1), (1, mix(base, lift, 0.25), 1)]))
    return base


def _field_at(art: Art, kind: str, bg: RGB, y: float) -> RGB:
    """The field's colour at height y (the gradient field runs from the sky to the accent)."""
    if kind != "gradient":
        return bg
    t = max(0.0, min(1.0, y / art.h))
    base, lift = art.c("sky_top"), art.c("accent")
    return mix(base, lift, 0.5 * t / 0.6) if t < 0.6 else mix(mix(base, lift, 0.5), lift, (t - 0.6) / 0.4)


# Objects that stand or are worn upright: tilting them reads as a mistake, not as a pose.
UPRIGHT = {
    "crown", "heart", "hourglass", "lantern", "candle", "chess piece", "globe", "clock", "temple", "house",
    "church", "castle", "lighthouse", "tower", "door", "window", "gate", "skull", "mask", "lotus", "apple",
    "mushroom", "eye", "street lamp", "summit flag", "tree", "bare tree", "light rays", "sun", "rays",
}  # fmt: skip


def _backdrop(art: Art, kind: str, cx: float, cy: float, size: float, c: RGB, dark: bool) -> None:
    """The light behind a symbol, chosen per seed; kept out of the text areas."""
    tone = lighten(c, 0.35) if dark else darken(c, 0.15)
    with fx.calm_layer(art, strength=0.9, pad=0.02, feather=0.04):
        if kind == "rays":
            fx.rays(art, cx, cy, tone, count=16, spread=360, alpha=0.45 if dark else 0.3, name="symbol-rays")
        elif kind == "ring":
            p = skia.Paint(AntiAlias=True, Color=fx.argb(tone, 0.55), StrokeWidth=max(1.5, art.s * 3))
            p.setStyle(skia.Paint.kStroke_Style)
            art.canvas.drawCircle(cx, cy, size * 0.68, p)
            p.setColor(fx.argb(tone, 0.25))
            p.setStrokeWidth(max(1.0, art.s * 1.5))
            art.canvas.drawCircle(cx, cy, size * 0.78, p)
        elif kind == "spot":
            # A spotlight from above: a soft cone ending in a pool of light on the object.
            cone = skia.Path()
            cone.moveTo(cx - size * 0.12, 0)
            cone.lineTo(cx + size * 0.12, 0)
            cone.lineTo(cx + size * 0.75, cy + size * 0.5)
            cone.lineTo(cx - size * 0.75, cy + size * 0.5)
            cone.close()
            paint = fx.linear(
                art, 0, cy + size * 0.5, [(0, tone, 0.02), (0.8, tone, 0.22 if dark else 0.14), (1, tone, 0.0)]
            )
            paint.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, size * 0.06))
            art.canvas.drawPath(cone, paint)
        else:
            fx.glow(art, cx, cy, size * 1.7, tone, 0.3 if dark else 0.18)


def symbol(art: Art) -> None:
    field = str(art.param("field", "dark"))
    bg = _field(art, field)
    hero = art.hero or MotifRef("star", 1.0)
    cx, cy, size = _hero_box(art, 0.6)
    size *= W.hero_weight_scale(hero) / 1.1
    # A new seed recomposes the cover: the object's scale and place in the free band, its pose, and
    # the light behind it (a halo, rays, a ring or a spotlight) change; palette and object stay.
    comp = art.rng("symbol-comp")
    y0, y1 = art.free_band()
    scale = comp.uniform(0.82, 1.08)
    dx = comp.uniform(-0.09, 0.09) * art.w if W.hero_mode(art) in ("centre", "high", "low") else 0.0
    dy = comp.uniform(-0.35, 0.35) * max(0.0, (y1 - y0) - size * scale)
    pad = 0.05 * min(art.w, art.h)  # breathing room between the object and the type
    for _ in range(4):
        side = size * scale + 2 * pad
        box = (cx + dx - side / 2, cy + dy - side / 2, side, side)
        if art.rect_calm_overlap(box) <= 0.02:
            break
        dx, dy, scale = dx * 0.5, dy * 0.5, scale * 0.94
    cx, cy, size = cx + dx, cy + dy, size * scale
    backdrop = comp.choice(("halo", "rays", "ring", "spot"))
    glow_c = _glow_color(art)
    dark_field = luminance(bg) < 0.25
    if dark_field and field != "gradient":
        fx.clouds(
            art,
            (0, cy - size, art.w, size * 2),
            mix(bg, art.c("accent"), 0.25),
            density=comp.uniform(0.2, 0.5) * W.density(art),
            alpha=0.5,
            name="smoke",
            stretch=1.2,
        )
    _backdrop(art, backdrop, cx, cy, size, glow_c or art.c("accent"), dark_field)
    if glow_c is not None:
        fx.glow(art, cx, cy, size * 1.2, glow_c, 0.5 if dark_field else 0.3)
    if art.params.get("frame") == "arch":
        p = skia.Paint(AntiAlias=True, Color=fx.argb(glow_c or art.c("accent"), 0.7), StrokeWidth=max(1.5, art.s * 2.5))
        p.setStyle(skia.Paint.kStroke_Style)
        r = size * 0.62
        path = skia.Path()
        path.moveTo(cx - r, cy + size * 0.75)
        path.lineTo(cx - r, cy - size * 0.2)
        path.arcTo(skia.Rect(cx - r, cy - size * 0.2 - r, cx + r, cy - size * 0.2 + r), 180, 180, False)
        path.lineTo(cx + r, cy + size * 0.75)
        art.canvas.drawPath(path, p)
    shape = shape_for(hero.name, art.rng("shape-" + hero.name))
    angle = float(art.params.get("angle", 0) or 0) + comp.uniform(-16, 16)
    if shape.ground or (builder_name(hero.name) or hero.name.lower().replace("_", " ")) in UPRIGHT:
        angle = 0.0  # a tilted church, crown or heart looks like a mistake; only loose objects are posed
    metal = glow_c or art.c("accent")
    if field == "paper":
        fill = art.c("dark_ink")
        detail = art.c("paper")
    else:
        fill = _metal(metal)
        detail = darken(metal, 0.5)
    # One object is the point of this scene. A second one the text asked for (the dagger of "a rose and
    # a dagger") crosses behind it, larger and darker, as on a dark-romance cover; others stay out.
    asked = [
        m
        for m in art.secondary
        if m.weight >= 0.5
        and not str(getattr(m, "source", "")).startswith("genre")
        and W.kind_of(m.name) == "silhouette"
        and not shape_for(m.name, art.rng("shape-" + m.name)).ground
        and _elongated(shape_for(m.name, art.rng("shape-" + m.name)))
    ]
    if asked and not shape.ground:
        m = asked[0]
        behind = darken(metal, 0.45) if field != "paper" else mix(art.c("dark_ink"), bg, 0.45)
        _draw_rotated(
            art,
            shape_for(m.name, art.rng("shape-" + m.name)),
            x=cx,
            y=cy,
            size=size * 1.05,
            angle=angle + 38,
            fill=behind,
            light=art.c("glow"),
            detail=darken(behind, 0.3),
        )
    if art.genre == "childrens":
        # A picture book's emblem is its character, with a face and its own colours, never a metal cast.
        draw_storybook_hero(art, hero, x=cx, y=cy + size / 2, size=size, fill=art.c("accent"), anchor="bottom")
    else:
        local = _field_at(art, field, bg, cy)
        if field == "gradient" or (field != "paper" and abs(luminance(metal) - luminance(local)) < 0.25):
            # Metal on the accent-toned gradient (or any same-toned field) melts into it at thumbnail size:
            # a cast shadow, down and to the side, parts them.
            shadow = darken(local, 0.7)
            _draw_rotated(art, shape, x=cx + size * 0.03, y=cy + size * 0.045, size=size, angle=angle, fill=shadow,
                          alpha=0.55, glow=shadow, glow_strength=0.7)  # fmt: skip
        art.layout.append(("hero", skia.Rect.MakeXYWH(cx - size / 2, cy - size / 2, size, size)))
        _draw_rotated(
            art,
            shape,
            x=cx,
            y=cy,
            size=size,
            angle=angle,
            fill=fill,
            light=lighten(art.c("glow"), 0.2),
            detail=detail,
            glow=glow_c if dark_field else None,
            glow_strength=0.45,
        )
    rng = art.rng("symbol-extras")
    if art.params.get("sparkles") or W.has(art, "magic sparks", "magic_sparks", "stars"):
        p = skia.Paint(AntiAlias=True)
        for _ in range(int(70 * W.density(art))):
            a = rng.uniform(0, 2 * math.pi)
            d = size * (0.45 + rng.random() ** 0.7 * 0.7)
            x, y = cx + math.cos(a) * d, cy + math.sin(a) * d
            if art.in_calm(x, y):
                continue
            r = art.s * rng.uniform(1, 4)
            p.setColor(fx.argb(lighten(glow_c or art.c("glow"), 0.4), rng.uniform(0.3, 0.9)))
            art.canvas.drawCircle(x, y, r, p)
    grain = float(art.params.get("grain", 0.05) or 0.05)
    W.finish(art, grain=min(0.12, grain * 0.12 if grain > 0.2 else grain), vignette=0.45 if dark_field else 0.12)


def typographic(art: Art) -> None:
    """Flat colour or texture with a small motif: the type carries the cover."""
    variant = str(art.param("variant", "flat"))
    base = art.c("paper") if variant in ("paper", "doodles") else art.c("sky_top")
    if variant == "paper":
        fx.paper(art, base, 0.8)
    else:
        art.canvas.drawPaint(fx.linear(art, 0, art.h, [(0, base, 1), (1, mix(base, art.c("sky_bottom"), 0.25), 1)]))
    if variant == "halftone":
        fx.halftone(art, (0, art.h * 0.45, art.w, art.h * 0.55), art.c("accent"), cell=22, fade="down", alpha=0.55)
    elif variant == "grain":
        fx.grain(art, 0.12)
    ink = art.c("accent") if luminance(base) < 0.5 else mix(art.c("accent"), art.c("dark_ink"), 0.2)
    placement = str(art.param("motif", "small"))
    hero = art.hero
    rng = art.rng("typo")
    if variant == "doodles":
        for k in range(int(40 * W.density(art))):
            m = art.motifs[k % len(art.motifs)] if art.motifs else MotifRef("star", 1)
            x, y = rng.random() * art.w, rng.random() * art.h
            sz = min(art.w, art.h) * rng.uniform(0.07, 0.12)
            if art.rect_calm_overlap((x - sz / 2, y - sz / 2, sz, sz)) > 0.0:
                continue
            _draw_rotated(
                art,
                shape_for(m.name, art.rng(f"d{k}")),
                x=x,
                y=y,
                size=sz,
                angle=rng.uniform(-25, 25),
                fill=mix(ink, base, 0.35),
            )
    elif hero is not None and placement != "none":
        shape = shape_for(hero.name, art.rng("shape-" + hero.name))
        if placement == "scatter":
            for _ in range(int(9 * W.density(art))):
                sz = min(art.w, art.h) * rng.uniform(0.05, 0.09)
                x, y = rng.random() * art.w, rng.random() * art.h
                if art.rect_calm_overlap((x - sz / 2, y - sz / 2, sz, sz)) == 0:
                    draw_shape(art.canvas, shape, x=x, y=y, size=sz, fill=ink, anchor="center", alpha=0.8)
        else:
            y0, y1 = art.free_band()
            # Sized to be read as the book's subject at thumbnail size (a fifth of the width or more),
            # except the corner mark, which is a signature.
            size = min(art.w, art.h) * {"centre": 0.4, "high": 0.26, "corner": 0.14, "small": 0.24}.get(placement, 0.24)
            size = min(size, (y1 - y0) * 0.7)
            if placement == "corner":
                x, y = art.w * 0.82, art.h - art.w * 0.18
                if art.rect_calm_overlap((x - size / 2, y - size / 2, size, size)) > 0:
                    x, y = art.w * 0.5, (y0 + y1) / 2
            elif placement == "high":
                x, y = art.w / 2, y0 + size * 0.7
            else:
                x, y = art.w / 2, (y0 + y1) / 2
            if placement != "corner":
                # A new seed recomposes the small motif: its size, its place in the free band, and
                # a quiet mount behind it (none, a tinted disc, or a pair of rules).
                comp = art.rng("typo-comp")
                size *= comp.uniform(0.85, 1.2)
                size = min(size, (y1 - y0) * 0.75)
                nx = x + comp.uniform(-0.14, 0.14) * art.w
                ny = y + comp.uniform(-0.3, 0.3) * max(0.0, (y1 - y0) - size * 1.3)
                if art.rect_calm_overlap((nx - size * 0.65, ny - size * 0.65, size * 1.3, size * 1.3)) == 0:
                    x, y = nx, ny
                mount = comp.choice(("none", "disc", "rules"))
                if mount == "disc":
                    art.canvas.drawCircle(x, y, size * 0.62, fx.fill_paint(mix(base, art.c("accent"), 0.22)))
                elif mount == "rules":
                    p = skia.Paint(AntiAlias=True, Color=fx.argb(ink, 0.7), StrokeWidth=max(1.0, art.s * 2))
                    for side in (-1, 1):
                        x0 = x + side * size * 0.7
                        art.canvas.drawLine(x0, y, x0 + side * size * 0.55, y, p)
            drawn = draw_shape(
                art.canvas, shape, x=x, y=y, size=size, fill=ink, light=lighten(ink, 0.4), detail=base, anchor="center"
            )
            art.layout.append(("hero", drawn))
    W.finish(art, grain=0.04, vignette=0.0)


def geometric(art: Art) -> None:
    variant = str(art.param("variant", "circles"))
    rng = art.rng("geo")
    base = art.c("sky_top")
    a, b, c = art.c("accent"), art.c("horizon"), art.c("sky_bottom")
    art.canvas.drawPaint(fx.fill_paint(base))
    canvas = art.canvas
    w, h = art.w, art.h
    d = W.density(art)
    angle = float(art.params.get("angle", 0) or 0)
    if variant == "circles":
        # A composed trio rather than confetti: one large disc on a third, a second overlapping it
        # (the overlap shows through), a small solid dot as the counterweight.
        m = min(w, h)
        side = 1 if rng.random() < 0.5 else -1
        big = (w * (0.5 - side * 0.14), h * rng.uniform(0.6, 0.68), m * 0.36)
        mid = (big[0] + side * m * 0.3, big[1] - m * 0.22, m * 0.22)
        dot = (w * (0.5 + side * 0.32), big[1] + m * 0.3, m * 0.06)
        canvas.drawCircle(big[0], big[1], big[2], fx.fill_paint(a, 0.95))
        canvas.drawCircle(mid[0], mid[1], mid[2], fx.fill_paint(b, 0.75))
        canvas.drawCircle(dot[0], dot[1], dot[2], fx.fill_paint(c, 1.0))
        if d > 1.2:
            ring = skia.Paint(AntiAlias=True, Color=fx.argb(b, 0.8), StrokeWidth=m * 0.012)
            ring.setStyle(skia.Paint.kStroke_Style)
            canvas.drawCircle(big[0], big[1], big[2] * 1.25, ring)
    elif variant == "blocks":
        cols = 3
        for j in range(int(4 * d) + 2):
            for i in range(cols):
                if rng.random() < 0.55:
                    x0, y0 = w * i / cols, h * (0.3 + 0.7 * j / (4 * d + 2))
                    canvas.drawRect(
                        skia.Rect(x0, y0, x0 + w / cols, y0 + h * 0.7 / (4 * d + 2)),
                        fx.fill_paint([a, b, c][(i + j) % 3], 0.9),
                    )
    elif variant == "stripes":
        canvas.save()
        canvas.rotate(angle or -30, w / 2, h / 2)
        step = h * 0.06 / max(0.6, d)
        y = -h
        k = 0
        while y < h * 2:
            if k % 2 == 0:
                canvas.drawRect(skia.Rect(-w, y, w * 2, y + step * 0.5), fx.fill_paint([a, b][k // 2 % 2], 0.9))
            y += step
            k += 1
        canvas.restore()
    elif variant == "grid" and art.params.get("horizon") is not None:
        _horizon_grid(art)
    elif variant == "grid":
        step = min(w, h) / (8 * max(0.6, d))
        p = skia.Paint(AntiAlias=True, Color=fx.argb(b, 0.5), StrokeWidth=max(1.0, art.s * 1.5))
        p.setStyle(skia.Paint.kStroke_Style)
        with fx.calm_layer(art, strength=0.8, pad=0.01, feather=0.03):
            x = step / 2
            while x < w:
                canvas.drawLine(x, 0, x, h, p)
                x += step
            y = step / 2
            while y < h:
                canvas.drawLine(0, y, w, y, p)
                y += step
        for _ in range(int(6 * d)):
            gx, gy = int(rng.random() * w / step), int(rng.random() * h / step)
            cell = (gx * step + step / 2, gy * step + step / 2, step, step)
            if art.rect_calm_overlap((cell[0] - step / 2, cell[1] - step / 2, step * 2, step * 2)) > 0:
                continue  # a lit cell behind a letter reads as a smudge
            canvas.drawRect(skia.Rect.MakeXYWH(*cell), fx.fill_paint(a, 0.35))
    elif variant == "arrow":
        canvas.save()
        canvas.rotate(angle or -18, w / 2, h / 2)
        for k in range(3):
            off = (k - 1) * min(w, h) * 0.22
            path = skia.Path()
            x0 = w * 0.1
            y0 = h * 0.62 + off
            path.moveTo(x0, y0)
            path.lineTo(w * 0.75, y0)
            path.lineTo(w * 0.75, y0 - h * 0.04)
            path.lineTo(w * 0.95, y0 + h * 0.02)
            path.lineTo(w * 0.75, y0 + h * 0.08)
            path.lineTo(w * 0.75, y0 + h * 0.04)
            path.lineTo(x0, y0 + h * 0.04)
            path.close()
            canvas.drawPath(path, fx.fill_paint([a, b, c][k], 0.95 if k == 1 else 0.55))
        canvas.restore()
    elif variant == "chevrons":
        step = h * 0.07
        for k in range(int(6 * d) + 3):
            y = h * 0.35 + k * step
            path = skia.Path()
            path.moveTo(0, y)
            path.lineTo(w / 2, y - h * 0.06)
            path.lineTo(w, y)
            path.lineTo(w, y + step * 0.45)
            path.lineTo(w / 2, y - h * 0.06 + step * 0.45)
            path.lineTo(0, y + step * 0.45)
            path.close()
            canvas.drawPath(path, fx.fill_paint([a, b][k % 2], 0.9))
    elif variant == "shards":
        for k in range(int(8 * d) + 3):
            pts = [(w * rng.random(), h * rng.uniform(0.3, 1.0)) for _ in range(3)]
            path = skia.Path()
            path.addPoly([skia.Point(*p) for p in pts], True)
            canvas.drawPath(path, fx.fill_paint([a, b, c][k % 3], rng.uniform(0.5, 0.9)))
    elif variant == "split":
        ratio = float(art.params.get("ratio", 0.5) or 0.5)
        canvas.drawRect(skia.Rect(0, h * ratio, w, h), fx.fill_paint(a))
        if art.params.get("sun"):
            r = min(w, h) * 0.22
            canvas.drawCircle(w * 0.68, h * ratio, r, fx.fill_paint(lighten(art.c("glow"), 0.2)))
    # The hero as a flat icon, placed in the free band.
    hero = art.hero
    skip_hero = variant == "split" and art.params.get("sun") and hero is not None and hero.name.lower() == "sun"
    if hero is not None and not skip_hero:
        cx, cy, size = _hero_box(art, 0.5)
        fill = art.c("light_ink") if luminance(base) < 0.45 else art.c("dark_ink")
        draw_shape(
            canvas,
            shape_for(hero.name, art.rng("shape-" + hero.name)),
            x=cx,
            y=cy,
            size=size,
            fill=fill,
            light=a,
            detail=base,
            anchor="center",
        )
    W.finish(art, grain=0.035, vignette=0.0)


def _horizon_grid(art: Art) -> None:
    """The retro-future horizon: a striped sun sinking into a glowing perspective grid."""
    w, h = art.w, art.h
    horizon = h * float(art.params.get("horizon", 0.6))
    top, mid, bottom = W.sky_colors(art, W.lighting(art))
    art.canvas.drawRect(
        skia.Rect(0, 0, w, horizon),
        fx.linear(art, 0, horizon, [(0, darken(top, 0.3), 1), (0.7, mid, 1), (1, bottom, 1)]),
    )
    fx.stars(art, (0, 0, w, horizon * 0.7), 120, (1, 1, 1))
    if art.params.get("sun", True):
        r = min(w, h) * 0.26
        sun = skia.Path()
        sun.addCircle(w / 2, horizon - r * 0.25, r)
        for k in range(6):
            y = horizon - r * 0.25 + r * (0.05 + 0.16 * k)
            cut = skia.Path()
            cut.addRect(skia.Rect(0, y, w, y + r * 0.02 * (k + 1)))
            sun = skia.Op(sun, cut, skia.PathOp.kDifference_PathOp) or sun
        fx.glow(art, w / 2, horizon - r * 0.25, r * 2.2, art.c("glow"), 0.45)
        art.canvas.drawPath(
            sun,
            fx.linear(art, horizon - r * 1.25, horizon, [(0, lighten(art.c("glow"), 0.4), 1), (1, art.c("accent"), 1)]),
        )
    floor = darken(art.c("ground"), 0.3)
    art.canvas.drawRect(
        skia.Rect(0, horizon, w, h),
        fx.linear(art, horizon, h, [(0, mix(floor, art.c("accent"), 0.25), 1), (1, floor, 1)]),
    )
    line = skia.Paint(AntiAlias=True, Color=fx.argb(art.c("accent"), 0.85), StrokeWidth=max(1.0, art.s * 2.2))
    line.setStyle(skia.Paint.kStroke_Style)
    vx = w / 2
    for k in range(-12, 13):
        art.canvas.drawLine(vx, horizon, vx + k * w * 0.16, h, line)
    t = 0.02
    while t < 1.0:
        y = horizon + (h - horizon) * t
        art.canvas.drawLine(0, y, w, y, line)
        t = t * 1.45 + 0.015
    art.canvas.drawRect(
        skia.Rect(0, horizon - art.s * 2, w, horizon + art.s * 2), fx.fill_paint(lighten(art.c("accent"), 0.4))
    )


def abstract(art: Art) -> None:
    variant = str(art.param("variant", "wash"))
    rng = art.rng("abstract")
    top, bottom = art.c("sky_top"), art.c("sky_bottom")
    a, g = art.c("accent"), art.c("glow")
    w, h = art.w, art.h
    if variant == "horizon":
        horizon = h * float(art.params.get("horizon", 0.62))
        art.canvas.drawPaint(fx.linear(art, 0, horizon, [(0, top, 1), (1, art.c("horizon"), 1)]))
        art.canvas.drawRect(
            skia.Rect(0, horizon, w, h), fx.linear(art, horizon, h, [(0, art.c("far"), 1), (1, art.c("near"), 1)])
        )
        fx.glow(art, w / 2, horizon, w * 0.6, g, 0.45)
    elif variant == "gradient":
        art.canvas.drawPaint(fx.linear(art, 0, h, [(0, top, 1), (0.5, bottom, 1), (1, a, 1)], x0=w * 0.1, x1=w * 0.9))
    elif variant == "clouds":
        art.canvas.drawPaint(fx.linear(art, 0, h, [(0, lighten(top, 0.1), 1), (1, bottom, 1)]))
        fx.clouds(art, (0, 0, w, h), lighten(g, 0.5), density=0.45 * W.density(art), alpha=0.7, stretch=1.6)
    else:
        # Watercolour: a pale ground, overlapping stains of the palette with soft, irregular edges,
        # and one bold disc as the anchor of the composition.
        ground = mix(mix(top, bottom, 0.3), (1.0, 1.0, 1.0), 0.35)
        fx.paper(art, ground, 0.5)
        for k, col in enumerate([art.c("horizon"), a, bottom][: 2 + int(W.density(art) > 0.8)]):
            y = h * (0.25 + 0.3 * k) + h * rng.uniform(-0.08, 0.08)
            fx.clouds(art, (-w * 0.1, y - h * 0.3, w * 1.2, h * 0.6), col, density=0.55, alpha=0.55, scale=3.2,
                      name=f"wash{k}", stretch=1.1)  # fmt: skip
        r = min(w, h) * rng.uniform(0.2, 0.28)
        y0, y1 = art.free_band()
        art.canvas.drawCircle(w * rng.uniform(0.35, 0.65), (y0 + y1) / 2 - r * 0.3, r, fx.fill_paint(a, 0.85))
    hero = art.hero
    if hero is not None:
        cx, cy, size = _hero_box(art, 0.3)
        draw_shape(
            art.canvas,
            shape_for(hero.name, art.rng("shape-" + hero.name)),
            x=cx,
            y=cy,
            size=size,
            fill=mix(art.c("dark_ink"), top, 0.2) if luminance(top) > 0.4 else lighten(g, 0.3),
            light=a,
            anchor="center",
            alpha=0.92,
        )
    W.finish(art, grain=0.06, vignette=0.0)
