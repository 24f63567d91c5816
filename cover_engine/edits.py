"""Edits by text prompt: "make the background darker and add more stars" -> a changed brief.

``apply_edit`` reads a free-text instruction in passes, most specific first: typography (title
position and size, typeface voice), tone (darker, contrast, warmth, busyness, drama), palettes and
colour words, mood, time of day, and finally motifs with the verb that governs each ("add", "more",
"remove", "no", "fewer", "bigger"...). Each pass blanks out what it understood so later passes do
not read the same words twice. Art changes go into the Brief; typography changes go into
``overrides`` (read by the typesetter). Nothing understood at all is an error, never a silent no-op.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from . import palettes
from .brief import (
    ADJUST_KEYS,
    GENRE_MOTIFS,
    MOOD_LIGHTING,
    SUBGENRE_MOTIFS,
    Brief,
    MotifChoice,
    choose_setting,
    motif_lighting,
    with_prompt,
)
from .errors import EditNotUnderstood
from .lexicon import MASS_MOTIFS, find_motifs, fold, motif_noun, motif_word

MAX_MOTIFS = 5
TITLE_SCALE_RANGE = (0.7, 1.6)

EXAMPLES = (
    "make the background darker",
    "add more stars",
    "remove the moon",
    "add a castle",
    "make it blue",
    "pastel colours",
    "more contrast",
    "warmer",
    "simpler",
    "more mysterious",
    "move the title to the top",
    "bigger title",
    "use a serif font",
)


def not_understood_message(prompt: str, undrawable: tuple[str, ...] = ()) -> str:
    shown = prompt.strip()
    if len(shown) > 80:
        shown = shown[:77] + "..."
    examples = "; ".join(f"'{e}'" for e in EXAMPLES)
    named = [w if w.endswith("s") else f"{'an' if w[0] in 'aeiou' else 'a'} {w}" for w in undrawable]
    cannot = f" We cannot draw {', '.join(named)} yet." if named else ""
    return (
        f"Could not understand the edit {shown!r}.{cannot} Describe a change to the picture, its colours or the "
        f"title, for example: {examples}. Several changes can be combined in one sentence."
    )


@dataclass(frozen=True)
class Instruction:
    """One understood part of a prompt and what it must change on the cover, for verification.

    kind: "title" (position, size), "type" (typeface voice), "picture" (colours, tone, light, mood),
    or "subject-<action>" with action add | more | bigger | remove | fewer | smaller.
    """

    said: str
    kind: str
    subject: str | None = None


@dataclass(frozen=True)
class EditOutcome:
    brief: Brief
    overrides: dict[str, Any]
    instructions: tuple[Instruction, ...]
    ignored: tuple[str, ...]  # words of the prompt no rule used ("purple monkey dishwasher" -> monkey, dishwasher)
    # Of the ignored words, those asked to be drawn ("add a hedgehog"): subjects we cannot draw yet.
    undrawable: tuple[str, ...] = ()

    @property
    def understood(self) -> list[str]:
        return [i.said for i in self.instructions]


@dataclass
class _State:
    brief: Brief
    overrides: dict[str, Any]
    understood: list[tuple[int, Instruction]]  # (position in the prompt, what was understood)
    title_mentioned: bool
    original: str = ""  # the folded prompt before any pass blanked it (same offsets)


def _clamp(value: float, lo: float = -1.0, hi: float = 1.0) -> float:
    return round(max(lo, min(hi, value)), 3)


def _nudge(state: _State, key: str, delta: float) -> None:
    adjust = dict(state.brief.adjust)
    adjust[key] = _clamp(adjust.get(key, 0.0) + delta)
    state.brief = replace(state.brief, adjust=adjust)


# ---------------------------------------------------------------------------------------------
# Passes over the text. Each rule is (pattern, handler(state, match) -> understood sentence or None).
# ---------------------------------------------------------------------------------------------

Rule = tuple[re.Pattern[str], Callable[[_State, re.Match[str]], "str | None"]]


def _rule(handler: Callable[[_State, re.Match[str]], str | None], *alternatives: str) -> Rule:
    """A rule matching any of ``alternatives`` (regular expressions) as whole words."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b"), handler


