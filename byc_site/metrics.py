"""HTTP request metrics for Prometheus (prometheus_client), counted by each web process.

Requests are labelled by their URL pattern (`api/v1/jobs/<str:job_id>`, never the raw path, so the
number of series stays small), method and status. Several processes (gunicorn workers) each count
their own; set PROMETHEUS_MULTIPROC_DIR to a folder they share and /metrics adds them up (the
prometheus_client multiprocess mode). Jobs, credits, queues and webhooks are read from the database
when /metrics is scraped (ops/metrics.py), so they are right whatever process did the work.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from prometheus_client import Counter, Histogram

REQUESTS = Counter("byc_http_requests_total", "HTTP requests answered.", ["method", "route", "status"])
REQUEST_SECONDS = Histogram(
    "byc_http_request_duration_seconds",
    "Time to answer an HTTP request.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def _route(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unmatched"
    return match.route or match.view_name or "unnamed"


class RequestMetricsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        method = request.method if request.method in _METHODS else "other"
        route = _route(request)
        REQUESTS.labels(method, route, str(response.status_code)).inc()
        REQUEST_SECONDS.labels(method, route).observe(time.perf_counter() - started)
        return response
