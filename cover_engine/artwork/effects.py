"""Shared painting effects: skies, glows, clouds, stars, grain, paper, halftone, vignettes, fog, rays.

Everything is built from skia shaders and filters; nothing loops over pixels in Python. Noise is
rendered on small surfaces and scaled up (full-resolution Perlin costs ~0.45 s at 1600x2560).
"""

from __future__ import annotations

import math

import numpy as np
import skia

from .color import RGB, argb, lighten, mix
from .context import Art
from .journal import record

LINEAR = skia.SamplingOptions(skia.FilterMode.kLinear)


def _record(art: Art, name: str, x: float, y: float, w: float, h: float) -> None:
    """Journal a sky piece in device pixels (the canvas may be mirrored or translated)."""
    on_device = art.canvas.getTotalMatrix().mapRect(skia.Rect.MakeXYWH(x, y, w, h))
    record(name, on_device.left(), on_device.top(), on_device.width(), on_device.height())


def fill_paint(c: RGB, alpha: float = 1.0) -> skia.Paint:
    return skia.Paint(Color=argb(c, alpha), AntiAlias=True)


def linear(art: Art, y0: float, y1: float, stops: list[tuple[float, RGB, float]], x0=None, x1=None) -> skia.Paint:
    """A dithered vertical (or arbitrary) linear gradient paint; stops = (pos, colour, alpha)."""
    p0 = skia.Point(x0 if x0 is not None else 0, y0)
    p1 = skia.Point(x1 if x1 is not None else 0, y1)
    colors = [argb(c, a) for _, c, a in stops]
    pos = [p for p, _, _ in stops]
    return skia.Paint(Shader=skia.GradientShader.MakeLinear([p0, p1], colors, pos), Dither=True, AntiAlias=True)


def radial(cx: float, cy: float, r: float, stops: list[tuple[float, RGB, float]]) -> skia.Paint:
    colors = [argb(c, a) for _, c, a in stops]
    pos = [p for p, _, _ in stops]
    return skia.Paint(
        Shader=skia.GradientShader.MakeRadial(skia.Point(cx, cy), max(r, 1.0), colors, pos),
        Dither=True,
        AntiAlias=True,
    )


def metal_shader(c: RGB) -> skia.Shader:
    """A metallic fill in motif space (0..100): a bright edge, a dark band and a second highlight,
    like light sliding over polished gold or steel."""
    return skia.GradientShader.MakeLinear(
        [skia.Point(10, 0), skia.Point(90, 100)],
        [argb(lighten(c, 0.7)), argb(lighten(c, 0.15)), argb(mix(c, (0, 0, 0), 0.42)), argb(lighten(c, 0.5)),
         argb(c), argb(mix(c, (0, 0, 0), 0.3))],
        [0.0, 0.28, 0.5, 0.62, 0.8, 1.0],
    )  # fmt: skip


def glow(art: Art, cx: float, cy: float, r: float, c: RGB, strength: float = 0.6) -> None:
    """A soft light: a radial gradient with an eased falloff (no hard rim, no banding)."""
    stops = [(0.0, c, strength), (0.25, c, strength * 0.55), (0.55, c, strength * 0.18), (1.0, c, 0.0)]
    art.canvas.drawCircle(cx, cy, r, radial(cx, cy, r, stops))


def sky(art: Art, top: RGB, mid: RGB, bottom: RGB, horizon_y: float) -> None:
    """Three-stop sky down to the horizon, then the horizon colour below it (covered by land/sea)."""
    h = max(horizon_y, 1.0)
    paint = linear(art, 0, h, [(0.0, top, 1.0), (0.58, mid, 1.0), (1.0, bottom, 1.0)])
    art.canvas.drawRect(skia.Rect(0, 0, art.w, h + 2), paint)
    if horizon_y < art.h:
        art.canvas.drawRect(skia.Rect(0, h, art.w, art.h), fill_paint(bottom))