_SIZE_UP = r"bigger|larger|huge|enormous|big|large|enlarge|increase|grow|biggest"
_SIZE_DOWN = r"smaller|small|tiny|shrink|reduce|decrease|smallest"


def _title_size(state: _State, m: re.Match[str]) -> str:
    text = m.group(0)
    up = re.search(_SIZE_UP, text) is not None and re.search(_SIZE_DOWN, text) is None
    strong = re.search(r"\b(?:much|a\s+lot|way|huge|enormous)\b", text) is not None
    factor = (1.35 if strong else 1.2) if up else (1 / 1.35 if strong else 1 / 1.2)
    current = float(state.overrides.get("title_scale", 1.0))
    lo, hi = TITLE_SCALE_RANGE
    state.overrides["title_scale"] = round(max(lo, min(hi, current * factor)), 3)
    return "bigger title" if up else "smaller title"


def _title_position(state: _State, m: re.Match[str]) -> str:
    where = m.group("pos")
    if where in ("top", "upper", "higher", "up", "above"):
        position = "top"
    elif where in ("bottom", "lower", "down", "below", "foot"):
        position = "bottom"
    else:
        position = "middle"
    state.overrides["title_position"] = position
    return {"top": "title at the top", "bottom": "title at the bottom", "middle": "title in the middle"}[position]


def _title_it_position(state: _State, m: re.Match[str]) -> str | None:
    # "move it to the top" only speaks of the title when the prompt names the title.
    return _title_position(state, m) if state.title_mentioned else None


def _voice(voice: str) -> Callable[[_State, re.Match[str]], str]:
    def handler(state: _State, m: re.Match[str]) -> str:
        state.overrides["type_voice"] = voice
        return {
            "serif": "serif type",
            "sans": "sans-serif type",
            "script": "script type",
            "elegant": "elegant type",
            "bold": "bold type",
        }[voice]

    return handler


def _title_shift(state: _State, m: re.Match[str]) -> str:
    word = m.group("pos2") or m.group("pos3")
    position = "top" if word in ("higher", "up") else "bottom"
    state.overrides["title_position"] = position
    return f"title at the {position}"


_FACE = r"(?:\s+(?:font|fonts|type|typeface|typefaces|lettering|letters|style))?"
_POS = r"(?P<pos>top|upper|higher|bottom|lower|foot|middle|cent(?:er|re)(?:d)?)"

# Words that may sit between "title" and what is said about it: "the title to be a bit larger".
_FILLER_WORDS = (
    "to be is should could can must much a bit little lot slightly way even more go get look sit move text font size "
    "lettering"
)
_FILLER = r"(?:\s+(?:" + "|".join(_FILLER_WORDS.split()) + r"))*"
_TITLE = r"(?:title|text|lettering|title\s+text|words)"

