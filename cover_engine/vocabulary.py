"""The genre, subgenre, mood and palette vocabulary: the engine owns it; the API, web UI and books read it.

Pure Python on purpose (no Django import), so the cover engine can read it too.
Slugs are case-sensitive and match the public contract exactly.
"""

from __future__ import annotations

GENRES: dict[str, str] = {
    "business-economics": "Business & Economics",
    "religion-spirituality": "Religion & Spirituality",
    "non-fiction": "Non-Fiction",
    "fantasy": "Fantasy",
    "romance": "Romance",
    "thriller": "Thriller",
    "mystery": "Mystery",
    "science-fiction": "Science Fiction",
    "horror": "Horror",
    "historical-fiction": "Historical Fiction",
    "health-fitness": "Health & Fitness",
    "contemporary-fiction": "Contemporary Fiction",
    "young-adult": "Young Adult",
    "childrens": "Children's",
    "self-help": "Self-Help & Personal Development",
    "biography-memoir": "Biography & Memoir",
    "poetry": "Poetry",
}

SUBGENRES: dict[str, dict[str, str]] = {
    "romance": {
        "contemporary": "Contemporary Romance",
        "romantasy": "Romantasy",
        "new-adult": "New Adult Romance",
        "dark-romance": "Dark Romance",
        "sports": "Sports Romance",
        "romantic-suspense": "Romantic Suspense",
        "erotic": "Erotic Romance",
        "paranormal-monster": "Paranormal & Monster Romance",
        "historical-romance": "Historical Romance",
    },
    "fantasy": {
        "romantasy": "Romantasy",
        "epic-fantasy": "Epic & High Fantasy",
        "dystopian": "Dystopian",
        "dark-fantasy": "Dark Fantasy & Horror",
        "cozy-fantasy": "Cozy Fantasy",
        "litrpg": "LitRPG & Progression",
        "dark-academia": "Dark Academia Fantasy",
        "myth-folklore": "Myth & Folklore Retellings",
        "contemporary-urban": "Contemporary & Urban Fantasy",
        "grounded-low": "Grounded & Low Fantasy",
    },
    "childrens": {
        "picture-book": "Picture Book",
        "early-reader": "Early Reader",
        "chapter-book": "Chapter Book",
        "middle-grade": "Middle Grade",
        "other": "Other",
    },
}

TARGET_AUDIENCES: dict[str, str] = {
    "children": "Children",
    "middle-grade": "Middle grade",
    "young-adult": "Young adult",
    "new-adult": "New adult",
    "adult": "Adult",
}

MOODS: tuple[str, ...] = ("intense", "mysterious", "romantic", "intellectual", "uplifting", "epic", "melancholic")

COLOR_PALETTES: tuple[str, ...] = (
    "monochrome",
    "pastel",
    "earth",
    "muted",
    "dark",
    "bold",
    "warm",
    "cool",
    "metallic",
    "duotone",
)

ASSET_TYPES: tuple[str, ...] = ("preview", "full", "audiobook_preview", "audiobook_full")


def is_genre(slug: str) -> bool:
    return slug in GENRES


def subgenres_for(genre: str) -> dict[str, str]:
    """The subgenres a genre offers; empty for genres that have none."""
    return SUBGENRES.get(genre, {})
