"""Subject rules: the motifs a prompt names, each with the verb that governs it ("add", "more",
"remove", "no", "fewer", "bigger"...), and the words asked to be drawn that we cannot draw yet."""

from __future__ import annotations

import re
from dataclasses import replace

from .. import palettes
from ..brief import GENRE_MOTIFS, SUBGENRE_MOTIFS, MotifChoice, choose_setting
from ..lexicon import MASS_MOTIFS, find_motifs, motif_noun, motif_word
from .light import relight
from .passes import State, blank, note

MAX_MOTIFS = 5

# The verb governing a motif: the nearest of these before it in the same clause.
_CUE_WORDS: dict[str, str] = {
    "add": "add adding include put place insert show draw want with plus bring give paint need feature have",
    "more": "more extra additional lots plenty many several increase another",
    "remove": "remove delete drop erase without no lose hide eliminate ditch rid exclude not dont nix cut replace "
    "swap instead",
    "fewer": "fewer less reduce decrease",
    "bigger": "bigger larger huge enlarge emphasise emphasize focus highlight prominent prominently centre center",
    "smaller": "smaller shrink tiny subtle subtler minimise minimize",
}
_CUES: dict[str, str] = {word: action for action, words in _CUE_WORDS.items() for word in words.split()}
_SUFFIX_CUES = {
    "bigger": "bigger",
    "larger": "bigger",
    "huge": "bigger",
    "smaller": "smaller",
    "tiny": "smaller",
    "gone": "remove",
    "removed": "remove",
    "away": "remove",
    "out": "remove",
}
_MOTIF_CLAUSES = re.compile(r"[.,;:!?\n]+|\bthen\b|\bbut\b|\balso\b")


def _set_motifs(state: State, motifs: list[MotifChoice], avoid: list[str]) -> None:
    b = state.brief
    old_hero = b.hero
    if not motifs:
        defaults = SUBGENRE_MOTIFS.get(b.subgenre) or GENRE_MOTIFS.get(b.genre, ())
        for name in defaults:
            if name not in avoid:
                motifs.append(MotifChoice(name, 1.0 if not motifs else 0.5, f"genre default ({b.subgenre or b.genre})"))
                break
    setting = b.setting
    if motifs and motifs[0].name != old_hero:
        setting = choose_setting([m.name for m in motifs], b.genre)
    state.brief = replace(b, motifs=tuple(motifs), avoid=tuple(avoid), setting=setting)


def _apply_motif(state: State, action: str, name: str, source: str) -> str:
    motifs = list(state.brief.motifs)
    avoid = list(state.brief.avoid)
    index = next((i for i, m in enumerate(motifs) if m.name == name), None)
    present = index is not None
    if action == "remove":
        if present:
            motifs.pop(index)  # type: ignore[arg-type]
            if index == 0 and motifs:
                motifs[0] = replace(motifs[0], weight=1.0)
        if name not in avoid:
            avoid.append(name)
        _set_motifs(state, motifs, avoid)
        return f"removed the {motif_word(name)}" if present else f"no {motif_word(name)}"
    if name in avoid:
        avoid.remove(name)
    if action in ("add", "more", "bigger"):
        bump = {"add": 0.2, "more": 0.25, "bigger": 0.3}[action]
        if present:
            m = motifs[index]  # type: ignore[index]
            motifs[index] = replace(m, weight=round(min(1.0, m.weight + bump), 2))  # type: ignore[index]
            if action == "bigger" and index:
                # Bigger than the hero: it becomes the hero.
                promoted = motifs.pop(index)  # type: ignore[arg-type]
                motifs[0] = replace(motifs[0], weight=min(motifs[0].weight, 0.8))
                motifs.insert(0, replace(promoted, weight=1.0))
        else:
            weight = {"add": 0.6, "more": 0.7, "bigger": 0.8}[action]
            if len(motifs) >= MAX_MOTIFS:
                # Make room by dropping the least prominent supporting motif.
                weakest = min(range(1, len(motifs)), key=lambda i: (motifs[i].weight, -i))
                motifs.pop(weakest)
            motifs.append(MotifChoice(name, weight, source))
        after_add(state, name)
        _set_motifs(state, motifs, avoid)
        if action == "more":
            return f"more {motif_word(name)}"
        if action == "bigger":
            return f"bigger {motif_word(name)}"
        return f"added {motif_noun(name)}" if not present else f"more prominent {motif_word(name)}"
    # fewer / smaller
    drop = 0.3
    if present:
        m = motifs[index]  # type: ignore[index]
        weight = round(m.weight - drop, 2)
        if action == "fewer" and weight < 0.15 and len(motifs) > 1:
            motifs.pop(index)  # type: ignore[arg-type]
            if index == 0:
                motifs[0] = replace(motifs[0], weight=1.0)
        else:
            motifs[index] = replace(m, weight=max(0.15, weight))  # type: ignore[index]
    _set_motifs(state, motifs, avoid)
    if action == "fewer":
        return f"{'less' if name in MASS_MOTIFS else 'fewer'} {motif_word(name)}"
    return f"smaller {motif_word(name)}"


def after_add(state: State, name: str) -> None:
    """Adding some motifs implies a time of day or weather the picture must show."""
    b = state.brief
    if name == "sun" and b.lighting in ("night", "nebula", "studio", "candle"):
        state.brief = replace(b, lighting="dusk")
    elif name in ("storm", "lightning"):
        relight(state, "storm")
    elif name in ("moon", "stars") and b.lighting in ("day", "dawn", "studio"):
        state.brief = replace(b, lighting="night")
    elif name == "galaxy" and b.setting == "space":
        state.brief = replace(b, lighting="nebula")


