"""Which characters text may contain: the engine's own check, with the rules of non-drawn fields.

What can be drawn is the engine's to say (`cover_engine.unsupported_characters`, over the fonts it
draws with), so the API never accepts text a render would then fail on. Books and cover jobs
(main elements, edit prompts) both check text here.
"""

from __future__ import annotations

import unicodedata

import cover_engine as engine
from byc_site.errors import ApplicationError

# Never acceptable, drawn or not: control characters, unassigned code points, private use, surrogates.
_INVALID_CATEGORIES = {"Cc", "Cn", "Co", "Cs"}


def unsupported_characters(text: str, *, drawn: bool = True, multiline: bool = False) -> list[str]:
    """The distinct characters of `text` that we refuse, in order of appearance.

    Text that is not drawn on the cover (a summary, a reference) only refuses invalid characters;
    multi-line text may hold line breaks and tabs.
    """
    refused = engine.unsupported_characters(text)
    if multiline:
        refused = [char for char in refused if char not in "\n\t"]
    if not drawn:
        refused = [char for char in refused if unicodedata.category(char) in _INVALID_CATEGORIES]
    return refused


def describe(chars: list[str]) -> str:
    """'U+0007, U+1F600 (GRINNING FACE)' for an error message."""
    parts = []
    for char in chars[:5]:
        name = unicodedata.name(char, "")
        parts.append(f"U+{ord(char):04X}" + (f" ({name})" if name else ""))
    return ", ".join(parts) + (", …" if len(chars) > 5 else "")


def characters_check(*, field: str, text: str, drawn: bool = True, multiline: bool = False) -> None:
    """400 unsupported_characters naming the field, when `text` holds a character we refuse."""
    refused = unsupported_characters(text, drawn=drawn, multiline=multiline)
    if refused:
        raise ApplicationError(
            "unsupported_characters", f"{field} contains characters we cannot use: {describe(refused)}.", field=field
        )
