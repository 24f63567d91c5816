"""WCAG contrast measured on pixels, and the strength a treatment needs to reach a target."""

from __future__ import annotations

import numpy as np

TARGET = 4.5
# We aim a little above the target so that anti-aliasing and re-measuring never dip below it.
AIM = 4.8
# The share of background pixels allowed to contrast worse than the reported figure: a few
# stars or sparks behind a letter do not make a title unreadable.
PERCENTILE = 3.0


def _srgb_to_linear_lut() -> np.ndarray:
    c = np.arange(256, dtype=np.float64) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4).astype(np.float32)


_LUT = _srgb_to_linear_lut()


def hex_to_rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def rgb_to_argb(rgb: tuple[int, int, int], alpha: int = 255) -> int:
    r, g, b = rgb
    return (alpha << 24) | (r << 16) | (g << 8) | b


def luminance_rgb(rgb: tuple[int, int, int]) -> float:
    r, g, b = (_LUT[int(v)] for v in rgb)
    return float(0.2126 * r + 0.7152 * g + 0.0722 * b)


def luminance(pixels: np.ndarray) -> np.ndarray:
    """Relative luminance of an (..., 3) uint8 array (or float array of 0..255 values)."""
    if pixels.dtype != np.uint8:
        pixels = np.clip(np.rint(pixels), 0, 255).astype(np.uint8)
    lin = _LUT[pixels]
    return lin[..., 0] * 0.2126 + lin[..., 1] * 0.7152 + lin[..., 2] * 0.0722


def ratio(l1: float | np.ndarray, l2: float | np.ndarray):
    hi = np.maximum(l1, l2)
    lo = np.minimum(l1, l2)
    return (hi + 0.05) / (lo + 0.05)


def measured(ink_lum: float, background: np.ndarray) -> float:
    """The contrast the ink has against (nearly) all of these background pixels."""
    if background.size == 0:
        return 21.0
    ratios = ratio(ink_lum, luminance(background))
    return float(np.percentile(ratios, PERCENTILE))


def blend(background: np.ndarray, color: tuple[int, int, int], coverage: np.ndarray) -> np.ndarray:
    """Source-over of `color` at per-pixel `coverage` (0..1) on an (N, 3) background."""
    cov = coverage[:, None].astype(np.float32)
    return background.astype(np.float32) * (1.0 - cov) + np.asarray(color, np.float32) * cov


def strength_needed(
    ink_lum: float,
    background: np.ndarray,
    color: tuple[int, int, int],
    field: np.ndarray,
    *,
    start: float = 0.0,
    aim: float = AIM,
) -> float | None:
    """The smallest opacity (from `start`, in steps) of `color` painted with coverage `field`
    that lifts the measured contrast to `aim`; None when even full opacity is not enough."""
    steps = [s for s in (0.0, 0.15, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0) if s >= start]
    for s in steps:
        if measured(ink_lum, blend(background, color, field * s)) >= aim:
            return s
    return None
