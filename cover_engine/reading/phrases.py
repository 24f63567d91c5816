"""Reading one field of a book: set phrases first, then the nouns they head, then what each noun is told.

1. set phrases are claimed before any single word can be: idioms and compounds ("star witness",
   "night court"), known places ("Baghdad"), proper names ("Willow End", "Benny"), eras, the book
   naming itself ("The Book of ...", "a quiet novel about ...");
2. the remaining words are looked up in the motif lexicon (longest phrase first), among people
   ("daughter", "merchant") and among concrete nouns ("balloon", "carpet");
3. each noun then takes what surrounds it: colours and size/pose words to its left ("a red
   rose", "the brave little bear"), a head noun to its right that it merely qualifies ("moon
   balloon", "silk merchant"), a possessor ("the merchant's daughter"), clothing ("a woman in a
   red coat"), a name in apposition ("Benny the ... Bear").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import CORE_MOTIFS, MOTIFS, PHRASE_INDEX, STOP_PHRASES, normalise_words, stem
from ..palettes import COLOR_WORDS
from . import wordlists as wl
from .model import Character, Excluded
from .tokens import Token, can_be_adjective, can_be_noun, can_be_verb, lemma, readings, tokenize


def _index(phrases: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {tuple(normalise_words(p)): v for p, v in phrases.items() if normalise_words(p)}


_IDIOMS = _index({**{p: "common phrase" for p in STOP_PHRASES}, **wl.IDIOMS})
_NONFICTION_IDIOMS = {**_IDIOMS, **_index(wl.NONFICTION_IDIOMS)}
_PLACES = _index(wl.PLACES)
_ERAS = _index(wl.ERAS)
TIME_INDEX = {stem(k): v for k, v in wl.TIME_WORDS.items()}
_COLORS = {tuple(c.split()): c for c in COLOR_WORDS}
_GENERIC_FIGURE = {"woman": "woman", "child": "child", "couple": "couple", "warrior": "warrior"}
# A role's own figure when the lexicon draws it, else the generic figure of its kind.
_PEOPLE = {
    stem(k): (k, (figure if figure in MOTIFS else _GENERIC_FIGURE.get(k, "lone_figure"), age))
    for k, (figure, age) in wl.PEOPLE.items()
}
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
_MAX = max(len(k) for k in (*_NONFICTION_IDIOMS, *_PLACES, *_ERAS, *_FUNCTION_PHRASES, *PHRASE_INDEX))


@dataclass
class Item:
    """A claimed span of a field's tokens and what it is."""

    kind: str  # motif | person | noun | idiom | place | name | era | self | color | cover
    start: int
    end: int
    value: str = ""  # motif name, noun lemma, place kind, colour name, why ...
    role: str = "head"  # head | protagonist | possessor | modifier | worn | material; colours: attached
    attributes: list[str] = field(default_factory=list)
    color: str = ""
    count: int = 1
    negated: bool = False
    person: str = ""  # the people word ("daughter") for kind == person
    age: str = ""


@dataclass
class Field:
    name: str
    tokens: list[Token]
    items: list[Item] = field(default_factory=list)

    def words(self, start: int, end: int) -> str:
        return " ".join(t.low for t in self.tokens[start:end])


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


def _self_reference(fld: Field, i: int) -> bool:
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


def _claim_names(fld: Field, i: int, stems: list[str], lows: list[str]) -> int:
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
        fld.items.append(Item("name", i, run, f"place name '{words}'"))
        return size
    if fld.name == "summary" and _named_in_prose(toks, i, run):
        fld.items.append(Item("name", i, run, f"proper name '{words}'"))
        return size
    if not _name_like(toks, i, title_case):
        return 0
    if size >= 2 and _pictured(toks[run - 1]) and i > 0 and toks[i - 1].low in wl.DETERMINERS:
        return 0  # "the Dark Forest": a named forest is still a forest
    if size >= 2 and not title_case:
        fld.items.append(Item("name", i, run, f"proper name '{words}'"))
        return size
    fld.items.append(Item("name", i, i + 1, f"name of a character or place '{tok.text}'"))
    return 1


