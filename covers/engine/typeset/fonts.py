"""Typeface registry: voices, faces, weights and per-script fallbacks."""

from __future__ import annotations


def unsupported_characters(text: str) -> list[str]:
    raise NotImplementedError("font registry in progress")
