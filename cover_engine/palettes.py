"""Colour palettes: the ten public palette names, each a set of variants, and genre-fitting defaults.

Every palette defines the same twelve colours (``PALETTE_KEYS``): a sky gradient, a horizon, three
depth layers (far, mid, near) and the ground for the painters, an accent and a glow, two inks for
type and a paper tone. Title-bearing areas (sky, near, ground, paper) are kept either dark enough
for ``light_ink`` or light enough for ``dark_ink`` to reach 4.5:1 (a test checks every variant).
"""

from __future__ import annotations

import colorsys
import random
import re
from dataclasses import dataclass, field

from cover_engine.vocabulary import COLOR_PALETTES

from .lexicon import find_motifs, fold, words

PALETTE_KEYS: tuple[str, ...] = (
    "sky_top",
    "sky_bottom",
    "horizon",
    "far",
    "mid",
    "near",
    "ground",
    "accent",
    "glow",
    "light_ink",
    "dark_ink",
    "paper",
)

# Areas where a title or author name may sit, so each needs one ink at 4.5:1.
TEXT_BACKGROUND_KEYS: tuple[str, ...] = ("sky_top", "sky_bottom", "near", "ground", "paper")


@dataclass(frozen=True)
class Palette:
    name: str
    colors: dict[str, str]

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "colors": {k: self.colors[k] for k in PALETTE_KEYS if k in self.colors}}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Palette:
        colors = dict(data["colors"])  # type: ignore[arg-type]
        return cls(name=str(data["name"]), colors={str(k): str(v) for k, v in colors.items()})


@dataclass(frozen=True)
class PaletteVariant:
    palette: Palette
    family: str
    tone: str  # "dark" or "light": the overall value of the sky, where most titles sit
    genres: tuple[str, ...] = ()  # genre or subgenre slugs it suits especially well
    moods: tuple[str, ...] = ()
    tags: tuple[str, ...] = field(default=())  # e.g. "children"


def _variant(
    family: str, name: str, hexes: str, tone: str, genres: str = "", moods: str = "", tags: str = ""
) -> PaletteVariant:
    values = hexes.split()
    if len(values) != len(PALETTE_KEYS):
        raise ValueError(f"palette {name} needs {len(PALETTE_KEYS)} colours, has {len(values)}")
    return PaletteVariant(
        palette=Palette(f"{family}-{name}", dict(zip(PALETTE_KEYS, values, strict=True))),
        family=family,
        tone=tone,
        genres=tuple(genres.split()),
        moods=tuple(moods.split()),
        tags=tuple(tags.split()),
    )