def _scan(fld: Field, literal: bool) -> None:
    """Claim every span of the field: set phrases first, then lexicon phrases, people and nouns."""
    toks = fld.tokens
    stems = [t.stem for t in toks]
    lows = [t.low for t in toks]
    i = 0
    while i < len(toks):
        tok = toks[i]
        size, why = _longest(_IDIOMS if literal else _NONFICTION_IDIOMS, stems, i)
        motif_size, motif = _longest(PHRASE_INDEX, stems, i)
        if size and size >= motif_size:
            fld.items.append(Item("idiom", i, i + size, why))
            i += size
            continue
        size, _ = _longest(_FUNCTION_PHRASES, stems, i)
        if size > motif_size:
            i += size
            continue
        size, kind = _longest(_PLACES, lows, i) if tok.capital or fld.name == "main elements" else (0, "")
        if size:
            fld.items.append(Item("place", i, i + size, kind))
            i += size
            continue
        size = _claim_names(fld, i, stems, lows)
        if size:
            i += size
            continue
        size, era = _longest(_ERAS, stems, i)
        if size and size >= motif_size:
            fld.items.append(Item("era", i, i + size, era))
            i += size
            continue
        if _self_reference(fld, i):
            fld.items.append(Item("self", i, i + 1, f"the book naming itself ('{tok.text}')"))
            i += 1
            continue
        pair = tuple(lows[i : i + 2])
        if len(pair) == 2 and pair in _COLORS:
            fld.items.append(Item("color", i, i + 2, _COLORS[pair]))
            i += 2
            continue
        if (tok.low,) in _COLORS and not (motif_size > 1) and not _named_thing(toks, i, motif_size):
            fld.items.append(Item("color", i, i + 1, _COLORS[(tok.low,)]))
            i += 1
            continue
        if _used_as_verb(toks, i) or (fld.name in ("title", "subtitle") and _imperative(toks, i)):
            i += 1  # "she will bear the cost", "they storm the castle": a verb, not a thing
            continue
        if motif_size == 1 and _qualifies_next(toks, i, motif):
            i += 1  # "a stone house", "honey cake": the material describes the house, the cake
            continue
        if motif_size and not (motif_size == 1 and tok.stem in _PEOPLE and MOTIFS[motif].category != "figure"):
            # A colour inside a motif's own phrase ("red rose", "black sun") still colours it.
            color = next((_COLORS[(t.low,)] for t in toks[i : i + motif_size] if (t.low,) in _COLORS), "")
            fld.items.append(Item("motif", i, i + motif_size, motif, color=color))
            i += motif_size
            continue
        if tok.stem in _PEOPLE:
            word, (figure, age) = _PEOPLE[tok.stem]
            fld.items.append(Item("person", i, i + 1, figure, person=word, age=age))
        elif tok.low in wl.KEEPER_WORDS and _keeper_of(toks, i):
            fld.items.append(Item("person", i, i + 1, "lone_figure", person=tok.low))
        elif tok.low.endswith(wl.AGENT_SUFFIXES) and len(tok.low) > 7 and not can_be_verb(tok.low):
            fld.items.append(Item("person", i, i + 1, "lone_figure", person=tok.low))
        elif tok.low in wl.COVER_WORDS:
            fld.items.append(Item("cover", i, i + 1, tok.low))
        elif tok.low in wl.ATTRIBUTES and _describes_next(toks, i):
            pass  # "a giant star", "a baby dragon": here the word describes what follows
        elif tok.stem in _CONCRETE or lemma(tok.low) in _CONCRETE:
            fld.items.append(Item("noun", i, i + 1, lemma(tok.low)))
        elif (
            fld.name == "main elements"
            and not _is_function(tok)
            and (can_be_noun(tok.low) or _unknown_after_article(toks, i))
            and tok.low not in _NOT_NOUNS
            and tok.stem not in TIME_INDEX
            and not (tok.low.endswith("ing") and can_be_verb(tok.low))
            and not tok.low.isdigit()
            and not (i + 1 < len(toks) and toks[i + 1].clause == tok.clause and _nounish(toks[i + 1]))
            and not (_describes_next(toks, i) and can_be_adjective(tok.low))
        ):
            fld.items.append(Item("noun", i, i + 1, lemma(tok.low)))
        i += 1
    fld.items.sort(key=lambda it: it.start)


def _unknown_after_article(toks: list[Token], i: int) -> bool:
    """A word no dictionary knows, named as a thing in Main elements ("a zorblax"): the author asked for
    something, so it is reported as not drawable rather than silently dropped."""
    tok = toks[i]
    return (
        tok.low.isalpha()
        and not readings(tok.low)
        and i > 0
        and toks[i - 1].clause == tok.clause
        and toks[i - 1].low in {"a", "an", "the", "some", "two", "three", "one"}
    )


