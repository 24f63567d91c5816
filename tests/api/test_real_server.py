"""Through a real gunicorn: chunked request bodies are read within the limit, hostile input is a 400 in
the envelope, the probes answer and responses carry a request id.

The embedded default (SQLite in a fresh data dir), as `make run` serves it.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
BOOK = {"title": "The Salt Road", "author": "Ada Reyes", "genre": "fantasy"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(base URL, API key) of a gunicorn serving a fresh embedded-default install."""
    data = tmp_path_factory.mktemp("real-server")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BYC_", "PYTEST_", "DATABASE_URL", "SECRET_KEY"))}
    (data / "prometheus").mkdir()
    env.update(
        DJANGO_SETTINGS_MODULE="byc_site.settings",
        BYC_DATA_DIR=str(data),
        BYC_THROTTLE="0",
        PROMETHEUS_MULTIPROC_DIR=str(data / "prometheus"),  # as scripts/run.sh sets it
    )

    def manage(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    manage("migrate", "--noinput")
    raw_key = json.loads(manage("create_account", "chunks@example.com", "--plan", "starter").strip().splitlines()[-1])[
        "api_key"
    ]
    log = (data / "gunicorn.log").open("w")
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "byc_site.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{base}/healthz", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass  # still starting
            assert time.monotonic() < deadline, (data / "gunicorn.log").read_text()
            time.sleep(0.2)
        yield base, raw_key
    finally:
        web.terminate()
        web.wait(timeout=30)
        log.close()


def chunks(body: bytes, size: int = 1000) -> Iterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


def test_a_chunked_body_is_read(server):
    base, key = server
    body = json.dumps({**BOOK, "external_ref": "chunked-1"}).encode()
    response = requests.post(
        f"{base}/api/v1/books",
        data=chunks(body, 7),  # a generator: requests sends Transfer-Encoding: chunked
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 201, response.text
    listed = requests.get(
        f"{base}/api/v1/books", params={"external_ref": "chunked-1"}, headers={"Authorization": f"Bearer {key}"}
    )
    assert listed.json()["total"] == 1


def test_a_chunked_body_over_the_limit_is_413(server):
    base, key = server
    body = json.dumps({**BOOK, "summary": "a" * 70_000}).encode()
    response = requests.post(
        f"{base}/api/v1/books",
        data=chunks(body, 8192),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


@pytest.mark.parametrize("value", ["nul\u0000here", "lone\ud800surrogate"])
def test_hostile_text_is_a_400_in_the_envelope(server, value):
    base, key = server
    response = requests.post(
        f"{base}/api/v1/books",
        data=json.dumps({**BOOK, "external_ref": value}),  # ASCII with \\u escapes, as a client sends it
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "unsupported_characters"
    query = requests.get(f"{base}/api/v1/books?external_ref=%00", headers={"Authorization": f"Bearer {key}"})
    assert query.status_code == 400 and query.json()["error"]["code"] == "unsupported_characters"


def test_json_nested_without_end_is_a_400(server):
    base, key = server
    response = requests.post(
        f"{base}/api/v1/books",
        data="[" * 20_000,
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_json"


def test_probes_and_request_ids(server):
    base, _ = server
    health = requests.get(f"{base}/healthz", headers={"X-Request-ID": "probe-1"}, timeout=10)
    assert health.status_code == 200 and health.headers["X-Request-ID"] == "probe-1"
    ready = requests.get(f"{base}/readyz", timeout=10)
    assert ready.status_code == 200 and ready.json()["status"] == "ready"


def test_metrics_add_up_the_requests_of_every_web_process(server):
    from prometheus_client.parser import text_string_to_metric_families

    def healthz_count() -> float:
        text = requests.get(f"{base}/metrics", timeout=10).text
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name == "byc_http_requests_total" and sample.labels.get("route") == "healthz":
                    return sample.value
        return 0.0

    base, _ = server
    before = healthz_count()
    with requests.Session() as session:  # each a new connection, so both workers take some
        for _ in range(20):
            session.get(f"{base}/healthz", timeout=10, headers={"Connection": "close"})
    assert healthz_count() == before + 20
