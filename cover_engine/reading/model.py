"""What a reading of a book finds: plain frozen data, no behaviour beyond small look-ups."""

from __future__ import annotations

from dataclasses import dataclass, field

# Where a mention was read, most authoritative first: the author's explicit main elements outrank
# the title, which outranks the subtitle and the summary.
FIELDS: tuple[str, ...] = ("main elements", "title", "subtitle", "summary")


@dataclass(frozen=True)
class Subject:
    """One thing the book asks to be pictured, with everything said about it."""

    name: str  # a lexicon motif name when drawable, else the noun's lemma ("carpet")
    words: str  # the words that asked for it, as written (folded): "moon balloon", "daughter"
    source: str  # the most authoritative field it was read in (one of FIELDS)
    salience: float  # how much the book insists on it (field weight, repeats, role)
    drawable: bool  # the lexicon has a picture for it
    attributes: tuple[str, ...] = ()  # "little", "flying", "red coat", "silk", "in 'moon balloon'"
    color: str = ""  # a palettes.COLOR_WORDS name that colours this subject only ("red" rose)
    count: int = 1  # 2 or more when the text speaks of several
    order: int = 0  # first appearance across the fields, main elements first
    mentions: tuple[str, ...] = ()  # every distinct wording that asked for it, first first

    @property
    def field_rank(self) -> int:
        return FIELDS.index(self.source) if self.source in FIELDS else len(FIELDS)


@dataclass(frozen=True)
class Character:
    who: str  # "woman", "detective", "bear", or "" when only a name is known
    name: str = ""  # "Benny", "Pip"
    count: int = 1
    age: str = ""  # "child", "young", "old" or ""
    role: str = ""  # "merchant's daughter", "protagonist", "star witness"...
    words: str = ""
    source: str = ""


@dataclass(frozen=True)
class Setting:
    place: str = ""  # a proper place name as written: "Baghdad"
    place_kind: str = ""  # what kind of place it is: "desert city", "canal city"
    era: str = ""  # "medieval", "victorian", "1920s", "future"...
    architecture: tuple[str, ...] = ()
    landscape: tuple[str, ...] = ()
    weather: tuple[str, ...] = ()
    time_of_day: str = ""  # a Brief lighting name: "dawn", "day", "dusk", "night", "candle", "storm"...


@dataclass(frozen=True)
class ColorCue:
    color: str  # a palettes.COLOR_WORDS name
    target: str  # the noun it colours ("coat", "rose"), or "cover" when it speaks of the whole cover
    words: str  # the colour phrase as written, with its "accents"/"background" tail when there is one
    source: str


@dataclass(frozen=True)
class Excluded:
    words: str  # "no dragons"
    subjects: tuple[str, ...]  # the lexicon motifs it rules out (may be empty: "no puns")


@dataclass(frozen=True)
class Ignored:
    words: str
    why: str
    source: str = ""


@dataclass(frozen=True)
class Reading:
    subjects: tuple[Subject, ...]  # ranked: the hero candidate first
    setting: Setting
    characters: tuple[Character, ...]
    mood: tuple[tuple[str, str], ...]  # (mood, words) cues, one per occurrence
    excluded: tuple[Excluded, ...]
    ignored: tuple[Ignored, ...]
    colors: tuple[ColorCue, ...] = field(default=())

    def drawable(self) -> tuple[Subject, ...]:
        return tuple(s for s in self.subjects if s.drawable)

    def unmatched(self) -> tuple[Subject, ...]:
        """What the book asked for that the lexicon cannot draw (yet)."""
        return tuple(s for s in self.subjects if not s.drawable)

    def excluded_motifs(self) -> tuple[str, ...]:
        seen: list[str] = []
        for item in self.excluded:
            seen.extend(m for m in item.subjects if m not in seen)
        return tuple(seen)

    def cover_colors(self, source: str = "main elements") -> tuple[ColorCue, ...]:
        return tuple(c for c in self.colors if c.target == "cover" and c.source == source)
