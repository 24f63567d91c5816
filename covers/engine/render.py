"""Render a Recipe to PNG bytes: artwork, then type, then encoding."""

from __future__ import annotations

from .recipe import Recipe

FORMATS = {"ebook": (1600, 2560), "square": (2400, 2400)}


def render_size(format: str, scale: float) -> tuple[int, int]:
    from .errors import EngineError

    if format not in FORMATS:
        raise EngineError(f"unknown format {format!r}; use one of {sorted(FORMATS)}", code="format_invalid")
    if not scale > 0:
        raise EngineError(f"scale must be positive, not {scale!r}", code="scale_invalid")
    width, height = FORMATS[format]
    return round(width * scale), round(height * scale)


def render(recipe: Recipe, *, format: str = "ebook", scale: float = 1.0) -> bytes:
    raise NotImplementedError("rendering lands with the typesetter")
