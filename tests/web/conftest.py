"""Fixtures for the web app's test-client tests.

- `author`: an account (10 monthly credits) whose user is logged in on `client`.
- `run_jobs`: `with run_jobs(): ...` runs the django-q2 tasks enqueued inside, synchronously and for real.
- `make_cover(account=...)`: a cover made through the generate service and a real (small) render.
"""

from __future__ import annotations

import contextlib

import pytest
from django_q.conf import Conf

from covers import services
from covers.models import Cover, Job


@pytest.fixture(autouse=True)
def _small_renders(settings):
    settings.COVERS_RENDER_SCALE = 0.1


@pytest.fixture
def author(make_account, client):
    account = make_account(email="writer@example.com", password="a-long-pass-phrase", monthly=10)
    client.force_login(account.user)
    return account


@pytest.fixture
def run_jobs(monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(Conf, "SYNC", True)

    @contextlib.contextmanager
    def running():
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return running


@pytest.fixture
def make_cover(make_book, run_jobs):
    def make(*, account, book=None) -> Cover:
        book = book or make_book(account=account, summary="A lighthouse on a cliff in a storm.")
        with run_jobs():
            job = services.job_create_generate(account=account, book_id=book.id, count=1)
        job.refresh_from_db()
        assert job.status == Job.COMPLETED, (job.error_code, job.error_message)
        return job.covers.get()

    return make