def noise_image(w: int, h: int, freq: float, octaves: int, seed: float, turbulence: bool = False) -> skia.Image:
    surface = skia.Surface(max(1, int(w)), max(1, int(h)))
    if turbulence:
        shader = skia.PerlinNoiseShader.MakeTurbulence(freq, freq, octaves, seed)
    else:
        shader = skia.PerlinNoiseShader.MakeFractalNoise(freq, freq, octaves, seed)
    surface.getCanvas().drawPaint(skia.Paint(Shader=shader))
    return surface.makeImageSnapshot()


def _alpha_from_red(c: RGB, gain: float, bias: float) -> skia.ColorFilter:
    """Colour matrix: output colour c, alpha = gain * red + bias (noise -> soft mask)."""
    return skia.ColorFilters.Matrix([0, 0, 0, 0, c[0], 0, 0, 0, 0, c[1], 0, 0, 0, 0, c[2], gain, 0, 0, 0, bias])


def clouds(
    art: Art,
    rect: tuple[float, float, float, float],
    c: RGB,
    *,
    density: float = 0.5,
    alpha: float = 0.8,
    scale: float = 1.0,
    name: str = "clouds",
    stretch: float = 2.6,
    calm: float = 0.0,
) -> None:
    """Soft cloud banks in rect (x, y, w, h): fractal noise thresholded, masked to fade at the edges."""
    x, y, w, h = rect
    if w < 4 or h < 4:
        return
    _record(art, "clouds", x, y, w, h)
    down = 6.0
    sw, sh = max(8, int(w / down)), max(8, int(h / down))
    rng = art.rng(name)
    freq = 0.012 * down / (art.s * scale * 1.0) / 6.0
    surface = skia.Surface(sw, sh)
    cv = surface.getCanvas()
    shader = skia.PerlinNoiseShader.MakeFractalNoise(freq, freq * stretch, 4, float(rng.randint(1, 9999)))
    gain = 4.2
    bias = -gain * (0.62 - 0.28 * density) + 0.0
    paint = skia.Paint(Shader=shader, ColorFilter=_alpha_from_red(c, gain, bias))
    cv.drawPaint(paint)
    # Fade out at the top and bottom of the band so clouds never end on a hard line.
    mask = skia.Paint(
        Shader=skia.GradientShader.MakeLinear(
            [skia.Point(0, 0), skia.Point(0, sh)],
            [0x00000000, 0xFF000000, 0xFF000000, 0x00000000],
            [0.0, 0.3, 0.7, 1.0],
        ),
        BlendMode=skia.BlendMode.kDstIn,
    )
    cv.drawPaint(mask)
    if calm > 0 and art.calm:
        cv.save()
        cv.scale(sw / w, sh / h)
        cv.translate(-x, -y)
        knock_calm(art, cv, calm, 0.03, 0.06)
        cv.restore()
    img = surface.makeImageSnapshot()
    art.canvas.drawImageRect(img, skia.Rect.MakeXYWH(x, y, w, h), LINEAR, skia.Paint(Alpha=round(alpha * 255)))


def stars(art: Art, rect, count: int, c: RGB = (1, 1, 1), *, name: str = "stars", max_r: float = 2.2) -> None:
    """A starfield: many faint points, a few bright ones with a soft halo; none inside calm zones."""
    if not art.allows("stars") or "storm" in (art.lighting, art.params.get("lighting")):
        return  # storm clouds hide the stars
    x, y, w, h = rect
    rng = art.rng(name)
    canvas = art.canvas
    n = int(count * art.busy)
    _record(art, "stars", x, y, w, h)
    dot = skia.Paint(AntiAlias=True)
    for _i in range(n):
        px, py = x + rng.random() * w, y + rng.random() * h
        if art.in_calm(px, py):
            continue
        mag = rng.random() ** 3
        r = (0.5 + mag * max_r) * art.s
        a = 0.35 + 0.65 * mag
        dot.setColor(argb(mix(c, (0.8, 0.9, 1.0), rng.random() * 0.4), a))
        canvas.drawCircle(px, py, r, dot)
        if mag > 0.82:
            glow(art, px, py, r * 7, lighten(c, 0.3), 0.35)
            spike = skia.Paint(AntiAlias=True, Color=argb(c, 0.45), StrokeWidth=max(1.0, r * 0.35))
            spike.setStyle(skia.Paint.kStroke_Style)
            canvas.drawLine(px - r * 5, py, px + r * 5, py, spike)
            canvas.drawLine(px, py - r * 5, px, py + r * 5, spike)


