"""Downscaled JPEGs of cover images for pages, and the engine's template previews, kept in storage.

Pages never show the multi-megabyte PNGs. A thumbnail is named by its asset's checksum and width,
so it is made once: by the worker right after it stores a new asset (from the bytes it still holds
in memory), or, for assets made before that, by the first page that asks for it.

Template previews are rendered once into storage under a name that carries a fingerprint of the
engine's code, so a changed engine (or template) gets new previews and no process renders a preview
another process already made.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
from pathlib import Path

from PIL import Image

import cover_engine as engine
from covers.storage import file_exists, file_read, file_store

logger = logging.getLogger(__name__)

THUMB_SMALL = 400
THUMB_LARGE = 840
THUMB_WIDTHS = (THUMB_SMALL, THUMB_LARGE)
THUMB_ASSETS = ("preview", "audiobook_preview")
TEMPLATE_PREVIEW_SCALE = 0.25


def thumbnail_name(*, checksum: str, width: int) -> str:
    return f"thumbs/{checksum}-{width}.jpg"


def _thumbnails_encode(png: bytes, widths) -> dict[int, bytes]:
    """JPEGs of a PNG at each width, from one decode; each smaller one is scaled from the one before
    (840 -> 400 is still a clean 2x Lanczos reduction, and three times cheaper than from 1600)."""
    out: dict[int, bytes] = {}
    with Image.open(io.BytesIO(png)) as opened:
        image = opened.convert("RGB")
    for width in sorted(widths, reverse=True):
        small = image.copy()
        small.thumbnail((width, width * 2), Image.Resampling.LANCZOS, reducing_gap=3.0)
        image = small
        buffer = io.BytesIO()
        small.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
        out[width] = buffer.getvalue()
    return out


def thumbnails_store(*, png: bytes, checksum: str) -> list[str]:
    """Make and store every page thumbnail of an asset's PNG (held in memory); returns their names.

    A thumbnail already in storage is left alone.
    """
    missing = [w for w in THUMB_WIDTHS if not file_exists(thumbnail_name(checksum=checksum, width=w))]
    if not missing:
        return []
    return [
        file_store(name=thumbnail_name(checksum=checksum, width=width), data=data).name
        for width, data in _thumbnails_encode(png, missing).items()
    ]


def thumbnail_bytes(*, storage_name: str, checksum: str, width: int) -> bytes:
    """An asset's thumbnail: from storage, or made from the stored PNG once (assets made before the
    worker made thumbnails itself)."""
    name = thumbnail_name(checksum=checksum, width=width)
    if file_exists(name):
        return file_read(name)
    data = _thumbnails_encode(file_read(storage_name), [width])[width]
    # Two first requests at once may both store it; the loser's copy gets another name, which is harmless.
    file_store(name=name, data=data)
    return data


# --- template previews ----------------------------------------------------------------------------


@functools.cache
def engine_fingerprint() -> str:
    """A short hash of the engine's code and template catalogue: it changes whenever a preview could."""
    root = Path(engine.__file__).resolve().parent
    digest = hashlib.sha256(f"{engine.RECIPE_VERSION}:{TEMPLATE_PREVIEW_SCALE}".encode())
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def template_preview_name(template_id: str) -> str:
    return f"template-previews/{engine_fingerprint()}/{template_id}.png"


def template_preview_stored(*, template_id: str) -> bytes:
    """A template's preview PNG from storage, rendered and stored first if no process has yet."""
    name = template_preview_name(template_id)
    if file_exists(name):
        return file_read(name)
    data = engine.template_preview(template_id, scale=TEMPLATE_PREVIEW_SCALE)
    file_store(name=name, data=data)
    return data


def template_previews_render(*, template_ids) -> int:
    """Render into storage the previews not there yet (after a deploy); returns how many were made."""
    made = 0
    for template_id in template_ids:
        if not file_exists(template_preview_name(template_id)):
            template_preview_stored(template_id=template_id)
            made += 1
    return made
