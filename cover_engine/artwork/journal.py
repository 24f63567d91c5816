"""What the painters actually drew: a journal of named pieces with their pixel rectangles.

Rendering opens a journal (`recording()`); `draw_shape` (every silhouette motif) and the sky effects
(sun, moon, stars, clouds, rain, snow, lightning, planet) add an entry when they draw. The design
report and edit verification read it: a cover only claims what is on it, at the size it is.
Outside `recording()` nothing is kept, so painting without a journal costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Drawn:
    name: str  # the motif name the painter was asked for ("lighthouse", "red rose", "stars")
    x: float
    y: float
    w: float
    h: float
    colour: str = ""  # the book's colour word painted on it ("red"), when it was painted in one


# The name of a piece drawn from a shape a scene built itself (a runner for a "running" portrait).
UNNAMED = "(unnamed)"

_JOURNAL: ContextVar[list[Drawn] | None] = ContextVar("cover_engine_journal", default=None)


def record(name: str | None, x: float, y: float, w: float, h: float, colour: str = "") -> None:
    journal = _JOURNAL.get()
    if journal is not None and name and w > 0 and h > 0:
        journal.append(Drawn(str(name), float(x), float(y), float(w), float(h), colour))


def with_names(drawn: list[Drawn], motifs: list[str], *, figure_motifs: set[str]) -> list[Drawn]:
    """Unnamed pieces named: only the figure scenes build their own shapes (a runner, a couple, a man
    in a hat), so an unnamed piece stands for the brief's figure motif, else it is "figure"."""
    named = {d.name for d in drawn if d.name != UNNAMED}
    unnamed = sorted((d for d in drawn if d.name == UNNAMED), key=lambda d: -d.w * d.h)
    wanted = [m for m in motifs if m in figure_motifs and m not in named]
    out = [d for d in drawn if d.name != UNNAMED]
    for i, piece in enumerate(unnamed):
        name = wanted[i] if i < len(wanted) else "figure"
        out.append(Drawn(name, piece.x, piece.y, piece.w, piece.h, piece.colour))
    return out


@contextmanager
def nested() -> Iterator[list[Drawn]]:
    """A journal of one painting pass that the pass itself can read (what did the painter draw?),
    handed on to the render's journal, if one is open, when the pass ends."""
    outer = _JOURNAL.get()
    entries: list[Drawn] = []
    token = _JOURNAL.set(entries)
    try:
        yield entries
    finally:
        _JOURNAL.reset(token)
        if outer is not None:
            outer.extend(entries)


@contextmanager
def recording() -> Iterator[list[Drawn]]:
    entries: list[Drawn] = []
    token = _JOURNAL.set(entries)
    try:
        yield entries
    finally:
        _JOURNAL.reset(token)
