"""Typeface registry: voices, faces, weights and per-script fallbacks.

Faces come from the pinned `fontpkg-*` wheels and `manimgx-fonts-cjk` (no font files in git).
Each face is loaded once per process and registered in one skia FontCollection under an alias
"<slug>@<weight>[w<width>]", so paragraphs name exactly the cut they want. The collection has no
system font manager behind it: fallback happens only through the chains built here, which keeps
rendering identical on every machine.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

import skia

from .spec import VOICES

CJK_COLLECTION = "noto-sans-cjk"
# Collection indexes inside NotoSansCJK-VF.otf.ttc.
CJK_INDEX = {"ja": 0, "ko": 1, "zh-Hans": 2, "zh-Hant": 3}


@dataclass(frozen=True)
class Face:
    slug: str
    voice: str
    kind: str  # serif | sans | condensed | script: decides which fallback face matches it
    min_weight: int
    max_weight: int
    # Single-cut display faces look much heavier than their nominal 400; fallbacks match this.
    visual_weight: int | None = None
    caps_only: bool = False  # lower case is drawn as (small) capitals anyway


# At least two faces per voice, all of distinct design. Order matters: the first face of a
# voice is its most conventional choice.
FACES: tuple[Face, ...] = (
    Face("cinzel", "classical", "serif", 400, 900, caps_only=True),
    Face("marcellus", "classical", "serif", 400, 400),
    Face("cormorant-garamond", "classical", "serif", 300, 700),
    Face("eb-garamond", "book-serif", "serif", 400, 800),
    Face("libre-baskerville", "book-serif", "serif", 400, 700),
    Face("lora", "book-serif", "serif", 400, 700),
    Face("spectral", "book-serif", "serif", 200, 800),
    Face("fraunces", "book-serif", "serif", 100, 900),
    Face("instrument-serif", "book-serif", "serif", 400, 400),
    Face("playfair-display", "didone", "serif", 400, 900),
    Face("bodoni-moda", "didone", "serif", 400, 900),
    Face("dm-serif-display", "didone", "serif", 400, 400, visual_weight=600),
    Face("abril-fatface", "didone", "serif", 400, 400, visual_weight=900),
    Face("great-vibes", "script", "script", 400, 400),
    Face("dancing-script", "script", "script", 400, 700),
    Face("pacifico", "script", "script", 400, 400, visual_weight=700),
    Face("bebas-neue", "condensed", "condensed", 400, 400, visual_weight=700, caps_only=True),
    Face("oswald", "condensed", "condensed", 200, 700),
    Face("anton", "condensed", "condensed", 400, 400, visual_weight=800),
    Face("barlow-condensed", "condensed", "condensed", 100, 900),
    Face("montserrat", "geometric", "sans", 100, 900),
    Face("poppins", "geometric", "sans", 100, 900),
    Face("league-spartan", "geometric", "sans", 100, 900),
    Face("inter", "grotesque", "sans", 100, 900),
    Face("archivo-black", "grotesque", "sans", 400, 400, visual_weight=900),
    Face("noto-sans-display", "grotesque", "sans", 100, 900),
    Face("orbitron", "futuristic", "sans", 400, 900),
    Face("exo-2", "futuristic", "sans", 100, 900),
    Face("unbounded", "futuristic", "sans", 200, 900),
    Face("fredoka", "rounded", "sans", 300, 700),
    Face("baloo-2", "rounded", "sans", 400, 800),
    Face("luckiest-guy", "rounded", "sans", 400, 400, visual_weight=800, caps_only=True),
    Face("permanent-marker", "rough", "sans", 400, 400, visual_weight=600),
    Face("rowdies", "rough", "sans", 300, 700),
    Face("caveat", "rough", "script", 400, 700),
    Face("black-ops-one", "rough", "condensed", 400, 400, visual_weight=800),
    Face("roboto-slab", "slab", "serif", 100, 900),
    Face("alfa-slab-one", "slab", "serif", 400, 400, visual_weight=900),
)
FALLBACK_FACES: tuple[Face, ...] = (
    Face("noto-serif", "book-serif", "serif", 100, 900),
    Face("noto-sans", "grotesque", "sans", 100, 900),
    Face("amiri", "book-serif", "serif", 400, 700),
    Face("noto-kufi-arabic", "geometric", "sans", 100, 900),
    Face("noto-sans-arabic", "grotesque", "sans", 100, 900),
    Face("noto-sans-devanagari", "grotesque", "sans", 100, 900),
    Face("hind", "geometric", "sans", 300, 700),
)
FACE_BY_SLUG: dict[str, Face] = {f.slug: f for f in FACES + FALLBACK_FACES}
FACES_BY_VOICE: dict[str, tuple[Face, ...]] = {voice: tuple(f for f in FACES if f.voice == voice) for voice in VOICES}

WGHT = 0x77676874  # 'wght'
WDTH = 0x77647468  # 'wdth'
# Other axes (opsz, wdth unless asked) stay at their defaults on purpose: skia's FreeType draws
# instances between intermediate masters with some glyphs wrong (measured on Bodoni Moda's opsz
# and Noto Serif/Sans at 600-700), and the defaults are what the designers drew.


# --- scripts -------------------------------------------------------------------------------


def char_script(ch: str) -> str:
    """A coarse script class: latin, greek, cyrillic, arabic, devanagari, han, kana, hangul, common."""
    cp = ord(ch)
    if cp < 0x80:
        return "latin" if ch.isalpha() else "common"
    if 0x80 <= cp < 0x250 or 0x1E00 <= cp < 0x1F00:
        return "latin" if unicodedata.category(ch).startswith("L") else "common"
    if 0x370 <= cp < 0x400 or 0x1F00 <= cp < 0x2000:
        return "greek"
    if 0x400 <= cp < 0x530 or 0x1C80 <= cp < 0x1C90 or 0x2DE0 <= cp < 0x2E00 or 0xA640 <= cp < 0xA6A0:
        return "cyrillic"
    if (
        0x600 <= cp < 0x700
        or 0x750 <= cp < 0x780
        or 0x8A0 <= cp < 0x900
        or 0xFB50 <= cp < 0xFE00
        or 0xFE70 <= cp < 0xFF00
    ):
        return "arabic"
    if 0x900 <= cp < 0x980 or 0xA8E0 <= cp < 0xA900:
        return "devanagari"
    if 0x3040 <= cp < 0x3100 or 0x31F0 <= cp < 0x3200 or 0xFF66 <= cp < 0xFFA0:
        return "kana"
    if 0xAC00 <= cp < 0xD7B0 or 0x1100 <= cp < 0x1200 or 0x3130 <= cp < 0x3190:
        return "hangul"
    if 0x4E00 <= cp < 0xA000 or 0x3400 <= cp < 0x4DC0 or 0xF900 <= cp < 0xFB00 or 0x20000 <= cp < 0x32000:
        return "han"
    return "common"


def text_scripts(text: str) -> set[str]:
    return {s for s in map(char_script, text) if s != "common"}


CJK_SCRIPTS = {"han", "kana", "hangul"}
# Scripts where upper-casing and letter spacing break shaping or mean nothing.
NO_CASE_OR_TRACKING = {"arabic", "devanagari"} | CJK_SCRIPTS


def shaping_sensitive(text: str) -> bool:
    return bool(text_scripts(text) & NO_CASE_OR_TRACKING)


def cjk_language(text: str) -> str:
    scripts = text_scripts(text)
    if "kana" in scripts:
        return "ja"
    if "hangul" in scripts:
        return "ko"
    return "zh-Hans"


# --- loading -------------------------------------------------------------------------------

_lock = threading.Lock()


def _cjk_path() -> Path:
    import manimgx_fonts_cjk

    return Path(manimgx_fonts_cjk.__file__).parent / "NotoSansCJK-VF.otf.ttc"


@functools.cache
def _base_typeface(slug: str, weight: int) -> skia.Typeface:
    """The typeface file for a face (for static families: the nearest weight's file)."""
    import fontpkg

    if slug.startswith(CJK_COLLECTION):
        lang = slug.split(":", 1)[1]
        tf = skia.Typeface.MakeFromFile(str(_cjk_path()), CJK_INDEX[lang])
    else:
        tf = skia.Typeface.MakeFromFile(str(fontpkg.path(slug, weight=weight, nearest=True)))
    if tf is None:
        raise RuntimeError(f"typeface {slug!r} could not be loaded")
    return tf


def _clamp_weight(slug: str, weight: int) -> int:
    if slug.startswith(CJK_COLLECTION):
        return max(100, min(900, weight))
    if slug in MASTER_WEIGHTS_ONLY:
        # Between its masters skia draws some glyphs of this font far too heavy (Cyrillic
        # н, и, п at 700 outweigh the 900 cut): snap to the regular or the black master.
        return 900 if weight >= 650 else 400
    face = FACE_BY_SLUG[slug]
    return max(face.min_weight, min(face.max_weight, weight))


@functools.cache
def typeface(slug: str, weight: int = 400, width: float | None = None) -> skia.Typeface:
    """A typeface at a weight (and optional width axis), loaded once per process."""
    weight = _clamp_weight(slug, weight)
    base = _base_typeface(slug, weight)
    axes = {a.tag: a for a in base.getVariationDesignParameters()}
    coords = []
    if WGHT in axes:
        coords.append(skia.FontArguments.VariationPosition.Coordinate(WGHT, float(weight)))
    if width is not None and WDTH in axes:
        a = axes[WDTH]
        coords.append(skia.FontArguments.VariationPosition.Coordinate(WDTH, max(a.min, min(a.max, width))))
    if not coords:
        return base
    # Every wrapper object must stay referenced until makeClone returns: the pybind layer keeps
    # raw pointers, and a temporary freed early silently leaves the default instance.
    coordinates = skia.FontArguments.VariationPosition.Coordinates(coords)
    position = skia.FontArguments.VariationPosition(coordinates)
    args = skia.FontArguments()
    if slug.startswith(CJK_COLLECTION):
        args.setCollectionIndex(CJK_INDEX[slug.split(":", 1)[1]])
    args.setVariationDesignPosition(position)
    clone = base.makeClone(args)
    del args, position, coordinates
    return clone


class _Collection:
    """One FontCollection for the process; faces are registered on first use."""

    def __init__(self) -> None:
        self.provider = skia.textlayout.TypefaceFontProvider()
        self.collection = skia.textlayout.FontCollection()
        self.collection.setDefaultFontManager(self.provider)
        self.aliases: set[str] = set()

    def alias(self, slug: str, weight: int, width: float | None = None) -> str:
        weight = _clamp_weight(slug, weight)
        name = f"{slug}@{weight}" + (f"w{width:g}" if width is not None else "")
        with _lock:
            if name not in self.aliases:
                self.provider.registerTypeface(typeface(slug, weight, width), name)
                self.aliases.add(name)
        return name


@functools.cache
def font_collection() -> _Collection:
    return _Collection()


# --- choosing faces ------------------------------------------------------------------------


def face_for_voice(voice: str, key: str = "") -> Face:
    """The face for a voice; `key` (e.g. a template id) picks among the voice's faces stably."""
    faces = FACES_BY_VOICE[voice]
    if not key:
        return faces[0]
    return faces[zlib.crc32(key.encode()) % len(faces)]


def face_by_slug(slug: str) -> Face:
    try:
        return FACE_BY_SLUG[slug]
    except KeyError:
        raise ValueError(f"unknown typeface {slug!r}") from None


def covers(slug: str, text: str) -> bool:
    tf = typeface(slug, FACE_BY_SLUG[slug].min_weight if slug in FACE_BY_SLUG else 400)
    return all(tf.unicharToGlyph(ord(ch)) for ch in text if not ch.isspace())


@dataclass(frozen=True)
class Cut:
    """One concrete face at one weight (and width), as named in the FontCollection."""

    slug: str
    weight: int
    width: float | None = None

    @property
    def alias(self) -> str:
        return font_collection().alias(self.slug, self.weight, self.width)

    def has(self, ch: str) -> bool:
        return typeface(self.slug, self.weight, self.width).unicharToGlyph(ord(ch)) != 0


# Faces with wide Latin, Greek (polytonic too) and Cyrillic coverage, per kind of design. The
# variable Noto Serif and Noto Sans come last: skia's FreeType draws their instances between
# masters (500-800) with some glyphs at the wrong weight, so they only exist at 400 and 900.
MASTER_WEIGHTS_ONLY = {"noto-serif", "noto-sans"}
LATIN_FALLBACKS = {
    "serif": ("eb-garamond", "noto-serif"),
    "script": ("eb-garamond", "noto-serif"),
    "sans": ("inter", "noto-sans"),
    "condensed": ("oswald", "inter", "noto-sans"),
}


def _cut(slug: str, weight: int) -> Cut:
    return Cut(slug, _clamp_weight(slug, weight))


def _latin_fallbacks(face: Face, weight: int, letters: list[str]) -> list[Cut]:
    """Fallback cuts for Latin/Greek/Cyrillic, the first one covering every letter first."""
    cuts = [_cut(slug, weight) for slug in LATIN_FALLBACKS[face.kind]]
    covering = [c for c in cuts if all(c.has(ch) for ch in letters)]
    return covering[:1] + [c for c in cuts if c not in covering[:1]]


def _arabic_fallback(face: Face, weight: int) -> Cut:
    if face.kind in ("serif", "script"):
        return Cut("amiri", 700 if weight >= 600 else 400)
    if face.voice in ("geometric", "futuristic", "rounded", "condensed", "rough"):
        return Cut("noto-kufi-arabic", weight)
    return Cut("noto-sans-arabic", weight)


def _devanagari_fallback(face: Face, weight: int) -> Cut:
    if face.voice in ("geometric", "rounded", "futuristic"):
        return Cut("hind", weight)
    return Cut("noto-sans-devanagari", weight)


def font_chain(face: Face, weight: int, text: str, *, context: str = "") -> list[Cut]:
    """Cuts in fallback order for setting `text` in `face`.

    A face that lacks any Latin, Greek or Cyrillic letter of the text is replaced as a whole by
    a matching face that has them all (mixing two designs inside one word looks broken: EB
    Garamond for serifs and scripts, Oswald or Inter for sans faces); other scripts fall
    back per character to the face that matches the voice. `context` (the whole book's text)
    decides which CJK design leads: an author name in kanji on a Japanese book is Japanese.
    """
    visual = face.visual_weight or weight
    primary = Cut(face.slug, weight)
    latin_like = [ch for ch in text if char_script(ch) in ("latin", "greek", "cyrillic")]
    chain: list[Cut] = []
    if all(primary.has(ch) for ch in latin_like):
        chain.append(primary)
    scripts = text_scripts(text)
    # Text without Latin/Greek/Cyrillic letters goes straight to its script's matching face
    # (Noto Sans happens to carry Devanagari too, but Hind matches a geometric voice better).
    latin = _latin_fallbacks(face, visual, latin_like)
    if latin_like:
        chain += latin
    if "arabic" in scripts:
        chain.append(_arabic_fallback(face, visual))
    if "devanagari" in scripts:
        chain.append(_devanagari_fallback(face, visual))
    if not latin_like:
        chain += latin
    if scripts & CJK_SCRIPTS:
        first = cjk_language(context or text)
        chain.append(Cut(f"{CJK_COLLECTION}:{first}", visual))
        for lang in ("ja", "ko", "zh-Hans"):
            if lang != first:
                chain.append(Cut(f"{CJK_COLLECTION}:{lang}", visual))
    # Common punctuation and symbols the chosen faces lack.
    chain += [_cut("noto-sans", visual), _cut("noto-serif", visual)]
    return list(dict.fromkeys(chain))


def resolve_faces(chain: list[Cut], text: str) -> dict[str, str]:
    """Which cut draws each distinct character (as the paragraph's per-character fallback will)."""
    out: dict[str, str] = {}
    for ch in dict.fromkeys(text):
        if ch.isspace() or unicodedata.category(ch) in ("Mn", "Cf"):
            continue
        for cut in chain:
            if cut.has(ch):
                out[ch] = cut.slug
                break
        else:
            out[ch] = ""
    return out


# --- coverage ------------------------------------------------------------------------------

# Format characters that shaping needs (joiners, direction marks, soft hyphen).
_ALLOWED_FORMAT = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u00ad", "\u2060"}


@functools.cache
def _all_typefaces() -> tuple[skia.Typeface, ...]:
    # Noto fallbacks first: they answer for most characters, so the scan ends early.
    faces = [typeface(f.slug, f.min_weight) for f in FALLBACK_FACES]
    faces += [typeface(f"{CJK_COLLECTION}:{lang}", 400) for lang in ("zh-Hans", "ja", "ko", "zh-Hant")]
    faces += [typeface(f.slug, f.min_weight) for f in FACES]
    return tuple(faces)


@functools.cache
def _drawable(ch: str) -> bool:
    cat = unicodedata.category(ch)
    if cat == "Cc" or cat in ("Cs", "Co", "Cn"):
        return False
    if cat == "Cf":
        return ch in _ALLOWED_FORMAT
    if cat.startswith("Z"):
        return True
    cp = ord(ch)
    return any(tf.unicharToGlyph(cp) for tf in _all_typefaces())


def unsupported_characters(text: str) -> list[str]:
    """Characters of `text` that no installed font can draw, plus control characters.

    Each character is listed once, in order of first appearance. Text is NFC-normalised first,
    as the typesetter does, so a decomposed accent counts as its composed letter.
    """
    normal = unicodedata.normalize("NFC", text)
    return [ch for ch in dict.fromkeys(normal) if not _drawable(ch)]
