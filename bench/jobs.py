"""Benchmark of cover jobs on the embedded default: SQLite, ORM broker, gunicorn + a 2-worker qcluster.

    .venv/bin/python bench/jobs.py [--jobs 20] [--sustained 50] [--clients 8] [--seconds 10]

Measures, at production sizes (1600 x 2560 previews):
- seconds from POST /covers/generate to a poll seeing `completed`, count=1 and count=5
  (median and p95 over --jobs sequential jobs);
- covers per minute sustained over --sustained jobs of count=1 submitted up to the plan's limit;
- GET /api/v1/jobs/:id requests/s (a completed job of 5 covers: 5 signed URLs each time) next to a
  bare Django JSON view in the same server, at --clients concurrent clients.
Prints a summary and writes bench/out/jobs.json. Targets: count=1 median <= 1.5 s, count=5 <= 4 s.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
POLL_SECONDS = 0.05


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class Service:
    """The app under gunicorn plus `manage.py qcluster`, on a throw-away data dir."""

    def __init__(self, workdir: Path, web_workers: int, queue_workers: int) -> None:
        self.workdir = workdir
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("BYC_") and k != "DATABASE_URL"}
        self.env.update(
            DJANGO_SETTINGS_MODULE="jobs_settings",
            PYTHONPATH=os.pathsep.join([str(ROOT / "bench"), str(ROOT)]),
            BYC_DATA_DIR=str(workdir / "data"),
            SECRET_KEY="bench-" + uuid.uuid4().hex,
            BYC_PUBLIC_URL=self.base_url,
            BYC_WORKERS=str(queue_workers),
        )
        self.web_workers = web_workers
        self.processes: list[subprocess.Popen] = []

    def manage(self, *args: str) -> str:
        return subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True, text=True
        ).stdout

    def _start(self, name: str, command: list[str]) -> None:
        log = open(self.workdir / f"{name}.log", "wb")  # noqa: SIM115 (lives as long as the process)
        process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes.append(process)

    def start(self) -> None:
        self.manage("migrate", "--noinput")
        self._start(
            "web",
            [PYTHON, "-m", "gunicorn", "byc_site.wsgi", "-b", f"127.0.0.1:{self.port}",
             "-w", str(self.web_workers), "--threads", "4"],
        )  # fmt: skip
        self._start("qcluster", [PYTHON, "manage.py", "qcluster"])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.base_url}/bench/bare", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.2)
        raise SystemExit("the web server did not start; see " + str(self.workdir / "web.log"))

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.kill(process.pid, signal.SIGTERM)  # the leader stops its children (see scripts/run.sh)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


class Client:
    def __init__(self, base_url: str, api_key: str) -> None:
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key}"

    def post(self, path: str, body: dict) -> dict:
        response = self.session.post(self.base_url + path, json=body, timeout=30)
        if response.status_code not in (201, 202):
            raise SystemExit(f"POST {path} -> {response.status_code} {response.text}")
        return response.json()

    def job(self, job_id: str) -> dict:
        return self.session.get(f"{self.base_url}/api/v1/jobs/{job_id}", timeout=30).json()

    def wait(self, job_id: str) -> dict:
        while True:
            job = self.job(job_id)
            if job["status"] == "completed":
                return job
            if job["status"] in ("failed", "partial"):
                raise SystemExit(f"job {job_id} failed: {job['error']}")
            time.sleep(POLL_SECONDS)


def time_jobs(client: Client, book_id: str, count: int, jobs: int) -> list[float]:
    seconds = []
    for _ in range(jobs):
        started = time.perf_counter()
        job_id = client.post("/api/v1/covers/generate", {"bookId": book_id, "count": count})["jobId"]
        client.wait(job_id)
        seconds.append(time.perf_counter() - started)
    return seconds


def sustained(client: Client, book_id: str, jobs: int, in_flight: int) -> tuple[float, str]:
    """Covers per minute with up to `in_flight` jobs of one cover queued at once; returns the last job id."""
    started = time.perf_counter()
    pending: list[str] = []
    submitted = done = 0
    last = ""
    while done < jobs:
        while submitted < jobs and len(pending) < in_flight:
            last = client.post("/api/v1/covers/generate", {"bookId": book_id, "count": 1})["jobId"]
            pending.append(last)
            submitted += 1
        still = []
        for job_id in pending:
            status = client.job(job_id)["status"]
            if status in ("failed", "partial"):
                raise SystemExit(f"job {job_id} failed")
            if status == "completed":
                done += 1
            else:
                still.append(job_id)
        pending = still
        time.sleep(0.2)
    return jobs / ((time.perf_counter() - started) / 60), last


def requests_per_second(url: str, headers: dict, clients: int, seconds: float) -> tuple[float, float]:
    """Requests/s and p99 latency (ms) with `clients` threads hammering one URL."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def run():
        session = requests.Session()
        mine = []
        while time.perf_counter() < stop_at:
            t0 = time.perf_counter()
            response = session.get(url, headers=headers, timeout=30)
            mine.append(time.perf_counter() - t0)
            if response.status_code != 200:
                raise SystemExit(f"GET {url} -> {response.status_code}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=run) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    return len(latencies) / elapsed, percentile(latencies, 0.99) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=20, help="sequential jobs per count (default 20)")
    parser.add_argument("--sustained", type=int, default=50, help="jobs in the sustained run (default 50)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients for requests/s (default 8)")
    parser.add_argument("--seconds", type=float, default=10, help="seconds per requests/s run (default 10)")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--queue-workers", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="byc-bench-jobs-") as tmp:
        service = Service(Path(tmp), args.web_workers, args.queue_workers)
        service.start()
        try:
            out = service.manage("create_account", "bench@example.com", "--plan", "scale", "--monthly", "5000")
            api_key = json.loads(out.strip().splitlines()[-1])["api_key"]
            client = Client(service.base_url, api_key)
            book_id = client.post(
                "/api/v1/books",
                {
                    "title": "The Lighthouse at the End of the World",
                    "author": "Mara Quill",
                    "genre": "fantasy",
                    "summary": "A keeper guards a lighthouse on a storm-torn coast where drowned bells ring "
                    "under the sea and a dragon sleeps beneath the cliffs.",
                },
            )["bookId"]
            time_jobs(client, book_id, 1, 2)  # warm up fonts and caches in both workers
            one = time_jobs(client, book_id, 1, args.jobs)
            five = time_jobs(client, book_id, 5, args.jobs)
            per_minute, _ = sustained(client, book_id, args.sustained, in_flight=20)
            five_job = client.post("/api/v1/covers/generate", {"bookId": book_id, "count": 5})["jobId"]
            client.wait(five_job)
            headers = {"Authorization": f"Bearer {api_key}"}
            job_rps, job_p99 = requests_per_second(
                f"{service.base_url}/api/v1/jobs/{five_job}", headers, args.clients, args.seconds
            )
            bare_rps, bare_p99 = requests_per_second(f"{service.base_url}/bench/bare", {}, args.clients, args.seconds)
        finally:
            service.stop()

    results = {
        "machine_cpus": os.cpu_count(),
        "queue_workers": args.queue_workers,
        "web_workers": args.web_workers,
        "generate_count1_seconds": {"median": statistics.median(one), "p95": percentile(one, 0.95), "jobs": len(one)},
        "generate_count5_seconds": {
            "median": statistics.median(five),
            "p95": percentile(five, 0.95),
            "jobs": len(five),
        },
        "sustained_covers_per_minute": per_minute,
        "sustained_jobs": args.sustained,
        "job_poll_rps": job_rps,
        "job_poll_p99_ms": job_p99,
        "bare_view_rps": bare_rps,
        "bare_view_p99_ms": bare_p99,
        "clients": args.clients,
    }
    (ROOT / "bench" / "out").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "out" / "jobs.json").write_text(json.dumps(results, indent=2))
    c1, c5 = results["generate_count1_seconds"], results["generate_count5_seconds"]
    print(f"generate count=1: median {c1['median']:.2f} s, p95 {c1['p95']:.2f} s over {c1['jobs']} jobs (target 1.5)")
    print(f"generate count=5: median {c5['median']:.2f} s, p95 {c5['p95']:.2f} s over {c5['jobs']} jobs (target 4)")
    print(f"sustained: {per_minute:.1f} covers/minute over {args.sustained} jobs")
    print(
        f"GET /api/v1/jobs/:id (5 covers): {job_rps:.0f} req/s, p99 {job_p99:.1f} ms; "
        f"bare Django view: {bare_rps:.0f} req/s, p99 {bare_p99:.1f} ms ({args.clients} clients)"
    )


if __name__ == "__main__":
    main()
