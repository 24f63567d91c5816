"""The other file formats an asset is offered in: its JPEG, made once and kept in storage.

Stores such as KDP and ACX take JPEG, not PNG. The JPEG of an image asset is encoded by the engine
(sRGB profile, 300 dpi, quality 95, 4:4:4) the first time it is asked for and kept under a name made
of the asset's checksum, so later downloads only sign a URL. Two first requests at once may both
store it; the loser's copy gets another name, which is harmless (as for page thumbnails).
"""

from __future__ import annotations

from byc_site.errors import ApplicationError
from cover_engine.export import encode_jpeg
from covers.models import CoverAsset
from covers.storage import StoredFile, file_exists, file_read, file_size, file_store

FORMAT_PNG = "png"
FORMAT_JPEG = "jpeg"
DOWNLOAD_FORMATS = (FORMAT_PNG, FORMAT_JPEG)
JPEG_CONTENT_TYPE = "image/jpeg"


def jpeg_name(*, checksum: str) -> str:
    return f"exports/{checksum}.jpg"


def asset_variant_stored(*, asset: CoverAsset, file_format: str | None) -> StoredFile | None:
    """The stored file of `asset` in `file_format` (None: the asset's own file, no variant).

    400 invalid_field_value for an unknown format or a format the asset has none of (a zip).
    """
    if file_format in (None, "") or (file_format == FORMAT_PNG and asset.content_type == "image/png"):
        return None
    if file_format not in DOWNLOAD_FORMATS:
        raise ApplicationError(
            "invalid_field_value", f"format must be one of: {', '.join(DOWNLOAD_FORMATS)}.", field="format"
        )
    if asset.content_type != "image/png":
        raise ApplicationError(
            "invalid_field_value", f"The {asset.asset_type} asset is only offered as it is.", field="format"
        )
    name = jpeg_name(checksum=asset.checksum)
    # The ETag of the local file view: the asset's checksum plus the format, no need to hash the JPEG.
    checksum = f"{asset.checksum}-{FORMAT_JPEG}"
    if file_exists(name):
        return StoredFile(name=name, size_bytes=file_size(name), checksum=checksum)
    stored = file_store(name=name, data=encode_jpeg(file_read(asset.storage_name)))
    return StoredFile(name=stored.name, size_bytes=stored.size_bytes, checksum=checksum)
