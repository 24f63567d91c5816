"""Webhook deliveries: one attempt at a time, retried with exponential backoff, logged for staff."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from django.utils import timezone

from covers.models import Batch, Job, WebhookAttempt, WebhookDelivery
from covers.representations import batch_webhook_payload, webhook_payload
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
    if delivery.job_id:
        subject = Job.objects.select_related("account").get(pk=delivery.job_id)
        payload = webhook_payload(subject, timestamp=now)
    else:
        subject = Batch.objects.select_related("account").get(pk=delivery.batch_id)
        payload = batch_webhook_payload(subject, timestamp=now)
    body = json.dumps(payload, separators=(",", ":")).encode()
    outcome = webhook_post(
        url=delivery.url,
        body=body,
        secret=subject.account.webhook_secret,
        event=delivery.event,
        delivery_id=delivery.pk,
    )
    next_retry = None
    if outcome.delivered:
        status = WebhookDelivery.DELIVERED
    elif number >= MAX_ATTEMPTS:
        status = WebhookDelivery.GAVE_UP
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
    """Staff: send a job's or a batch's event again, as a new delivery with its own attempts and log."""
    from covers.services import webhook_enqueue

    again = WebhookDelivery.objects.create(
        job_id=delivery.job_id,
        batch_id=delivery.batch_id,
        event=delivery.event,
        url=delivery.url,
        next_attempt_at=timezone.now(),
    )
    webhook_enqueue(delivery_id=again.pk)
    return again
