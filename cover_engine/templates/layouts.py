"""Named text compositions the catalogue is built from, each with its own square re-layout.

Boxes are normalised (x, y, w, h). Every box keeps at least 7% from the edges, so text stays
clear of the 5% safe margin even after the typesetter's padding, panels and bands.
"""

from __future__ import annotations

from ..typeset.spec import LayoutSpec, TextBlock


def _block(x: float, y: float, w: float, h: float, align: str = "center", valign: str = "middle") -> TextBlock:
    return TextBlock(box=(x, y, w, h), align=align, valign=valign)


def _layout(title: TextBlock, author: TextBlock, subtitle: TextBlock | None = None, square=None) -> LayoutSpec:
    return LayoutSpec(title=title, author=author, subtitle=subtitle, square=square)


def title_top(*, depth: float = 0.30) -> LayoutSpec:
    """Title in the upper part over the sky, author at the foot."""
    return _layout(
        _block(0.08, 0.07, 0.84, depth, valign="top"),
        _block(0.10, 0.86, 0.80, 0.07, valign="bottom"),
        square=_layout(_block(0.08, 0.07, 0.84, min(depth + 0.04, 0.36), valign="top"), _block(0.12, 0.85, 0.76, 0.08)),
    )


def author_top_title_under(*, depth: float = 0.30) -> LayoutSpec:
    """Author line first, the title right below it, the art free underneath."""
    return _layout(
        _block(0.08, 0.17, 0.84, depth, valign="top"),
        _block(0.10, 0.07, 0.80, 0.07, valign="top"),
        square=_layout(_block(0.08, 0.19, 0.84, 0.34, valign="top"), _block(0.12, 0.07, 0.76, 0.08, valign="top")),
    )


def title_bottom(*, depth: float = 0.28, foot: float = 0.85) -> LayoutSpec:
    """Art above, title stacked low, author under it (`foot` lower for faces with swashes)."""
    return _layout(
        _block(0.08, foot - depth, 0.84, depth, valign="bottom"),
        _block(0.10, 0.87, 0.80, 0.06, valign="bottom"),
        square=_layout(_block(0.08, 0.46, 0.84, 0.36, valign="bottom"), _block(0.12, 0.85, 0.76, 0.08)),
    )


def author_top_title_bottom(*, depth: float = 0.32) -> LayoutSpec:
    """The thriller stack: big author name at the head, huge title at the foot."""
    return _layout(
        _block(0.07, 0.91 - depth, 0.86, depth, valign="bottom"),
        _block(0.08, 0.07, 0.84, 0.09, valign="top"),
        square=_layout(_block(0.07, 0.50, 0.86, 0.40, valign="bottom"), _block(0.10, 0.07, 0.80, 0.10, valign="top")),
    )


def title_centre(*, depth: float = 0.34) -> LayoutSpec:
    """Title in the optical centre, author at the foot."""
    top = 0.48 - depth / 2
    return _layout(
        _block(0.08, top, 0.84, depth),
        _block(0.10, 0.86, 0.80, 0.07, valign="bottom"),
        square=_layout(_block(0.08, 0.27, 0.84, 0.42), _block(0.12, 0.84, 0.76, 0.09)),
    )


def author_top_title_centre(*, depth: float = 0.34) -> LayoutSpec:
    """Author at the head, title in the centre: symbol covers keep the foot for the object."""
    top = 0.46 - depth / 2
    return _layout(
        _block(0.08, top, 0.84, depth),
        _block(0.10, 0.07, 0.80, 0.07, valign="top"),
        square=_layout(_block(0.08, 0.28, 0.84, 0.42), _block(0.12, 0.07, 0.76, 0.09, valign="top")),
    )


def band_middle() -> LayoutSpec:
    """A band across the middle carries the title; author at the foot."""
    return _layout(
        _block(0.07, 0.39, 0.86, 0.22),
        _block(0.10, 0.86, 0.80, 0.07, valign="bottom"),
        square=_layout(_block(0.07, 0.34, 0.86, 0.30), _block(0.12, 0.84, 0.76, 0.09)),
    )


def band_low() -> LayoutSpec:
    """A band in the lower third; the art keeps the upper two thirds."""
    return _layout(
        _block(0.07, 0.62, 0.86, 0.20),
        _block(0.10, 0.07, 0.80, 0.06, valign="top"),
        square=_layout(_block(0.07, 0.56, 0.86, 0.26), _block(0.12, 0.07, 0.76, 0.08, valign="top")),
    )


def panel_low() -> LayoutSpec:
    """A framed panel in the lower half holds title and subtitle; author under it."""
    return _layout(
        _block(0.13, 0.57, 0.74, 0.23),
        _block(0.12, 0.86, 0.76, 0.07),
        square=_layout(_block(0.10, 0.46, 0.80, 0.34), _block(0.14, 0.84, 0.72, 0.08)),
    )


