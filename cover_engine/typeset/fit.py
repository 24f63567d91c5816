"""Fitting text into a box: tokenising, measuring, balanced line breaks, size search.

Widths are measured once per candidate line at a reference size with skia paragraphs (so
shaping, kerning and per-character fallback are real), then scaled: a break that is best at
one size is best at all sizes, so the size search is arithmetic.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from dataclasses import dataclass

import skia

from .fonts import Cut, char_script, font_collection, shaping_sensitive

REF_SIZE = 100.0

# Words a line should not end on: a break after them splits a phrase ("The House of / Many").
STICKY_WORDS = {
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "into",
    "my", "your", "his", "her", "our", "their", "its", "no", "not", "as", "&",
    "le", "la", "les", "un", "une", "des", "de", "du", "et", "el", "los", "las", "y", "del",
    "der", "die", "das", "und", "ein", "eine", "von", "il", "lo", "di", "e", "o", "i",
}  # fmt: skip
# Honorifics and initials belong with the next word ("Mrs. Seacole", "J. R. R. Tolkien").
HONORIFIC = re.compile(r"^(mr|mrs|ms|mx|dr|st|sr|jr|prof|rev|sir|lady|lord|saint|capt|col|gen|mt|no)\.?$", re.I)
INITIAL = re.compile(r"^(\w\.)+$")
# CJK punctuation that may not start a line, and that may not end one.
NO_LINE_START = set("、。，．・：；？！）」』】〉》〕ー々〜…,.!?:;)]}%")
NO_LINE_END = set("（「『【〈《〔([{")
# Combining marks a Greek word loses when set in capitals: oxia/tonos, varia, perispomeni,
# psili and dasia (breathings).
GREEK_CAPS_DROP = set("\u0301\u0300\u0342\u0313\u0314")


@dataclass(frozen=True)
class Token:
    text: str
    sep: str  # what joins it to the previous token on the same line: " " or ""


def apply_case(text: str, case: str) -> str:
    if case == "as-is" or shaping_sensitive(text):
        return text
    if case == "upper":
        upper = text.upper()
        # Greek capitals drop their accents and breathings in all-caps setting (the diaeresis
        # stays: it changes the pronunciation).
        if any(char_script(ch) == "greek" for ch in upper):
            decomposed = unicodedata.normalize("NFD", upper)
            upper = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in GREEK_CAPS_DROP))
        return upper
    if case == "title":
        small = STICKY_WORDS
        words = text.split(" ")
        out = []
        for i, word in enumerate(words):
            if i and word.lower() in small:
                out.append(word.lower())
            else:
                out.append(word[:1].upper() + word[1:])
        return " ".join(out)
    return text


def tokenize(text: str) -> list[Token]:
    """Break opportunities: spaces between words, and between CJK characters."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    tokens: list[Token] = []
    for w_index, word in enumerate(text.split(" ")):
        if not word:
            continue
        sep = " " if w_index else ""
        if not any(char_script(ch) in ("han", "kana", "hangul") for ch in word) or " " in word:
            tokens.append(Token(word, sep))
            continue
        if any(char_script(ch) == "hangul" for ch in word):
            # Korean breaks between words (eojeol), which the split above already did.
            tokens.append(Token(word, sep))
            continue
        # Chinese and Japanese: every character is a break opportunity, except around
        # punctuation that must stay attached, and runs of Latin letters/digits.
        pieces: list[str] = []
        for ch in word:
            if pieces and (
                ch in NO_LINE_START
                or pieces[-1][-1] in NO_LINE_END
                or (ch.isascii() and ch.isalnum() and pieces[-1][-1].isascii() and pieces[-1][-1].isalnum())
            ):
                pieces[-1] += ch
            else:
                pieces.append(ch)
        for i, piece in enumerate(pieces):
            tokens.append(Token(piece, sep if i == 0 else ""))
    return tokens


def join(tokens: list[Token]) -> str:
    return "".join((t.sep if i else "") + t.text for i, t in enumerate(tokens))


def make_paragraph(
    text: str,
    chain: list[Cut],
    size: float,
    *,
    color: int = 0xFFFFFFFF,
    tracking: float = 0.0,
    locale: str = "",
    paint: skia.Paint | None = None,
) -> skia.textlayout.Paragraph:
    style = skia.textlayout.TextStyle()
    style.setFontFamilies([cut.alias for cut in chain])
    style.setFontSize(size)
    if paint is not None:
        style.setForegroundPaint(paint)
    else:
        style.setColor(color)
    if tracking:
        style.setLetterSpacing(tracking * size)
    if locale:
        style.setLocale(locale)
    pstyle = skia.textlayout.ParagraphStyle()
    pstyle.setTextStyle(style)
    builder = skia.textlayout.ParagraphBuilder(pstyle, font_collection().collection, skia.Unicode())
    builder.addText(text)
    paragraph = builder.Build()
    paragraph.layout(1e7)
    return paragraph


