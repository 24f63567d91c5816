"""The Brief: what a cover shows, decided from the book's text and the author's options.

``build_brief`` reads the title, subtitle, summary and main elements against the motif lexicon
(main elements count most), falls back on genre and subgenre conventions when the text gives
little, and settles mood, palette, lighting and setting. The result is plain data: the painters
draw it, and its ``prompt`` describes the same picture in words, so an external image model could
paint it instead. ``reasons`` keeps which words chose which motif, so an author can see why.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cover_engine.vocabulary import COLOR_PALETTES, GENRES, MOODS, SUBGENRES

from . import palettes
from .lexicon import MOTIFS, find_motifs, fold, motif_noun, motif_word, normalise_words, words
from .palettes import Palette

if TYPE_CHECKING:
    from .recipe import BookText

__all__ = ["Brief", "MotifChoice", "Palette", "build_brief", "compose_prompt"]

LIGHTINGS: tuple[str, ...] = ("dawn", "day", "dusk", "night", "storm", "nebula", "studio", "candle")
SETTINGS: tuple[str, ...] = ("landscape", "city", "sea", "space", "interior", "abstract", "botanical", "symbolic")
ADJUST_KEYS: tuple[str, ...] = ("brightness", "contrast", "warmth", "busyness")
MAX_MOTIFS = 5


@dataclass(frozen=True)
class MotifChoice:
    name: str
    weight: float  # 0..1 prominence
    source: str  # why it is there: "summary: 'lighthouses'", "genre default (thriller)", "edit: ..."

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "weight": self.weight, "source": self.source}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MotifChoice:
        return cls(name=str(data["name"]), weight=float(data["weight"]), source=str(data.get("source", "")))


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

# Words in the text that lean toward a mood when the author chose none.
MOOD_WORDS: dict[str, tuple[str, ...]] = {
    "intense": (
        "murder", "killer", "kill", "chase", "hunt", "danger", "deadly", "revenge", "war", "fight", "blood",
        "survive", "escape", "race against", "violent", "conspiracy", "terror", "fear", "rage", "brutal",
    ),
    "mysterious": (
        "secret", "mystery", "hidden", "vanish", "disappear", "missing", "clue", "strange", "haunt", "whisper",
        "shadow", "curse", "unknown", "riddle", "puzzle", "ghost", "unexplained",
    ),
    "romantic": (
        "love", "lover", "kiss", "heart", "passion", "romance", "desire", "wedding", "marry", "crush", "date",
        "soulmate", "fall for", "fake dating", "enemies to lovers",
    ),
    "intellectual": (
        "science", "theory", "research", "history of", "philosophy", "economic", "strategy", "analysis", "study",
        "mind", "idea", "learn", "evidence", "guide", "principle",
    ),
    "uplifting": (
        "hope", "joy", "happy", "friendship", "courage", "heal", "dream", "bright", "laugh", "kindness",
        "celebrate", "grow", "inspire", "cozy", "warm", "fun",
    ),
    "epic": (
        "kingdom", "empire", "quest", "destiny", "legend", "prophecy", "army", "battle", "throne", "galaxy",
        "chosen one", "ancient", "saga", "realm", "dragon", "gods",
    ),
    "melancholic": (
        "grief", "loss", "lost", "memory", "alone", "lonely", "regret", "mourning", "farewell", "sorrow",
        "broken", "longing", "past", "forgotten", "silence", "death of",
    ),
}  # fmt: skip

MOOD_LIGHTING: dict[str, tuple[str, ...]] = {
    "intense": ("night", "storm", "dusk"),
    "mysterious": ("night", "dusk"),
    "romantic": ("dusk", "dawn", "candle"),
    "intellectual": ("studio", "day"),
    "uplifting": ("dawn", "day"),
    "epic": ("dusk", "dawn", "storm"),
    "melancholic": ("dusk", "night", "dawn"),
}

# Time-of-day words that fix the lighting outright.
_LIGHTING_WORDS: dict[str, str] = {
    "dawn": "dawn",
    "sunrise": "dawn",
    "daybreak": "dawn",
    "morning": "dawn",
    "daylight": "day",
    "noon": "day",
    "summer": "day",
    "dusk": "dusk",
    "sunset": "dusk",
    "twilight": "dusk",
    "evening": "dusk",
    "night": "night",
    "midnight": "night",
    "nightfall": "night",
    "moonlit": "night",
    "candlelit": "candle",
    "candlelight": "candle",
    "storm": "storm",
    "stormy": "storm",
    "tempest": "storm",
    "nebula": "nebula",
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

# In a novel's summary "business", "data" or "success" rarely describe the picture.
_WEAK_IN_FICTION = frozenset({"chart", "arrows", "grid", "mind", "globe", "compass", "clock"})
_FICTION = frozenset(
    {
        "fantasy", "romance", "thriller", "mystery", "science-fiction", "horror", "historical-fiction",
        "contemporary-fiction", "young-adult", "childrens", "poetry",
    }
)  # fmt: skip

_ONE_OBJECT_SUBGENRES = frozenset({"dark-romance", "erotic"})

_GENRE_MEANING: dict[str, dict[str, str]] = {
    "science-fiction": {"ship": "spaceship", "boat": "spaceship", "train": "spaceship"},
}

# How strongly each place in the book's text counts toward a motif.
_FIELD_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("main elements", 3.0),
    ("title", 2.0),
    ("subtitle", 1.5),
    ("summary", 1.0),
)
# Weather and elements make fine supporting motifs but rarely a good focal point.
_HERO_FACTOR: dict[str, float] = {"weather": 0.6, "element": 0.7}

_NEGATION_CUES = frozenset(
    {"no", "not", "without", "never", "avoid", "dont", "nothing", "exclude", "excluding", "minus"}
)
_PROSE_NEGATION_CUES = frozenset({"no", "without"})
_DETERMINERS = frozenset({"a", "an", "the", "some", "one", "two", "three", "many", "lots", "plenty", "with", "plus"})
_CLAUSE_SPLIT = re.compile(r"[.,;:!?\n()\[\]]+|\bbut\b|\binstead\b|\bonly\b")


# ---------------------------------------------------------------------------------------------
# Building a brief
# ---------------------------------------------------------------------------------------------


@dataclass
class _Tally:
    score: float = 0.0
    order: int = 0  # first appearance across fields (main elements first)
    source: str = ""
    mentions: int = 0


def _scan(text: str, cues: frozenset[str] = _NEGATION_CUES) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Split ``text``'s motif mentions into (wanted, negated), each a list of (phrase, motif)."""
    wanted: list[tuple[str, str]] = []
    negated: list[tuple[str, str]] = []
    for clause in _CLAUSE_SPLIT.split(fold(text)):
        raw = words(clause)  # the same tokens find_motifs counts in
        if not raw:
            continue
        negation_from = [i for i, w in enumerate(raw) if w in cues]
        for match in find_motifs(clause):
            if _is_negated(raw, match.start, negation_from):
                negated.append((match.phrase, match.motif))
            else:
                wanted.append((match.phrase, match.motif))
    return wanted, negated


