"""Drawing placed text on the painted art: ink choice, treatments measured to 4.5:1, ornaments.

For each element we read the painted pixels behind its glyphs (the glyph shapes grown by a
tenth of the type size), pick the ink, then raise the treatment's strength until the measured
contrast reaches the target, simulating each step on those pixels before drawing it. After
drawing we measure again on the real canvas; that figure is what the report states.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import skia

from . import contrast as C
from .setter import ElementReport, Placed, TextPlan, cap_ratio, faces_used, paint_lines
from .spec import SAFE_MARGIN

DEFAULT_PALETTE = {
    "light_ink": "#f7f3ea",
    "dark_ink": "#16161a",
    "accent": "#d4a24c",
    "paper": "#f4efe4",
}
BASE_STRENGTH = {"shadow": 0.55, "glow": 0.6, "outline": 1.0, "panel": 0.82, "band": 0.78}


@dataclass
class Layer:
    """One treatment: a coverage field (for simulation) and how to draw it on the canvas."""

    name: str
    color: tuple[int, int, int]
    field: np.ndarray  # float32 (h, w) coverage within the element rect
    draw: Callable[[skia.Canvas, int, float], None]  # (canvas, argb colour, opacity)
    strength: float = 0.0


def _palette_rgb(palette: dict[str, str], key: str) -> tuple[int, int, int]:
    return C.hex_to_rgb(palette.get(key) or DEFAULT_PALETTE[key])


def _palette_hex(palette: dict[str, str], key: str) -> str:
    return "#{:02x}{:02x}{:02x}".format(*_palette_rgb(palette, key))


def _toward(rgb, target, t: float) -> tuple[int, int, int]:
    return tuple(int(round(a + (b - a) * t)) for a, b in zip(rgb, target, strict=False))


def _opposite(ink: tuple[int, int, int], palette: dict[str, str]) -> tuple[int, int, int]:
    """A shade for scrims and shadows behind this ink: dark behind light ink, pale behind dark."""
    if C.luminance_rgb(ink) > 0.4:
        base = _palette_rgb(palette, "dark_ink")
        while C.luminance_rgb(base) > 0.02:
            base = _toward(base, (0, 0, 0), 0.35)
        return base
    base = _palette_rgb(palette, "paper")
    while C.luminance_rgb(base) < 0.75:
        base = _toward(base, (255, 255, 255), 0.35)
    return base


@dataclass
class Grid:
    """A coarse grid over an element's rect: fields and measurements are computed on it.

    Type at 300 px does not need per-pixel analysis: one sample per `f` pixels (about 40 per
    em) keeps every stem visible and makes the blur/dilate work a few hundred times cheaper.
    Soft layers (shadow, glow) are drawn from the grid image scaled back up, which is smooth
    because they are blurred anyway.
    """

    f: int
    x0: int
    y0: int
    rows: np.ndarray  # full-res row of each grid row
    cols: np.ndarray
    mask: skia.Image  # glyph coverage on the grid

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows), len(self.cols)

    def sample(self, full: np.ndarray) -> np.ndarray:
        return full[self.rows][:, self.cols]


def _grid(p: Placed) -> Grid:
    f = max(1, int(round(p.fitted.size / 40)))
    full_h, full_w = p.alpha.shape
    h, w = -(-full_h // f), -(-full_w // f)
    padded = np.zeros((h * f, w * f), np.float32)
    padded[:full_h, :full_w] = p.alpha
    coverage = padded.reshape(h, f, w, f).mean(axis=(1, 3))
    rgba = np.zeros((h, w, 4), np.uint8)
    rgba[..., :] = np.clip(np.rint(coverage), 0, 255).astype(np.uint8)[..., None]
    mask = skia.Image.fromarray(rgba, colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
    rows = np.minimum(np.arange(h) * f + f // 2, full_h - 1)
    cols = np.minimum(np.arange(w) * f + f // 2, full_w - 1)
    return Grid(f, p.rect[0], p.rect[1], rows, cols, mask)


def _render_grid(grid: Grid, draw: Callable[[skia.Canvas], None]) -> skia.Image:
    h, w = grid.shape
    surface = skia.Surface(w, h)
    canvas = surface.getCanvas()
    canvas.clear(0)
    draw(canvas)
    return surface.makeImageSnapshot()


def _alpha(image: skia.Image) -> np.ndarray:
    return image.toarray(colorType=skia.kRGBA_8888_ColorType)[..., 3].astype(np.float32) / 255.0


def _tinted(color: int, alpha: float, image_filter=None) -> skia.Paint:
    paint = skia.Paint(AntiAlias=True)
    paint.setColorFilter(skia.ColorFilters.Blend(color, skia.BlendMode.kSrcIn))
    paint.setAlphaf(alpha)
    if image_filter is not None:
        paint.setImageFilter(image_filter)
    return paint


LINEAR = skia.SamplingOptions(skia.FilterMode.kLinear)


def _soft_glyph_layer(p: Placed, grid: Grid, name: str, color, image_filter) -> Layer:
    """A blurred layer derived from the glyph shapes, built on the grid, drawn scaled up."""
    image = _render_grid(grid, lambda c: c.drawImage(grid.mask, 0, 0, LINEAR, _tinted(0xFFFFFFFF, 1.0, image_filter)))
    field = _alpha(image)
    # An alpha-only image drawn with a plain colour paint: the fast path for scaling it up.
    coverage = skia.Image.fromarray(
        np.ascontiguousarray(np.rint(field * 255).astype(np.uint8)), colorType=skia.kAlpha_8_ColorType
    )

    def draw(canvas: skia.Canvas, argb: int, opacity: float) -> None:
        paint = skia.Paint(AntiAlias=True, Color=argb)
        paint.setAlphaf(opacity)
        canvas.save()
        canvas.translate(grid.x0, grid.y0)
        canvas.scale(grid.f, grid.f)
        canvas.drawImage(coverage, 0, 0, LINEAR, paint)
        canvas.restore()

    return Layer(name, color, field, draw)


def _outline_layer(p: Placed, grid: Grid, color) -> Layer:
    """A crisp outline: the glyphs grown at full resolution (small radius, so affordable)."""
    radius = max(1.0, 0.035 * p.fitted.size)
    field = _alpha(
        _render_grid(
            grid, lambda c: c.drawImage(grid.mask, 0, 0, LINEAR, _tinted(0xFFFFFFFF, 1.0,
                                        skia.ImageFilters.Dilate(radius / grid.f, radius / grid.f)))
        )
    )  # fmt: skip

    def draw(canvas: skia.Canvas, argb: int, opacity: float) -> None:
        # Stroking the glyph outlines is exact and far cheaper than dilating the mask.
        stroke = skia.Paint(AntiAlias=True, Color=argb, Style=skia.Paint.kStroke_Style, StrokeWidth=2 * radius)
        stroke.setStrokeJoin(skia.Paint.kRound_Join)
        stroke.setAlphaf(opacity)
        paint_lines(canvas, p.fitted.lines, p.style, p.fitted.size, p.origins, paint=stroke)

    return Layer("outline", color, field, draw)


def _rect_layer(grid: Grid, name: str, color, rect: skia.Rect, blur: float = 0.0) -> Layer:
    def paint_for(argb: int, opacity: float, sigma: float) -> skia.Paint:
        paint = skia.Paint(AntiAlias=True, Color=argb)
        paint.setAlphaf(opacity)
        if sigma:
            paint.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, sigma))
        return paint

    def draw_grid(canvas: skia.Canvas) -> None:
        canvas.scale(1 / grid.f, 1 / grid.f)
        canvas.drawRect(rect.makeOffset(-grid.x0, -grid.y0), paint_for(0xFFFFFFFF, 1.0, blur))

    def draw(canvas: skia.Canvas, argb: int, opacity: float) -> None:
        canvas.drawRect(rect, paint_for(argb, opacity, blur))

    return Layer(name, color, _alpha(_render_grid(grid, draw_grid)), draw)


def _layer(name: str, p: Placed, grid: Grid, color, canvas_w: int, box=None) -> Layer:
    s = p.fitted.size
    g = s / grid.f  # the type size in grid cells
    bx0, by0, bx1, by1 = box or p.ink_box
    if name == "shadow":
        image_filter = skia.ImageFilters.Offset(
            0.02 * g, 0.035 * g,
            skia.ImageFilters.Blur(0.07 * g, 0.07 * g, input=skia.ImageFilters.Dilate(0.03 * g, 0.03 * g)),
        )  # fmt: skip
        return _soft_glyph_layer(p, grid, name, color, image_filter)
    if name == "glow":
        image_filter = skia.ImageFilters.Blur(0.16 * g, 0.16 * g, input=skia.ImageFilters.Dilate(0.05 * g, 0.05 * g))
        return _soft_glyph_layer(p, grid, name, color, image_filter)
    if name == "outline":
        return _outline_layer(p, grid, color)
    if name == "panel":
        rect = skia.Rect.MakeLTRB(bx0 - 0.45 * s, by0 - 0.32 * s, bx1 + 0.45 * s, by1 + 0.32 * s)
        return _rect_layer(grid, name, color, rect)
    if name == "band":
        rect = skia.Rect.MakeLTRB(0, by0 - 0.35 * s, canvas_w, by1 + 0.35 * s)
        return _rect_layer(grid, name, color, rect)
    return _scrim_layer(p, grid, color, (bx0, by0, bx1, by1), canvas_w)


# Eased fall-off of a scrim (coverage at evenly spaced stops): no visible edge where it ends.
FADE = (1.0, 0.93, 0.75, 0.5, 0.25, 0.07, 0.0)


def _scrim_layer(p: Placed, grid: Grid, color, box, canvas_w: int) -> Layer:
    """A shade as a photographer's graduated filter: from the nearer edge of the cover (or, in
    the middle, a feathered full-width band), full strength behind the text, fading beyond it."""
    s = p.fitted.size
    _, by0, _, by1 = box
    canvas_h = p.canvas_height
    fade = 1.8 * s
    centre = (by0 + by1) / 2 / canvas_h
    if centre < 0.4:
        spans = [(by1 + 0.15 * s, by1 + 0.15 * s + fade)]  # solid from the top edge down to the text
        solid = (0.0, by1 + 0.15 * s)
    elif centre > 0.6:
        spans = [(by0 - 0.15 * s, by0 - 0.15 * s - fade)]
        solid = (by0 - 0.15 * s, canvas_h)
    else:
        spans = [(by0 - 0.15 * s, by0 - 0.15 * s - fade), (by1 + 0.15 * s, by1 + 0.15 * s + fade)]
        solid = (by0 - 0.15 * s, by1 + 0.15 * s)

    def paint_on(canvas: skia.Canvas, argb: int, opacity: float) -> None:
        rgb = argb & 0xFFFFFF
        paint = skia.Paint(AntiAlias=True, Color=argb)
        paint.setAlphaf(opacity)
        paint.setDither(True)
        canvas.drawRect(skia.Rect.MakeLTRB(0, solid[0], canvas_w, solid[1]), paint)
        for start, end in spans:
            colors = [(round(255 * opacity * a) << 24) | rgb for a in FADE]
            positions = [i / (len(FADE) - 1) for i in range(len(FADE))]
            shader = skia.GradientShader.MakeLinear([(0, start), (0, end)], colors, positions)
            fill = skia.Paint(AntiAlias=True, Shader=shader)
            fill.setDither(True)
            canvas.drawRect(skia.Rect.MakeLTRB(0, min(start, end), canvas_w, max(start, end)), fill)

    def draw_grid(canvas: skia.Canvas) -> None:
        canvas.scale(1 / grid.f, 1 / grid.f)
        canvas.translate(-grid.x0, -grid.y0)
        paint_on(canvas, 0xFFFFFFFF, 1.0)

    return Layer("scrim", color, _alpha(_render_grid(grid, draw_grid)), paint_on)


def _snapshot(surface: skia.Surface, rect) -> np.ndarray:
    """The canvas pixels (RGB) inside rect, read directly (no whole-canvas snapshot copy)."""
    x0, y0, x1, y1 = rect
    out = np.empty((y1 - y0, x1 - x0, 4), np.uint8)
    info = skia.ImageInfo.Make(x1 - x0, y1 - y0, skia.kRGBA_8888_ColorType, skia.kUnpremul_AlphaType)
    if not surface.readPixels(info, out, (x1 - x0) * 4, x0, y0):
        raise RuntimeError("could not read the canvas back")
    return out[..., :3]


def _behind(p: Placed, grid: Grid) -> np.ndarray:
    """Flat grid indexes of the pixels behind the element's ink box.

    The whole box, not only the letters' surroundings: the corners beside a short line count
    too, so a glow or shadow that only darkens near the strokes must be backed by a scrim when
    the art there is too light.
    """
    x0, y0, x1, y1 = p.ink_box
    rows = (grid.rows + grid.y0 >= y0) & (grid.rows + grid.y0 < y1)
    cols = (grid.cols + grid.x0 >= x0) & (grid.cols + grid.x0 < x1)
    # Pixels under the letters' own strokes are hidden by the ink: they are not "behind" it.
    uncovered = grid.sample(p.alpha) < 64
    return np.flatnonzero(rows[:, None] & cols[None, :] & uncovered)


def _choose_ink(want: str, bg: np.ndarray, palette: dict[str, str]) -> tuple[tuple[int, int, int], str]:
    """The designed ink when it reads; else the one that reads; else the one needing least shade.

    `want` is "light" | "dark" | "accent" | "auto".
    """
    options = {
        "light": _palette_rgb(palette, "light_ink"),
        "dark": _palette_rgb(palette, "dark_ink"),
        "accent": _palette_rgb(palette, "accent"),
    }
    scores = {k: C.measured(C.luminance_rgb(v), bg) for k, v in options.items()}
    if want in options and scores[want] >= C.AIM:
        return options[want], want
    best_plain = max(("light", "dark"), key=lambda k: scores[k])
    if scores[best_plain] >= C.AIM or not bg.size:
        return options[best_plain], best_plain
    # Neither reads on its own: take the ink that needs the lighter shade behind it (the worst
    # pixels alone would pick white over bright grass because of one dark corner); the designed
    # ink wins a near tie.
    ones = np.ones(len(bg), np.float32)

    def shade_needed(k: str) -> float:
        need = C.strength_needed(C.luminance_rgb(options[k]), bg, _opposite(options[k], palette), ones)
        return (1.1 if need is None else need) - (0.1 if k == want else 0.0)

    chosen = min(("light", "dark"), key=shade_needed)
    return options[chosen], chosen


def draw_element(
    surface: skia.Surface,
    p: Placed,
    *,
    treatment: str,
    ink_pref: str,
    palette: dict[str, str],
    box=None,
) -> Pending | ElementReport:
    """Choose one element's ink and draw the shades it needs (its ink comes later, once every
    element's shades are down); `box` (px) is what a panel or band must cover, by default its
    own ink. A knockout is finished at once: it has no ink of its own."""
    canvas = surface.getCanvas()
    width = surface.width()
    grid = _grid(p)
    idx = _behind(p, grid)
    art = grid.sample(_snapshot(surface, p.rect)).reshape(-1, 3)
    bg = art[idx]
    ink, ink_name = _choose_ink(ink_pref, bg, palette)
    ink_lum = C.luminance_rgb(ink)
    shade = _opposite(ink, palette)

    if treatment == "knockout":
        return _knockout(surface, p, grid, ink, shade, art, box or p.ink_box)

    layers: list[Layer] = []
    sim = bg.astype(np.float32)
    if treatment in BASE_STRENGTH:
        layer = _layer(treatment, p, grid, shade, width, box)
        layer.strength = BASE_STRENGTH[treatment]
        sim = C.blend(sim, shade, layer.field.reshape(-1)[idx] * layer.strength)
        layers.append(layer)
    if C.measured(ink_lum, sim) < C.AIM and layers:
        # Strengthen the designed treatment first.
        layer = layers[0]
        need = C.strength_needed(ink_lum, bg, shade, layer.field.reshape(-1)[idx], start=layer.strength)
        layer.strength = need if need is not None else 1.0
        sim = C.blend(bg.astype(np.float32), shade, layer.field.reshape(-1)[idx] * layer.strength)
    if C.measured(ink_lum, sim) < C.AIM:
        # Add a soft scrim under everything, as strong as needed.
        scrim = _layer("scrim", p, grid, shade, width)
        f = scrim.field.reshape(-1)[idx]
        need = C.strength_needed(ink_lum, sim, shade, f)
        scrim.strength = need if need is not None else 1.0
        sim = C.blend(sim, shade, f * scrim.strength)
        layers.insert(0, scrim)
    if C.measured(ink_lum, sim) < C.AIM:
        # Last resort: a solid panel of the shade, and an ink at the far end of the scale.
        panel = _layer("panel", p, grid, shade, width)
        panel.strength = 1.0
        layers.insert(0, panel)
        ink = (255, 255, 255) if ink_lum > 0.4 else (0, 0, 0)
        ink_lum = C.luminance_rgb(ink)

    for layer in layers:
        layer.draw(canvas, C.rgb_to_argb(layer.color), layer.strength)
    return Pending(p, grid, idx, ink, ink_lum, shade, layers)


@dataclass
class Pending:
    """An element whose shades are drawn and whose ink is not yet."""

    placed: Placed
    grid: Grid
    idx: np.ndarray
    ink: tuple[int, int, int]
    ink_lum: float
    shade: tuple[int, int, int]
    layers: list[Layer]

    def measure(self, surface: skia.Surface) -> float:
        pixels = self.grid.sample(_snapshot(surface, self.placed.rect)).reshape(-1, 3)[self.idx]
        return C.measured(self.ink_lum, pixels)

    def settle(self, surface: skia.Surface) -> bool:
        """Measure on the canvas as it now is; add scrim passes while it falls short (the
        simulation can miss by a little: blur tails, rounding, a neighbour's shade). Returns
        whether anything was drawn."""
        added = False
        for _ in range(4):
            if self.measure(surface) >= C.TARGET:
                return added
            scrim = _layer("scrim", self.placed, self.grid, self.shade, surface.width())
            scrim.draw(surface.getCanvas(), C.rgb_to_argb(self.shade), 0.5)
            scrim.strength = 0.5
            self.layers.append(scrim)
            added = True
        return added

    def finish(self, surface: skia.Surface) -> ElementReport:
        measured = self.measure(surface)
        p = self.placed
        ink_paint = skia.Paint(AntiAlias=True, Color=C.rgb_to_argb(self.ink))
        paint_lines(surface.getCanvas(), p.fitted.lines, p.style, p.fitted.size, p.origins, paint=ink_paint)
        names = [f"{layer.name}:{layer.strength:.2f}" for layer in self.layers] or ["plain"]
        return _report(p, self.ink, "+".join(names), measured, surface.width(), surface.height())


def _knockout(surface: skia.Surface, p: Placed, grid: Grid, panel_rgb, shade, art: np.ndarray, box) -> ElementReport:
    """A solid panel in the ink colour with the letters cut out, the art showing through.

    Here the panel is the 'ink' and the art inside the letters the background; the art inside
    the letters is tinted toward the opposite tone until they read apart.
    """
    canvas = surface.getCanvas()
    width, height = surface.width(), surface.height()
    # Only the letters' solid interiors: their anti-aliased rims are part panel, part art.
    inside = grid.sample(p.alpha).reshape(-1) >= 250
    idx = np.flatnonzero(inside)
    panel_lum = C.luminance_rgb(panel_rgb)
    letters_bg = art[idx]
    need = C.strength_needed(panel_lum, letters_bg, shade, np.ones(len(idx), np.float32))
    tint = need if need is not None else 1.0
    s = p.fitted.size
    bx0, by0, bx1, by1 = box
    panel = skia.Rect.MakeLTRB(bx0 - 0.4 * s, by0 - 0.3 * s, bx1 + 0.4 * s, by1 + 0.3 * s)
    # Tint the art inside the letters, then the panel with the letters punched out.
    canvas.drawImage(p.mask, p.rect[0], p.rect[1], skia.SamplingOptions(), _tinted(C.rgb_to_argb(shade), tint))
    canvas.saveLayer(panel, None)
    canvas.drawRect(panel, skia.Paint(AntiAlias=True, Color=C.rgb_to_argb(panel_rgb)))
    cut = skia.Paint(AntiAlias=True)
    cut.setBlendMode(skia.BlendMode.kDstOut)
    canvas.drawImage(p.mask, p.rect[0], p.rect[1], skia.SamplingOptions(), cut)
    canvas.restore()
    after = grid.sample(_snapshot(surface, p.rect)).reshape(-1, 3)[idx]
    measured = C.measured(panel_lum, after)
    return _report(p, panel_rgb, f"knockout:{tint:.2f}", measured, width, height)


def _report(p: Placed, ink, treatment: str, measured: float, width: int, height: int) -> ElementReport:
    x0, y0, x1, y1 = p.ink_box
    m = SAFE_MARGIN
    in_safe = x0 >= m * width and y0 >= m * height and x1 <= (1 - m) * width and y1 <= (1 - m) * height
    return ElementReport(
        role=p.role,
        text=p.text,
        box=p.ink_box,
        lines=p.fitted.lines,
        font_size=round(p.fitted.size, 2),
        letter_height=round(p.fitted.size * cap_ratio(p.style.chain[0]), 2),
        faces=faces_used(p),
        ink="#{:02x}{:02x}{:02x}".format(*tuple(ink)),
        treatment=treatment,
        contrast=round(measured, 2),
        clipped=p.clipped,
        in_safe_zone=in_safe,
    )


# --- ornaments -----------------------------------------------------------------------------


def draw_ornament(surface: skia.Surface, plan: TextPlan, ornament: str, ink_hex: str) -> None:
    if ornament == "none":
        return
    canvas = surface.getCanvas()
    width, height = surface.width(), surface.height()
    ink = C.rgb_to_argb(C.hex_to_rgb(ink_hex))
    unit = min(width, height)
    paint = skia.Paint(AntiAlias=True, Color=ink, Style=skia.Paint.kStroke_Style)
    if ornament == "frame":
        inset, line = 0.04 * unit, max(1.0, 0.0028 * unit)
        paint.setStrokeWidth(line)
        canvas.drawRect(skia.Rect.MakeLTRB(inset, inset, width - inset, height - inset), paint)
        inner = inset + 3.2 * line
        paint.setStrokeWidth(line * 0.5)
        canvas.drawRect(skia.Rect.MakeLTRB(inner, inner, width - inner, height - inner), paint)
        return
    title, _author = plan.element("title"), plan.element("author")
    if title is None:
        return
    tb = title.ink_box
    # The ornament hangs just under the title (or over it when everything else is above),
    # never adrift halfway down an empty sky, and never so close that it reads as underlining:
    # with a subtitle set tight under the title it goes under the subtitle, or not at all.
    cap = title.fitted.size * cap_ratio(title.style.chain[0])
    step, need = 0.7 * cap, 0.6 * cap
    y = _ornament_y(plan, tb, step, need)
    if y is None:
        return
    cx = (tb[0] + tb[2]) / 2 if title.align == "center" else (tb[0] if title.align == "left" else tb[2])
    half = min(0.16 * width, 0.3 * (tb[2] - tb[0]))
    line = max(1.0, 0.0025 * unit)
    x0, x1 = (cx - half, cx + half) if title.align == "center" else (
        (cx, cx + 2 * half) if title.align == "left" else (cx - 2 * half, cx)
    )  # fmt: skip
    paint.setStrokeWidth(line)
    if ornament == "rule":
        canvas.drawLine(x0, y, x1, y, paint)
        return
    # flourish: two tapering strokes meeting at a small diamond
    mid = (x0 + x1) / 2
    d = 3.5 * line
    fill = skia.Paint(AntiAlias=True, Color=ink)
    for side in (-1, 1):
        end = x0 if side < 0 else x1
        path = skia.Path()
        path.moveTo(mid + side * 2 * d, y - line * 0.8)
        path.lineTo(end, y)
        path.lineTo(mid + side * 2 * d, y + line * 0.8)
        path.close()
        canvas.drawPath(path, fill)
    diamond = skia.Path()
    diamond.moveTo(mid, y - d)
    diamond.lineTo(mid + d, y)
    diamond.lineTo(mid, y + d)
    diamond.lineTo(mid - d, y)
    diamond.close()
    canvas.drawPath(diamond, fill)


def _ornament_y(plan: TextPlan, tb, step: float, need: float) -> float | None:
    others = sorted((p.ink_box for p in plan.placed if p.role != "title"), key=lambda b: b[1])
    below = [b for b in others if b[1] >= tb[3]]
    above = [b for b in others if b[3] <= tb[1]]
    if below:
        gap = below[0][1] - tb[3]
        if gap >= 2 * need:
            return tb[3] + min(step, gap / 2)
        # Tight subtitle: try the gap under it.
        anchor = below[0]
        rest = [b for b in below[1:] if b[1] >= anchor[3]]
        gap = (rest[0][1] if rest else plan.height * 0.95) - anchor[3]
        if gap >= 2 * need:
            return anchor[3] + min(step, gap / 2)
        return None
    if above:
        gap = tb[1] - above[-1][3]
        return tb[1] - min(step, gap / 2) if gap >= 2 * need else None
    return tb[3] + step if tb[3] + step < plan.height * 0.95 else None


def draw_text(
    surface: skia.Surface, plan: TextPlan, *, palette: dict[str, str], treatment: str, ink: str, ornament: str
) -> list[ElementReport]:
    # Title first: its treatment (a band, a panel) must not cover the smaller lines.
    want = ink
    drawn: list[Pending | ElementReport] = []
    for p in sorted(plan.placed, key=lambda p: 0 if p.role == "title" else 1):
        own = treatment
        if p.role != "title" and treatment in ("panel", "band", "knockout"):
            own = "plain"  # the smaller lines get only what contrast requires
        box = _treatment_box(p, plan) if p.role == "title" else None
        step = draw_element(surface, p, treatment=own, ink_pref=want, palette=palette, box=box)
        if p.role == "title" and isinstance(step, Pending):
            # The other lines prefer the title's ink (one voice, one colour) when it reads on
            # their ground; where it does not they take the other ink rather than a heavy wash.
            keys = {"light": "light_ink", "dark": "dark_ink", "accent": "accent"}
            ink_hex = "#{:02x}{:02x}{:02x}".format(*step.ink)
            want = next((k for k, key in keys.items() if _palette_hex(palette, key) == ink_hex), want)
        drawn.append(step)
    # Every shade is down before any ink: a later element's scrim must not veil earlier letters.
    # Shades of neighbours may still meet, so each element is measured again on the finished
    # ground and topped up in its own shade where it fell short (round again after a top-up,
    # which can touch a neighbour in turn).
    pending = [d for d in drawn if isinstance(d, Pending)]
    for _ in range(2):
        if not any([d.settle(surface) for d in pending]):
            break
    reports = [d.finish(surface) if isinstance(d, Pending) else d for d in drawn]
    title_report = next((r for r in reports if r.role == "title"), None)
    if title_report:
        draw_ornament(surface, plan, ornament, title_report.ink)
    order = {role: i for i, role in enumerate(("title", "subtitle", "author"))}
    return sorted(reports, key=lambda r: order[r.role])


def _treatment_box(title: Placed, plan: TextPlan) -> tuple[int, int, int, int]:
    """The title's ink box, grown to take in a subtitle set right against it (one panel for both)."""
    x0, y0, x1, y1 = title.ink_box
    near = 0.8 * title.fitted.size
    for p in plan.placed:
        if p.role != "subtitle":
            continue
        b = p.ink_box
        if -near < b[1] - y1 < near or -near < y0 - b[3] < near:
            x0, y0, x1, y1 = min(x0, b[0]), min(y0, b[1]), max(x1, b[2]), max(y1, b[3])
    return x0, y0, x1, y1
