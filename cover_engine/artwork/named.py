"""The named-subjects pass: every painter's picture shows the subjects the book names.

Painters compose their own picture (a runner for a fugitive, a head for a memoir, a house for a
horror novel) and most of them draw the book's hero. After the painter, this pass reads the journal
of what it actually drew and completes the picture, once, for every scene:

1. the hero (`brief.motifs[0]` when the book named it, not a genre default) is drawn as the focal
   subject, its longer side at least a fifth of the cover width, when the painter left it out or
   drew it too small to read;
2. at most two other subjects the book named (Main elements first, then the title; ART-DIRECTION:
   one focal subject, two at most) that the painter did not draw are placed at 10% of the width or
   more, in free space: clear of the calm zones where the type sits, of the hero and of each other.
   A design whose hero fills the picture (a symbol, a close-up) gets its companion beside or below
   the hero instead of none.

Placed subjects are lit and coloured like the scene: a silhouette in the scene's depth colour set
against what is behind it (dark on a light sky, lit metal on a dark field), rimmed from the scene's
sun or moon, standing subjects set down with a contact shadow; children's scenes draw the subject's
illustrated form, a named animal as a character with a face. `draw_shape` journals each one under the
name the brief used, so the design report tells what is on the cover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import skia

from . import effects as fx
from . import layers as Ly
from . import world as W
from ._lexicon_bridge import category_of
from .characters import draw_character, species_for
from .color import RGB, darken, lighten, luminance, mix, with_lightness
from .context import Art, MotifRef
from .frame import placed_inside, subject_area
from .journal import Drawn, with_names
from .motifs import draw_shape, normalise, shape_for

# Sizes as a share of the cover width (a subject's longer side), after ART-DIRECTION.
HERO_SHARE = 0.2  # the focal subject: at least a fifth of the width
HERO_WANTED = 0.36
SECOND_SHARE = 0.105  # a secondary reads at 10% of the width (of the height for a tall one)
SECOND_WANTED = 0.2
MAX_SECONDARIES = 2
# Pieces that fill the picture or a band of it: they are the scene, not subjects to keep clear of.
FIELDS = frozenset({"stars", "clouds", "rain", "snow", "fog", "mist", "lightning", "storm", "sea", "waves", "rays"})
# Scenes with a ground plane: a standing subject placed above it gets a rise of ground to stand on. The
# flat designs (a symbol, a type-led field, an abstract wash) show it as an emblem on the field instead.
GROUNDED_SCENES = frozenset({"landscape", "stage", "portrait", "rays", "horror", "seascape", "cityscape", "kids"})
# Vessels sit on water, not on a rise of ground.
AFLOAT = frozenset({"boat", "ship", "sailing ship", "canoe", "kayak", "yacht", "sailboat", "submarine", "raft"})
# The fields of the book a motif can come from (reading.model.FIELDS) and the author's edits; a genre
# default or the design's own choice is not the book's.
BOOK_SOURCES = ("main elements", "title", "subtitle", "summary", "edit")
# Sources of motifs the book itself named (not a genre default, not the design's own choice).
_NAMED_FIRST = ("main elements", "edit")
_NAMED_THEN = ("title", "subtitle")


@dataclass(frozen=True)
class Piece:
    name: str
    rect: skia.Rect  # in the painter's coordinates


def book_hero(art: Art) -> MotifRef | None:
    """The brief's hero when the book named it (a genre default is the design's to place)."""
    hero = art.hero
    if hero is None or not hero.source.startswith(BOOK_SOURCES):
        return None
    return hero


def named_secondaries(art: Art) -> list[MotifRef]:
    """The other subjects the book named, Main elements (and edits) before title nouns."""
    first = [m for m in art.secondary if m.source.startswith(_NAMED_FIRST)]
    then = [m for m in art.secondary if m.source.startswith(_NAMED_THEN)]
    return first + then


def _subject(m: MotifRef) -> bool:
    """A subject this pass can stand in a picture: not the sky, the weather or the terrain (the scene
    paints those as its world), nor a field of pieces."""
    return W.kind_of(m.name) == "silhouette" and normalise(m.name) not in FIELDS


def _kin(name: str) -> set[str]:
    n = normalise(name)
    return {n, n[:-1] if n.endswith("s") else n + "s"}


def _reads(rect: skia.Rect, art: Art) -> bool:
    """The design report's rule: a subject reads at 10% of the width, or of the height when tall."""
    return rect.width() >= 0.1 * art.w or rect.height() >= 0.1 * art.h


