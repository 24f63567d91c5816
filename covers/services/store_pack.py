"""The store pack of a cover: each store's file to its rules, zipped with a manifest of what each meets.

The pictures are the cover's own renders at the stores' sizes, never a crop: the 1600 x 2560 ebook
cover and the 2400 x 2400 square re-layout the audiobook operation makes (`ASSET_RENDERING`). A
stored preview or audiobook asset already at that size is reused; otherwise the engine renders it
at full size, whatever COVERS_RENDER_SCALE says, because a store file must meet its store's sizes.
The engine (cover_engine.store_pack) encodes, measures and zips; rules are in cover_engine.stores.
"""

from __future__ import annotations

import logging

import cover_engine as engine
from cover_engine import store_pack
from covers.downloads import title_slug
from covers.models import ASSET_AUDIOBOOK_PREVIEW, ASSET_PREVIEW, Cover
from covers.storage import file_read

logger = logging.getLogger(__name__)

# The stored asset that may already hold each canvas at the stores' size.
CANVAS_ASSETS = {"ebook": ASSET_PREVIEW, "square": ASSET_AUDIOBOOK_PREVIEW}


def _picture(cover: Cover, recipe: engine.Recipe, canvas: str) -> bytes:
    width, height = engine.render_size(canvas, 1.0)
    stored = next(
        (
            a
            for a in cover.assets.all()
            if a.asset_type == CANVAS_ASSETS[canvas] and (a.width, a.height) == (width, height)
        ),
        None,
    )
    if stored is not None:
        try:
            return file_read(stored.storage_name)
        except Exception:  # a lost file is rendered again, not a failed pack
            logger.warning("Asset %s of cover %s could not be read; rendering it again", stored.asset_type, cover.id)
    return engine.render(recipe, format=canvas, scale=1.0)


def store_pack_render(*, cover: Cover) -> bytes:
    """The zip of the cover's store pack."""
    recipe = engine.Recipe.from_dict(cover.recipe)
    pictures = {canvas: _picture(cover, recipe, canvas) for canvas in CANVAS_ASSETS}
    book = {"title": cover.book.title, "author": cover.book.author, "coverId": str(cover.id)}
    data, _manifest = store_pack.build(pictures, base_name=title_slug(cover.book.title, ascii_only=True), book=book)
    return data
