"""The settings file: the embedded default needs nothing, production needs a real secret key."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], 'debug': s.DEBUG, 'key': s.SECRET_KEY, "
    "'broker': 'redis' if 'redis' in s.Q_CLUSTER else 'orm', 'storage': s.STORAGES['default']['BACKEND'], "
    "'hosts': s.ALLOWED_HOSTS, 'limit': s.API_MAX_BODY_BYTES}))"
)


def load_settings(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BYC_", "DATABASE_URL", "SECRET_KEY"))}
    clean.update({"BYC_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "byc_site.settings", **env})
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PROBE}"],
        env=clean,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_the_embedded_default_needs_no_configuration(tmp_path):
    result = load_settings(tmp_path)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["debug"] is False
    assert values["broker"] == "orm"
    assert values["storage"] == "django.core.files.storage.FileSystemStorage"
    assert "127.0.0.1" in values["hosts"]
    assert values["limit"] == 64 * 1024
    key_file = tmp_path / "secret_key"
    assert key_file.read_text().strip() == values["key"] and len(values["key"]) >= 50
    assert key_file.stat().st_mode & 0o777 == 0o600
    # The same key on the next start.
    assert json.loads(load_settings(tmp_path).stdout)["key"] == values["key"]


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = load_settings(tmp_path, BYC_PRODUCTION="1")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_environment_variables_choose_postgres_redis_and_s3(tmp_path):
    result = load_settings(
        tmp_path,
        DATABASE_URL="postgres://covers:pw@db.internal:5433/covers",
        BYC_QUEUE_BROKER="redis",
        BYC_STORAGE="s3",
        BYC_S3_BUCKET="covers",
        SECRET_KEY="x" * 60,
        BYC_DEBUG="1",
        ALLOWED_HOSTS="covers.example.com",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["broker"] == "redis"
    assert values["storage"] == "storages.backends.s3.S3Storage"
    assert values["debug"] is True and values["key"] == "x" * 60
    assert values["hosts"] == ["covers.example.com"]
