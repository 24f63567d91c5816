"""The import contracts of pyproject.toml hold, and a module that breaks one makes `lint-imports` fail.

The broken cases run on a copy of the project's packages in a temporary folder, so the real tree
is never touched.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("web", "ops", "covers", "books", "billing", "byc_site", "cover_engine")
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=folder,
        env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_project_keeps_its_contracts() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_billing_importing_covers_inside_a_function_breaks_the_layers(project_copy: Path) -> None:
    (project_copy / "billing" / "leak.py").write_text(
        "def jobs_of(account):\n    from covers.models import Job\n\n    return Job.objects.filter(account=account)\n"
    )
    result = lint_imports(project_copy)
    assert result.returncode != 0
    assert "billing is not allowed to import covers" in result.stdout
    assert "billing.leak -> covers.models" in result.stdout


def test_books_importing_billing_breaks_the_layers(project_copy: Path) -> None:
    (project_copy / "books" / "leak.py").write_text("from billing.services import credits_balance\n")
    result = lint_imports(project_copy)
    assert result.returncode != 0
    assert "books is not allowed to import billing" in result.stdout


def test_a_domain_app_importing_web_breaks_the_layers(project_copy: Path) -> None:
    (project_copy / "covers" / "leak.py").write_text("import web.views.covers\n")
    result = lint_imports(project_copy)
    assert result.returncode != 0
    assert "covers is not allowed to import web" in result.stdout


def test_the_engine_importing_django_breaks_its_contract(project_copy: Path) -> None:
    (project_copy / "cover_engine" / "leak.py").write_text("from django.conf import settings\n")
    result = lint_imports(project_copy)
    assert result.returncode != 0
    assert "cover_engine is not allowed to import django" in result.stdout