def _is_negated(raw: list[str], start: int, cues: list[int]) -> bool:
    before = [c for c in cues if c < start]
    if not before:
        return False
    # "no dragons and a castle": a fresh determiner after "and" starts a wanted item again.
    for i in range(before[-1] + 1, start):
        if raw[i] == "and" and i + 1 < len(raw) and raw[i + 1] in _DETERMINERS:
            return False
    return True


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

    texts = {
        "main elements": main_elements or "",
        "title": book.title or "",
        "subtitle": book.subtitle or "",
        "summary": book.summary or "",
    }
    avoid: list[str] = []
    tallies: dict[str, _Tally] = {}
    reasons: list[tuple[str, str]] = []
    order = 0
    for field_name, weight in _FIELD_WEIGHTS:
        if field_name == "main elements":
            wanted, negated = _scan(texts[field_name])
            for _phrase, motif in negated:
                if motif not in avoid:
                    avoid.append(motif)
        else:
            # In prose ("she never saw the sea again") a negation only keeps the word from counting;
            # ruling a motif out is for the author's explicit main elements.
            wanted, _ = _scan(texts[field_name], _PROSE_NEGATION_CUES)
        for position, (phrase, motif) in enumerate(wanted):
            tally = tallies.setdefault(motif, _Tally(order=order))
            order += 1
            # Repeats count, with diminishing returns; in main elements, earlier items lead.
            bonus = 0.5 / (1 + position) if field_name == "main elements" else 0.0
            factor = 0.5 if field_name == "summary" and motif in _WEAK_IN_FICTION and genre in _FICTION else 1.0
            tally.score += factor * weight / (1 + tally.mentions) + bonus
            tally.mentions += 1
            if not tally.source:
                tally.source = f"{field_name}: '{phrase}'"
            if (phrase, motif) not in reasons:
                reasons.append((phrase, motif))
    # Some words mean another thing in a genre: a ship in science fiction flies.
    for word, meant in _GENRE_MEANING.get(genre, {}).items():
        if word in tallies and meant not in avoid:
            moved = tallies.pop(word)
            target = tallies.setdefault(meant, _Tally(order=moved.order))
            target.score += moved.score
            target.order = min(target.order, moved.order)
            target.source = target.source or moved.source
            reasons = [(phrase, meant if motif == word else motif) for phrase, motif in reasons]
    for motif in avoid:
        tallies.pop(motif, None)
    # One passing mention of "business" in a novel's summary does not make a chart cover.
    for motif in [m for m, t in tallies.items() if m in _WEAK_IN_FICTION and genre in _FICTION and t.score < 1.0]:
        del tallies[motif]

    ranked = sorted(
        tallies.items(),
        key=lambda kv: (-kv[1].score * _HERO_FACTOR.get(MOTIFS[kv[0]].category, 1.0), kv[1].order, kv[0]),
    )[:MAX_MOTIFS]
    # Reasons explain what is on the cover: words whose motif did not make the cut are left out.
    shown = {name for name, _ in ranked}
    reasons = [r for r in reasons if r[1] in shown]
    motifs: list[MotifChoice] = []
    if ranked:
        top = ranked[0][1].score * _HERO_FACTOR.get(MOTIFS[ranked[0][0]].category, 1.0)
        for i, (name, tally) in enumerate(ranked):
            rel = tally.score * _HERO_FACTOR.get(MOTIFS[name].category, 1.0) / top
            weight = 1.0 if i == 0 else round(min(0.85, 0.35 + 0.5 * rel), 2)
            motifs.append(MotifChoice(name, weight, tally.source))

    # Too little in the text: the genre's conventions fill in (never what the author ruled out).
    wanted_total = 2 if len(motifs) >= 2 else 3
    if len(motifs) < wanted_total:
        label = subgenre or genre
        defaults = SUBGENRE_MOTIFS.get(subgenre) or GENRE_MOTIFS.get(genre, ())
        default_weights = (1.0, 0.55, 0.45, 0.4)
        for name in defaults:
            if len(motifs) >= wanted_total:
                break
            if name in avoid or any(m.name == name for m in motifs):
                continue
            weight = default_weights[min(len(motifs), 3)]
            motifs.append(MotifChoice(name, weight, f"genre default ({label})"))

    chosen_mood = mood if mood in MOODS else _infer_mood(texts, genre, subgenre)
    chosen_palette = palettes.choose_palette(
        family=palette if palette in COLOR_PALETTES else None,
        genre=genre,
        subgenre=subgenre,
        mood=chosen_mood,
        audience=book.target_audience,
        seed=seed,
    )
    if palette not in COLOR_PALETTES:
        chosen_palette = _colored_by_words(chosen_palette, texts["main elements"], genre, subgenre, chosen_mood, seed)
    names = [m.name for m in motifs]
    setting = choose_setting(names, genre)
    if subgenre in _ONE_OBJECT_SUBGENRES and names and MOTIFS[names[0]].category in ("flora", "object", "element"):
        # Dark romance convention: one object on a dark field, not a garden.
        setting = "symbolic"
    lighting = choose_lighting(
        names,
        mood=chosen_mood,
        setting=setting,
        palette=chosen_palette,
        text=" ".join(texts.values()),
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
    )
    return with_prompt(brief)


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


