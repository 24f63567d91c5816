"""Colour helpers for the painters: palette colours as (r, g, b) floats in 0..1."""

from __future__ import annotations

import colorsys

import skia

RGB = tuple[float, float, float]


def parse_hex(value: str) -> RGB:
    text = value.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {value!r}")
    return (int(text[0:2], 16) / 255.0, int(text[2:4], 16) / 255.0, int(text[4:6], 16) / 255.0)


def clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return lo if x < lo else hi if x > hi else x


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def lighten(c: RGB, t: float) -> RGB:
    return mix(c, (1.0, 1.0, 1.0), t)


def darken(c: RGB, t: float) -> RGB:
    return mix(c, (0.0, 0.0, 0.0), t)


def luminance(c: RGB) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])


def saturate(c: RGB, factor: float) -> RGB:
    h, lig, s = colorsys.rgb_to_hls(*c)
    return colorsys.hls_to_rgb(h, lig, clamp(s * factor))


def with_lightness(c: RGB, lightness: float) -> RGB:
    h, _, s = colorsys.rgb_to_hls(*c)
    return colorsys.hls_to_rgb(h, clamp(lightness), s)


def hue_shift(c: RGB, turns: float) -> RGB:
    h, lig, s = colorsys.rgb_to_hls(*c)
    return colorsys.hls_to_rgb((h + turns) % 1.0, lig, s)


def argb(c: RGB, alpha: float = 1.0) -> int:
    """A skia colour int (ARGB) from an RGB triple and an alpha, both in 0..1."""
    return skia.Color(
        round(clamp(c[0]) * 255), round(clamp(c[1]) * 255), round(clamp(c[2]) * 255), round(clamp(alpha) * 255)
    )


def adjusted(c: RGB, *, brightness: float, contrast: float, warmth: float) -> RGB:
    """Apply a brief's adjust values (each -1..1) to one colour.

    Done per palette colour rather than as a full-canvas colour-matrix layer: every painted pixel
    comes from the palette, and a 4-megapixel layer pass costs ~90 ms on this machine.
    """
    r, g, b = c
    # Contrast spreads the tones around mid-grey and, above zero, deepens the colour a little too
    # ("more dramatic"); below zero it greys them toward the middle.
    k = 1.0 + 0.85 * contrast
    r, g, b = ((r - 0.5) * k + 0.5, (g - 0.5) * k + 0.5, (b - 0.5) * k + 0.5)
    if contrast:
        r, g, b = saturate((clamp(r), clamp(g), clamp(b)), 1.0 + 0.45 * contrast)
    if brightness > 0:
        r, g, b = mix((r, g, b), (1.0, 1.0, 1.0), 0.5 * brightness)
        r, g, b = r * (1 + 0.3 * brightness), g * (1 + 0.3 * brightness), b * (1 + 0.3 * brightness)
    elif brightness < 0:
        f = 1.0 + 0.85 * brightness
        r, g, b = r * f, g * f, b * f
    # Warmth tints toward amber (or steel blue): scaled channels move the mid-tones and lights,
    # the small offsets move the darks too, so a night scene warms visibly as well.
    r, g, b = r * (1 + 0.28 * warmth), g * (1 + 0.04 * warmth), b * (1 - 0.32 * warmth)
    r += 0.07 * warmth
    g += 0.015 * warmth
    b -= 0.07 * warmth
    return (clamp(r), clamp(g), clamp(b))
