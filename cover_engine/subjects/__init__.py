"""Drawable subjects: over a thousand things a book names, each drawn from a professional vector set.

``subjects.tsv`` (written by ``scripts/build_subjects_table.py`` from the Iconify emoji sets and the
curation tables in that script: edit those and re-run it) lists per subject: a stable snake_case
name, a lexicon category, the English words and phrases that name it (a leading ``!`` marks a
phrase it takes over from a hand-drawn motif that only drew a stand-in), broader terms, its
illustrated icon and its silhouette icon (``set:name``), and how it stands in a scene (``ground``,
``float`` or ``fly``).

The table is plain data and loads without the art sets; drawing needs them (see ``iconset``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .iconset import ArtSetsMissing, data_dir, has_icon, icon_svg, illustrated, is_monochrome, silhouette

TABLE = Path(__file__).with_name("subjects.tsv")
PLACEMENTS = ("ground", "float", "fly")


@dataclass(frozen=True)
class Subject:
    name: str
    category: str
    phrases: tuple[str, ...]  # the name's own words first: what lookup() understands
    lexicon_phrases: tuple[str, ...]  # the phrases safe to look for in a book's text (no "book", "star")
    claims: tuple[str, ...]  # phrases taken over from a hand-drawn motif
    broader: tuple[str, ...]
    illustrated: str  # set:icon in colour
    silhouette: str  # set:icon whose solid outline is the silhouette
    placement: str

    @property
    def words(self) -> str:
        return self.name.replace("_", " ")


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _load() -> dict[str, Subject]:
    out: dict[str, Subject] = {}
    with TABLE.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            words = _split(row["words"])
            own = row["name"].replace("_", " ")
            phrases = [own] + [w.lstrip("!") for w in words if w.lstrip("!") != own]
            out[row["name"]] = Subject(
                name=row["name"],
                category=row["category"],
                phrases=tuple(dict.fromkeys(phrases)),
                lexicon_phrases=tuple(dict.fromkeys(w.lstrip("!") for w in words)),
                claims=tuple(w[1:] for w in words if w.startswith("!")),
                broader=tuple(_split(row["broader"])),
                illustrated=row["illustrated"],
                silhouette=row["silhouette"],
                placement=row["placement"],
            )
    return out


SUBJECTS: dict[str, Subject] = _load()


def _key(text: str) -> tuple[str, ...]:
    from ..lexicon import normalise_words  # the lexicon reads this table: import it late

    return tuple(normalise_words(text))


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, ...], str]:
    """Normalised phrase -> subject; a subject's own name first, then its phrases in table order."""
    index: dict[tuple[str, ...], str] = {}
    for s in SUBJECTS.values():
        index.setdefault(_key(s.words), s.name)
    for s in SUBJECTS.values():
        for phrase in s.phrases:
            index.setdefault(_key(phrase), s.name)
    return index


def lookup(text: str) -> Subject | None:
    """The subject a name or phrase denotes: 'hedgehogs', 'hot air balloon', 'Teddy Bear', 'hot_air_balloon'."""
    name = text.strip().lower().replace(" ", "_").replace("-", "_")
    if name in SUBJECTS:
        return SUBJECTS[name]
    hit = _index().get(_key(text.replace("_", " ")))
    return SUBJECTS[hit] if hit else None


def with_broader(term: str) -> list[Subject]:
    """Every subject a broader term covers ('mammal', 'musical instrument'), in table order."""
    t = term.strip().lower()
    return [s for s in SUBJECTS.values() if t in s.broader]


__all__ = [
    "PLACEMENTS",
    "SUBJECTS",
    "ArtSetsMissing",
    "Subject",
    "data_dir",
    "has_icon",
    "icon_svg",
    "illustrated",
    "is_monochrome",
    "lookup",
    "silhouette",
    "with_broader",
]