_TYPOGRAPHY_RULES: list[Rule] = [
    _rule(
        _title_size,
        rf"(?:{_SIZE_UP}|{_SIZE_DOWN})\s+(?:the\s+)?(?:size\s+of\s+the\s+)?{_TITLE}(?:\s+(?:font|size))?",
        rf"{_TITLE}{_FILLER}\s+(?:{_SIZE_UP}|{_SIZE_DOWN})",
    ),
    _rule(
        _title_position,
        rf"(?:move|put|place|set|position)\s+(?:the\s+)?title\s+(?:to|at|on|in|near)\s+(?:the\s+)?{_POS}",
    ),
    _rule(_title_position, rf"title{_FILLER}\s+(?:(?:at|to|on|in|near)\s+)?(?:the\s+)?{_POS}"),
    _rule(_title_position, rf"{_POS}\s+(?:the\s+)?title"),
    _rule(_title_it_position, rf"(?:move|put|place|set)\s+it\s+(?:to|at|on|in|near)\s+(?:the\s+)?{_POS}"),
    _rule(
        _title_shift,
        r"(?P<pos2>higher|lower|up|down)\s+(?:the\s+)?title",
        rf"title{_FILLER}\s+(?P<pos3>higher|lower|up|down)",
    ),
    # "bigger title and at the top": once the title is named, a bare position speaks of it.
    _rule(_title_it_position, rf"(?:at|to|on|in)\s+the\s+{_POS}(?:\s+of\s+the\s+(?:cover|page|image))?"),
    _rule(_voice("sans"), rf"(?:sans[\s-]*serif|sans|grotesque){_FACE}", rf"modern{_FACE}"),
    _rule(_voice("serif"), rf"serif{_FACE}", r"classic(?:al)?\s+(?:font|type|typeface|lettering)", r"book\s+face"),
    _rule(_voice("script"), rf"(?:script|hand[\s-]?written|handwriting|calligraph\w*|cursive){_FACE}"),
    _rule(
        _voice("elegant"),
        rf"(?:elegant|refined|classy|luxurious|graceful|didone){_FACE}(?:\s+(?:title|font|type))?",
        rf"(?:title|font|type|lettering){_FILLER}\s+(?:elegant|refined|classy|graceful)",
    ),
    _rule(
        _voice("bold"),
        rf"(?:bold|bolder|heavy|heavier|strong|stronger|chunky|chunkier){_FACE}\s+(?:title|font|type|lettering|text)",
        r"(?:bolder|heavier|chunkier)(?:\s+(?:font|type|typeface|lettering))?",
        r"bold(?:\s+(?:font|type|typeface|lettering))?(?!\s+(?:colou?rs?|palette|colou?r\s+scheme|tones?|look|theme|style))",
        rf"(?:title|font|type|lettering){_FILLER}\s+(?:bold|bolder|heavier|chunkier|stronger)",
    ),
]


# One step of darker/warmer/more contrast...: a clearly visible change; "much" and "a bit" scale it.
STEP = 0.5
_STRONG = re.compile(r"\b(?:much|a\s+lot|way|far|very|really|significantly)\s+$")
_GENTLE = re.compile(r"\b(?:slightly|a\s+bit|a\s+little|a\s+touch|somewhat|a\s+tad|little)\s+$")


def _intensity(m: re.Match[str]) -> float:
    before = m.string[max(0, m.start() - 16) : m.start()]
    if _STRONG.search(before):
        return 1.6
    if _GENTLE.search(before):
        return 0.5
    return 1.0


def _adjust(key: str, delta: float, sentence: str) -> Callable[[_State, re.Match[str]], str]:
    def handler(state: _State, m: re.Match[str]) -> str:
        _nudge(state, key, delta * _intensity(m))
        if key == "brightness" and re.search(r"\b(?:background|sky|backdrop)\b", m.string):
            return sentence + " background"
        return sentence

    return handler


def _dramatic_sky(state: _State, m: re.Match[str]) -> str:
    state.brief = replace(state.brief, lighting="storm")
    _nudge(state, "contrast", STEP * 0.6)
    return "more dramatic, stormy sky"


def _calmer_sky(state: _State, m: re.Match[str]) -> str:
    if state.brief.lighting == "storm":
        state.brief = replace(state.brief, lighting="dusk")
    _nudge(state, "contrast", -0.2)
    return "calmer sky"