def _infer_mood(texts: dict[str, str], genre: str, subgenre: str) -> str:
    default = SUBGENRE_MOODS.get(subgenre) or GENRE_MOODS.get(genre, "melancholic")
    stems = normalise_words(" ".join(texts.values()))
    joined = " " + " ".join(stems) + " "
    counts: dict[str, int] = {}
    for name, vocabulary in MOOD_WORDS.items():
        total = 0
        for word in vocabulary:
            key = " " + " ".join(normalise_words(word)) + " "
            total += joined.count(key)
        counts[name] = total
    # The genre's own mood gets a head start: the text must lean clearly elsewhere to override it.
    counts[default] = counts.get(default, 0) + 1
    best = max(MOODS, key=lambda m: (counts.get(m, 0), m == default))
    if best != default and counts[best] >= 2 and counts[best] > counts[default]:
        return best
    return default


def choose_setting(names: list[str], genre: str) -> str:
    if not names:
        return "abstract"
    hero = names[0]
    setting = _SETTING_OF.get(hero) or _SETTING_OF_CATEGORY[MOTIFS[hero].category]
    others = {_SETTING_OF.get(n) for n in names[1:]}
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
    names: list[str], *, mood: str, setting: str, palette: Palette, text: str, rng: random.Random
) -> str:
    for word in normalise_words(text):
        if word in _LIGHTING_STEMS:
            return _LIGHTING_STEMS[word]
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


_LIGHTING_STEMS: dict[str, str] = {normalise_words(k)[0]: v for k, v in _LIGHTING_WORDS.items()}


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


def compose_prompt(brief: Brief) -> str:
    """A plain-text description of the picture, as one would send to an image model."""
    parts = [f"Cover artwork for a {_book_kind(brief.genre, brief.subgenre)}, with no text or lettering."]
    if brief.motifs:
        parts.append(f"Focal point: {motif_noun(brief.motifs[0].name)}, large and central.")
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
