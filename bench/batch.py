"""Benchmark of a catalogue batch on the embedded default: SQLite, ORM broker, gunicorn + a real qcluster.

    .venv/bin/python bench/batch.py [--books 200] [--queue-workers 2] [--plan scale]

POSTs one batch of --books books (one cover each, production sizes: 1600 x 2560 previews) to
/api/v1/batches and measures:
- seconds to accept the batch (the POST: every row checked, credits checked, the books made);
- seconds until the batch is `completed` and covers per minute over that time (the batch feeds jobs
  as the plan's concurrency limit frees slots: 20 at once on the scale plan);
- the same catalogue POSTed again: seconds to accept the re-import (every book found by external_ref,
  nothing charged) and the credits it charged.
Prints a summary and writes bench/out/batch.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from jobs import Client, Service  # noqa: E402 (bench/jobs.py: the service under gunicorn + qcluster)

ROOT = Path(__file__).resolve().parents[1]
GENRES = ("fantasy", "mystery", "romance", "science-fiction", "thriller", "horror", "historical-fiction")
SUMMARIES = (
    "A keeper guards a lighthouse on a storm-torn coast where drowned bells ring under the sea.",
    "A detective follows a trail of letters through a rain-soaked harbour town.",
    "Two rival bakers share one oven for a summer by the sea.",
    "A crew wakes a century early on a generation ship drifting towards a dying star.",
    "A courier carries a key she must never use across a city that wants it.",
    "Something knocks inside the walls of an old farmhouse every night at three.",
    "A cartographer maps a kingdom that changes its borders every winter.",
)


def catalogue(books: int) -> list[dict]:
    return [
        {
            "title": f"The Harbour Book {n}",
            "author": "Mara Quill",
            "genre": GENRES[n % len(GENRES)],
            "summary": SUMMARIES[n % len(SUMMARIES)],
            "external_ref": f"bench-{n:04d}",
            "count": 1,
        }
        for n in range(1, books + 1)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--books", type=int, default=200)
    parser.add_argument("--plan", default="scale", help="the account's plan (its concurrency limit feeds the batch)")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--queue-workers", type=int, default=2)
    args = parser.parse_args()

    books = catalogue(args.books)
    with tempfile.TemporaryDirectory(prefix="byc-bench-batch-") as tmp:
        service = Service(Path(tmp), args.web_workers, args.queue_workers)
        service.start()
        try:
            out = service.manage("create_account", "bench@example.com", "--plan", args.plan, "--monthly", "5000")
            api_key = json.loads(out.strip().splitlines()[-1])["api_key"]
            client = Client(service.base_url, api_key)
            started = time.perf_counter()
            accepted = client.post("/api/v1/batches", {"books": books})
            accept_seconds = time.perf_counter() - started
            progress = []
            while True:
                batch = client.session.get(service.base_url + accepted["poll_url"], timeout=60).json()
                progress.append((time.perf_counter() - started, batch["counts"]["completed"]))
                if batch["status"] in ("completed", "partial", "failed"):
                    break
                time.sleep(1)
            done_seconds = time.perf_counter() - started
            first_cover = next((t for t, completed in progress if completed), done_seconds)
            started = time.perf_counter()
            again = client.post("/api/v1/batches", {"books": books})
            reimport_seconds = time.perf_counter() - started
        finally:
            service.stop()

    covers = sum(len(book["covers"]) for book in batch["books"])
    results = {
        "machine_cpus": os.cpu_count(),
        "books": args.books,
        "plan": args.plan,
        "queue_workers": args.queue_workers,
        "accept_seconds": accept_seconds,
        "first_cover_seconds": first_cover,
        "done_seconds": done_seconds,
        "status": batch["status"],
        "covers": covers,
        "covers_per_minute": covers / (done_seconds / 60),
        "credits_used": batch["credits_used"],
        "reimport_accept_seconds": reimport_seconds,
        "reimport_credits_needed": again["credits_needed"],
        "reimport_reused": again["reused"],
    }
    (ROOT / "bench" / "out").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "out" / "batch.json").write_text(json.dumps(results, indent=2))
    print(f"batch of {args.books} books ({args.plan} plan, {args.queue_workers} queue workers): {batch['status']}")
    print(f"accept (POST /api/v1/batches -> 202): {accept_seconds:.2f} s")
    print(f"first cover after {first_cover:.1f} s; all {covers} covers after {done_seconds:.1f} s")
    print(
        f"throughput: {results['covers_per_minute']:.1f} covers/minute until done; {batch['credits_used']} credits used"
    )
    print(
        f"re-import of the same catalogue: accepted in {reimport_seconds:.2f} s, "
        f"{again['reused']} books reused, {again['credits_needed']} credits to charge"
    )


if __name__ == "__main__":
    main()
