"""End to end: a real web server (gunicorn), a real `manage.py qcluster` worker, HTTP only.

Runs on whatever profile the suite runs on: SQLite + ORM broker by default; with DATABASE_URL set,
a fresh PostgreSQL database and the broker named by BYC_QUEUE_BROKER (Redis in the PostgreSQL run).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("covers-e2e")]

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
POLL_TIMEOUT = 180  # seconds; generous for a loaded 2-core machine, never reached when things work


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _live_members(pgid: int) -> list[int]:
    """Processes of a process group that are still running (zombies excepted)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def _wait_for_group_exit(pgid: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while _live_members(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)


@dataclass
class Stack:
    base_url: str
    env: dict
    workdir: Path
    processes: dict = field(default_factory=dict)

    # --- processes -------------------------------------------------------------------------------

    def manage(self, *args: str, env: dict | None = None, timeout: int = 120) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self, name: str, command: list[str], env: dict | None = None) -> subprocess.Popen:
        log = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 (owned by the process record)
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: we can stop it and all its children
        )
        self.processes[name] = (process, log)
        return process

    def stop(self, name: str, *, kill: bool = False) -> None:
        process, log = self.processes.pop(name)
        if process.poll() is None:
            if kill:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                # To the leader only: it stops its children (a group-wide SIGTERM can leave django-q2's
                # main process hanging until the timeout).
                os.kill(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            # The leader's exit is not the group's: a worker child still alive for a moment may pop
            # the next task from the broker and die with it. Wait until every member is gone.
            _wait_for_group_exit(process.pid)
        log.close()

    def start_worker(self, env: dict | None = None) -> None:
        self.start("qcluster", [PYTHON, "manage.py", "qcluster"], env=env)

    def log(self, name: str) -> str:
        return (self.workdir / f"{name}.log").read_text(errors="replace")[-4000:]

    # --- accounts --------------------------------------------------------------------------------

    def account(self, *, plan: str = "scale", monthly: int = 100, overage: int = 0) -> Account:
        email = f"e2e-{uuid.uuid4().hex[:10]}@example.com"
        out = self.manage("create_account", email, "--plan", plan, "--monthly", str(monthly), "--overage", str(overage))
        created = json.loads(out.strip().splitlines()[-1])
        return Account(self, email, created["api_key"], created["webhook_secret"])

    def balance(self, email: str) -> tuple[int, int, int]:
        """(monthly, overage, sum of the ledger) read straight from the database."""
        out = self.manage(
            "shell",
            "-c",
            "from django.db.models import Sum; from billing.models import Account, CreditEntry; "
            "from billing.services import credits_balance; "
            f"a = Account.objects.get(user__email='{email}'); b = credits_balance(account=a); "
            "print(b.monthly, b.overage, CreditEntry.objects.filter(account=a).aggregate(s=Sum('amount'))['s'])",
        )
        monthly, overage, ledger = out.split()[-3:]
        return int(monthly), int(overage), int(ledger)


@dataclass
class Account:
    stack: Stack
    email: str
    api_key: str
    webhook_secret: str

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.api_key}", **kwargs.pop("headers", {})}
        return requests.request(method, self.stack.base_url + path, headers=headers, timeout=30, **kwargs)

    def post(self, path: str, body: dict, **headers) -> requests.Response:
        return self.request("POST", path, json=body, headers=headers)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def book(self, **fields) -> str:
        body = {"title": "The Salt Road", "author": "Ada Reyes", "genre": "fantasy", **fields}
        response = self.post("/api/v1/books", body)
        assert response.status_code == 201, response.text
        return response.json()["bookId"]

    def wait(self, job_id: str) -> dict:
        deadline = time.monotonic() + POLL_TIMEOUT
        while time.monotonic() < deadline:
            job = self.get(f"/api/v1/jobs/{job_id}").json()
            if job["status"] in ("completed", "partial", "failed"):
                return job
            time.sleep(0.2)
        raise AssertionError(f"job {job_id} did not finish:\n{self.stack.log('qcluster')}")

    def run(self, path: str, body: dict, **headers) -> dict:
        response = self.post(path, body, **headers)
        assert response.status_code == 202, response.text
        return self.wait(response.json()["jobId"])


