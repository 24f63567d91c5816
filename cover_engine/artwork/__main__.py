"""Dev tool: contact sheets of every scene, the motif library, and paint timings.

python -m cover_engine.artwork sheet [--out /tmp/art] [--width 320]
python -m cover_engine.artwork motifs [--out /tmp/art]
python -m cover_engine.artwork time [--width 1600 --height 2560]
python -m cover_engine.artwork one SCENE [--variant V] [--genre G] [--summary TEXT] [--square]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import skia

from . import SCENES, default_provider
from .motifs import BUILDERS, draw_shape

# (genre, summary, extra scene params) per scene: books a designer would give that scene.
SAMPLES: dict[str, list[tuple[str, str, dict]]] = {
    "landscape": [
        ("fantasy", "A castle above the mountains, a dragon and a moon.", {"variant": "mountains", "lighting": "dusk"}),
        ("fantasy", "A cottage in a forest at night, an owl.", {"variant": "forest", "lighting": "night"}),
        (
            "historical-fiction",
            "A long road across the plains to the old house.",
            {"variant": "road", "lighting": "dawn", "tone": "sepia"},
        ),
        (
            "mystery",
            "A church tower in the fog above a village.",
            {"variant": "village", "weather": "fog", "lighting": "dusk"},
        ),
    ],
    "cityscape": [
        (
            "thriller",
            "A lone figure in the city at night, rain.",
            {"variant": "skyline", "lighting": "night", "weather": "rain"},
        ),
        ("science-fiction", "A future city of towers.", {"variant": "future", "neon": True, "lighting": "night"}),
        ("mystery", "A detective in an old town lane.", {"variant": "lane", "lighting": "dusk"}),
        ("contemporary-fiction", "A woman and the city skyline at dawn.", {"variant": "towers", "lighting": "dawn"}),
    ],
    "seascape": [
        ("mystery", "A lighthouse on a foggy island, a raven.", {"variant": "calm", "lighting": "dusk"}),
        (
            "historical-fiction",
            "A sailing ship on the sea under the moon.",
            {"variant": "harbour", "lighting": "night"},
        ),
        ("poetry", "The sea and the sun.", {"variant": "shore", "lighting": "dawn"}),
        ("childrens", "A whale under the sea with fish.", {"variant": "underwater"}),
    ],
    "space": [
        ("science-fiction", "A spaceship between the stars.", {"variant": "nebula"}),
        ("science-fiction", "A lonely planet.", {"variant": "planet"}),
        ("science-fiction", "A space station orbiting a planet.", {"variant": "station"}),
        ("young-adult", "A girl among the stars and a comet.", {"variant": "nebula"}),
    ],
    "symbol": [
        ("romance", "A rose and a dagger.", {"field": "black", "glow": "red", "subgenre": "dark-romance"}),
        ("fantasy", "A crown of gold.", {"field": "dark", "glow": "gold", "sparkles": True}),
        ("young-adult", "A key.", {"field": "gradient", "glow": "white", "angle": 20}),
        ("historical-fiction", "An hourglass.", {"field": "paper", "glow": "none", "frame": "arch"}),
    ],
    "botanical": [
        ("romance", "Roses and leaves.", {"variant": "corners"}),
        ("poetry", "A lotus.", {"variant": "single", "paper": True}),
        ("fantasy", "Mushrooms in a forest.", {"variant": "forest", "glow": "fireflies", "lighting": "dusk"}),
        ("self-help", "Leaves.", {"variant": "leaves"}),
    ],
    "abstract": [
        ("contemporary-fiction", "A circle.", {"variant": "wash"}),
        ("religion-spirituality", "Light over the horizon.", {"variant": "horizon"}),
        ("poetry", "A feather.", {"variant": "clouds"}),
        ("literary", "A heart.", {"variant": "gradient"}),
    ],
    "geometric": [
        ("business-economics", "Growth chart.", {"variant": "arrow"}),
        ("self-help", "Target.", {"variant": "circles"}),
        ("non-fiction", "Grid.", {"variant": "blocks"}),
        ("science-fiction", "Sun.", {"variant": "split", "sun": True, "ratio": 0.6}),
    ],
    "typographic": [
        ("business-economics", "A lightbulb idea.", {"variant": "flat", "motif": "small"}),
        ("poetry", "A feather.", {"variant": "paper", "motif": "corner"}),
        ("self-help", "Arrows.", {"variant": "halftone", "motif": "none"}),
        ("childrens", "Stars and a cat.", {"variant": "doodles"}),
    ],
    "frame": [
        ("historical-fiction", "A compass.", {"variant": "classic", "paper": "aged"}),
        ("romance", "A ring.", {"variant": "floral", "paper": "cream"}),
        ("biography-memoir", "A house.", {"variant": "photo"}),
        ("mystery", "A key.", {"variant": "deco"}),
    ],
    "rays": [
        ("religion-spirituality", "A cross on the hill.", {"variant": "dawn"}),
        ("religion-spirituality", "A lone figure under moonlight.", {"variant": "moonlight"}),
        ("self-help", "A runner at dawn.", {"variant": "dawn", "hero": "high"}),
        ("poetry", "A tree.", {"variant": "dawn"}),
    ],
    "kids": [
        ("childrens", "A rabbit and a butterfly on the hills.", {"variant": "hills"}),
        ("childrens", "A cat under the moon.", {"variant": "night"}),
        ("childrens", "A dragon adventure.", {"variant": "adventure"}),
        ("childrens", "A fox and an owl.", {"variant": "animals"}),
    ],
    "horror": [
        ("horror", "A haunted house.", {"variant": "house"}),
        ("horror", "A dead tree and ravens.", {"variant": "tree"}),
        ("horror", "A church in the woods.", {"variant": "woods"}),
        ("horror", "A skull.", {"variant": "house"}),
    ],
    "portrait": [
        ("biography-memoir", "A man.", {"variant": "standing", "lighting": "dusk"}),
        ("thriller", "A woman's face.", {"variant": "profile"}),
        ("biography-memoir", "A man.", {"variant": "shoulders", "lighting": "studio"}),
        ("romance", "A couple at dusk.", {"variant": "couple", "lighting": "dusk"}),
    ],
    "motion": [
        ("health-fitness", "A runner.", {"variant": "diagonal"}),
        ("health-fitness", "A bicycle.", {"variant": "streaks"}),
        ("self-help", "A rocket.", {"variant": "burst"}),
        ("thriller", "A car.", {"variant": "diagonal"}),
    ],
    "stage": [
        ("thriller", "A lone man on a desert road at night.", {"variant": "vista", "far": "skyline"}),
        ("fantasy", "A hooded assassin under the moon.", {"variant": "character", "far": "peaks"}),
        ("romance", "A red rose.", {"variant": "closeup", "texture": "grain"}),
        ("mystery", "A house on the hill where a lamp burns.", {"variant": "haven", "lighting": "night"}),
    ],
}

CALM_TALL = [(0.08, 0.06, 0.84, 0.22), (0.15, 0.88, 0.7, 0.07)]
CALM_SQUARE = [(0.08, 0.06, 0.84, 0.2), (0.15, 0.86, 0.7, 0.08)]


def sample_brief(genre: str, summary: str, seed: int, params: dict):
    from ..brief import build_brief
    from ..recipe import BookText

    book = BookText(
        title="Sample",
        author="A. Author",
        genre=genre if genre != "literary" else "contemporary-fiction",
        subgenre=params.get("subgenre", ""),
        summary=summary,
    )
    return build_brief(book, mood=None, palette=None, main_elements="", seed=seed)


def paint_to_image(scene: str, params: dict, brief, seed: int, w: int, h: int) -> skia.Image:
    surface = skia.Surface(w, h)
    canvas = surface.getCanvas()
    canvas.clear(0xFF000000)
    calm = CALM_TALL if h > w * 1.2 else CALM_SQUARE
    default_provider().paint(
        canvas, width=w, height=h, scene=scene, params=params, brief=brief, seed=seed, calm_zones=calm
    )
    return surface.makeImageSnapshot()


def sheet(out: str, width: int, square: bool) -> None:
    os.makedirs(out, exist_ok=True)
    h = width if square else int(width * 1.6)
    cols = 4
    gap = 12
    for scene, samples in SAMPLES.items():
        surface = skia.Surface(cols * (width + gap) + gap, h + 2 * gap)
        canvas = surface.getCanvas()
        canvas.clear(0xFF808080)
        for i, (genre, summary, params) in enumerate(samples):
            brief = sample_brief(genre, summary, 7 + i, params)
            img = paint_to_image(scene, params, brief, 7 + i, width, h)
            canvas.drawImage(img, gap + i * (width + gap), gap)
        name = f"{scene}{'-sq' if square else ''}.png"
        surface.makeImageSnapshot().save(os.path.join(out, name))
        print("wrote", os.path.join(out, name))


def motifs_sheet(out: str) -> None:
    names = sorted({b.__name__: n for n, b in BUILDERS.items()}.items())
    cols, cell = 12, 140
    rows = (len(names) + cols - 1) // cols
    surface = skia.Surface(cols * cell, rows * cell)
    canvas = surface.getCanvas()
    canvas.clear(0xFFF2EEE6)
    import random

    for i, (_, n) in enumerate(names):
        x, y = (i % cols) * cell, (i // cols) * cell
        draw_shape(
            canvas,
            BUILDERS[n](random.Random(3)),
            x=x + cell / 2,
            y=y + cell / 2,
            size=cell * 0.72,
            fill=(0.1, 0.1, 0.15),
            light=(1, 0.8, 0.3),
            detail=(0.6, 0.6, 0.6),
            anchor="center",
        )
    path = os.path.join(out, "motifs.png")
    surface.makeImageSnapshot().save(path)
    print("wrote", path)


def timings(w: int, h: int, repeat: int) -> None:
    """Wall and CPU time per scene (CPU time is what a quiet machine would show as wall time)."""
    allw, allc = [], []
    for scene, samples in SAMPLES.items():
        walls, cpus = [], []
        for i, (genre, summary, params) in enumerate(samples):
            brief = sample_brief(genre, summary, 7 + i, params)
            for r in range(repeat):
                surface = skia.Surface(w, h)
                t0, c0 = time.perf_counter(), time.process_time()
                calm = CALM_TALL if h > w * 1.2 else CALM_SQUARE
                default_provider().paint(
                    surface.getCanvas(), width=w, height=h, scene=scene, params=params, brief=brief,
                    seed=7 + i + r, calm_zones=calm,
                )  # fmt: skip
                surface.makeImageSnapshot()
                walls.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
        allw += walls
        allc += cpus
        print(f"{scene:12s} wall median {statistics.median(walls) * 1000:5.0f} ms  max {max(walls) * 1000:5.0f}"
              f"   cpu median {statistics.median(cpus) * 1000:5.0f} ms  max {max(cpus) * 1000:5.0f}")  # fmt: skip
    p95 = sorted(allc)[int(0.95 * len(allc))]
    print(f"{'all':12s} wall median {statistics.median(allw) * 1000:5.0f} ms"
          f"   cpu median {statistics.median(allc) * 1000:5.0f} ms  p95 {p95 * 1000:5.0f}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m cover_engine.artwork")
    ap.add_argument("command", choices=["sheet", "motifs", "time", "one"])
    ap.add_argument("scene", nargs="?")
    ap.add_argument("--out", default="/tmp/art")
    ap.add_argument("--width", type=int, default=320)
    ap.add_argument("--height", type=int, default=0)
    ap.add_argument("--square", action="store_true")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--index", type=int, default=0)
    args = ap.parse_args()
    if args.command == "sheet":
        sheet(args.out, args.width, args.square)
    elif args.command == "motifs":
        os.makedirs(args.out, exist_ok=True)
        motifs_sheet(args.out)
    elif args.command == "time":
        timings(args.width if args.width != 320 else 1600, args.height or 2560, args.repeat)
    else:
        genre, summary, params = SAMPLES[args.scene][args.index]
        w = args.width if args.width != 320 else 1600
        h = w if args.square else int(w * 1.6)
        img = paint_to_image(
            args.scene, params, sample_brief(genre, summary, 7 + args.index, params), 7 + args.index, w, h
        )
        path = os.path.join(args.out, f"one-{args.scene}-{args.index}{'-sq' if args.square else ''}.png")
        os.makedirs(args.out, exist_ok=True)
        img.save(path)
        print("wrote", path)


if __name__ == "__main__":
    assert set(SAMPLES) == set(SCENES)
    main()