_PREPOSITIONS = frozenset(
    "at on in under over by near behind above below beside of from into through across against toward towards".split()
)
_ARTICLES = frozenset({"a", "an", "the", "some", "its", "their", "his", "her"})


def _is_setting_phrase(raw: list[str], start: int) -> bool:
    i = start - 1
    while i >= 0 and raw[i] in _ARTICLES:
        i -= 1
    return i >= 0 and raw[i] in _PREPOSITIONS


_RECOLOUR_BEFORE = re.compile(r"\b(?:make|paint|colou?r|turn|recolou?r|tint)\s+(?:the\s+|a\s+|an\s+)?$")


def _recoloured(original: str, start: int, end: int) -> bool:
    """The motif is the object of a colour change: "make the fox red", "paint the castle gold"."""
    after = original[end : end + 24]
    colour_after = any(
        re.match(rf"\s+(?:(?:more|bright|dark|light|deep)\s+)?{re.escape(name)}\b", after)
        for name in palettes.COLOR_WORDS
    )
    return colour_after and _RECOLOUR_BEFORE.search(original[max(0, start - 24) : start]) is not None


def run_motifs(state: State, text: str, prompt: str) -> str:
    """Apply the motifs of the prompt; returns the text with the motif words blanked out."""
    consumed: list[tuple[int, int]] = []
    handled: set[str] = set()
    separators = list(_MOTIF_CLAUSES.finditer(text))
    bounds = [0, *(x for m in separators for x in (m.start(), m.end())), len(text)]
    carried: str | None = None
    for n, (clause_start, clause_end) in enumerate(zip(bounds[::2], bounds[1::2], strict=True)):
        clause = text[clause_start:clause_end]
        tokens = list(re.finditer(r"[a-z0-9]+", clause))
        raw = [t.group(0) for t in tokens]
        # A list after a comma goes on with the same verb ("remove the castle, the moon and the stars"),
        # except that "no dragons, a castle" starts a wanted item again.
        after_comma = n > 0 and separators[n - 1].group(0).strip() == ","
        previous_action = carried if after_comma else None
        if previous_action == "remove" and raw and raw[0] in ("a", "an", "some"):
            previous_action = None
        carried = None
        previous_end = 0
        for match in find_motifs(clause):
            action = None
            for i in range(match.start - 1, previous_end - 1, -1):
                if raw[i] in _CUES:
                    action = _CUES[raw[i]]
                    # "no more stars": a negation before a quantity removes.
                    if action == "more" and i > 0 and raw[i - 1] in ("no", "not", "dont"):
                        action = "remove"
                    break
            if action is None and previous_action is not None:
                action = previous_action
            if action is None:
                for w in raw[match.end : match.end + 3]:
                    if w in _SUFFIX_CUES:
                        action = _SUFFIX_CUES[w]
                        break
            action = action or "add"
            previous_action = action
            previous_end = match.end
            carried = action
            consumed.append((clause_start + tokens[match.start].start(), clause_start + tokens[match.end - 1].end()))
            if match.motif in handled:
                continue
            handled.add(match.motif)
            start = clause_start + tokens[match.start].start()
            end = clause_start + tokens[match.end - 1].end()
            if action == "add" and _recoloured(state.original, start, end):
                # "make the fox red": the colour pass recoloured the cover; the fox is not asked for again.
                continue
            if action == "add" and _is_setting_phrase(raw, match.start) and match.motif in state.brief.motif_names():
                # "a wolf howling at the moon": the moon is where the wolf is, not a request for more moon.
                continue
            sentence = _apply_motif(state, action, match.motif, f"edit: '{match.phrase}'")
            note(state, clause_start + tokens[match.start].start(), sentence, f"subject-{action}", match.motif)
    for start, end in consumed:
        text = blank(text, start, end)
    return text


# Words that carry no instruction of their own: a prompt made only of these and ignored words is
# not understood; ignored words are the others.
_NO_CONTENT = (
    frozenset(
        (
            "a an the and or of to in on at it its it's is are be make made please can could would you i we want "
            "like some bit little lot very much more less also too so for this that these those cover image "
            "picture background change turn into just really quite maybe let lets get put use give there here "
            "all any my our your with without from by as than then but over under up down out away off again "
            "same new now one two title font fonts type typeface text lettering colour color colours colors scheme "
            "palette tone tones look style feel"
        ).split()
    )
    | frozenset(_CUES)
    | frozenset(_SUFFIX_CUES)
)


_DRAW_VERBS = frozenset("add adding draw include put show paint insert want with plus".split())
_QUANTITIES = frozenset("a an the some two three more few little big small".split())


def undrawable(text: str, ignored: tuple[str, ...]) -> tuple[str, ...]:
    """Ignored words asked to be drawn: 'add a (purple) hedgehog' -> hedgehog (the last word of the
    run of unknown words after the verb, past articles and words other passes understood)."""
    tokens = re.findall(r"[a-z][a-z0-9]*|~|[.,;:!?]", text)
    found: list[str] = []
    for i, token in enumerate(tokens):
        if token not in _DRAW_VERBS:
            continue
        last = None
        for following in tokens[i + 1 : i + 6]:
            if following in ("~", *_QUANTITIES) and last is None:
                continue
            if following in ignored:
                last = following
                continue
            break
        if last is not None and last not in found:
            found.append(last)
    return tuple(found)


def ignored_words(text: str) -> tuple[str, ...]:
    seen: list[str] = []
    for word in re.findall(r"[a-z][a-z0-9]*", text):
        if word not in _NO_CONTENT and word not in seen:
            seen.append(word)
    return tuple(seen)
