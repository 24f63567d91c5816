"""Type for the back and spine: the cover's faces registered with reportlab, and ragged-right
paragraphs broken with hyphenation (pyphen's dictionaries, no network).

The back is set flush left, ragged right: greedy breaking, hyphenating a word that would not fit
when at least two letters stay on each side, and never leaving a line (but the last) shorter than
RAG_MIN of the measure when a hyphen can lengthen it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyphen
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..typeset.fonts import face_by_slug, face_for_voice

RAG_MIN = 0.72
FALLBACK_TEXT_FACE = "noto-serif"
FALLBACK_SANS_FACE = "noto-sans"


@dataclass(frozen=True)
class BodyStyle:
    text_face: str  # registered reportlab font names (the fontpkg slug)
    title_face: str


@cache
def register(slug: str) -> str:
    """Register a fontpkg face with reportlab (embedded as a subset when used); returns its name.

    Variable fonts are read at their default instance, which is the designers' regular."""
    import fontpkg

    path = fontpkg.path(slug, weight=400, nearest=True)
    try:
        pdfmetrics.registerFont(TTFont(slug, str(path)))
    except TTFError:
        # CFF-outline fonts cannot be embedded by reportlab: use the fallback of the same kind.
        fallback = FALLBACK_SANS_FACE if face_by_slug(slug).kind != "serif" else FALLBACK_TEXT_FACE
        if fallback == slug:
            raise
        return register(fallback)
    return slug


def cover_faces(template_id: str) -> tuple[str, str]:
    """(title face, text face) of a template, registered. The text face is the cover's author face
    when it is a book face (serif or sans); a display face (condensed, script, rough) gives way to
    the template's book serif for running text."""
    from ..templates import CATALOGUE

    template = CATALOGUE[template_id]
    spec, key = template.type, template.id
    title = face_by_slug(spec.title_face) if spec.title_face else face_for_voice(spec.title_voice, key)
    if spec.author_face:
        author = face_by_slug(spec.author_face)
    elif spec.author_voice:
        author = face_for_voice(spec.author_voice, key)
    else:
        author = title
    text = author if author.kind in ("serif", "sans") and not author.caps_only else face_for_voice("book-serif", key)
    return register(title.slug), register(text.slug)


@cache
def _hyphenator(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=lang if lang in pyphen.LANGUAGES else "en_US", left=2, right=3)


@cache
def ink_span(font: str, text: str) -> tuple[float, float]:
    """How far the drawn glyphs of `text` reach above and below the baseline, per point of size.

    Measured on the outlines (skia, the same default instance reportlab embeds), not the font's
    ascent and descent: those leave room for accents the text may not have."""
    import fontpkg
    import skia

    typeface = skia.Typeface.MakeFromFile(str(fontpkg.path(font, weight=400, nearest=True)))
    measure = skia.Font(typeface, 1000)
    bounds = skia.Rect()
    measure.measureText(text, skia.TextEncoding.kUTF8, bounds)
    return -bounds.top() / 1000, bounds.bottom() / 1000


def width_of(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def break_lines(text: str, *, font: str, size: float, measure: float, lang: str = "en_US") -> list[str]:
    """Lines of one paragraph, each at most `measure` points wide."""
    words = text.split()
    lines: list[str] = []
    line = ""
    hyph = _hyphenator(lang)
    i = 0
    while i < len(words):
        word = words[i]
        candidate = f"{line} {word}" if line else word
        if width_of(candidate, font, size) <= measure:
            line = candidate
            i += 1
            continue
        # The word does not fit: hyphenate it if that fills the line better, else break before it.
        short = not line or width_of(line, font, size) < RAG_MIN * measure
        split = None
        for head, tail in hyph.iterate(word):
            trial = f"{line} {head}-" if line else f"{head}-"
            if width_of(trial, font, size) <= measure:
                split = (trial, tail)
                break
        if split and (short or width_of(split[0], font, size) >= RAG_MIN * measure):
            lines.append(split[0])
            words[i] = split[1]
            line = ""
            continue
        if not line:
            # A single word wider than the measure and not hyphenable: it goes on a line of its own.
            lines.append(word)
            i += 1
            continue
        lines.append(line)
        line = ""
    if line:
        lines.append(line)
    return lines


def set_paragraphs(
    paragraphs: list[str], *, font: str, size: float, measure: float, lang: str = "en_US"
) -> list[list[str]]:
    return [break_lines(p, font=font, size=size, measure=measure, lang=lang) for p in paragraphs if p.strip()]