# Colour order in each row: sky_top sky_bottom horizon far mid near ground accent glow light_ink dark_ink paper
_VARIANTS: tuple[PaletteVariant, ...] = (
    # monochrome
    _variant(
        "monochrome", "ink",
        "#111111 #2b2b2b #6b6b6b #4a4a4a #303030 #1a1a1a #0d0d0d #d9d9d9 #f2f2f2 #f7f7f5 #111111 #efefec",
        "dark", "thriller contemporary-fiction poetry biography-memoir", "intense melancholic",
    ),
    _variant(
        "monochrome", "silver",
        "#e8e8e6 #cfcfcc #f4f4f2 #a9a9a6 #7c7c79 #4a4a48 #2a2a29 #1c1c1c #ffffff #fafaf8 #151515 #f2f2ef",
        "light", "poetry contemporary-fiction non-fiction business-economics", "intellectual melancholic",
    ),
    _variant(
        "monochrome", "blue",
        "#0b1626 #1d3350 #5d7ea3 #39597e #243f61 #142a45 #0a1829 #cfe0f2 #e9f2fb #f4f8fc #0b1626 #e9eef4",
        "dark", "mystery science-fiction", "mysterious melancholic",
    ),
    # pastel
    _variant(
        "pastel", "blush",
        "#f6d6dc #fbe9e4 #fff4ec #e6c3d3 #d3a6bf #74506a #5a3850 #c2577a #fff8f0 #fffaf6 #3a2233 #fdf3ef",
        "light", "romance contemporary sports new-adult", "romantic uplifting",
    ),
    _variant(
        "pastel", "mint",
        "#d8efe8 #eef8f1 #fffbea #bfe0d6 #9ccabd #3a6b5e #2c5047 #e58f7a #fffdf2 #fbfffd #1f3b35 #f3faf6",
        "light", "childrens health-fitness self-help cozy-fantasy", "uplifting",
    ),
    _variant(
        "pastel", "lilac",
        "#d9d3f0 #f0e6f5 #fde9ef #c4bce3 #a79fd0 #5a5290 #4d467a #e79ab8 #fff6fa #fdfbff #2a2444 #f6f2fb",
        "light", "young-adult romantasy poetry", "romantic uplifting",
    ),
    _variant(
        "pastel", "peach",
        "#ffd9c2 #ffeede #fff6e8 #f3c3b0 #e6a592 #8c5446 #6e3c33 #e0637a #fffaf0 #fffaf5 #40251f #fff4ec",
        "light", "romance contemporary-fiction picture-book", "romantic uplifting",
    ),
    # earth
    _variant(
        "earth", "sepia",
        "#e9d8b8 #f3e6cc #f8eedb #c9ae84 #a4845a #6b5434 #4a3622 #8a3b1f #fff3d6 #fbf3e2 #2b1d10 #f1e4c8",
        "light", "historical-fiction historical-romance biography-memoir", "melancholic intellectual",
    ),
    _variant(
        "earth", "terracotta",
        "#4a2416 #8e4a2c #f0b27a #a45a3a #7a3f28 #4d2819 #2e180f #f2c46d #ffe2b0 #fff4e6 #241209 #f4e6d4",
        "dark", "historical-fiction myth-folklore grounded-low", "epic melancholic",
    ),
    _variant(
        "earth", "moss",
        "#c9cfb1 #e3e2c8 #f3ecd2 #9aa67e #6f7d55 #46533a #2b3424 #b5612e #fff3d0 #f8f5e8 #1f2619 #efeedd",
        "light", "cozy-fantasy grounded-low poetry religion-spirituality", "uplifting melancholic",
    ),
    # muted
    _variant(
        "muted", "slate",
        "#4e5a68 #8695a3 #c9d1d6 #6d7a87 #4f5b67 #333d47 #20272e #c9a36a #e9eef0 #f4f6f7 #1a2026 #e8ebec",
        "dark", "mystery contemporary-fiction biography-memoir", "mysterious melancholic intellectual",
    ),
    _variant(
        "muted", "sage",
        "#b8c2ae #d9dccd #ece9dc #97a38c #75826b #55604d #3a4235 #b86f52 #f6f1e4 #f7f6ef #23291f #eeede4",
        "light", "contemporary-fiction poetry self-help health-fitness", "melancholic uplifting",
    ),
    _variant(
        "muted", "dusty-rose",
        "#b99a9c #dcc6c2 #efe2da #a1868b #806a71 #5d4b53 #3e3238 #6f8a8c #f8ece6 #fbf6f3 #2a1f24 #f3ebe7",
        "light", "romance historical-romance contemporary-fiction poetry", "romantic melancholic",
    ),
    _variant(
        "muted", "fog",
        "#2f3b47 #5a6a79 #a9b6bf #4e5d6b #3a4855 #26313b #171f26 #e3b35a #f3e2b0 #eef2f4 #141a20 #e4e8ea",
        "dark", "mystery thriller romantic-suspense", "mysterious melancholic",
    ),
    # dark
    _variant(
        "dark", "midnight",
        "#070b1a #16213d #3a4d78 #1e2a4a #141d36 #0b1124 #05080f #e8c26a #f6e7b8 #f5f1e6 #0b0f1c #ece6d6",
        "dark", "fantasy epic-fantasy mystery science-fiction", "mysterious epic",
    ),
    _variant(
        "dark", "noir",
        "#050505 #1a1a1a #b3121b #2a2a2a #1a1a1a #0d0d0d #050505 #ffcc00 #ff3b30 #ffffff #0a0a0a #f2f2f2",
        "dark", "thriller romantic-suspense", "intense",
    ),
    _variant(
        "dark", "blood",
        "#050303 #1c0606 #5a0a0a #2a0808 #1a0505 #0e0303 #050101 #b3121b #e23b2e #f4ece8 #0c0404 #ebe1dc",
        "dark", "horror dark-fantasy dark-romance", "intense mysterious",
    ),
    _variant(
        "dark", "forest",
        "#07110d #142a20 #3d5e45 #1c3a2b #122a1f #0a1a13 #050d09 #d8b15a #f2e0a8 #f1f0e6 #0b140f #e8e8dc",
        "dark", "fantasy myth-folklore dark-fantasy grounded-low", "mysterious epic",
    ),
    _variant(
        "dark", "plum",
        "#0f0714 #2a1236 #6b3a6e #3a1b45 #26102f #170a1d #0b050e #d9a6e0 #f4d6f0 #f7f0f7 #140a18 #efe6ef",
        "dark", "romantasy paranormal-monster erotic dark-academia", "romantic mysterious",
    ),
    # bold
    _variant(
        "bold", "red",
        "#b50e25 #d41f2c #ff5a3c #9e0c22 #6e0818 #3d0410 #140206 #ffd23f #fff0b3 #ffffff #120406 #f4ece6",
        "dark", "thriller business-economics self-help young-adult", "intense",
    ),
    _variant(
        "bold", "electric",
        "#0d2bd1 #1f4cff #7aa2ff #1a3bb8 #122a8a #0b1a5c #050d33 #ffd400 #fff3a0 #ffffff #050d33 #eef2ff",
        "dark", "business-economics non-fiction self-help science-fiction", "intellectual uplifting",
    ),
    _variant(
        "bold", "orange-teal",
        "#ff6b1a #ff9a3d #ffd08a #0e7c86 #0a5c64 #06393f #03252a #003f47 #fff1c9 #fffaf0 #1a0e05 #fff3e3",
        "light", "health-fitness self-help business-economics young-adult", "uplifting intense",
    ),
    _variant(
        "bold", "candy",
        "#4fc3f7 #b3e5fc #fff59d #81c784 #4caf50 #2e7d32 #1b5e20 #ff5252 #ffeb3b #ffffff #1a237e #fffde7",
        "light", "childrens picture-book early-reader chapter-book", "uplifting", "children",
    ),
    _variant(
        "bold", "sunburst",
        "#ffb703 #ffd166 #fff3c4 #fb8500 #e76f00 #9c4a00 #5a2a00 #219ebc #fff8e0 #ffffff #2a1400 #fff8e8",
        "light", "childrens middle-grade health-fitness self-help", "uplifting", "children",
    ),
    _variant(
        "bold", "gradient",
        "#3a0ca3 #7209b7 #f72585 #560bad #3f0a8a #25065a #14033a #4cc9f0 #ffd6f0 #ffffff #14033a #f6ecff",
        "dark", "young-adult new-adult", "intense romantic epic",
    ),
    # warm
    _variant(
        "warm", "sunset",
        "#3b1f4a #e0664a #ffc07a #b4485a #7a2e4a #4a1c34 #2a0f1f #ffd27a #fff0c8 #fff6ea #24101c #fbeee0",
        "dark", "romance young-adult contemporary-fiction", "romantic uplifting epic",
    ),
    _variant(
        "warm", "amber",
        "#5a2a0c #9a5512 #ffd48a #a35a1c #7a3f12 #4d260a #2e1605 #fff0c0 #ffe7a8 #fff8ea #2a1405 #f8ead2",
        "dark", "cozy-fantasy fantasy historical-fiction", "uplifting epic",
    ),
    _variant(
        "warm", "rose-gold",
        "#f3c9b8 #fae3d4 #fff1e3 #e3a894 #c98372 #8d4c3e #6e3b30 #b9803f #fff7ea #fffaf5 #3a1d16 #fbefe6",
        "light", "romance contemporary historical-romance", "romantic",
    ),
    _variant(
        "warm", "dawn",
        "#fbe8c8 #fff6e6 #ffffff #e8cfa4 #cfae7e #735a38 #54402a #c8902e #ffffff #fffdf8 #3a2a18 #fbf4e8",
        "light", "religion-spirituality self-help poetry", "uplifting",
    ),
    # cool
    _variant(
        "cool", "arctic",
        "#dfeef5 #f2f8fb #ffffff #b9d6e4 #8db8cf #3a6680 #244a5e #1f6f9a #ffffff #ffffff #0f2838 #eef5f8",
        "light", "non-fiction health-fitness self-help", "intellectual uplifting",
    ),
    _variant(
        "cool", "ocean",
        "#06203a #0f4c6e #4fa3b8 #176082 #0f4763 #0a3047 #051c2b #7fe0e6 #d8fbff #f0fbff #04121c #e6f1f5",
        "dark", "mystery thriller science-fiction contemporary-fiction", "mysterious melancholic",
    ),
    _variant(
        "cool", "neon",
        "#050716 #15104a #e0379b #2a1a6e #1b1250 #0e0a30 #06051a #27e8ff #ff4fd8 #f3f7ff #07081a #e8ecf6",
        "dark", "science-fiction litrpg contemporary-urban dystopian", "intense epic",
    ),
    _variant(
        "cool", "deep-space",
        "#02030a #0b1433 #2d5d9a #101d45 #0b1533 #070d22 #03060f #7ad7ff #bde9ff #eef6ff #03060f #e6eef6",
        "dark", "science-fiction", "epic intellectual mysterious",
    ),
    # metallic
    _variant(
        "metallic", "black-gold",
        "#0b0a08 #1f1a12 #6d5a32 #2c2418 #1c1710 #110e09 #080705 #d4af37 #f6e3a1 #f5e7c0 #14110b #efe6cf",
        "dark", "dark-romance romantasy epic-fantasy business-economics", "romantic epic intense",
    ),
    _variant(
        "metallic", "silver",
        "#2b3036 #59616b #b9c0c8 #6f7780 #4a5159 #2e3338 #1a1d21 #d9dee3 #ffffff #f6f8fa #15181b #e9ecef",
        "dark", "science-fiction thriller non-fiction", "intellectual mysterious",
    ),
    _variant(
        "metallic", "bronze",
        "#1c120a #4a2e17 #b07a43 #6b4424 #4a2e17 #2c1b0d #170e06 #cd7f32 #f2c58d #fbf0e2 #1a1008 #f1e2cf",
        "dark", "historical-fiction epic-fantasy grounded-low", "epic",
    ),
    # duotone
    _variant(
        "duotone", "navy-coral",
        "#14213d #1f3461 #ff7f66 #2b4577 #1c2f57 #122040 #0b1429 #ff7f66 #ffc4b5 #fff5f1 #0b1429 #fde9e4",
        "dark", "contemporary-fiction self-help young-adult", "melancholic uplifting",
    ),
    _variant(
        "duotone", "teal-mustard",
        "#0f4a4a #146060 #e8b63a #1c7070 #125454 #0b3b3b #062727 #e8b63a #f7dd8f #fdf8e8 #062727 #f7efd6",
        "dark", "non-fiction business-economics biography-memoir", "intellectual",
    ),
    _variant(
        "duotone", "magenta-indigo",
        "#2a0f5c #5a1a8a #ff3d8b #6a2096 #43146f #2a0c4f #170630 #ff3d8b #ffb3d1 #fff2f8 #170630 #fbe6f0",
        "dark", "young-adult new-adult contemporary-urban", "intense romantic",
    ),
)  # fmt: skip

