"""Are two covers visibly different? A small pixel check run on every rendered cover.

A cover is reduced to a thumbnail signature (SIGNATURE_SIZE, colour, values 0..255): what a buyer
sees in a grid of results. Two covers whose signatures differ by less than DISTINCT_THRESHOLD on
average (mean absolute difference per channel) read as the same design sold twice.

The threshold was chosen by looking at rendered pairs (see README.md, "Distinct covers"): pairs
under ~10 are one design with the clouds moved; pairs from 14 up read as two designs or two
clearly different compositions.

Edits are checked against their source with `changed_share`: the share of the thumbnail's cells
that changed visibly (so a moved title, which changes a small region strongly, is not averaged
away over the whole cover).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import skia

# Thumbnail the comparison runs on: (width, height), the ebook's 1:1.6 proportions.
SIGNATURE_SIZE = (32, 52)
# Below this mean absolute difference (0..255) two covers of one job read as the same design.
DISTINCT_THRESHOLD = 20.0
# A cell (one signature pixel) "changed" for an edit when any channel moved by at least this much.
CELL_CHANGE = 18.0
# An edit shows when at least this share of the cells changed (a title moved is ~4-10%).
EDIT_MIN_CHANGED_SHARE = 0.02


@dataclass(frozen=True)
class Signature:
    """A cover reduced to SIGNATURE_SIZE colour pixels (float32, 0..255)."""

    pixels: np.ndarray  # (height, width, 3)

    def to_list(self) -> list[int]:
        return [int(round(v)) for v in self.pixels.reshape(-1)]


def decode_rgb(png: bytes) -> np.ndarray:
    """The PNG as an (h, w, 3) uint8 array."""
    image = skia.Image.MakeFromEncoded(png)
    if image is None:
        raise ValueError("not a decodable image")
    rgba = image.toarray(colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kUnpremul_AlphaType)
    return np.ascontiguousarray(rgba[:, :, :3])


def _area_resize(rgb: np.ndarray, width: int, height: int) -> np.ndarray:
    """Box-filter downscale (each output pixel is the mean of the input pixels it covers)."""
    h, w = rgb.shape[:2]
    data = rgb.astype(np.float32)
    ys = np.linspace(0, h, height + 1).round().astype(int)
    xs = np.linspace(0, w, width + 1).round().astype(int)
    # Cumulative sums make every box mean O(1).
    integral = np.zeros((h + 1, w + 1, 3), dtype=np.float64)
    integral[1:, 1:] = data.cumsum(0).cumsum(1)
    y0, y1 = ys[:-1], np.maximum(ys[1:], ys[:-1] + 1)
    x0, x1 = xs[:-1], np.maximum(xs[1:], xs[:-1] + 1)
    y1, x1 = np.minimum(y1, h), np.minimum(x1, w)
    total = integral[y1][:, x1] - integral[y0][:, x1] - integral[y1][:, x0] + integral[y0][:, x0]
    area = ((y1 - y0)[:, None] * (x1 - x0)[None, :])[:, :, None]
    return (total / area).astype(np.float32)


# Decoded covers are first shrunk by skia (mipmapped, fast) to this many times the signature, then
# box-averaged in numpy: a full-size preview is never copied into Python whole.
_PRESHRINK = 4


def signature(png: bytes) -> Signature:
    image = skia.Image.MakeFromEncoded(png)
    if image is None:
        raise ValueError("not a decodable image")
    width, height = SIGNATURE_SIZE
    if image.width() > width * _PRESHRINK:
        sampling = skia.SamplingOptions(skia.FilterMode.kLinear, skia.MipmapMode.kLinear)
        image = image.resize(width * _PRESHRINK, height * _PRESHRINK, sampling)
    rgba = image.toarray(colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kUnpremul_AlphaType)
    return signature_of_pixels(np.ascontiguousarray(rgba[:, :, :3]))


def signature_of_pixels(rgb: np.ndarray) -> Signature:
    width, height = SIGNATURE_SIZE
    return Signature(_area_resize(rgb, width, height))


def difference(a: Signature, b: Signature) -> float:
    """Mean absolute difference of two signatures, 0 (identical) .. 255, mirror-blind: a design flipped
    left to right is the same design to a buyer, so the smaller of the two readings counts."""
    straight = float(np.abs(a.pixels - b.pixels).mean())
    mirrored = float(np.abs(a.pixels - b.pixels[:, ::-1]).mean())
    return min(straight, mirrored)


def pixel_difference(a: Signature, b: Signature) -> float:
    """Mean absolute difference as the pixels lie (edits compare with their source this way)."""
    return float(np.abs(a.pixels - b.pixels).mean())


def changed_share(a: Signature, b: Signature, *, region: tuple[float, float, float, float] | None = None) -> float:
    """Share of cells (optionally only those in region = x, y, w, h as shares of the cover) that changed."""
    moved = np.abs(a.pixels - b.pixels).max(axis=2) >= CELL_CHANGE
    if region is not None:
        h, w = moved.shape
        x, y, rw, rh = region
        c0, c1 = int(np.floor(x * w)), int(np.ceil((x + rw) * w))
        r0, r1 = int(np.floor(y * h)), int(np.ceil((y + rh) * h))
        moved = moved[max(0, r0) : max(r0 + 1, r1), max(0, c0) : max(c0 + 1, c1)]
    return float(moved.mean()) if moved.size else 0.0


def closest(candidate: Signature, others: Iterable[Signature]) -> float | None:
    """The smallest difference between the candidate and any of the others (None when there are none)."""
    values = [difference(candidate, other) for other in others]
    return min(values) if values else None


def is_distinct(candidate: Signature, others: Iterable[Signature], *, threshold: float = DISTINCT_THRESHOLD) -> bool:
    nearest = closest(candidate, others)
    return nearest is None or nearest >= threshold


__all__ = [
    "CELL_CHANGE",
    "DISTINCT_THRESHOLD",
    "EDIT_MIN_CHANGED_SHARE",
    "SIGNATURE_SIZE",
    "Signature",
    "changed_share",
    "closest",
    "decode_rgb",
    "difference",
    "pixel_difference",
    "is_distinct",
    "signature",
    "signature_of_pixels",
]
