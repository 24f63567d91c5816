"""Shared pieces of the outdoor scenes: skies by lighting, ridges with atmospheric depth, placing
the hero and the secondary motifs, and the finishing passes (grain, vignette)."""

from __future__ import annotations

import math

import numpy as np
import skia

from . import effects as fx
from .color import RGB, darken, lighten, luminance, mix, saturate, with_lightness
from .context import Art, MotifRef, fractal_noise_1d
from .motifs import SKY_MOTIFS, TERRAIN_MOTIFS, WEATHER_MOTIFS, builder_name, draw_shape, shape_for

DENSITY = {"sparse": 0.6, "low": 0.6, "medium": 1.0, "dense": 1.5, "high": 1.5}


def density(art: Art) -> float:
    value = art.params.get("density", "medium")
    if isinstance(value, (int, float)):
        d = float(value)
    else:
        d = DENSITY.get(str(value), 1.0)
    return d * art.busy


def lighting(art: Art) -> str:
    """The template's designed lighting, else the brief's. A storm in the brief (a "more dramatic sky"
    edit, a storm in the story) still wins over a designed sky: it is weather, not a time of day."""
    light = str(art.param("lighting", art.lighting))
    if art.lighting == "storm" and light in ("dawn", "day", "dusk", "night"):
        return "storm"
    return light


def hero_mode(art: Art) -> str:
    value = str(art.param("hero", "centre")).lower()
    return {"center": "centre", "middle": "centre"}.get(value, value)


def hero_x(art: Art) -> float:
    rng = art.rng("hero-x")
    mode = hero_mode(art)
    # A centred hero still moves between the centre and the thirds from seed to seed, so variations
    # of one cover differ in composition, not only in noise.
    base = {"left": 0.3, "right": 0.7}.get(mode) or 0.5 + (rng.random() - 0.5) * 0.28
    if art.square and mode in ("left", "right"):
        base = 0.5 + (base - 0.5) * 1.25
    return art.w * (base + rng.uniform(-0.035, 0.035))


def apply_tone(art: Art) -> None:
    """A template's tone (e.g. sepia) recolours the palette before anything is painted."""
    tone = art.params.get("tone")
    if tone == "sepia":
        for key, c in list(art.pal.items()):
            lum = 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2]
            art.pal[key] = mix(c, (min(1.0, lum * 1.08 + 0.04), lum * 0.9 + 0.02, lum * 0.68), 0.85)
    elif tone == "mono":
        for key, c in list(art.pal.items()):
            lum = 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2]
            art.pal[key] = (lum, lum, lum)


# --- motif sorting -------------------------------------------------------------------------------
def kind_of(name: str) -> str:
    """sky | weather | terrain | silhouette: how an outdoor scene uses a motif."""
    b = builder_name(name) or ""
    n = name.lower().replace("_", " ")
    if n in SKY_MOTIFS or b in SKY_MOTIFS:
        return "sky"
    if n in WEATHER_MOTIFS or b in WEATHER_MOTIFS:
        return "weather"
    if n in TERRAIN_MOTIFS or n in ("hills", "lake", "canyon", "valley"):
        return "terrain"
    return "silhouette"


def motif_names(art: Art) -> set[str]:
    return {m.name.lower().replace("_", " ") for m in art.motifs}


def has(art: Art, *names: str) -> bool:
    ms = motif_names(art)
    return any(n in ms for n in names)


def silhouette_motifs(art: Art) -> list[MotifRef]:
    return [m for m in art.motifs if kind_of(m.name) == "silhouette"]


# --- sky -----------------------------------------------------------------------------------------
def sky_colors(art: Art, light: str) -> tuple[RGB, RGB, RGB]:
    top, mid, bottom = art.c("sky_top"), art.c("sky_bottom"), art.c("horizon")
    if light == "night":
        top = darken(top, 0.35)
        mid = darken(mix(mid, top, 0.3), 0.2)
        bottom = mix(bottom, mid, 0.55)
    elif light == "day":
        top, mid, bottom = lighten(top, 0.08), lighten(mid, 0.12), lighten(bottom, 0.2)
    elif light == "storm":
        # Heavy and dark whatever the palette: a pale day palette turns to slate, not to fog.
        top = darken(saturate(top, 0.5), 0.25 + 0.35 * max(0.0, luminance(top) - 0.15))
        mid = darken(saturate(mid, 0.5), 0.3 * max(0.0, luminance(mid) - 0.2))
        bottom = saturate(mix(bottom, mid, 0.4), 0.6)
    elif light == "dawn":
        bottom = lighten(bottom, 0.18)
    elif light == "dusk":
        bottom = saturate(bottom, 1.15)
    return top, mid, bottom


