"""Set title, subtitle and author on a painted cover.

Two phases, because the artwork is painted between them: `plan_text` resolves faces, fits and
places every element (it needs only the layout, the type spec and the text), then
`draw_text` measures the painted pixels behind each element, picks the ink and the treatment
strength that reach 4.5:1, and draws.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import skia

from .fit import Fitted, apply_case, fit_text, make_paragraph
from .fonts import Cut, Face, face_by_slug, face_for_voice, font_chain, resolve_faces, text_scripts, typeface
from .layout import split_for_subtitle
from .spec import SAFE_MARGIN, LayoutSpec, TextBlock, TypeSpec

ROLES = ("title", "subtitle", "author")


@dataclass
class Style:
    face: Face
    weight: int
    chain: list[Cut]
    tracking: float  # em
    locale: str


@dataclass
class Placed:
    role: str
    text: str  # as set (case applied)
    style: Style
    fitted: Fitted
    block: tuple[float, float, float, float]  # px x0, y0, x1, y1
    align: str
    rect: tuple[int, int, int, int]  # px area of the mask surface
    origins: list[tuple[float, float]]  # px (x, baseline) of each line
    mask: skia.Image
    alpha: np.ndarray  # uint8 (h, w) coverage of the glyphs inside rect
    ink_box: tuple[int, int, int, int]  # px x0, y0, x1, y1 of the drawn glyphs
    clipped: bool
    canvas_height: int = 0


@dataclass(frozen=True)
class ElementReport:
    role: str
    text: str
    box: tuple[int, int, int, int]  # ink box in px (x0, y0, x1, y1)
    lines: tuple[str, ...]
    font_size: float
    letter_height: float  # px, cap height of the primary face at this size
    faces: tuple[str, ...]  # typefaces that actually draw the characters
    ink: str
    treatment: str
    contrast: float  # measured on the pixels behind the glyphs, after treatment
    clipped: bool
    in_safe_zone: bool


@dataclass
class TextPlan:
    width: int
    height: int
    spec: TypeSpec
    placed: list[Placed] = field(default_factory=list)

    def element(self, role: str) -> Placed | None:
        return next((p for p in self.placed if p.role == role), None)


# --- styles --------------------------------------------------------------------------------


def _locale(text: str) -> str:
    scripts = text_scripts(text)
    if "kana" in scripts:
        return "ja"
    if "hangul" in scripts:
        return "ko"
    if "han" in scripts:
        return "zh-Hans"
    if "arabic" in scripts:
        return "ar"
    if "devanagari" in scripts:
        return "hi"
    return ""


def _style(role: str, text: str, spec: TypeSpec, key: str, context: str) -> tuple[str, Style]:
    if role == "title":
        face = face_by_slug(spec.title_face) if spec.title_face else face_for_voice(spec.title_voice, key)
        weight, case, tracking = spec.title_weight, spec.title_case, spec.title_tracking
    else:
        # Author and subtitle share one face: at most two typefaces per cover.
        if spec.author_face:
            face = face_by_slug(spec.author_face)
        elif spec.author_voice:
            face = face_for_voice(spec.author_voice, key)
        else:
            face = face_by_slug(spec.title_face) if spec.title_face else face_for_voice(spec.title_voice, key)
        if face.voice == "script" and role == "author":
            case, tracking = "as-is", 0.0
        else:
            case, tracking = spec.author_case, spec.author_tracking
        weight = spec.author_weight
        if role == "subtitle":
            # Subtitles read as a sentence: no capitals, little tracking, lighter weight.
            case = "as-is"
            tracking = min(tracking, 0.04)
            weight = max(300, min(weight, 500))
    if face.caps_only and case == "as-is" and face.voice != "rounded":
        tracking = max(tracking, 0.02)
    set_text = apply_case(text, case)
    locale = _locale(set_text)
    if locale in ("ja", "ko", "zh-Hans"):
        locale = _locale(context) if _locale(context) in ("ja", "ko") else locale
    if locale in ("ar", "hi", "ja", "ko", "zh-Hans"):
        tracking = 0.0  # letter spacing breaks joining and conjuncts
    return set_text, Style(face, weight, font_chain(face, weight, set_text, context=context), tracking, locale)


def cap_ratio(cut: Cut) -> float:
    font = skia.Font(typeface(cut.slug, cut.weight, cut.width), 100)
    cap = font.getMetrics().fCapHeight
    return cap / 100 if cap > 0 else 0.7


# --- placement -----------------------------------------------------------------------------


def _block_px(block: TextBlock, w: int, h: int) -> tuple[float, float, float, float]:
    x, y, bw, bh = block.box
    return x * w, y * h, (x + bw) * w, (y + bh) * h


def paint_lines(canvas: skia.Canvas, p_lines, style: Style, size: float, origins, *, dx=0.0, dy=0.0, paint=None):
    """Paint the lines at their origins (shifted by dx, dy), optionally with a custom paint.

    Skia spreads letter spacing half before and half after each glyph; the origins are where
    the visible line starts, so the paragraph starts half a letter space earlier.
    """
    lead = style.tracking * size / 2
    for line, (lx, baseline) in zip(p_lines, origins, strict=False):
        paragraph = make_paragraph(line, style.chain, size, tracking=style.tracking, locale=style.locale, paint=paint)
        paragraph.paint(canvas, lx + dx - lead, baseline - paragraph.AlphabeticBaseline + dy)


def _rasterize(
    text_lines: tuple[str, ...], style: Style, fitted: Fitted, origins: list[tuple[float, float]], rect
) -> tuple[skia.Image, np.ndarray]:
    x0, y0, x1, y1 = rect
    surface = skia.Surface(max(1, x1 - x0), max(1, y1 - y0))
    canvas = surface.getCanvas()
    canvas.clear(0)
    paint_lines(canvas, text_lines, style, fitted.size, origins, dx=-x0, dy=-y0)
    image = surface.makeImageSnapshot()
    alpha = image.toarray(colorType=skia.kRGBA_8888_ColorType)[..., 3].copy()
    return image, alpha


def _ink_box(alpha: np.ndarray, rect) -> tuple[int, int, int, int] | None:
    rows = np.flatnonzero(alpha.max(axis=1) > 8)
    cols = np.flatnonzero(alpha.max(axis=0) > 8)
    if rows.size == 0:
        return None
    return rect[0] + int(cols[0]), rect[1] + int(rows[0]), rect[0] + int(cols[-1]) + 1, rect[1] + int(rows[-1]) + 1


def _raster_at(fitted: Fitted, style: Style, origins, block_px, canvas_size):
    width, height = canvas_size
    pad = int(fitted.size * 0.7) + 4
    top = min(y for _, y in origins) - fitted.ascent
    bottom = max(y for _, y in origins) + fitted.descent
    right = max(x + w for (x, _), w in zip(origins, fitted.line_widths, strict=True))
    rect = (
        max(0, int(min(block_px[0], min(x for x, _ in origins)) - pad)),
        max(0, int(top - pad)),
        min(width, int(max(block_px[2], right) + pad)),
        min(height, int(bottom + pad)),
    )
    mask, alpha = _rasterize(fitted.lines, style, fitted, origins, rect)
    return mask, alpha, rect, _ink_box(alpha, rect)


def place(
    role: str,
    text: str,
    style: Style,
    block_px,
    *,
    align: str,
    valign: str,
    max_size: float,
    min_size: float,
    y_limits: tuple[float, float],
    canvas_size: tuple[int, int],
) -> Placed | None:
    """Fit and position one element; shrink until its glyphs sit inside the safe zone."""
    width, height = canvas_size
    safe = (SAFE_MARGIN * width, SAFE_MARGIN * height, (1 - SAFE_MARGIN) * width, (1 - SAFE_MARGIN) * height)
    bx0, by0, bx1, by1 = block_px
    lo, hi = max(y_limits[0], safe[1]), min(y_limits[1], safe[3])
    if "arabic" in text_scripts(text) and align != "center":
        align = "right" if align == "left" else "left"  # mirror for right-to-left text
    cap = max_size
    result: Placed | None = None
    for _ in range(10):
        fitted = fit_text(
            text,
            style.chain,
            max_width=bx1 - bx0,
            max_height=by1 - by0,
            max_size=cap,
            min_size=min(min_size, cap),
            tracking=style.tracking,
            locale=style.locale,
            line_cost=0.0 if role == "title" else 0.6,
        )
        if not fitted.lines:
            return None
        if fitted.height > hi - lo:
            # Even the grown block is too short: smaller type, never overlap or clipping.
            cap = fitted.size * (hi - lo) / fitted.height * 0.98
            continue
        if valign == "top":
            top = by0
        elif valign == "bottom":
            top = by1 - fitted.height
        else:
            top = (by0 + by1 - fitted.height) / 2
        top = min(max(top, lo), hi - fitted.height)
        origins = []
        for i, lw in enumerate(fitted.line_widths):
            if align == "left":
                lx = bx0
            elif align == "right":
                lx = bx1 - lw
            else:
                lx = (bx0 + bx1 - lw) / 2
            origins.append((lx, top + fitted.ascent + i * fitted.leading))
        mask, alpha, rect, box = _raster_at(fitted, style, origins, block_px, canvas_size)
        if box is None:
            return None
        # Align the real ink (swashes, accents, descenders) rather than the font metrics: move
        # it into place within the block and the allowed band, then draw it there.
        ink_h = box[3] - box[1]
        if valign == "top":
            want = by0
        elif valign == "bottom":
            want = by1 - ink_h
        else:
            want = (by0 + by1 - ink_h) / 2
        want = min(max(want, lo), hi - ink_h)
        dy = round(want - box[1])
        if box[1] + dy < lo:
            dy = math.ceil(lo - box[1])
        elif box[3] + dy > hi:
            dy = math.floor(hi - box[3])
        dx = 0
        if box[0] < safe[0]:
            dx = math.ceil(safe[0] - box[0])
        elif box[2] > safe[2]:
            dx = math.floor(safe[2] - box[2])
        if dx or dy:
            origins = [(x + dx, y + dy) for x, y in origins]
            mask, alpha, rect, box = _raster_at(fitted, style, origins, block_px, canvas_size)
        clipped = bool(alpha[0].max() or alpha[-1].max() or alpha[:, 0].max() or alpha[:, -1].max())
        result = Placed(role, text, style, fitted, block_px, align, rect, origins, mask, alpha, box, clipped, height)
        inside = box[0] >= safe[0] and box[1] >= lo and box[2] <= safe[2] and box[3] <= hi
        if inside and not clipped:
            return result
        cap = fitted.size * 0.93
    return result


def plan_text(
    *,
    width: int,
    height: int,
    layout: LayoutSpec,
    spec: TypeSpec,
    title: str,
    subtitle: str,
    author: str,
    key: str,
    title_scale: float = 1.0,
) -> TextPlan:
    """Fit and place title, subtitle and author into the layout's blocks.

    `title_scale` (an edit: "bigger title") scales the title's fitted size; a bigger title may
    use the full safe width and more lines.
    """
    plan = TextPlan(width=width, height=height, spec=spec)
    context = " ".join((title, subtitle, author))
    unit = min(width, height / 1.6)
    gap = 0.018 * height
    safe_top, safe_bottom = SAFE_MARGIN * height, (1 - SAFE_MARGIN) * height

    title_block, sub_block = layout.title, layout.subtitle
    dynamic_subtitle = bool(subtitle.strip()) and sub_block is None
    if dynamic_subtitle:
        title_block, sub_block = split_for_subtitle(title_block)

    author_px = _block_px(layout.author, width, height)
    title_px = _block_px(title_block, width, height)
    author_below = (author_px[1] + author_px[3]) / 2 > (title_px[1] + title_px[3]) / 2

    def limits_avoiding(px_blocks: list[tuple[float, float, float, float]], own) -> tuple[float, float]:
        lo, hi = safe_top, safe_bottom
        own_mid = (own[1] + own[3]) / 2
        for b in px_blocks:
            if (b[1] + b[3]) / 2 > own_mid:
                hi = min(hi, b[1] - gap)
            else:
                lo = max(lo, b[3] + gap)
        return lo, hi

    others = [author_px] + ([_block_px(sub_block, width, height)] if sub_block and not dynamic_subtitle else [])
    if dynamic_subtitle:
        # Keep room for the subtitle between the title and the author.
        sub_px = _block_px(sub_block, width, height)
        if author_below:
            others.append(sub_px)
    text_set, style = _style("title", title, spec, key, context)
    letter = cap_ratio(style.chain[0])
    words = len(text_set.split())
    # Titles of up to five words stand at least 4% of the cover height (cap height).
    min_size = (0.042 if words <= 5 else 0.03) * height / letter
    max_size = 0.26 * unit / max(letter / 0.7, 0.8)
    title_placed = place(
        "title", text_set, style, title_px,
        align=title_block.align, valign=title_block.valign,
        max_size=max_size, min_size=min_size,
        y_limits=limits_avoiding(others, title_px), canvas_size=(width, height),
    )  # fmt: skip
    if title_placed and title_scale != 1.0:
        target = title_placed.fitted.size * title_scale
        block = title_px
        if title_scale > 1.0:
            left, right = (SAFE_MARGIN + 0.01) * width, (1 - SAFE_MARGIN - 0.01) * width
            if title_block.align == "left":
                block = (title_px[0], title_px[1], right, title_px[3])
            elif title_block.align == "right":
                block = (left, title_px[1], title_px[2], title_px[3])
            else:
                block = (left, title_px[1], right, title_px[3])
        scaled = place(
            "title", text_set, style, block,
            align=title_block.align, valign=title_block.valign,
            max_size=max(target, min_size), min_size=max(min_size, target) if title_scale > 1 else min_size,
            y_limits=limits_avoiding(others, title_px), canvas_size=(width, height),
        )  # fmt: skip
        title_placed = scaled or title_placed
    if title_placed:
        plan.placed.append(title_placed)
    title_size = title_placed.fitted.size * letter if title_placed else 0.05 * height

    if author.strip():
        text_set, style = _style("author", author, spec, key, context)
        aletter = cap_ratio(style.chain[0])
        occupied = [title_placed.ink_box] if title_placed else []
        author_placed = place(
            "author", text_set, style, author_px,
            align=layout.author.align, valign=layout.author.valign,
            max_size=min(0.62 * title_size, 0.05 * unit) / aletter,
            min_size=0.014 * height / aletter,
            y_limits=limits_avoiding(occupied, author_px), canvas_size=(width, height),
        )  # fmt: skip
        if author_placed:
            plan.placed.append(author_placed)
    if subtitle.strip() and sub_block is not None:
        text_set, style = _style("subtitle", subtitle, spec, key, context)
        sletter = cap_ratio(style.chain[0])
        author_el = plan.element("author")
        author_size = author_el.fitted.size * cap_ratio(author_el.style.chain[0]) if author_el else title_size / 2
        sub_px = _block_px(sub_block, width, height)
        if dynamic_subtitle and title_placed:
            tb = title_placed.ink_box
            # Leave room for a rule or flourish between title and subtitle when there is one.
            lead = 1.5 if spec.ornament in ("rule", "flourish") else 0.35
            top = tb[3] + lead * title_placed.fitted.size * letter
            sub_px = (sub_px[0], top, sub_px[2], top + (sub_px[3] - sub_px[1]))
        occupied = [p.ink_box for p in plan.placed]
        subtitle_placed = place(
            "subtitle", text_set, style, sub_px,
            align=sub_block.align, valign=sub_block.valign,
            max_size=min(0.85 * author_size, 0.5 * title_size, 0.04 * unit) / sletter,
            min_size=0.012 * height / sletter,
            y_limits=limits_avoiding(occupied, sub_px), canvas_size=(width, height),
        )  # fmt: skip
        if subtitle_placed:
            plan.placed.append(subtitle_placed)
    return plan


def calm_zones(plan: TextPlan, pad: float = 0.02) -> list[tuple[float, float, float, float]]:
    """Normalised rectangles where the painter should keep the art quiet."""
    zones = []
    for p in plan.placed:
        x0, y0, x1, y1 = p.ink_box
        zones.append(
            (
                max(0.0, x0 / plan.width - pad),
                max(0.0, y0 / plan.height - pad),
                min(1.0, (x1 - x0) / plan.width + 2 * pad),
                min(1.0, (y1 - y0) / plan.height + 2 * pad),
            )
        )
    return zones


def faces_used(p: Placed) -> tuple[str, ...]:
    return tuple(sorted({slug for slug in resolve_faces(p.style.chain, p.text).values()}))
