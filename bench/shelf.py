"""Genre shelves: per genre, three books x three composition archetypes, rendered small.

    .venv/bin/python bench/shelf.py [--scale 0.3] [--out bench/out/shelf] [--genre thriller]

Writes <genre>.png (rows: books, columns: archetypes) and <genre>-thumb.png (each cover 100 px
wide, the store-search size) and prints which template stood for each archetype. Look at both.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from cover_engine import BookText, CoverOptions, recipe_for_book  # noqa: E402
from cover_engine.render import render_with_report  # noqa: E402
from cover_engine.templates import CATALOGUE  # noqa: E402
from cover_engine.templates.archetypes import GENRE_ARCHETYPES, archetypes_for  # noqa: E402
from cover_engine.vocabulary import GENRES  # noqa: E402

# genre -> three (title, author, main element, summary): each book has its own hero subject.
BOOKS: dict[str, list[tuple[str, str, str, str]]] = {
    "thriller": [
        ("The Last Witness", "Daniel Cross", "lone figure", "A witness runs through the city at night."),
        ("Cold Harbour", "Nina Hale", "key", "A key found on a drowned man opens a bank vault."),
        ("Kill Switch", "J. T. Ward", "lighthouse", "An agent hides on an island with a lighthouse."),
    ],
    "mystery": [
        ("Murder at Rosewood", "Agatha Lane", "cat", "A cat and a baker solve a murder in a village."),
        ("The Silent Lane", "Eleanor Vane", "house", "An old house where a lamp burns at night."),
        ("The Brass Key", "Tom Archer", "key", "A brass key and a missing clockmaker."),
    ],
    "fantasy": [
        ("The Crown of Ash", "Marcus Ellery", "castle", "A castle in the mountains and a dragon."),
        ("Daughter of Thorns", "Lyra Vance", "crown", "A crown of thorns chooses its queen."),
        ("The Hollow King", "R. K. Thorne", "warrior", "A warrior walks alone under the moon."),
    ],
    "romance": [
        ("Summer at Rosewood", "Amelia Hart", "couple", "Two strangers in a seaside town."),
        ("Thorns of Gold", "Valentina Cruz", "rose", "A rose, a dark prince, a promise."),
        ("The Lighthouse Keeper's Heart", "Jenna Moore", "lighthouse", "She falls for the lighthouse keeper."),
    ],
    "science-fiction": [
        ("Beyond the Red Horizon", "Kai Nakamura", "astronaut", "A lone astronaut on a red planet."),
        ("The Last Station", "Ada Quill", "planet", "A station orbits a dying planet."),
        ("Signal", "Omar Reyes", "robot", "A robot hears a signal from the stars."),
    ],
    "horror": [
        ("The Hollow House", "Morgan Black", "house", "An old house on a hill under a full moon."),
        ("Bone Orchard", "Silas Crane", "skull", "A skull in the orchard and a curse."),
        ("The Stranger", "Ivy Graves", "lone figure", "A stranger waits in the woods."),
    ],
    "historical-fiction": [
        ("The Clockmaker's Daughter", "Henrietta Marsh", "woman", "Victorian London, a daughter's secret."),
        ("The Last Voyage", "Edmund Hale", "ship", "A tall ship sails for the new world."),
        ("The Hourglass", "Clara Finch", "hourglass", "An hourglass passed through three wars."),
    ],
    "young-adult": [
        ("Girl on Fire", "Skye Rivers", "woman", "A girl with a secret burns brighter than the city."),
        ("The Glass Key", "Max Quinn", "key", "A glass key opens a door to another world."),
        ("Wolf Season", "Ren Black", "wolf", "A wolf follows her home from the forest."),
    ],
    "childrens": [
        ("Pip and the Moon", "Lucy Appleby", "fox", "A little fox says goodnight to the moon."),
        ("Hoot Hoot Hooray", "Ben Bright", "owl", "An owl who is afraid of the dark."),
        ("Whiskers Goes to Town", "May Lark", "cat", "A kitten visits the town bakery."),
    ],
    "contemporary-fiction": [
        ("All the Small Things", "Clara Lindqvist", "lake", "A family at a lake house one summer."),
        ("The Salt Lantern", "Mira Holm", "lantern", "A lantern in a window on a salt marsh."),
        ("The Long Way Home", "Ben Okafor", "road", "A man walks home across the country."),
    ],
    "business-economics": [
        ("Think Bigger", "Jordan Blake", "lightbulb", "Ideas and growth for founders."),
        ("The Compass Rule", "Priya Shah", "compass", "Strategy that keeps a company on course."),
        ("Scale", "Marcus Lee", "arrow", "Grow revenue without losing focus."),
    ],
    "self-help": [
        ("The Morning Climb", "Ava Stone", "mountains", "Habits that lift you every morning."),
        ("Unlocked", "Sam Rivera", "key", "Open the door to a calmer life."),
        ("Rise", "Tara Bloom", "sun", "Light after a hard year."),
    ],
    "health-fitness": [
        ("Stronger Every Day", "Maya Torres", "runner", "Running and strength for life."),
        ("Green Plate", "Leo Park", "leaves", "Plants, fuel and energy."),
        ("Move", "Kim Ode", "dancer", "Dance your way to fitness."),
    ],
    "biography-memoir": [
        ("Where the River Bends", "Grace Okafor", "woman", "A woman remembers the road home."),
        ("My Father's Watch", "Alan Price", "pocket watch", "A watch, a war and a son."),
        ("The Long Walk", "Joe Mensah", "road", "Walking from the village to the city."),
    ],
    "poetry": [
        ("Salt and Feather", "Iris Calloway", "feather", "Poems of the sea and birds."),
        ("Moon Hours", "Lena Voss", "moon", "Night poems."),
        ("Wild Roses", "June Hart", "rose", "Poems of love and gardens."),
    ],
    "religion-spirituality": [
        ("The Still Point", "Thomas Merriweather", "dove", "Prayer and stillness at dawn."),
        ("Mountain Prayer", "Ruth Hale", "mountains", "Faith on the mountain path."),
        ("The Open Door", "Paul Asante", "door", "An open door to grace."),
    ],
    "non-fiction": [
        ("The Age of Sail", "Ian Cole", "ship", "A history of sailing ships."),
        ("Maps of Time", "Ada Brook", "compass", "How maps changed the world."),
        ("The Clock", "Ruth Lee", "clock", "A history of measuring time."),
    ],
}


def pick(genre: str) -> list[str]:
    """One template per archetype for the genre's first three archetypes (composed designs first)."""
    offered = archetypes_for(genre, CATALOGUE)
    out = []
    for archetype in GENRE_ARCHETYPES[genre]:
        ids = offered.get(archetype, [])
        ids = sorted(ids, key=lambda i: (CATALOGUE[i].scene != "stage", CATALOGUE[i].genres.index(genre)))
        if ids:
            out.append(ids[0])
        if len(out) == 3:
            break
    return out


