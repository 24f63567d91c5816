"""The design report of a rendered cover: what it is made of, in plain data, from what was drawn.

`design_report(recipe, report)` is computed at render time from the artwork journal (render.py's
RenderReport.drawn), never from what the recipe hoped for: a subject the painter could not place,
or placed too small to read, is listed under `subjectsNotDrawn` with the reason. Edits add what was
applied, what could not be shown and which words of the prompt were ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from . import palettes
from .artwork.context import AVOID_ALIASES
from .artwork.subject_colours import described, subject_colour
from .lexicon import MOTIFS, motif_noun, motif_word

if TYPE_CHECKING:
    from .artwork.journal import Drawn
    from .recipe import Recipe
    from .render import RenderReport

# A subject reads on a cover when it is at least this share of the cover's width (a castle 45 px
# wide on a 1600 px cover is a speck, not a castle; a wolf at 9% was a sliver on the rendered covers).
MIN_SUBJECT_SHARE = 0.10
# Pieces that fill a band of the picture (weather, sky fields): their size says nothing.
FIELD_PIECES = frozenset({"stars", "clouds", "rain", "snow", "fog", "mist", "lightning", "storm", "sea", "waves"})


# Settings a scene paints as its world (not as a silhouette the journal names): a seascape is the sea.
SCENE_SETTINGS: dict[str, frozenset[str]] = {
    "seascape": frozenset({"sea", "ocean", "waves", "wave", "water", "shore", "beach", "coast", "harbour", "harbor"}),
    "landscape": frozenset({"mountains", "mountain", "hills", "field", "meadow", "valley", "plains", "road", "path"}),
    "cityscape": frozenset({"city", "city skyline", "skyline", "street", "streets"}),
    "space": frozenset({"space", "galaxy", "nebula"}),
    "kids": frozenset({"hills", "meadow"}),
}


def _norm(name: str) -> str:
    return " ".join(str(name).lower().replace("_", " ").replace("-", " ").split())


# Names that ask for "a person" without saying who: any figure the painters drew answers them (the
# journal names a figure scene's own shapes after the brief's figure motif, else "figure").
ANY_FIGURE = frozenset({"figure", "lone figure", "person", "silhouette"})


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _kin(name: str) -> set[str]:
    """A motif name with the names a painter may draw it under (a moon drawn as a crescent)."""
    n = _norm(name)
    names = {n, n[:-1] if n.endswith("s") else n + "s"}
    names.update(_norm(a) for a in AVOID_ALIASES.get(n, ()))
    if n == "storm":
        names.update({"lightning", "rain", "clouds"})
    return names


def _is_figure(name: str) -> bool:
    n = _norm(name)
    info = MOTIFS.get(n.replace(" ", "_"))
    return n in ANY_FIGURE or getattr(info, "category", "") == "figure"


_LINKS = frozenset("of on in with for at under over from by to and".split())


def _head(phrase: str) -> str:
    """The head noun of a compound: its last word before any linking word ("hot air balloon" ->
    balloon, "flag on the peak" -> flag, "top of the mountain" -> top)."""
    words = phrase.split()
    cut = next((i for i, w in enumerate(words) if i and w in _LINKS), len(words))
    return _singular(words[cut - 1])


def _heads(name: str) -> set[str]:
    """The head nouns a drawn piece goes by: its own name's and those of its lexicon's compound
    names (diya_lamp, also called "oil lamp" -> lamp). One-word trigger words ("spy" for a lone
    figure, "climb" for a summit flag) are not names of the piece and do not count."""
    n = _norm(name)
    info = MOTIFS.get(n.replace(" ", "_"))
    phrases = [n, *(_norm(p) for p in getattr(info, "phrases", ()) if len(p.split()) > 1)]
    return {_head(p) for p in phrases if p}


def answers(drawn_name: str, asked: str) -> bool:
    """The one rule for "this drawn piece is the subject that was asked for".

    The same name, its plural or an alias a painter draws it under (a moon as a crescent, a storm as
    lightning and rain); a more specific kind of the thing (a hot air balloon answers "balloon", a
    diya lamp "lamp"); any figure answers a request for a figure ("lone figure"). Never the other
    way round: a balloon does not answer "hot air balloon", a woman does not answer "old man".
    """
    d, a = _norm(drawn_name), _norm(asked)
    if d in _kin(a):
        return True
    if " " not in a and _singular(a) in _heads(d):
        return True
    return a in ANY_FIGURE and _is_figure(d)


def _words_of(source: str) -> list[str]:
    """The words that asked for a motif, from its source ("summary: 'lighthouses'" -> ["lighthouses"])."""
    if "'" in source:
        inner = source.split("'", 2)[1]
        return [inner] if inner else []
    return []


def _asked_by(source: str) -> str:
    if source.startswith("genre default"):
        return "genre"
    return source.split(":", 1)[0].strip() or "brief"


def _largest(drawn: Sequence[Drawn], name: str) -> Drawn | None:
    matches = [d for d in drawn if answers(d.name, name)]
    return max(matches, key=lambda d: d.w * d.h) if matches else None


def subject_share(drawn: Sequence[Drawn], name: str, width: int, height: int | None = None) -> float:
    """How much of the cover the largest drawn piece of this subject spans: its width as a share of the
    cover's width, or its height as a share of the height when that is more (a standing figure is
    narrow but reads by its height). 0 when it was not drawn."""
    piece = _largest(drawn, name)
    if piece is None:
        return 0.0
    tall = piece.h / height if height else 0.0
    return min(1.0, max(piece.w / max(1, width), tall))


VISIBLE_PART = 0.5


def visible_share(drawn: Sequence[Drawn], name: str, width: int, height: int) -> float:
    """subject_share of the pieces at least half inside the cover: a crop (a variation's zoom) may push a
    subject past the edge, where it is drawn but nobody sees it; a figure cut at the waist still reads."""
    best = 0.0
    for d in drawn:
        if not answers(d.name, name) or d.w <= 0 or d.h <= 0:
            continue
        w = max(0.0, min(d.x + d.w, width) - max(d.x, 0.0))
        h = max(0.0, min(d.y + d.h, height) - max(d.y, 0.0))
        inside = (w * h) / (d.w * d.h)
        if inside >= VISIBLE_PART:
            best = max(best, min(1.0, max(d.w / max(1, width), d.h / max(1, height))))
    return best


def subject_reads(drawn: Sequence[Drawn], name: str, width: int, height: int | None = None) -> bool:
    """Drawn, and big enough to read (fields like stars or rain only need to be there)."""
    if _norm(name) in FIELD_PIECES:
        return _largest(drawn, name) is not None
    return subject_share(drawn, name, width, height) >= MIN_SUBJECT_SHARE


def _display(name: str) -> str:
    return motif_word(name) if name in MOTIFS else _norm(name)


def _phrase(name: str) -> str:
    """How the subject reads in a sentence: 'a lighthouse', 'the moon', 'stars'."""
    if name in MOTIFS:
        return motif_noun(name)
    word = _norm(name)
    if word in FIELD_PIECES or word.endswith("s"):
        return word
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


CANNOT_DRAW = "we cannot draw it yet"
NO_ROOM = "no room for it in this design"
TOO_SMALL = "only fitted at a size too small to read"
# How the reader says a subject has no picture (brief.unmatched); every other reason means the words
# were read as something else than a subject (a name, a place, an idiom, an attribute).
_NO_PICTURE = re.compile(r"^no picture for '(?P<name>[^']+)'")


def split_unmatched(
    unmatched: Iterable[tuple[str, str]],
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The brief's (words, why) pairs split into subjects we cannot draw yet, as (subject, words), and
    words read as something that is not a subject, as (words, what they were read as):
    ("Baghdad", "the setting: a desert city")."""
    cannot: list[tuple[str, str]] = []
    read_as: list[tuple[str, str]] = []
    for item in unmatched or ():
        words, why = (str(item[0]), str(item[1])) if isinstance(item, (tuple, list)) else (str(item), "")
        picture = _NO_PICTURE.match(why)
        if picture is not None or not why:
            name = picture.group("name") if picture else words
            if all(name != known for known, _ in cannot):
                cannot.append((name, words))
        else:
            read_as.append((words, _readable(why)))
    return cannot, read_as


def _readable(why: str) -> str:
    """The reader's reason in a report's words: "name of a character or place 'Pip'" -> "a name"."""
    if why.startswith("name of a character or place"):
        return "a name (a character or a place)"
    if why.startswith("place name: "):
        return "the setting: " + why.removeprefix("place name: ")
    return why


def design_report(
    recipe: Recipe,
    report: RenderReport,
    *,
    applied: Iterable[str] = (),
    not_applied: Iterable[str] = (),
    ignored_words: Iterable[str] = (),
    undrawable: Iterable[str] = (),
) -> dict[str, Any]:
    """Plain JSON-ready data: template, palette, type faces, subjects drawn / not drawn, the edit."""
    from .templates import CATALOGUE

    template = CATALOGUE.get(recipe.template_id)
    brief = recipe.brief
    drawn = list(report.drawn)
    wanted = {_norm(m.name) for m in brief.motifs}
    subjects, missing = [], []
    world = SCENE_SETTINGS.get(template.scene if template else "", frozenset())
    for motif in brief.motifs:
        piece = _largest(drawn, motif.name)
        entry = {
            "subject": _display(motif.name),
            "phrase": _phrase(motif.name),
            "words": _words_of(motif.source),
            "askedBy": _asked_by(motif.source),
        }
        if piece is None and _norm(motif.name) in world:
            subjects.append({**entry, "widthShare": 1.0})
        elif piece is None:
            missing.append({**entry, "reason": NO_ROOM})
        elif not subject_reads(drawn, motif.name, report.width, report.height):
            missing.append({**entry, "reason": TOO_SMALL})
        else:
            # A subject painted in the book's colour says so: "a red dragon", "a woman in a red coat".
            colour = subject_colour(motif.color, motif.attributes) if piece.colour else None
            if colour is not None:
                entry["phrase"] = described(entry["phrase"], colour)
            subjects.append({**entry, "widthShare": round(piece.w / max(1, report.width), 3)})
    # Pieces the design paints of its own accord (a night scene's moon): drawn, asked by the design.
    own: dict[str, Drawn] = {}
    for piece in drawn:
        n = _norm(piece.name)
        if any(answers(n, w) for w in wanted) or (n in own and own[n].w * own[n].h >= piece.w * piece.h):
            continue
        own[n] = piece
    for n, piece in own.items():
        if n in FIELD_PIECES or max(piece.w / report.width, piece.h / report.height) >= MIN_SUBJECT_SHARE:
            subjects.append(
                {
                    "subject": _display(n),
                    "phrase": _phrase(n),
                    "words": [],
                    "askedBy": "design",
                    "widthShare": round(piece.w / report.width, 3),
                }
            )
    cannot, read_as = split_unmatched(brief.unmatched)
    asked = [(name, words, "brief") for name, words in cannot] + [(str(w), str(w), "edit") for w in undrawable]
    for name, words, asked_by in asked:
        if any(answers(d.name, name) for d in drawn if subject_reads(drawn, d.name, report.width, report.height)):
            continue  # asked in other words and drawn ("lamp" in the title, a diya lamp on the cover)
        missing.append(
            {
                "subject": name,
                "phrase": _phrase(name),
                "words": [words],
                "askedBy": asked_by,
                "reason": CANNOT_DRAW,
            }
        )
    title = report.element("title")
    author = report.element("author")
    design: dict[str, Any] = {
        "template": {
            "id": recipe.template_id,
            "name": template.name if template else recipe.template_id,
            "family": template.family if template else "",
        },
        "palette": {"name": brief.palette.name, "family": palettes.family_of(brief.palette)},
        "type": {
            "titleFaces": list(title.faces) if title else [],
            "authorFaces": list(author.faces) if author else [],
            "titleVoice": str(recipe.overrides.get("type_voice") or (template.type.title_voice if template else "")),
        },
        "lighting": str(recipe.overrides.get("lighting") or brief.lighting),
        "subjectsDrawn": subjects,
        "subjectsNotDrawn": missing,
        # Words of the book read as something other than a subject: names, places, idioms.
        "readAs": [{"words": w, "readAs": why} for w, why in read_as],
    }
    if recipe.edits:
        design["edit"] = {
            "prompt": recipe.edits[-1],
            "applied": list(applied),
            "notApplied": list(not_applied),
            "ignoredWords": list(ignored_words),
        }
    return design


__all__ = [
    "ANY_FIGURE",
    "CANNOT_DRAW",
    "FIELD_PIECES",
    "MIN_SUBJECT_SHARE",
    "NO_ROOM",
    "TOO_SMALL",
    "answers",
    "design_report",
    "split_unmatched",
    "subject_reads",
    "subject_share",
]
