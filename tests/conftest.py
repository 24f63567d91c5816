"""Fixtures shared by every test package.

    def test_it_lists_books(make_account, api_client_for, make_book):
        account = make_account(plan="growth", monthly=5, overage=2)
        make_book(account=account, title="Dune")
        response = api_client_for(account).get("/api/v1/books")

- `make_account(...)`: a new account through billing.services.account_create (unique email each
  call); `monthly` replaces the plan's first grant, `overage` adds overage credits,
  `active=False` makes an account without a subscription.
- `api_client_for(account)`: a DRF APIClient sending `Authorization: Bearer <a new key>`;
  the raw key is on `client.raw_key`, the ApiKey row on `client.api_key`.
- `make_book(account=..., **fields)`: a valid book through books.services.book_create.
- `run_jobs`, `make_cover(account=...)`: run enqueued tasks synchronously; a cover from a real render.
- `account`, `api_client`: one ready account (starter plan, 10 monthly credits) and its client.
- `receiver`: a local HTTP server that records webhook requests and answers with a chosen status
  (`receiver.status`, `receiver.headers`); `receiver.url`, `receiver.requests`, `receiver.bodies()`.
"""

from __future__ import annotations

import contextlib
import http.server
import itertools
import json
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rest_framework.test import APIClient

_emails = itertools.count(1)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix) -> None:
    """A test database of our own per test process.

    SQLite: a file, not pytest-django's shared in-memory database, whose table locks fail at
    once instead of waiting, so tests with concurrent threads could not run on it. Both
    engines: a name with our process id, so several people (or xdist workers) running the
    suite on one machine never drop each other's database.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    test_settings = database.setdefault("TEST", {})
    if os.environ.get("BYC_TEST_DB_NAME"):
        return
    if database["ENGINE"].endswith("sqlite3"):
        test_settings["NAME"] = str(Path(tempfile.gettempdir()) / f"byc-test-{os.getpid()}.sqlite3")
    else:
        test_settings["NAME"] = f"test_byc_{os.getpid()}"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The real hasher is slow on purpose (~0.3 s a password); tests need no such protection."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    """Tests make many requests from one address; the rate-limit tests turn the limits back on."""
    settings.THROTTLE_ENABLED = False


@pytest.fixture(autouse=True)
def _isolated_data_dir(settings, tmp_path):
    """Files written by a test land in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    storages = dict(settings.STORAGES)
    default = dict(storages["default"])
    if default["BACKEND"] == "django.core.files.storage.FileSystemStorage":
        default["OPTIONS"] = {**default.get("OPTIONS", {}), "location": tmp_path / "media"}
        storages["default"] = default
        settings.STORAGES = storages


@pytest.fixture
def make_account(db):
    from billing.plans import plans_ensure
    from billing.services import account_create

    plans_ensure()  # transactional tests flush the plans the data migration made

    def make(
        *,
        plan: str = "starter",
        monthly: int | None = 10,
        overage: int = 0,
        active: bool = True,
        email: str | None = None,
        password: str | None = None,
        webhook_url: str = "",
    ):
        return account_create(
            email=email or f"author{next(_emails)}@example.com",
            plan_code=plan,
            password=password,
            monthly_credits=monthly,
            overage_credits=overage,
            is_active=active,
            webhook_url=webhook_url,
        )

    return make


@pytest.fixture
def api_client_for(db):
    from billing.services import api_key_create

    def make(account, *, name: str = "test key") -> APIClient:
        api_key, raw_key = api_key_create(account=account, name=name)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw_key}")
        client.raw_key = raw_key
        client.api_key = api_key
        return client

    return make


@pytest.fixture
def make_book(db):
    from books.services import book_create

    def make(*, account, **fields):
        values = {"title": "The Salt Road", "author": "Ada Reyes", "genre": "fantasy"}
        values.update(fields)
        return book_create(account=account, **values)

    return make


@pytest.fixture
def account(make_account):
    return make_account()


@pytest.fixture
def api_client(api_client_for, account) -> APIClient:
    return api_client_for(account)


@pytest.fixture
def run_jobs(monkeypatch, django_capture_on_commit_callbacks):
    """`with run_jobs(): ...` executes the django-q2 tasks enqueued inside, synchronously and for real,
    once the transaction that enqueued them commits (django-q2's sync mode)."""
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "SYNC", True)

    @contextlib.contextmanager
    def running():
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return running


@pytest.fixture
def make_cover(make_book, run_jobs):
    """`make_cover(account=..., book=None, **generate_options)`: a cover made through the generate
    service and a real render (the default book is about a lighthouse in a storm)."""
    from covers import services
    from covers.models import Job

    def make(*, account, book=None, **options):
        book = book or make_book(account=account, summary="A lighthouse on a cliff in a storm.")
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
