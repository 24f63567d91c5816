"""Which characters a book's text may contain.

We render Latin, Greek, Cyrillic, CJK, Arabic, Devanagari and more, so the rule is not a list
of scripts: a character is accepted when some installed typeface can draw it. Control
characters, unassigned code points, private-use characters and lone surrogates are refused.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

# Characters that steer shaping rather than draw anything (joiners, direction marks, variation
# selectors); fonts need not map them.
_INVISIBLE_OK = {"\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufe0e", "\ufe0f", "\u00ad"}
_REFUSED_CATEGORIES = {"Cc", "Cn", "Co", "Cs"}


@functools.cache
def _typefaces() -> tuple:
    """Every installed typeface (the fontpkg wheels and the CJK collection), loaded once."""
    import fontpkg
    import skia

    paths: list[Path] = [font.path for family in fontpkg.families().values() for font in family.files]
    try:
        import manimgx_fonts_cjk

        paths.extend(sorted(Path(manimgx_fonts_cjk.__file__).parent.glob("*.tt[cf]")))
    except ImportError:  # the CJK fonts are optional; without them CJK text is refused
        pass
    faces = (skia.Typeface.MakeFromFile(str(path)) for path in paths)
    return tuple(face for face in faces if face is not None)


@functools.lru_cache(maxsize=65536)
def is_drawable(char: str) -> bool:
    category = unicodedata.category(char)
    if char in _INVISIBLE_OK or category == "Zs":
        return True
    if category in _REFUSED_CATEGORIES:
        return False
    code_point = ord(char)
    return any(face.unicharToGlyph(code_point) for face in _typefaces())


def unsupported_characters(text: str, *, allow_newlines: bool = False) -> list[str]:
    """The distinct characters of `text` that we refuse, in order of appearance."""
    refused: list[str] = []
    for char in text:
        if allow_newlines and char in "\n\t":
            continue
        if char.isascii() and char.isprintable():
            continue
        if not is_drawable(char) and char not in refused:
            refused.append(char)
    return refused


def describe(chars: list[str]) -> str:
    """'U+0007, U+1F600 (GRINNING FACE)' for an error message."""
    parts = []
    for char in chars[:5]:
        name = unicodedata.name(char, "")
        parts.append(f"U+{ord(char):04X}" + (f" ({name})" if name else ""))
    return ", ".join(parts) + (", …" if len(chars) > 5 else "")
