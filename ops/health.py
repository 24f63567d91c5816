"""`/healthz`: the process answers. `/readyz`: it can do its work (database, queue broker, file storage).

A load balancer sends traffic only to ready processes; an orchestrator restarts unhealthy ones. So
/healthz touches nothing outside the process (a database outage must not restart every web
process), and /readyz names the part that is down without its details (those go to the log).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

PROBE_TIMEOUT_SECONDS = 3


def _database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _broker() -> None:
    if settings.QUEUE_BROKER == "redis":
        import redis

        # A client of our own with short timeouts: the broker's has none, and a probe must not hang.
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=PROBE_TIMEOUT_SECONDS, socket_timeout=PROBE_TIMEOUT_SECONDS
        )
        try:
            client.ping()
        finally:
            client.close()
    else:
        from django_q.models import OrmQ

        OrmQ.objects.using(settings.Q_CLUSTER["orm"]).exists()


def _storage() -> None:
    bucket = getattr(default_storage, "bucket", None)
    if bucket is not None:  # S3: the bucket is there and our keys may use it
        bucket.meta.client.head_bucket(Bucket=bucket.name)
        return
    # The local folder, or the nearest one above it (it is made at the first write), takes files.
    folder = Path(default_storage.location)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise PermissionError(f"{folder} is not a writable folder")


CHECKS: dict[str, Callable[[], None]] = {"database": _database, "broker": _broker, "storage": _storage}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:  # any failure means not ready; the reason goes to the log
            logger.warning("Readiness check %s failed: %s: %s", name, type(exc).__name__, exc)
            results[name] = f"error: {type(exc).__name__}"
        else:
            results[name] = "ok"
    ready = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ready" if ready else "not_ready", "checks": results}, status=200 if ready else 503)
