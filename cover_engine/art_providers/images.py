"""Pixels in and out of providers: decode what came back, encode what we send, masks, sizes, and the
painter that puts a provider's picture on the canvas in place of the procedural painters."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import skia

from .base import ArtProviderError

# A model's picture is enlarged to the cover: bilinear up to ENLARGE_CUBIC times (1024 x 1536 to a
# 1600 x 2560 preview: 19 ms, against 180 ms for a cubic filter, and no visible difference at 1.6x);
# beyond it (a 3200 x 5120 full size from the same picture) Mitchell's cubic, which keeps edges clean.
LINEAR = skia.SamplingOptions(skia.FilterMode.kLinear)
CUBIC = skia.SamplingOptions(skia.CubicResampler.Mitchell())
ENLARGE_CUBIC = 2.0


def decode(data: bytes, *, provider: str = "provider") -> skia.Image:
    image = skia.Image.MakeFromEncoded(skia.Data.MakeWithCopy(data)) if data else None
    if image is None or image.width() < 8 or image.height() < 8:
        raise ArtProviderError(f"{provider} did not return a readable image")
    return image


def _cover_rect(image_w: int, image_h: int, width: int, height: int) -> skia.Rect:
    """The source rectangle that fills width x height without distortion (centre crop)."""
    scale = max(width / image_w, height / image_h)
    w, h = width / scale, height / scale
    return skia.Rect.MakeXYWH((image_w - w) / 2, (image_h - h) / 2, w, h)


def _halved(image: skia.Image) -> skia.Image:
    w, h = max(1, image.width() // 2), max(1, image.height() // 2)
    surface = skia.Surface(w, h)
    surface.getCanvas().drawImageRect(
        image, skia.Rect.MakeWH(image.width(), image.height()), skia.Rect.MakeWH(w, h), LINEAR
    )
    return surface.makeImageSnapshot()


def draw_cover(canvas: skia.Canvas, image: skia.Image, width: int, height: int) -> None:
    src = _cover_rect(image.width(), image.height(), width, height)
    # Reducing by more than half: halve first (each halving averages 2 x 2 pixels) so the small copy
    # is an average of the picture, not a sample of its pixels (skia's raster canvas uses no mipmaps here).
    while width / src.width() < 0.5:
        scale = image.width() // 2 / image.width()
        image = _halved(image)
        src = skia.Rect.MakeXYWH(src.x() * scale, src.y() * scale, src.width() * scale, src.height() * scale)
    sampling = CUBIC if width / src.width() >= ENLARGE_CUBIC else LINEAR
    canvas.drawImageRect(image, src, skia.Rect.MakeWH(width, height), sampling, None)


def png_of(image: skia.Image, width: int | None = None, height: int | None = None) -> bytes:
    """PNG bytes of the image, filled (centre-cropped) to width x height when given."""
    width, height = width or image.width(), height or image.height()
    surface = skia.Surface(width, height)
    draw_cover(surface.getCanvas(), image, width, height)
    return bytes(surface.makeImageSnapshot().encodeToData(skia.EncodedImageFormat.kPNG, 100))


def mask_png(width: int, height: int, edit: Sequence[tuple[float, float, float, float]], *, style: str) -> bytes:
    """A mask of the areas to repaint (shares of the picture).

    style="alpha": OpenAI's convention, fully transparent where the image is to be edited, opaque
    elsewhere. style="white": Stability's and AUTOMATIC1111's, white to repaint, black to keep.
    """
    surface = skia.Surface(width, height)
    canvas = surface.getCanvas()
    keep, repaint = (skia.ColorBLACK, skia.ColorTRANSPARENT) if style == "alpha" else (skia.ColorBLACK, skia.ColorWHITE)
    canvas.clear(keep)
    paint = skia.Paint(Color=repaint, BlendMode=skia.BlendMode.kSrc)
    for x, y, w, h in edit:
        canvas.drawRect(skia.Rect.MakeXYWH(x * width, y * height, w * width, h * height), paint)
    return bytes(surface.makeImageSnapshot().encodeToData(skia.EncodedImageFormat.kPNG, 100))


def padded_png(image: skia.Image, *, left: int, right: int, up: int, down: int) -> bytes:
    """The image on a larger canvas, the new margins filled with its own edges stretched outwards
    (a neutral start for an outpainting model that repaints them)."""
    w, h = image.width() + left + right, image.height() + up + down
    surface = skia.Surface(w, h)
    canvas = surface.getCanvas()
    draw_cover(canvas, image, w, h)  # stretched edges under the margins, blurred below
    blurred = surface.makeImageSnapshot()
    canvas.clear(skia.ColorBLACK)
    canvas.drawImageRect(
        blurred, skia.Rect.MakeWH(w, h), skia.Rect.MakeWH(w, h), LINEAR,
        skia.Paint(ImageFilter=skia.ImageFilters.Blur(24, 24)),
    )  # fmt: skip
    canvas.drawImage(image, left, up)
    return bytes(surface.makeImageSnapshot().encodeToData(skia.EncodedImageFormat.kPNG, 100))


def outpaint_canvas(
    image: bytes, *, left: int, right: int, up: int, down: int, style: str, provider: str = "provider"
) -> tuple[bytes, bytes]:
    """(the picture on the larger canvas, the mask of its new margins) for a provider that outpaints
    by inpainting: the margins are repainted, the picture kept. `style` as for mask_png."""
    source = decode(image, provider=provider)
    w, h = source.width() + left + right, source.height() + up + down
    x, y, pw, ph = left / w, up / h, source.width() / w, source.height() / h
    margins = [(0.0, 0.0, 1.0, y), (0.0, y + ph, 1.0, 1.0), (0.0, 0.0, x, 1.0), (x + pw, 0.0, 1.0, 1.0)]
    return padded_png(source, left=left, right=right, up=up, down=down), mask_png(w, h, margins, style=style)


def nearest_ratio(width: int, height: int, ratios: Sequence[str]) -> str:
    """The provider's aspect ratio ("2:3") nearest to width:height."""

    def value(r: str) -> float:
        a, b = r.split(":")
        return int(a) / int(b)

    return min(ratios, key=lambda r: abs(value(r) - width / height))


