"""Light and weather rules: a dramatic or calm sky, the mood, the time of day."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..brief import MOOD_LIGHTING, motif_lighting
from .passes import STEP, Rule, State, nudge, rule


def _dramatic_sky(state: State, m: re.Match[str]) -> str:
    state.brief = replace(state.brief, lighting="storm")
    nudge(state, "contrast", STEP * 0.6)
    return "more dramatic, stormy sky"


def _calmer_sky(state: State, m: re.Match[str]) -> str:
    if state.brief.lighting == "storm":
        state.brief = replace(state.brief, lighting="dusk")
    nudge(state, "contrast", -0.2)
    return "calmer sky"


SKY_RULES: list[Rule] = [
    rule(
        _dramatic_sky,
        r"(?:more\s+)?(?:dramatic|stormy|stormier|turbulent|wilder)\s+sky",
        r"sky\s+(?:more\s+)?(?:dramatic|stormy|stormier)",
    ),
    rule(_calmer_sky, r"(?:calmer|calm|clear|clearer|peaceful)\s+sky", r"sky\s+(?:calmer|clearer)"),
]


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


def _mood(mood: str) -> Callable[[State, re.Match[str]], str]:
    def handler(state: State, m: re.Match[str]) -> str:
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
MOOD_RULES: list[Rule] = [rule(_mood(mood), *vocabulary.split()) for mood, vocabulary in _MOOD_WORDS.items()]


# A time of day is also a change of light over the whole picture: templates with a flat or
# designed sky would otherwise show little difference.
LIGHTING_TONE: dict[str, dict[str, float]] = {
    "night": {"brightness": -0.5, "warmth": -0.3},
    "day": {"brightness": 0.5},
    "dawn": {"brightness": 0.2, "warmth": 0.35},
    "dusk": {"brightness": -0.1, "warmth": 0.4},
    "candle": {"brightness": -0.3, "warmth": 0.5},
    "studio": {"contrast": 0.3},
    # A storm's light: darker and colder. Designs that paint no sky show the storm by it alone.
    "storm": {"brightness": -0.3, "warmth": -0.4},
}


def relight(state: State, lighting: str) -> None:
    """The picture takes a new light: its lighting, and the tone that light casts over the whole picture."""
    if state.brief.lighting == lighting:
        return
    state.brief = replace(state.brief, lighting=lighting)
    for key, delta in LIGHTING_TONE.get(lighting, {}).items():
        nudge(state, key, delta)


def _lighting(lighting: str, sentence: str) -> Callable[[State, re.Match[str]], str]:
    def handler(state: State, m: re.Match[str]) -> str:
        state.brief = replace(state.brief, lighting=lighting)
        for key, delta in LIGHTING_TONE.get(lighting, {}).items():
            nudge(state, key, delta)
        return sentence

    return handler


LIGHTING_RULES: list[Rule] = [
    rule(_lighting("dawn", "dawn light"), r"(?:at\s+)?(?:dawn|sunrise|daybreak|early\s+morning|morning\s+light)"),
    rule(
        _lighting("day", "daylight"),
        "daytime",
        r"day\s+time",
        "daylight",
        "midday",
        "noon",
        r"broad\s+day(?:light)?",
        r"in\s+the\s+day",
    ),
    rule(_lighting("dusk", "dusk light"), r"(?:at\s+)?(?:dusk|sunset|twilight|evening|golden\s+hour)"),
    rule(_lighting("night", "night scene"), r"(?:at\s+)?(?:night(?:time)?|night\s+time|midnight)(?!\s+sky)"),
    rule(_lighting("candle", "candlelight"), r"candle[\s-]?(?:light|lit)"),
    rule(_lighting("studio", "studio lighting"), r"studio\s+light(?:ing)?", "spotlight"),
]