_TONE_RULES: list[Rule] = [
    _rule(
        _dramatic_sky,
        r"(?:more\s+)?(?:dramatic|stormy|stormier|turbulent|wilder)\s+sky",
        r"sky\s+(?:more\s+)?(?:dramatic|stormy|stormier)",
    ),
    _rule(_calmer_sky, r"(?:calmer|calm|clear|clearer|peaceful)\s+sky", r"sky\s+(?:calmer|clearer)"),
    _rule(
        _adjust("contrast", STEP, "more contrast"),
        r"(?:more|higher|increase(?:d)?|stronger|boost(?:ed)?|add(?:\s+more)?|bump\s+up)\s+(?:the\s+)?contrast",
        r"high[\s-]+contrast",
        r"contrast\s+(?:up|higher|stronger)",
        "punchier",
    ),
    _rule(
        _adjust("contrast", -STEP, "less contrast"),
        r"(?:less|lower|reduce(?:d)?|softer|decrease(?:d)?|weaker)\s+(?:the\s+)?contrast",
        r"low[\s-]+contrast",
        r"contrast\s+(?:down|lower|softer)",
    ),
    _rule(
        _adjust("contrast", STEP, "more dramatic (more contrast)"),
        r"more\s+(?:dramatic|drama|striking|punchy|impactful)",
        "dramatic",
    ),
    _rule(
        _adjust("contrast", -STEP, "softer, less contrast"),
        r"less\s+(?:dramatic|drama|harsh)",
        "subtler",
        "softer",
        "gentler",
    ),
    _rule(
        _adjust("brightness", -STEP, "darker"),
        "darker",
        "darken",
        "dimmer",
        "moodier",
        "gloomier",
        r"more\s+dark",
        r"less\s+(?:bright|light)",
        r"tone\s+(?:it\s+)?down",
        r"dark\s+(?:background|sky|image|cover|picture|tones?|colou?rs)",
        r"make\s+it\s+dark",
    ),
    _rule(
        _adjust("brightness", STEP, "lighter"),
        "lighter",
        "brighter",
        "brighten",
        "lighten",
        "sunnier",
        r"more\s+bright",
        r"more\s+light(?!\s+(?:rays?|beams?)\b)",
        r"less\s+dark",
        r"(?:light|bright)\s+(?:background|sky|image|cover|picture|tones?|colou?rs)",
        r"make\s+it\s+(?:light|bright)",
    ),
    _rule(
        _adjust("warmth", STEP, "warmer colours"),
        "warmer",
        r"warm\s+(?:it|things)\s+up",
        r"more\s+warmth",
        r"less\s+(?:cool|cold)",
    ),
    _rule(
        _adjust("warmth", -STEP, "cooler colours"),
        "cooler",
        "colder",
        "icier",
        r"cool\s+(?:it|things)\s+down",
        r"less\s+warm(?:th)?",
    ),
    _rule(
        _adjust("busyness", -STEP, "simpler composition"),
        "simpler",
        "simplify",
        "simple",
        "cleaner",
        r"minimal(?:ist)?",
        r"less\s+(?:busy|cluttered|clutter|detail(?:ed)?|going\s+on|noisy|complex)",
        r"fewer\s+(?:elements|things|details|objects|items)",
        "declutter",
        "uncluttered",
        "calmer",
        "quieter",
    ),
    _rule(
        _adjust("busyness", STEP, "busier, more detailed composition"),
        "busier",
        r"more\s+(?:detail(?:ed|s)?|busy|elements|things|going\s+on|complex|texture|intricate)",
        "richer",
        "detailed",
        "fuller",
    ),
    _rule(
        _adjust("contrast", STEP * 0.6, "more vivid colours"),
        r"(?:more\s+)?(?:vibrant|vivid|saturated|colou?rful)",
        r"make\s+it\s+pop",
        "punchy",
    ),
]


def _family(family: str) -> Callable[[_State, re.Match[str]], str]:
    def handler(state: _State, m: re.Match[str]) -> str:
        b = state.brief
        tone = "dark" if palettes.luminance(b.palette.colors["sky_top"]) < 0.18 else "light"
        if family == "monochrome" and re.search(r"black|white|gr[ae]y", m.group(0)):
            chosen = palettes.VARIANTS["monochrome-ink" if tone == "dark" else "monochrome-silver"].palette
        else:
            chosen = palettes.choose_palette(
                family=family, genre=b.genre, subgenre=b.subgenre, mood=b.mood, tone=tone, seed=0
            )
        state.brief = replace(b, palette=chosen)
        return f"{family} palette"

    return handler


