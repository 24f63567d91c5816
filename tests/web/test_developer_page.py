"""The developer page: API keys and their revocation through a confirmation page, the webhook with
its warning, delivery log and test event, and the secret's rotation through a confirmation page."""

from __future__ import annotations

import json

import pytest

from billing.models import ApiKey
from billing.services import account_webhook_update, api_key_create
from covers.models import WebhookDelivery
from covers.webhooks import signature_is_valid

pytestmark = pytest.mark.django_db


def test_it_shows_a_new_api_key_once(client, author):
    page = client.post("/account/keys/", {"name": "Build server"}).content.decode()
    key = ApiKey.objects.get(account=author)
    assert "byc_sk_" in page and key.prefix in page
    assert "byc_sk_" not in client.get("/account/developer/").content.decode().replace(key.prefix, "")


def test_revoking_a_key_asks_first_on_a_page_of_its_own(client, author):
    key, _raw = api_key_create(account=author, name="Build server")
    developer = client.get("/account/developer/").content.decode()
    assert f'href="/account/keys/{key.id}/revoke/"' in developer
    confirm = client.get(f"/account/keys/{key.id}/revoke/")
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert "Revoke the key “Build server”?" in page and key.prefix in page and "Cancel" in page
    key.refresh_from_db()
    assert key.revoked_at is None  # looking at the question changes nothing
    response = client.post(f"/account/keys/{key.id}/revoke/")
    assert response.status_code == 302 and response.url.startswith("/account/developer/")
    key.refresh_from_db()
    assert key.revoked_at is not None
    # A revoked key has nothing left to confirm.
    assert client.get(f"/account/keys/{key.id}/revoke/").status_code == 404


def test_it_does_not_revoke_or_show_another_accounts_key(client, author, make_account):
    other_key, _raw = api_key_create(account=make_account(), name="theirs")
    assert client.get(f"/account/keys/{other_key.id}/revoke/").status_code == 404
    assert client.post(f"/account/keys/{other_key.id}/revoke/").status_code == 404
    other_key.refresh_from_db()
    assert other_key.revoked_at is None


def test_it_saves_and_validates_the_webhook_url(client, author):
    response = client.post("/account/webhook/", {"webhook_url": "https://hooks.example.com/covers"})
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.webhook_url == "https://hooks.example.com/covers"
    response = client.post("/account/webhook/", {"webhook_url": "not a url"})
    assert response.status_code == 400
    assert "not a url" in response.content.decode()


def test_rotating_the_secret_asks_first_then_shows_the_new_one_once(client, author):
    assert author.webhook_secret not in client.get("/account/developer/").content.decode()
    assert author.webhook_secret in client.post("/account/webhook/secret/").content.decode()
    old_secret = author.webhook_secret
    confirm = client.get("/account/webhook/secret/rotate/")
    assert confirm.status_code == 200 and "Rotate the webhook signing secret?" in confirm.content.decode()
    author.refresh_from_db()
    assert author.webhook_secret == old_secret
    response = client.post("/account/webhook/secret/rotate/")
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.webhook_secret != old_secret
    page = client.get(response.url).content.decode()
    assert author.webhook_secret in page and "New secret in use" in page
    assert author.webhook_secret not in client.get("/account/developer/").content.decode()


def test_it_warns_when_the_webhook_url_is_a_loopback_address(client, author, settings):
    """Saved while the site allowed private networks; the guard now refuses it, and the page says so."""
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    account_webhook_update(account=author, webhook_url="http://127.0.0.1/hooks")
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    page = client.get("/account/developer/").content.decode()
    assert 'data-testid="webhook-warning"' in page
    assert "private or reserved address (127.0.0.1)" in page


def test_it_warns_when_the_latest_delivery_to_the_url_failed(client, author, settings, make_book):
    from covers.services import job_create_generate

    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True  # the URL itself passes the guard
    account_webhook_update(account=author, webhook_url="http://127.0.0.1:9/hooks")
    assert 'data-testid="webhook-warning"' not in client.get("/account/developer/").content.decode()
    job = job_create_generate(account=author, book_id=make_book(account=author).id, count=1)
    WebhookDelivery.objects.create(
        job=job,
        event="job.failed",
        url="http://127.0.0.1:9/hooks",
        status="gave_up",
        attempts=7,
        last_status_code=503,
        last_error="HTTP 503",
    )
    page = client.get("/account/developer/").content.decode()
    assert "The latest delivery to this URL failed and gave up: HTTP 503" in page
    assert "job.failed" in page and "Gave up" in page


def test_send_test_event_delivers_a_signed_event_and_logs_it(client, author, settings, receiver, run_jobs):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    account_webhook_update(account=author, webhook_url=receiver.url)
    with run_jobs():
        response = client.post("/account/webhook/test/")
    assert response.status_code == 302
    [request] = receiver.requests
    assert request["headers"]["X-BYC-Event"] == "webhook.test"
    assert signature_is_valid(request["body"], request["headers"]["X-BYC-Signature"], author.webhook_secret)
    assert json.loads(request["body"])["event"] == "webhook.test"
    delivery = WebhookDelivery.objects.get(account=author)
    assert delivery.status == WebhookDelivery.DELIVERED and delivery.job_id is None
    page = client.get("/account/developer/").content.decode()
    assert "webhook.test" in page and "Delivered" in page


def test_send_test_event_without_a_url_explains(client, author):
    response = client.post("/account/webhook/test/", follow=True)
    assert "Set a webhook URL first" in response.content.decode()
    assert not WebhookDelivery.objects.exists()


def test_the_developer_page_shows_the_signature_example(client, author):
    page = client.get("/account/developer/").content.decode()
    assert "hmac.compare_digest" in page and "X-BYC-Signature" in page