def panel_centre() -> LayoutSpec:
    """A panel in the centre, art all around it."""
    return _layout(
        _block(0.13, 0.35, 0.74, 0.26),
        _block(0.12, 0.86, 0.76, 0.07),
        square=_layout(_block(0.10, 0.26, 0.80, 0.42), _block(0.14, 0.84, 0.72, 0.08)),
    )


def left_column_top() -> LayoutSpec:
    """Swiss style: flush-left title in the upper left, author flush left at the foot."""
    return _layout(
        _block(0.08, 0.08, 0.70, 0.40, align="left", valign="top"),
        _block(0.08, 0.87, 0.70, 0.06, align="left", valign="bottom"),
        square=_layout(
            _block(0.08, 0.08, 0.62, 0.46, align="left", valign="top"),
            _block(0.08, 0.85, 0.60, 0.08, align="left", valign="bottom"),
        ),
    )


def left_column_bottom() -> LayoutSpec:
    """Flush-left title in the lower left; author flush left at the head."""
    return _layout(
        _block(0.08, 0.52, 0.76, 0.34, align="left", valign="bottom"),
        _block(0.08, 0.07, 0.70, 0.06, align="left", valign="top"),
        square=_layout(
            _block(0.08, 0.44, 0.66, 0.44, align="left", valign="bottom"),
            _block(0.08, 0.07, 0.60, 0.08, align="left", valign="top"),
        ),
    )


def right_column() -> LayoutSpec:
    """Flush-right title high on the right, leaving the left for a figure or object."""
    return _layout(
        _block(0.28, 0.08, 0.64, 0.36, align="right", valign="top"),
        _block(0.28, 0.87, 0.64, 0.06, align="right", valign="bottom"),
        square=_layout(
            _block(0.36, 0.08, 0.56, 0.44, align="right", valign="top"),
            _block(0.36, 0.85, 0.56, 0.08, align="right", valign="bottom"),
        ),
    )


def big_type_stack() -> LayoutSpec:
    """Typographic: the title fills most of the cover, subtitle and author small at the foot."""
    return _layout(
        _block(0.08, 0.08, 0.84, 0.56, align="left", valign="top"),
        _block(0.08, 0.87, 0.84, 0.06, align="left", valign="bottom"),
        square=_layout(
            _block(0.08, 0.08, 0.84, 0.52, align="left", valign="top"),
            _block(0.08, 0.85, 0.84, 0.08, align="left", valign="bottom"),
        ),
    )


def big_type_centred() -> LayoutSpec:
    """Typographic, centred: huge title across the middle, subtitle under, author at the foot."""
    return _layout(
        _block(0.08, 0.20, 0.84, 0.44),
        _block(0.10, 0.86, 0.80, 0.07, valign="bottom"),
        square=_layout(
            _block(0.08, 0.12, 0.84, 0.48),
            _block(0.12, 0.85, 0.76, 0.08),
        ),
    )


def framed() -> LayoutSpec:
    """Inside an ornament frame: title in the upper field, author in the lower field."""
    return _layout(
        _block(0.15, 0.15, 0.70, 0.32),
        _block(0.15, 0.78, 0.70, 0.07),
        square=_layout(
            _block(0.15, 0.14, 0.70, 0.36),
            _block(0.15, 0.76, 0.70, 0.09),
        ),
    )


def quiet_low() -> LayoutSpec:
    """Poetry and literary: a lot of air, title modest but clear in the lower third."""
    return _layout(
        _block(0.12, 0.60, 0.76, 0.20),
        _block(0.14, 0.84, 0.72, 0.06),
        square=_layout(_block(0.08, 0.50, 0.84, 0.30), _block(0.14, 0.83, 0.72, 0.08)),
    )


def quiet_high() -> LayoutSpec:
    """Title high in open space, author directly under it: the art breathes below."""
    return _layout(
        _block(0.12, 0.10, 0.76, 0.24, valign="top"),
        _block(0.14, 0.87, 0.72, 0.06, valign="bottom"),
        square=_layout(
            _block(0.12, 0.08, 0.76, 0.30, valign="top"),
            _block(0.14, 0.85, 0.72, 0.08, valign="bottom"),
        ),
    )


def framed_low() -> LayoutSpec:
    """Inside a frame with a picture in its upper half: title and author in the lower field."""
    return _layout(
        _block(0.14, 0.55, 0.72, 0.23, valign="bottom"),
        _block(0.15, 0.80, 0.70, 0.06),
        square=_layout(_block(0.14, 0.50, 0.72, 0.27, valign="bottom"), _block(0.15, 0.79, 0.70, 0.08)),
    )