@functools.lru_cache(maxsize=4096)
def _line_width_em(text: str, chain: tuple[Cut, ...], tracking: float, locale: str) -> float:
    paragraph = make_paragraph(text, list(chain), REF_SIZE, tracking=tracking, locale=locale)
    # Letter spacing is added after the last glyph too; it is not part of the visible line.
    return (paragraph.LongestLine - tracking * REF_SIZE) / REF_SIZE


def line_width_em(text: str, chain: list[Cut], tracking: float, locale: str = "") -> float:
    return _line_width_em(text, tuple(chain), tracking, locale)


def _break_penalty(tokens: list[Token], end: int) -> float:
    """Cost of ending a line after tokens[end - 1]."""
    word = tokens[end - 1].text
    bare = word.strip("\"'“”‘’«»()[]")
    lower = bare.lower()
    if HONORIFIC.match(bare) or INITIAL.match(bare):
        return 3.0
    if lower in STICKY_WORDS:
        return 0.6
    if tokens[end].sep == "" and tokens[end].text[:1] in NO_LINE_START:
        return 3.0
    if word[-1:] in ",:;—–-":
        return -0.25  # a natural phrase boundary
    return 0.0


def _arrangement_cost(tokens: list[Token], widths, ends: tuple[int, ...], total_max: float) -> float:
    """Raggedness plus typographic penalties of one way of breaking the tokens."""
    n, n_lines = len(tokens), len(ends)
    starts = (0, *ends[:-1])
    lws = [widths[(s, e)] for s, e in zip(starts, ends, strict=True)]
    widest = max(lws)
    rag = sum(((widest - w) / widest) ** 2 for w in lws) / n_lines
    cost = rag * 2.0 + sum(_break_penalty(tokens, e) for e in ends[:-1])
    if n_lines >= 2:
        if ends[-1] - starts[-1] == 1 and n >= 4 and tokens[-1].sep == " ":
            cost += 1.5  # a lone last word (widow)
        if lws[0] / widest < 0.4:
            cost += 1.5  # a tiny first line
        # A short line stranded between two long ones reads as a hole in the title.
        for k in range(1, n_lines - 1):
            ratio = lws[k] / widest
            if ratio < 0.55 and ends[k] - starts[k] == 1:
                cost += 1.2
            elif ratio < 0.5:
                cost += 0.8
    # Prefer a narrower set (bigger type) a little, relative to the single line.
    return cost + 0.35 * widest / total_max


def _breaks_within(tokens: list[Token], widths, n_lines: int, limit: float) -> tuple[int, ...] | None:
    """Exactly n_lines lines, none wider than `limit`, minimising raggedness against `limit`
    plus the break penalties (dynamic programming over break positions)."""
    n = len(tokens)
    inf = float("inf")
    # best[k][j]: cost of setting tokens[:j] in k lines; back[k][j]: where the last line starts.
    best = [[inf] * (n + 1) for _ in range(n_lines + 1)]
    back = [[0] * (n + 1) for _ in range(n_lines + 1)]
    best[0][0] = 0.0
    for k in range(1, n_lines + 1):
        for j in range(k, n - (n_lines - k) + 1):
            for i in range(k - 1, j):
                if best[k - 1][i] == inf or widths[(i, j)] > limit:
                    continue
                line = ((limit - widths[(i, j)]) / limit) ** 2
                if j < n:
                    line += _break_penalty(tokens, j)
                cost = best[k - 1][i] + line
                if cost < best[k][j]:
                    best[k][j], back[k][j] = cost, i
    if best[n_lines][n] == inf:
        return None
    ends, j = [], n
    for k in range(n_lines, 0, -1):
        ends.append(j)
        j = back[k][j]
    return tuple(reversed(ends))


def best_breaks(tokens: list[Token], widths: dict[tuple[int, int], float], n_lines: int) -> tuple[float, list[int]]:
    """Split tokens into n_lines lines; returns (cost, end indexes) minimising raggedness + penalties.

    `widths[(i, j)]` is the em width of tokens[i:j] set as one line. Short titles are solved
    exhaustively; longer texts by dynamic programming under a few widest-line limits, starting
    from the narrowest limit that still allows n_lines lines.
    """
    n = len(tokens)
    if n_lines > n:
        return float("inf"), []
    total_max = widths[(0, n)]
    best: tuple[float, list[int]] = (float("inf"), [])
    if n <= 10:
        for cut in itertools.combinations(range(1, n), n_lines - 1):
            ends = (*cut, n)
            cost = _arrangement_cost(tokens, widths, ends, total_max)
            if cost < best[0]:
                best = (cost, list(ends))
        return best
    # Feasibility grows with the limit: binary-search the narrowest one among the span widths.
    limits = sorted({w for w in widths.values()})
    lo, hi = 0, len(limits) - 1
    if _breaks_within(tokens, widths, n_lines, limits[hi]) is None:
        return best
    while lo < hi:
        mid = (lo + hi) // 2
        if _breaks_within(tokens, widths, n_lines, limits[mid]) is None:
            lo = mid + 1
        else:
            hi = mid
    narrowest = limits[lo]
    for slack in (1.0, 1.05, 1.12, 1.25):
        ends = _breaks_within(tokens, widths, n_lines, narrowest * slack)
        if ends is None:
            continue
        cost = _arrangement_cost(tokens, widths, ends, total_max)
        if cost < best[0]:
            best = (cost, list(ends))
    return best


