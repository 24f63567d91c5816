"""Render a Recipe to PNG bytes: plan the text, paint the art around it, set the type, encode.

    render(recipe, format="ebook", scale=1.0) -> bytes
    render_with_report(recipe, ...) -> (bytes, RenderReport)   # for tests and benches

The square format is a re-layout (the template's LayoutSpec.square, or one derived from the
ebook layout) with the scene repainted on the square canvas; scale 2 renders everything again
at twice the resolution.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import skia

from .artwork.frame import subjects_within
from .artwork.journal import Drawn, recording, with_names
from .errors import EngineError
from .export import png_metadata_chunks
from .png import encode_rgb
from .recipe import Recipe
from .typeset.draw import draw_text
from .typeset.layout import TYPE_VOICE_OVERRIDES, apply_type_voice, layout_for
from .typeset.setter import ElementReport, calm_zones, plan_text
from .typeset.spec import TREATMENTS, LayoutSpec, TextBlock, TypeSpec

FORMATS = {"ebook": (1600, 2560), "square": (2400, 2400)}
MAX_SCALE = 2.0

# paint(canvas, *, width, height, scene, params, brief, seed, calm_zones) -> None
Painter = Callable[..., None]


@dataclass(frozen=True)
class RenderReport:
    width: int
    height: int
    template_id: str
    format: str
    elements: tuple[ElementReport, ...]
    calm_zones: tuple[tuple[float, float, float, float], ...]
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    # What the painters drew (the artwork journal), in device pixels: the design report reads it.
    drawn: tuple[Drawn, ...] = ()

    def element(self, role: str) -> ElementReport | None:
        return next((e for e in self.elements if e.role == role), None)


def render_size(format: str, scale: float) -> tuple[int, int]:
    if format not in FORMATS:
        raise EngineError(f"unknown format {format!r}; use one of {sorted(FORMATS)}", code="format_invalid")
    if not (isinstance(scale, (int, float)) and 0 < scale <= MAX_SCALE):
        raise EngineError(f"scale must be in (0, {MAX_SCALE}], not {scale!r}", code="scale_invalid")
    width, height = FORMATS[format]
    return round(width * scale), round(height * scale)


def encode_png(surface: skia.Surface) -> bytes:
    """PNG bytes (RGB, sRGB profile, 300 dpi) of the canvas; see png.py for why this writer and not Pillow's."""
    return encode_rgb(surface.toarray(colorType=skia.kRGBA_8888_ColorType), metadata=png_metadata_chunks())