VARIANTS: dict[str, PaletteVariant] = {v.palette.name: v for v in _VARIANTS}
FAMILIES: dict[str, tuple[PaletteVariant, ...]] = {
    family: tuple(v for v in _VARIANTS if v.family == family) for family in COLOR_PALETTES
}

# Which variants a genre or subgenre looks for first when the author gave no palette.
GENRE_DEFAULTS: dict[str, tuple[str, ...]] = {
    "thriller": ("dark-noir", "bold-red", "monochrome-ink"),
    "mystery": ("muted-fog", "monochrome-blue", "cool-ocean"),
    "romance": ("pastel-blush", "warm-rose-gold", "warm-sunset", "pastel-peach"),
    "fantasy": ("dark-midnight", "warm-amber", "dark-forest"),
    "science-fiction": ("cool-neon", "cool-deep-space", "metallic-silver"),
    "horror": ("dark-blood", "monochrome-ink"),
    "historical-fiction": ("earth-sepia", "earth-terracotta", "metallic-bronze"),
    "contemporary-fiction": ("muted-sage", "duotone-navy-coral", "pastel-peach", "bold-red"),
    "business-economics": ("bold-electric", "bold-red", "duotone-teal-mustard"),
    "self-help": ("bold-orange-teal", "warm-dawn", "bold-electric", "bold-sunburst"),
    "religion-spirituality": ("warm-dawn", "earth-moss"),
    "health-fitness": ("bold-orange-teal", "cool-arctic", "bold-sunburst"),
    "biography-memoir": ("earth-sepia", "muted-slate", "monochrome-ink"),
    "poetry": ("muted-sage", "monochrome-silver", "pastel-lilac"),
    "childrens": ("bold-candy", "bold-sunburst"),
    "young-adult": ("bold-gradient", "duotone-magenta-indigo", "warm-sunset"),
    "non-fiction": ("duotone-teal-mustard", "bold-electric", "cool-arctic"),
    # subgenres
    "dark-romance": ("metallic-black-gold", "dark-blood"),
    "romantasy": ("dark-plum", "metallic-black-gold", "pastel-lilac"),
    "romantic-suspense": ("muted-fog", "dark-noir"),
    "erotic": ("dark-plum", "dark-blood"),
    "paranormal-monster": ("dark-plum", "dark-forest"),
    "historical-romance": ("muted-dusty-rose", "earth-sepia", "warm-rose-gold"),
    "new-adult": ("warm-sunset", "bold-gradient"),
    "sports": ("pastel-blush", "bold-gradient"),
    "epic-fantasy": ("dark-midnight", "metallic-bronze", "warm-amber"),
    "dystopian": ("cool-neon", "monochrome-ink", "earth-terracotta"),
    "dark-fantasy": ("dark-blood", "dark-forest"),
    "cozy-fantasy": ("warm-amber", "earth-moss", "pastel-mint"),
    "litrpg": ("cool-neon", "dark-midnight"),
    "dark-academia": ("dark-plum", "earth-sepia", "dark-forest"),
    "myth-folklore": ("dark-forest", "earth-terracotta"),
    "contemporary-urban": ("cool-neon", "duotone-magenta-indigo"),
    "grounded-low": ("earth-terracotta", "dark-forest", "earth-moss"),
    "picture-book": ("bold-candy", "pastel-peach"),
    "early-reader": ("bold-candy", "bold-sunburst"),
    "chapter-book": ("bold-sunburst", "bold-candy"),
    "middle-grade": ("bold-sunburst", "dark-midnight"),
}

