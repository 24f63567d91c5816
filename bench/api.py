"""Benchmark of the books API under gunicorn on loopback, next to a bare Django JSON view.

    .venv/bin/python bench/api.py [--seconds 3] [--rounds 3] [--clients 1,8,32] [--workers 2] [--threads 4]
                                  [--database-url postgres://...] [--markdown]
                                  [--endpoints bare,post,get] [--tree NAME=DIR --tree NAME=DIR ...]

Starts the app (the real settings, plus one bare view at /api/v1/bench-bare that returns a small
JSON object through the same middleware) under gunicorn on a throw-away data dir, creates an
account with `manage.py create_account`, then for each endpoint and number of concurrent clients
runs a closed loop (each client sends its next request when the previous answer arrives, over a
keep-alive connection) and prints requests/s and p50/p99 latency:

- GET  /api/v1/bench-bare         the framework's own ceiling on this machine
- POST /api/v1/books              a new book each time, with a fresh Idempotency-Key
- GET  /api/v1/books/:id          one existing book

Goal: the books endpoints reach >= 50% of the bare view's throughput; p99 < 50 ms at 8 clients.
The load generator (asyncio, one process) shares the machine's cores with the server, so absolute
figures are a floor; the ratios are what matters. Writes bench/out/api.json.

A/B comparison of code versions: give each version's source tree with `--tree NAME=DIR` (e.g. a
`git archive REV | tar -x -C DIR` of another commit). Every tree gets its own server and data dir
(its own throw-away database on --database-url), all up at once; each round measures every
endpoint on every tree back to back, the trees' order rotating from round to round, and the
figures of every round are printed with the tree's position in it, so both orders are seen.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WARMUP_SECONDS = 1.0

BOOK = {
    "title": "Scale Without Limits",
    "author": "Alex Carter",
    "genre": "business-economics",
    "subtitle": "Systems and Strategies for Explosive Business Growth",
    "summary": "A practical guide for entrepreneurs on building scalable systems and predictable growth.",
    "target_audience": "adult",
    "external_ref": "book-123",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Server:
    """gunicorn serving bench/api.py's settings on a throw-away data dir."""

    def __init__(self, *, root: Path, name: str, workers: int, threads: int, database_url: str | None) -> None:
        self.root, self.name = root, name
        self.port = free_port()
        self.data_dir = Path(tempfile.mkdtemp(prefix="byc-bench-api-"))
        self.env = {
            **os.environ,
            "BYC_DATA_DIR": str(self.data_dir),
            "DJANGO_SETTINGS_MODULE": "bench_api_settings",
            "PYTHONPATH": f"{self.data_dir}{os.pathsep}{root}",
            "BYC_LOG_LEVEL": "WARNING",
        }
        self.env.pop("DATABASE_URL", None)
        self.admin_url = database_url
        self.database_name = f"byc_bench_{os.getpid()}_{self.port}"
        if database_url:
            # A database of our own on that server, dropped afterwards.
            self._admin_sql(f'CREATE DATABASE "{self.database_name}"')
            self.env["DATABASE_URL"] = urlunparse(urlparse(database_url)._replace(path=f"/{self.database_name}"))
        # A settings module (and URL map) of our own: the real ones plus the bare view.
        (self.data_dir / "bench_api_settings.py").write_text(
            "from byc_site.settings import *  # noqa\nROOT_URLCONF = 'bench_api_urls'\n"
        )
        (self.data_dir / "bench_api_urls.py").write_text(
            "from django.http import JsonResponse\n"
            "from django.urls import path\n"
            "from byc_site.urls import urlpatterns as site\n\n"
            "def bare(request):\n"
            "    return JsonResponse({'bookId': '00000000-0000-0000-0000-000000000000', 'ok': True})\n\n"
            "urlpatterns = [path('api/v1/bench-bare', bare), *site]\n"
        )
        self.workers, self.threads = workers, threads
        self.process: subprocess.Popen | None = None

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, str(self.root / "manage.py"), *args],
            env=self.env,
            cwd=self.root,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout

    def start(self) -> None:
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "byc_site.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--worker-class",
                "gthread",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--keep-alive",
                "30",
                "--log-level",
                "warning",
            ],
            env=self.env,
            cwd=self.root,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def _admin_sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(statement)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.admin_url:
            self._admin_sql(f'DROP DATABASE IF EXISTS "{self.database_name}" WITH (FORCE)')