def compose(
    *,
    width: int,
    height: int,
    layout: LayoutSpec,
    type_spec: TypeSpec,
    title: str,
    subtitle: str,
    author: str,
    palette: dict[str, str],
    paint: Painter,
    key: str = "",
    title_scale: float = 1.0,
) -> tuple[skia.Surface, list[ElementReport], list[tuple[float, float, float, float]], dict[str, float]]:
    """Plan the text, let `paint` draw the art with calm zones where text goes, set the type."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    plan = plan_text(
        width=width, height=height, layout=layout, spec=type_spec,
        title=title, subtitle=subtitle, author=author, key=key, title_scale=title_scale,
    )  # fmt: skip
    zones = calm_zones(plan)
    t1 = time.perf_counter()
    surface = skia.Surface(width, height)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorBLACK)
    paint(canvas, width=width, height=height, calm_zones=zones)
    t2 = time.perf_counter()
    reports = draw_text(
        surface, plan, palette=palette, treatment=type_spec.treatment, ink=type_spec.ink, ornament=type_spec.ornament
    )
    t3 = time.perf_counter()
    timings.update(layout=t1 - t0, art=t2 - t1, type=t3 - t2)
    return surface, reports, zones, timings


def _template(template_id: str):
    from .templates import CATALOGUE

    try:
        return CATALOGUE[template_id]
    except KeyError:
        raise EngineError(f"unknown template {template_id!r}", code="template_not_found") from None


def _title_scale(overrides: dict) -> float:
    value = overrides.get("title_scale", 1.0)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 1.0
    return max(0.6, min(1.8, float(value)))


# Composition levers a recipe may set over the template's scene params (variations, distinct job
# covers): painters already read them, so a recipe can recompose a design without new painters.
SCENE_OVERRIDE_KEYS = {
    "hero": ("centre", "high", "low", "left", "right"),
    "density": ("sparse", "medium", "dense"),
}


# The horizon a recipe may move to (a share of the height, as the painters read it).
HORIZON_RANGE = (0.45, 0.85)
# A crop lever: the picture enlarged about a point (shares of the cover), the type left as it is.
ZOOM_RANGE = (1.0, 1.8)


def scene_overrides(overrides: dict) -> dict:
    wanted = overrides.get("scene")
    if not isinstance(wanted, dict):
        return {}
    chosen = {k: v for k, v in wanted.items() if v in SCENE_OVERRIDE_KEYS.get(k, ())}
    horizon = wanted.get("horizon")
    if isinstance(horizon, (int, float)) and not isinstance(horizon, bool):
        chosen["horizon"] = max(HORIZON_RANGE[0], min(HORIZON_RANGE[1], float(horizon)))
    return chosen


def _cropped_away(ax: float, ay: float, zoom: float) -> list[tuple[float, float, float, float]]:
    """The strips of the painter's frame a crop cuts off, as calm zones: painters keep subjects out of
    them as they keep them off the title, so no subject is placed where nobody will see it."""
    left, top = ax - ax / zoom, ay - ay / zoom
    right, bottom = ax + (1.0 - ax) / zoom, ay + (1.0 - ay) / zoom
    strips = [
        (0.0, 0.0, 1.0, top),
        (0.0, bottom, 1.0, 1.0 - bottom),
        (0.0, 0.0, left, 1.0),
        (right, 0.0, 1.0 - right, 1.0),
    ]
    return [s for s in strips if s[2] > 0.001 and s[3] > 0.001]


def zoom_of(overrides: dict) -> tuple[float, float, float]:
    """The crop a recipe asks for: (factor, x, y), the point as shares of the cover; 1.0 when none."""
    value = overrides.get("zoom")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 1.0, 0.5, 0.5
    at = overrides.get("zoom_at")
    x, y = at if isinstance(at, (list, tuple)) and len(at) == 2 else (0.5, 0.5)
    x = max(0.0, min(1.0, float(x))) if isinstance(x, (int, float)) else 0.5
    y = max(0.0, min(1.0, float(y))) if isinstance(y, (int, float)) else 0.5
    return max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], float(value))), x, y


def _figure_motifs(brief) -> set[str]:
    from .lexicon import MOTIFS

    return {m.name for m in brief.motifs if getattr(MOTIFS.get(m.name), "category", "") == "figure"}


def _default_provider():
    try:
        from .artwork import default_provider
    except ImportError as exc:  # the painters are built in parallel; say so plainly
        raise NotImplementedError(f"the artwork painters are not available yet ({exc})") from exc
    return default_provider()


def _in_frame(block: TextBlock, frame: tuple[float, float, float, float]) -> TextBlock:
    fx, fy, fw, fh = frame
    x, y, w, h = block.box
    return replace(block, box=(fx + x * fw, fy + y * fh, w * fw, h * fh))


def layout_in_frame(layout: LayoutSpec, frame: tuple[float, float, float, float]) -> LayoutSpec:
    """The layout's unit square mapped onto `frame` (shares of the canvas): a print front keeps its
    type inside the printer's safe area while the art runs on into the bleed and the wrap."""
    return replace(
        layout,
        title=_in_frame(layout.title, frame),
        author=_in_frame(layout.author, frame),
        subtitle=_in_frame(layout.subtitle, frame) if layout.subtitle else None,
    )


def _layout_and_type(recipe: Recipe, format: str, text_frame: tuple[float, float, float, float] | None = None):
    """The template, its layout for this format (its type confined to `text_frame`, if given) and the
    type spec, with the recipe's overrides applied."""
    template = _template(recipe.template_id)
    overrides = recipe.overrides or {}
    layout = layout_for(template.layout, fmt=format, overrides=overrides)
    if text_frame is not None:
        layout = layout_in_frame(layout, text_frame)
    type_spec = template.type
    if overrides.get("type_voice") in TYPE_VOICE_OVERRIDES:
        type_spec = apply_type_voice(type_spec, overrides["type_voice"])
    if overrides.get("treatment") in TREATMENTS:
        # A composition variant may set the title on a panel or a band instead (the voice stays).
        type_spec = replace(type_spec, treatment=overrides["treatment"])
    return template, layout, type_spec


def type_zones(
    recipe: Recipe, *, format: str = "ebook", scale: float = 0.25
) -> list[tuple[float, float, float, float]]:
    """Where the type of this recipe will sit (shares of the cover): the areas an image model must keep calm."""
    width, height = render_size(format, scale)
    template, layout, type_spec = _layout_and_type(recipe, format)
    plan = plan_text(
        width=width, height=height, layout=layout, spec=type_spec, title=recipe.text.title,
        subtitle=recipe.text.subtitle, author=recipe.text.author, key=template.id,
        title_scale=_title_scale(recipe.overrides or {}),
    )  # fmt: skip
    return calm_zones(plan)