def nebula(art: Art, rect, colors: list[RGB], *, name: str = "nebula", alpha: float = 0.75) -> None:
    """Coloured gas clouds: several noise layers added with screen blending."""
    x, y, w, h = rect
    down = 8.0
    sw, sh = max(8, int(w / down)), max(8, int(h / down))
    surface = skia.Surface(sw, sh)
    cv = surface.getCanvas()
    cv.clear(0x00000000)
    rng = art.rng(name)
    for i, c in enumerate(colors):
        freq = (0.9 + 0.6 * rng.random()) * 0.0016 * down / art.s
        shader = skia.PerlinNoiseShader.MakeFractalNoise(freq, freq * 1.3, 5, float(rng.randint(1, 9999)))
        paint = skia.Paint(
            Shader=shader, ColorFilter=_alpha_from_red(c, 3.0, -1.25 + 0.1 * i), BlendMode=skia.BlendMode.kScreen
        )
        cv.drawPaint(paint)
    # A diagonal band makes it read as a galaxy arm rather than uniform fog.
    band = skia.Paint(
        Shader=skia.GradientShader.MakeLinear(
            [skia.Point(0, sh * rng.uniform(0.0, 0.3)), skia.Point(sw, sh * rng.uniform(0.7, 1.0))],
            [0x30000000, 0xFF000000, 0x30000000],
        ),
        BlendMode=skia.BlendMode.kDstIn,
    )
    cv.drawPaint(band)
    img = surface.makeImageSnapshot()
    art.canvas.drawImageRect(
        img,
        skia.Rect.MakeXYWH(x, y, w, h),
        LINEAR,
        skia.Paint(Alpha=round(alpha * 255)),
    )


_GRAIN_CACHE: dict[int, skia.Image] = {}


def _grain_tile(seed: int, size: int = 512) -> skia.Image:
    """A tile of premultiplied black and white specks (alpha follows |noise|), drawn with src-over.

    Src-over of this tile costs ~1/5 of an overlay-blended noise pass at 1600x2560.
    """
    key = seed % 31
    img = _GRAIN_CACHE.get(key)
    if img is None:
        rng = np.random.default_rng(1000 + key)
        n = rng.normal(0.0, 1.0, (size, size))
        alpha = np.clip(np.abs(n) * 60.0, 0, 255).astype(np.uint8)
        value = np.where(n > 0, alpha, 0).astype(np.uint8)  # white specks premultiplied; black ones are 0
        arr = np.ascontiguousarray(np.dstack([value, value, value, alpha]))
        img = skia.Image.fromarray(arr, colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
        _GRAIN_CACHE[key] = img
    return img


def grain(art: Art, amount: float = 0.06) -> None:
    """Fine film grain; it also breaks up any residual gradient banding."""
    if amount <= 0:
        return
    art.grain = max(art.grain, amount)
    tile = _grain_tile(art.seed)
    scale = max(1.0, art.s * 1.1)
    # Small canvases (previews, thumbnails) get lighter grain: at 1 px per speck it reads as noise.
    amount *= max(0.35, min(1.0, art.s / 1.6))
    # Nearest sampling: bilinear filtering of noise costs a third more and looks the same.
    shader = tile.makeShader(
        skia.TileMode.kRepeat, skia.TileMode.kRepeat, skia.SamplingOptions(), skia.Matrix.Scale(scale, scale)
    )
    art.canvas.drawPaint(skia.Paint(Shader=shader, Alpha=round(min(1.0, amount * 3.0) * 255)))


def knock_calm(art: Art, canvas: skia.Canvas, strength: float, pad: float, feather: float) -> None:
    """Fade what `canvas` holds out of the calm zones (canvas maps art pixels; used on the small
    offscreen surfaces of soft layers and clouds, where it costs next to nothing)."""
    unit = min(art.w, art.h)
    pad_px, feather_px = pad * unit, feather * unit
    paint = skia.Paint(AntiAlias=True, Color=argb((0, 0, 0), min(1.0, strength)))
    paint.setBlendMode(skia.BlendMode.kDstOut)
    if feather_px > 0.5:
        paint.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, feather_px / 2))
    for x, y, w, h in art.calm:
        rect = skia.Rect.MakeXYWH(x - pad_px, y - pad_px, w + 2 * pad_px, h + 2 * pad_px)
        canvas.drawRRect(skia.RRect.MakeRectXY(rect, pad_px, pad_px), paint)


