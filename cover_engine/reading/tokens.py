"""Splitting a field of text into clauses of tokens that keep their case, stem and part of speech.

Stems come from the lexicon (so a token matches motif phrases exactly as the lexicon does);
parts of speech come from lemminflect's dictionary, which ships its data and works offline.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas

from ..lexicon import stem

# A clause ends at punctuation or at words that turn a list around ("but", "instead", "only").
_PUNCTUATION = re.compile(r"[.,;:!?\n()\[\]\"“”«»]")
_CLAUSE_WORDS = frozenset({"but", "instead", "only"})
_SENTENCE_END = re.compile(r"[.!?\n]")
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


@dataclass(frozen=True)
class Token:
    text: str  # as written, accents stripped ("Chateau", "Merchant")
    low: str  # lower case, apostrophes dropped ("merchant", "dont")
    stem: str  # the lexicon's stem, the key for phrase look-ups
    capital: bool  # written with a capital letter
    sentence_start: bool  # the first word of a sentence (its capital says nothing)
    possessive: bool  # written with 's ("Merchant's")
    clause: int  # index of the clause in its field


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str) -> list[Token]:
    """Every Latin-script word of ``text``; other scripts are skipped (they carry no motif words)."""
    plain = strip_accents(text)
    tokens: list[Token] = []
    clause = 0
    sentence_start = True
    pos = 0
    for match in _TOKEN.finditer(plain):
        between = plain[pos : match.start()]
        if _PUNCTUATION.search(between):
            clause += 1
        if _SENTENCE_END.search(between):
            sentence_start = True
        pos = match.end()
        raw = match.group(0)
        possessive = bool(re.search(r"['’]s$", raw, re.IGNORECASE))
        word = re.sub(r"['’]s$", "", raw, flags=re.IGNORECASE) if possessive else raw
        low = re.sub(r"['’]", "", word).lower()
        if low in _CLAUSE_WORDS and tokens:
            clause += 1
            continue
        tokens.append(
            Token(
                text=word,
                low=low,
                stem=stem(low),
                capital=word[:1].isupper(),
                sentence_start=sentence_start,
                possessive=possessive,
                clause=clause,
            )
        )
        sentence_start = False
    return tokens


@lru_cache(maxsize=8192)
def readings(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's parts of speech for a lower-case word: {'NOUN': ('balloon',), 'VERB': (...)}."""
    return dict(getAllLemmas(word))


def can_be_noun(word: str) -> bool:
    return "NOUN" in readings(word)


def can_be_verb(word: str) -> bool:
    return "VERB" in readings(word) or "AUX" in readings(word)


def can_be_adjective(word: str) -> bool:
    return "ADJ" in readings(word)


def lemma(word: str) -> str:
    """The noun lemma when there is one ("carpets" -> "carpet"), else the lexicon stem."""
    found = readings(word).get("NOUN")
    return found[0] if found else stem(word)
