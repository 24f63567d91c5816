"""Where text goes: edit overrides, the square re-layout, and the subtitle's place.

Everything here works on normalised TextBlocks; pixels come later.
"""

from __future__ import annotations

from dataclasses import replace

from .spec import SAFE_MARGIN, LayoutSpec, TextBlock, TypeSpec

# Text blocks keep a little air inside the safe zone.
INNER = SAFE_MARGIN + 0.01

# A typeface voice asked for by an edit ("serif" | "sans" | "script") -> the template voice
# that answers it, keeping the template's voice when it already is of that kind.
SERIF_VOICES = ("classical", "book-serif", "didone", "slab")
SANS_VOICES = ("condensed", "geometric", "futuristic", "rounded", "grotesque")


def clamp_block(block: TextBlock, *, lo: float = INNER, hi: float = 1 - INNER) -> TextBlock:
    x, y, w, h = block.box
    x0, y0 = max(lo, x), max(lo, y)
    x1, y1 = min(hi, x + w), min(hi, y + h)
    if x1 - x0 < 0.05:
        x0, x1 = lo, hi
    if y1 - y0 < 0.02:
        y0, y1 = min(y0, hi - 0.02), min(y0, hi - 0.02) + 0.02
    return replace(block, box=(x0, y0, x1 - x0, y1 - y0))


def _center_y(block: TextBlock) -> float:
    return block.box[1] + block.box[3] / 2


def position_of(block: TextBlock) -> str:
    c = _center_y(block)
    return "top" if c < 0.4 else "bottom" if c > 0.6 else "middle"


def _moved(block: TextBlock, y: float, valign: str | None = None) -> TextBlock:
    x, _, w, h = block.box
    return replace(block, box=(x, y, w, h), valign=valign or block.valign)


def apply_title_position(layout: LayoutSpec, where: str) -> LayoutSpec:
    """Move the title block to the top, middle or bottom; the author gets out of the way."""
    title, author = layout.title, layout.author
    th = min(title.box[3], 0.42)
    ah = author.box[3]
    title = replace(title, box=(title.box[0], title.box[1], title.box[2], th))
    author_pos = position_of(author)
    if where == "top":
        title = _moved(title, INNER, "top")
        if author_pos == "top":
            author = _moved(author, 1 - INNER - ah, "bottom")
    elif where == "bottom":
        low = 1 - INNER - th
        if author_pos != "top":
            author = _moved(author, 1 - INNER - ah, "bottom")
            low = author.box[1] - 0.02 - th
        title = _moved(title, low, "bottom")
    else:
        title = _moved(title, 0.5 - th / 2, "middle")
        if author_pos == "middle":
            author = _moved(author, 1 - INNER - ah, "bottom")
    # Subtitles follow the title.
    return replace(layout, title=clamp_block(title), author=clamp_block(author), subtitle=None)


def apply_title_scale(layout: LayoutSpec, factor: float) -> LayoutSpec:
    """A bigger title gets a taller block (grown away from its anchored edge)."""
    x, y, w, h = layout.title.box
    new_h = max(0.06, min(0.6, h * factor))
    if layout.title.valign == "bottom":
        y = y + h - new_h
    elif layout.title.valign == "middle":
        y = y + (h - new_h) / 2
    title = clamp_block(replace(layout.title, box=(x, y, w, new_h)))
    return replace(layout, title=title)


def voice_for_override(type_voice: str, current: str) -> str:
    if type_voice == "serif":
        return current if current in SERIF_VOICES else "book-serif"
    if type_voice == "sans":
        return current if current in SANS_VOICES else "geometric"
    if type_voice == "script":
        return "script"
    if type_voice == "elegant":
        # High-contrast serif: the didone, or the classical caps when the cover already is a didone.
        return "classical" if current == "didone" else "didone"
    if type_voice == "bold":
        # Heavy and tight: the condensed sans, or the slab when the cover already is condensed.
        return "slab" if current == "condensed" else "condensed"
    return current


TYPE_VOICE_OVERRIDES = ("serif", "sans", "script", "elegant", "bold")


