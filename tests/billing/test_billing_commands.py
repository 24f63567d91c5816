"""manage.py create_account and ensure_demo_account."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from billing.models import Account, ApiKey
from billing.services import api_key_hash, credits_balance

ROOT = Path(__file__).resolve().parents[2]


def create(*args: str) -> tuple[dict, str]:
    out = StringIO()
    call_command("create_account", *args, stdout=out, stderr=StringIO())
    text = out.getvalue()
    return json.loads(text.strip().splitlines()[-1]), text


def test_it_prints_email_key_and_secret_as_json_on_the_last_line(db):
    data, _ = create("ops@example.com", "--plan", "growth")
    assert set(data) == {"email", "api_key", "webhook_secret"}
    account = Account.objects.get(user__email="ops@example.com")
    assert data["webhook_secret"] == account.webhook_secret
    assert ApiKey.objects.get(account=account).hash == api_key_hash(data["api_key"])
    assert account.plan.code == "growth" and account.is_active
    assert credits_balance(account=account).monthly == 500


def test_the_key_it_prints_works_on_the_api(db, client):
    data, _ = create("api@example.com", "--plan", "starter")
    response = client.get("/api/v1/books", HTTP_AUTHORIZATION=f"Bearer {data['api_key']}")
    assert response.status_code == 200


def test_it_honours_monthly_overage_inactive_and_webhook(db):
    create(
        "opts@example.com",
        "--plan",
        "scale",
        "--monthly",
        "3",
        "--overage",
        "4",
        "--inactive",
        "--webhook-url",
        "https://hooks.example.com/covers",
    )
    account = Account.objects.get(user__email="opts@example.com")
    assert not account.is_active
    assert account.webhook_url == "https://hooks.example.com/covers"
    balance = credits_balance(account=account)
    assert (balance.monthly, balance.overage) == (0, 4)  # inactive: no monthly grant


def test_monthly_overrides_the_plans_grant(db):
    create("few@example.com", "--plan", "starter", "--monthly", "3")
    assert credits_balance(account=Account.objects.get(user__email="few@example.com")).monthly == 3


def test_it_fails_cleanly_for_a_taken_email_or_bad_plan(db):
    create("dup@example.com", "--plan", "starter")
    with pytest.raises(CommandError, match="already exists"):
        create("dup@example.com", "--plan", "starter")
    with pytest.raises(CommandError):
        create("x@example.com", "--plan", "gold")


def test_the_demo_account_is_created_once_and_its_key_shown_again(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    first, second = StringIO(), StringIO()
    call_command("ensure_demo_account", stdout=first)
    call_command("ensure_demo_account", stdout=second)
    key_line = [line for line in first.getvalue().splitlines() if "API key:" in line][0]
    raw_key = key_line.split()[-1]
    assert raw_key in second.getvalue()
    assert "Created" not in second.getvalue()
    assert ApiKey.objects.get(hash=api_key_hash(raw_key)).account.user.email == "demo@example.com"
    assert oct((tmp_path / "demo_api_key").stat().st_mode & 0o777) == "0o600"


def test_the_last_line_is_json_when_run_as_a_real_process(tmp_path):
    env = {**os.environ, "BYC_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--verbosity", "0"], env=env, check=True, cwd=ROOT)
    result = subprocess.run(
        [*manage, "create_account", "proc@example.com", "--plan", "starter"],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["email"] == "proc@example.com" and data["api_key"].startswith("byc_sk_")
