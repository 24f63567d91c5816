"""The installed Iconify art sets: where they are, one icon's SVG, and the two drawable forms.

The sets are npm packages pinned in ``vendor/iconify/package.json`` and installed by
``scripts/setup.sh npm`` into ``vendor/iconify/node_modules/@iconify-json/<set>/icons.json``.
``BYC_ICONIFY_DIR`` names another folder laid out like ``@iconify-json`` (``<set>/icons.json``).

An icon id is ``set:name`` (``fluent-emoji-flat:hedgehog``). Two forms are drawn from an icon:

- the silhouette: a solid ``skia.Path`` (every outline filled, holes included) that painters fill
  with palette colours, plus the ``lines`` the artist drew inside it (the holes of the monochrome
  drawing), which painters may shade;
- the illustrated form: the icon's own colours, rendered once through ``skia.SVGDOM`` into a
  ``skia.Picture``.

Both are cached per process: an icon is parsed once, whatever the number of covers.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import skia

from ..errors import EngineError
from .svgpath import contours, pieces

_REPO = Path(__file__).resolve().parents[2]
DEFAULT_DIR = _REPO / "vendor" / "iconify" / "node_modules" / "@iconify-json"
SETUP_COMMAND = "bash scripts/setup.sh npm"


class ArtSetsMissing(EngineError):
    """The vector art sets are not installed: the engine cannot draw its subjects."""

    code = "art_sets_missing"


def data_dir() -> Path:
    override = os.environ.get("BYC_ICONIFY_DIR", "").strip()
    return Path(override) if override else DEFAULT_DIR


@lru_cache(maxsize=16)
def _load_set(directory: str, prefix: str) -> dict:
    path = Path(directory) / prefix / "icons.json"
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        raise ArtSetsMissing(
            f"The art set '{prefix}' is not installed: {path} does not exist. "
            f"Run `{SETUP_COMMAND}` (make run and make test do it) to install the pinned npm packages"
            f" of vendor/iconify, or set BYC_ICONIFY_DIR to a folder holding <set>/icons.json."
        ) from None


def icon_set(prefix: str) -> dict:
    return _load_set(str(data_dir()), prefix)


@dataclass(frozen=True)
class IconSVG:
    body: str
    width: float
    height: float
    left: float = 0.0
    top: float = 0.0


def has_icon(icon_id: str) -> bool:
    prefix, _, name = icon_id.partition(":")
    data = icon_set(prefix)
    return name in data["icons"] or name in data.get("aliases", {})


def icon_svg(icon_id: str) -> IconSVG:
    """The SVG body and view box of ``set:name`` (aliases followed)."""
    prefix, _, name = icon_id.partition(":")
    data = icon_set(prefix)
    icons, aliases = data["icons"], data.get("aliases", {})
    seen = 0
    while name not in icons and name in aliases and seen < 8:
        name = aliases[name]["parent"]
        seen += 1
    if name not in icons:
        raise KeyError(f"no icon {icon_id!r} in the installed art sets")
    icon = icons[name]
    return IconSVG(
        body=icon["body"],
        width=float(icon.get("width", data.get("width", 16))),
        height=float(icon.get("height", data.get("height", 16))),
        left=float(icon.get("left", data.get("left", 0))),
        top=float(icon.get("top", data.get("top", 0))),
    )


@lru_cache(maxsize=2048)
def is_monochrome(icon_id: str) -> bool:
    """True for a symbol-set glyph drawn in ``currentColor`` only: it has no colours of its own."""
    body = icon_svg(icon_id).body
    return "#" not in body and "rgb(" not in body


@dataclass(frozen=True)
class Silhouette:
    body: skia.Path  # every outline filled: the shape a painter fills with a colour
    lines: skia.Path  # the drawing inside the body (what the monochrome artist left open)


def _union(paths: list[skia.Path]) -> skia.Path:
    builder = skia.OpBuilder()
    for p in paths:
        if not p.isEmpty():
            builder.add(p, skia.PathOp.kUnion_PathOp)
    try:
        return builder.resolve()
    except RuntimeError:  # skia gives up on a degenerate outline: fall back to overlapping fills
        out = skia.Path()
        for p in paths:
            out.addPath(p)
        return out


@lru_cache(maxsize=2048)
def silhouette(icon_id: str) -> Silhouette:
    """The solid silhouette of an icon and its interior lines, in the icon's view-box units.

    Translucent pieces (a duotone icon's tint layer) count toward the outline but not the ink.
    """
    parts = pieces(icon_svg(icon_id).body)
    solids: list[skia.Path] = []
    ink: list[skia.Path] = []
    for piece in parts:
        for outline in contours(piece.path):
            outline.setFillType(skia.PathFillType.kWinding)
            solids.append(outline)
        if piece.opacity >= 0.5:
            ink.append(piece.path)
    body = _union(solids)
    drawn = _union(ink) if ink else body
    try:
        lines = skia.Op(body, drawn, skia.PathOp.kDifference_PathOp)
    except RuntimeError:
        lines = skia.Path()
    return Silhouette(body=body, lines=lines)


@lru_cache(maxsize=512)
def illustrated(icon_id: str) -> tuple[skia.Picture, skia.Rect]:
    """The icon in its own colours as a picture (view-box units), and the tight bounds of what it draws."""
    svg = icon_svg(icon_id)
    view = f"{svg.left} {svg.top} {svg.width} {svg.height}"
    doc = (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'viewBox="{view}" width="{svg.width}" height="{svg.height}">{svg.body}</svg>'
    )
    dom = skia.SVGDOM.MakeFromStream(skia.MemoryStream(doc.encode("utf-8"), True))
    if dom is None:
        raise ValueError(f"skia could not read the SVG of {icon_id!r}")
    dom.setContainerSize(skia.Size(svg.width, svg.height))
    cull = skia.Rect.MakeXYWH(svg.left, svg.top, svg.width, svg.height)
    recorder = skia.PictureRecorder()
    canvas = recorder.beginRecording(cull)
    canvas.translate(svg.left, svg.top)
    dom.render(canvas)
    picture = recorder.finishRecordingAsPicture()
    bounds = silhouette(icon_id).body.computeTightBounds()
    if bounds.isEmpty():
        bounds = cull
    return picture, bounds
