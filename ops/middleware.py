"""Probes and scrapes answered before Django checks the Host header.

Load balancers, orchestrators and Prometheus address a process by its IP (`Host: 10.0.3.7:8000`),
which is not in ALLOWED_HOSTS, so they would get 400 for every probe. These three paths serve no
customer data and build no URLs from the host, so they are answered here, first; /metrics keeps its
own operator check.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import resolve

from ops import health, metrics

PROBES: dict[str, Callable[[HttpRequest], HttpResponse]] = {
    "/healthz": health.healthz,
    "/readyz": health.readyz,
    "/metrics": metrics.metrics,
}


class ProbeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = PROBES.get(request.path_info)
        if view is None:
            return self.get_response(request)
        request.resolver_match = resolve(request.path_info)  # for the request metrics' route label
        return view(request)  # Django turns an exception (the 404 of /metrics) into its response