def shelf(genre: str, scale: float, out: Path) -> list[float]:
    templates = pick(genre)
    covers, times = [], []
    for row, (title, author, element, summary) in enumerate(BOOKS[genre]):
        book = BookText(title=title, author=author, genre=genre, summary=summary)
        for col, tid in enumerate(templates):
            recipe = recipe_for_book(book, CoverOptions(template_id=tid, main_elements=element), seed=row * 7 + col)
            t0 = time.perf_counter()
            png, _ = render_with_report(recipe, format="ebook", scale=scale)
            times.append(time.perf_counter() - t0)
            covers.append(Image.open(io.BytesIO(png)).convert("RGB"))
    w, h = covers[0].size
    gap = 10
    sheet = Image.new("RGB", (3 * w + 4 * gap, 3 * h + 4 * gap), (120, 120, 120))
    thumbs = Image.new("RGB", (3 * 100 + 4 * gap, 3 * 160 + 4 * gap), (255, 255, 255))
    for i, img in enumerate(covers):
        r, c = divmod(i, 3)
        sheet.paste(img, (gap + c * (w + gap), gap + r * (h + gap)))
        thumbs.paste(img.resize((100, 160), Image.LANCZOS), (gap + c * 110, gap + r * 170))
    sheet.save(out / f"{genre}.png")
    thumbs.save(out / f"{genre}-thumb.png")
    print(f"{genre:<22} {', '.join(templates)}")
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=0.3)
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "shelf"))
    ap.add_argument("--genre", action="append")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    times = []
    for genre in args.genre or list(GENRES):
        times += shelf(genre, args.scale, out)
    print(f"{len(times)} covers, mean {sum(times) / len(times):.3f} s at scale {args.scale}")


if __name__ == "__main__":
    main()
