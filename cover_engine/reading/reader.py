"""Reading a book: every field read for its phrases (see phrases.py), then weighed together.

Main elements count most, then the title, the subtitle and the summary; repeats count with
diminishing returns; a noun's part in its phrase (head, protagonist, possessor, modifier) scales
it. The result is a ``Reading``: ranked subjects, setting, characters, mood cues, exclusions and
what was recognised as not drawable.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..lexicon import MOTIFS, normalise_words
from . import wordlists as wl
from .model import FIELDS, Character, ColorCue, Excluded, Ignored, Reading, Setting, Subject
from .phrases import NOUN_KINDS, TIME_INDEX, Field, Item, apposition, negate, read_field

FIELD_WEIGHTS: dict[str, float] = {"main elements": 3.0, "title": 2.0, "subtitle": 1.5, "summary": 1.0}
# Weather and elements make fine supporting subjects but rarely a good focal point.
HERO_FACTOR: dict[str, float] = {"weather": 0.6, "element": 0.7}
# How much a noun counts by the part it plays in its phrase.
ROLE_FACTOR: dict[str, float] = {
    "head": 1.0,
    "protagonist": 1.5,  # named in apposition: "Benny the Brave Little Bear"
    "possessor": 0.8,  # "the dragon's egg"
    "modifier": 0.6,  # "moon balloon": the balloon is the thing, the moon its kind
    "place": 0.5,  # brought by a place name: Baghdad's desert
}

# In a novel's summary "business", "data" or "success" rarely describe the picture.
WEAK_IN_FICTION = frozenset({"chart", "arrows", "grid", "mind", "globe", "compass", "clock"})
FICTION = frozenset(
    {
        "fantasy", "romance", "thriller", "mystery", "science-fiction", "horror", "historical-fiction",
        "contemporary-fiction", "young-adult", "childrens", "poetry",
    }
)  # fmt: skip
# Some words mean another thing in a genre: a ship in science fiction flies.
GENRE_MEANING: dict[str, dict[str, str]] = {
    "science-fiction": {"ship": "spaceship", "boat": "spaceship", "train": "spaceship"},
}


@dataclass
class _Tally:
    name: str
    words: str  # the first wording that asked for it
    order: int
    drawable: bool
    score: float = 0.0
    mentions: list[str] = field(default_factory=list)
    fields: set[str] = field(default_factory=set)
    attributes: list[str] = field(default_factory=list)
    color: str = ""
    count: int = 1


class _Book:
    """Accumulates what the fields say, in field order (main elements first)."""

    def __init__(self, genre: str) -> None:
        self.genre = genre
        self.tallies: dict[str, _Tally] = {}
        self.order = 0
        self.characters: list[Character] = []
        self.ignored: list[Ignored] = []
        self.colors: list[ColorCue] = []
        self.excluded: list[Excluded] = []
        self.place = ""
        self.place_kind = ""
        self.era = ""

    def mention(self, name: str, words: str, source: str, amount: float, item: Item | None = None) -> None:
        name = GENRE_MEANING.get(self.genre, {}).get(name, name)
        tally = self.tallies.get(name)
        if tally is None:
            tally = self.tallies[name] = _Tally(name, words, self.order, name in MOTIFS)
        self.order += 1
        tally.score += amount / (1 + len(tally.mentions))
        tally.mentions.append(words)
        tally.fields.add(source)
        if item is not None:
            tally.attributes.extend(a for a in item.attributes if a not in tally.attributes)
            tally.color = tally.color or item.color
            tally.count = max(tally.count, item.count)

    def read(self, fld: Field) -> None:
        self.excluded.extend(negate(fld))
        self.characters.extend(apposition(fld))
        weight = FIELD_WEIGHTS[fld.name]
        position = 0
        for n, item in enumerate(fld.items):
            words = fld.words(item.start, item.end)
            if item.kind in ("idiom", "name", "self"):
                if not any(i.words == words and i.why == item.value for i in self.ignored):
                    self.ignored.append(Ignored(words, item.value, fld.name))
            elif item.kind == "place":
                self._place(fld, item, words)
            elif item.kind == "era":
                self.era = self.era or item.value
            elif item.kind == "color":
                self._color(fld, n, item, words)
            elif item.kind in NOUN_KINDS and not item.negated:
                self._noun(fld, item, words, weight, position)
                position += item.role in ("head", "protagonist")

    def _place(self, fld: Field, item: Item, words: str) -> None:
        self.place = self.place or " ".join(t.text for t in fld.tokens[item.start : item.end])
        self.place_kind = self.place_kind or item.value
        self.ignored.append(Ignored(words, f"place name: a {item.value}", fld.name))
        for motif in wl.PLACE_MOTIFS.get(item.value, ()):
            amount = FIELD_WEIGHTS[fld.name] * ROLE_FACTOR["place"]
            self.mention(motif, words, fld.name, amount)

    def _color(self, fld: Field, n: int, item: Item, words: str) -> None:
        color, _, target = item.value.partition(">")
        if not target:
            # A colour on no noun, or on the cover's own words ("teal sky", "gold accents"), is the cover's.
            nxt = fld.items[n + 1] if n + 1 < len(fld.items) else None
            if nxt is not None and nxt.kind == "cover" and nxt.start == item.end:
                words = fld.words(item.start, nxt.end)
            target = "cover"
        self.colors.append(ColorCue(color, target, words, fld.name))

    def _noun(self, fld: Field, item: Item, words: str, weight: float, position: int) -> None:
        if item.role in ("worn", "material"):
            self.ignored.append(Ignored(words, f"{item.role}: an attribute of a subject, not a subject", fld.name))
            return
        if item.kind == "person" and item.role in ("possessor", "modifier"):
            self.ignored.append(Ignored(words, "describes the person it qualifies", fld.name))
            return
        if fld.tokens[item.start].low in wl.PEOPLE_GROUP and fld.name == "main elements":
            return
        factor = ROLE_FACTOR.get(item.role, 1.0)
        if fld.name == "summary" and item.value in WEAK_IN_FICTION and self.genre in FICTION:
            factor *= 0.5
        bonus = 0.5 / (1 + position) if fld.name == "main elements" and item.role == "head" else 0.0
        self.mention(item.value, words, fld.name, factor * weight + bonus, item)
        if item.kind == "person":
            owner = " ".join(a for a in item.attributes if a.endswith("'s"))
            age = item.age or next((a for a in item.attributes if a in ("old", "young", "little")), "")
            role = f"{owner} {item.person}".strip() if owner else item.person
            self.characters.append(Character(item.person, "", item.count, age, role, words, fld.name))
        elif item.kind == "motif" and MOTIFS[item.value].category == "figure":
            self.characters.append(Character(words, "", item.count, "", "", words, fld.name))

    def subjects(self) -> tuple[Subject, ...]:
        ruled_out = {m for e in self.excluded for m in e.subjects}
        kept = []
        for t in self.tallies.values():
            if t.name in ruled_out:
                continue
            # One passing mention of "business" in a novel's summary does not make a chart cover.
            if t.name in WEAK_IN_FICTION and self.genre in FICTION and t.score < 1.0:
                continue
            source = min(t.fields, key=FIELDS.index)
            kept.append(
                Subject(
                    name=t.name,
                    words=t.words,
                    source=source,
                    salience=round(t.score, 4),
                    drawable=t.drawable,
                    attributes=tuple(t.attributes),
                    color=t.color,
                    count=t.count,
                    order=t.order,
                    mentions=tuple(dict.fromkeys(t.mentions)),
                )
            )
        kept.sort(key=lambda s: (-s.salience * hero_factor(s.name), s.order, s.name))
        return tuple(kept)


def hero_factor(name: str) -> float:
    info = MOTIFS.get(name)
    return HERO_FACTOR.get(info.category, 1.0) if info else 1.0


def _time_of_day(fields: list[Field]) -> str:
    for fld in fields:
        skip = {i for it in fld.items if it.kind in ("idiom", "name") for i in range(it.start, it.end)}
        for i, tok in enumerate(fld.tokens):
            if i not in skip and tok.stem in TIME_INDEX:
                return TIME_INDEX[tok.stem]
    return ""


def era_of_year(year: int) -> str:
    """The era a year or decade evokes: 1850 -> "victorian", 1925 -> "1920s", 2300 -> "future"."""
    if year > 2100:
        return "future"
    if year < 1485:
        return "medieval"
    for start, end, era in ((1811, 1820, "regency"), (1837, 1900, "victorian"), (1901, 1913, "edwardian")):
        if start <= year <= end:
            return era
    return f"{year // 10 * 10}s"


def _era_from_years(fields: list[Field]) -> str:
    for fld in fields:
        for tok in fld.tokens:
            digits = tok.low[:-1] if tok.low.endswith("s") else tok.low
            if len(digits) == 4 and digits.isdigit() and 1000 <= int(digits) <= 2999:
                return era_of_year(int(digits))
    return ""


def _mood_cues(texts: list[str]) -> tuple[tuple[str, str], ...]:
    joined = " " + " ".join(normalise_words(" ".join(texts))) + " "
    cues: list[tuple[str, str]] = []
    for mood, vocabulary in wl.MOOD_WORDS.items():
        for word in vocabulary:
            key = " " + " ".join(normalise_words(word)) + " "
            cues.extend((mood, word) for _ in range(joined.count(key)))
    return tuple(cues)


def _merged(characters: list[Character]) -> tuple[Character, ...]:
    """One entry per character: the daughter of the title and of the summary are one person."""
    merged: dict[tuple[str, str], Character] = {}
    for c in characters:
        key = (c.who, c.name)
        if key in merged:
            known = merged[key]
            merged[key] = replace(known, role=known.role or c.role, age=known.age or c.age)
        else:
            merged[key] = c
    return tuple(merged.values())


def read_book(title: str, subtitle: str, summary: str, main_elements: str, genre: str, subgenre: str = "") -> Reading:
    """Read the book's text for what its cover should show. Pure and deterministic."""
    texts = {"main elements": main_elements, "title": title, "subtitle": subtitle, "summary": summary}
    fields = [read_field(name, texts[name] or "", literal=genre in FICTION) for name in FIELDS]
    book = _Book(genre)
    for fld in fields:
        book.read(fld)
    subjects = book.subjects()

    def of(category: str) -> tuple[str, ...]:
        return tuple(s.name for s in subjects if s.drawable and MOTIFS[s.name].category == category)

    nouns = tuple(s.name for s in subjects if s.name in wl.ARCHITECTURE and not s.drawable)
    setting = Setting(
        place=book.place,
        place_kind=book.place_kind,
        era=book.era or _era_from_years(fields),
        architecture=of("architecture") + nouns,
        landscape=of("landscape"),
        weather=of("weather"),
        time_of_day=_time_of_day(fields),
    )
    return Reading(
        subjects=subjects,
        setting=setting,
        characters=_merged(book.characters),
        mood=_mood_cues([texts[name] or "" for name in FIELDS]),
        excluded=tuple(book.excluded),
        ignored=tuple(book.ignored),
        colors=tuple(book.colors),
    )
