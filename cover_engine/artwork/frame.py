"""The subject frame: where a painter's subjects may stand on the canvas (print fronts: the safe area).

A print front is painted on the panel's whole shape, bleed (and a hardcover's turn-in) included, so the
background runs on to where the printer trims; what matters must stay inside the printer's safe area,
like the type. `subjects_within(frame, size)` opens that frame (shares of the canvas, as the type's
`text_frame`) for one render. Every subject is drawn through `draw_shape` or `draw_character`, which ask
`fitted()` for the move that keeps the piece inside: its centre's position across the canvas is mapped
to the same position across the frame (the composition reads the same, only narrower), then it is
nudged in and, when larger than the frame, shrunk about its anchor. A piece the design runs off the
canvas's edge (a close-up cut by the bottom) is cropped anyway and keeps its place along that axis.
Skies, grounds, textures and glows are not subjects and still fill the panel. With no frame open
(ebook and store covers) nothing moves.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

import skia


@dataclass(frozen=True)
class _Frame:
    rect: skia.Rect  # device pixels
    width: float  # the device canvas, pixels
    height: float
    mapped: bool = True  # False while a pass draws at spots it already chose inside the frame


_FRAME: ContextVar[_Frame | None] = ContextVar("cover_engine_subject_frame", default=None)


@contextmanager
def subjects_within(frame: tuple[float, float, float, float] | None, size: tuple[int, int]) -> Iterator[None]:
    """Keep subjects inside `frame` (x, y, w, h as shares of a canvas of `size` pixels) while open."""
    if frame is None or tuple(frame) == (0.0, 0.0, 1.0, 1.0):
        yield
        return
    width, height = size
    x, y, w, h = frame
    token = _FRAME.set(_Frame(skia.Rect.MakeXYWH(x * width, y * height, w * width, h * height), width, height))
    try:
        yield
    finally:
        _FRAME.reset(token)


@contextmanager
def placed_inside() -> Iterator[None]:
    """For a pass that chooses its spots inside `subject_area()` itself (the named subjects): what it
    draws is not mapped again, only kept inside."""
    frame = _FRAME.get()
    if frame is None:
        yield
        return
    token = _FRAME.set(replace(frame, mapped=False))
    try:
        yield
    finally:
        _FRAME.reset(token)


def subject_area(canvas: skia.Canvas) -> skia.Rect | None:
    """The subject frame in the canvas's current coordinates, or None when no frame is open."""
    frame = _FRAME.get()
    back = skia.Matrix()
    if frame is None or not canvas.getTotalMatrix().invert(back):
        return None
    return back.mapRect(frame.rect)


def fitted(canvas: skia.Canvas, local: skia.Rect, *, anchor_bottom: bool) -> skia.Matrix | None:
    """The matrix (in the canvas's current coordinates) that moves a piece occupying `local` into the
    subject frame, or None when no frame is open or the piece needs no move."""
    frame = _FRAME.get()
    if frame is None:
        return None
    to_device = canvas.getTotalMatrix()
    dev = to_device.mapRect(local)
    f = frame.rect
    if dev.width() <= 0 or dev.height() <= 0:
        return None
    # A piece the design runs off the canvas on purpose (a close-up cut by the bottom edge) is cropped
    # anyway: along that axis it stays where it is, like the background.
    free_x = dev.left() >= 0 and dev.right() <= frame.width
    free_y = dev.top() >= 0 and dev.bottom() <= frame.height
    # Larger than the frame: shrunk about its anchor (a standing figure keeps its feet where they were).
    k = min(1.0, f.width() / dev.width() if free_x else 1.0, f.height() / dev.height() if free_y else 1.0)
    px = dev.centerX()
    py = dev.bottom() if anchor_bottom else dev.centerY()
    # Across: the same share of the frame as it had of the canvas. Down: only as far as it must go, so
    # a subject standing on the ground stays on it.
    tx, ty = px, py
    if free_x:
        if frame.mapped:
            tx = f.left() + px / frame.width * f.width()
        left, right = tx - k * (px - dev.left()), tx + k * (dev.right() - px)
        tx += max(0.0, f.left() - left) - max(0.0, right - f.right())
    if free_y:
        top, bottom = py - k * (py - dev.top()), py + k * (dev.bottom() - py)
        ty += max(0.0, f.top() - top) - max(0.0, bottom - f.bottom())
    if k == 1.0 and abs(tx - px) < 1e-6 and abs(ty - py) < 1e-6:
        return None
    move = skia.Matrix.Translate(tx, ty)
    move.preScale(k, k)
    move.preTranslate(-px, -py)
    back = skia.Matrix()
    if not to_device.invert(back):
        return None
    # device move expressed in the current coordinates: back · move · to_device
    return skia.Matrix.Concat(back, skia.Matrix.Concat(move, to_device))
