"""Reading a book: phrases first, then the nouns they head, then what is said about each noun.

Each field (main elements, title, subtitle, summary) is read the same way:

1. set phrases are claimed before any single word can be: idioms and compounds ("star witness",
   "night court"), known places ("Baghdad"), proper names ("Willow End", "Benny"), eras, the book
   naming itself in its title ("The Book of ...");
2. the remaining words are looked up in the motif lexicon (longest phrase first), among people
   ("daughter", "merchant") and among concrete nouns ("balloon", "carpet");
3. each noun then takes what surrounds it: colours and size/pose words to its left ("a red
   rose", "the brave little bear"), a head noun to its right that it merely qualifies ("moon
   balloon", "silk merchant"), a possessor ("the merchant's daughter"), clothing ("a woman in a
   red coat"), a name in apposition ("Benny the ... Bear").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..lexicon import MOTIFS, PHRASE_INDEX, STOP_PHRASES, normalise_words, stem
from ..palettes import COLOR_WORDS
from . import wordlists as wl
from .model import FIELDS, Character, ColorCue, Excluded, Ignored, Reading, Setting, Subject
from .tokens import Token, can_be_adjective, can_be_noun, can_be_verb, lemma, readings, tokenize

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


def _index(phrases: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {tuple(normalise_words(p)): v for p, v in phrases.items() if normalise_words(p)}


_IDIOMS = _index({**{p: "common phrase" for p in STOP_PHRASES}, **wl.IDIOMS})
_PLACES = _index(wl.PLACES)
_ERAS = _index(wl.ERAS)
_TIME = {stem(k): v for k, v in wl.TIME_WORDS.items()}
_COLORS = {tuple(c.split()): c for c in COLOR_WORDS}
_PEOPLE = {stem(k): (k, v) for k, v in wl.PEOPLE.items()}
_CONCRETE = {stem(w) for w in wl.CONCRETE}
_CLOTHING = {stem(w) for w in wl.CLOTHING}
_FUNCTION_PHRASES = _index(dict.fromkeys(wl.FUNCTION_PHRASES, "function"))
_NOT_NOUNS = (
    wl.LAYOUT_WORDS
    | wl.ATTRIBUTES
    | wl.MATERIALS
    | wl.NEGATION_CUES
    | wl.COVER_WORDS
    | set(wl.NUMBERS)
    | set(wl.TIME_WORDS)
)
_MAX = max(len(k) for k in (*_IDIOMS, *_PLACES, *_ERAS, *_FUNCTION_PHRASES, *PHRASE_INDEX))


@dataclass
class _Item:
    """A claimed span of a field's tokens and what it is."""

    kind: str  # motif | person | noun | idiom | place | name | era | self | color | cover | time
    start: int
    end: int
    value: str = ""  # motif name, noun lemma, place kind, colour name, why ...
    role: str = "head"
    attributes: list[str] = field(default_factory=list)
    color: str = ""
    count: int = 1
    negated: bool = False
    person: str = ""  # the people word ("daughter") for kind == person
    age: str = ""


@dataclass
class _Field:
    name: str
    tokens: list[Token]
    items: list[_Item] = field(default_factory=list)

    def words(self, start: int, end: int) -> str:
        return " ".join(t.low for t in self.tokens[start:end])

    def item_at(self, index: int) -> _Item | None:
        return next((it for it in self.items if it.start == index), None)


def _longest(index: dict[tuple[str, ...], str], stems: list[str], i: int) -> tuple[int, str]:
    for size in range(min(_MAX, len(stems) - i), 0, -1):
        found = index.get(tuple(stems[i : i + size]))
        if found is not None:
            return size, found
    return 0, ""


def _is_function(tok: Token) -> bool:
    return tok.low in wl.FUNCTION_WORDS


_NUMBER_WORD = re.compile(
    r"(?:thir|four|fif|six|seven|eigh|nine)teen(?:th)?|(?:twen|thir|for|fif|six|seven|eigh|nine)t(?:y|ieth)"
    r"|eleven|twelve|hundred|thousand|million|first|second|third|fourth|fifth"
)