def paint_sky(art: Art, horizon_y: float, light: str) -> tuple[RGB, RGB, RGB]:
    top, mid, bottom = sky_colors(art, light)
    fx.sky(art, top, mid, bottom, horizon_y)
    return top, mid, bottom


def celestial_body(art: Art, light: str) -> str:
    kind = _celestial_body(art, light)
    return kind if kind == "none" or art.allows(kind) else "none"


def _celestial_body(art: Art, light: str) -> str:
    if has(art, "moon", "crescent", "eclipse"):
        return "moon"
    if has(art, "sun"):
        return "sun"
    if art.params.get("moon") is True:
        return "moon"
    if art.params.get("sun") is True:
        return "sun"
    if art.params.get("moon") is False:
        return "none"
    return {"night": "moon", "dusk": "sun", "dawn": "sun", "day": "sun", "storm": "none"}.get(light, "none")


def paint_celestial(art: Art, kind: str, cx: float, cy: float, r: float, light: str) -> None:
    if kind in ("moon", "sun"):
        art.layout.append(("body", skia.Rect(cx - r, cy - r, cx + r, cy + r)))
    if kind == "moon":
        phase = 0.0 if not has(art, "crescent") else 0.6
        moon_c = mix(art.c("glow"), (0.92, 0.94, 1.0), 0.5)
        fx.moon(art, cx, cy, r, moon_c, mix(art.c("glow"), art.c("sky_bottom"), 0.3), phase=phase)
        if has(art, "eclipse"):
            art.canvas.drawCircle(cx + r * 0.06, cy, r * 0.97, fx.fill_paint(darken(art.c("sky_top"), 0.4)))
    elif kind == "sun":
        sun_c = lighten(art.c("glow"), 0.35) if light != "day" else (1.0, 0.98, 0.9)
        fx.sun(art, cx, cy, r, sun_c, art.c("glow"), halo=7.0 if light in ("dusk", "dawn") else 5.0)


def paint_stars(art: Art, horizon_y: float, light: str, amount: float = 1.0) -> None:
    if light not in ("night", "nebula") and not has(art, "stars", "constellation", "galaxy"):
        return
    count = int(260 * amount * density(art) * (art.w * art.h) / (1600 * 2560) ** 1 * 1.0)
    count = max(60, min(count, 700))
    fx.stars(art, (0, 0, art.w, horizon_y * 0.95), count, lighten(art.c("glow"), 0.6))


def paint_weather(art: Art, horizon_y: float, light: str) -> None:
    weather = art.params.get("weather")
    if has(art, "rain", "storm") or weather == "rain" or light == "storm":
        fx.rain(art, (0, 0, art.w, art.h), lighten(art.c("sky_bottom"), 0.5), count=int(320 * art.w / 1600), alpha=0.28)
    if has(art, "snow", "snowflake", "ice"):
        fx.snow(art, (0, 0, art.w, art.h), (1, 1, 1), count=int(260 * art.w / 1600))
    drama = art.adjust.get("contrast", 0.0)
    if has(art, "lightning", "thunder") or (light == "storm" and (has(art, "storm") or drama >= 0.25)):
        # To one side of the (usually central) hero, in the longest stretch of sky no text crosses.
        rng = art.rng("bolt")
        first = rng.random() < 0.5
        xs = [rng.uniform(0.1, 0.26), rng.uniform(0.74, 0.9)]
        best = (0.0, 0.0, 0.0)
        for fx_ in xs if first else xs[::-1]:
            x = art.w * fx_
            blocks = sorted(
                (zy, zy + zh) for zx, zy, zw, zh in art.calm if zx - art.w * 0.1 <= x <= zx + zw + art.w * 0.1
            )
            cursor, bottom = 0.0, horizon_y * 0.85
            for y0, y1 in blocks + [(bottom, bottom)]:
                seg = (min(y0, bottom) - cursor, cursor, min(y0, bottom))
                if seg[0] > best[0] + art.h * 0.03:
                    best = (seg[0], x, cursor)
                cursor = max(cursor, y1 + art.h * 0.015)
                if cursor >= bottom:
                    break
        length, x, top = best
        if length > art.h * 0.12:
            fx.lightning(art, x, top, top + length, lighten(art.c("glow"), 0.4))


