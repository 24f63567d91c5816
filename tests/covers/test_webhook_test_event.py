"""The developer page's test event goes through the ordinary delivery: signed, retried, logged, redeliverable."""

from __future__ import annotations

import json

import pytest
from django.db import IntegrityError

from billing.services import account_webhook_update, webhook_secret_rotate
from byc_site.errors import ApplicationError
from covers import deliveries
from covers.models import WebhookDelivery
from covers.webhooks import signature_is_valid

pytestmark = pytest.mark.django_db


def test_a_test_event_is_signed_with_the_current_secret(make_account, receiver):
    account = make_account(webhook_url=receiver.url)
    delivery = deliveries.webhook_test_send(account=account)
    secret = webhook_secret_rotate(account=account)  # the secret at sending time is the one that counts
    assert deliveries.webhook_deliver(delivery_id=delivery.pk) is True
    [request] = receiver.requests
    assert signature_is_valid(request["body"], request["headers"]["X-BYC-Signature"], secret)
    body = json.loads(request["body"])
    assert body["event"] == "webhook.test" and body["test"] is True and body["timestamp"].endswith("Z")
    assert delivery.attempt_log.count() == 1


def test_a_failing_test_event_is_retried_and_can_be_redelivered(make_account, receiver):
    account = make_account(webhook_url=receiver.url)
    receiver.status = 500
    delivery = deliveries.webhook_test_send(account=account)
    assert deliveries.webhook_deliver(delivery_id=delivery.pk) is False
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.PENDING and delivery.next_attempt_at is not None
    assert delivery.last_error == "HTTP 500"
    receiver.status = 200
    again = deliveries.webhook_redeliver(delivery=delivery)
    assert again.account_id == account.pk and again.payload == delivery.payload and again.job_id is None
    assert deliveries.webhook_deliver(delivery_id=again.pk) is True


def test_a_test_event_needs_a_url(make_account):
    account = make_account()
    with pytest.raises(ApplicationError) as error:
        deliveries.webhook_test_send(account=account)
    assert error.value.code == "webhook_url_missing"
    account_webhook_update(account=account, webhook_url="https://hooks.example.com/x")
    assert deliveries.webhook_test_send(account=account).url == "https://hooks.example.com/x"


def test_a_delivery_names_its_job_or_its_account_and_payload(make_account):
    with pytest.raises(IntegrityError):
        WebhookDelivery.objects.create(event="webhook.test", url="https://x.example/", account=make_account())