class calm_layer:  # noqa: N801 - used as a context manager, like a function
    """Paint decorative detail (leaves, rays, grid cells, rain) in a layer, then fade it out of the
    calm zones with a feathered knockout: the background under the text stays, the detail goes.

    strength 1 removes the detail entirely inside the zones, 0.6 thins it to 40%.
    """

    def __init__(self, art: Art, *, strength: float = 1.0, pad: float = 0.015, feather: float = 0.02):
        self.art, self.strength, self.pad, self.feather = art, strength, pad, feather

    def __enter__(self):
        if self.art.calm:
            self.art.canvas.saveLayer(None, None)
        return self

    def __exit__(self, *exc):
        art = self.art
        if not art.calm:
            return False
        unit = min(art.w, art.h)
        pad, feather = self.pad * unit, self.feather * unit
        paint = skia.Paint(AntiAlias=True, Color=argb((0, 0, 0), min(1.0, self.strength)))
        paint.setBlendMode(skia.BlendMode.kDstOut)
        if feather > 0.5:
            paint.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, feather / 2))
        for x, y, w, h in art.calm:
            rect = skia.Rect.MakeXYWH(x - pad, y - pad, w + 2 * pad, h + 2 * pad)
            art.canvas.drawRRect(skia.RRect.MakeRectXY(rect, pad, pad), paint)
        art.canvas.restore()
        return False


def soft_layer(art: Art, draw, *, down: float = 4.0, alpha: float = 1.0, calm: float = 0.0):
    """Draw soft, low-frequency light (rays, haze) on a small surface and scale it up: much cheaper
    than blurring at full resolution, and indistinguishable for content without edges."""
    sw, sh = max(8, int(art.w / down)), max(8, int(art.h / down))
    surface = skia.Surface(sw, sh)
    cv = surface.getCanvas()
    cv.clear(0x00000000)
    cv.scale(sw / art.w, sh / art.h)
    draw(cv)
    if calm > 0 and art.calm:
        knock_calm(art, cv, calm, 0.03, 0.06)
    img = surface.makeImageSnapshot()
    # Src-over only: a screen blend while scaling up costs ~6x more on the CPU raster pipeline.
    art.canvas.drawImageRect(img, skia.Rect.MakeWH(art.w, art.h), LINEAR, skia.Paint(Alpha=round(alpha * 255)))


def paper(art: Art, c: RGB, amount: float = 0.5) -> None:
    """Paper: a flat stock with large soft mottling (one tone, never coloured blotches) and grain."""
    art.canvas.drawPaint(fill_paint(c))
    shade = mix(c, (0.45, 0.36, 0.25), 0.35)
    # The colour filter is applied on the small surface: filtering while scaling up costs 3x more.
    sw, sh = max(8, int(art.w / 12)), max(8, int(art.h / 12))
    small = skia.Surface(sw, sh)
    shader = skia.PerlinNoiseShader.MakeFractalNoise(0.09, 0.09, 3, float(art.seed % 1000 + 3))
    small.getCanvas().drawPaint(
        skia.Paint(Shader=shader, ColorFilter=_alpha_from_red(shade, 0.9 * amount, -0.3 * amount))
    )
    art.canvas.drawImageRect(small.makeImageSnapshot(), skia.Rect.MakeWH(art.w, art.h), LINEAR, skia.Paint())
    grain(art, 0.05 * amount + 0.03)