@dataclass
class Result:
    endpoint: str
    clients: int
    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    tree: str = ""
    round: int = 0
    position: int = 0  # 1 when this tree was measured first in its round, 2 second, ...


def raw_request(method: str, path: str, key: str, body: bytes = b"", extra: str = "") -> bytes:
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\n"
        f"Accept: application/json\r\n{extra}"
    )
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length, close = 0, False
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "connection" and value.strip().lower() == "close":
            close = True
    if length:
        await reader.readexactly(length)
    return status, close


async def closed_loop(port: int, make_request, clients: int, seconds: float, expect: int) -> tuple[list[float], int]:
    start = time.perf_counter()
    measure_from = start + WARMUP_SECONDS
    stop_at = measure_from + seconds
    latencies: list[float] = []
    errors = 0

    async def client() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while (sent := time.perf_counter()) < stop_at:
            writer.write(make_request())
            status, close = await read_response(reader)
            done = time.perf_counter()
            if sent >= measure_from:
                latencies.append(done - sent)
                if status != expect:
                    errors += 1
            if close:
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, errors


def measure(port: int, name: str, make_request, clients: int, seconds: float, expect: int) -> Result:
    latencies, errors = asyncio.run(closed_loop(port, make_request, clients, seconds, expect))
    return Result(
        endpoint=name,
        clients=clients,
        requests=len(latencies),
        errors=errors,
        seconds=seconds,
        rps=len(latencies) / seconds,
        p50_ms=percentile(latencies, 0.50) * 1000,
        p99_ms=percentile(latencies, 0.99) * 1000,
    )


