"""Edits by text prompt: "make the background darker and add more stars" -> a changed brief.

``apply_edit`` reads a free-text instruction in passes, most specific first: typography (title
position and size, typeface voice), tone (darker, contrast, warmth, busyness, drama), palettes and
colour words, mood, time of day, and finally motifs with the verb that governs each ("add", "more",
"remove", "no", "fewer", "bigger"...). Each pass blanks out what it understood so later passes do
not read the same words twice. Art changes go into the Brief; typography changes go into
``overrides`` (read by the typesetter). Nothing understood at all is an error, never a silent no-op.

The rules live by what they change: ``typography`` (title place, size, voice), ``colour`` (tone,
palette families, colour words), ``light`` (sky, mood, time of day), ``subjects`` (motifs and their
verbs); ``passes`` holds the state they share and how a rule runs over the prompt.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..brief import ADJUST_KEYS, Brief, with_prompt
from ..errors import EditNotUnderstood
from ..lexicon import fold
from .colour import FAMILY_RULES, TONE_RULES, run_colors
from .light import LIGHTING_RULES, MOOD_RULES, SKY_RULES
from .passes import EditOutcome, Instruction, State, run_rules
from .subjects import ignored_words, run_motifs, undrawable
from .typography import TYPOGRAPHY_RULES

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
    state = State(
        brief=brief,
        overrides=dict(overrides or {}),
        understood=[],
        title_mentioned=re.search(r"\btitle\b", text) is not None,
        original=text,
    )
    text = run_rules(state, text, TYPOGRAPHY_RULES, "title")
    text = run_rules(state, text, SKY_RULES + TONE_RULES)
    text = run_rules(state, text, FAMILY_RULES)
    text = run_colors(state, text)
    text = run_rules(state, text, MOOD_RULES)
    text = run_rules(state, text, LIGHTING_RULES)
    text = run_motifs(state, text, prompt)
    if not state.understood:
        raise EditNotUnderstood(not_understood_message(prompt, undrawable(text, ignored_words(text))))
    if state.brief.lighting != brief.lighting:
        # Templates design their own sky; an asked-for lighting must win over it when rendered.
        state.overrides["lighting"] = state.brief.lighting
    instructions = tuple(i for _, i in sorted(state.understood, key=lambda item: item[0]))
    adjust = {k: float(state.brief.adjust.get(k, 0.0)) for k in ADJUST_KEYS}
    new_brief = with_prompt(replace(state.brief, adjust=adjust))
    ignored = ignored_words(text)
    return EditOutcome(new_brief, state.overrides, instructions, ignored, undrawable(text, ignored))


__all__ = ["EXAMPLES", "EditOutcome", "Instruction", "apply_edit", "edit_outcome", "not_understood_message"]