def halftone(art: Art, rect, c: RGB, *, cell: float = 18.0, angle: float = 30.0, fade: str = "down", alpha=0.5):
    """A halftone dot screen whose dots grow along a direction (a cheap print look)."""
    x, y, w, h = rect
    step = cell * art.s
    dot = skia.Paint(AntiAlias=True, Color=argb(c, alpha))
    canvas = art.canvas
    canvas.save()
    canvas.clipRect(skia.Rect.MakeXYWH(x, y, w, h))
    canvas.translate(x + w / 2, y + h / 2)
    canvas.rotate(angle)
    half = math.hypot(w, h) / 2
    n = int(half / step) + 1
    # Limit the dot count; big canvases get bigger cells rather than more Python calls.
    if n > 70:
        step *= n / 70
        n = 70
    for j in range(-n, n + 1):
        for i in range(-n, n + 1):
            px, py = i * step, j * step
            # Position back in canvas space, for the size ramp.
            rad = math.radians(angle)
            gx = px * math.cos(rad) - py * math.sin(rad)
            gy = px * math.sin(rad) + py * math.cos(rad)
            if fade == "down":
                t = (gy + h / 2) / h
            elif fade == "up":
                t = 1 - (gy + h / 2) / h
            elif fade == "radial":
                t = 1 - min(1.0, math.hypot(gx, gy) / (0.6 * max(w, h)))
            else:
                t = (gx + w / 2) / w
            r = step * 0.5 * max(0.0, min(1.0, t)) ** 1.2
            if r > 0.4:
                canvas.drawCircle(px, py, r, dot)
    canvas.restore()


def vignette(art: Art, strength: float = 0.55, c: RGB = (0, 0, 0)) -> None:
    cx, cy = art.w / 2, art.h / 2
    r = math.hypot(art.w, art.h) * 0.62
    # Only the ring outside the clear centre is drawn: half the pixels of a full pass.
    ring = skia.Path()
    ring.addRect(skia.Rect.MakeWH(art.w, art.h))
    hole = skia.Path()
    hole.addOval(skia.Rect(cx - r * 0.54, cy - r * 0.54, cx + r * 0.54, cy + r * 0.54))
    ring = skia.Op(ring, hole, skia.PathOp.kDifference_PathOp) or ring
    art.canvas.drawPath(
        ring, radial(cx, cy, r, [(0.0, c, 0.0), (0.55, c, 0.0), (0.82, c, strength * 0.55), (1.0, c, strength)])
    )


def fog(art: Art, y: float, height: float, c: RGB, alpha: float = 0.7) -> None:
    """A horizontal fog bank centred on y."""
    art.canvas.drawRect(
        skia.Rect(0, y - height / 2, art.w, y + height / 2),
        linear(art, y - height / 2, y + height / 2, [(0.0, c, 0.0), (0.5, c, alpha), (1.0, c, 0.0)]),
    )


def rays(
    art: Art,
    cx: float,
    cy: float,
    c: RGB,
    *,
    count: int = 14,
    spread: float = 360.0,
    start: float = 0.0,
    alpha: float = 0.22,
    name: str = "rays",
    calm: float = 0.0,
) -> None:
    """Light rays fanning from (cx, cy): wedges with a radial falloff, painted soft at low resolution."""
    rng = art.rng(name)
    length = math.hypot(art.w, art.h) * 1.2
    path = skia.Path()
    for i in range(count):
        a = math.radians(start + spread * (i + rng.uniform(0.1, 0.9)) / count)
        half = math.radians(spread / count) * rng.uniform(0.12, 0.34)
        path.moveTo(cx, cy)
        path.lineTo(cx + math.cos(a - half) * length, cy + math.sin(a - half) * length)
        path.lineTo(cx + math.cos(a + half) * length, cy + math.sin(a + half) * length)
        path.close()
    paint = radial(cx, cy, length * 0.65, [(0.0, c, alpha), (0.5, c, alpha * 0.45), (1.0, c, 0.0)])
    paint.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, 6 * art.s))

    def draw(cv: skia.Canvas) -> None:
        cv.drawPath(path, paint)

    soft_layer(art, draw, down=4.0, calm=calm)