# A mood can pull the default toward darker or lighter variants.
_MOOD_TONE: dict[str, str] = {
    "intense": "dark",
    "mysterious": "dark",
    "epic": "dark",
    "melancholic": "",
    "romantic": "",
    "intellectual": "",
    "uplifting": "light",
}


def choose_palette(
    *,
    family: str | None,
    genre: str,
    subgenre: str = "",
    mood: str = "",
    audience: str = "",
    tone: str | None = None,
    seed: int = 0,
) -> Palette:
    """Pick a palette variant: of ``family`` if given (the one fitting the book best), else a genre default.

    The seed only chooses between equally fitting variants, so a variation may shift the colours
    while staying true to the genre.
    """
    rng = random.Random(f"palette:{seed}")
    if family in FAMILIES:
        candidates = list(FAMILIES[family])
        if tone and any(v.tone == tone for v in candidates):
            # Keep the cover's overall value (a dark cover stays dark) when only the family changes.
            candidates = [v for v in candidates if v.tone == tone]
        best = max(_fit(v, genre, subgenre, mood, audience) for v in candidates)
        fitting = [v for v in candidates if _fit(v, genre, subgenre, mood, audience) == best]
        return rng.choice(fitting).palette
    names = GENRE_DEFAULTS.get(subgenre) or GENRE_DEFAULTS.get(genre) or ("muted-slate",)
    if audience == "children" and not subgenre and genre != "childrens":
        names = GENRE_DEFAULTS["childrens"]
    ranked = [VARIANTS[n] for n in names]
    wanted_tone = _MOOD_TONE.get(mood, "")
    if wanted_tone and any(v.tone == wanted_tone for v in ranked):
        ranked = [v for v in ranked if v.tone == wanted_tone]
    # The first listed is the most typical; the seed may pick the runner-up for variety.
    pool = ranked[:2]
    return (pool[0] if rng.random() < 0.65 or len(pool) == 1 else pool[1]).palette


