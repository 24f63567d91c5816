"""Title rules: its position and size (into the overrides the typesetter reads) and its typeface voice."""

from __future__ import annotations

import re
from collections.abc import Callable

from .passes import Rule, State, rule

TITLE_SCALE_RANGE = (0.7, 1.6)


_SIZE_UP = r"bigger|larger|huge|enormous|big|large|enlarge|increase|grow|biggest"
_SIZE_DOWN = r"smaller|small|tiny|shrink|reduce|decrease|smallest"


def _title_size(state: State, m: re.Match[str]) -> str:
    text = m.group(0)
    up = re.search(_SIZE_UP, text) is not None and re.search(_SIZE_DOWN, text) is None
    strong = re.search(r"\b(?:much|a\s+lot|way|huge|enormous)\b", text) is not None
    factor = (1.35 if strong else 1.2) if up else (1 / 1.35 if strong else 1 / 1.2)
    current = float(state.overrides.get("title_scale", 1.0))
    lo, hi = TITLE_SCALE_RANGE
    state.overrides["title_scale"] = round(max(lo, min(hi, current * factor)), 3)
    return "bigger title" if up else "smaller title"


def _title_position(state: State, m: re.Match[str]) -> str:
    where = m.group("pos")
    if where in ("top", "upper", "higher", "up", "above"):
        position = "top"
    elif where in ("bottom", "lower", "down", "below", "foot"):
        position = "bottom"
    else:
        position = "middle"
    state.overrides["title_position"] = position
    return {"top": "title at the top", "bottom": "title at the bottom", "middle": "title in the middle"}[position]


def _title_it_position(state: State, m: re.Match[str]) -> str | None:
    # "move it to the top" only speaks of the title when the prompt names the title.
    return _title_position(state, m) if state.title_mentioned else None


def _voice(voice: str) -> Callable[[State, re.Match[str]], str]:
    def handler(state: State, m: re.Match[str]) -> str:
        state.overrides["type_voice"] = voice
        return {
            "serif": "serif type",
            "sans": "sans-serif type",
            "script": "script type",
            "elegant": "elegant type",
            "bold": "bold type",
        }[voice]

    return handler


def _title_shift(state: State, m: re.Match[str]) -> str:
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

TYPOGRAPHY_RULES: list[Rule] = [
    rule(
        _title_size,
        rf"(?:{_SIZE_UP}|{_SIZE_DOWN})\s+(?:the\s+)?(?:size\s+of\s+the\s+)?{_TITLE}(?:\s+(?:font|size))?",
        rf"{_TITLE}{_FILLER}\s+(?:{_SIZE_UP}|{_SIZE_DOWN})",
    ),
    rule(
        _title_position,
        rf"(?:move|put|place|set|position)\s+(?:the\s+)?title\s+(?:to|at|on|in|near)\s+(?:the\s+)?{_POS}",
    ),
    rule(_title_position, rf"title{_FILLER}\s+(?:(?:at|to|on|in|near)\s+)?(?:the\s+)?{_POS}"),
    rule(_title_position, rf"{_POS}\s+(?:the\s+)?title"),
    rule(_title_it_position, rf"(?:move|put|place|set)\s+it\s+(?:to|at|on|in|near)\s+(?:the\s+)?{_POS}"),
    rule(
        _title_shift,
        r"(?P<pos2>higher|lower|up|down)\s+(?:the\s+)?title",
        rf"title{_FILLER}\s+(?P<pos3>higher|lower|up|down)",
    ),
    # "bigger title and at the top": once the title is named, a bare position speaks of it.
    rule(_title_it_position, rf"(?:at|to|on|in)\s+the\s+{_POS}(?:\s+of\s+the\s+(?:cover|page|image))?"),
    rule(_voice("sans"), rf"(?:sans[\s-]*serif|sans|grotesque){_FACE}", rf"modern{_FACE}"),
    rule(_voice("serif"), rf"serif{_FACE}", r"classic(?:al)?\s+(?:font|type|typeface|lettering)", r"book\s+face"),
    rule(_voice("script"), rf"(?:script|hand[\s-]?written|handwriting|calligraph\w*|cursive){_FACE}"),
    rule(
        _voice("elegant"),
        rf"(?:elegant|refined|classy|luxurious|graceful|didone){_FACE}(?:\s+(?:title|font|type))?",
        rf"(?:title|font|type|lettering){_FILLER}\s+(?:elegant|refined|classy|graceful)",
    ),
    rule(
        _voice("bold"),
        rf"(?:bold|bolder|heavy|heavier|strong|stronger|chunky|chunkier){_FACE}\s+(?:title|font|type|lettering|text)",
        r"(?:bolder|heavier|chunkier)(?:\s+(?:font|type|typeface|lettering))?",
        r"bold(?:\s+(?:font|type|typeface|lettering))?(?!\s+(?:colou?rs?|palette|colou?r\s+scheme|tones?|look|theme|style))",
        rf"(?:title|font|type|lettering){_FILLER}\s+(?:bold|bolder|heavier|chunkier|stronger)",
    ),
]