def sun(art: Art, cx: float, cy: float, r: float, c: RGB, glow_c: RGB, *, halo: float = 6.0) -> None:
    if not art.allows("sun"):
        return
    _record(art, "sun", cx - r, cy - r, 2 * r, 2 * r)
    glow(art, cx, cy, r * halo, glow_c, 0.55)
    glow(art, cx, cy, r * 2.2, lighten(glow_c, 0.3), 0.7)
    art.canvas.drawCircle(cx, cy, r, radial(cx, cy, r, [(0.0, lighten(c, 0.7), 1.0), (1.0, c, 1.0)]))


def moon(art: Art, cx: float, cy: float, r: float, c: RGB, glow_c: RGB, *, phase: float = 0.0, craters=True) -> None:
    """A moon with halo, soft limb shading and a few craters; phase > 0 draws a crescent."""
    if not art.allows("moon"):
        return
    _record(art, "moon", cx - r, cy - r, 2 * r, 2 * r)
    glow(art, cx, cy, r * 5.0, glow_c, 0.45)
    canvas = art.canvas
    disc = skia.Path()
    disc.addCircle(cx, cy, r)
    if phase > 0:
        cut = skia.Path()
        cut.addCircle(cx + r * (0.35 + 0.6 * (1 - phase)), cy - r * 0.15, r * 0.95)
        disc = skia.Op(disc, cut, skia.PathOp.kDifference_PathOp) or disc
    base = lighten(c, 0.55)
    canvas.drawPath(
        disc,
        radial(cx - r * 0.3, cy - r * 0.3, r * 1.5, [(0.0, lighten(base, 0.5), 1.0), (1.0, mix(base, c, 0.6), 1.0)]),
    )
    if craters and phase == 0:
        rng = art.rng("craters")
        canvas.save()
        canvas.clipPath(disc, doAntiAlias=True)
        for _ in range(7):
            a = rng.uniform(0, 2 * math.pi)
            d = rng.uniform(0.1, 0.75) * r
            cr = rng.uniform(0.07, 0.22) * r
            canvas.drawCircle(cx + math.cos(a) * d, cy + math.sin(a) * d, cr, fill_paint(mix(base, c, 0.9), 0.28))
        canvas.restore()


def planet(art: Art, cx: float, cy: float, r: float, c: RGB, light: RGB, *, rings: bool = False, name="planet"):
    """A lit sphere with banding, terminator shadow, atmosphere rim and optional rings."""
    canvas = art.canvas
    _record(art, "planet", cx - r, cy - r, 2 * r, 2 * r)
    rng = art.rng(name)
    tilt = rng.uniform(-25, -8)
    ring_c = mix(c, light, 0.5)
    if rings:
        _planet_ring(canvas, cx, cy, r, tilt, ring_c, back=True)
    glow(art, cx, cy, r * 1.5, light, 0.25)
    disc = skia.Path()
    disc.addCircle(cx, cy, r)
    canvas.save()
    canvas.clipPath(disc, doAntiAlias=True)
    canvas.drawPaint(
        radial(
            cx - r * 0.4,
            cy - r * 0.4,
            r * 1.9,
            [(0.0, lighten(c, 0.45), 1.0), (0.6, c, 1.0), (1.0, mix(c, (0, 0, 0), 0.5), 1.0)],
        )
    )
    canvas.save()
    canvas.rotate(tilt, cx, cy)
    for _ in range(7):
        by = cy + rng.uniform(-1, 1) * r
        bh = rng.uniform(0.04, 0.16) * r
        canvas.drawRect(
            skia.Rect(cx - r * 1.5, by, cx + r * 1.5, by + bh), fill_paint(mix(c, light, rng.uniform(0, 0.5)), 0.25)
        )
    canvas.restore()
    # Terminator: night side.
    canvas.drawPaint(
        radial(
            cx - r * 0.5,
            cy - r * 0.5,
            r * 2.3,
            [(0.0, (0, 0, 0), 0.0), (0.55, (0, 0, 0), 0.0), (0.8, (0, 0, 0), 0.65), (1.0, (0, 0, 0), 0.85)],
        )
    )
    canvas.restore()
    rim = skia.Paint(AntiAlias=True, Color=argb(lighten(light, 0.3), 0.5), StrokeWidth=max(1.0, r * 0.025))
    rim.setStyle(skia.Paint.kStroke_Style)
    rim.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, max(1.0, r * 0.02)))
    canvas.drawArc(skia.Rect(cx - r, cy - r, cx + r, cy + r), 160, 130, False, rim)
    if rings:
        _planet_ring(canvas, cx, cy, r, tilt, ring_c, back=False)


