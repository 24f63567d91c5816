"""Fixtures for the cover-job tests.

- Renders are small (COVERS_RENDER_SCALE=0.1): the same code path as production, fewer pixels.
- `run_jobs`: a context manager; API calls made inside it run their django-q2 tasks for real,
  synchronously, once the request's transaction commits (django-q2's sync mode).
- `make_cover(account=...)`: a cover made through the generate service and a real render.
- `receiver`: a local HTTP server that records webhook requests and answers with a chosen status.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
from dataclasses import dataclass, field

import pytest
from django_q.conf import Conf

from covers import services
from covers.models import Cover, Job


@pytest.fixture(autouse=True)
def _small_renders(settings):
    settings.COVERS_RENDER_SCALE = 0.1
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True


@pytest.fixture
def run_jobs(monkeypatch, django_capture_on_commit_callbacks):
    """`with run_jobs(): ...` executes the tasks enqueued by what happens inside, synchronously."""
    monkeypatch.setattr(Conf, "SYNC", True)

    @contextlib.contextmanager
    def running():
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return running


@pytest.fixture
def make_cover(make_book, run_jobs):
    def make(*, account, book=None, **options) -> Cover:
        book = book or make_book(account=account)
        with run_jobs():
            job = services.job_create_generate(account=account, book_id=book.id, count=1, **options)
        job.refresh_from_db()
        assert job.status == Job.COMPLETED, (job.error_code, job.error_message)
        return job.covers.get()

    return make


@dataclass
class Receiver:
    url: str
    requests: list = field(default_factory=list)
    status: int = 200
    headers: dict = field(default_factory=dict)

    def bodies(self) -> list[dict]:
        return [json.loads(r["body"]) for r in self.requests]


@pytest.fixture
def receiver():

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (the standard library's name)
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            box.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
            self.send_response(box.status)
            for name, value in box.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    box = Receiver(url=f"http://127.0.0.1:{server.server_address[1]}/hooks/byc")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield box
    server.shutdown()
    server.server_close()