def _fit(variant: PaletteVariant, genre: str, subgenre: str, mood: str, audience: str) -> int:
    score = 0
    if subgenre and subgenre in variant.genres:
        score += 4
    if genre in variant.genres:
        score += 3
    if mood and mood in variant.moods:
        score += 1
    if audience == "children" and "children" in variant.tags:
        score += 2
    return score


def family_of(palette: Palette) -> str:
    """The public palette name a variant belongs to ('dark-noir' -> 'dark'); '' for custom palettes."""
    variant = VARIANTS.get(palette.name)
    return variant.family if variant else ""


# ---------------------------------------------------------------------------------------------
# Colour words (for edits such as "make it blue" or "use gold")
# ---------------------------------------------------------------------------------------------

COLOR_WORDS: dict[str, str] = {
    "red": "#c81e2b",
    "crimson": "#a3112b",
    "scarlet": "#d0251a",
    "blood red": "#8a0b0b",
    "burgundy": "#6d1a2b",
    "maroon": "#6b1420",
    "wine": "#722f37",
    "pink": "#f28bb0",
    "hot pink": "#ff2d8a",
    "rose pink": "#e8798f",
    "rose gold": "#b76e79",
    "blush": "#f4b6c2",
    "magenta": "#d6246e",
    "fuchsia": "#d42ac0",
    "coral": "#ff7f66",
    "peach": "#ffb38a",
    "orange": "#f47a1f",
    "amber": "#f0a21a",
    "yellow": "#f5cf1d",
    "lemon": "#f6e04b",
    "mustard": "#d9a829",
    "gold": "#d4af37",
    "golden": "#d4af37",
    "brown": "#7a4a28",
    "chocolate": "#5a3220",
    "tan": "#c9a37a",
    "beige": "#e3d3b5",
    "cream": "#f3e8cf",
    "sepia": "#a47a4d",
    "copper": "#b8733a",
    "bronze": "#b0793a",
    "green": "#2e8b4f",
    "emerald": "#0f8a5f",
    "forest green": "#1f5a36",
    "olive": "#7a7d32",
    "sage": "#9caf88",
    "mint": "#9ee2c8",
    "lime": "#9bd22f",
    "teal": "#12808a",
    "turquoise": "#25c0b8",
    "cyan": "#22c7e0",
    "aqua": "#4fd6d6",
    "blue": "#2457c5",
    "sky blue": "#7ec3f0",
    "light blue": "#9ccbf0",
    "navy": "#16244d",
    "navy blue": "#16244d",
    "midnight blue": "#0f1a3d",
    "royal blue": "#2649b8",
    "cobalt": "#1f48b0",
    "sapphire": "#1d3f9e",
    "indigo": "#3b2a8c",
    "purple": "#6a2a9e",
    "violet": "#7a3fc0",
    "lavender": "#b9a6e0",
    "lilac": "#c7a6dc",
    "plum": "#6b2d5c",
    "silver": "#b8bec6",
    "grey": "#7c8288",
    "gray": "#7c8288",
    "charcoal": "#33383d",
    "black": "#0c0c0c",
    "white": "#f6f6f4",
}

