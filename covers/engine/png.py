"""A fast PNG writer for finished covers.

Covers carry film grain and paper texture, so they compress poorly whatever the effort: a
higher zlib level buys a few percent of size for twice the time. This writer filters every row
with PNG's "Sub" filter in one numpy pass and deflates with zlib level 1 and the run-length
strategy; bench/engine.py compares it with Pillow's and skia's encoders (it is about twice as
fast as Pillow at level 1 for the same size). Output is deterministic: same pixels, same bytes.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def encode_rgb(pixels: np.ndarray) -> bytes:
    """PNG bytes (8-bit RGB) of an (h, w, 3) uint8 array."""
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[2] != 3:
        raise ValueError("expected an (h, w, 3) uint8 array")
    height, width, _ = pixels.shape
    rows = pixels.reshape(height, width * 3)
    filtered = np.empty((height, width * 3 + 1), np.uint8)
    filtered[:, 0] = 1  # filter type Sub: each byte minus the same channel of the pixel to its left
    filtered[:, 1:4] = rows[:, :3]
    np.subtract(rows[:, 3:], rows[:, :-3], out=filtered[:, 4:], dtype=np.uint8, casting="unsafe")
    compressor = zlib.compressobj(1, zlib.DEFLATED, 15, 9, zlib.Z_RLE)
    data = compressor.compress(filtered.data) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")
