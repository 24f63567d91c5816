"""Colour rules: tone (darker, contrast, warmth, busyness), palette families and colour words."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .. import palettes
from .passes import STEP, Rule, State, blank, intensity, note, nudge, rule


def _adjust(key: str, delta: float, sentence: str) -> Callable[[State, re.Match[str]], str]:
    def handler(state: State, m: re.Match[str]) -> str:
        nudge(state, key, delta * intensity(m))
        if key == "brightness" and re.search(r"\b(?:background|sky|backdrop)\b", m.string):
            return sentence + " background"
        return sentence

    return handler


TONE_RULES: list[Rule] = [
    rule(
        _adjust("contrast", STEP, "more contrast"),
        r"(?:more|higher|increase(?:d)?|stronger|boost(?:ed)?|add(?:\s+more)?|bump\s+up)\s+(?:the\s+)?contrast",
        r"high[\s-]+contrast",
        r"contrast\s+(?:up|higher|stronger)",
        "punchier",
    ),
    rule(
        _adjust("contrast", -STEP, "less contrast"),
        r"(?:less|lower|reduce(?:d)?|softer|decrease(?:d)?|weaker)\s+(?:the\s+)?contrast",
        r"low[\s-]+contrast",
        r"contrast\s+(?:down|lower|softer)",
    ),
    rule(
        _adjust("contrast", STEP, "more dramatic (more contrast)"),
        r"more\s+(?:dramatic|drama|striking|punchy|impactful)",
        "dramatic",
    ),
    rule(
        _adjust("contrast", -STEP, "softer, less contrast"),
        r"less\s+(?:dramatic|drama|harsh)",
        "subtler",
        "softer",
        "gentler",
    ),
    rule(
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
    rule(
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
    rule(
        _adjust("warmth", STEP, "warmer colours"),
        "warmer",
        r"warm\s+(?:it|things)\s+up",
        r"more\s+warmth",
        r"less\s+(?:cool|cold)",
    ),
    rule(
        _adjust("warmth", -STEP, "cooler colours"),
        "cooler",
        "colder",
        "icier",
        r"cool\s+(?:it|things)\s+down",
        r"less\s+warm(?:th)?",
    ),
    rule(
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
    rule(
        _adjust("busyness", STEP, "busier, more detailed composition"),
        "busier",
        r"more\s+(?:detail(?:ed|s)?|busy|elements|things|going\s+on|complex|texture|intricate)",
        "richer",
        "detailed",
        "fuller",
    ),
    rule(
        _adjust("contrast", STEP * 0.6, "more vivid colours"),
        r"(?:more\s+)?(?:vibrant|vivid|saturated|colou?rful)",
        r"make\s+it\s+pop",
        "punchy",
    ),
]


def _family(family: str) -> Callable[[State, re.Match[str]], str]:
    def handler(state: State, m: re.Match[str]) -> str:
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


def _named_family(state: State, m: re.Match[str]) -> str:
    return _family(m.group("family"))(state, m)


FAMILY_RULES: list[Rule] = [
    rule(
        _named_family,
        rf"(?P<family>{_FAMILY_NAMES})\s+(?:palette|colou?r\s+scheme|colou?r\s+palette|theme|look|style)",
    ),
    rule(_family("monochrome"), "monochrome", "monochromatic", r"black\s+(?:and|&)\s+white", r"gr[ae]yscale"),
    rule(_family("pastel"), "pastels?"),
    rule(_family("earth"), r"earth(?:y|\s+tones?|\s+colou?rs)"),
    rule(_family("muted"), "muted", "desaturated", "subdued"),
    rule(_family("dark"), r"dark\s+(?:palette|colou?r\s+scheme|theme)"),
    rule(_family("bold"), r"bold\s+(?:colou?rs|palette|colou?r\s+scheme)"),
    rule(_family("warm"), r"warm\s+(?:colou?rs|palette|tones|colou?r\s+scheme)"),
    rule(_family("cool"), r"cool\s+(?:colou?rs|palette|tones|colou?r\s+scheme)"),
    rule(_family("metallic"), "metallic", "metal"),
    rule(_family("duotone"), r"duo[\s-]?tone", r"two[\s-]tone"),
]


def _color(state: State, mention: palettes.ColorMention) -> str:
    name = mention.name
    value = palettes.COLOR_WORDS[name]
    b = state.brief
    if mention.role == "accent":
        state.brief = replace(b, palette=palettes.with_accent(b.palette, value, name=f"{b.palette.name}+{name}"))
        return f"{name} accents"
    if name == "black":
        state.brief = replace(b, palette=palettes.retint(b.palette, value, name="black"))
        nudge(state, "brightness", -STEP)
        return "black background"
    if name == "white":
        nudge(state, "brightness", STEP)
        return "white, lighter background"
    state.brief = replace(b, palette=palettes.retint(b.palette, value, name=name.replace(" ", "-")))
    return f"{name} colour scheme"


_NOT_THIS = re.compile(r"\b(?:less|no|not|without|fewer|too\s+much)\s+$")


def run_colors(state: State, text: str) -> str:
    for mention in palettes.find_colors(text):
        # "more red, less blue": a colour asked away is not a colour to paint with.
        if not _NOT_THIS.search(text[max(0, mention.start - 12) : mention.start]):
            note(state, mention.start, _color(state, mention))
        text = blank(text, mention.start, mention.end)
    return text