def apply_type_voice(spec: TypeSpec, type_voice: str) -> TypeSpec:
    voice = voice_for_override(type_voice, spec.title_voice)
    if voice == spec.title_voice:
        return spec
    if type_voice == "bold":
        case = "upper" if spec.title_case != "as-is" or voice == "condensed" else spec.title_case
        weight = max(spec.title_weight, 800)
        return replace(spec, title_voice=voice, title_face=None, title_weight=weight, title_case=case)
    case = "as-is" if voice == "script" else spec.title_case
    tracking = 0.0 if voice == "script" else spec.title_tracking
    author_voice = spec.author_voice
    if author_voice == "script":
        author_voice = None
    return replace(spec, title_voice=voice, title_face=None, title_case=case, title_tracking=tracking,
                   author_voice=author_voice, author_face=None)  # fmt: skip


def derive_square(layout: LayoutSpec) -> LayoutSpec:
    """A square layout from the ebook one: same order and alignment, re-proportioned.

    The square is wider relative to its height, so the title takes a larger share of the width
    and its block a larger share of the height; the author sits at the opposite edge.
    """
    title_pos = position_of(layout.title)
    align = layout.title.align
    if align == "center":
        tx, tw = 0.09, 0.82
    else:
        tx, tw = (0.08, 0.74) if align == "left" else (0.18, 0.74)
    author_h = 0.075
    if title_pos == "bottom":
        author = TextBlock((tx, INNER + 0.01, tw, author_h), align=layout.author.align, valign="top")
        title = TextBlock((tx, 0.52, tw, 1 - INNER - 0.52), align=align, valign="bottom")
    elif title_pos == "middle":
        author = TextBlock((tx, 1 - INNER - author_h, tw, author_h), align=layout.author.align, valign="bottom")
        title = TextBlock((tx, 0.28, tw, 0.44), align=align, valign="middle")
    else:
        author = TextBlock((tx, 1 - INNER - author_h, tw, author_h), align=layout.author.align, valign="bottom")
        title = TextBlock((tx, INNER + 0.01, tw, 0.40), align=align, valign="top")
    # An author block placed above the title on the ebook stays above it on the square.
    if position_of(layout.author) == "top" and title_pos != "top":
        author = TextBlock((tx, INNER + 0.01, tw, author_h), align=layout.author.align, valign="top")
        if title_pos == "middle":
            title = TextBlock((tx, 0.3, tw, 0.44), align=align, valign="middle")
    subtitle = None
    if layout.subtitle is not None:
        sub_h = 0.07
        if title.valign == "bottom":
            # Subtitle above the author at the top would break reading order: put it under the
            # title by shrinking the title block.
            tb = title.box
            title = replace(title, box=(tb[0], tb[1], tb[2], tb[3] - sub_h - 0.015))
            subtitle = TextBlock((tx, tb[1] + tb[3] - sub_h, tw, sub_h), align=align, valign="bottom")
        else:
            tb = title.box
            subtitle = TextBlock((tx, tb[1] + tb[3] + 0.015, tw, sub_h), align=align, valign="top")
    return LayoutSpec(title=title, author=author, subtitle=subtitle)


def layout_for(layout: LayoutSpec, *, fmt: str, overrides: dict) -> LayoutSpec:
    if fmt == "square":
        layout = layout.square or derive_square(layout)
    where = overrides.get("title_position")
    if where in ("top", "middle", "bottom"):
        layout = apply_title_position(layout, where)
    scale = overrides.get("title_scale")
    if isinstance(scale, (int, float)) and scale > 0 and scale != 1:
        layout = apply_title_scale(layout, float(scale))
    return replace(
        layout,
        title=clamp_block(layout.title),
        author=clamp_block(layout.author),
        subtitle=clamp_block(layout.subtitle) if layout.subtitle else None,
        square=None,
    )


def split_for_subtitle(title: TextBlock, share: float = 0.24) -> tuple[TextBlock, TextBlock]:
    """No subtitle block given: the subtitle takes the lower part of the title block."""
    x, y, w, h = title.box
    sub_h = max(0.035, h * share)
    gap = 0.01
    new_title = replace(title, box=(x, y, w, h - sub_h - gap), valign="bottom" if title.valign != "top" else "top")
    subtitle = TextBlock((x, y + h - sub_h, w, sub_h), align=title.align, valign="top")
    return new_title, subtitle
