"""Covers per minute on the production profile with 1, 2 and 4 worker processes.

    .venv/bin/python bench/workers.py [--covers 40] [--counts 1,2,4] [--scale 1]

Each worker process is a node of its own (a qcluster with BYC_WORKERS=1 and its own data dir), all
on one PostgreSQL, one Redis and one S3 bucket, as on separate machines. For each count: start the
nodes, warm each up, then queue --covers covers (jobs of 5) and time until the last is delivered.
On a 2-core machine, more processes than cores cannot add throughput; the figures show by how much
they do or do not.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from production import ProductionStack  # noqa: E402


def run(stack: ProductionStack, processes: int, covers: int) -> tuple[float, dict]:
    names = [f"w{processes}-{i}" for i in range(processes)]
    for name in names:
        stack.start_worker(name)
    client = stack.account(monthly=covers + 10 * processes)
    book_id = client.book()
    # Warm-up: enough one-cover jobs at once that every node renders one (imports, fonts, connections).
    for job_id in [client.generate(book_id) for _ in range(2 * processes)]:
        client.wait(job_id)
    started = time.perf_counter()
    jobs = [client.generate(book_id, 5) for _ in range(covers // 5)]
    finished = [client.wait(job_id) for job_id in jobs]
    seconds = time.perf_counter() - started
    if any(job["status"] != "completed" for job in finished):
        raise SystemExit(f"not every job completed: {[job['status'] for job in finished]}")
    per_node = stack.query(
        "import json; from collections import Counter; from covers.models import JobUnit; "
        f"print(json.dumps(Counter(w.split(':')[0] for w in JobUnit.objects.filter(account__user__email="
        f"'{client.email}', job__count=5).values_list('worker', flat=True))))"
    )
    for name in names:
        stack.stop(name)
    return covers / (seconds / 60), per_node


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--covers", type=int, default=40)
    parser.add_argument("--counts", default="1,2,4")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="byc-workers-") as tmp,
        ProductionStack(Path(tmp), render_scale=args.scale) as stack,
    ):
        print(f"{args.covers} covers (jobs of 5) at render scale {args.scale}; one node per worker process")
        for processes in (int(n) for n in args.counts.split(",")):
            rate, per_node = run(stack, processes, args.covers)
            shares = ", ".join(f"{node} {count}" for node, count in sorted(per_node.items()))
            print(f"{processes} worker process(es): {rate:6.1f} covers/min   (covers per node: {shares})")


if __name__ == "__main__":
    main()
