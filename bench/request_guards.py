"""What the request guards cost: the JSON depth pass, the character check and the whole JSON parser,
on ordinary bodies and on the hostile ones the tests send (64 KiB at most: larger bodies are refused
before any of this runs).

    .venv/bin/python bench/request_guards.py

Prints the median of several runs, in milliseconds.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "byc_site.settings")

import django  # noqa: E402

django.setup()

from rest_framework.parsers import JSONParser  # noqa: E402

from byc_site.fieldspec import refused_characters  # noqa: E402
from byc_site.parsers import GuardedJSONParser, json_depth  # noqa: E402

RUNS = 7

GENERATE = json.dumps(
    {
        "bookId": "0b7c8a4e-1f4e-4a53-9b8e-4f3d2f1a0c11",
        "count": 3,
        "mood": "mysterious",
        "colorPalette": "cool",
        "mainElements": "A lighthouse on a cliff in a storm, a drowned bell, gulls. " * 8,
        "external_ref": "gen-001",
        "webhookUrl": "https://hooks.example.com/covers",
    }
)
BIG_BOOK = json.dumps({"title": "T", "author": "A", "genre": "fantasy", "summary": "Ölüm — 死神 — Смерть " * 800})

BODIES = {
    "generate request (ordinary, 0.6 KB)": GENERATE,
    "book with a 63 KB summary (ordinary, large)": BIG_BOOK,
    '\\" x 30000 (quadratic for a naive string regex)': '\\"' * 30_000,
    '[" x 30000 (brackets in strings)': '["' * 30_000,
    "[ x 65000 (deep nesting)": "[" * 65_000,
    "[1, x 20000 (wide, deep)": "[1," * 20_000,
}


def median_ms(action, *args) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action(*args)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def parse(parser, text: str) -> None:
    try:
        parser.parse(io.BytesIO(text.encode()), "application/json", {})
    except Exception:  # refusals are what the hostile bodies are for
        pass


def main() -> None:
    guarded, plain = GuardedJSONParser(), JSONParser()
    print(f"{'body':52} {'bytes':>7} {'depth ms':>9} {'chars ms':>9} {'guarded ms':>11} {'DRF ms':>8}")
    for name, text in BODIES.items():
        depth = median_ms(lambda body: json_depth(body, stop_above=32), text)
        chars = median_ms(refused_characters, text)
        full = median_ms(parse, guarded, text)
        drf = median_ms(parse, plain, text)
        print(f"{name:52} {len(text.encode()):>7} {depth:>9.2f} {chars:>9.2f} {full:>11.2f} {drf:>8.2f}")
    print("DRF ms: DRF's own JSONParser, for comparison (on the deep bodies it ends in RecursionError)")


if __name__ == "__main__":
    main()