def _self_reference(fld: _Field, i: int) -> bool:
    """The book speaking of itself: "A Novel", "Book One", "a quiet novel about...", "this book"."""
    tok = fld.tokens[i]
    if fld.name in ("title", "subtitle"):
        return tok.low in wl.SELF_REFERENCE
    if fld.name != "summary" or tok.low not in wl.SUMMARY_SELF_REFERENCE:
        return False
    before = fld.tokens[i - 1].low if i > 0 else ""
    after = fld.tokens[i + 1].low if i + 1 < len(fld.tokens) else ""
    if tok.low != "book":
        return True
    return before in ("this", "our", "my") or after in ("about", "that", "for", "on", "is", "will", "shows")


def _name_like(toks: list[Token], i: int, title_case: bool) -> bool:
    """A capitalised word that reads as a proper name ("Benny", "Pip"), not as a common word."""
    tok = toks[i]
    if not tok.capital or _is_function(tok) or tok.low in wl.NOT_NAMES or tok.low in wl.NUMBERS or tok.low.isdigit():
        return False
    if tok.stem in _PEOPLE or tok.stem in _CONCRETE or (tok.stem,) in PHRASE_INDEX:
        return False
    if i > 0 and toks[i - 1].low in wl.DETERMINERS:
        return False  # "The Clockmaker": a name takes no article
    if _NUMBER_WORD.fullmatch(tok.low) or tok.low.endswith(wl.AGENT_SUFFIXES):
        return False
    pos = readings(tok.low)
    if not pos:
        return True  # unknown to the dictionary: "Benny", "Scheherazade"
    if "NOUN" not in pos and "ADJ" not in pos:
        # "Pip": only a base-form verb in the dictionary. "Gone", "Wanted" are verb forms, and "Learn how
        # to..." or "Discover the secrets" are imperatives: a name is followed by "and", a possessive, the
        # end, or "the" + a creature ("Pip the hedgehog").
        if not all(tok.low in forms for forms in pos.values()):
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or nxt.clause != tok.clause or tok.possessive:
            return title_case or not tok.sentence_start
        return (title_case and nxt.low == "and") or _creature_ahead(toks, i + 1)
    if tok.sentence_start and not title_case:
        return False  # "Lamps glow...": a capital that only starts the sentence
    return not title_case


def _creature_ahead(toks: list[Token], j: int) -> bool:
    """'the [brave little] hedgehog' at ``j``: an apposition naming who the name is."""
    if j >= len(toks) or toks[j].low not in ("the", "a", "an"):
        return False
    for tok in toks[j + 1 : j + 5]:
        if tok.clause != toks[j].clause:
            return False
        motif = PHRASE_INDEX.get((tok.stem,))
        if tok.stem in _PEOPLE or tok.stem in _CONCRETE or (motif and MOTIFS[motif].category in ("fauna", "figure")):
            return True
    return False


def _pictured(tok: Token) -> bool:
    return tok.stem in _PEOPLE or tok.stem in _CONCRETE or (tok.stem,) in PHRASE_INDEX or tok.low in wl.ATTRIBUTES


def _named_in_prose(toks: list[Token], i: int, end: int) -> bool:
    """In a sentence-case summary, capitals mark names even on common words: "Rose Miller" (a run
    ending in a word that is no picture), "a girl named Willow", "when Rose returns" (a capital
    not introduced by "the", as "the Moon" would be)."""
    if end - i >= 2:
        return not _pictured(toks[end - 1])
    tok = toks[i]
    if tok.sentence_start or i == 0:
        return False
    before = toks[i - 1]
    return before.low not in wl.DETERMINERS and before.low not in wl.ATTRIBUTES and not can_be_adjective(before.low)