@dataclass(frozen=True)
class Fitted:
    lines: tuple[str, ...]
    size: float  # px
    line_widths: tuple[float, ...]  # px, visible (tracking excluded)
    leading: float  # baseline-to-baseline in px
    ascent: float  # px above the first baseline the block reserves
    descent: float  # px below the last baseline
    cost: float

    @property
    def height(self) -> float:
        return self.ascent + self.leading * (len(self.lines) - 1) + self.descent

    @property
    def width(self) -> float:
        return max(self.line_widths)


def vertical_metrics(text: str) -> tuple[float, float, float]:
    """(ascent, descent, leading) in em for stacking lines of this text."""
    if shaping_sensitive(text):
        return 0.95, 0.35, 1.32
    if text.upper() == text:
        # Capitals have no descenders: stacked lines sit closer, as set by hand.
        return 0.80, 0.08, 0.98
    return 0.80, 0.22, 1.08


def fit_text(
    text: str,
    chain: list[Cut],
    *,
    max_width: float,
    max_height: float,
    max_size: float,
    min_size: float,
    tracking: float = 0.0,
    leading: float | None = None,
    locale: str = "",
    max_lines: int = 8,
    line_cost: float = 0.0,
) -> Fitted:
    """Largest size (<= max_size) whose best balanced break fits max_width x max_height.

    Below min_size we prefer more lines; if the text cannot fit even then, the box is allowed
    to grow downward (the caller checks the space) rather than ever clipping a glyph.
    """
    tokens = tokenize(text)
    if not tokens:
        return Fitted((), 0.0, (), 0.0, 0.0, 0.0, 0.0)
    asc, desc, lead = vertical_metrics(text)
    if leading is not None:
        lead = leading
    n = len(tokens)
    # Span widths are sums of token widths (kerning across a space or between CJK characters
    # is negligible, and Arabic joining never crosses a space); chosen lines are re-measured.
    token_w = [line_width_em(t.text, chain, tracking, locale) for t in tokens]
    space_w = line_width_em("a a", chain, tracking, locale) - line_width_em("aa", chain, tracking, locale)
    widths: dict[tuple[int, int], float] = {}
    for i in range(n):
        acc = 0.0
        for j in range(i + 1, n + 1):
            acc += token_w[j - 1] + (space_w if j - 1 > i and tokens[j - 1].sep else 0.0)
            widths[(i, j)] = acc

    candidates = []
    for n_lines in range(1, min(n, max_lines) + 1):
        cost, ends = best_breaks(tokens, widths, n_lines)
        if not ends:
            continue
        starts = (0, *ends[:-1])
        lws = [widths[(s, e)] for s, e in zip(starts, ends, strict=False)]
        widest = max(lws)
        height_em = asc + lead * (n_lines - 1) + desc
        size = min(max_size, max_width / widest, max_height / height_em)
        if candidates and size < candidates[-1][2] * 0.8 and candidates[-1][2] >= min_size:
            break  # more lines only make the type smaller from here on
        candidates.append((n_lines, cost, size, starts, ends, lws))

    def pick(pool):
        # Bigger type wins, unless the break is clearly worse.
        # `line_cost` makes each extra line pay (an author's name wants one line).
        return max(pool, key=lambda c: c[2] * math.exp(-0.5 * c[1] - line_cost * (c[0] - 1)))

    fitting = [c for c in candidates if c[2] >= min_size]
    if fitting:
        chosen = pick(fitting)
    else:
        # Nothing fits at the minimum: keep the minimum size (as wide as allowed), using the
        # fewest lines that fit the width; the height then overflows the box and the caller
        # lets the block grow. A single word too wide even alone is the only shrink below min.
        by_width = [c for c in candidates if max(c[5]) * min_size <= max_width]
        if by_width:
            chosen = min(by_width, key=lambda c: (c[0], c[1]))
            chosen = (*chosen[:2], min_size, *chosen[3:])
        else:
            chosen = max(candidates, key=lambda c: c[2])
    n_lines, cost, size, starts, ends, lws = chosen
    lines = tuple(join(tokens[s:e]) for s, e in zip(starts, ends, strict=False))
    lws = [line_width_em(line, chain, tracking, locale) for line in lines]
    if max(lws) * size > max_width:
        size = max_width / max(lws)
    return Fitted(
        lines=lines,
        size=size,
        line_widths=tuple(w * size for w in lws),
        leading=lead * size,
        ascent=asc * size,
        descent=desc * size,
        cost=cost,
    )