# Metals and whites work best as accents (type ornament, glow) rather than as a recolour of the sky.
ACCENT_COLORS: frozenset[str] = frozenset(
    {"gold", "golden", "rose gold", "silver", "copper", "bronze", "white", "cream"}
)


_COLOR_RE = re.compile(
    r"\b(?P<color>"
    + "|".join(re.escape(c).replace(r"\ ", r"[\s-]+") for c in sorted(COLOR_WORDS, key=len, reverse=True))
    + r")\b"
    r"(?P<accent>\s+(?:accents?|highlights?|details?|glow|trim))?"
    r"(?P<scheme>\s+(?:background|sky|backdrop|colou?rs?|tones?|palette|colou?r\s+scheme|theme))?"
)


@dataclass(frozen=True)
class ColorMention:
    name: str  # a key of COLOR_WORDS
    start: int
    end: int
    role: str  # "accent" (gold, silver, "teal accents") or "scheme" (the whole palette takes the hue)


def find_colors(text: str) -> list[ColorMention]:
    """Colour words in (folded) ``text`` that speak of the cover's colours.

    A colour right before a motif ("a red rose", "the black cat") describes that motif and is
    left out; "gold", "silver" and "... accents" are accents; the rest recolour the palette.
    """
    found: list[ColorMention] = []
    for m in _COLOR_RE.finditer(fold(text)):
        name = re.sub(r"[\s-]+", " ", m.group("color"))
        if not m.group("accent") and not m.group("scheme"):
            following = find_motifs(" ".join(words(m.string[m.end("color") :])[:3]))
            if following and following[0].start == 0:
                continue
        accent = bool(m.group("accent")) or (name in ACCENT_COLORS and not m.group("scheme"))
        found.append(ColorMention(name, m.start(), m.end(), "accent" if accent else "scheme"))
    return found


