"""Webhook deliveries: one attempt at a time, retried with exponential backoff, logged for staff."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from billing.models import Account
from byc_site.errors import ApplicationError
from byc_site.formats import api_datetime as iso
from covers.models import Batch, Job, WebhookAttempt, WebhookDelivery
from covers.representations import batch_webhook_payload, webhook_payload
from covers.services.queue import webhook_enqueue
from covers.webhooks import MAX_ATTEMPTS, RETRY_DELAYS, webhook_post

logger = logging.getLogger(__name__)

# While an attempt is in flight its delivery is leased, so the retry sweep does not start a second one.
ATTEMPT_LEASE = timedelta(minutes=2)


def webhook_deliver(*, delivery_id: int) -> bool:
    """Make the next attempt of a pending delivery if it is due. True when this attempt delivered it."""
    now = timezone.now()
    delivery = WebhookDelivery.objects.filter(pk=delivery_id, status=WebhookDelivery.PENDING).first()
    if delivery is None or (delivery.next_attempt_at and delivery.next_attempt_at > now):
        return False
    number = delivery.attempts + 1
    claimed = WebhookDelivery.objects.filter(
        pk=delivery.pk, status=WebhookDelivery.PENDING, attempts=delivery.attempts
    ).update(attempts=number, next_attempt_at=now + ATTEMPT_LEASE)
    if not claimed:
        return False  # another worker is making this attempt
    if delivery.job_id is not None:
        job = Job.objects.select_related("account").get(pk=delivery.job_id)
        payload, secret = webhook_payload(job, timestamp=now), job.account.webhook_secret
    elif delivery.batch_id is not None:
        batch = Batch.objects.select_related("account").get(pk=delivery.batch_id)
        payload, secret = batch_webhook_payload(batch, timestamp=now), batch.account.webhook_secret
    else:
        # An account-level event carries its payload; only the timestamp is the attempt's own.
        payload = {**delivery.payload, "timestamp": iso(now)}
        secret = Account.objects.filter(pk=delivery.account_id).values_list("webhook_secret", flat=True).get()
    body = json.dumps(payload, separators=(",", ":")).encode()
    outcome = webhook_post(url=delivery.url, body=body, secret=secret, event=delivery.event, delivery_id=delivery.pk)
    next_retry = None
    if outcome.delivered:
        status = WebhookDelivery.DELIVERED
    elif number >= MAX_ATTEMPTS or outcome.refused:
        status = WebhookDelivery.GAVE_UP  # a refused target stays refused: no point retrying
    else:
        status = WebhookDelivery.PENDING
        next_retry = timezone.now() + RETRY_DELAYS[number - 1]
    WebhookAttempt.objects.create(
        delivery=delivery,
        number=number,
        status_code=outcome.status_code,
        response_excerpt=outcome.response_excerpt,
        error=outcome.error,
        duration_ms=outcome.duration_ms,
        next_retry_at=next_retry,
        request_body=body.decode(),
    )
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=status,
        next_attempt_at=next_retry,
        last_status_code=outcome.status_code,
        last_error=outcome.error,
        delivered_at=timezone.now() if outcome.delivered else None,
    )
    if not outcome.delivered:
        logger.info("Webhook delivery %s attempt %s failed: %s", delivery.pk, number, outcome.error)
    return outcome.delivered


def webhooks_due(*, now=None) -> list[int]:
    """Pending deliveries whose next attempt is due (retries, and first attempts whose task was lost)."""
    now = now or timezone.now()
    return list(
        WebhookDelivery.objects.filter(status=WebhookDelivery.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:500]
    )


def webhook_redeliver(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Staff: send a job's, a batch's or an account's event again, as a new delivery with its own attempts and log."""
    again = WebhookDelivery.objects.create(
        job_id=delivery.job_id,
        batch_id=delivery.batch_id,
        account_id=delivery.account_id,
        payload=delivery.payload,
        event=delivery.event,
        url=delivery.url,
        next_attempt_at=timezone.now(),
    )
    webhook_enqueue(delivery_id=again.pk)
    return again


TEST_EVENT = "webhook.test"


def webhook_test_send(*, account: Account) -> WebhookDelivery:
    """Send a signed test event to the account's webhook URL, through the same delivery, signing,
    network guard, retries and log as a job's events (400 webhook_url_missing without a URL)."""
    if not account.webhook_url:
        raise ApplicationError(
            "webhook_url_missing", "Set a webhook URL first, then send a test event to it.", field="webhookUrl"
        )
    payload = {
        "event": TEST_EVENT,
        "test": True,
        "message": "A test event from the developer page. Check that its X-BYC-Signature verifies.",
    }
    with transaction.atomic():
        delivery = WebhookDelivery.objects.create(
            account=account, payload=payload, event=TEST_EVENT, url=account.webhook_url, next_attempt_at=timezone.now()
        )
        transaction.on_commit(lambda: webhook_enqueue(delivery_id=delivery.pk))
    return delivery
