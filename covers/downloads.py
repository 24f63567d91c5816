"""What a downloaded file is called: named after the book and the format, never after a storage key.

`the-last-witness_ebook-1600x2560.png`, `the-last-witness_store-pack.zip`. A title in any script
keeps its own letters in the RFC 5987 `filename*` parameter (UTF-8, percent-encoded), which every
current browser prefers; clients that only read `filename` get an ASCII fallback (accents folded,
other scripts dropped, `cover` when nothing is left).
"""

from __future__ import annotations

from urllib.parse import quote

from django.utils.text import slugify

from covers.models import (
    ASSET_AUDIOBOOK_FULL,
    ASSET_AUDIOBOOK_PREVIEW,
    ASSET_FULL,
    ASSET_PREVIEW,
    ASSET_PRINT_PDF,
    ASSET_PRINT_PROOF,
    ASSET_STORE_PACK,
)

# The format part of the name; images add their pixel size ("ebook-1600x2560").
FORMAT_NAMES = {
    ASSET_PREVIEW: "ebook",
    ASSET_FULL: "ebook",
    ASSET_AUDIOBOOK_PREVIEW: "audiobook",
    ASSET_AUDIOBOOK_FULL: "audiobook",
    ASSET_STORE_PACK: "store-pack",
    ASSET_PRINT_PDF: "print",
    ASSET_PRINT_PROOF: "print-proof",
}
EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "application/zip": "zip", "application/pdf": "pdf"}
FALLBACK_SLUG = "cover"
# Long titles make unwieldy file names; stores and file systems cope with far more, people less.
SLUG_MAX = 80


def title_slug(title: str, *, ascii_only: bool = False) -> str:
    """'The Last Witness' -> 'the-last-witness'; 'ظل الريح' keeps its letters unless `ascii_only`."""
    slug = slugify(title or "", allow_unicode=not ascii_only)[:SLUG_MAX].strip("-_")
    return slug or FALLBACK_SLUG


def format_part(*, asset_type: str, width: int = 0, height: int = 0) -> str:
    name = FORMAT_NAMES.get(asset_type, asset_type.replace("_", "-"))
    return f"{name}-{width}x{height}" if width and height else name


def download_name(*, title: str, asset_type: str, content_type: str, width: int = 0, height: int = 0) -> str:
    """The file name in the book's own script: '<title slug>_<format>.<ext>'."""
    extension = EXTENSIONS.get(content_type, "bin")
    return f"{title_slug(title)}_{format_part(asset_type=asset_type, width=width, height=height)}.{extension}"


def print_download_name(*, title: str, target: str, asset_type: str = ASSET_PRINT_PDF, content_type: str) -> str:
    """A print wrap's files, named after the book and the printer's target:
    'the-last-witness_kdp-6x9-320p.pdf', 'the-last-witness_kdp-6x9-320p-proof.png'."""
    extension = EXTENSIONS.get(content_type, "bin")
    suffix = "-proof" if asset_type == ASSET_PRINT_PROOF else ""
    return f"{title_slug(title)}_{slugify(target) or 'print'}{suffix}.{extension}"


def ascii_fallback(name: str) -> str:
    """The same name with only ASCII letters: the title part slugified again, the format part kept.

    The format part never holds an underscore, so the last one separates it from the title."""
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    title, underscore, fmt = stem.rpartition("_")
    if not underscore:
        title, fmt = stem, ""
    safe = title_slug(title, ascii_only=True) + (f"_{slugify(fmt)}" if fmt else "")
    return f"{safe}.{extension}" if extension else safe


def content_disposition(name: str) -> str:
    """`attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266 / RFC 5987)."""
    fallback = ascii_fallback(name).replace("\\", "").replace('"', "")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