def _largest(pieces: Sequence[Piece], name: str) -> skia.Rect | None:
    kin = _kin(name)
    rects = [p.rect for p in pieces if normalise(p.name) in kin]
    return max(rects, key=lambda r: r.width() * r.height()) if rects else None


def pieces_in_art(art: Art, drawn: Sequence[Drawn], to_art: skia.Matrix) -> list[Piece]:
    """The journal's pieces (device pixels, unnamed figures named as the render names them) in the
    painter's coordinates (a mirrored cover is painted through a flip)."""
    figures = {m.name for m in art.motifs if category_of(m.name) == "figure"}
    out = []
    for d in with_names(list(drawn), [m.name for m in art.motifs], figure_motifs=figures):
        out.append(Piece(d.name, to_art.mapRect(skia.Rect.MakeXYWH(d.x, d.y, d.w, d.h))))
    return out


def paint_named_subjects(art: Art, drawn: Sequence[Drawn], to_art: skia.Matrix, *, scene: str = "") -> None:
    """Complete the painter's picture with the subjects the book named that it did not draw."""
    storybook = scene == "kids" or art.genre == "childrens"
    pieces = pieces_in_art(art, drawn, to_art)
    hero = book_hero(art)
    wanted: list[tuple[MotifRef, bool]] = []  # (motif, focal)
    if hero is not None and _subject(hero):
        wanted.append((hero, True))
    seconds = [m for m in named_secondaries(art) if _subject(m)][:MAX_SECONDARIES]
    # A sun or moon hero (Wolf Moon) is the scene's disc: the first named subject stands in front as focal.
    focal_left = hero is not None and not _subject(hero)
    for m in seconds:
        wanted.append((m, focal_left))
        focal_left = False
    if not wanted:
        return
    placed: list[skia.Rect] = []
    hero_rect = _largest(pieces, wanted[0][0].name) if wanted[0][1] else None
    for m, focal in wanted:
        have = _largest(pieces, m.name)
        if have is not None and _reads(have, art):
            if focal:
                hero_rect = have
            continue
        # Its spots are chosen inside the subject frame already (see _clear): drawn there, not mapped again.
        with placed_inside():
            rect = _place(art, m, focal=focal, pieces=pieces, placed=placed, hero_rect=hero_rect,
                          storybook=storybook, scene=scene)  # fmt: skip
        if rect is None:
            continue
        placed.append(rect)
        if focal:
            hero_rect = rect


# --- placing ------------------------------------------------------------------------------------
def _min_size(art: Art, shape, share: float) -> float:
    """The longer side that makes the shape read: `share` of the width for a wide one, of the height
    for a tall one (a standing figure reads by its height)."""
    b = shape.bounds()
    tall = b.height() > b.width()
    return share * (art.h if tall and share < HERO_SHARE else art.w)


def _overlap(a: skia.Rect, b: skia.Rect) -> float:
    w = min(a.right(), b.right()) - max(a.left(), b.left())
    h = min(a.bottom(), b.bottom()) - max(a.top(), b.top())
    return max(0.0, w) * max(0.0, h)


def _padded(r: skia.Rect, pad: float) -> skia.Rect:
    return skia.Rect(r.left() - pad, r.top() - pad, r.right() + pad, r.bottom() + pad)


