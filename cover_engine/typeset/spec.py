"""Typography specs that templates are built from.

A template says *where* text goes (LayoutSpec of normalised TextBlocks) and *how* it looks
(TypeSpec: voice, case, tracking, treatment, ink, ornament). The typesetter reads both; the
template catalogue (cover_engine/templates/) only declares them.
"""

from __future__ import annotations

from dataclasses import dataclass

VOICES = (
    "classical",
    "book-serif",
    "didone",
    "script",
    "condensed",
    "geometric",
    "futuristic",
    "rounded",
    "rough",
    "slab",
    "grotesque",
)
CASES = ("upper", "title", "as-is")
TREATMENTS = ("plain", "shadow", "panel", "band", "outline", "glow", "knockout")
INKS = ("auto", "light", "dark", "accent")
ORNAMENTS = ("none", "rule", "flourish", "frame")
ALIGNS = ("center", "left", "right")
VALIGNS = ("top", "middle", "bottom")

# No text may sit within this share of any edge (store crops and print trims eat it).
SAFE_MARGIN = 0.05


@dataclass(frozen=True)
class TextBlock:
    """A normalised (x, y, w, h) area of the cover where one text element is set."""

    box: tuple[float, float, float, float]
    align: str = "center"  # center | left | right
    valign: str = "middle"  # top | middle | bottom

    def __post_init__(self) -> None:
        if self.align not in ALIGNS:
            raise ValueError(f"align must be one of {ALIGNS}, not {self.align!r}")
        if self.valign not in VALIGNS:
            raise ValueError(f"valign must be one of {VALIGNS}, not {self.valign!r}")
        x, y, w, h = self.box
        if w <= 0 or h <= 0:
            raise ValueError(f"box {self.box!r} has no area")


@dataclass(frozen=True)
class LayoutSpec:
    """Where title, author and subtitle sit; subtitle None means 'just under the title'."""

    title: TextBlock
    author: TextBlock
    subtitle: TextBlock | None = None
    square: LayoutSpec | None = None  # explicit square re-layout, else derived by the typesetter


@dataclass(frozen=True)
class TypeSpec:
    """How the text looks: typeface voice, case, tracking, treatment and ornament."""

    title_voice: str
    title_face: str | None = None  # explicit fontpkg family, else chosen from the voice
    title_weight: int = 700
    title_case: str = "as-is"  # upper | title | as-is
    title_tracking: float = 0.0  # em
    author_voice: str | None = None
    author_face: str | None = None
    author_weight: int = 500
    author_case: str = "upper"
    author_tracking: float = 0.12
    treatment: str = "plain"  # plain | shadow | panel | band | outline | glow | knockout
    ink: str = "auto"  # auto | light | dark | accent
    ornament: str = "none"  # none | rule | flourish | frame

    def __post_init__(self) -> None:
        if self.title_voice not in VOICES:
            raise ValueError(f"title_voice must be one of {VOICES}, not {self.title_voice!r}")
        if self.author_voice is not None and self.author_voice not in VOICES:
            raise ValueError(f"author_voice must be one of {VOICES}, not {self.author_voice!r}")
        for name, value in (("title_case", self.title_case), ("author_case", self.author_case)):
            if value not in CASES:
                raise ValueError(f"{name} must be one of {CASES}, not {value!r}")
        if self.treatment not in TREATMENTS:
            raise ValueError(f"treatment must be one of {TREATMENTS}, not {self.treatment!r}")
        if self.ink not in INKS:
            raise ValueError(f"ink must be one of {INKS}, not {self.ink!r}")
        if self.ornament not in ORNAMENTS:
            raise ValueError(f"ornament must be one of {ORNAMENTS}, not {self.ornament!r}")
