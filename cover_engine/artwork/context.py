"""The painting context shared by every painter: canvas, size, palette, seeded randomness, calm zones."""

from __future__ import annotations

import math
import random
import zlib
from dataclasses import dataclass, field

import numpy as np
import skia

from ..palettes import PALETTE_KEYS
from .color import RGB, adjusted, parse_hex

# Used when a brief lacks a key (or has no palette at all): a neutral dusk.
DEFAULT_COLORS = {
    "sky_top": "#1b2340",
    "sky_bottom": "#6a5a7a",
    "horizon": "#e2a27a",
    "far": "#5b5a78",
    "mid": "#3a3a58",
    "near": "#1e1e30",
    "ground": "#141422",
    "accent": "#d9a441",
    "glow": "#ffe2a8",
    "light_ink": "#f6f1e7",
    "dark_ink": "#15151d",
    "paper": "#efe6d4",
}


# Removing one motif removes its close kin too: "no moon" also means no crescent or eclipse disc.
AVOID_ALIASES: dict[str, tuple[str, ...]] = {
    "moon": ("moon", "crescent", "full moon", "eclipse"),
    "sun": ("sun", "sunrise", "sunset"),
    "bird": ("bird", "birds", "crow", "crows", "raven"),
    "raven": ("raven", "crow", "crows"),
    "stars": ("stars", "star", "starfield", "constellation"),
    "clouds": ("clouds", "cloud"),
    "rain": ("rain",),
    "snow": ("snow", "snowflake"),
    "lightning": ("lightning", "thunder"),
    "storm": ("storm", "lightning", "rain"),
    "tree": ("tree", "bare tree", "pine", "oak"),
    "bare tree": ("bare tree",),
    "house": ("house", "cottage"),
    "boat": ("boat", "ship"),
    "ship": ("ship", "boat"),
    "flowers": ("flowers", "flower", "rose"),
    "rose": ("rose",),
    "mushroom": ("mushroom",),
    "woman": ("woman", "lone figure", "figure"),
    "lone figure": ("lone figure", "figure", "woman"),
    "light rays": ("light rays", "rays"),
}


def _norm(name: str) -> str:
    return str(name).strip().lower().replace("_", " ").replace("-", " ")


def avoid_set(names) -> frozenset[str]:
    out: set[str] = set()
    for raw in names or ():
        n = _norm(raw)
        if not n:
            continue
        out.add(n)
        out.update(AVOID_ALIASES.get(n, ()))
        if n.endswith("s"):
            out.add(n[:-1])
    return frozenset(out)


def stable_offset(name: str) -> int:
    """A process-independent integer for a string (Python's hash() is salted per process)."""
    return zlib.crc32(name.encode("utf-8"))


@dataclass
class MotifRef:
    name: str
    weight: float
    source: str = ""


@dataclass
class Art:
    canvas: skia.Canvas
    w: int
    h: int
    seed: int
    params: dict
    brief: object
    calm: list[tuple[float, float, float, float]]  # pixel rects x, y, w, h
    pal: dict[str, RGB] = field(default_factory=dict)
    motifs: list[MotifRef] = field(default_factory=list)
    lighting: str = "dusk"
    setting: str = "landscape"
    mood: str = ""
    genre: str = ""
    subgenre: str = ""
    busy: float = 1.0
    avoid: frozenset[str] = frozenset()  # motif names the brief removed ("no moon"), aliases expanded
    adjust: dict[str, float] = field(default_factory=dict)
    # What the painter has placed so far, in pixels: ("body" | "hero" | "secondary", rect). Later pieces
    # keep clear of earlier ones (an emblem never half covers the moon); tests read it too.
    layout: list[tuple[str, skia.Rect]] = field(default_factory=list)
    # The film grain the painter laid over its picture (fx.grain): subjects added after it get the same.
    grain: float = 0.0

    def placed(self, kind: str) -> list[skia.Rect]:
        return [r for k, r in self.layout if k == kind]

    def allows(self, *names: str) -> bool:
        """False when any of the names was removed by the brief: default scene pieces (a night
        scene's moon, a horror scene's crows) check this before they are painted."""
        return not any(_norm(n) in self.avoid for n in names)

    @property
    def s(self) -> float:
        """Length unit: 1/1000 of the shorter side, so sizes read the same at any scale."""
        return min(self.w, self.h) / 1000.0

    @property
    def square(self) -> bool:
        return self.h < self.w * 1.2

    def rng(self, name: str) -> random.Random:
        # A string seed is hashed with SHA-512 by random.seed (never the salted hash()), so nearby
        # integer seeds give unrelated streams; integer keys close together gave correlated first draws.
        return random.Random(f"{self.seed}/{name}")

    def np_rng(self, name: str) -> np.random.Generator:
        return np.random.default_rng([self.seed & 0xFFFFFFFF, stable_offset(name)])

    def param(self, name: str, default):
        value = self.params.get(name, default)
        return default if value in (None, "auto", "") else value

    def c(self, key: str) -> RGB:
        return self.pal[key]

    @property
    def hero(self) -> MotifRef | None:
        return self.motifs[0] if self.motifs else None

    @property
    def secondary(self) -> list[MotifRef]:
        return self.motifs[1:]

    # --- calm zones -------------------------------------------------------------------------
    def in_calm(self, x: float, y: float, pad: float = 0.0) -> bool:
        for zx, zy, zw, zh in self.calm:
            if zx - pad <= x <= zx + zw + pad and zy - pad <= y <= zy + zh + pad:
                return True
        return False

    def rect_calm_overlap(self, rect: tuple[float, float, float, float]) -> float:
        """Share of a pixel rect (x, y, w, h) covered by calm zones."""
        x, y, w, h = rect
        if w <= 0 or h <= 0:
            return 0.0
        total = 0.0
        for zx, zy, zw, zh in self.calm:
            ix = max(0.0, min(x + w, zx + zw) - max(x, zx))
            iy = max(0.0, min(y + h, zy + zh) - max(y, zy))
            total += ix * iy
        return min(1.0, total / (w * h))

    def free_band(self, lo: float = 0.0, hi: float | None = None) -> tuple[float, float]:
        """The tallest horizontal band (y0, y1) in [lo, hi] not crossed by a wide calm zone."""
        hi = self.h if hi is None else hi
        blocks = sorted(
            (zy, zy + zh) for zx, zy, zw, zh in self.calm if zw > 0.35 * self.w and zy + zh > lo and zy < hi
        )
        best = (lo, hi) if not blocks else (lo, lo)
        cursor = lo
        for y0, y1 in blocks:
            if y0 - cursor > best[1] - best[0]:
                best = (cursor, y0)
            cursor = max(cursor, y1)
        if blocks and hi - cursor > best[1] - best[0]:
            best = (cursor, hi)
        if best[1] - best[0] < 0.18 * (hi - lo):
            # Calm zones cover nearly everything: fall back to the middle of the range.
            mid = (lo + hi) / 2
            return (mid - 0.2 * (hi - lo), mid + 0.2 * (hi - lo))
        return best