def _blockers(art: Art, pieces: Sequence[Piece], placed: list[skia.Rect], *, strict: bool) -> list[skia.Rect]:
    """What a new subject keeps clear of: strict, every subject on the cover (the painter's house,
    its moon); else only the book's own subjects and what the layout calls hero or secondary (a
    subject may then stand in front of the scenery)."""
    book = set()
    for m in art.motifs:
        if not m.source.startswith("genre"):
            book |= _kin(m.name)
    area = art.w * art.h
    out = list(placed) + art.placed("hero") + art.placed("secondary")
    for p in pieces:
        n = normalise(p.name)
        if n in FIELDS or p.rect.width() * p.rect.height() > 0.45 * area:
            continue
        if strict or n in book:
            out.append(p.rect)
    if strict:
        out += art.placed("body")
    pad = 0.02 * art.w
    # Breathing room around the type (less when the scenery is no obstacle): a subject touching the
    # title's box reads as a mistake.
    calm = [_padded(skia.Rect.MakeXYWH(*z), (0.035 if strict else 0.025) * art.w) for z in art.calm]
    return [_padded(r, pad) for r in out] + calm


def _dims(shape, character) -> tuple[float, float]:
    """The subject's width and height as shares of its longer side (a candle is tall and thin)."""
    if character is not None:
        return 0.75, 1.0
    b = shape.bounds()
    longer = max(b.width(), b.height(), 1e-3)
    return max(0.05, b.width() / longer), max(0.05, b.height() / longer)


def _box(cx: float, cy: float, size: float, dims: tuple[float, float]) -> skia.Rect:
    return skia.Rect.MakeXYWH(cx - size * dims[0] / 2, cy - size * dims[1] / 2, size * dims[0], size * dims[1])


def _clear(art: Art, box: skia.Rect, blockers) -> bool:
    edge = 0.03 * art.w
    # On a print front the spot is inside the subject frame (the safe area), else inside the cover.
    area = subject_area(art.canvas)
    x0, y0, x1, y1 = (
        (0.0, 0.0, art.w, art.h) if area is None else (area.left(), area.top(), area.right(), area.bottom())
    )
    if box.left() < x0 + edge or box.right() > x1 - edge or box.top() < y0 + edge or box.bottom() > y1 - edge:
        return False
    if art.rect_calm_overlap((box.left(), box.top(), box.width(), box.height())) > 0.0:
        return False
    return not any(box.intersects(b) for b in blockers)


def _spot(
    art: Art, region, wanted: float, least: float, blockers, prefer: tuple[float, float], dims, *, low: bool = False
):
    """The biggest box of the subject's proportions (cx, cy, longer side) in region (x0, y0, x1, y1)
    clear of the type and the blockers, between `least` and `wanted`; near `prefer` (x, y): beside
    the hero rather than in a corner, and low in the region for a standing subject. None when even
    `least` does not fit."""
    prefer_x, prefer_y = prefer
    x0, y0, x1, y1 = region
    best, best_score = None, -1.0
    n = 9
    for j in range(n):
        cy = y0 + (y1 - y0) * (j + 0.5) / n
        for i in range(n):
            cx = x0 + (x1 - x0) * (i + 0.5) / n
            if not _clear(art, _box(cx, cy, least, dims), blockers):
                continue
            lo, hi = least, wanted
            for _ in range(6):
                mid = (lo + hi) / 2
                if _clear(art, _box(cx, cy, mid, dims), blockers):
                    lo = mid
                else:
                    hi = mid
            off = abs(cx - prefer_x) / max(1.0, x1 - x0) + 0.8 * abs(cy - prefer_y) / art.h
            if low:
                off += 0.5 * (y1 - cy) / max(1.0, y1 - y0)
            score = lo * (1.0 - 0.35 * off)
            if score > best_score:
                best_score, best = score, (cx, cy, lo)
    return best


