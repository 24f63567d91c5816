"""Load and faults on the production profile: 16 clients for 60 s while a worker is killed, Redis is
restarted and every database connection is dropped; then the ledger is checked.

    .venv/bin/python bench/load_fault.py [--clients 16] [--seconds 60] [--scale 0.5] [--drain 300]

Stack: PostgreSQL, a private Redis (restarted here; never the shared one), SeaweedFS, gunicorn
(2 processes x 4 threads) and two worker nodes of one render process each. Each client owns an
account and a book and loops: 1 in 4 requests is a generate (count 1-3; a client with 2 jobs
unfinished polls one of them instead, as a real client waits for its results), the rest are reads
(its jobs, the job list, its book's covers, the templates). Faults, at fractions of the run:
  25 %  SIGKILL of worker node 1 (restarted 5 s later)
  50 %  Redis killed and started again, empty (the queued work tokens are lost)
  75 %  pg_terminate_backend() of every connection to the database
After the load the jobs are given --drain seconds to finish (the sweeper runs every minute), with
BYC_JOB_UNIT_DEADLINE=20 so units lost with the killed worker are refunded within the run.
Prints requests, errors by kind (with when each 5xx happened), p50/p99, jobs completed/partial/failed,
and the ledger check: credits spent = covers delivered, per account and in total.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from production import FINISHED, ProductionStack, percentile  # noqa: E402

# Jobs a client has in flight before it waits for one to finish instead of asking for more.
MAX_UNFINISHED = 2


class Load:
    def __init__(self, clients, seconds: float) -> None:
        self.clients = clients
        self.seconds = seconds
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: collections.Counter = collections.Counter()
        self.server_errors: list[tuple[float, str]] = []  # (seconds into the run, what)
        self.jobs: list[str] = []
        self.requests = 0
        self.started = 0.0

    def _record(self, kind: str, started: float, response: requests.Response | None) -> None:
        elapsed = time.perf_counter() - started
        with self.lock:
            self.requests += 1
            self.latencies.append(elapsed)
            if response is None:
                self.errors[f"{kind}: connection error"] += 1
                self.server_errors.append((started - self.started, f"{kind}: connection error"))
                return
            if response.status_code >= 400:
                try:
                    code = response.json()["error"]["code"]
                except Exception:
                    code = "(no envelope)"
                self.errors[f"{kind}: {response.status_code} {code}"] += 1
                if response.status_code >= 500:
                    self.server_errors.append((started - self.started, f"{kind}: {response.status_code} {code}"))

    def _client(self, number: int, client, book_id: str, rng: random.Random) -> None:
        own: list[str] = []
        unfinished: set[str] = set()
        deadline = self.started + self.seconds
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            roll = rng.random()
            try:
                if roll < 0.25 and len(unfinished) < MAX_UNFINISHED:
                    kind = "generate"
                    response = client.post("/api/v1/covers/generate", {"bookId": book_id, "count": rng.randint(1, 3)})
                    if response.status_code == 202:
                        own.append(response.json()["jobId"])
                        unfinished.add(own[-1])
                        with self.lock:
                            self.jobs.append(own[-1])
                elif roll < 0.55 and own:
                    kind = "job"
                    # A generate held back (two jobs unfinished) polls one of those instead.
                    job_id = rng.choice(sorted(unfinished) if roll < 0.25 else own)
                    response = client.get(f"/api/v1/jobs/{job_id}")
                    if response.status_code == 200 and response.json()["status"] in FINISHED:
                        unfinished.discard(job_id)
                elif roll < 0.7:
                    kind = "jobs list"
                    response = client.get("/api/v1/jobs?limit=20")
                elif roll < 0.85:
                    kind = "book covers"
                    response = client.get(f"/api/v1/books/{book_id}/covers")
                else:
                    kind = "templates"
                    response = client.get("/api/v1/templates?genre=fantasy")
            except requests.RequestException:
                response = None
            self._record(kind, started, response)

    def run(self, faults) -> None:
        threads = []
        self.started = time.perf_counter()
        for number, (client, book_id) in enumerate(self.clients):
            rng = random.Random(number)
            threads.append(threading.Thread(target=self._client, args=(number, client, book_id, rng), daemon=True))
        for thread in threads:
            thread.start()
        faults(self.started)
        for thread in threads:
            thread.join()


# After the drain: what the finished jobs delivered against what the ledger charged for them (debits
# less refunds, by the job's reference), and whether each job's own counters agree.
LEDGER_REPORT = """
WITH finished AS (SELECT * FROM covers_job WHERE status IN ('completed', 'partial', 'failed')),
charged AS (
    SELECT -sum(e.amount) AS credits FROM billing_creditentry e
    JOIN finished j ON e.reference = 'job:' || j.id::text
    WHERE e.kind IN ('debit', 'refund')
)
SELECT (SELECT credits FROM charged),
       (SELECT coalesce(sum(units_done), 0) FROM finished),
       (SELECT count(*) FROM finished WHERE credits_used <> units_done),
       (SELECT count(*) FROM covers_jobunit WHERE outcome = 'lost')