def paint_clouds(art: Art, horizon_y: float, light: str, amount: float = 1.0) -> None:
    d = density(art) * amount
    if light == "night":
        c, alpha = lighten(art.c("sky_bottom"), 0.15), 0.35
    elif light == "storm":
        c, alpha = darken(art.c("sky_top"), 0.2), 0.9
    elif light == "day":
        c, alpha = (1.0, 1.0, 1.0), 0.8
    else:
        c, alpha = mix(art.c("horizon"), art.c("glow"), 0.35), 0.6
    if has(art, "clouds", "cloud", "storm"):
        d *= 1.5
    band_h = horizon_y * (0.35 if light != "storm" else 0.75)
    fx.clouds(
        art, (0, horizon_y - band_h, art.w, band_h * 0.9), c, density=min(0.9, 0.35 * d), alpha=alpha, name="clouds-low"
    )
    if light == "storm" or d > 1.2:
        fx.clouds(
            art,
            (0, 0, art.w, horizon_y * 0.45),
            darken(c, 0.1),
            density=min(0.9, 0.45 * d),
            alpha=alpha * 0.8,
            name="clouds-high",
        )


# --- ridges --------------------------------------------------------------------------------------
def ridge(
    art: Art,
    base_y: float,
    amp: float,
    name: str,
    *,
    roughness: float = 0.5,
    octaves: int = 5,
    n: int = 160,
    peak: float | None = None,
) -> tuple[skia.Path, np.ndarray]:
    """A ridge line (path filled down to the bottom edge) and its heights at n+1 x samples."""
    rng = art.rng(name)
    noise = fractal_noise_1d(rng, n + 1, octaves=octaves, roughness=roughness)
    ys = base_y - amp * (0.5 + 0.5 * noise)
    if peak is not None:
        xs = np.linspace(0, 1, n + 1)
        ys = ys - amp * 1.4 * np.exp(-((xs - peak) ** 2) / 0.02)
    path = skia.Path()
    path.moveTo(0, art.h + 1)
    for i, y in enumerate(ys):
        path.lineTo(art.w * i / n, float(y))
    path.lineTo(art.w, art.h + 1)
    path.close()
    return path, ys


def y_at(ys: np.ndarray, x: float, w: float) -> float:
    n = len(ys) - 1
    t = max(0.0, min(1.0, x / w)) * n
    i = min(int(t), n - 1)
    f = t - i
    return float(ys[i] * (1 - f) + ys[i + 1] * f)


def flatten(ys: np.ndarray, x: float, w: float, half: float) -> None:
    """Level the ridge around x so a building stands on flat ground (a plateau, eased)."""
    n = len(ys) - 1
    xs = np.linspace(0, w, n + 1)
    level = float(np.min(ys[np.abs(xs - x) < half])) if np.any(np.abs(xs - x) < half) else y_at(ys, x, w)
    k = np.clip(1 - (np.abs(xs - x) - half) / (half * 1.2), 0, 1)
    k = k * k * (3 - 2 * k)
    ys[:] = ys * (1 - k) + level * k


def path_from(art: Art, ys: np.ndarray) -> skia.Path:
    n = len(ys) - 1
    path = skia.Path()
    path.moveTo(0, art.h + 1)
    for i, y in enumerate(ys):
        path.lineTo(art.w * i / n, float(y))
    path.lineTo(art.w, art.h + 1)
    path.close()
    return path