def _companion_spot(
    art: Art, hero_rect: skia.Rect, size: float, blockers, *, grounded: bool, least: float, dims
) -> tuple[float, float, float] | None:
    """Beside or below a hero that fills the design: in front of its lower corner, overlapping it by
    at most a third, never over the type or off the cover. A standing companion stands on the
    hero's ground line."""
    hr = hero_rect
    # The hero's own rectangles (the painter's and the layout's) are not in the way: overlap is capped.
    others = [b for b in blockers if _overlap(b, hr) < 0.6 * hr.width() * hr.height()]
    for shrink in (1.0, 0.85, 0.72):
        s = max(least, size * shrink)
        hw, hh = s * dims[0] / 2, s * dims[1] / 2
        if grounded:
            cy = min(hr.bottom(), art.h * 0.97) - hh
            cands = [(hr.right() + hw * 0.5, cy), (hr.left() - hw * 0.5, cy), (hr.right() - hw * 0.2, cy),
                     (hr.left() + hw * 0.2, cy)]  # fmt: skip
        else:
            cands = [
                (hr.right() - hw * 0.3, hr.bottom() - hh * 0.7),
                (hr.left() + hw * 0.3, hr.bottom() - hh * 0.7),
                (hr.centerX(), hr.bottom() + hh * 0.8),
                (hr.right() + hw * 0.6, hr.centerY()),
                (hr.left() - hw * 0.6, hr.centerY()),
            ]
        for cx, cy in cands:
            box = _box(cx, cy, s, dims)
            if not _clear(art, box, others):
                continue
            if _overlap(box, hr) > 0.34 * box.width() * box.height():
                continue
            return cx, cy, s
    return None


def _place(
    art: Art,
    m: MotifRef,
    *,
    focal: bool,
    pieces: Sequence[Piece],
    placed: list[skia.Rect],
    hero_rect: skia.Rect | None,
    storybook: bool,
    scene: str,
) -> skia.Rect | None:
    shape = shape_for(m.name, art.rng("named-" + m.name))
    character = species_for(m.name) if storybook else None
    grounded = shape.ground or character is not None
    least = _min_size(art, shape, HERO_SHARE if focal else SECOND_SHARE)
    wanted = art.w * (HERO_WANTED if focal else SECOND_WANTED)
    if hero_rect is not None and not focal:
        wanted = min(wanted, max(least, 0.75 * max(hero_rect.width(), hero_rect.height())))
    wanted = max(wanted, least)
    if hero_rect is None:
        prefer = (art.w * 0.5, art.h * 0.55)
    else:
        prefer = (art.w * (0.72 if hero_rect.centerX() < art.w / 2 else 0.28), hero_rect.centerY())
    whole = (0.0, 0.0, art.w, art.h)
    low = (0.0, art.h * 0.42, art.w, art.h)
    loose = _blockers(art, pieces, placed, strict=False)
    spot = None
    dims = _dims(shape, character)
    # A standing subject looks for room on the ground first, then beside the hero on its ground line,
    # and only then anywhere (set down on a knoll of its own).
    tries = [(True, low), (False, low)] if grounded else [(True, whole), (False, whole)]
    for strict, region in tries:
        blockers = _blockers(art, pieces, placed, strict=strict)
        spot = _spot(art, region, wanted, least, blockers, prefer, dims, low=grounded)
        if spot is not None:
            break
    if spot is None and hero_rect is not None:
        spot = _companion_spot(art, hero_rect, max(least, wanted * 0.7), loose, grounded=grounded, least=least,
                               dims=dims)  # fmt: skip
    if spot is None and grounded:
        spot = _spot(art, whole, wanted, least, loose, prefer, dims)
    if spot is None:
        return None
    cx, cy, size = spot
    rect = _draw(art, m, shape, character, cx=cx, cy=cy, size=size, dims=dims, grounded=grounded,
                 storybook=storybook, land=scene in GROUNDED_SCENES)  # fmt: skip
    if art.grain > 0 and character is None:
        # The same film grain as the rest of the picture over the subject, or it looks pasted on.
        anchor, y = ("bottom", cy + size * dims[1] / 2) if grounded else ("center", cy)
        art.canvas.save()
        art.canvas.clipPath(Ly.placed_path(shape, cx, y, size, anchor, canvas=art.canvas), doAntiAlias=True)
        grain = art.grain
        fx.grain(art, grain)
        art.grain = grain
        art.canvas.restore()
    art.layout.append(("hero" if focal else "secondary", rect))
    return rect


