"""The prompt an image model gets, built from the brief and the composition.

The brief already describes the picture in words (brief.compose_prompt: subject, setting, light,
mood, palette). Here we add what a model needs and our painters did not: the era the book is set
in, the genre's visual conventions, where the type will sit (so the model leaves that area calm)
and, firmly, no text of any kind. Providers that take a negative prompt get the unwanted things
there too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..brief import Brief, compose_prompt
from ..lexicon import MOTIFS, motif_word
from ..recipe import BookText

NO_TEXT = "No text, no letters, no words, no numbers, no watermark, no signature, no logo, no border."
NEGATIVE = (
    "text, letters, words, typography, title, caption, numbers, watermark, signature, logo, frame, border, "
    "blurry, low quality, jpeg artifacts, deformed"
)

# What covers of each genre look like (the engine's genre playbook, README.md), in a model's words.
GENRE_CONVENTIONS: dict[str, str] = {
    "thriller": "cinematic, tense, high contrast, one off-centre focal element, gritty film grain",
    "mystery": "atmospheric, foggy, a warm light in the dark, muted colours",
    "fantasy": "epic painterly illustration, vast landscape, rim light, sense of scale",
    "romance": "soft warm light, elegant, intimate, gentle colour gradients",
    "science-fiction": "cinematic science-fiction concept art, vast scale, cool rim light",
    "horror": "dark, eerie, heavy shadows, fog, a single lit window or red accent, film grain",
    "historical-fiction": "painterly, period detail, golden side light, slightly desaturated",
    "young-adult": "bold, saturated, dramatic rim light, dark blues and purples",
    "childrens": "friendly storybook illustration, rounded shapes, bright cheerful colours",
    "contemporary-fiction": "minimal, restrained, one evocative image, lots of negative space",
    "business-economics": "clean, minimal, conceptual, one object under a spotlight",
    "self-help": "bright, uplifting, clean, simple shapes, dawn light",
    "health-fitness": "energetic, dynamic diagonal movement, fresh colours",
    "biography-memoir": "documentary, timeless, warm archival tones",
    "poetry": "quiet, lyrical, one natural motif, lots of space",
    "religion-spirituality": "luminous, serene, soft rays of light",
    "non-fiction": "clear, graphic, one strong image",
}

# Eras a book's own words name; the first found sets the period detail.
_ERAS: tuple[tuple[str, str], ...] = (
    (r"\b(victorian|1880s|1890s)\b", "Victorian era"),
    (r"\b(regency|georgian)\b", "Regency era"),
    (r"\b(medieval|middle ages|knights?)\b", "medieval era"),
    (r"\b(viking|norse)\b", "Viking age"),
    (r"\b(roman empire|ancient rome|gladiators?)\b", "ancient Rome"),
    (r"\b(ancient egypt|pharaohs?)\b", "ancient Egypt"),
    (r"\b(world war (i|one|1)|great war|trenches)\b", "First World War era"),
    (r"\b(world war (ii|two|2)|the blitz|1940s|wartime)\b", "1940s wartime"),
    (r"\b(roaring twenties|1920s|jazz age|prohibition)\b", "1920s"),
    (r"\b(1950s|fifties)\b", "1950s"),
    (r"\b(1960s|sixties)\b", "1960s"),
    (r"\b(1980s|eighties)\b", "1980s"),
    (r"\b(future|futuristic|22nd century|dystopian)\b", "the future"),
    (r"\b(wild west|frontier|cowboys?)\b", "the Old West"),
)


def book_era(text: BookText) -> str:
    words = " ".join((text.title, text.subtitle, text.summary)).lower()
    for pattern, era in _ERAS:
        if re.search(pattern, words):
            return era
    return ""


def _band(top: float, bottom: float) -> str:
    middle = (top + bottom) / 2
    if bottom <= 0.4:
        where = "top"
    elif top >= 0.6:
        where = "bottom"
    elif middle < 0.45:
        where = "upper part"
    elif middle > 0.55:
        where = "lower part"
    else:
        where = "middle"
    return f"the {where} of the image ({round((bottom - top) * 100)}% of its height)"


def type_bands(calm_zones: Sequence[tuple[float, float, float, float]]) -> list[tuple[float, float]]:
    """The horizontal bands the type occupies (top, bottom as shares of the height), overlapping or
    nearly touching zones merged."""
    bands: list[list[float]] = []
    for _x, y, _w, h in sorted(calm_zones, key=lambda z: z[1]):
        if bands and y <= bands[-1][1] + 0.03:
            bands[-1][1] = max(bands[-1][1], y + h)
        else:
            bands.append([max(0.0, y), min(1.0, y + h)])
    return [(top, bottom) for top, bottom in bands]


def free_band(calm_zones: Sequence[tuple[float, float, float, float]]) -> tuple[float, float] | None:
    """The tallest band free of type (top, bottom), where the subject goes; None when there is none."""
    edges = [0.0] + [v for band in type_bands(calm_zones) for v in band] + [1.0]
    gaps = [(edges[i], edges[i + 1]) for i in range(0, len(edges) - 1, 2) if edges[i + 1] - edges[i] > 0.1]
    return max(gaps, key=lambda g: g[1] - g[0]) if gaps else None


def composition_instruction(calm_zones: Sequence[tuple[float, float, float, float]]) -> str:
    """Where the picture must stay quiet (the type's areas, shares of the cover) and where the subject goes."""
    if not calm_zones:
        return "Place the main subject prominently."
    calm = " and ".join(_band(top, bottom) for top, bottom in type_bands(calm_zones))
    free = free_band(calm_zones)
    subject = (
        f"Place the main subject between {round(free[0] * 100)}% and {round(free[1] * 100)}% of the image's "
        "height, measured from the top."
        if free
        else "Keep the main subject small and central."
    )
    return (
        f"Composition: keep {calm} calm and uncluttered (plain sky, soft gradient or shadow, no subject, "
        f"no detail there), because the book's title and author will be set there. {subject}"
    )


@dataclass(frozen=True)
class ArtPrompt:
    prompt: str
    negative_prompt: str


def art_prompt(
    brief: Brief,
    text: BookText,
    calm_zones: Sequence[tuple[float, float, float, float]],
    *,
    extra: str = "",
) -> ArtPrompt:
    """The prompt for this brief and composition; `extra` is an edit's own instruction ("add a fox")."""
    parts = [compose_prompt(brief)]
    era = book_era(text)
    if era:
        parts.append(f"Period: {era}, with accurate period detail.")
    style = GENRE_CONVENTIONS.get(brief.genre)
    if style:
        parts.append(f"Style: {style}.")
    if extra:
        parts.append(extra.strip().rstrip(".") + ".")
    parts.append(composition_instruction(calm_zones))
    parts.append(NO_TEXT)
    avoided = [motif_word(n) for n in brief.avoid if n in MOTIFS]
    negative = ", ".join([NEGATIVE, *avoided])
    return ArtPrompt(prompt=" ".join(parts), negative_prompt=negative)
