"""What finished files carry besides pixels: the sRGB profile, the DPI, and the JPEG the stores prefer.

Skia draws in sRGB (its surfaces have no other colour space here), so every file says so with an
embedded ICC profile: a colour-managed viewer, a store's converter or a print shop then reads the
colours as drawn instead of guessing. The profile is the freely licensed sRGB.icc of Debian's
`icc-profiles-free` (ICC v2, "no copyright, use freely"; scripts/apt-packages.txt installs it):
a fixed file, so the same pixels still give the same bytes (lcms' built-in sRGB stamps the time of
its creation into every copy). BYC_SRGB_PROFILE points at another copy of it if needed.
"""

from __future__ import annotations

import functools
import io
import os
import struct
import zlib
from pathlib import Path

from .errors import EngineError

SRGB_PROFILE_DEFAULT = "/usr/share/color/icc/sRGB.icc"
# Declared resolution of every file we make. Stores want "300 ppi" for ebook covers (KDP's and the
# distributors' guidance) and "at least 72 dpi" for audiobook squares (ACX): 300 meets both, and
# makes the 1600 x 2560 ebook cover a 5.33 x 8.53 inch picture in layout software.
DPI = 300
# JPEG quality for store files and JPEG downloads: 95 with full-resolution colour (4:4:4) keeps
# small type and thin rules free of colour fringes; 92 is the floor the pack steps down to when a
# store caps the file size.
JPEG_QUALITY = 95
JPEG_QUALITY_MIN = 92
INCH_IN_METRES = 0.0254


@functools.cache
def srgb_profile() -> bytes:
    """The bytes of the sRGB ICC profile embedded in every PNG and JPEG (checked once per process)."""
    path = Path(os.environ.get("BYC_SRGB_PROFILE") or SRGB_PROFILE_DEFAULT)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EngineError(
            f"the sRGB colour profile {path} is missing; install Debian's icc-profiles-free (scripts/setup.sh apt)",
            code="color_profile_missing",
        ) from exc
    # An ICC profile: its size in the header, the 'acsp' signature, an RGB device colour space.
    if len(data) < 128 or struct.unpack(">I", data[:4])[0] != len(data) or data[36:40] != b"acsp":
        raise EngineError(f"{path} is not an ICC profile", code="color_profile_invalid")
    if data[16:20] != b"RGB ":
        raise EngineError(f"{path} is not an RGB profile", code="color_profile_invalid")
    return data


def png_chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


@functools.cache
def png_metadata_chunks(*, dpi: int = DPI) -> bytes:
    """iCCP (the sRGB profile, deflated) and pHYs (pixels per metre) chunks, to follow IHDR."""
    pixels_per_metre = round(dpi / INCH_IN_METRES)
    iccp = b"sRGB\x00\x00" + zlib.compress(srgb_profile(), 9)
    phys = struct.pack(">IIB", pixels_per_metre, pixels_per_metre, 1)
    return png_chunk(b"iCCP", iccp) + png_chunk(b"pHYs", phys)


def encode_jpeg(image, *, quality: int = JPEG_QUALITY, dpi: int = DPI) -> bytes:
    """A baseline JPEG of a PIL image or of PNG bytes: RGB, 4:4:4, sRGB profile and DPI embedded."""
    from PIL import Image

    if isinstance(image, (bytes, bytearray)):
        with Image.open(io.BytesIO(image)) as opened:
            image = opened.convert("RGB")
    elif image.mode != "RGB":
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(
        buffer, format="JPEG", quality=quality, subsampling=0, optimize=True,
        icc_profile=srgb_profile(), dpi=(dpi, dpi),
    )  # fmt: skip
    return buffer.getvalue()
