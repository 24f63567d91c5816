"""A print front keeps what matters inside the printer's safe area: the type (layout_in_frame) and every
subject the art places (the hero, the named subjects, a painter's own figures and secondaries), while
the background still runs into the bleed and a hardcover's turn-in. Measured on the artwork journal
(what was drawn, with its box in device pixels) of the front as the wrap renders it."""

from __future__ import annotations

import pytest

import cover_engine as engine
from cover_engine.print import geometry
from cover_engine.print.printers import pixels
from cover_engine.print.wrap import front_canvas
from cover_engine.render import render_surface

DPI = 40
# Sky effects are background (they span the sky, or are the light itself): they may run to the trim.
BACKGROUND = {"clouds", "stars", "rain", "snow", "lightning", "sun", "moon", "planet"}

BOOKS = {
    "thriller": engine.BookText(
        title="The Last Witness",
        author="Mara Quill",
        genre="thriller",
        summary="When the only person who saw the murder vanishes the night before the trial, detective Ines "
        "Calder has four days to find her.",
    ),
    # The wrap bench's book: its template puts a second figure at the front's right edge.
    "thriller-bench": engine.BookText(
        title="The Last Witness",
        author="Mara Quill",
        genre="thriller",
        summary="When the only person who saw the murder vanishes the night before the trial, detective Ines "
        "Calder has four days to find her, and the city's most careful liars are all on the same side.\n\n"
        "A taut, atmospheric thriller about memory, loyalty and the price of telling the truth.",
    ),
    "children": engine.BookText(
        title="Pip and the Lantern",
        author="Ada Brook",
        genre="children",
        summary="A small fox and a brave rabbit carry a lantern over the hills to find the lost moon.",
    ),
    "fantasy": engine.BookText(
        title="The Ember Crown",
        author="Rowan Vale",
        genre="fantasy",
        summary="A young knight rides with a dragon past a ruined castle to claim a crown of fire.",
    ),
}


def _front_subjects(book: str, seed: int, printer: str, binding: str):
    recipe = engine.recipe_for_book(BOOKS[book], engine.CoverOptions(), seed=seed)
    g = geometry(printer=printer, binding=binding, trim="6x9", pages=320, paper="white")
    _fx, size, frame = front_canvas(g, DPI, pixels(g.width, DPI), pixels(g.height, DPI))
    _surface, report = render_surface(recipe, size=size, text_frame=frame)
    x, y, w, h = frame
    box = (x * size[0], y * size[1], (x + w) * size[0], (y + h) * size[1])
    subjects = [d for d in report.drawn if d.name not in BACKGROUND]
    return recipe.template_id, size, box, subjects


def _inside(start: float, length: float, lo: float, hi: float, canvas: float) -> bool:
    """Along one axis: inside the safe area (a pixel of antialiasing spare), unless the design runs the
    piece off the canvas on that axis (a close-up cut by the bottom edge is cropped there anyway)."""
    if start < 0 or start + length > canvas:
        return True
    return start >= lo - 1.0 and start + length <= hi + 1.0


@pytest.mark.parametrize(
    "book,seed,printer,binding",
    [
        ("thriller", 7, "ingramspark", "hardcover"),
        ("thriller-bench", 7, "ingramspark", "hardcover"),
        ("thriller-bench", 7, "lulu", "paperback"),
        ("thriller-bench", 7, "kdp", "hardcover"),
        ("children", 3, "kdp", "paperback"),
        ("fantasy", 11, "lulu", "hardcover"),
    ],
)
def test_every_subject_on_a_print_front_is_inside_the_safe_area(book, seed, printer, binding):
    template, (width, height), (left, top, right, bottom), subjects = _front_subjects(book, seed, printer, binding)
    assert subjects, f"{template}: the front drew no subject to measure"
    outside = [
        (d.name, round(d.x, 1), round(d.y, 1), round(d.x + d.w, 1), round(d.y + d.h, 1))
        for d in subjects
        if not _inside(d.x, d.w, left, right, width) or not _inside(d.y, d.h, top, bottom, height)
    ]
    assert not outside, (
        f"{template} on {printer} {binding}: safe area {left:.1f},{top:.1f}-{right:.1f},{bottom:.1f}, "
        f"outside: {outside}"
    )
