"""Webhook deliveries: signed bodies, retries with backoff, a log, and no private targets unless allowed."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from billing.webhook_targets import WebhookTargetRefused, address_is_forbidden, webhook_target_resolve
from covers import deliveries, services
from covers.models import Job, WebhookDelivery
from covers.webhooks import (
    MAX_ATTEMPTS,
    RETRY_DELAYS,
    signature_header_value,
    signature_is_valid,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_job(make_account, make_book, receiver):
    """A job that failed (and so has a job.failed event to deliver to the receiver)."""
    account = make_account(monthly=10)
    book = make_book(account=account)
    job = services.job_create_generate(
        account=account, book_id=book.id, count=2, webhook_url=receiver.url, external_ref="ext-9"
    )
    services.job_fail(job_id=job.id, code="worker_lost", message="The worker stopped.")
    return Job.objects.select_related("account").get(pk=job.id)


def _delivery(job) -> WebhookDelivery:
    return WebhookDelivery.objects.get(job=job)


def test_the_signature_is_an_hmac_sha256_of_the_raw_body():
    body = b'{"event":"job.completed"}'
    value = signature_header_value(body, "whsec_abc")
    assert value == "sha256=" + hmac.new(b"whsec_abc", body, hashlib.sha256).hexdigest()
    assert signature_is_valid(body, value, "whsec_abc")
    assert not signature_is_valid(body + b" ", value, "whsec_abc")
    assert not signature_is_valid(body, value, "whsec_other")


def test_it_delivers_a_signed_job_failed_event(failed_job, receiver):
    assert deliveries.webhook_deliver(delivery_id=_delivery(failed_job).pk) is True
    [request] = receiver.requests
    secret = failed_job.account.webhook_secret
    assert signature_is_valid(request["body"], request["headers"]["X-BYC-Signature"], secret)
    payload = json.loads(request["body"])
    assert payload["event"] == "job.failed"
    assert payload["jobId"] == str(failed_job.id)
    assert payload["external_ref"] == "ext-9"
    assert payload["status"] == "failed"
    assert payload["error"] == {"code": "worker_lost", "message": "The worker stopped."}
    assert payload["timestamp"].endswith("Z")
    delivery = _delivery(failed_job)
    assert delivery.status == WebhookDelivery.DELIVERED
    assert delivery.attempt_log.get().status_code == 200


def test_it_falls_back_to_the_accounts_default_url(make_account, make_book, receiver):
    account = make_account(webhook_url=receiver.url)
    job = services.job_create_generate(account=account, book_id=make_book(account=account).id)
    services.job_fail(job_id=job.id, code="worker_lost", message="stopped")
    assert WebhookDelivery.objects.get(job=job).url == receiver.url


def test_no_url_no_delivery(make_account, make_book):
    account = make_account()
    job = services.job_create_generate(account=account, book_id=make_book(account=account).id)
    services.job_fail(job_id=job.id, code="worker_lost", message="stopped")
    assert not WebhookDelivery.objects.filter(job=job).exists()


def test_it_retries_with_exponential_backoff_and_logs_each_attempt(failed_job, receiver):
    receiver.status = 503
    delivery = _delivery(failed_job)
    started = timezone.now()
    assert deliveries.webhook_deliver(delivery_id=delivery.pk) is False
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.PENDING
    assert delivery.attempts == 1 and delivery.last_status_code == 503
    assert delivery.next_attempt_at - started >= RETRY_DELAYS[0]
    # Not due yet: nothing happens.
    assert deliveries.webhook_deliver(delivery_id=delivery.pk) is False
    assert len(receiver.requests) == 1
    # Each retry waits twice as long as the one before.
    assert [d.total_seconds() for d in RETRY_DELAYS] == [60, 120, 240, 480, 960, 1920]
    assert sum(RETRY_DELAYS, timedelta()) >= timedelta(minutes=60)
    assert MAX_ATTEMPTS >= 5


def test_it_gives_up_after_the_last_attempt(failed_job, receiver):
    receiver.status = 500
    delivery = _delivery(failed_job)
    for _ in range(MAX_ATTEMPTS):
        WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
        deliveries.webhook_deliver(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.GAVE_UP
    assert delivery.attempt_log.count() == MAX_ATTEMPTS
    assert len(receiver.requests) == MAX_ATTEMPTS
    assert delivery.attempt_log.last().next_retry_at is None


def test_due_retries_are_found_by_the_retry_sweep(failed_job, receiver):
    receiver.status = 500
    delivery = _delivery(failed_job)
    deliveries.webhook_deliver(delivery_id=delivery.pk)
    assert delivery.pk not in deliveries.webhooks_due()
    later = timezone.now() + RETRY_DELAYS[0] + timedelta(seconds=1)
    assert delivery.pk in deliveries.webhooks_due(now=later)


def test_it_does_not_follow_redirects(failed_job, receiver):
    receiver.status = 302
    receiver.headers = {"Location": "http://169.254.169.254/latest/meta-data/"}
    delivery = _delivery(failed_job)
    assert deliveries.webhook_deliver(delivery_id=delivery.pk) is False
    assert len(receiver.requests) == 1
    attempt = delivery.attempt_log.get()
    assert attempt.status_code == 302 and "redirect" in attempt.error


def test_it_gives_up_on_a_slow_receiver_after_the_timeout(failed_job, settings):
    import socket

    settings.WEBHOOK_TIMEOUT_SECONDS = 0.5
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts the connection, never answers
    try:
        WebhookDelivery.objects.filter(job=failed_job).update(url=f"http://127.0.0.1:{silent.getsockname()[1]}/")
        delivery = _delivery(failed_job)
        assert deliveries.webhook_deliver(delivery_id=delivery.pk) is False
        attempt = delivery.attempt_log.get()
        assert attempt.status_code is None
        assert "Timeout" in attempt.error or "timed out" in attempt.error
    finally:
        silent.close()


def test_a_receiver_that_drips_bytes_is_cut_off_at_the_total_cap(failed_job, settings):
    """Each byte arrives before the per-read timeout, so only the cap on the whole attempt ends it."""
    import socket
    import threading
    import time

    settings.WEBHOOK_TIMEOUT_SECONDS = 0.5
    settings.WEBHOOK_TOTAL_SECONDS = 1
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    stop = threading.Event()

    def drip():
        conn, _ = server.accept()
        with conn:
            conn.recv(65536)
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 100:
                if stop.is_set():
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return
                time.sleep(0.2)

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    try:
        WebhookDelivery.objects.filter(job=failed_job).update(url=f"http://127.0.0.1:{server.getsockname()[1]}/")
        delivery = _delivery(failed_job)
        assert deliveries.webhook_deliver(delivery_id=delivery.pk) is False
        attempt = delivery.attempt_log.get()
        assert attempt.status_code is None and "Gave up after 1 s" in attempt.error
        delivery.refresh_from_db()
        assert delivery.status == WebhookDelivery.PENDING  # a slow receiver may do better next time
    finally:
        stop.set()
        server.close()


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "100.100.100.200",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fd00:ec2::254",
        "::ffff:127.0.0.1",
        "224.0.0.1",
        "100.64.0.1",
    ],
)
def test_private_and_metadata_addresses_are_forbidden(address):
    assert address_is_forbidden(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"])
def test_public_addresses_are_allowed(address):
    assert not address_is_forbidden(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "http://localhost/x",
        "http://[::1]/",
        "http://169.254.169.254/latest/",
        "http://10.0.0.1/",
    ],
)
def test_it_refuses_private_targets_unless_the_operator_allows_them(settings, url):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    with pytest.raises(WebhookTargetRefused):
        webhook_target_resolve(url)
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    assert webhook_target_resolve(url).address


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "/relative", "http://"])
def test_it_refuses_non_http_urls(url):
    with pytest.raises(WebhookTargetRefused):
        webhook_target_resolve(url)


def test_a_refused_target_is_logged_and_given_up_at_once(failed_job, receiver, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    settings.WEBHOOK_ALLOWED_PORTS = [int(receiver.url.split(":")[2].split("/")[0])]
    delivery = _delivery(failed_job)
    assert deliveries.webhook_deliver(delivery_id=delivery.pk) is False
    assert receiver.requests == []
    attempt = delivery.attempt_log.get()
    assert "private" in attempt.error and attempt.status_code is None
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.GAVE_UP and delivery.next_attempt_at is None
    assert delivery.pk not in deliveries.webhooks_due(now=timezone.now() + timedelta(days=1))


def test_staff_can_redeliver(failed_job, receiver, run_jobs):
    deliveries.webhook_deliver(delivery_id=_delivery(failed_job).pk)
    with run_jobs():
        again = deliveries.webhook_redeliver(delivery=_delivery(failed_job))
    again.refresh_from_db()
    assert again.status == WebhookDelivery.DELIVERED
    assert len(receiver.requests) == 2


def test_it_delivers_to_an_ipv6_literal(failed_job):
    import http.server
    import socket
    import threading

    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")

    class V6Server(http.server.HTTPServer):
        address_family = socket.AF_INET6

    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            seen.append(self.headers["Host"])
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    try:
        server = V6Server(("::1", 0), Handler)
    except OSError:
        pytest.skip("cannot listen on ::1")
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        port = server.server_address[1]
        WebhookDelivery.objects.filter(job=failed_job).update(url=f"http://[::1]:{port}/hook")
        assert deliveries.webhook_deliver(delivery_id=_delivery(failed_job).pk) is True
        assert seen == [f"[::1]:{port}"]
    finally:
        server.shutdown()
        server.server_close()
