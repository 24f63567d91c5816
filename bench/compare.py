"""Compare and choose: how long the shelf preview page and an A/B set's export take, at production sizes.

    .venv/bin/python bench/compare.py [--rounds 20] [--neighbours 6]

Builds a throwaway embedded site (SQLite + local files in a temp folder), renders a book's four
covers and --neighbours other books of its genre at full size (1600 x 2560 previews), then prints:
- the compare page (4 covers, search size and product size): first view (thumbnails made on
  demand for covers rendered before the worker kept them) and warm views, median and p95 in ms;
- an A/B set of 4 exported as a zip: median and p95 in ms, and the zip's size in MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):.0f} ms, p95 {p95:.0f} ms (n={len(ordered)})"


def _timed(fn, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--neighbours", type=int, default=6)
    args = parser.parse_args()

    os.environ["BYC_DATA_DIR"] = tempfile.mkdtemp(prefix="byc-bench-compare-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "byc_site.settings")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    from billing.services import account_create
    from books.services import book_create
    from covers import services
    from covers.services import compare

    services.template_sync()
    account = account_create(email="bench@example.com", password="bench pass 123", monthly_credits=100)

    def covers_of(book, count):
        job = services.job_create_generate(account=account, book_id=book.id, count=count)
        services.job_run(job_id=job.id)
        return list(job.covers.order_by("job_position"))

    start = time.perf_counter()
    book = book_create(account=account, title="Harbour of Lies", author="Ines Duarte", genre="mystery")
    covers = covers_of(book, 4)
    for n in range(args.neighbours):
        covers_of(book_create(account=account, title=f"Case {n + 1}", author="Ines Duarte", genre="mystery"), 1)
    print(f"setup: {4 + args.neighbours} covers rendered at 1600 x 2560 in {time.perf_counter() - start:.1f} s")

    client = Client()
    client.force_login(account.user)
    query = "&".join(f"cover={c.id}" for c in covers)

    for size in ("search", "product"):
        url = f"/books/{book.id}/compare/?{query}&size={size}"
        first = _timed(lambda url=url: client.get(url), 1)[0]
        warm = _timed(lambda url=url: client.get(url), args.rounds)
        print(f"compare page, 4 covers, {size} size: first view {first:.0f} ms; warm {_ms(warm)}")

    ab_set = compare.ab_set_create(account=account, book_id=book.id, cover_ids=[str(c.id) for c in covers])
    sizes = []

    def export():
        sizes.append(len(compare.ab_set_export(ab_set=ab_set)[1]))

    samples = _timed(export, args.rounds)
    print(f"A/B set export, 4 variants: {_ms(samples)}; zip {sizes[-1] / 1_000_000:.1f} MB")


if __name__ == "__main__":
    main()
