"""Subjects drawn from the vector art sets, as motif Shapes (see ``cover_engine.subjects``).

An icon shape is normalised to the motif builders' ~100-unit box so painters treat it like any
hand-drawn motif: the silhouette is the body, the artist's interior lines are ``lines``, and the
full-colour drawing is a picture laid over the same box.
"""

from __future__ import annotations

import random
from functools import lru_cache

import skia

from ...subjects import SUBJECTS, Subject, has_icon, illustrated, is_monochrome, lookup, silhouette
from .geometry import Shape

BOX = 100.0
# The emoji sets draw people in a neutral yellow unless asked for a skin tone; a cover's people get
# a real one, chosen by the cover's seed.
SKIN_TONES = ("light", "medium-light", "medium", "medium-dark", "dark")


def subject_for(name: str) -> Subject | None:
    return SUBJECTS.get(name.strip().lower().replace(" ", "_").replace("-", "_")) or lookup(name)


def toned(icon_id: str, tone: str) -> str:
    """The icon in a skin tone when its set draws one ('fluent-emoji-flat:detective-medium'), else itself."""
    variant = f"{icon_id}-{tone}"
    return variant if tone and has_icon(variant) else icon_id


def pick_tone(subject: Subject, rng: random.Random | None) -> str:
    """A skin tone for a figure's drawing (none without an rng, or for anything but people)."""
    return rng.choice(SKIN_TONES) if rng is not None and subject.category == "figure" else ""


@lru_cache(maxsize=1024)
def _parts(name: str, tone: str = "") -> tuple[skia.Path, skia.Path, skia.Picture | None]:
    subject = SUBJECTS[name]
    form = silhouette(subject.silhouette)
    bounds = form.body.computeTightBounds()
    k = BOX / max(bounds.width(), bounds.height(), 1e-3)
    to_box = skia.Matrix.Concat(skia.Matrix.Scale(k, k), skia.Matrix.Translate(-bounds.left(), -bounds.top()))
    body, lines = skia.Path(form.body), skia.Path(form.lines)
    body.transform(to_box)
    lines.transform(to_box)
    # A monochrome glyph has no colours to show: the painters fill its silhouette instead.
    picture = (
        None
        if is_monochrome(subject.illustrated)
        else _fitted(toned(subject.illustrated, tone), body.computeTightBounds())
    )
    return body, lines, picture


def _fitted(icon_id: str, target: skia.Rect) -> skia.Picture:
    """The icon's colour drawing scaled and centred into target (its aspect kept)."""
    picture, drawn = illustrated(icon_id)
    fit = skia.Matrix()
    fit.setRectToRect(drawn, target, skia.Matrix.kCenter_ScaleToFit)
    pad = max(target.width(), target.height()) * 0.05
    recorder = skia.PictureRecorder()
    canvas = recorder.beginRecording(target.makeOutset(pad, pad))
    canvas.concat(fit)
    canvas.drawPicture(picture)
    return recorder.finishRecordingAsPicture()


@lru_cache(maxsize=1024)
def _fitted_cached(icon_id: str, box: tuple[float, float, float, float]) -> skia.Picture:
    return _fitted(icon_id, skia.Rect(*box))


def _aspect(r: skia.Rect) -> float:
    return max(r.width(), 1e-3) / max(r.height(), 1e-3)


def illustration_in(subject: Subject, bounds: skia.Rect, tone: str = "") -> skia.Picture | None:
    """The subject's colour drawing fitted to a hand-drawn silhouette's bounds, for style="illustrated".

    None for a monochrome glyph, and when the two do not share a shape (a bust drawing for a
    full-figure silhouette would come out a small head in a tall box): the painter then draws the
    silhouette.
    """
    icon = toned(subject.illustrated, tone)
    if is_monochrome(icon):
        return None
    ratio = _aspect(illustrated(icon)[1]) / _aspect(bounds)
    if not 1 / 1.6 <= ratio <= 1.6:
        return None
    box = tuple(round(v, 1) for v in (bounds.left(), bounds.top(), bounds.right(), bounds.bottom()))
    return _fitted_cached(icon, box)


def subject_shape(subject: Subject, rng: random.Random | None = None) -> Shape:
    """A fresh Shape for the subject (its paths and picture are parsed once per process).

    With an rng, a figure's illustration takes one of the skin tones its set draws.
    """
    body, lines, picture = _parts(subject.name, pick_tone(subject, rng))
    return Shape(
        body=skia.Path(body),
        lines=skia.Path(lines),
        illustrated=picture,
        ground=subject.placement == "ground",
    )
