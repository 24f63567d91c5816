"""The store pack: one zip with each store's cover file made to its rules, and a manifest of the
rules each file meets, measured from the files themselves (cover_engine.stores holds the rules).

Input is the cover rendered in each canvas the stores need (the 1600 x 2560 ebook cover and the
2400 x 2400 square audiobook re-layout, as PNGs); each distinct picture is encoded once as a JPEG
(sRGB profile, 300 dpi, quality 95, stepping down to 92 only where a store caps the file size) and
shared by the stores that take the same pixels. The zip is deterministic: same pictures, same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable

from PIL import Image, ImageCms

from .errors import EngineError
from .export import DPI, JPEG_QUALITY, JPEG_QUALITY_MIN, encode_jpeg
from .stores import STORES, Store

MANIFEST_NAME = "manifest.json"
# Zip entries carry a date; a fixed one keeps the pack's bytes a function of its pictures.
ZIP_DATE = (2024, 1, 1, 0, 0, 0)
ASPECT_TOLERANCE = 0.01


def measure(data: bytes) -> dict:
    """What a file is, read back from its bytes: format, pixels, mode, depth, DPI, ICC profile, size."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        icc = image.info.get("icc_profile")
        profile = ""
        if icc:
            profile = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc))).strip()
        dpi = image.info.get("dpi")
        return {
            "format": image.format,
            "width": image.width,
            "height": image.height,
            "mode": image.mode,
            "bitsPerPixel": 8 * len(image.getbands()),
            "dpi": [round(float(v), 2) for v in dpi] if dpi else None,
            "iccProfile": profile or None,
            "bytes": len(data),
        }


def _min_dpi(m: dict) -> float:
    return min(m["dpi"]) if m["dpi"] else 0


# kind -> (what was measured, whether it meets `expected`)
RULE_CHECKS: dict[str, Callable[[dict, object], tuple[object, bool]]] = {
    "format": lambda m, e: (m["format"], m["format"] in e),
    "color_mode": lambda m, e: (m["mode"], m["mode"] == e),
    "min_bits_per_pixel": lambda m, e: (m["bitsPerPixel"], m["bitsPerPixel"] >= e),
    "min_dpi": lambda m, e: (m["dpi"], _min_dpi(m) >= e),
    "icc_profile": lambda m, e: (m["iccProfile"], m["iccProfile"] == e),
    "min_width": lambda m, e: (m["width"], m["width"] >= e),
    "max_width_exclusive": lambda m, e: (m["width"], m["width"] < e),
    "min_height": lambda m, e: (m["height"], m["height"] >= e),
    "min_short_side": lambda m, e: (min(m["width"], m["height"]), min(m["width"], m["height"]) >= e),
    "max_long_side": lambda m, e: (max(m["width"], m["height"]), max(m["width"], m["height"]) <= e),
    "max_bytes": lambda m, e: (m["bytes"], m["bytes"] <= e),
    "square": lambda m, e: (f"{m['width']}x{m['height']}", (m["width"] == m["height"]) == e),
    "aspect_ratio": lambda m, e: (
        round(m["height"] / m["width"], 4),
        abs(m["height"] / m["width"] - e) <= ASPECT_TOLERANCE,
    ),
}


def check(store: Store, measured: dict) -> list[dict]:
    """Each of the store's rules against the measured file."""
    results = []
    for rule in store.rules:
        value, passed = RULE_CHECKS[rule.kind](measured, rule.expected)
        expected = list(rule.expected) if isinstance(rule.expected, tuple) else rule.expected
        results.append(
            {
                "rule": rule.kind,
                "level": rule.level,
                "expected": expected,
                "measured": value,
                "passed": bool(passed),
                "source": rule.source,
            }
        )
    return results


def _store_jpeg(store: Store, picture: Image.Image, encoded: dict) -> bytes:
    """The store's JPEG: the best quality from 95 down to 92 that fits its size cap (one encode per
    picture and quality, shared by stores)."""
    cap = store.max_bytes()
    for quality in range(JPEG_QUALITY, JPEG_QUALITY_MIN - 1, -1):
        key = (store.canvas, quality)
        if key not in encoded:
            encoded[key] = encode_jpeg(picture, quality=quality, dpi=DPI)
        if cap is None or len(encoded[key]) <= cap:
            break
    return encoded[key]


def file_name(base_name: str, store: Store) -> str:
    return f"{base_name}_{store.file_part}-{store.width}x{store.height}.jpg"


def build(pictures: dict[str, bytes], *, base_name: str, book: dict) -> tuple[bytes, dict]:
    """The pack's zip bytes and its manifest, from a PNG per canvas ({"ebook": ..., "square": ...}).

    `base_name`: the ASCII start of every file name (the book's title slug); `book`: what the
    manifest says the pack is of (title, author, coverId).
    """
    opened: dict[str, Image.Image] = {}
    for canvas, png in pictures.items():
        with Image.open(io.BytesIO(png)) as image:
            opened[canvas] = image.convert("RGB")
    encoded: dict = {}
    entries = []
    files: list[tuple[str, bytes]] = []
    for store in STORES:
        picture = opened.get(store.canvas)
        if picture is None:
            raise EngineError(f"no {store.canvas} picture for {store.name}", code="store_pack_input")
        if picture.size != (store.width, store.height):
            raise EngineError(
                f"{store.name} takes {store.width}x{store.height}, the {store.canvas} picture is "
                f"{picture.width}x{picture.height}",
                code="store_pack_input",
            )
        data = _store_jpeg(store, picture, encoded)
        name = file_name(base_name, store)
        measured = measure(data)
        rules = check(store, measured)
        entries.append(
            {
                "store": store.key,
                "storeName": store.name,
                "file": name,
                "sha256": hashlib.sha256(data).hexdigest(),
                "measured": measured,
                "rules": rules,
                "meetsRequired": all(r["passed"] for r in rules if r["level"] != "recommended"),
                "meetsAll": all(r["passed"] for r in rules),
            }
        )
        files.append((name, data))
    manifest = {
        "book": book,
        "files": entries,
        "meetsRequired": all(entry["meetsRequired"] for entry in entries),
        "note": "Every value under 'measured' was read back from the file in this zip; 'source' is the "
        "page each rule's figure comes from (house: our own rule).",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # JPEGs do not deflate: store them as they are; the manifest is text.
        for name, data in files:
            archive.writestr(_entry(name), data, compress_type=zipfile.ZIP_STORED)
        manifest_bytes = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
        archive.writestr(_entry(MANIFEST_NAME), manifest_bytes, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue(), manifest


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.external_attr = 0o644 << 16  # readable files once unzipped (the default is no permissions)
    return info