def build_art(
    canvas: skia.Canvas,
    *,
    width: int,
    height: int,
    params: dict,
    brief,
    seed: int,
    calm_zones: list[tuple[float, float, float, float]],
) -> Art:
    palette = getattr(brief, "palette", None)
    colors = dict(getattr(palette, "colors", None) or {})
    adjust = dict(getattr(brief, "adjust", None) or {})
    brightness = float(adjust.get("brightness", 0.0))
    contrast = float(adjust.get("contrast", 0.0))
    warmth = float(adjust.get("warmth", 0.0))
    busyness = float(adjust.get("busyness", 0.0))
    pal: dict[str, RGB] = {}
    for key in PALETTE_KEYS:
        try:
            rgb = parse_hex(colors.get(key) or DEFAULT_COLORS[key])
        except ValueError:
            rgb = parse_hex(DEFAULT_COLORS[key])
        pal[key] = adjusted(rgb, brightness=brightness, contrast=contrast, warmth=warmth)
    avoid = avoid_set(getattr(brief, "avoid", None) or ())
    motifs = []
    for m in getattr(brief, "motifs", None) or ():
        name = getattr(m, "name", None) or (m.get("name") if isinstance(m, dict) else str(m))
        weight = getattr(m, "weight", None)
        if weight is None and isinstance(m, dict):
            weight = m.get("weight", 0.5)
        source = getattr(m, "source", None) or (m.get("source", "") if isinstance(m, dict) else "")
        if _norm(name) in avoid:
            continue
        motifs.append(MotifRef(str(name), float(weight if weight is not None else 0.5), str(source)))
    if busyness <= -0.35 and len(motifs) > 1:
        # "Simpler": fewer secondary motifs (one per step), the hero always stays.
        keep = 3 if busyness > -0.75 else 2
        motifs = motifs[:keep]
    calm_px = [(x * width, y * height, w * width, h * height) for x, y, w, h in calm_zones]
    return Art(
        canvas=canvas,
        w=width,
        h=height,
        seed=int(seed),
        params=dict(params or {}),
        brief=brief,
        calm=calm_px,
        pal=pal,
        motifs=motifs,
        lighting=str(getattr(brief, "lighting", "") or "dusk"),
        setting=str(getattr(brief, "setting", "") or "landscape"),
        mood=str(getattr(brief, "mood", "") or ""),
        genre=str(getattr(brief, "genre", "") or ""),
        subgenre=str(getattr(brief, "subgenre", "") or ""),
        # One "simpler" step (-0.5) roughly halves the detail; one "busier" step adds about half again.
        busy=max(0.2, min(2.3, 1.0 + 1.3 * busyness)),
        adjust={k: max(-1.0, min(1.0, float(v))) for k, v in adjust.items() if isinstance(v, (int, float))},
        avoid=avoid,
    )


def fractal_noise_1d(rng: random.Random, n: int, *, octaves: int = 5, roughness: float = 0.5) -> np.ndarray:
    """Seeded 1-D fractal value noise, n samples in about -1..1, smooth (cosine interpolation)."""
    xs = np.linspace(0.0, 1.0, n)
    out = np.zeros(n)
    amp = 1.0
    total = 0.0
    for octave in range(octaves):
        knots = 2 + 3 * (2**octave)
        values = np.array([rng.uniform(-1.0, 1.0) for _ in range(knots + 1)])
        pos = xs * knots
        i0 = np.floor(pos).astype(int).clip(0, knots - 1)
        t = pos - i0
        t = (1 - np.cos(t * math.pi)) / 2
        out += amp * (values[i0] * (1 - t) + values[i0 + 1] * t)
        total += amp
        amp *= roughness
    return out / total