def multiple_size(width: int, height: int, *, longest: int, step: int = 64) -> tuple[int, int]:
    """width x height scaled so the longer side is `longest`, both rounded to a multiple of `step`
    (what Stable Diffusion servers need)."""
    scale = longest / max(width, height)
    return max(step, round(width * scale / step) * step), max(step, round(height * scale / step) * step)


class ImageArtwork:
    """An artwork provider (render.py's `paint` protocol) that draws a finished picture: a model's.

    It fills the canvas (centre-cropped to the format), so everything after it, the type, its
    contrast treatment measured on these pixels, mirrors and crops of a variation, is unchanged.
    """

    # Under the type the picture is put out of focus (a copy drawn at 1/SOFT_DOWN of the size and
    # enlarged), faded in over a feathered edge: a model does not always keep the area we asked it to
    # keep calm, and fine texture under thin type defeats a contrast ratio that only measures light.
    SOFT_DOWN = 8
    SOFT_STRENGTH = 0.75
    SOFT_PAD = 0.02  # share of the shorter side around each zone
    SOFT_FEATHER = 0.12

    def __init__(self, image: bytes | skia.Image) -> None:
        self.image = image if isinstance(image, skia.Image) else decode(image)

    def paint(self, canvas, *, width, height, scene, params, brief, seed, calm_zones) -> None:
        draw_cover(canvas, self.image, width, height)
        if calm_zones:
            self._soften(canvas, width, height, calm_zones)

    def _soften(self, canvas, width: int, height: int, zones) -> None:
        # Everything happens on the small copy (the picture reduced, then cut to the feathered zones
        # through its alpha), which is enlarged over the picture in one pass: a blur at full size,
        # or a full-size mask layer, would cost several times more.
        sw, sh = max(8, width // self.SOFT_DOWN), max(8, height // self.SOFT_DOWN)
        small = skia.Surface(sw, sh)
        small_canvas = small.getCanvas()
        draw_cover(small_canvas, self.image, sw, sh)
        unit = min(sw, sh)
        pad, feather = self.SOFT_PAD * unit, self.SOFT_FEATHER * unit
        mask = skia.Paint(AntiAlias=True, Color=skia.Color4f(0, 0, 0, self.SOFT_STRENGTH).toColor())
        mask.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, feather / 2))
        small_canvas.saveLayer(None, skia.Paint(BlendMode=skia.BlendMode.kDstIn))
        for x, y, w, h in zones:
            rect = skia.Rect.MakeXYWH(x * sw - pad, y * sh - pad, w * sw + 2 * pad, h * sh + 2 * pad)
            small_canvas.drawRRect(skia.RRect.MakeRectXY(rect, pad, pad), mask)
        small_canvas.restore()
        # Only where the zones and their feathered edges are: the rest of the small copy is transparent.
        reach = pad + 1.5 * feather
        left = max(0.0, min(x for x, _y, _w, _h in zones) * sw - reach) * width / sw
        top = max(0.0, min(y for _x, y, _w, _h in zones) * sh - reach) * height / sh
        right = min(sw, max(x + w for x, _y, w, _h in zones) * sw + reach) * width / sw
        bottom = min(sh, max(y + h for _x, y, _w, h in zones) * sh + reach) * height / sh
        canvas.save()
        canvas.clipRect(skia.Rect.MakeLTRB(left, top, right, bottom))
        canvas.drawImageRect(small.makeImageSnapshot(), skia.Rect.MakeWH(width, height), LINEAR)
        canvas.restore()


# Where stored pictures are read from: set once by the application (the covers app reads its file
# storage); the engine itself stores nothing.
_image_loader: Callable[[str], bytes] | None = None


def image_loader_set(loader: Callable[[str], bytes] | None) -> None:
    global _image_loader
    _image_loader = loader


def stored_artwork(art: object, format: str, scale: float = 1.0) -> bytes | None:
    """The stored picture a recipe's `art` override names for this format and scale (the square one
    for the square format, the provider's upscaled one above scale 1, when there are), or None when
    the recipe's art is procedural."""
    if not isinstance(art, dict):
        return None
    name = art.get("image")
    if format == "square" and art.get("square_image"):
        name = art["square_image"]
    elif format != "square" and scale > 1.0 and art.get("upscaled_image"):
        name = art["upscaled_image"]
    if not name:
        return None
    if _image_loader is None:
        raise ArtProviderError("this recipe's artwork is stored, and no image loader is set to read it")
    return _image_loader(str(name))
