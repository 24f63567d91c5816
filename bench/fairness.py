"""Fair scheduling on the production profile: another account's one cover behind a 100-cover backlog.

    .venv/bin/python bench/fairness.py [--workers 2] [--idle-runs 5] [--scale 1]

One worker node with --workers render processes. Measures, from POST to a poll seeing `completed`:
- idle latency: account B's count=1 job with nothing else queued (median of --idle-runs);
- backlog latency: the same job right after account A queued 100 covers (20 jobs of 5);
- one cover's render time (mean claim-to-delivery of every cover rendered).
Target: backlog latency <= idle latency + one cover's render time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from production import ProductionStack  # noqa: E402


def timed(client, book_id: str) -> float:
    started = time.perf_counter()
    job = client.wait(client.generate(book_id))
    if job["status"] != "completed":
        raise SystemExit(f"B's job ended {job['status']}: {job['error']}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--idle-runs", type=int, default=5)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="byc-fair-") as tmp,
        ProductionStack(Path(tmp), render_scale=args.scale) as stack,
    ):
        stack.start_worker("node-1", processes=args.workers)
        a, b = stack.account(monthly=200), stack.account(monthly=50)
        book_a, book_b = a.book(), b.book()
        timed(b, book_b)  # warm-up: imports, fonts, first connection of each worker process
        idle = [timed(b, book_b) for _ in range(args.idle_runs)]
        backlog = [a.generate(book_a, 5) for _ in range(20)]
        started = time.perf_counter()
        waiting = b.generate(book_b)
        queue = b.get(f"/api/v1/jobs/{waiting}").json()["queue"]
        b.wait(waiting)
        behind = time.perf_counter() - started
        a_left = sum(1 for job_id in backlog if a.get(f"/api/v1/jobs/{job_id}").json()["status"] != "completed")
        for job_id in backlog:
            a.wait(job_id)
        render_idle = stack.unit_seconds(email=b.email)  # B's covers: all but one rendered on an idle node
        render_busy = stack.unit_seconds(email=a.email)  # A's: two at a time on two busy processes
        idle_median = statistics.median(idle)
        print(f"worker processes            {args.workers} (render scale {args.scale})")
        print(f"idle latency, count=1       median {idle_median:.2f} s over {len(idle)} (min {min(idle):.2f})")
        print(
            f"one cover's render          {render_idle:.2f} s idle, {render_busy:.2f} s in the backlog "
            "(mean claim to delivery)"
        )
        print(f"B behind A's 100 covers     {behind:.2f} s  (queue field when accepted: {queue})")
        print(f"A's jobs still unfinished   {a_left} of 20 when B's cover was ready")
        for label, render in (("idle", render_idle), ("in the backlog", render_busy)):
            target = idle_median + render
            verdict = "met" if behind <= target else "missed"
            print(f"target: idle latency + one render ({label}) = {target:.2f} s: {verdict}")


if __name__ == "__main__":
    main()