def render_with_report(
    recipe: Recipe, *, format: str = "ebook", scale: float = 1.0, provider=None, artwork: bytes | None = None
) -> tuple[bytes, RenderReport]:
    """Render a recipe. `artwork`: a picture (an image model's) drawn instead of the painters; a recipe
    whose overrides carry `art` loads its stored picture (art_providers.images.stored_artwork)."""
    surface, report = render_surface(
        recipe, format=format, size=render_size(format, scale), provider=provider, artwork=artwork, art_scale=scale
    )
    t0 = time.perf_counter()
    png = encode_png(surface)
    report.timings["encode"] = time.perf_counter() - t0
    return png, report


def render_surface(
    recipe: Recipe,
    *,
    format: str = "ebook",
    size: tuple[int, int],
    text_frame: tuple[float, float, float, float] | None = None,
    provider=None,
    artwork: bytes | None = None,
    art_scale: float | None = None,
) -> tuple[skia.Surface, RenderReport]:
    """The cover on a canvas of `size` pixels (the print wrap's front panel is not an ebook's shape);
    `text_frame` confines the type to a part of it. `art_scale` picks the stored picture of a model's
    art (its upscaled one above 1); by default the canvas width against the format's."""
    width, height = size
    template, layout, type_spec = _layout_and_type(recipe, format, text_frame)
    overrides = recipe.overrides or {}
    if provider is None:
        from .art_providers.images import ImageArtwork, stored_artwork

        if art_scale is None:
            art_scale = width / FORMATS[format][0]
        artwork = artwork if artwork is not None else stored_artwork(overrides.get("art"), format, art_scale)
        if artwork is not None:
            provider = ImageArtwork(artwork)
    provider = provider or _default_provider()
    brief = recipe.brief
    scene_params = dict(template.scene_params)
    if overrides.get("lighting"):
        # An edit that asked for another time of day beats the template's designed sky.
        scene_params["lighting"] = overrides["lighting"]
    scene_params.update(scene_overrides(overrides))

    mirror = overrides.get("mirror") is True
    zoom, zoom_x, zoom_y = zoom_of(overrides)

    def paint(canvas, *, width, height, calm_zones):
        canvas.save()
        if mirror:
            # The picture mirrored left to right (the type is not): a recomposition painters need not know.
            canvas.translate(width, 0)
            canvas.scale(-1, 1)
            # Calm zones are shares of the cover (0..1): mirrored about the middle.
            calm_zones = [(1.0 - x - w, y, w, h) for x, y, w, h in calm_zones]
        if zoom > 1.0:
            # The picture cropped closer about a point (in the painter's frame, so after the mirror).
            ax = (1.0 - zoom_x) if mirror else zoom_x
            canvas.translate(ax * width, zoom_y * height)
            canvas.scale(zoom, zoom)
            canvas.translate(-ax * width, -zoom_y * height)
            # What is calm on the cover is a smaller zone nearer the point in the painter's frame.
            calm_zones = [
                (ax + (x - ax) / zoom, zoom_y + (y - zoom_y) / zoom, w / zoom, h / zoom) for x, y, w, h in calm_zones
            ] + _cropped_away(ax, zoom_y, zoom)
        try:
            provider.paint(
                canvas, width=width, height=height, scene=template.scene, params=scene_params,
                brief=brief, seed=recipe.seed, calm_zones=calm_zones,
            )  # fmt: skip
        finally:
            canvas.restore()

    # The subjects stay where the type stays (a print front's safe area); the background fills the panel.
    with recording() as drawn, subjects_within(text_frame, size):
        surface, reports, zones, timings = compose(
            width=width, height=height, layout=layout, type_spec=type_spec,
            title=recipe.text.title, subtitle=recipe.text.subtitle, author=recipe.text.author,
            palette=dict(brief.palette.colors), paint=paint, key=template.id, title_scale=_title_scale(overrides),
        )  # fmt: skip
    named = with_names(drawn, [m.name for m in brief.motifs], figure_motifs=_figure_motifs(brief))
    report = RenderReport(width, height, template.id, format, tuple(reports), tuple(zones), timings, tuple(named))
    return surface, report


def render(recipe: Recipe, *, format: str = "ebook", scale: float = 1.0, artwork: bytes | None = None) -> bytes:
    png, _ = render_with_report(recipe, format=format, scale=scale, artwork=artwork)
    return png