def _claim_names(fld: _Field, i: int, stems: list[str], lows: list[str]) -> int:
    """A proper name or place starting at ``i``: claims it and returns its length (0 if none)."""
    toks = fld.tokens
    title_case = fld.name in ("title", "subtitle")
    tok = toks[i]
    if not tok.capital or _is_function(tok) or tok.stem in _PEOPLE or tok.low in wl.NUMBERS:
        return 0
    if _longest(_ERAS, stems, i)[0]:
        return 0  # "Victorian London": an era, then a place
    run = i
    while run < len(toks) and toks[run].capital and not _is_function(toks[run]) and toks[run].clause == tok.clause:
        if run > i and _longest(_PLACES, lows, run)[0]:
            break
        run += 1
        if toks[run - 1].possessive:
            break
    size = run - i
    words = " ".join(t.text for t in toks[i:run])
    if size >= 2 and toks[run - 1].low in wl.PLACE_SUFFIXES:
        fld.items.append(_Item("name", i, run, f"place name '{words}'"))
        return size
    if fld.name == "summary" and _named_in_prose(toks, i, run):
        fld.items.append(_Item("name", i, run, f"proper name '{words}'"))
        return size
    if not _name_like(toks, i, title_case):
        return 0
    if size >= 2 and _pictured(toks[run - 1]) and i > 0 and toks[i - 1].low in wl.DETERMINERS:
        return 0  # "the Dark Forest": a named forest is still a forest
    if size >= 2 and not title_case:
        fld.items.append(_Item("name", i, run, f"proper name '{words}'"))
        return size
    fld.items.append(_Item("name", i, i + 1, f"name of a character or place '{tok.text}'"))
    return 1


def _scan(fld: _Field) -> None:
    """Claim every span of the field: set phrases first, then lexicon phrases, people and nouns."""
    toks = fld.tokens
    stems = [t.stem for t in toks]
    lows = [t.low for t in toks]
    i = 0
    while i < len(toks):
        tok = toks[i]
        size, why = _longest(_IDIOMS, stems, i)
        motif_size, motif = _longest(PHRASE_INDEX, stems, i)
        if size and size >= motif_size:
            fld.items.append(_Item("idiom", i, i + size, why))
            i += size
            continue
        size, _ = _longest(_FUNCTION_PHRASES, stems, i)
        if size > motif_size:
            i += size
            continue
        size, kind = _longest(_PLACES, lows, i) if tok.capital or fld.name == "main elements" else (0, "")
        if size:
            fld.items.append(_Item("place", i, i + size, kind))
            i += size
            continue
        size = _claim_names(fld, i, stems, lows)
        if size:
            i += size
            continue
        size, era = _longest(_ERAS, stems, i)
        if size and size >= motif_size:
            fld.items.append(_Item("era", i, i + size, era))
            i += size
            continue
        if _self_reference(fld, i):
            fld.items.append(_Item("self", i, i + 1, f"the book naming itself ('{tok.text}')"))
            i += 1
            continue
        pair = tuple(lows[i : i + 2])
        if len(pair) == 2 and pair in _COLORS:
            fld.items.append(_Item("color", i, i + 2, _COLORS[pair]))
            i += 2
            continue
        if (tok.low,) in _COLORS and not (motif_size > 1):
            fld.items.append(_Item("color", i, i + 1, _COLORS[(tok.low,)]))
            i += 1
            continue
        if motif_size and not (motif_size == 1 and tok.stem in _PEOPLE and MOTIFS[motif].category != "figure"):
            # A colour inside a motif's own phrase ("red rose", "black sun") still colours it.
            color = next((_COLORS[(t.low,)] for t in toks[i : i + motif_size] if (t.low,) in _COLORS), "")
            fld.items.append(_Item("motif", i, i + motif_size, motif, color=color))
            i += motif_size
            continue
        if tok.stem in _PEOPLE:
            word, (figure, age) = _PEOPLE[tok.stem]
            fld.items.append(_Item("person", i, i + 1, figure, person=word, age=age))
        elif tok.low.endswith(wl.AGENT_SUFFIXES) and len(tok.low) > 7 and not can_be_verb(tok.low):
            fld.items.append(_Item("person", i, i + 1, "lone_figure", person=tok.low))
        elif tok.low in wl.COVER_WORDS:
            fld.items.append(_Item("cover", i, i + 1, tok.low))
        elif tok.low in wl.ATTRIBUTES and _describes_next(toks, i):
            pass  # "a giant star", "a baby dragon": here the word describes what follows
        elif tok.stem in _CONCRETE or lemma(tok.low) in _CONCRETE:
            fld.items.append(_Item("noun", i, i + 1, lemma(tok.low)))
        elif (
            fld.name == "main elements"
            and not _is_function(tok)
            and can_be_noun(tok.low)
            and tok.low not in _NOT_NOUNS
            and tok.stem not in _TIME
            and not tok.low.isdigit()
            and not (i + 1 < len(toks) and toks[i + 1].clause == tok.clause and _nounish(toks[i + 1]))
            and not (_describes_next(toks, i) and can_be_adjective(tok.low))
        ):
            fld.items.append(_Item("noun", i, i + 1, lemma(tok.low)))
        i += 1
    fld.items.sort(key=lambda it: it.start)


