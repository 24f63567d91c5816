"""The full print wrap: back, spine and front of one sheet, with bleed (or a hardcover's turn-in).

    render_wrap(recipe, geometry, isbn=..., price=..., back_text=..., author_bio=..., dpi=300) -> Wrap

The front is the cover itself, rendered again at the front panel's size with its type kept inside
the printer's safe area while the art runs on into the bleed. The back and the spine continue it:
a calm field drawn from the colours along the front's spine edge (so nothing changes at the fold,
as IngramSpark asks), eased towards the palette and given the same fine grain, on which the back
text is set in the cover's text face. Spine title and author are set only when the printer allows
text for that page count. The barcode is drawn as vector bars (isbn.py), or its box left empty.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from ..errors import EngineError
from ..palettes import contrast_ratio
from ..recipe import Recipe
from .isbn import addon_check, isbn_normalise
from .pdf import PageText, write_pdf
from .printers import Geometry, pixels
from .proof import PROOF_DPI, proof_png
from .type import BodyStyle, cover_faces

DEFAULT_DPI = 300
# How far (inches) the front's own spine-edge pixels are eased into the field beside the fold.
EDGE_BLEND = 0.35
# The field leans this far towards the palette's calm colour at the back's outer edge.
PALETTE_LEAN = 0.35
FIELD_STEP = 8  # the smooth field is computed at 1/8 of the pixels and enlarged
GRAIN_TILE = 509  # prime, so the repeat does not line up with anything
MAX_BACK_TEXT = 2000
MAX_AUTHOR_BIO = 600


@dataclass
class Wrap:
    pdf: bytes
    proof: bytes
    report: dict = field(default_factory=dict)


def _hex_rgb(value: str) -> np.ndarray:
    value = value.lstrip("#")
    return np.array([int(value[i : i + 2], 16) for i in (0, 2, 4)], dtype=np.float32)


def front_canvas(
    g: Geometry, dpi: float, width: int, height: int
) -> tuple[int, tuple[int, int], tuple[float, float, float, float]]:
    """Where the front canvas starts on the page (pixels), its size, and the front's safe area as
    shares of it: the frame both the type and the art's subjects keep inside."""
    fx = pixels(g.front[0], dpi)
    size = (width - fx, height)
    sx, sy, sw, sh = g.safe(g.front)
    cw, ch = size[0] / dpi, size[1] / dpi
    return fx, size, ((sx - fx / dpi) / cw, sy / ch, sw / cw, sh / ch)


def _front(recipe: Recipe, g: Geometry, dpi: float, width: int, height: int) -> tuple[np.ndarray, int]:
    """The front panel's pixels (from its left fold to the page's right edge) and where it starts."""
    from ..render import render_surface

    fx, size, frame = front_canvas(g, dpi, width, height)
    surface, _report = render_surface(recipe, size=size, text_frame=frame)
    rgba = surface.toarray()
    # skia's native order on this platform is BGRA.
    return np.ascontiguousarray(rgba[:, :, [2, 1, 0]]), fx


