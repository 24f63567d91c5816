"""Reading a book's title, subtitle, summary and main elements as an art director would.

``read_book`` turns the text into a structured ``Reading``: the subjects it asks to picture
(ranked, with the words that asked and what is said about each), the setting, the characters,
mood cues, what the author ruled out, and the phrases recognised as not drawable (idioms,
compounds, names) with why. It treats phrases as phrases, so "star witness" draws no star and
"a woman in a red coat" colours the coat, not the cover. Pure Python, no Django.
"""

from __future__ import annotations

from .model import FIELDS, Character, ColorCue, Excluded, Ignored, Reading, Setting, Subject
from .reader import hero_factor, read_book

__all__ = [
    "FIELDS",
    "Character",
    "ColorCue",
    "Excluded",
    "Ignored",
    "Reading",
    "Setting",
    "Subject",
    "hero_factor",
    "read_book",
]