def _named_thing(toks: list[Token], i: int, motif_size: int) -> bool:
    """A colour word the lexicon draws, standing as a noun after an article: "a lemon", "the peach"."""
    return (
        motif_size == 1
        and i > 0
        and toks[i - 1].low in wl.DETERMINERS
        and toks[i - 1].clause == toks[i].clause
        and not _describes_next(toks, i)
    )


def _qualifies_next(toks: list[Token], i: int, motif: str) -> bool:
    """A material or size word that names an icon subject ("stone", "honey") but here describes the noun
    after it ("a stone house"). Hand-drawn motifs keep their compounds ("ice castle" draws ice)."""
    if motif in CORE_MOTIFS or toks[i].low not in wl.MATERIALS | wl.ATTRIBUTES:
        return False
    if not _describes_next(toks, i):
        return False
    nxt = toks[i + 1]
    return _nounish(nxt) or (nxt.stem,) in PHRASE_INDEX or nxt.stem in _CONCRETE or nxt.stem in _PEOPLE


def _keeper_of(toks: list[Token], i: int) -> bool:
    """ "keeper of ..." or "<thing> keeper" ("lighthouse keeper", "bee keeper"): a trade, not "finders
    keepers" nor a "night keeper"."""
    after = i + 1 < len(toks) and toks[i + 1].low == "of" and toks[i + 1].clause == toks[i].clause
    if after or i == 0 or toks[i - 1].clause != toks[i].clause:
        return after
    kept = toks[i - 1].stem
    return ((kept,) in PHRASE_INDEX or kept in _CONCRETE) and kept not in TIME_INDEX


def _used_as_verb(toks: list[Token], i: int) -> bool:
    """A word that can be a verb, right after a pronoun, a modal or "to" ("to fire", "they storm")."""
    if i == 0 or toks[i - 1].clause != toks[i].clause or toks[i - 1].low not in wl.VERB_CUES:
        return False
    if toks[i].capital and not toks[i].sentence_start:
        return False
    return can_be_verb(toks[i].low) and (i + 1 >= len(toks) or toks[i + 1].low not in wl.CONJUNCTIONS | {"of"})


def _imperative(toks: list[Token], i: int) -> bool:
    """A title that opens on a command: "Run the Numbers", "Storm the Castle" ("Fire and Blood" does not)."""
    if i != 0 or len(toks) < 3 or toks[1].low not in wl.DETERMINERS - {"no"}:
        return False
    return can_be_verb(toks[0].low) and toks[0].low == toks[0].stem and not _creature_ahead(toks, 1)


def _describes_next(toks: list[Token], i: int) -> bool:
    """Whether the word at ``i`` stands before another content word of its clause ("giant star")."""
    return i + 1 < len(toks) and toks[i + 1].clause == toks[i].clause and not _is_function(toks[i + 1])


NOUN_KINDS = frozenset({"motif", "person", "noun"})


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


def _relate(fld: Field) -> None:
    """Attach colours, attributes, compounds, possessors and clothing to the nouns they belong to."""
    toks = fld.tokens
    items = fld.items
    by_start = {it.start: it for it in items}
    covering = {k: it for it in items for k in range(it.start, it.end)}
    for n, item in enumerate(items):
        if item.kind not in NOUN_KINDS:
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
                left.value = f"{base}>{noun_word(fld, item)}"
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
            and nxt.kind in NOUN_KINDS
            and _gap_is_attributes(toks, item.end, nxt.start)
        ):
            item.role = "possessor"
            # "The Silk Merchant's Daughter": the daughter is the subject, silk her family's trade.
            owner = " ".join([*item.attributes, fld.words(item.start, item.end)])
            nxt.attributes.append(f"{owner}'s")
        elif adjacent and nxt.kind in NOUN_KINDS and _nounish(toks[nxt.start]) and _singular(last):
            item.role = "modifier"
            item.attributes.append(f"in '{fld.words(item.start, nxt.end)}'")
        # "a woman in a red coat": the coat is the woman's.
        if item.end < len(toks) and toks[item.end].low in ("in", "with", "wearing") and item.role == "head":
            _wear(fld, item, by_start)
        # "two wolves howling", "a knight kneeling": a participle right after a noun is its pose.
        after = item.end
        if (
            after < len(toks)
            and toks[after].clause == last.clause
            and after not in covering
            and toks[after].low.endswith("ing")
            and can_be_verb(toks[after].low)
        ):
            item.attributes.append(toks[after].low)
            covering[after] = item
    # Materials inside compounds are attributes: "silk" in "The Silk Merchant's Daughter".
    for item in items:
        if item.kind == "noun" and item.role == "modifier" and item.value in wl.MATERIALS:
            item.role = "material"