def _field(front: np.ndarray, width: int, dpi: float, palette: dict[str, str], seed: int) -> np.ndarray:
    """Back and spine: the front's spine-edge colours, smoothed, leaning towards the palette outwards."""
    height = front.shape[0]
    strip = front[:, : max(4, int(0.1 * front.shape[1]))].astype(np.float32)
    # The smooth part is computed small and enlarged (it has no detail to lose): a vertical profile
    # of the strip, averaged across and blurred down the height, eased towards the palette outwards.
    small_h, small_w = max(2, height // FIELD_STEP), max(2, width // FIELD_STEP)
    profile = np.asarray(
        Image.fromarray(strip.mean(axis=1, keepdims=True).clip(0, 255).astype(np.uint8))
        .resize((1, 24), Image.Resampling.BOX)
        .resize((1, small_h), Image.Resampling.BICUBIC),
        dtype=np.float32,
    )[:, 0, :]
    calm = (_hex_rgb(palette.get("sky_top", "#222222")) + _hex_rgb(palette.get("ground", "#222222"))) / 2
    xs = np.linspace(1.0, 0.0, small_w, dtype=np.float32)[None, :, None]  # 1 at the outer edge, 0 at the fold
    small = profile[:, None, :] * (1 - PALETTE_LEAN * xs) + calm[None, None, :] * (PALETTE_LEAN * xs)
    field = np.asarray(
        Image.fromarray(small.clip(0, 255).astype(np.uint8)).resize((width, height), Image.Resampling.BILINEAR),
        dtype=np.int16,
    ).copy()
    # Next to the fold the front's own edge column eases in, so the art flows round the spine.
    blend = min(width, max(1, int(EDGE_BLEND * dpi)))
    edge = front[:, :1, :].astype(np.float32)
    weights = (np.arange(1, blend + 1, dtype=np.float32) / blend)[None, :, None] ** 2
    near = field[:, width - blend :].astype(np.float32)
    field[:, width - blend :] = (near * (1 - weights) + edge * weights).astype(np.int16)
    # The grain: one seeded tile repeated (drawing noise for every pixel costs a second at 300 dpi).
    tile = np.random.default_rng(seed).normal(0, 2.2, size=(GRAIN_TILE, GRAIN_TILE, 1)).round().astype(np.int16)
    field += np.tile(tile, (height // GRAIN_TILE + 1, width // GRAIN_TILE + 1, 1))[:height, :width]
    return field.clip(0, 255).astype(np.uint8)


def _ink_for(background: np.ndarray, palette: dict[str, str]) -> tuple[str, float]:
    mean = "#" + "".join(f"{int(v):02x}" for v in background.reshape(-1, 3).mean(axis=0))
    light, dark = palette.get("light_ink", "#f5f1e8"), palette.get("dark_ink", "#1b1b1f")
    ink = light if contrast_ratio(light, mean) >= contrast_ratio(dark, mean) else dark
    return ink, contrast_ratio(ink, mean)


def _calm_for_text(image: np.ndarray, box_px: tuple[int, int, int, int], palette: dict[str, str]) -> tuple[str, float]:
    """Choose the back's ink; if it reads below 4.5:1, veil the text area (soft-edged) towards the
    ink's opposite until it does. Returns the ink and the contrast reached."""
    x0, y0, x1, y1 = box_px
    ink, ratio = _ink_for(image[y0:y1, x0:x1], palette)
    if ratio >= 4.5:
        return ink, ratio
    target = np.array([12, 12, 16] if _hex_rgb(ink).mean() > 128 else [246, 243, 236], dtype=np.float32)
    h, w = y1 - y0, x1 - x0
    pad = max(4, int(0.04 * max(h, w)))
    ys = np.minimum(np.arange(h + 2 * pad) - 0, (h + 2 * pad - 1) - np.arange(h + 2 * pad)) / pad
    xs = np.minimum(np.arange(w + 2 * pad), (w + 2 * pad - 1) - np.arange(w + 2 * pad)) / pad
    mask = np.clip(np.minimum(ys[:, None], xs[None, :]), 0, 1)[..., None]
    ya, yb = max(0, y0 - pad), min(image.shape[0], y1 + pad)
    xa, xb = max(0, x0 - pad), min(image.shape[1], x1 + pad)
    mask = mask[ya - (y0 - pad) : yb - (y0 - pad), xa - (x0 - pad) : xb - (x0 - pad)]
    region = image[ya:yb, xa:xb].astype(np.float32)
    for strength in (0.25, 0.4, 0.55, 0.7, 0.85):
        veiled = region * (1 - strength * mask) + target * (strength * mask)
        mean = "#" + "".join(f"{int(v):02x}" for v in veiled[pad:-pad, pad:-pad].reshape(-1, 3).mean(axis=0))
        ratio = contrast_ratio(ink, mean)
        if ratio >= 4.5:
            break
    image[ya:yb, xa:xb] = veiled.clip(0, 255).astype(np.uint8)
    return ink, ratio


def render_wrap(
    recipe: Recipe,
    *,
    geometry: Geometry,
    isbn: str | None = None,
    price: str | None = None,
    back_text: str | None = None,
    author_bio: str = "",
    dpi: float = DEFAULT_DPI,
) -> Wrap:
    g = geometry
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    isbn13 = isbn_normalise(isbn) if isbn else None
    if price is not None and price != "":
        if isbn13 is None:
            raise EngineError("a price add-on needs an ISBN", code="addon_without_isbn")
        price = addon_check(price)
    else:
        price = None
    back_text = (recipe.text.summary if back_text is None else back_text).strip()
    if len(back_text) > MAX_BACK_TEXT or len(author_bio) > MAX_AUTHOR_BIO:
        raise EngineError("the back text is longer than a back cover holds", code="back_text_too_long")

    width, height = pixels(g.width, dpi), pixels(g.height, dpi)
    front, fx = _front(recipe, g, dpi, width, height)
    timings["front"] = time.perf_counter() - t0
    palette = dict(recipe.brief.palette.colors)
    image = np.empty((height, width, 3), dtype=np.uint8)
    image[:, fx:] = front
    image[:, :fx] = _field(front, fx, dpi, palette, recipe.seed)
    timings["field"] = time.perf_counter() - t0 - timings["front"]

    title_face, text_face = cover_faces(recipe.template_id)
    px = lambda inches: int(round(inches * dpi))  # noqa: E731
    sx, sy, sw, sh = g.safe(g.back)
    bx = g.barcode_box
    text_box = (px(sx), px(sy), px(sx + sw), px(bx[1] - 0.2))
    ink, ratio = _calm_for_text(image, text_box, palette)
    spine_ink = ink
    if g.spine_text_allowed:
        s = g.spine_box
        spine_ink, _ = _ink_for(
            image[px(s[1]) : px(s[1] + s[3]), px(s[0]) : max(px(s[0] + s[2]), px(s[0]) + 1)], palette
        )

    page = PageText(
        title=recipe.text.title,
        author=recipe.text.author,
        back_text=back_text,
        author_bio=author_bio.strip(),
        ink=ink,
        spine_ink=spine_ink,
        body=BodyStyle(text_face=text_face, title_face=title_face),
        isbn13=isbn13,
        price=price,
    )
    t1 = time.perf_counter()
    pdf, proof_pdf, placed = write_pdf(image, geometry=g, dpi=dpi, page=page, proof_dpi=PROOF_DPI * 2)
    timings["pdf"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    proof = proof_png(proof_pdf, geometry=g)
    timings["proof"] = time.perf_counter() - t2
    report = {
        "rulesVersion": g.rules_version,
        "target": g.target.slug,
        "widthIn": round(g.width, 4),
        "heightIn": round(g.height, 4),
        "spineIn": g.spine,
        "dpi": dpi,
        "spineText": placed["spine_text"],
        "backTextSize": placed.get("back_size"),
        "backInkContrast": round(ratio, 2),
        "barcode": bool(isbn13),
        "isbn": isbn13,
        "price": price,
        "faces": {"title": title_face, "text": text_face},
        "colour": g.rules.colour,
        "maxInk": placed.get("max_ink"),
        "inkHeadroom": placed.get("ink_headroom"),
        "timings": {k: round(v, 3) for k, v in timings.items()},
    }
    return Wrap(pdf=pdf, proof=proof, report=report)