def median_result(rounds: list[Result]) -> Result:
    """The median round's throughput, with the medians of the rounds' p50 and p99."""
    ordered = sorted(rounds, key=lambda result: result.rps)
    middle = ordered[len(ordered) // 2]
    return Result(
        endpoint=middle.endpoint,
        clients=middle.clients,
        requests=sum(result.requests for result in rounds),
        errors=sum(result.errors for result in rounds),
        seconds=sum(result.seconds for result in rounds),
        rps=statistics.median(result.rps for result in rounds),
        p50_ms=statistics.median(result.p50_ms for result in rounds),
        p99_ms=statistics.median(result.p99_ms for result in rounds),
        tree=middle.tree,
    )


ENDPOINTS = {"bare": "GET /api/v1/bench-bare", "post": "POST /api/v1/books", "get": "GET /api/v1/books/:id"}


def prepare(server: Server) -> list[tuple[str, object, int]]:
    """Start the server, create the account and one book; the requests of each endpoint."""
    server.start()
    created = json.loads(server.manage("create_account", "bench@example.com", "--plan", "scale").splitlines()[-1])
    key = created["api_key"]
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", server.port)
    connection.request(
        "POST",
        "/api/v1/books",
        json.dumps(BOOK),
        {"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )
    book_id = json.loads(connection.getresponse().read())["bookId"]
    connection.close()
    book_body = json.dumps(BOOK).encode()
    return [
        (ENDPOINTS["bare"], lambda: raw_request("GET", "/api/v1/bench-bare", key), 200),
        (
            ENDPOINTS["post"],
            lambda: raw_request("POST", "/api/v1/books", key, book_body, f"Idempotency-Key: {uuid.uuid4()}\r\n"),
            201,
        ),
        (ENDPOINTS["get"], lambda: raw_request("GET", f"/api/v1/books/{book_id}", key), 200),
    ]


def parse_trees(values: list[str]) -> list[tuple[str, Path]]:
    if not values:
        return [("this checkout", ROOT)]
    trees = []
    for value in values:
        name, _, directory = value.partition("=")
        root = Path(directory).resolve()
        if not name or not (root / "manage.py").is_file():
            raise SystemExit(f"--tree {value!r}: expected NAME=DIR with DIR/manage.py")
        trees.append((name, root))
    return trees


def print_row(label: str, result: Result, bare_rps: float | None = None) -> None:
    ratio = f"{result.rps / bare_rps:>9.0%}" if bare_rps else ""
    print(
        f"{label:<48}{result.clients:>8}{result.rps:>10.0f}{result.p50_ms:>9.1f}{result.p99_ms:>9.1f}"
        f"{result.errors:>8}{ratio}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=3.0, help="measured seconds per point (after 1 s warm-up)")
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per point; the median is kept")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument(
        "--database-url", help="a PostgreSQL server to use instead of SQLite (a throw-away database is made on it)"
    )
    parser.add_argument("--endpoints", default="bare,post,get", help=f"some of: {','.join(ENDPOINTS)}")
    parser.add_argument(
        "--tree", action="append", default=[], help="NAME=DIR: serve the source tree in DIR (repeat to compare)"
    )
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = parser.parse_args()
    client_counts = [int(count) for count in args.clients.split(",")]
    wanted = {ENDPOINTS[key.strip()] for key in args.endpoints.split(",")}
    trees = parse_trees(args.tree)

    servers = [
        Server(root=root, name=name, workers=args.workers, threads=args.threads, database_url=args.database_url)
        for name, root in trees
    ]
    results: list[Result] = []
    summary: list[Result] = []
    try:
        requests = {server.name: [e for e in prepare(server) if e[0] in wanted] for server in servers}
        endpoint_names = [name for name, _, _ in requests[servers[0].name]]
        print(
            f"gunicorn gthread {args.workers} workers x {args.threads} threads per tree, "
            f"{'PostgreSQL' if args.database_url else 'SQLite'}, {args.rounds} rounds of {args.seconds:g} s "
            f"per point, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start; "
            f"trees: {', '.join(f'{name} ({root})' for name, root in trees)}"
        )
        header = f"{'':<48}{'clients':>8}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
        for clients in client_counts:
            print(f"\n{clients} clients, every round (tree measured in the position shown)")
            print(header)
            # Endpoints and trees interleave within a round and the trees' order rotates between
            # rounds, so a burst of other work on the machine hits them alike.
            for round_index in range(args.rounds):
                shift = round_index % len(servers)
                order = servers[shift:] + servers[:shift]
                for endpoint_index, name in enumerate(endpoint_names):
                    for position, server in enumerate(order, start=1):
                        _, make_request, expect = requests[server.name][endpoint_index]
                        result = measure(server.port, name, make_request, clients, args.seconds, expect)
                        result.tree, result.round, result.position = server.name, round_index + 1, position
                        results.append(result)
                        print_row(f"r{round_index + 1} #{position} {server.name}: {name}", result)
            print(f"load average {os.getloadavg()[0]:.1f}")
    finally:
        for server in servers:
            server.stop()

    print(f"\nMedians over the rounds (req/s: median round; p50 and p99: median of the rounds){'':<4}vs bare")
    for clients in client_counts:
        print(header)
        for server in servers:
            bare_rps = None
            for name in endpoint_names:
                rounds = [r for r in results if (r.tree, r.endpoint, r.clients) == (server.name, name, clients)]
                result = median_result(rounds)
                summary.append(result)
                if name == ENDPOINTS["bare"]:
                    bare_rps = result.rps
                print_row(f"{server.name}: {name}", result, bare_rps)
                if len(servers) > 1:
                    for position in range(1, len(servers) + 1):
                        placed = [r for r in rounds if r.position == position]
                        if placed:
                            print_row(f"  measured #{position} ({len(placed)} rounds)", median_result(placed))

    if len(servers) == 1 and ENDPOINTS["bare"] in endpoint_names:
        by_key = {(r.endpoint, r.clients): r for r in summary}
        print()
        for clients in client_counts:
            bare = by_key[(ENDPOINTS["bare"], clients)].rps
            for name in endpoint_names[1:]:
                result = by_key[(name, clients)]
                verdict = "ok" if result.rps >= 0.5 * bare else "BELOW 50%"
                print(f"{name} at {clients} clients: {result.rps / bare:.0%} of the bare view ({verdict})")
        for name in endpoint_names[1:]:
            if (name, 8) in by_key:
                p99 = by_key[(name, 8)].p99_ms
                print(f"{name} p99 at 8 clients: {p99:.1f} ms ({'ok' if p99 < 50 else 'ABOVE 50 ms'})")
    if args.markdown:
        print("\n| tree | endpoint | clients | req/s | p50 ms | p99 ms |\n| --- | --- | ---: | ---: | ---: | ---: |")
        for result in summary:
            print(
                f"| {result.tree} | `{result.endpoint}` | {result.clients} | {result.rps:.0f} | "
                f"{result.p50_ms:.1f} | {result.p99_ms:.1f} |"
            )
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "api.json").write_text(
        json.dumps({"rounds": [asdict(r) for r in results], "medians": [asdict(r) for r in summary]}, indent=2)
    )


if __name__ == "__main__":
    main()