def _wear(fld: Field, item: Item, by_start: dict[int, Item]) -> None:
    """Clothing after "in"/"with"/"wearing" describes the figure: "a woman in a red trench coat"."""
    toks = fld.tokens
    clause = toks[item.end].clause
    j = item.end + 1
    while j < len(toks) and toks[j].low in wl.DETERMINERS and toks[j].clause == clause:
        j += 1
    first = j
    color = by_start.get(j) if by_start.get(j) is not None and by_start[j].kind == "color" else None
    if color is not None:
        j = color.end
    # Up to two describing words before the garment: "red trench coat", "long velvet cloak".
    while j < len(toks) and j - first < 3 and toks[j].clause == clause and toks[j].stem not in _CLOTHING:
        if _is_function(toks[j]):
            return
        j += 1
    if j >= len(toks) or toks[j].stem not in _CLOTHING:
        return
    words = (
        " ".join([color.value.split(">")[0]] if color else []) + " " + fld.words(color.end if color else first, j + 1)
    )
    item.attributes.append(words.strip())
    if color is not None:
        color.role = "attached"
        color.value = f"{color.value.split('>')[0]}>{toks[j].low}"
    worn = by_start.get(j)
    if worn is not None:
        worn.role = "worn"


def noun_word(fld: Field, item: Item) -> str:
    return fld.tokens[item.end - 1].low


def _singular(tok: Token) -> bool:
    return tok.low == tok.stem or not tok.low.endswith("s")


def _gap_is_attributes(toks: list[Token], start: int, end: int) -> bool:
    return all(t.low in wl.ATTRIBUTES or can_be_adjective(t.low) for t in toks[start:end])


def negate(fld: Field) -> list[Excluded]:
    """Mark negated nouns; in main elements they are ruled out, in prose they only stop counting."""
    cues = wl.NEGATION_CUES if fld.name == "main elements" else wl.PROSE_NEGATION_CUES
    toks = fld.tokens
    excluded: list[Excluded] = []
    cue_positions: dict[int, list[int]] = {}
    for i, tok in enumerate(toks):
        if tok.low in cues:
            cue_positions.setdefault(tok.clause, []).append(i)
    for item in fld.items:
        if item.kind not in NOUN_KINDS:
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
        if fresh:
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


def read_field(name: str, text: str, *, literal: bool = True) -> Field:
    """Read one field. ``literal`` (fiction) keeps "a black swan on the lake" a swan; in non-fiction
    business metaphors ("black swan", "north star", "blue ocean") are read as metaphors."""
    fld = Field(name, tokenize(text or ""))
    _scan(fld, literal)
    # "without people" is said about figures even though "people" is no concrete noun.
    for i, tok in enumerate(fld.tokens):
        if tok.low in wl.PEOPLE_GROUP and not any(it.start <= i < it.end for it in fld.items):
            fld.items.append(Item("noun", i, i + 1, tok.low))
    fld.items.sort(key=lambda it: it.start)
    _relate(fld)
    return fld


def apposition(fld: Field) -> list[Character]:
    """A name followed by "the ... bear" (or ", a little bear") makes the bear the protagonist."""
    found: list[Character] = []
    toks = fld.tokens
    for n, item in enumerate(fld.items):
        if item.kind != "name" or item.value.startswith("place"):
            continue
        j = item.end
        if j < len(toks) and toks[j].low in ("the", "a", "an"):
            nxt = next((it for it in fld.items[n + 1 :] if it.kind in NOUN_KINDS), None)
            if nxt is not None and _gap_is_attributes(toks, j + 1, nxt.start) and nxt.role in ("head", "modifier"):
                target = nxt
                while target.role == "modifier":
                    later = [it for it in fld.items if it.start == target.end and it.kind in NOUN_KINDS]
                    if not later:
                        break
                    target = later[0]
                target.role = "protagonist"
                who = target.person or (target.value if target.kind == "noun" else noun_word(fld, target))
                name = " ".join(t.text for t in toks[item.start : item.end])
                found.append(
                    Character(
                        who=who, name=name, role="protagonist", words=fld.words(item.start, target.end), source=fld.name
                    )
                )
    return found