def _rgb(value: str) -> tuple[float, float, float]:
    text = value.lstrip("#")
    return (int(text[0:2], 16) / 255.0, int(text[2:4], 16) / 255.0, int(text[4:6], 16) / 255.0)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(value: str) -> float:
    """WCAG relative luminance of a '#rrggbb' colour."""

    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = _rgb(value)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast_ratio(a: str, b: str) -> float:
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def best_ink(palette: Palette, background: str) -> str:
    """The palette's ink (light or dark) that reads best on ``background``."""
    light, dark = palette.colors["light_ink"], palette.colors["dark_ink"]
    return light if contrast_ratio(light, background) >= contrast_ratio(dark, background) else dark


def _with_luminance(h: float, s: float, target: float) -> str:
    """The colour of hue ``h`` and HLS saturation ``s`` whose luminance is closest to ``target``."""
    lo, hi = 0.0, 1.0
    for _ in range(24):
        mid = (lo + hi) / 2
        if luminance(_hex(colorsys.hls_to_rgb(h, mid, s))) < target:
            lo = mid
        else:
            hi = mid
    return _hex(colorsys.hls_to_rgb(h, (lo + hi) / 2, s))


def retint(palette: Palette, color: str, *, name: str, strength: float = 1.0) -> Palette:
    """Move every scene colour of ``palette`` toward the hue of ``color``, keeping each one's luminance.

    Keeping luminance keeps the palette's light/dark structure, so the inks keep their contrast;
    the inks and paper themselves only take a faint tint.
    """
    th, _, ts = colorsys.rgb_to_hls(*_rgb(color))
    colors: dict[str, str] = {}
    for key in PALETTE_KEYS:
        value = palette.colors[key]
        h, _, s = colorsys.rgb_to_hls(*_rgb(value))
        lum = luminance(value)
        if key in ("light_ink", "dark_ink", "paper"):
            new_s = min(s, 0.25) * 0.5 + 0.12 * ts
            tinted = _with_luminance(th, new_s, lum)
        else:
            # Greys pick the hue's saturation up; saturated colours keep some of their own.
            new_s = max(ts * 0.85, s * 0.6) if ts > 0.08 else s * 0.15
            tinted = _with_luminance(th, min(new_s, 1.0), lum)
        colors[key] = _blend(value, tinted, strength)
    return Palette(name, colors)


def with_accent(palette: Palette, color: str, *, name: str) -> Palette:
    """The palette with ``color`` as accent and a lighter version of it as glow."""
    colors = dict(palette.colors)
    colors["accent"] = color
    colors["glow"] = _blend(color, "#ffffff", 0.45)
    return Palette(name, colors)


def _blend(a: str, b: str, t: float) -> str:
    ra, rb = _rgb(a), _rgb(b)
    return _hex(tuple(x + (y - x) * t for x, y in zip(ra, rb, strict=True)))  # type: ignore[arg-type]