def _create_postgres_database(url: str) -> tuple[str, str]:
    import psycopg

    parts = urlsplit(url)
    name = f"byc_e2e_{uuid.uuid4().hex[:8]}"
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return parts._replace(path=f"/{name}").geturl(), name


def _drop_postgres_database(url: str, name: str) -> None:
    import psycopg

    admin_url = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def running_stack(workdir: Path, extra_env: dict | None = None):
    """Migrate a fresh database, start gunicorn and a qcluster; stop them and drop the database after."""
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("BYC_", "PYTEST_")) and key not in {"DATABASE_URL", "SECRET_KEY"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="byc_site.settings",
        BYC_DATA_DIR=str(workdir / "data"),
        SECRET_KEY="e2e-" + uuid.uuid4().hex,
        BYC_PUBLIC_URL=f"http://127.0.0.1:{port}",
        BYC_RENDER_SCALE="0.1",
        BYC_WEBHOOK_ALLOW_PRIVATE_NETWORKS="1",
        BYC_WORKERS="2",
        BYC_QUEUE_BROKER=os.environ.get("BYC_QUEUE_BROKER", "orm"),
        BYC_QUEUE_NAME=f"byc-e2e-{uuid.uuid4().hex[:8]}",
    )
    env.update(extra_env or {})  # a test may override any of the above
    if os.environ.get("BYC_REDIS_URL"):
        env["BYC_REDIS_URL"] = os.environ["BYC_REDIS_URL"]
    database = None
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"], database = _create_postgres_database(os.environ["DATABASE_URL"])
    stack = Stack(base_url=f"http://127.0.0.1:{port}", env=env, workdir=workdir)
    try:
        stack.manage("migrate", "--noinput", timeout=300)
        stack.start(
            "web",
            [PYTHON, "-m", "gunicorn", "byc_site.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2", "--threads", "4"],
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{stack.base_url}/api/v1/templates", timeout=5).status_code == 401:
                    break
            except requests.RequestException:
                pass  # not listening yet, or still importing
            if time.monotonic() > deadline:
                raise AssertionError(f"the web server did not start:\n{stack.log('web')}")
            time.sleep(0.2)
        stack.start_worker()
        yield stack
    finally:
        for name in list(stack.processes):
            stack.stop(name)
        if database:
            _drop_postgres_database(os.environ["DATABASE_URL"], database)


def s3_env(seaweedfs) -> dict:
    """The settings that put a stack's files in the SeaweedFS bucket (BYC_STORAGE=s3)."""
    return {
        "BYC_STORAGE": "s3",
        "BYC_S3_ENDPOINT_URL": seaweedfs.endpoint_url,
        "BYC_S3_BUCKET": seaweedfs.bucket,
        "BYC_S3_ACCESS_KEY_ID": seaweedfs.access_key,
        "BYC_S3_SECRET_ACCESS_KEY": seaweedfs.secret_key,
    }


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    with running_stack(tmp_path_factory.mktemp("e2e")) as running:
        yield running


def _png(response: requests.Response) -> tuple[int, int]:
    assert response.status_code == 200, response.text[:300]
    assert response.content[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(response.content[16:20], "big")
    height = int.from_bytes(response.content[20:24], "big")
    return width, height


def test_the_contracts_full_example(stack):
    me = stack.account()
    # 1. Create a book.
    book_id = me.book(summary="A lighthouse keeper guards a coast of storms and drowned bells.")
    # 2. Generate three covers (with an Idempotency-Key: a repeat is the same job).
    body = {"bookId": book_id, "count": 3, "mood": "mysterious", "colorPalette": "cool", "external_ref": "gen-001"}
    accepted = me.post("/api/v1/covers/generate", body, **{"Idempotency-Key": "req-001"})
    assert accepted.status_code == 202
    assert me.post("/api/v1/covers/generate", body, **{"Idempotency-Key": "req-001"}).json() == accepted.json()
    # 3. Poll until done.
    job = me.wait(accepted.json()["jobId"])
    assert job["status"] == "completed", job
    assert job["credits_used"] == 3 and job["error"] is None and job["external_ref"] == "gen-001"
    assert job["started_at"] and job["completed_at"]
    assert job["result"]["bookId"] == book_id
    covers = job["result"]["covers"]
    assert len(covers) == 3 and len({c["coverId"] for c in covers}) == 3
    for cover in covers:
        assert cover["expiresAt"].endswith("Z") and cover["coverStyle"]
        assert _png(requests.get(cover["signedUrl"], timeout=30))
    cover_id = covers[0]["coverId"]
    # 4. Cover metadata.
    meta = me.get(f"/api/v1/covers/{cover_id}").json()
    assert meta["bookId"] == book_id
    assert meta["assets"]["preview"]["available"] is True
    assert {meta["assets"][t]["available"] for t in ("full", "audiobook_preview", "audiobook_full")} == {False}
    preview_size = _png(requests.get(meta["assets"]["preview"]["signedUrl"], timeout=30))
    # 5. Edit.
    edited = me.run(f"/api/v1/covers/{cover_id}/edit-image", {"prompt": "Make the sky more dramatic"})
    assert edited["status"] == "completed", edited
    assert edited["result"]["sourceCoverId"] == cover_id
    assert edited["result"]["covers"][0]["coverId"] != cover_id
    # 6. Upscale.
    upscaled = me.run(f"/api/v1/covers/{cover_id}/upscale", {"sourceAsset": "preview"})
    assert upscaled["status"] == "completed", upscaled
    assert upscaled["result"]["covers"][0]["asset"] == "full"
    # 7. Download the upscaled image (302 to a signed URL).
    download = me.get(f"/api/v1/covers/{cover_id}/assets/full/download", allow_redirects=False)
    assert download.status_code == 302
    full_size = _png(requests.get(download.headers["Location"], timeout=30))
    assert full_size == (preview_size[0] * 2, preview_size[1] * 2)
    # And the rest of the operations: variations and the audiobook cover.
    varied = me.run(f"/api/v1/covers/{cover_id}/variations", {"count": 2})
    assert varied["status"] == "completed" and len(varied["result"]["covers"]) == 2
    audio = me.run(f"/api/v1/covers/{cover_id}/audiobook-cover", {})
    assert audio["status"] == "completed"
    square = _png(requests.get(audio["result"]["covers"][0]["signedUrl"], timeout=30))
    assert square[0] == square[1]
    listing = me.get(f"/api/v1/books/{book_id}/covers").json()
    assert listing["total"] == 3 + 1 + 2
    jobs = me.get("/api/v1/jobs?status=completed").json()
    assert jobs["total"] == 5 and jobs["jobs"][0]["operation"] == "audiobook_cover"
    assert stack.balance(me.email)[:2] == (100 - 3 - 1 - 1 - 2 - 1, 0)


def test_error_codes_over_http(stack):
    me = stack.account(plan="starter", monthly=3)
    book_id = me.book()
    cover_id = me.run("/api/v1/covers/generate", {"bookId": book_id})["result"]["covers"][0]["coverId"]

    def code(response: requests.Response) -> tuple[int, str]:
        return response.status_code, response.json()["error"]["code"]

    gen = "/api/v1/covers/generate"
    assert code(me.post(gen, {})) == (400, "missing_book_id")
    assert code(me.post(gen, {"bookId": book_id, "count": "2"})) == (400, "invalid_count")
    assert code(me.post(gen, {"bookId": book_id, "count": 6})) == (400, "invalid_count")
    assert code(me.post(gen, {"bookId": book_id, "mood": "sunny"})) == (400, "invalid_field_value")
    assert code(me.post(gen, {"bookId": book_id, "mainElements": "x" * 1001})) == (400, "field_too_long")
    assert code(me.post(gen, {"bookId": book_id, "mainElements": "a snuff film"})) == (400, "content_policy_violation")
    assert code(me.post(gen, {"bookId": str(uuid.uuid4())})) == (404, "book_not_found")
    assert code(me.post(gen, {"bookId": book_id, "count": 5})) == (402, "insufficient_credits")
    cover = f"/api/v1/covers/{cover_id}"
    assert code(me.post(f"{cover}/edit-image", {"prompt": "  "})) == (400, "missing_prompt")
    assert code(me.post(f"{cover}/upscale", {"sourceAsset": "full"})) == (400, "invalid_source_asset")
    assert code(me.post(f"{cover}/upscale", {"sourceAsset": "audiobook_preview"})) == (404, "asset_not_available")
    assert code(me.get(f"{cover}/assets/poster/download")) == (400, "invalid_field_value")
    assert code(me.get(f"{cover}/assets/full/download")) == (404, "asset_not_available")
    assert code(me.get(f"/api/v1/covers/{uuid.uuid4()}")) == (404, "cover_not_found")
    assert code(me.get(f"/api/v1/jobs/{uuid.uuid4()}")) == (404, "job_not_found")
    assert code(me.get("/api/v1/templates?genre=cooking")) == (400, "invalid_genre")
    upscale = me.post(f"{cover}/upscale", {"sourceAsset": "preview"})
    assert upscale.status_code == 202
    assert code(me.post(f"{cover}/upscale", {"sourceAsset": "preview"})) == (409, "asset_already_exists")
    me.wait(upscale.json()["jobId"])
    assert code(me.post(f"{cover}/upscale", {"sourceAsset": "preview"})) == (409, "asset_already_exists")
    stranger = stack.account()
    assert code(stranger.get(cover)) == (404, "cover_not_found")
    assert code(stranger.get(f"/api/v1/jobs/{upscale.json()['jobId']}")) == (404, "job_not_found")
    assert code(requests.get(stack.base_url + cover, timeout=10)) == (401, "unauthorized")
    templates = me.get("/api/v1/templates?genre=fantasy").json()
    assert templates["total"] == len(templates["templates"]) > 0
    assert _png(requests.get(templates["templates"][0]["previewImage"], timeout=60))


def test_webhooks_arrive_signed(stack, receiver):
    me = stack.account()
    book_id = me.book()
    done = me.run("/api/v1/covers/generate", {"bookId": book_id, "webhookUrl": receiver.url, "external_ref": "hook-1"})
    failed = me.run(
        f"/api/v1/covers/{done['result']['covers'][0]['coverId']}/edit-image",
        {"prompt": "qwzx blorf vrunt", "webhookUrl": receiver.url},
    )
    assert failed["status"] == "failed" and failed["error"]["code"] == "edit_not_understood"
    deadline = time.monotonic() + 60
    while len(receiver.requests) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(receiver.requests) == 2, stack.log("qcluster")
    by_job = {}
    for request in receiver.requests:
        expected = "sha256=" + hmac.new(me.webhook_secret.encode(), request["body"], hashlib.sha256).hexdigest()
        assert hmac.compare_digest(request["headers"]["X-BYC-Signature"], expected)
        payload = json.loads(request["body"])
        by_job[payload["jobId"]] = payload
    completed = by_job[done["jobId"]]
    assert completed["event"] == "job.completed" and completed["external_ref"] == "hook-1"
    assert completed["data"]["bookId"] == book_id and completed["data"]["covers"][0]["signedUrl"]
    assert by_job[failed["jobId"]]["event"] == "job.failed"
    assert by_job[failed["jobId"]]["status"] == "failed"


def test_credits_balance_exactly_after_a_mixed_batch(stack):
    me = stack.account(monthly=20, overage=5)
    book_id = me.book()
    first = me.run("/api/v1/covers/generate", {"bookId": book_id, "count": 2})
    cover_a, cover_b = (c["coverId"] for c in first["result"]["covers"])
    requests_ = [
        (f"/api/v1/covers/{cover_a}/variations", {"count": 3}),
        (f"/api/v1/covers/{cover_a}/edit-image", {"prompt": "zzyzx qlorp"}),  # fails: not understood
        (f"/api/v1/covers/{cover_b}/edit-image", {"prompt": "make it darker"}),
        (f"/api/v1/covers/{cover_b}/edit-image", {"prompt": "frobnicate the wibble"}),  # fails
        (f"/api/v1/covers/{cover_a}/upscale", {"sourceAsset": "preview"}),
        ("/api/v1/covers/generate", {"bookId": book_id, "count": 4}),
    ]
    job_ids = []
    for path, body in requests_:
        response = me.post(path, body)
        assert response.status_code == 202, response.text
        job_ids.append(response.json()["jobId"])
    results = [first] + [me.wait(job_id) for job_id in job_ids]
    statuses = [r["status"] for r in results]
    assert statuses.count("failed") >= 2, statuses
    for result in results:
        if result["status"] == "failed":
            assert result["error"]["code"] and result["error"]["message"]
    charged = sum(r["credits_used"] for r in results)
    monthly, overage, ledger = stack.balance(me.email)
    assert monthly + overage == 25 - charged == ledger
    delivered = sum(len((r["result"] or {}).get("covers", [])) for r in results)
    assert charged == delivered


def test_the_plans_concurrency_limit_over_http(stack):
    me = stack.account(plan="starter", monthly=50)
    book_id = me.book()
    stack.stop("qcluster", kill=True)  # nothing runs: the queued jobs stay queued
    try:
        accepted = [me.post("/api/v1/covers/generate", {"bookId": book_id, "count": 2}) for _ in range(5)]
        assert [r.status_code for r in accepted] == [202] * 5
        refused = me.post("/api/v1/covers/generate", {"bookId": book_id})
        assert refused.status_code == 429 and refused.json()["error"]["code"] == "concurrency_limit"
        assert stack.balance(me.email)[:2] == (50 - 10, 0)
    finally:
        stack.start_worker()
    for response in accepted:
        assert me.wait(response.json()["jobId"])["status"] == "completed"
    assert me.post("/api/v1/covers/generate", {"bookId": book_id}).status_code == 202


def test_a_killed_workers_units_are_refunded_and_the_rest_of_the_job_goes_on(stack):
    me = stack.account(monthly=10)
    book_id = me.book()
    stack.stop("qcluster", kill=True)  # idle; no need to wait for a graceful stop
    # Larger renders, so the job is still running when its worker is killed.
    stack.start_worker(env={"BYC_RENDER_SCALE": "0.6"})
    try:
        job_id = me.post("/api/v1/covers/generate", {"bookId": book_id, "count": 5}).json()["jobId"]
        deadline = time.monotonic() + POLL_TIMEOUT
        while me.get(f"/api/v1/jobs/{job_id}").json()["status"] != "running":
            assert time.monotonic() < deadline, stack.log("qcluster")
            time.sleep(0.05)
        stack.stop("qcluster", kill=True)
        assert me.get(f"/api/v1/jobs/{job_id}").json()["status"] == "running"
        # The units the dead worker held are past their deadline; its prefetched tokens died with it.
        out = stack.manage("sweep_jobs", env={"BYC_JOB_UNIT_DEADLINE": "0", "BYC_JOB_QUEUED_GRACE": "0"})
        lost = int(out.split("lost units ")[1].split(",")[0])
        assert 1 <= lost <= 2, out  # the cluster runs two worker processes
        stack.start_worker()  # a worker comes back and renders what is left
        job = me.wait(job_id)
        assert job["status"] == "partial", job
        assert job["error"]["code"] == "worker_lost"
        delivered = len(job["result"]["covers"])
        assert delivered == 5 - lost and all(c["signedUrl"] for c in job["result"]["covers"])
        assert job["credits_used"] == delivered
        monthly, overage, ledger = stack.balance(me.email)
        assert monthly + overage == 10 - delivered == ledger
    finally:
        if "qcluster" in stack.processes:
            stack.stop("qcluster", kill=True)
        stack.start_worker()  # for any test that runs after this one


@pytest.mark.s3
def test_the_s3_profile_end_to_end(tmp_path, seaweedfs):
    """BYC_STORAGE=s3: the worker writes to the bucket, clients fetch presigned URLs from SeaweedFS."""
    with running_stack(tmp_path, s3_env(seaweedfs)) as s3_stack:
        me = s3_stack.account()
        done = me.run("/api/v1/covers/generate", {"bookId": me.book()})
        assert done["status"] == "completed", done
        cover = done["result"]["covers"][0]
        assert cover["signedUrl"].startswith(f"{seaweedfs.endpoint_url}/{seaweedfs.bucket}/")
        preview = _png(requests.get(cover["signedUrl"], timeout=30))
        upscaled = me.run(f"/api/v1/covers/{cover['coverId']}/upscale", {"sourceAsset": "preview"})
        assert upscaled["status"] == "completed", upscaled
        download = me.get(f"/api/v1/covers/{cover['coverId']}/assets/full/download", allow_redirects=False)
        assert download.status_code == 302
        assert _png(requests.get(download.headers["Location"], timeout=30)) == (preview[0] * 2, preview[1] * 2)
        tampered = download.headers["Location"].replace("X-Amz-Signature=", "X-Amz-Signature=0")
        assert requests.get(tampered, timeout=30).status_code == 403