def _describes_next(toks: list[Token], i: int) -> bool:
    """Whether the word at ``i`` stands before another content word of its clause ("giant star")."""
    return i + 1 < len(toks) and toks[i + 1].clause == toks[i].clause and not _is_function(toks[i + 1])


_NOUN_KINDS = frozenset({"motif", "person", "noun"})


def _nounish(tok: Token) -> bool:
    """Could head a noun phrase right after another noun ("moon balloon", "silk merchant")."""
    if _is_function(tok) or tok.low in wl.ATTRIBUTES:
        return False
    inflected = tok.low.endswith(("s", "ed", "ing")) and can_be_verb(tok.low)
    if tok.stem in _PEOPLE or tok.stem in _CONCRETE or tok.stem in _CLOTHING:
        return not (inflected and not tok.capital and tok.low.endswith(("ed", "ing")))
    if inflected:
        return False
    return can_be_noun(tok.low) and not can_be_verb(tok.low) and not can_be_adjective(tok.low)


def _relate(fld: _Field) -> None:
    """Attach colours, attributes, compounds, possessors and clothing to the nouns they belong to."""
    toks = fld.tokens
    items = fld.items
    by_start = {it.start: it for it in items}
    covering = {k: it for it in items for k in range(it.start, it.end)}
    for n, item in enumerate(items):
        if item.kind not in _NOUN_KINDS:
            continue
        # Left: "two little red ..." up to a determiner or a word that is no attribute.
        k = item.start - 1
        while k >= 0 and toks[k].clause == toks[item.start].clause:
            tok = toks[k]
            left = covering.get(k)
            if left is not None and left.kind == "color":
                base = left.value.split(">")[0]
                item.color = item.color or base
                left.role = "attached"
                left.value = f"{base}>{_noun_word(fld, item)}"
                k = left.start - 1
                continue
            if left is not None and left.kind != "idiom":
                break
            if tok.low in wl.NUMBERS:
                item.count = max(item.count, wl.NUMBERS[tok.low])
            elif tok.low in wl.ATTRIBUTES or tok.low in wl.MATERIALS:
                item.attributes.insert(0, tok.low)
            elif tok.low.endswith("ing") and can_be_verb(tok.low) and not _is_function(tok):
                item.attributes.insert(0, tok.low)
            elif can_be_adjective(tok.low) and not can_be_noun(tok.low) and not _is_function(tok):
                item.attributes.insert(0, tok.low)
            elif tok.low not in wl.DETERMINERS:
                break
            k -= 1
        last = toks[item.end - 1]
        if item.count == 1 and last.low != last.stem and last.low.endswith("s") and item.kind != "person":
            item.count = 2
        nxt = items[n + 1] if n + 1 < len(items) else None
        adjacent = nxt is not None and nxt.start == item.end and toks[nxt.start].clause == last.clause
        # "The merchant's daughter": the possessor qualifies the noun it owns.
        if (
            last.possessive
            and nxt is not None
            and nxt.kind in _NOUN_KINDS
            and _gap_is_attributes(toks, item.end, nxt.start)
        ):
            item.role = "possessor"
            # "The Silk Merchant's Daughter": the daughter is the subject, silk her family's trade.
            owner = " ".join([*item.attributes, fld.words(item.start, item.end)])
            nxt.attributes.append(f"{owner}'s")
        elif adjacent and nxt.kind in _NOUN_KINDS and _nounish(toks[nxt.start]) and _singular(last):
            item.role = "modifier"
            item.attributes.append(f"in '{fld.words(item.start, nxt.end)}'")
        # "a woman in a red coat": the coat is the woman's.
        if item.end < len(toks) and toks[item.end].low in ("in", "with", "wearing") and item.role == "head":
            j = item.end + 1
            while j < len(toks) and toks[j].low in wl.DETERMINERS and toks[j].clause == last.clause:
                j += 1
            color = None
            if j in by_start and by_start[j].kind == "color":
                color = by_start[j]
                j = color.end
            while j < len(toks) and toks[j].low in wl.ATTRIBUTES | wl.MATERIALS:
                j += 1
            if j < len(toks) and toks[j].stem in _CLOTHING:
                worn = by_start.get(j)
                words = ((color.value.split(">")[0] + " ") if color else "") + toks[j].low
                item.attributes.append(words)
                if color is not None:
                    color.role = "attached"
                    color.value = f"{color.value.split('>')[0]}>{toks[j].low}"
                if worn is not None:
                    worn.role = "worn"
    # Materials inside compounds are attributes: "silk" in "The Silk Merchant's Daughter".
    for item in items:
        if item.kind == "noun" and item.role == "modifier" and item.value in wl.MATERIALS:
            item.role = "material"