_FAMILY_NAMES = "|".join(sorted(palettes.FAMILIES))


def _named_family(state: _State, m: re.Match[str]) -> str:
    return _family(m.group("family"))(state, m)


_FAMILY_RULES: list[Rule] = [
    _rule(
        _named_family,
        rf"(?P<family>{_FAMILY_NAMES})\s+(?:palette|colou?r\s+scheme|colou?r\s+palette|theme|look|style)",
    ),
    _rule(_family("monochrome"), "monochrome", "monochromatic", r"black\s+(?:and|&)\s+white", r"gr[ae]yscale"),
    _rule(_family("pastel"), "pastels?"),
    _rule(_family("earth"), r"earth(?:y|\s+tones?|\s+colou?rs)"),
    _rule(_family("muted"), "muted", "desaturated", "subdued"),
    _rule(_family("dark"), r"dark\s+(?:palette|colou?r\s+scheme|theme)"),
    _rule(_family("bold"), r"bold\s+(?:colou?rs|palette|colou?r\s+scheme)"),
    _rule(_family("warm"), r"warm\s+(?:colou?rs|palette|tones|colou?r\s+scheme)"),
    _rule(_family("cool"), r"cool\s+(?:colou?rs|palette|tones|colou?r\s+scheme)"),
    _rule(_family("metallic"), "metallic", "metal"),
    _rule(_family("duotone"), r"duo[\s-]?tone", r"two[\s-]tone"),
]


def _color(state: _State, mention: palettes.ColorMention) -> str:
    name = mention.name
    value = palettes.COLOR_WORDS[name]
    b = state.brief
    if mention.role == "accent":
        state.brief = replace(b, palette=palettes.with_accent(b.palette, value, name=f"{b.palette.name}+{name}"))
        return f"{name} accents"
    if name == "black":
        state.brief = replace(b, palette=palettes.retint(b.palette, value, name="black"))
        _nudge(state, "brightness", -STEP)
        return "black background"
    if name == "white":
        _nudge(state, "brightness", STEP)
        return "white, lighter background"
    state.brief = replace(b, palette=palettes.retint(b.palette, value, name=name.replace(" ", "-")))
    return f"{name} colour scheme"


# "less gloomy", "not so romantic": the mood moves to its counterpart.
_OPPOSITE_MOOD: dict[str, str] = {
    "intense": "uplifting",
    "mysterious": "uplifting",
    "melancholic": "uplifting",
    "uplifting": "melancholic",
    "romantic": "intellectual",
    "epic": "intellectual",
    "intellectual": "uplifting",
}
_LESS = re.compile(r"\b(?:less|not\s+(?:so|as|too)?|no\s+longer|without\s+the)\s*$")


def _mood(mood: str) -> Callable[[_State, re.Match[str]], str]:
    def handler(state: _State, m: re.Match[str]) -> str:
        wanted = mood
        said = f"{mood} mood"
        if _LESS.search(m.string[max(0, m.start() - 14) : m.start()]):
            wanted = _OPPOSITE_MOOD[mood]
            said = f"less {mood}: {wanted} mood"
        b = state.brief
        lighting = b.lighting
        fitting = MOOD_LIGHTING[wanted]
        forced = motif_lighting([m.name for m in b.motifs], b.setting)
        if lighting not in fitting and not forced and b.setting not in ("symbolic", "abstract", "interior"):
            lighting = fitting[0]
        state.brief = replace(b, mood=wanted, lighting=lighting)
        return said

    return handler


