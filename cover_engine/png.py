"""A fast PNG writer for finished covers.

Covers carry film grain and paper texture, so they compress poorly whatever the effort: a
higher zlib level buys a few percent of size for several times the time. This writer filters
every row with PNG's "Up" filter in one numpy pass over the RGBA canvas (grain repeats down a
column better than along a row) and deflates at level 1 with zlib's strategy for filtered data.
Measured by bench/engine.py on 1600x2560 covers: about 1.6x faster than Pillow at
compress_level 1, for files 6-13% larger. Output is deterministic: same pixels, same bytes.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

from .export import png_chunk as _chunk


def encode_rgb(pixels: np.ndarray, *, metadata: bytes = b"") -> bytes:
    """PNG bytes (8-bit RGB) of an (h, w, 3) uint8 array, or the RGB of an (h, w, 4) one.

    `metadata`: ready-made chunks placed before the image data (export.png_metadata_chunks:
    the sRGB profile and the DPI)."""
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[2] not in (3, 4):
        raise ValueError("expected an (h, w, 3) or (h, w, 4) uint8 array")
    height, width, channels = pixels.shape
    # Filter type Up: each byte minus the byte above it. Subtracting whole contiguous rows
    # (alpha included) and dropping alpha after is faster than working on a strided RGB view.
    rows = np.ascontiguousarray(pixels).reshape(height, width * channels)
    diff = np.empty_like(rows)
    diff[0] = rows[0]
    np.subtract(rows[1:], rows[:-1], out=diff[1:])
    filtered = np.empty((height, width * 3 + 1), np.uint8)
    filtered[:, 0] = 2
    filtered[:, 1:].reshape(height, width, 3)[...] = diff.reshape(height, width, channels)[..., :3]
    compressor = zlib.compressobj(1, zlib.DEFLATED, 15, 9, zlib.Z_FILTERED)
    data = compressor.compress(filtered.data) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + metadata + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")
