"""Production settings: `manage.py check --deploy` is clean with BYC_PRODUCTION=1, and unsafe
combinations refuse to start. Each case loads the settings in a fresh process, as a server would."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    # A production process's environment: none of the test run's settings (the browser tests' worker
    # allows Django's sync ORM under Playwright's event loop, which a deployment must not).
    ours = ("BYC_", "DATABASE_URL", "SECRET_KEY", "PYTEST", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "byc_site.settings",
            "BYC_DATA_DIR": str(tmp_path),
            "BYC_PRODUCTION": "1",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "BYC_PUBLIC_URL": "https://covers.example.com",
            "ALLOWED_HOSTS": "covers.example.com",
            "BYC_EMAIL_HOST": "smtp.example.com",
            "BYC_EMAIL_USER": "covers",
            "BYC_EMAIL_PASSWORD": "smtp-secret",
        }
    )
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_in_production(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_check_deploy_finds_the_gaps_of_the_embedded_default(tmp_path):
    env = production_env(tmp_path, BYC_PRODUCTION=None, BYC_EMAIL_HOST=None)
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stderr


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"BYC_DEBUG": "1"}, "BYC_DEBUG=1 is refused"),
        ({"BYC_EMAIL_HOST": None}, "BYC_EMAIL_HOST"),
        ({"SECRET_KEY": None}, "SECRET_KEY"),
    ],
)
def test_production_refuses_unsafe_settings(tmp_path, overrides, message):
    result = manage(production_env(tmp_path, **overrides), "check")
    assert result.returncode != 0
    assert message in result.stderr


PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'signup': s.SIGNUP_MODE, 'log': s.LOG_FORMAT, 'metrics': s.METRICS_ALLOWED_NETWORKS, "
    "'static': s.STORAGES['staticfiles']['BACKEND'], 'email': s.EMAIL_BACKEND, 'tls': s.EMAIL_USE_TLS, "
    "'proxy': s.SECURE_PROXY_SSL_HEADER, 'exempt': s.SECURE_REDIRECT_EXEMPT}))"
)


def test_production_defaults(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=production_env(tmp_path), cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["signup"] == "verify-email"
    assert values["log"] == "json"
    assert values["metrics"] == []  # only the bearer token opens /metrics
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend" and values["tls"] is True
    assert values["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert "^healthz$" in values["exempt"]


def test_the_embedded_default_signs_up_openly_and_logs_text(tmp_path):
    env = production_env(tmp_path, BYC_PRODUCTION=None, BYC_EMAIL_HOST=None)
    probe = PROBE.replace("'proxy': s.SECURE_PROXY_SSL_HEADER, 'exempt': s.SECURE_REDIRECT_EXEMPT", "'x': 0")
    result = subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["signup"] == "open" and values["log"] == "text"
    assert values["email"] == "django.core.mail.backends.console.EmailBackend"
