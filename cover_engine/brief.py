"""The Brief: what a cover shows, decided from the book's text and the author's options.

``build_brief`` reads the book with ``cover_engine.reading`` (phrases as phrases: "star witness" is
no star, "a woman in a red coat" colours the coat, "Benny the Brave Little Bear" is a bear), takes
the most salient drawable subject as the hero (main elements first, then title, subtitle, summary),
falls back on genre and subgenre conventions only when the book names too little, and settles mood,
palette, lighting and setting. The result is plain data: the painters draw it, and its ``prompt``
describes the same picture in words, so an external image model could paint it instead.
``reasons`` keeps which words chose which motif and ``unmatched`` what was asked for but is not
drawn (no picture yet, or an idiom, a compound, a name), so an author can see why.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cover_engine.vocabulary import COLOR_PALETTES, GENRES, MOODS, SUBGENRES

from . import palettes
from .lexicon import MOTIFS, motif_noun, motif_word
from .palettes import Palette
from .reading import Reading, Subject, hero_factor, read_book

if TYPE_CHECKING:
    from .recipe import BookText

__all__ = ["Brief", "MotifChoice", "Palette", "build_brief", "compose_prompt"]

LIGHTINGS: tuple[str, ...] = ("dawn", "day", "dusk", "night", "storm", "nebula", "studio", "candle")
SETTINGS: tuple[str, ...] = ("landscape", "city", "sea", "space", "interior", "abstract", "botanical", "symbolic")
ADJUST_KEYS: tuple[str, ...] = ("brightness", "contrast", "warmth", "busyness")
MAX_MOTIFS = 5
MAX_UNMATCHED = 12  # a long summary names many people and places; the brief keeps the first few


@dataclass(frozen=True)
class MotifChoice:
    name: str
    weight: float  # 0..1 prominence
    source: str  # why it is there: "summary: 'lighthouses'", "genre default (thriller)", "edit: ..."
    # What the book says about it: size, pose, clothing ("little", "flying", "red coat"), and its own
    # colour (a palettes.COLOR_WORDS name: the rose is red, the cover is not).
    attributes: tuple[str, ...] = ()
    color: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "weight": self.weight, "source": self.source}
        if self.attributes:
            data["attributes"] = list(self.attributes)
        if self.color:
            data["color"] = self.color
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MotifChoice:
        return cls(
            name=str(data["name"]),
            weight=float(data["weight"]),
            source=str(data.get("source", "")),
            attributes=tuple(str(a) for a in data.get("attributes") or ()),
            color=str(data.get("color") or ""),
        )


@dataclass(frozen=True)
class Brief:
    genre: str
    subgenre: str
    mood: str
    palette: Palette
    motifs: tuple[MotifChoice, ...]  # the first is the hero
    lighting: str
    setting: str
    adjust: dict[str, float]
    prompt: str
    reasons: tuple[tuple[str, str], ...]
    # Motifs the author ruled out ("no dragons", "remove the moon"): never painted, never re-added.
    avoid: tuple[str, ...] = field(default=())
    # What the book asked for that is not drawn, and why: ("carpets", "no picture for 'carpet' yet"),
    # ("star witness", "legal term: the key witness, not a star").
    unmatched: tuple[tuple[str, str], ...] = field(default=())

    @property
    def hero(self) -> str | None:
        return self.motifs[0].name if self.motifs else None

    def motif_names(self) -> list[str]:
        return [m.name for m in self.motifs]

    def to_dict(self) -> dict[str, Any]:
        return {
            "genre": self.genre,
            "subgenre": self.subgenre,
            "mood": self.mood,
            "palette": self.palette.to_dict(),
            "motifs": [m.to_dict() for m in self.motifs],
            "lighting": self.lighting,
            "setting": self.setting,
            "adjust": {k: float(self.adjust.get(k, 0.0)) for k in ADJUST_KEYS},
            "prompt": self.prompt,
            "reasons": [list(r) for r in self.reasons],
            "avoid": list(self.avoid),
            "unmatched": [list(u) for u in self.unmatched],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Brief:
        adjust = data.get("adjust") or {}
        return cls(
            genre=str(data["genre"]),
            subgenre=str(data.get("subgenre") or ""),
            mood=str(data["mood"]),
            palette=Palette.from_dict(data["palette"]),
            motifs=tuple(MotifChoice.from_dict(m) for m in data["motifs"]),
            lighting=str(data["lighting"]),
            setting=str(data["setting"]),
            adjust={k: float(adjust.get(k, 0.0)) for k in ADJUST_KEYS},
            prompt=str(data.get("prompt") or ""),
            reasons=tuple((str(a), str(b)) for a, b in data.get("reasons") or ()),
            avoid=tuple(str(a) for a in data.get("avoid") or ()),
            unmatched=tuple((str(a), str(b)) for a, b in data.get("unmatched") or ()),
        )


# ---------------------------------------------------------------------------------------------
# Genre conventions
# ---------------------------------------------------------------------------------------------

# What a cover of the genre shows when the text names nothing (first = hero).
GENRE_MOTIFS: dict[str, tuple[str, ...]] = {
    "business-economics": ("arrows", "chart", "grid"),
    "religion-spirituality": ("light_rays", "clouds", "bird"),
    "non-fiction": ("globe", "book", "compass"),
    "fantasy": ("castle", "mountains", "moon"),
    "romance": ("flowers", "couple", "heart"),
    "thriller": ("city_skyline", "road", "lone_figure"),
    "mystery": ("house", "fog", "window"),
    "science-fiction": ("planet", "stars", "spaceship"),
    "horror": ("house", "bare_tree", "moon"),
    "historical-fiction": ("woman", "house", "field"),
    "health-fitness": ("runner", "sun", "heart"),
    "contemporary-fiction": ("window", "flowers", "bird"),
    "young-adult": ("crown", "stars", "feather"),
    "childrens": ("sun", "hills", "clouds"),
    "self-help": ("summit_flag", "sun", "road"),
    "biography-memoir": ("lone_figure", "road", "letter"),
    "poetry": ("feather", "moon", "leaves"),
}

SUBGENRE_MOTIFS: dict[str, tuple[str, ...]] = {
    # romance
    "contemporary": ("couple", "city_skyline", "heart"),
    "new-adult": ("couple", "city_skyline", "stars"),
    "dark-romance": ("rose", "dagger", "crown"),
    "sports": ("couple", "light_rays", "heart"),
    "romantic-suspense": ("couple", "road", "city_skyline"),
    "erotic": ("mask", "rose", "candle"),
    "paranormal-monster": ("wolf", "moon", "forest"),
    "historical-romance": ("woman", "rose", "house"),
    # fantasy (romantasy is listed under both)
    "romantasy": ("crown", "rose", "magic_sparks"),
    "epic-fantasy": ("castle", "mountains", "dragon"),
    "dystopian": ("city_skyline", "ruins", "lone_figure"),
    "dark-fantasy": ("bare_tree", "raven", "moon"),
    "cozy-fantasy": ("village", "lantern", "mushroom"),
    "litrpg": ("sword", "runes", "tower"),
    "dark-academia": ("book", "candle", "raven"),
    "myth-folklore": ("deer", "forest", "moon"),
    "contemporary-urban": ("city_skyline", "magic_sparks", "moon"),
    "grounded-low": ("sword", "forest", "hills"),
    # children's
    "picture-book": ("sun", "hills", "rainbow"),
    "early-reader": ("sun", "book", "hills"),
    "chapter-book": ("tree", "house", "map"),
    "middle-grade": ("key", "map", "forest"),
}

GENRE_MOODS: dict[str, str] = {
    "business-economics": "intellectual",
    "religion-spirituality": "uplifting",
    "non-fiction": "intellectual",
    "fantasy": "epic",
    "romance": "romantic",
    "thriller": "intense",
    "mystery": "mysterious",
    "science-fiction": "epic",
    "horror": "intense",
    "historical-fiction": "melancholic",
    "health-fitness": "uplifting",
    "contemporary-fiction": "melancholic",
    "young-adult": "intense",
    "childrens": "uplifting",
    "self-help": "uplifting",
    "biography-memoir": "intellectual",
    "poetry": "melancholic",
}

SUBGENRE_MOODS: dict[str, str] = {
    "dark-romance": "intense",
    "romantic-suspense": "mysterious",
    "romantasy": "romantic",
    "paranormal-monster": "mysterious",
    "dystopian": "intense",
    "dark-fantasy": "mysterious",
    "cozy-fantasy": "uplifting",
    "dark-academia": "mysterious",
    "myth-folklore": "mysterious",
    "litrpg": "epic",
}

MOOD_LIGHTING: dict[str, tuple[str, ...]] = {
    "intense": ("night", "storm", "dusk"),
    "mysterious": ("night", "dusk"),
    "romantic": ("dusk", "dawn", "candle"),
    "intellectual": ("studio", "day"),
    "uplifting": ("dawn", "day"),
    "epic": ("dusk", "dawn", "storm"),
    "melancholic": ("dusk", "night", "dawn"),
}

# Where each motif is most at home when it is the hero.
_SETTING_OF: dict[str, str] = {
    "planet": "space", "galaxy": "space", "comet": "space", "eclipse": "space", "spaceship": "space",
    "sea": "sea", "island": "sea", "lighthouse": "sea", "ship": "sea", "boat": "sea", "whale": "sea",
    "fish": "sea", "waves": "abstract",
    "city_skyline": "city", "street_lamp": "city", "car": "city",
    "window": "interior", "door": "interior", "book": "interior", "candle": "interior", "letter": "interior",
    "rose": "botanical", "flowers": "botanical", "leaves": "botanical", "vines": "botanical",
    "lotus": "botanical", "cherry_blossom": "botanical", "mushroom": "botanical", "butterfly": "botanical",
    "arrows": "abstract", "grid": "abstract", "chart": "abstract", "spiral": "abstract", "runner": "abstract",
    "mind": "abstract", "light_rays": "landscape",
}  # fmt: skip
_SETTING_OF_CATEGORY: dict[str, str] = {
    "celestial": "landscape",
    "landscape": "landscape",
    "weather": "landscape",
    "architecture": "landscape",
    "flora": "landscape",
    "fauna": "landscape",
    "figure": "landscape",
    "object": "symbolic",
    "vehicle": "landscape",
    "element": "symbolic",
    "abstract": "symbolic",
}

_ONE_OBJECT_SUBGENRES = frozenset({"dark-romance", "erotic"})

# ---------------------------------------------------------------------------------------------
# Building a brief
# ---------------------------------------------------------------------------------------------


def build_brief(
    book: BookText,
    *,
    mood: str | None,
    palette: str | None,
    main_elements: str,
    seed: int,
) -> Brief:
    """Decide what the cover of ``book`` shows. The seed varies secondary choices only (lighting, palette
    variant among fitting ones), never which motifs or what mood."""
    genre = book.genre if book.genre in GENRES else "contemporary-fiction"
    subgenre = book.subgenre if book.subgenre in SUBGENRES.get(genre, {}) else ""
    rng = random.Random(f"brief:{seed}")

    reading = read_book(book.title or "", book.subtitle or "", book.summary or "", main_elements or "", genre, subgenre)
    avoid = list(reading.excluded_motifs())
    motifs = _motifs_from(reading)
    shown = {m.name for m in motifs}
    # Reasons explain what is on the cover: which words chose each motif.
    reasons = [(words, s.name) for s in _by_order(reading.subjects) if s.name in shown for words in s.mentions]

    # The book names nothing drawable, or too little: the genre's conventions fill in (never what
    # the author ruled out). A subject the book asked for always leads.
    wanted_total = 2 if len(motifs) >= 2 else 3
    if len(motifs) < wanted_total:
        label = subgenre or genre
        defaults = SUBGENRE_MOTIFS.get(subgenre) or GENRE_MOTIFS.get(genre, ())
        default_weights = (1.0, 0.55, 0.45, 0.4)
        for name in defaults:
            if len(motifs) >= wanted_total:
                break
            if name in avoid or any(m.name == name for m in motifs) or _clashes(name, motifs, reading):
                continue
            weight = default_weights[min(len(motifs), 3)]
            motifs.append(MotifChoice(name, weight, f"genre default ({label})"))

    chosen_mood = mood if mood in MOODS else _infer_mood(reading, genre, subgenre)
    chosen_palette = palettes.choose_palette(
        family=palette if palette in COLOR_PALETTES else None,
        genre=genre,
        subgenre=subgenre,
        mood=chosen_mood,
        audience=book.target_audience,
        seed=seed,
    )
    if palette not in COLOR_PALETTES:
        # Only colours said of the cover itself ("gold on black", "a teal sky") recolour it; "a red
        # coat" or "a red rose" colours that thing alone.
        cover_words = ", ".join(c.words for c in reading.cover_colors("main elements"))
        chosen_palette = _colored_by_words(chosen_palette, cover_words, genre, subgenre, chosen_mood, seed)
    names = [m.name for m in motifs]
    setting = choose_setting(names, genre, reading.setting.place_kind)
    if subgenre in _ONE_OBJECT_SUBGENRES and names and MOTIFS[names[0]].category in ("flora", "object", "element"):
        # Dark romance convention: one object on a dark field, not a garden.
        setting = "symbolic"
    lighting = choose_lighting(
        names,
        mood=chosen_mood,
        setting=setting,
        palette=chosen_palette,
        time_of_day=reading.setting.time_of_day,
        rng=rng,
    )
    adjust = dict.fromkeys(ADJUST_KEYS, 0.0)
    brief = Brief(
        genre=genre,
        subgenre=subgenre,
        mood=chosen_mood,
        palette=chosen_palette,
        motifs=tuple(motifs),
        lighting=lighting,
        setting=setting,
        adjust=adjust,
        prompt="",
        reasons=tuple(reasons),
        avoid=tuple(avoid),
        unmatched=_unmatched(reading),
    )
    return with_prompt(brief)


# Supporting defaults that would contradict what the book shows: no sun beside its moon.
_CLASHES: dict[str, frozenset[str]] = {
    "sun": frozenset({"moon", "stars", "galaxy", "eclipse"}),
    "moon": frozenset({"sun"}),
    "stars": frozenset({"sun"}),
    "rainbow": frozenset({"moon", "stars", "storm", "lightning"}),
}


def _clashes(name: str, motifs: list[MotifChoice], reading: Reading) -> bool:
    if name == "sun" and reading.setting.time_of_day in ("night", "storm", "nebula"):
        return True
    return bool(_CLASHES.get(name, frozenset()) & {m.name for m in motifs})


def _by_order(subjects: tuple[Subject, ...]) -> list[Subject]:
    return sorted(subjects, key=lambda s: s.order)


def _motifs_from(reading: Reading) -> list[MotifChoice]:
    """The drawable subjects, hero first: the most salient of the most authoritative field that names
    one (main elements, then title, subtitle, summary), then the rest by salience."""
    drawable = [s for s in reading.subjects if s.drawable]
    if not drawable:
        return []
    hero = min(drawable, key=lambda s: (s.field_rank, -s.salience * hero_factor(s.name), s.order))
    ranked = [hero] + [s for s in drawable if s is not hero][: MAX_MOTIFS - 1]
    top = max(hero.salience * hero_factor(hero.name), 1e-9)
    motifs = []
    for i, subject in enumerate(ranked):
        rel = min(1.0, subject.salience * hero_factor(subject.name) / top)
        weight = 1.0 if i == 0 else round(min(0.85, 0.35 + 0.5 * rel), 2)
        source = f"{subject.source}: '{subject.words}'"
        motifs.append(MotifChoice(subject.name, weight, source, subject.attributes, subject.color))
    return motifs


def _unmatched(reading: Reading) -> tuple[tuple[str, str], ...]:
    """What the book asked for that is not drawn: subjects without a picture, then the phrases read as
    idioms, compounds or names."""
    found = [(s.words, f"no picture for '{s.name}' in the lexicon yet") for s in _by_order(reading.unmatched())]
    found += [(i.words, i.why) for i in reading.ignored]
    return tuple(dict.fromkeys(found))[:MAX_UNMATCHED]


def _colored_by_words(base: Palette, text: str, genre: str, subgenre: str, mood: str, seed: int) -> Palette:
    """Colours the author named in the main elements ("gold and black", "a teal sky") steer the palette."""
    result = base
    # Whole-palette colours first, so accents ("gold on black") land on the final palette.
    for mention in sorted(palettes.find_colors(text), key=lambda c: c.role == "accent"):
        value = palettes.COLOR_WORDS[mention.name]
        dark = palettes.luminance(result.colors["sky_top"]) < 0.18
        if mention.role == "accent":
            result = palettes.with_accent(result, value, name=f"{result.name}+{mention.name}")
        elif mention.name in ("black", "charcoal") and not dark:
            result = palettes.choose_palette(family="dark", genre=genre, subgenre=subgenre, mood=mood, seed=seed)
        elif mention.name in ("white", "cream") and dark:
            result = palettes.choose_palette(family="monochrome", genre=genre, mood=mood, tone="light", seed=seed)
        elif mention.name not in ("black", "charcoal", "white", "cream"):
            result = palettes.retint(result, value, name=mention.name.replace(" ", "-"))
    return result


def _infer_mood(reading: Reading, genre: str, subgenre: str) -> str:
    default = SUBGENRE_MOODS.get(subgenre) or GENRE_MOODS.get(genre, "melancholic")
    counts: dict[str, int] = dict.fromkeys(MOODS, 0)
    for name, _words in reading.mood:
        counts[name] = counts.get(name, 0) + 1
    # The genre's own mood gets a head start: the text must lean clearly elsewhere to override it.
    counts[default] = counts.get(default, 0) + 1
    best = max(MOODS, key=lambda m: (counts.get(m, 0), m == default))
    if best != default and counts[best] >= 2 and counts[best] > counts[default]:
        return best
    return default


def choose_setting(names: list[str], genre: str, place_kind: str = "") -> str:
    if not names:
        return "abstract"
    hero = names[0]
    setting = _SETTING_OF.get(hero) or _SETTING_OF_CATEGORY[MOTIFS[hero].category]
    others = {_SETTING_OF.get(n) for n in names[1:]}
    in_city = "city" in place_kind or place_kind == "metropolis"
    if setting in ("landscape", "symbolic") and in_city:
        return "city"  # a figure, or Aladdin's lamp, in Venice or Baghdad stands in its city
    if setting == "symbolic" and place_kind:
        return "landscape"  # the book names where it happens: show the place behind the object
    if setting == "landscape":
        # A figure or a creature takes its place from what surrounds it.
        for candidate in ("sea", "city", "space"):
            if candidate in others:
                return candidate
    if setting == "symbolic" and genre == "science-fiction" and "space" in others:
        return "space"
    return setting


def motif_lighting(names: list[str], setting: str) -> str | None:
    """The lighting some motifs demand (a moon needs night, lightning a storm), or None."""
    present = set(names)
    if "galaxy" in present and setting == "space":
        return "nebula"
    if present & {"storm", "lightning"}:
        return "storm"
    if names and names[0] in ("candle", "lantern"):
        return "candle"
    if present & {"moon", "stars", "street_lamp", "lantern"}:
        return "night"
    return None


def choose_lighting(
    names: list[str], *, mood: str, setting: str, palette: Palette, time_of_day: str, rng: random.Random
) -> str:
    if time_of_day in LIGHTINGS:
        # The book names its hour or its weather ("at dawn", "a stormy night"): that fixes the light.
        return time_of_day
    forced = motif_lighting(names, setting)
    if forced:
        return forced
    present = set(names)
    if setting == "space":
        return rng.choice(("night", "nebula"))
    options = list(MOOD_LIGHTING.get(mood, ("dusk",)))
    if setting in ("symbolic", "abstract", "interior"):
        options = ["studio", "candle"] if mood in ("romantic", "mysterious", "melancholic") else ["studio"]
    elif "sun" in present:
        options = [o for o in options if o in ("dawn", "day", "dusk")] or ["dawn", "dusk"]
    tone = palettes.VARIANTS[palette.name].tone if palette.name in palettes.VARIANTS else ""
    if tone == "light":
        options = [o for o in options if o not in ("night", "storm")] or ["day"]
    return rng.choice(options)


# ---------------------------------------------------------------------------------------------
# The text prompt
# ---------------------------------------------------------------------------------------------

_LIGHTING_TEXT: dict[str, str] = {
    "dawn": "soft dawn light low on the horizon",
    "day": "clear, even daylight",
    "dusk": "a warm dusk glow fading into evening",
    "night": "night, lit by moonlight and a few points of light",
    "storm": "a stormy, dramatic sky with heavy clouds",
    "nebula": "the glow of a nebula across deep space",
    "studio": "focused studio light on a plain, deep background",
    "candle": "warm candlelight with deep shadows",
}
_SETTING_TEXT: dict[str, str] = {
    "landscape": "a layered landscape with atmospheric depth",
    "city": "a city seen as silhouettes against the sky",
    "sea": "the sea, with a wide horizon",
    "space": "outer space",
    "interior": "a quiet interior still life",
    "abstract": "an abstract, graphic composition",
    "botanical": "a botanical composition",
    "symbolic": "a single symbolic object on a dark or graded field",
}


def _color_word(hex_value: str) -> str:
    """The nearest named colour, with a light/dark qualifier: good enough to describe a palette."""
    r, g, b = (int(hex_value[i : i + 2], 16) for i in (1, 3, 5))
    best, best_d = "grey", float("inf")
    for name, ref in palettes.COLOR_WORDS.items():
        if " " in name or name in ("golden", "gray", "wine", "rose", "blush", "tan", "lime", "sepia"):
            continue
        rr, gg, bb = (int(ref[i : i + 2], 16) for i in (1, 3, 5))
        d = 2 * (r - rr) ** 2 + 4 * (g - gg) ** 2 + 3 * (b - bb) ** 2
        if d < best_d:
            best, best_d = name, d
    lum = palettes.luminance(hex_value)
    if best in ("black", "white", "cream", "charcoal"):
        return best
    if lum < 0.03:
        return f"very dark {best}"
    if lum < 0.12:
        return f"deep {best}"
    if lum > 0.65:
        return f"pale {best}"
    return best


def _book_kind(genre: str, subgenre: str) -> str:
    label = GENRES.get(genre, genre)
    sub = SUBGENRES.get(genre, {}).get(subgenre, "")
    if sub and genre == "childrens":
        kind = f"children's {sub}"
    elif sub:
        kind = sub if label.split()[0].lower() in sub.lower() else f"{sub} {label}"
    else:
        kind = label
    kind = kind.lower().replace("&", "and")
    return kind if kind.endswith("book") else f"{kind} book"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _described(motif: MotifChoice) -> str:
    """The motif with what the book says about it: 'a woman in a red coat', 'a rose (red)'."""
    text = motif_noun(motif.name)
    worn = [a for a in motif.attributes if " " in a and "'" not in a and not a.startswith("in ")]
    if worn:
        text += f" in a {worn[0]}"
    described = [a for a in motif.attributes if " " not in a and "'" not in a][:2]
    if motif.color:
        described.append(motif.color)
    return f"{text} ({', '.join(described)})" if described else text


def compose_prompt(brief: Brief) -> str:
    """A plain-text description of the picture, as one would send to an image model."""
    parts = [f"Cover artwork for a {_book_kind(brief.genre, brief.subgenre)}, with no text or lettering."]
    if brief.motifs:
        parts.append(f"Focal point: {_described(brief.motifs[0])}, large and central.")
        extras = [motif_noun(m.name) for m in brief.motifs[1:] if m.weight >= 0.7]
        minor = [motif_noun(m.name) for m in brief.motifs[1:] if m.weight < 0.7]
        if extras:
            parts.append(f"With {_join(extras)} clearly visible.")
        if minor:
            parts.append(f"Smaller, in support: {_join(minor)}.")
    parts.append(f"Setting: {_SETTING_TEXT.get(brief.setting, brief.setting)}.")
    lighting = _LIGHTING_TEXT.get(brief.lighting, brief.lighting)
    if brief.setting == "space" and brief.lighting == "night":
        lighting = "the dark of space, lit by distant stars"
    parts.append(f"Lighting: {lighting}.")
    parts.append(f"Mood: {brief.mood}.")
    c = brief.palette.colors
    top, bottom = _color_word(c["sky_top"]), _color_word(c["sky_bottom"])
    sky = f"{top} sky" if top == bottom else f"{top} to {bottom} sky"
    parts.append(f"Colours: {sky}, {_color_word(c['near'])} foreground, {_color_word(c['accent'])} accents.")
    tweaks = []
    a = brief.adjust
    for key, low, high in (
        ("brightness", "darker overall", "brighter overall"),
        ("contrast", "soft, low contrast", "high contrast"),
        ("warmth", "cooler tones", "warmer tones"),
        ("busyness", "minimal and uncluttered", "rich in detail"),
    ):
        if a.get(key, 0) <= -0.2:
            tweaks.append(low)
        elif a.get(key, 0) >= 0.2:
            tweaks.append(high)
    if tweaks:
        parts.append("Treatment: " + ", ".join(tweaks) + ".")
    if brief.avoid:
        parts.append("Do not show: " + ", ".join(motif_word(n) for n in brief.avoid if n in MOTIFS) + ".")
    parts.append("Leave calm, uncluttered space for the title and the author's name.")
    return " ".join(parts)


def with_prompt(brief: Brief) -> Brief:
    """The brief with its prompt rewritten from its current fields (after an edit, say)."""
    from dataclasses import replace

    return replace(brief, prompt=compose_prompt(brief))