# --- drawing ------------------------------------------------------------------------------------
def _behind(art: Art, box: skia.Rect) -> RGB:
    """The mean colour already painted where the subject goes (read back from the canvas)."""
    dev = art.canvas.getTotalMatrix().mapRect(box)
    x0, y0 = max(0, int(dev.left())), max(0, int(dev.top()))
    x1, y1 = min(art.w, int(dev.right()) + 1), min(art.h, int(dev.bottom()) + 1)
    if x1 - x0 < 1 or y1 - y0 < 1:
        return art.c("sky_bottom")
    step = max(1, int(max(x1 - x0, y1 - y0) / 24))
    xs, ys = (x1 - x0 + step - 1) // step, (y1 - y0 + step - 1) // step
    buf = np.zeros((y1 - y0, x1 - x0, 4), np.uint8)
    info = skia.ImageInfo.Make(x1 - x0, y1 - y0, skia.kRGBA_8888_ColorType, skia.kPremul_AlphaType)
    if not art.canvas.readPixels(info, buf, (x1 - x0) * 4, x0, y0):
        return art.c("sky_bottom")
    px = buf[::step, ::step, :3].reshape(xs * ys, 3) / 255.0
    return (float(px[:, 0].mean()), float(px[:, 1].mean()), float(px[:, 2].mean()))


def _key_light(art: Art) -> Ly.Light:
    bodies = art.placed("body")
    if bodies:
        b = bodies[0]
        return Ly.Light(b.centerX(), b.centerY(), lighten(art.c("glow"), 0.2), 0.75)
    return Ly.Light(art.w * 0.5, -0.2 * art.h, lighten(art.c("glow"), 0.2), 0.6)


def _silhouette_fill(art: Art, bg: RGB) -> RGB:
    """The scene's depth colour, pushed away from what is behind it until it reads."""
    base = mix(art.c("near"), art.c("mid"), 0.25)
    lum = luminance(bg)
    if lum > 0.4:
        target = max(0.03, min(luminance(base), lum - 0.38))
    else:
        target = min(0.92, max(luminance(base), lum + 0.42))
    out = base
    for _ in range(12):
        cur = luminance(out)
        if abs(cur - target) < 0.03:
            break
        out = lighten(out, 0.18) if cur < target else darken(out, 0.18)
    if abs(luminance(out) - target) > 0.08:
        out = with_lightness(out, max(0.05, min(0.92, target)))
    return out


