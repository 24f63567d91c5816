"""The operators' endpoints, at the site root (where probes and Prometheus look for them)."""

from django.urls import path

from ops import health, metrics

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
]
