"""The machinery of an edit: what a pass understood, the state it changes, and rules as
(pattern, handler) pairs run over the prompt, each blanking out the words it used."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..brief import Brief


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
class State:
    brief: Brief
    overrides: dict[str, Any]
    understood: list[tuple[int, Instruction]]  # (position in the prompt, what was understood)
    title_mentioned: bool
    original: str = ""  # the folded prompt before any pass blanked it (same offsets)


def clamp(value: float, lo: float = -1.0, hi: float = 1.0) -> float:
    return round(max(lo, min(hi, value)), 3)


def nudge(state: State, key: str, delta: float) -> None:
    adjust = dict(state.brief.adjust)
    adjust[key] = clamp(adjust.get(key, 0.0) + delta)
    state.brief = replace(state.brief, adjust=adjust)


# ---------------------------------------------------------------------------------------------
# Passes over the text. Each rule is (pattern, handler(state, match) -> understood sentence or None).
# ---------------------------------------------------------------------------------------------

Rule = tuple[re.Pattern[str], Callable[[State, re.Match[str]], "str | None"]]


def rule(handler: Callable[[State, re.Match[str]], str | None], *alternatives: str) -> Rule:
    """A rule matching any of ``alternatives`` (regular expressions) as whole words."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b"), handler


# One step of darker/warmer/more contrast...: a clearly visible change; "much" and "a bit" scale it.
STEP = 0.5
_STRONG = re.compile(r"\b(?:much|a\s+lot|way|far|very|really|significantly)\s+$")
_GENTLE = re.compile(r"\b(?:slightly|a\s+bit|a\s+little|a\s+touch|somewhat|a\s+tad|little)\s+$")


def intensity(m: re.Match[str]) -> float:
    before = m.string[max(0, m.start() - 16) : m.start()]
    if _STRONG.search(before):
        return 1.6
    if _GENTLE.search(before):
        return 0.5
    return 1.0


def note(state: State, position: int, sentence: str | None, kind: str = "picture", subject: str | None = None) -> None:
    if sentence and all(sentence != said.said for _, said in state.understood):
        state.understood.append((position, Instruction(sentence, kind, subject)))


def blank(text: str, start: int, end: int) -> str:
    """Blank out an understood span, keeping offsets (so replies can follow the prompt's order)."""
    return (
        text[:start] + " ~" + " " * (end - start - 2) + text[end:]
        if end - start >= 2
        else text[:start] + "~" + text[end:]
    )


def run_rules(state: State, text: str, rules: list[Rule], kind: str = "picture") -> str:
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
            note(state, m.start(), sentence, typography_kind(sentence) if kind == "title" else kind)
            text = blank(text, m.start(), m.end())
            pos = m.start()
    return text


def typography_kind(sentence: str) -> str:
    return "type" if sentence.endswith(" type") else "title"