def layer_color(art: Art, depth: float, haze: RGB) -> RGB:
    """Colour of a land layer at depth 0 (nearest) .. 1 (farthest): far layers fade into the haze."""
    near, mid, far = art.c("near"), art.c("mid"), art.c("far")
    base = mix(near, mid, depth * 2) if depth < 0.5 else mix(mid, far, (depth - 0.5) * 2)
    return mix(base, haze, 0.55 * depth**1.3)


def fill_ridge(art: Art, path: skia.Path, ys: np.ndarray, color: RGB, haze: RGB, fog: float = 0.35) -> None:
    """Fill a ridge with its colour, hazier toward its base (mist in the valley)."""
    top = float(ys.min())
    base = min(art.h, float(ys.max()) + (art.h - float(ys.max())) * 0.35)
    paint = fx.linear(art, top, base, [(0.0, color, 1.0), (0.55, color, 1.0), (1.0, mix(color, haze, fog), 1.0)])
    art.canvas.drawPath(path, paint)


# --- hero and secondaries ------------------------------------------------------------------------
def fit_size(art: Art, ground_y: float, wanted: float, x: float | None = None) -> float:
    """Shrink a standing hero so its top stays below every calm zone above it in its column."""
    x = art.w / 2 if x is None else x
    limit = 0.0
    for zx, zy, zw, zh in art.calm:
        half = wanted * 0.5
        if zx < x + half and zx + zw > x - half and zy + zh <= ground_y + 1:
            limit = max(limit, zy + zh)
    room = ground_y - limit - 0.02 * art.h
    return max(0.08 * min(art.w, art.h), min(wanted, room))


def _clear(art: Art, rect: tuple[float, float, float, float], blockers: list[skia.Rect]) -> bool:
    if art.rect_calm_overlap(rect) > 0.0:
        return False
    r = skia.Rect.MakeXYWH(*rect)
    return not any(r.intersects(b) for b in blockers)


def free_spot(
    art: Art,
    region: tuple[float, float, float, float],
    max_size: float,
    blockers: list[skia.Rect] | None = None,
    prefer_x: float | None = None,
) -> tuple[float, float, float]:
    """The biggest square (cx, cy, size) inside region (x0, y0, x1, y1) that no calm zone and no
    blocker (a moon, a placed motif) touches, preferring spots near the region's centre (or near
    prefer_x). Falls back to the region's centre at a small size."""
    blockers = blockers or []
    x0, y0, x1, y1 = region
    px = (x0 + x1) / 2 if prefer_x is None else prefer_x
    best = ((x0 + x1) / 2, (y0 + y1) / 2, min(max_size, 0.12 * min(art.w, art.h)))
    best_score = -1.0
    for j in range(7):
        for i in range(7):
            cx = x0 + (x1 - x0) * (i + 0.5) / 7
            cy = y0 + (y1 - y0) * (j + 0.5) / 7
            # The square stays inside the region (and so inside the canvas).
            lo, hi = 0.0, min(max_size, 2 * (cx - x0), 2 * (x1 - cx), 2 * (cy - y0), 2 * (y1 - cy))
            for _ in range(8):
                mid = (lo + hi) / 2
                if _clear(art, (cx - mid / 2, cy - mid / 2, mid, mid), blockers):
                    lo = mid
                else:
                    hi = mid
            off = abs(cx - px) / max(1.0, x1 - x0) + abs(cy - (y0 + y1) / 2) / max(1.0, y1 - y0)
            score = lo * (1.0 - 0.35 * off)
            if score > best_score:
                best_score, best = score, (cx, cy, lo)
    return best


def best_column(art: Art, ground_y: float, wanted: float, x: float) -> tuple[float, float]:
    """Where a standing hero of the wanted height fits best: its own x if text leaves it room, else
    the thirds or the edges (a title set to one side leaves the other side free)."""
    size = fit_size(art, ground_y, wanted, x)
    if size >= wanted * 0.7:
        return x, size
    best = (x, size)
    for cand in (art.w * 0.5, art.w * 0.3, art.w * 0.7, art.w * 0.22, art.w * 0.78):
        s = fit_size(art, ground_y, wanted, cand)
        if s > best[1] * 1.15:
            best = (cand, s)
    return best