"""
JOB_STATUSES = "SELECT status, count(*) FROM covers_job GROUP BY status"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--scale", type=float, default=0.5)
    parser.add_argument("--drain", type=float, default=300)
    args = parser.parse_args()
    env = {"BYC_JOB_UNIT_DEADLINE": "20"}
    with (
        tempfile.TemporaryDirectory(prefix="byc-load-") as tmp,
        ProductionStack(Path(tmp), render_scale=args.scale, env=env) as stack,
    ):
        stack.start_worker("node-1")
        stack.start_worker("node-2")
        clients = []
        for _ in range(args.clients):
            client = stack.account(monthly=200)
            clients.append((client, client.book()))
        clients[0][0].wait(clients[0][0].generate(clients[0][1]))  # warm-up: the workers are ready
        events: list[tuple[float, str]] = []

        def faults(started: float) -> None:
            def at(fraction: float) -> None:
                time.sleep(max(0.0, started + fraction * args.seconds - time.perf_counter()))

            at(0.25)
            stack.stop("node-1", kill=True)
            events.append((time.perf_counter() - started, "worker node-1 killed (SIGKILL)"))
            time.sleep(5)
            stack.start_worker("node-1")
            events.append((time.perf_counter() - started, "worker node-1 started again"))
            at(0.5)
            stack.restart_redis()
            events.append((time.perf_counter() - started, "Redis restarted (empty)"))
            at(0.75)
            [(dropped,)] = stack.sql(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            events.append((time.perf_counter() - started, f"database connections dropped ({dropped})"))

        load = Load(clients, args.seconds)
        load.run(faults)
        drain_started = time.perf_counter()
        active = None
        while time.perf_counter() - drain_started < args.drain:
            [(active,)] = stack.sql("SELECT count(*) FROM covers_job WHERE status IN ('queued', 'running')")
            if active == 0:
                break
            time.sleep(2)
        drained = time.perf_counter() - drain_started
        [(spent, delivered, mismatched, lost)] = stack.sql(LEDGER_REPORT)
        jobs = dict(stack.sql(JOB_STATUSES))
        lat = sorted(load.latencies)
        print(f"clients {args.clients}, {args.seconds:.0f} s, render scale {args.scale}, 2 worker nodes x 1 process")
        for when, what in events:
            print(f"  t={when:5.1f} s  {what}")
        print(f"requests            {load.requests} ({load.requests / args.seconds:.1f}/s)")
        print(
            f"latency             p50 {percentile(lat, 0.5) * 1000:.0f} ms, p99 {percentile(lat, 0.99) * 1000:.0f} ms"
        )
        print(f"jobs accepted       {len(load.jobs)}")
        print("errors by kind      " + (", ".join(f"{k} x{n}" for k, n in sorted(load.errors.items())) or "none"))
        print("5xx / connection    " + (", ".join(f"t={t:.1f} s {w}" for t, w in load.server_errors) or "none"))
        print(
            f"jobs                completed {jobs.get('completed', 0)}, partial {jobs.get('partial', 0)}, "
            f"failed {jobs.get('failed', 0)}, still active {active} after {drained:.0f} s of drain "
            f"(units lost with a worker and refunded: {lost})"
        )
        balanced = spent == delivered and mismatched == 0
        print(
            f"ledger              finished jobs: credits spent {spent} = covers delivered {delivered}: "
            f"{'balanced' if balanced else 'NOT BALANCED'} ({mismatched} job(s) charged differently from what "
            "they delivered)"
        )


if __name__ == "__main__":
    main()