_MOOD_WORDS: dict[str, str] = {
    "intense": "intense tense tenser gritty grittier edgy edgier aggressive menacing thrilling",
    "mysterious": "mysterious mystery mystical eerie eerier spooky spookier creepy creepier ominous enigmatic haunting",
    "romantic": "romantic romance dreamy dreamier tender sensual sexier sexy loving swoony",
    "intellectual": "intellectual smart smarter sophisticated serious scholarly academic clever cerebral",
    "uplifting": "uplifting hopeful happy happier cheerful joyful optimistic positive upbeat fun playful cozy cozier",
    "epic": "epic grand grander heroic majestic cinematic legendary",
    "melancholic": "melancholic melancholy sad sadder somber sombre wistful gloomy bleak lonely nostalgic moody",
}
_MOOD_RULES: list[Rule] = [_rule(_mood(mood), *vocabulary.split()) for mood, vocabulary in _MOOD_WORDS.items()]


# A time of day is also a change of light over the whole picture: templates with a flat or
# designed sky would otherwise show little difference.
_LIGHTING_TONE: dict[str, dict[str, float]] = {
    "night": {"brightness": -0.5, "warmth": -0.3},
    "day": {"brightness": 0.5},
    "dawn": {"brightness": 0.2, "warmth": 0.35},
    "dusk": {"brightness": -0.1, "warmth": 0.4},
    "candle": {"brightness": -0.3, "warmth": 0.5},
    "studio": {"contrast": 0.3},
}


def _lighting(lighting: str, sentence: str) -> Callable[[_State, re.Match[str]], str]:
    def handler(state: _State, m: re.Match[str]) -> str:
        state.brief = replace(state.brief, lighting=lighting)
        for key, delta in _LIGHTING_TONE.get(lighting, {}).items():
            _nudge(state, key, delta)
        return sentence

    return handler


_LIGHTING_RULES: list[Rule] = [
    _rule(_lighting("dawn", "dawn light"), r"(?:at\s+)?(?:dawn|sunrise|daybreak|early\s+morning|morning\s+light)"),
    _rule(
        _lighting("day", "daylight"),
        "daytime",
        r"day\s+time",
        "daylight",
        "midday",
        "noon",
        r"broad\s+day(?:light)?",
        r"in\s+the\s+day",
    ),
    _rule(_lighting("dusk", "dusk light"), r"(?:at\s+)?(?:dusk|sunset|twilight|evening|golden\s+hour)"),
    _rule(_lighting("night", "night scene"), r"(?:at\s+)?(?:night(?:time)?|night\s+time|midnight)(?!\s+sky)"),
    _rule(_lighting("candle", "candlelight"), r"candle[\s-]?(?:light|lit)"),
    _rule(_lighting("studio", "studio lighting"), r"studio\s+light(?:ing)?", "spotlight"),
]


def _note(
    state: _State, position: int, sentence: str | None, kind: str = "picture", subject: str | None = None
) -> None:
    if sentence and all(sentence != said.said for _, said in state.understood):
        state.understood.append((position, Instruction(sentence, kind, subject)))


def _blank(text: str, start: int, end: int) -> str:
    """Blank out an understood span, keeping offsets (so replies can follow the prompt's order)."""
    return (
        text[:start] + " ~" + " " * (end - start - 2) + text[end:]
        if end - start >= 2
        else text[:start] + "~" + text[end:]
    )


def _run_rules(state: _State, text: str, rules: list[Rule], kind: str = "picture") -> str:
    for pattern, handler in rules:
        pos = 0
        while True:
            m = pattern.search(text, pos)
            if m is None:
                break
            sentence = handler(state, m)
            if sentence is None:
                # The rule declined (its words mean something else here): leave them for later passes.
                pos = m.end()
                continue
            _note(state, m.start(), sentence, _typography_kind(sentence) if kind == "title" else kind)
            text = _blank(text, m.start(), m.end())
            pos = m.start()
    return text


_NOT_THIS = re.compile(r"\b(?:less|no|not|without|fewer|too\s+much)\s+$")


def _run_colors(state: _State, text: str) -> str:
    for mention in palettes.find_colors(text):
        # "more red, less blue": a colour asked away is not a colour to paint with.
        if not _NOT_THIS.search(text[max(0, mention.start - 12) : mention.start]):
            _note(state, mention.start, _color(state, mention))
        text = _blank(text, mention.start, mention.end)
    return text