def _noun_word(fld: _Field, item: _Item) -> str:
    return fld.tokens[item.end - 1].low


def _singular(tok: Token) -> bool:
    return tok.low == tok.stem or not tok.low.endswith("s")


def _gap_is_attributes(toks: list[Token], start: int, end: int) -> bool:
    return all(t.low in wl.ATTRIBUTES or can_be_adjective(t.low) for t in toks[start:end])


def _negate(fld: _Field) -> list[Excluded]:
    """Mark negated nouns; in main elements they are ruled out, in prose they only stop counting."""
    cues = wl.NEGATION_CUES if fld.name == "main elements" else wl.PROSE_NEGATION_CUES
    toks = fld.tokens
    excluded: list[Excluded] = []
    cue_positions: dict[int, list[int]] = {}
    for i, tok in enumerate(toks):
        if tok.low in cues:
            cue_positions.setdefault(tok.clause, []).append(i)
    for item in fld.items:
        if item.kind not in _NOUN_KINDS and not (item.kind == "idiom" or item.kind == "cover"):
            continue
        start = item.start
        clause = toks[start].clause
        before = [i for i in cue_positions.get(clause, ()) if i < start]
        if not before:
            continue
        # "no dragons and a castle": a fresh determiner after "and" starts a wanted item again.
        fresh = any(
            toks[i].low == "and" and i + 1 < len(toks) and toks[i + 1].low in wl.DETERMINERS | {"with", "plus"}
            for i in range(before[-1] + 1, start)
        )
        if fresh or item.kind not in _NOUN_KINDS:
            continue
        item.negated = True
        if fld.name == "main elements":
            words = fld.words(before[-1], item.end)
            if fld.tokens[item.start].low in wl.PEOPLE_GROUP:
                figures = tuple(m for m in MOTIFS if MOTIFS[m].category == "figure")
                excluded.append(Excluded(words, figures))
            elif item.kind in ("motif", "person") and item.value in MOTIFS:
                excluded.append(Excluded(words, (item.value,)))
            else:
                excluded.append(Excluded(words, ()))
    return excluded


def _read_field(name: str, text: str) -> _Field:
    fld = _Field(name, tokenize(text or ""))
    _scan(fld)
    # "without people" is said about figures even though "people" is no concrete noun.
    for i, tok in enumerate(fld.tokens):
        if tok.low in wl.PEOPLE_GROUP and not any(it.start <= i < it.end for it in fld.items):
            fld.items.append(_Item("noun", i, i + 1, tok.low))
    fld.items.sort(key=lambda it: it.start)
    _relate(fld)
    return fld


