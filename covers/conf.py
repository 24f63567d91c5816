"""Settings of the covers app, each read from Django settings with a default taken from the environment.

Kept here rather than in byc_site/settings.py so the app documents its own knobs in one place.
"""

from __future__ import annotations

import os

from django.conf import settings


def _setting(name: str, env: str, default: str) -> str:
    value = getattr(settings, name, None)
    if value is not None:
        return str(value)
    return os.environ.get(env) or default


def render_scale() -> float:
    """Multiplier on the engine's sizes. 1 in production; tests render small (e.g. 0.1)."""
    return float(_setting("COVERS_RENDER_SCALE", "BYC_RENDER_SCALE", "1"))


def signed_url_seconds() -> int:
    return int(getattr(settings, "SIGNED_URL_SECONDS", 3600))


def job_running_deadline_seconds() -> int:
    """A job running longer than this lost its worker: the sweeper fails it and refunds.

    Above the task timeout, so a slow render that is still alive is never swept.
    """
    default = str(int(getattr(settings, "Q_TIMEOUT", 300)) + 120)
    return int(_setting("COVERS_JOB_RUNNING_DEADLINE", "BYC_JOB_RUNNING_DEADLINE", default))


def job_unit_deadline_seconds() -> int:
    """A unit (one cover of a job) still rendering this long after its claim lost its worker: the
    sweeper counts it failed and refunds it. Well above the longest render (a full-size upscale
    takes seconds), so a slow unit that is still alive is not given up on."""
    return int(_setting("COVERS_JOB_UNIT_DEADLINE", "BYC_JOB_UNIT_DEADLINE", "60"))


def job_queued_grace_seconds() -> int:
    """When units wait but no worker claimed one for this long, their work tokens are enqueued again."""
    return int(_setting("COVERS_JOB_QUEUED_GRACE", "BYC_JOB_QUEUED_GRACE", str(job_unit_deadline_seconds())))


def orphan_grace_seconds() -> int:
    """Stored images no asset row names are deleted once older than this (a render in flight is younger)."""
    return int(_setting("COVERS_ORPHAN_GRACE", "BYC_ORPHAN_GRACE", "3600"))


def webhook_timeout_seconds() -> float:
    """Each socket operation of an attempt (connect, each read)."""
    return float(getattr(settings, "WEBHOOK_TIMEOUT_SECONDS", 10))


def webhook_total_seconds() -> float:
    """A whole attempt, however the receiver behaves; never below the per-operation timeout."""
    return max(float(getattr(settings, "WEBHOOK_TOTAL_SECONDS", 15)), webhook_timeout_seconds())


def content_policy_terms_file() -> str:
    """Path of an operator's term list (one term or phrase a line); empty: the shipped list."""
    return _setting("COVERS_CONTENT_POLICY_FILE", "BYC_CONTENT_POLICY_FILE", "")


def content_policy_mode() -> str:
    """`extend` adds the operator's terms to the shipped list; `replace` uses only the operator's."""
    return _setting("COVERS_CONTENT_POLICY_MODE", "BYC_CONTENT_POLICY_MODE", "extend")


def art_config_values() -> dict:
    """The deployment's image-model settings (BYC_ART_*), as ArtConfig fields; an account may
    override provider, base URL, key and model in the admin (covers.services.art)."""
    return {
        "provider": _setting("COVERS_ART_PROVIDER", "BYC_ART_PROVIDER", "procedural"),
        "base_url": _setting("COVERS_ART_BASE_URL", "BYC_ART_BASE_URL", ""),
        "api_key": _setting("COVERS_ART_API_KEY", "BYC_ART_API_KEY", ""),
        "model": _setting("COVERS_ART_MODEL", "BYC_ART_MODEL", ""),
        "timeout": float(_setting("COVERS_ART_TIMEOUT", "BYC_ART_TIMEOUT", "120")),
        "fallback": _setting("COVERS_ART_FALLBACK", "BYC_ART_FALLBACK", "procedural"),
        "max_concurrent": int(_setting("COVERS_ART_MAX_CONCURRENT", "BYC_ART_MAX_CONCURRENT", "4")),
        "cost_per_call": float(_setting("COVERS_ART_COST_PER_CALL", "BYC_ART_COST_PER_CALL", "0")),
        "workflow_file": _setting("COVERS_ART_COMFYUI_WORKFLOW", "BYC_ART_COMFYUI_WORKFLOW", ""),
        "inpaint_workflow_file": _setting(
            "COVERS_ART_COMFYUI_INPAINT_WORKFLOW", "BYC_ART_COMFYUI_INPAINT_WORKFLOW", ""
        ),
        "retries": int(_setting("COVERS_ART_RETRIES", "BYC_ART_RETRIES", "3")),
    }


def preflight_rate() -> str:
    """How often one account may preflight (DRF rate syntax, e.g. "30/min"): free, but not free to flood."""
    return _setting("PREFLIGHT_RATE", "BYC_PREFLIGHT_RATE", "30/min")
