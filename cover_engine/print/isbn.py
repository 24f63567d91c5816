"""ISBNs and their barcode: checking ISBN-10/13, and the EAN-13 + 5-digit add-on as bar modules.

The bars are computed here (GS1 General Specifications, EAN-13 and EAN-5 add-on symbols) rather
than by a barcode widget so that the quiet zones and the add-on gap are ours to hold: 11 modules of
quiet zone left of the EAN-13, 7 modules right of it, a 9-module gap before the add-on (GS1 allows
7-12) and 5 modules after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import EngineError

# Left-hand odd (L), left-hand even (G) and right-hand (R) patterns, one string per digit.
_L = ("0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011")
_G = tuple(code[::-1] for code in (
    "1110010", "1100110", "1101100", "1000010", "1011100", "1001110", "1010000", "1000100", "1001000", "1110100",
))  # fmt: skip
_R = tuple("".join("1" if b == "0" else "0" for b in code) for code in _L)
# The first digit of an EAN-13 chooses the L/G parity of the next six.
_PARITY = ("LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL")
# The add-on's check value chooses its parity.
_ADDON_PARITY = ("GGLLL", "GLGLL", "GLLGL", "GLLLG", "LGGLL", "LLGGL", "LLLGG", "LGLGL", "LGLLG", "LLGLG")

QUIET_LEFT = 11
QUIET_RIGHT = 7
ADDON_GAP = 9
ADDON_QUIET_RIGHT = 5
EAN13_MODULES = 95
ADDON_MODULES = 47


def _ean13_check(digits12: str) -> int:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits12))
    return (10 - total % 10) % 10


def isbn_normalise(value: str) -> str:
    """The ISBN-13 (digits only) of an ISBN-10 or ISBN-13 with its check digit right; else EngineError."""
    raw = "".join(ch for ch in value.strip() if ch not in "- ").upper()
    if raw.startswith("ISBN"):
        raw = raw[4:].lstrip(":")
    if len(raw) == 10:
        if not (raw[:9].isdigit() and (raw[9].isdigit() or raw[9] == "X")):
            raise EngineError("an ISBN-10 has nine digits and a check digit or X", code="isbn_invalid")
        total = sum((10 - i) * int(d) for i, d in enumerate(raw[:9])) + (10 if raw[9] == "X" else int(raw[9]))
        if total % 11:
            raise EngineError(f"ISBN {value} has a wrong check digit", code="isbn_invalid")
        body = "978" + raw[:9]
        return body + str(_ean13_check(body))
    if len(raw) == 13 and raw.isdigit():
        if raw[:3] not in ("978", "979"):
            raise EngineError("an ISBN-13 starts with 978 or 979", code="isbn_invalid")
        if _ean13_check(raw[:12]) != int(raw[12]):
            raise EngineError(f"ISBN {value} has a wrong check digit", code="isbn_invalid")
        return raw
    raise EngineError("an ISBN has 10 or 13 digits", code="isbn_invalid")


def isbn_hyphen_free_display(isbn13: str) -> str:
    return f"ISBN {isbn13[:3]}-{isbn13[3:]}"


def addon_check(value: str) -> str:
    if not (len(value) == 5 and value.isdigit()):
        raise EngineError('the price add-on has exactly five digits, such as "90000" (no price)', code="addon_invalid")
    return value


@dataclass(frozen=True)
class BarcodeModules:
    """Bars as (first module, width in modules) runs; module 0 is the left edge of the quiet zone."""

    main: tuple[tuple[int, int], ...]  # EAN-13 bars, guard bars included
    guards: tuple[tuple[int, int], ...]  # the guard bars (drawn longer)
    addon: tuple[tuple[int, int], ...]
    addon_start: int  # first module of the add-on symbol
    total: int  # modules, quiet zones included


def _runs(pattern: str, offset: int) -> list[tuple[int, int]]:
    runs, start = [], None
    for i, bit in enumerate(pattern + "0"):
        if bit == "1" and start is None:
            start = i
        elif bit == "0" and start is not None:
            runs.append((offset + start, i - start))
            start = None
    return runs


def barcode_modules(isbn13: str, addon: str | None) -> BarcodeModules:
    parity = _PARITY[int(isbn13[0])]
    left = "".join((_L if p == "L" else _G)[int(d)] for p, d in zip(parity, isbn13[1:7], strict=True))
    right = "".join(_R[int(d)] for d in isbn13[7:])
    pattern = "101" + left + "01010" + right + "101"
    main = _runs(pattern, QUIET_LEFT)
    guard_mask = "101" + "0" * 42 + "01010" + "0" * 42 + "101"
    guards = _runs(guard_mask, QUIET_LEFT)
    total = QUIET_LEFT + EAN13_MODULES + QUIET_RIGHT
    addon_runs: list[tuple[int, int]] = []
    addon_start = 0
    if addon:
        # The add-on's gap replaces the EAN-13's right quiet zone (GS1: 7 to 12 modules).
        addon_start = QUIET_LEFT + EAN13_MODULES + ADDON_GAP
        check = (3 * sum(int(d) for d in addon[0::2]) + 9 * sum(int(d) for d in addon[1::2])) % 10
        parts = ["1011"]
        for i, (p, d) in enumerate(zip(_ADDON_PARITY[check], addon, strict=True)):
            if i:
                parts.append("01")
            parts.append((_L if p == "L" else _G)[int(d)])
        addon_runs = _runs("".join(parts), addon_start)
        total = addon_start + ADDON_MODULES + ADDON_QUIET_RIGHT
    return BarcodeModules(tuple(main), tuple(guards), tuple(addon_runs), addon_start, total)
