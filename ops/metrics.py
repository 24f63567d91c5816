"""`/metrics` for Prometheus: the web process's request metrics, and the service's figures read from
the database at scrape time.

Jobs, credits and webhooks are counted from their rows (a collector, not counters bumped by the
workers), so the figures are the same whichever web process is scraped and however many worker
processes and machines did the work, and they survive restarts:

- byc_jobs{operation,status}: jobs now in each state;
- byc_job_duration_seconds{operation,status}: histogram of acceptance-to-end times of finished jobs;
- byc_job_wait_seconds{operation}: histogram of acceptance-to-start times;
- byc_jobs_failed{error_code}: failed jobs by reason;
- byc_queue_tasks{queue}: tasks waiting in the broker, per queue;
- byc_credits_debited_total, byc_credits_refunded_total, byc_credits_spent (the difference);
- byc_webhook_deliveries{status}, byc_webhook_attempts_total{outcome}.

Only operators may read it (settings.METRICS_TOKEN as a bearer token, or an address in
settings.METRICS_ALLOWED_NETWORKS); everyone else gets a 404.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
from collections.abc import Iterator
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from prometheus_client import REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector

from billing.models import CreditEntry
from covers import selectors as cover_selectors
from covers.models import Job, WebhookAttempt, WebhookDelivery

logger = logging.getLogger(__name__)

DURATION_BUCKETS = (1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600)


def _histogram(rows: Iterator[dict], name: str, documentation: str, labels: list[str]) -> HistogramMetricFamily:
    family = HistogramMetricFamily(name, documentation, labels=labels)
    for row in rows:
        buckets = [(str(float(bound)), row[f"le_{n}"]) for n, bound in enumerate(DURATION_BUCKETS)]
        buckets.append(("+Inf", row["count"]))
        total = row["total"].total_seconds() if row["total"] else 0.0
        family.add_metric([row[label] for label in labels], buckets, total)
    return family


def _durations(queryset, start: str, end: str, group_by: list[str]):
    """Per group: a count of rows at or under each bucket, the count and the sum of `end - start`."""
    elapsed = ExpressionWrapper(F(end) - F(start), output_field=DurationField())
    buckets = {
        f"le_{n}": Count("pk", filter=Q(elapsed__lte=timedelta(seconds=b))) for n, b in enumerate(DURATION_BUCKETS)
    }
    return (
        queryset.filter(**{f"{start}__isnull": False, f"{end}__isnull": False})
        .annotate(elapsed=elapsed)
        .values(*group_by)
        .annotate(count=Count("pk"), total=Sum("elapsed"), **buckets)
        .order_by(*group_by)
    )


def _queue_names() -> list[str]:
    names = [settings.Q_CLUSTER["name"]]
    names += [name for name in settings.Q_CLUSTER.get("ALT_CLUSTERS", {}) if name not in names]
    return names


class DatabaseCollector(Collector):
    def collect(self) -> Iterator:
        jobs = GaugeMetricFamily("byc_jobs", "Jobs now in each state.", labels=["operation", "status"])
        for row in Job.objects.values("operation", "status").annotate(n=Count("pk")).order_by():
            jobs.add_metric([row["operation"], row["status"]], row["n"])
        yield jobs

        finished = Job.objects.exclude(status__in=Job.ACTIVE_STATUSES)
        yield _histogram(
            _durations(finished, "created_at", "completed_at", ["operation", "status"]),
            "byc_job_duration_seconds",
            "From acceptance to the end, of finished jobs.",
            ["operation", "status"],
        )
        yield _histogram(
            _durations(Job.objects.all(), "created_at", "started_at", ["operation"]),
            "byc_job_wait_seconds",
            "From acceptance to the start of the work.",
            ["operation"],
        )

        failed = CounterMetricFamily("byc_jobs_failed", "Failed jobs by reason.", labels=["error_code"])
        for row in Job.objects.filter(status=Job.FAILED).values("error_code").annotate(n=Count("pk")).order_by():
            failed.add_metric([row["error_code"] or "unknown"], row["n"])
        yield failed

        yield self._queue_depth()

        sums = CreditEntry.objects.aggregate(
            debited=Sum("amount", filter=Q(kind=CreditEntry.KIND_DEBIT)),
            refunded=Sum("amount", filter=Q(kind=CreditEntry.KIND_REFUND)),
        )
        debited, refunded = -(sums["debited"] or 0), sums["refunded"] or 0
        yield CounterMetricFamily("byc_credits_debited", "Credits debited when jobs were accepted.", value=debited)
        yield CounterMetricFamily("byc_credits_refunded", "Credits given back for failed work.", value=refunded)
        yield GaugeMetricFamily("byc_credits_spent", "Credits spent: debited less refunded.", value=debited - refunded)

        deliveries = GaugeMetricFamily("byc_webhook_deliveries", "Webhook deliveries by state.", labels=["status"])
        for row in WebhookDelivery.objects.values("status").annotate(n=Count("pk")).order_by():
            deliveries.add_metric([row["status"]], row["n"])
        yield deliveries

        attempts = CounterMetricFamily("byc_webhook_attempts", "Webhook attempts by outcome.", labels=["outcome"])
        counts = WebhookAttempt.objects.aggregate(
            delivered=Count("pk", filter=Q(status_code__gte=200, status_code__lt=300)), total=Count("pk")
        )
        attempts.add_metric(["delivered"], counts["delivered"])
        attempts.add_metric(["failed"], counts["total"] - counts["delivered"])
        yield attempts

        yield from _art_usage()

    def _queue_depth(self) -> GaugeMetricFamily:
        from django_q.brokers import get_broker

        depth = GaugeMetricFamily("byc_queue_tasks", "Tasks waiting in the broker.", labels=["queue"])
        for name in _queue_names():
            try:
                depth.add_metric([name], get_broker(list_key=name).queue_size())
            except Exception as exc:  # the broker is down: the other figures are still worth a scrape
                logger.warning("Queue depth of %s unavailable: %s: %s", name, type(exc).__name__, exc)
        return depth


def _art_usage() -> Iterator:
    """Image-model use per provider and outcome (covers.selectors.art_usage): pictures asked for,
    HTTP calls, seconds spent waiting on the provider, and cost."""
    labels = ["provider", "outcome"]
    pictures = CounterMetricFamily("byc_art_pictures", "Pictures asked of an image model.", labels=labels)
    calls = CounterMetricFamily("byc_art_http_calls", "HTTP calls to image models (retries, polls).", labels=labels)
    waited = CounterMetricFamily("byc_art_provider_seconds", "Time spent waiting on image models.", labels=labels)
    cost = CounterMetricFamily("byc_art_cost", "Cost of image-model calls (BYC_ART_COST_PER_CALL).", labels=labels)
    for row in cover_selectors.art_usage():
        key = [row["provider"], row["outcome"]]
        pictures.add_metric(key, row["pictures"])
        calls.add_metric(key, row["http_calls"])
        waited.add_metric(key, row["latency_ms"] / 1000)
        cost.add_metric(key, row["cost"])
    yield from (pictures, calls, waited, cost)


def _database_registry() -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(DatabaseCollector())
    return registry


def _process_registry() -> CollectorRegistry:
    """This process's metrics, or all web processes' with prometheus_client's multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return REGISTRY


def operator_allowed(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if token and header.startswith("Bearer ") and hmac.compare_digest(header[7:].strip(), token):
        return True
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(network) for network in settings.METRICS_ALLOWED_NETWORKS)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    if not operator_allowed(request):
        raise Http404  # nothing to see here for anyone else
    body = generate_latest(_process_registry()) + generate_latest(_database_registry())
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
