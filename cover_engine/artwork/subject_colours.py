"""The colour the book gives a subject ("a red dragon", "the woman in the red coat"), on that subject.

The reader stores a colour word on the motif (`color`) or inside a garment attribute ("red coat").
While a scene paints (`painting(brief)`), `draw_shape` asks `painted_for(name)` and paints a subject
with a colour in it: a silhouette takes the colour shaded toward its depth fill, a figure with a
garment wears it as a rim-lit garment, an illustrated picture is tinted toward it. The design report
phrases a painted subject with `described(...)`, so the report says the colour only when it was drawn.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from ..palettes import COLOR_WORDS
from .color import RGB, parse_hex

# Words that make a colour attribute a garment ("red coat"): the colour goes on the body below the head.
GARMENTS = frozenset(
    {"coat", "dress", "cloak", "hat", "hood", "cape", "scarf", "jacket", "gown", "robe", "shawl", "suit", "shoes"}
)


@dataclass(frozen=True)
class SubjectColour:
    word: str  # a key of COLOR_WORDS ("red")
    rgb: RGB
    garment: str = ""  # "coat" when the colour is worn, "" when the subject itself has it


def subject_colour(color: str, attributes: tuple[str, ...] | list[str]) -> SubjectColour | None:
    """The colour a motif carries: its own colour word, else the colour of a garment it wears."""
    word = " ".join(str(color).lower().split())
    if word in COLOR_WORDS:
        return SubjectColour(word, parse_hex(COLOR_WORDS[word]))
    for attribute in attributes:
        words = str(attribute).lower().split()
        for n in (2, 1):
            head, rest = " ".join(words[:n]), words[n:]
            if head in COLOR_WORDS and rest and rest[-1] in GARMENTS:
                return SubjectColour(head, parse_hex(COLOR_WORDS[head]), rest[-1])
    return None


def described(phrase: str, colour: SubjectColour) -> str:
    """'a dragon' -> 'a red dragon'; 'a woman' -> 'a woman in a red coat'."""
    if colour.garment:
        article = "an" if colour.word[:1] in "aeiou" else "a"
        return f"{phrase} in {article} {colour.word} {colour.garment}"
    first, _, rest = phrase.partition(" ")
    if first in ("a", "an", "the") and rest:
        article = first if first == "the" else ("an" if colour.word[:1] in "aeiou" else "a")
        return f"{article} {colour.word} {rest}"
    return f"{colour.word} {phrase}"


_COLOURS: ContextVar[dict[str, SubjectColour] | None] = ContextVar("cover_engine_subject_colours", default=None)


def _norm(name: str) -> str:
    return " ".join(str(name).lower().replace("_", " ").replace("-", " ").split())


@contextmanager
def painting(brief) -> Iterator[dict[str, SubjectColour]]:
    """While a scene paints, the brief's coloured subjects by motif name."""
    colours: dict[str, SubjectColour] = {}
    for motif in getattr(brief, "motifs", None) or ():
        colour = subject_colour(getattr(motif, "color", ""), getattr(motif, "attributes", ()))
        if colour is not None:
            colours.setdefault(_norm(motif.name), colour)
    token = _COLOURS.set(colours)
    try:
        yield colours
    finally:
        _COLOURS.reset(token)


def painted_for(name: str | None) -> SubjectColour | None:
    colours = _COLOURS.get()
    if not colours or not name:
        return None
    return colours.get(_norm(name))
