"""Sample books that show each template off in its preview: a title of the family's kind."""

from __future__ import annotations

from cover_engine.vocabulary import subgenres_for

from ..lexicon import MOTIFS
from ..recipe import BookText, CoverOptions
from .spec import TemplateSpec

# family -> (title, subtitle, author, summary)
FAMILY_SAMPLES: dict[str, tuple[str, str, str, str]] = {
    "cinematic": (
        "The Last Witness",
        "",
        "Daniel Cross",
        "A detective races through a city at night to find the one person who saw the murder.",
    ),
    "noir": (
        "A Quiet Kind of Murder",
        "",
        "Eleanor Vane",
        "Rain, a harbour town and a lamp left burning in the window of a dead man's house.",
    ),
    "epic": (
        "The Crown of Ash",
        "Book One of the Ember Throne",
        "Marcus Ellery",
        "A castle in the mountains, a dragon in the clouds and a sword that chooses its king.",
    ),
    "enchanted": (
        "The Lantern Keeper",
        "",
        "Rosalind Finch",
        "A witch opens a tea shop in a village where the forest glows at dusk.",
    ),
    "dark-object": (
        "Thorns of Gold",
        "",
        "Valentina Cruz",
        "A rose, a dagger and a crown: she was promised to the prince who would kill her.",
    ),
    "sci-fi": (
        "Beyond the Red Horizon",
        "",
        "Kai Nakamura",
        "A lone ship drifts past a dying planet toward the stars beyond the galaxy's edge.",
    ),
    "horror": (
        "The Hollow House",
        "",
        "Morgan Black",
        "An old house on the hill under a full moon, where the bare trees whisper at night.",
    ),
    "romance-script": (
        "Summer at Rosewood",
        "",
        "Amelia Hart",
        "Two strangers, one seaside town and a garden full of roses.",
    ),
    "heritage": (
        "The Clockmaker's Daughter",
        "A Novel",
        "Henrietta Marsh",
        "Victorian London: an old city of bridges, letters and a ship that never came home.",
    ),
    "bold-type": (
        "Think Bigger",
        "Ten Rules for Building a Business That Lasts",
        "Jordan Blake",
        "Practical strategy, growth charts and habits for founders.",
    ),
    "modern-minimal": (
        "All the Small Things",
        "",
        "Clara Lindqvist",
        "A quiet novel about a family, a lake house and one long summer.",
    ),
    "memoir": (
        "Where the River Bends",
        "A Memoir",
        "Grace Okafor",
        "A woman remembers the road home, her mother's letters and the river of her childhood.",
    ),
    "spiritual": (
        "The Still Point",
        "Finding Peace in a Restless World",
        "Thomas Merriweather",
        "Light through the clouds at dawn: a gentle guide to prayer and stillness.",
    ),
    "energy": (
        "Stronger Every Day",
        "The 12-Week Plan",
        "Maya Torres",
        "Running, strength and fuel: a plan for energy that lasts.",
    ),
    "kids": (
        "Pip and the Moon",
        "",
        "Lucy Appleby",
        "A little fox sets off over the hills to say goodnight to the moon.",
    ),
    "ya-pop": (
        "Girl on Fire",
        "",
        "Skye Rivers",
        "Seventeen, a secret and a heart that burns brighter than the city lights.",
    ),
    "poetry": (
        "Salt and Feather",
        "Poems",
        "Iris Calloway",
        "Poems of the sea, birds, the moon and small quiet things.",
    ),
}


def sample_book(spec: TemplateSpec) -> BookText:
    """A believable book for this template's preview: its family's title in its best-fit genre."""
    title, subtitle, author, summary = FAMILY_SAMPLES[spec.family]
    genre = spec.genres[0]
    offered = subgenres_for(genre)
    subgenre = next((s for s in spec.subgenres if s in offered), "")
    return BookText(title=title, subtitle=subtitle, author=author, genre=genre, subgenre=subgenre, summary=summary)


def sample_options(spec: TemplateSpec) -> CoverOptions:
    """Options for the preview: the template's signature motif as the main element, so each
    preview shows what the design is made for (a rose for the black-rose design...)."""
    signature = MOTIFS[spec.motifs[0]].phrases[0] if spec.motifs else ""
    return CoverOptions(template_id=spec.id, main_elements=signature)
