"""Health and readiness probes, Prometheus metrics, request ids and the log lines operators read."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.test import override_settings
from django.urls import path
from prometheus_client.parser import text_string_to_metric_families
from rest_framework.views import APIView

from byc_site import urls as site_urls
from byc_site.logcontext import ContextFilter, JsonFormatter
from covers import services
from covers.models import Job

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_checks_database_broker_and_storage(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "broker": "ok", "storage": "ok"},
    }


def test_readyz_is_503_naming_the_part_that_is_down(client, settings, caplog):
    settings.QUEUE_BROKER = "redis"
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not_ready"
    assert body["checks"]["database"] == "ok" and body["checks"]["broker"].startswith("error: ")
    assert "127.0.0.1" not in response.content.decode()  # details go to the log, not to the world
    assert any("broker" in r.getMessage() for r in caplog.records)


def scrape(client, **extra) -> dict:
    response = client.get("/metrics", **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def test_metrics_count_jobs_durations_credits_and_queues(client, make_account, make_book, make_cover, settings):
    account = make_account(monthly=10)
    make_cover(account=account)
    failed = services.job_create_generate(account=account, book_id=make_book(account=account).id, count=2)
    services.job_fail(job_id=failed.id, code="worker_lost", message="The worker stopped.")
    services.job_create_generate(account=account, book_id=make_book(account=account).id, count=1)

    samples = scrape(client)
    jobs = {labels: value for (name, labels), value in samples.items() if name == "byc_jobs"}
    assert jobs[(("operation", "generate"), ("status", "completed"))] == 1
    assert jobs[(("operation", "generate"), ("status", "failed"))] == 1
    assert jobs[(("operation", "generate"), ("status", "queued"))] == 1
    done = (("operation", "generate"), ("status", "completed"))
    assert samples[("byc_job_duration_seconds_count", done)] == 1
    assert samples[("byc_job_duration_seconds_bucket", (("le", "+Inf"), *done))] == 1
    assert samples[("byc_job_duration_seconds_bucket", (("le", "600.0"), *done))] == 1
    assert samples[("byc_job_duration_seconds_sum", done)] > 0
    assert samples[("byc_jobs_failed_total", (("error_code", "worker_lost"),))] == 1
    # One cover delivered (1 credit), two refunded, one still queued (1 credit reserved).
    assert samples[("byc_credits_debited_total", ())] == 4
    assert samples[("byc_credits_refunded_total", ())] == 2
    assert samples[("byc_credits_spent", ())] == 2
    assert samples[("byc_queue_tasks", (("queue", settings.Q_CLUSTER["name"]),))] >= 0


def test_metrics_count_requests_by_route(client, api_client):
    api_client.get("/api/v1/books")
    api_client.get("/api/v1/jobs/not-a-job")
    samples = scrape(client)
    ok = ("byc_http_requests_total", (("method", "GET"), ("route", "api/v1/books"), ("status", "200")))
    missing = ("byc_http_requests_total", (("method", "GET"), ("route", "api/v1/jobs/<str:job_id>"), ("status", "404")))
    assert samples[ok] >= 1 and samples[missing] >= 1


def test_metrics_count_webhook_outcomes(client, make_account, make_book, settings):
    from covers.models import WebhookAttempt, WebhookDelivery

    account = make_account()
    job = services.job_create_generate(account=account, book_id=make_book(account=account).id, count=1)
    delivery = WebhookDelivery.objects.create(job=job, event="job.failed", url="https://hooks.example.com/x")
    WebhookAttempt.objects.create(delivery=delivery, number=1, status_code=500, error="HTTP 500")
    WebhookAttempt.objects.create(delivery=delivery, number=2, status_code=204)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(status=WebhookDelivery.DELIVERED)
    samples = scrape(client)
    assert samples[("byc_webhook_attempts_total", (("outcome", "delivered"),))] == 1
    assert samples[("byc_webhook_attempts_total", (("outcome", "failed"),))] == 1
    assert samples[("byc_webhook_deliveries", (("status", "delivered"),))] == 1


def test_metrics_are_for_operators_only(client, settings):
    settings.METRICS_TOKEN = "scrape-token-123"
    settings.METRICS_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 404
    wrong = client.get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer nope")
    assert wrong.status_code == 404
    right = client.get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer scrape-token-123")
    assert right.status_code == 200
    settings.METRICS_ALLOWED_NETWORKS = []
    assert client.get("/metrics").status_code == 404  # loopback too, once no network is allowed


def test_a_request_id_is_made_or_kept_and_sent_back(client):
    made = client.get("/healthz")["X-Request-ID"]
    assert len(made) == 32
    assert client.get("/healthz", HTTP_X_REQUEST_ID="proxy-abc.123")["X-Request-ID"] == "proxy-abc.123"
    assert client.get("/healthz", HTTP_X_REQUEST_ID="bad id\n")["X-Request-ID"] != "bad id\n"


class Explodes(APIView):
    def get(self, request):
        raise RuntimeError("the reason behind the 500")


urlpatterns = [path("api/v1/explodes", Explodes.as_view()), *site_urls.urlpatterns]


@pytest.fixture
def json_log():
    """json_log(logger_name): what an operator's log shows, our JSON formatter and context filter on a
    handler of that logger; returns the stream the lines go to."""
    attached = []

    def attach(name: str) -> io.StringIO:
        stream = io.StringIO()
        handler = logging.StreamHandler(stream)
        handler.addFilter(ContextFilter())
        handler.setFormatter(JsonFormatter())
        logging.getLogger(name).addHandler(handler)
        attached.append((name, handler))
        return stream

    yield attach
    for name, handler in attached:
        logging.getLogger(name).removeHandler(handler)


@override_settings(ROOT_URLCONF=__name__)
def test_an_unexpected_api_error_is_logged_once_with_its_traceback_and_ids(api_client, account, json_log):
    stream = json_log("django.request")
    api_client.raise_request_exception = False
    response = api_client.get("/api/v1/explodes", HTTP_X_REQUEST_ID="req-42")
    assert response.status_code == 500 and response.json()["error"]["code"] == "internal_error"
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert len(lines) == 1
    [line] = lines
    assert line["level"] == "ERROR" and line["logger"] == "django.request"
    assert line["request_id"] == "req-42" and line["account_id"] == str(account.pk)
    assert "Traceback" in line["exception"] and "the reason behind the 500" in line["exception"]
    assert "/api/v1/explodes" in line["message"]


@override_settings(ROOT_URLCONF=__name__)
def test_an_unexpected_api_error_reaches_error_trackers(api_client):
    from django.core.signals import got_request_exception

    seen = []

    def tracker(sender, request, **kwargs):
        seen.append(request.path)

    got_request_exception.connect(tracker)
    try:
        api_client.raise_request_exception = False
        api_client.get("/api/v1/explodes")
    finally:
        got_request_exception.disconnect(tracker)
    assert seen == ["/api/v1/explodes"]


def test_worker_log_lines_carry_the_job_id(make_account, make_book, json_log):
    from covers import tasks

    account = make_account()
    job = services.job_create_generate(account=account, book_id=make_book(account=account).id, count=1)
    Job.objects.filter(pk=job.id).update(status=Job.RUNNING)  # another worker has it: the task only logs
    stream = json_log("covers")
    tasks.job_run_task(str(job.id))
    [line] = [json.loads(text) for text in stream.getvalue().splitlines()]
    assert line["job_id"] == str(job.id) and "another worker" in line["message"]


@pytest.mark.parametrize("url", ["/healthz", "/readyz", "/metrics"])
def test_probes_answer_whatever_the_host_header(client, url):
    # Orchestrators and Prometheus address a process by its IP, which is not in ALLOWED_HOSTS.
    assert client.get(url, HTTP_HOST="10.0.3.7:8000").status_code == 200


def test_other_paths_still_check_the_host(client):
    assert client.get("/login/", HTTP_HOST="10.0.3.7:8000").status_code == 400


def test_metrics_show_image_model_use_per_provider(client, make_account):
    from covers.models import ArtCall

    account = make_account(monthly=5)
    ArtCall.objects.create(
        account=account,
        provider="openai",
        operation="generate",
        outcome=ArtCall.OK,
        latency_ms=1500,
        calls=1,
        cost=0.04,
    )
    ArtCall.objects.create(
        account=account, provider="openai", operation="generate", outcome=ArtCall.FALLBACK, latency_ms=500, calls=3
    )
    samples = scrape(client)
    ok = (("outcome", "ok"), ("provider", "openai"))
    fallback = (("outcome", "fallback"), ("provider", "openai"))
    assert samples[("byc_art_pictures_total", ok)] == 1
    assert samples[("byc_art_provider_seconds_total", ok)] == 1.5
    assert samples[("byc_art_cost_total", ok)] == 0.04
    assert samples[("byc_art_http_calls_total", fallback)] == 3