def _planet_ring(canvas, cx, cy, r, tilt, c, *, back: bool) -> None:
    canvas.save()
    canvas.rotate(tilt, cx, cy)
    canvas.clipRect(skia.Rect(cx - r * 3, cy - r * 3 if back else cy, cx + r * 3, cy if back else cy + r * 3))
    for _k, (rx, a) in enumerate(((2.1, 0.55), (1.85, 0.35), (1.6, 0.5))):
        p = skia.Paint(AntiAlias=True, Color=argb(c, a), StrokeWidth=r * 0.09)
        p.setStyle(skia.Paint.kStroke_Style)
        canvas.drawOval(skia.Rect(cx - r * rx, cy - r * rx * 0.22, cx + r * rx, cy + r * rx * 0.22), p)
    canvas.restore()


def rain(art: Art, rect, c: RGB, *, count: int = 260, angle: float = 12, alpha: float = 0.35, name="rain"):
    if not art.allows("rain"):
        return
    x, y, w, h = rect
    _record(art, "rain", x, y, w, h)
    rng = art.rng(name)
    p = skia.Paint(AntiAlias=True, StrokeWidth=max(1.0, 1.4 * art.s))
    p.setStyle(skia.Paint.kStroke_Style)
    dx = math.tan(math.radians(angle))
    pad = 0.02 * min(art.w, art.h)
    for _ in range(int(count * art.busy)):
        px, py = x + rng.random() * w, y + rng.random() * h
        ln = rng.uniform(20, 55) * art.s
        if art.in_calm(px, py, pad) or art.in_calm(px + dx * ln, py + ln, pad):
            continue  # streaks through the letters blur them
        p.setColor(argb(c, alpha * rng.uniform(0.4, 1.0)))
        art.canvas.drawLine(px, py, px + dx * ln, py + ln, p)


def snow(art: Art, rect, c: RGB, *, count: int = 220, name="snow"):
    if not art.allows("snow"):
        return
    x, y, w, h = rect
    _record(art, "snow", x, y, w, h)
    rng = art.rng(name)
    p = skia.Paint(AntiAlias=True)
    for _ in range(int(count * art.busy)):
        px, py = x + rng.random() * w, y + rng.random() * h
        if art.in_calm(px, py):
            continue
        r = rng.uniform(1.5, 5.5) * art.s
        p.setColor(argb(c, rng.uniform(0.45, 0.95)))
        art.canvas.drawCircle(px, py, r, p)


def lightning(art: Art, x: float, y0: float, y1: float, c: RGB, *, name="lightning"):
    if not art.allows("lightning"):
        return
    rng = art.rng(name)
    _record(art, "lightning", x - 0.05 * art.w, y0, 0.1 * art.w, y1 - y0)
    path = skia.Path()
    path.moveTo(x, y0)
    px, py = x, y0
    steps = 11
    for _i in range(steps):
        py += (y1 - y0) / steps
        px += rng.uniform(-1, 1) * 40 * art.s
        path.lineTo(px, py)
        if rng.random() < 0.25:
            bx, by = px, py
            path.moveTo(bx, by)
            path.lineTo(bx + rng.uniform(-90, 90) * art.s, by + rng.uniform(40, 120) * art.s)
            path.moveTo(px, py)
    glowp = skia.Paint(AntiAlias=True, Color=argb(c, 0.55), StrokeWidth=14 * art.s)
    glowp.setStyle(skia.Paint.kStroke_Style)
    glowp.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, 14 * art.s))
    art.canvas.drawPath(path, glowp)
    core = skia.Paint(AntiAlias=True, Color=argb(lighten(c, 0.8), 1.0), StrokeWidth=3.2 * art.s)
    core.setStyle(skia.Paint.kStroke_Style)
    core.setStrokeJoin(skia.Paint.kRound_Join)
    art.canvas.drawPath(path, core)