def _draw(
    art: Art,
    m: MotifRef,
    shape,
    character,
    *,
    cx: float,
    cy: float,
    size: float,
    dims: tuple[float, float],
    grounded: bool,
    storybook: bool,
    land: bool,
) -> skia.Rect:
    bg = _behind(art, _box(cx, cy, size, dims))
    base_y = cy + size * dims[1] / 2
    if character is not None:
        Ly.contact_shadow(art, cx, base_y, size * 0.7, darken(bg, 0.6), 0.45)
        return draw_character(art, character, x=cx, y=base_y, size=size, name=m.name)
    if storybook:
        fill = mix(art.c("accent"), (1, 1, 1), 0.1)
        if grounded:
            Ly.contact_shadow(art, cx, base_y, size * 0.8, darken(bg, 0.55), 0.45)
        return draw_shape(art.canvas, shape, x=cx, y=base_y if grounded else cy, size=size, fill=fill,
                          light=(1, 1, 1), detail=darken(fill, 0.4), anchor="bottom" if grounded else "center",
                          style="illustrated", tint=bg, tint_amount=0.12)  # fmt: skip
    key = _key_light(art)
    dark_bg = luminance(bg) < 0.4
    if not grounded and dark_bg:
        # An object on a dark field is lit metal with a soft glow, like the symbol scenes' emblems.
        glow_c = art.c("glow")
        fx.glow(art, cx, cy, size * 0.9, glow_c, 0.3)
        metal = fx.metal_shader(art.c("accent"))
        return draw_shape(art.canvas, shape, x=cx, y=cy, size=size, fill=metal, light=lighten(glow_c, 0.3),
                          detail=darken(art.c("accent"), 0.45), anchor="center")  # fmt: skip
    fill = _silhouette_fill(art, bg)
    anchor = "bottom" if grounded else "center"
    y = base_y if grounded else cy
    if grounded and land:
        if W.builder_name(m.name) in AFLOAT:
            _ripples(art, cx, base_y, size, mix(fill, bg, 0.3))
        elif base_y < art.h * 0.8:
            _knoll(art, cx, base_y, size, fill)
        Ly.contact_shadow(art, cx, base_y, size * 0.9, darken(mix(bg, fill, 0.5), 0.5), 0.5)
    elif grounded:
        Ly.contact_shadow(art, cx, base_y, size * 0.7, darken(bg, 0.35), 0.3)
    rect = draw_shape(art.canvas, shape, x=cx, y=y, size=size, fill=fill, light=key.color,
                      detail=mix(fill, bg, 0.35), anchor=anchor)  # fmt: skip
    Ly.rim_light(art, Ly.placed_path(shape, cx, y, size, anchor, canvas=art.canvas), key, width=max(1.0, size * 0.012))
    return rect


def _knoll(art: Art, cx: float, base_y: float, size: float, fill: RGB) -> None:
    """A rise of ground under a standing subject placed above the scene's own ground: it stands on an
    outcrop that fades into the haze below, never on thin air."""
    half, depth, b = size * 0.75, size * 0.28, base_y
    for zx, zy, zw, zh in art.calm:
        # The rise fades out before the type below it (a title under a wolf on its knoll).
        if zx < cx + half and zx + zw > cx - half and zy + zh > b:
            depth = min(depth, zy - b - 0.01 * art.h)
    if depth < size * 0.06:
        return
    path = skia.Path()
    path.moveTo(cx - half, b + depth)
    path.cubicTo(cx - half * 0.55, b - size * 0.01, cx - half * 0.3, b - size * 0.03, cx, b - size * 0.02)
    path.cubicTo(cx + half * 0.35, b - size * 0.01, cx + half * 0.6, b + depth * 0.2, cx + half, b + depth)
    path.close()
    paint = fx.linear(art, b - size * 0.03, b + depth, [(0.0, fill, 1.0), (0.45, fill, 0.9), (1.0, fill, 0.0)])
    art.canvas.drawPath(path, paint)


def _ripples(art: Art, cx: float, base_y: float, size: float, c: RGB) -> None:
    """Three thin water lines under a vessel placed away from the scene's own water."""
    paint = skia.Paint(AntiAlias=True, Color=fx.argb(c, 0.7), StrokeWidth=max(1.0, size * 0.02))
    paint.setStyle(skia.Paint.kStroke_Style)
    paint.setStrokeCap(skia.Paint.kRound_Cap)
    for k, (half, dy) in enumerate(((0.62, 0.02), (0.42, 0.07), (0.22, 0.12))):
        x0 = cx - size * half + size * 0.04 * k
        art.canvas.drawLine(x0, base_y + size * dy, x0 + 2 * size * half, base_y + size * dy, paint)