# ---------------------------------------------------------------------------------------------
# Motifs
# ---------------------------------------------------------------------------------------------

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


def _set_motifs(state: _State, motifs: list[MotifChoice], avoid: list[str]) -> None:
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


def _apply_motif(state: _State, action: str, name: str, source: str) -> str:
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
        _after_add(state, name)
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


def _after_add(state: _State, name: str) -> None:
    """Adding some motifs implies a time of day or weather the picture must show."""
    b = state.brief
    if name == "sun" and b.lighting in ("night", "nebula", "studio", "candle"):
        state.brief = replace(b, lighting="dusk")
    elif name in ("storm", "lightning"):
        state.brief = replace(b, lighting="storm")
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


def _typography_kind(sentence: str) -> str:
    return "type" if sentence.endswith(" type") else "title"


def _run_motifs(state: _State, text: str, prompt: str) -> str:
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
            _note(state, clause_start + tokens[match.start].start(), sentence, f"subject-{action}", match.motif)
    for start, end in consumed:
        text = _blank(text, start, end)
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


def _undrawable(text: str, ignored: tuple[str, ...]) -> tuple[str, ...]:
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


def _ignored_words(text: str) -> tuple[str, ...]:
    seen: list[str] = []
    for word in re.findall(r"[a-z][a-z0-9]*", text):
        if word not in _NO_CONTENT and word not in seen:
            seen.append(word)
    return tuple(seen)


# ---------------------------------------------------------------------------------------------


def apply_edit(brief: Brief, overrides: dict[str, Any], prompt: str) -> tuple[Brief, dict[str, Any], list[str]]:
    """Apply a free-text edit. Returns the new brief, the new typography overrides and what was understood.

    Raises EditNotUnderstood when no part of the prompt could be turned into a change.
    """
    outcome = edit_outcome(brief, overrides, prompt)
    return outcome.brief, outcome.overrides, outcome.understood


def edit_outcome(brief: Brief, overrides: dict[str, Any], prompt: str) -> EditOutcome:
    """apply_edit with the detail verification needs: each instruction's kind and the ignored words."""
    if not isinstance(prompt, str) or not prompt.strip():
        raise EditNotUnderstood(not_understood_message(prompt if isinstance(prompt, str) else ""))
    text = " " + re.sub(r"['’]", "", fold(prompt)) + " "
    text = text.replace("&", " & ")
    state = _State(
        brief=brief,
        overrides=dict(overrides or {}),
        understood=[],
        title_mentioned=re.search(r"\btitle\b", text) is not None,
        original=text,
    )
    text = _run_rules(state, text, _TYPOGRAPHY_RULES, "title")
    text = _run_rules(state, text, _TONE_RULES)
    text = _run_rules(state, text, _FAMILY_RULES)
    text = _run_colors(state, text)
    text = _run_rules(state, text, _MOOD_RULES)
    text = _run_rules(state, text, _LIGHTING_RULES)
    text = _run_motifs(state, text, prompt)
    if not state.understood:
        raise EditNotUnderstood(not_understood_message(prompt, _undrawable(text, _ignored_words(text))))
    if state.brief.lighting != brief.lighting:
        # Templates design their own sky; an asked-for lighting must win over it when rendered.
        state.overrides["lighting"] = state.brief.lighting
    instructions = tuple(i for _, i in sorted(state.understood, key=lambda item: item[0]))
    adjust = {k: float(state.brief.adjust.get(k, 0.0)) for k in ADJUST_KEYS}
    new_brief = with_prompt(replace(state.brief, adjust=adjust))
    ignored = _ignored_words(text)
    return EditOutcome(new_brief, state.overrides, instructions, ignored, _undrawable(text, ignored))


__all__ = ["EXAMPLES", "EditOutcome", "Instruction", "apply_edit", "edit_outcome", "not_understood_message"]