def sky_emblem(art: Art, m: MotifRef, x: float, horizon: float, avoid: skia.Rect | None = None) -> skia.Rect:
    """A hero that does not stand on the ground: a flying creature as a big dark silhouette, an object
    as a glowing metallic emblem, centred in the free sky."""
    b = builder_name(m.name) or ""
    shape = shape_for(m.name, art.rng("shape-" + m.name))
    y0, y1 = art.free_band(0, horizon)
    if art.rect_calm_overlap((0, y0, art.w, y1 - y0)) > 0.3 or y1 - y0 < 0.14 * art.h:
        # The sky is taken by the text: the emblem goes below the horizon (over water or land).
        y0, y1 = art.free_band(horizon, art.h)
    if avoid is not None and avoid.top() < y1 and avoid.top() > y0:
        y1 = max(y0 + (y1 - y0) * 0.5, avoid.top())
    size = min(art.w * (0.55 if b in FLYING else 0.4), (y1 - y0) * 0.8) * hero_weight_scale(m) / 1.1
    cy = (y0 + y1) / 2
    # A sun or moon already in the sky is never half covered: the emblem moves to another part of the
    # sky (the other side, or above or below the disc), shrinking a little if it must.
    bodies = [_padded(b, 0.05 * min(art.w, art.h)) for b in art.placed("body")]
    if art.rect_calm_overlap((x - size / 2, cy - size / 2, size, size)) > 0.1 or not _clear(
        art, (x - size / 2, cy - size / 2, size, size), bodies + [r for r in [avoid] if r is not None]
    ):
        # Prefer the third across the sky from the disc: a diagonal pairing, not two shapes side by side.
        across = x
        if bodies:
            across = art.w * (0.68 if bodies[0].centerX() < art.w / 2 else 0.32)
        nx, ncy, found = free_spot(art, (0, y0, art.w, y1), size, bodies, prefer_x=across)
        if found < 0.55 * size:
            # Text everywhere above and below: the largest quiet square anywhere will do.
            nx, ncy, found = free_spot(
                art, (art.w * 0.04, art.h * 0.04, art.w * 0.96, art.h * 0.96), size, bodies, prefer_x=x
            )
        x, cy, size = nx, ncy, max(found, 0.1 * min(art.w, art.h))
    art.layout.append(("hero", skia.Rect.MakeXYWH(x - size / 2, cy - size / 2, size, size)))
    if b in FLYING:
        return draw_shape(
            art.canvas,
            shape,
            x=x,
            y=cy,
            size=size,
            fill=darken(art.c("near"), 0.2),
            light=art.c("glow"),
            anchor="center",
        )
    glow_c = art.c("glow")
    fx.glow(art, x, cy, size * 1.1, glow_c, 0.45)
    metal = fx.metal_shader(art.c("accent"))
    return draw_shape(
        art.canvas,
        shape,
        x=x,
        y=cy,
        size=size,
        fill=metal,
        light=lighten(glow_c, 0.3),
        detail=darken(art.c("accent"), 0.45),
        anchor="center",
        glow=glow_c,
        glow_strength=0.35,
    )


def _padded(r: skia.Rect, pad: float) -> skia.Rect:
    return skia.Rect(r.left() - pad, r.top() - pad, r.right() + pad, r.bottom() + pad)


def hero_weight_scale(m: MotifRef | None) -> float:
    return 0.8 + 0.3 * (m.weight if m else 0.5)


def draw_silhouette(
    art: Art,
    m: MotifRef,
    x: float,
    base_y: float,
    size: float,
    color: RGB,
    *,
    light: RGB | None = None,
    glow: RGB | None = None,
    flip: bool = False,
    anchor: str = "auto",
    detail: RGB | None = None,
) -> skia.Rect:
    if not art.allows(m.name):
        return skia.Rect.MakeXYWH(x, base_y, 0, 0)
    shape = shape_for(m.name, art.rng("shape-" + m.name))
    return draw_shape(
        art.canvas,
        shape,
        x=x,
        y=base_y,
        size=size,
        fill=color,
        light=light if light is not None else art.c("glow"),
        glow=glow,
        flip=flip,
        anchor=anchor,
        detail=detail,
    )


