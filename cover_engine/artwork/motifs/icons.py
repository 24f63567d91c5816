"""Subjects drawn from the vector art sets, as motif Shapes (see ``cover_engine.subjects``).

An icon shape is normalised to the motif builders' ~100-unit box so painters treat it like any
hand-drawn motif: the silhouette is the body, the artist's interior lines are ``lines``, and the
full-colour drawing is a picture laid over the same box.
"""

from __future__ import annotations

from functools import lru_cache

import skia

from ...subjects import SUBJECTS, Subject, illustrated, lookup, silhouette
from .geometry import Shape

BOX = 100.0


def subject_for(name: str) -> Subject | None:
    return SUBJECTS.get(name.strip().lower().replace(" ", "_").replace("-", "_")) or lookup(name)


@lru_cache(maxsize=1024)
def _parts(name: str) -> tuple[skia.Path, skia.Path, skia.Picture]:
    subject = SUBJECTS[name]
    form = silhouette(subject.silhouette)
    bounds = form.body.computeTightBounds()
    k = BOX / max(bounds.width(), bounds.height(), 1e-3)
    to_box = skia.Matrix.Concat(skia.Matrix.Scale(k, k), skia.Matrix.Translate(-bounds.left(), -bounds.top()))
    body, lines = skia.Path(form.body), skia.Path(form.lines)
    body.transform(to_box)
    lines.transform(to_box)
    return body, lines, _fitted(subject.illustrated, body.computeTightBounds())


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


def illustration_in(subject: Subject, bounds: skia.Rect) -> skia.Picture:
    """The subject's colour drawing fitted to a hand-drawn silhouette's bounds, for style="illustrated"."""
    box = tuple(round(v, 1) for v in (bounds.left(), bounds.top(), bounds.right(), bounds.bottom()))
    return _fitted_cached(subject.illustrated, box)


def subject_shape(subject: Subject) -> Shape:
    """A fresh Shape for the subject (its paths and picture are parsed once per process)."""
    body, lines, picture = _parts(subject.name)
    return Shape(
        body=skia.Path(body),
        lines=skia.Path(lines),
        illustrated=picture,
        ground=subject.placement == "ground",
    )
