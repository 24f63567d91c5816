"""Fixtures for the web app's test-client tests.

- `author`: an account (10 monthly credits) whose user is logged in on `client`.
- `run_jobs` and `make_cover` come from tests/conftest.py; renders here are small.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _small_renders(settings):
    settings.COVERS_RENDER_SCALE = 0.1


@pytest.fixture
def author(make_account, client):
    account = make_account(email="writer@example.com", password="a-long-pass-phrase", monthly=10)
    client.force_login(account.user)
    return account