FLYING = {"bird", "birds", "bat", "eagle", "dragon", "butterfly", "comet", "balloon", "airplane", "rocket", "spaceship"}
PERCHED_TO_FLYING = {"raven": "bird", "crow": "bird", "owl": "bird", "dove": "bird", "phoenix": "eagle"}


def place_secondaries(
    art: Art,
    motifs: list[MotifRef],
    *,
    hero_rect: skia.Rect | None,
    ground: list[tuple[np.ndarray, RGB]],
    sky_band: tuple[float, float],
    hero_size: float,
    limit: int = 3,
) -> None:
    """Secondary silhouettes: grounded ones on a ridge away from the hero, flying ones in the sky.

    Objects that neither stand on the ground nor fly (a key, a letter) are left to the symbol-like
    scenes: floating in a landscape sky they look pasted on.
    """
    rng = art.rng("secondaries")
    side = 1 if rng.random() < 0.5 else -1
    count = 0
    placed: list[skia.Rect] = []
    for m in motifs:
        if count >= limit:
            break
        b = builder_name(m.name) or ""
        if not art.allows(m.name, b):
            continue
        shape = shape_for(m.name, art.rng("shape-" + m.name))
        flying = b in FLYING
        if not flying and not shape.ground:
            continue
        if shape.ground and not ground:
            if b in PERCHED_TO_FLYING:
                shape = shape_for(PERCHED_TO_FLYING[b], art.rng("shape-" + m.name))
                flying = True
            else:
                continue
        size = hero_size * (0.28 + 0.25 * m.weight) * (0.6 if flying else 1.0)
        for _attempt in range(6):
            if not flying:
                ys, color = ground[min(len(ground) - 1, count % len(ground))]
                x = art.w * (0.5 + side * rng.uniform(0.22, 0.4))
                y = y_at(ys, x, art.w) + size * 0.02
                box = (x - size / 2, y - size, size, size)
            else:
                color = mix(art.c("near"), art.c("sky_bottom"), 0.25)
                x = art.w * (0.5 + side * rng.uniform(0.15, 0.38))
                y = rng.uniform(*sky_band)
                box = (x - size / 2, y - size / 2, size, size)
            r = skia.Rect.MakeXYWH(*box)
            hits_hero = hero_rect is not None and r.intersects(hero_rect)
            # Secondaries never overlap each other either (a figure standing inside a house).
            hits_other = any(r.intersects(o) for o in placed + art.placed("body"))
            if art.rect_calm_overlap(box) < 0.05 and not hits_hero and not hits_other:
                drawn = draw_shape(
                    art.canvas, shape, x=x, y=y, size=size, fill=color, light=art.c("glow"), flip=side < 0
                )
                pad = size * 0.08
                placed.append(skia.Rect(drawn.left() - pad, drawn.top(), drawn.right() + pad, drawn.bottom()))
                art.layout.append(("secondary", drawn))
                count += 1
                side = -side
                break
            side = -side
            size *= 0.85


def finish(art: Art, *, grain: float = 0.05, vignette: float = 0.35) -> None:
    if vignette > 0:
        fx.vignette(art, vignette)
    fx.grain(art, grain)


def haze_color(art: Art, light: str) -> RGB:
    base = art.c("horizon")
    if light == "night":
        return mix(base, art.c("sky_bottom"), 0.6)
    if light == "storm":
        return mix(base, art.c("sky_top"), 0.4)
    return base


def ink_for(bg: RGB) -> RGB:
    return (0.06, 0.06, 0.08) if luminance(bg) > 0.3 else (0.96, 0.95, 0.92)


def ensure_lightness(c: RGB, lo: float, hi: float) -> RGB:
    import colorsys

    _, lig, _ = colorsys.rgb_to_hls(*c)
    return with_lightness(c, min(hi, max(lo, lig)))


def angle_points(cx: float, cy: float, r: float, n: int, start: float = 0.0):
    return [
        (cx + math.cos(start + 2 * math.pi * i / n) * r, cy + math.sin(start + 2 * math.pi * i / n) * r)
        for i in range(n)
    ]