def _apposition(fld: _Field) -> list[Character]:
    """A name followed by "the ... bear" (or ", a little bear") makes the bear the protagonist."""
    found: list[Character] = []
    toks = fld.tokens
    for n, item in enumerate(fld.items):
        if item.kind != "name" or item.value.startswith("place"):
            continue
        j = item.end
        if j < len(toks) and toks[j].low in ("the", "a", "an"):
            nxt = next((it for it in fld.items[n + 1 :] if it.kind in _NOUN_KINDS), None)
            if nxt is not None and _gap_is_attributes(toks, j + 1, nxt.start) and nxt.role in ("head", "modifier"):
                target = nxt
                while target.role == "modifier":
                    later = [it for it in fld.items if it.start == target.end and it.kind in _NOUN_KINDS]
                    if not later:
                        break
                    target = later[0]
                target.role = "protagonist"
                who = target.person or (target.value if target.kind == "noun" else _noun_word(fld, target))
                name = " ".join(t.text for t in toks[item.start : item.end])
                found.append(
                    Character(
                        who=who, name=name, role="protagonist", words=fld.words(item.start, target.end), source=fld.name
                    )
                )
    return found


@dataclass
class _Tally:
    name: str
    words: str
    source: str
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

    def mention(self, name: str, words: str, source: str, amount: float, item: _Item | None = None) -> None:
        name = GENRE_MEANING.get(self.genre, {}).get(name, name)
        tally = self.tallies.get(name)
        if tally is None:
            tally = self.tallies[name] = _Tally(name, words, source, self.order, name in MOTIFS)
        self.order += 1
        tally.score += amount / (1 + len(tally.mentions))
        tally.mentions.append(words)
        tally.fields.add(source)
        if item is not None:
            tally.attributes.extend(a for a in item.attributes if a not in tally.attributes)
            tally.color = tally.color or item.color
            tally.count = max(tally.count, item.count)

    def read(self, fld: _Field) -> None:
        self.excluded.extend(_negate(fld))
        self.characters.extend(_apposition(fld))
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
            elif item.kind in _NOUN_KINDS and not item.negated:
                self._noun(fld, item, words, weight, position)
                position += item.role in ("head", "protagonist")

    def _place(self, fld: _Field, item: _Item, words: str) -> None:
        self.place = self.place or " ".join(t.text for t in fld.tokens[item.start : item.end])
        self.place_kind = self.place_kind or item.value
        self.ignored.append(Ignored(words, f"place name: a {item.value}", fld.name))
        for motif in wl.PLACE_MOTIFS.get(item.value, ()):
            amount = FIELD_WEIGHTS[fld.name] * ROLE_FACTOR["place"]
            self.mention(motif, words, fld.name, amount)

    def _color(self, fld: _Field, n: int, item: _Item, words: str) -> None:
        color, _, target = item.value.partition(">")
        if not target:
            # A colour on no noun, or on the cover's own words ("teal sky", "gold accents"), is the cover's.
            nxt = fld.items[n + 1] if n + 1 < len(fld.items) else None
            if nxt is not None and nxt.kind == "cover" and nxt.start == item.end:
                words = fld.words(item.start, nxt.end)
            target = "cover"
        self.colors.append(ColorCue(color, target, words, fld.name))

    def _noun(self, fld: _Field, item: _Item, words: str, weight: float, position: int) -> None:
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


def _time_of_day(fields: list[_Field]) -> str:
    for fld in fields:
        skip = {i for it in fld.items if it.kind in ("idiom", "name") for i in range(it.start, it.end)}
        for i, tok in enumerate(fld.tokens):
            if i not in skip and tok.stem in _TIME:
                return _TIME[tok.stem]
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


def _era_from_years(fields: list[_Field]) -> str:
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
    fields = [_read_field(name, texts[name] or "") for name in FIELDS]
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
