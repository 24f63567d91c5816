"""GET /api/v1/account, and the OpenAPI document agreeing with what the API accepts and sends:
paging bounds, Idempotency-Key length, empty prompts, and the job webhooks (body and signature)."""

from __future__ import annotations

import json

import jsonschema
import pytest
from django.test import Client

from covers import deliveries, services
from covers.models import Job, WebhookDelivery
from covers.webhooks import signature_is_valid

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    with django_db_blocker.unblock():
        return Client().get("/api/v1/schema/?format=json").json()


def _validator(schema: dict, component: str) -> jsonschema.Draft202012Validator:
    """A JSON Schema validator for one component of the (OpenAPI 3.1) document, refs resolved in it."""
    return jsonschema.Draft202012Validator({"$ref": f"#/components/schemas/{component}", **schema})


def _parameter(operation: dict, name: str) -> dict:
    return next(p for p in operation["parameters"] if p["name"] == name)


def test_the_account_shows_plan_credits_renewal_and_limits(make_account, api_client_for, make_book, schema):
    account = make_account(plan="growth", monthly=7, overage=3)
    client = api_client_for(account)
    services.job_create_generate(account=account, book_id=make_book(account=account).id, count=2)
    response = client.get("/api/v1/account")
    assert response.status_code == 200
    data = response.json()
    assert data == {
        "plan": {"code": "growth", "name": account.plan.name, "monthly_credits": account.plan.monthly_credits},
        "subscription_active": True,
        "credits": {"monthly": 5, "overage": 3, "total": 8},
        "renews_at": account.period_end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "concurrency_limit": account.plan.max_concurrent_jobs,
        "jobs_in_flight": 1,
    }
    _validator(schema, "AccountState").validate(data)


def test_the_account_is_the_keys_own(make_account, api_client_for):
    mine, _other = make_account(monthly=4), make_account(monthly=9, overage=5)
    assert api_client_for(mine).get("/api/v1/account").json()["credits"]["total"] == 4
    assert Client().get("/api/v1/account").status_code == 401


def test_a_stopped_subscription_has_no_renewal(make_account, api_client_for):
    account = make_account(active=False)
    response = api_client_for(account).get("/api/v1/account")
    assert response.status_code == 200  # reading the account needs no subscription
    assert response.json()["subscription_active"] is False and response.json()["renews_at"] is None


@pytest.mark.parametrize("path", ["/api/v1/books", "/api/v1/jobs", "/api/v1/books/{book_id}/covers"])
def test_paging_bounds_in_the_schema_are_the_ones_enforced(schema, api_client, account, make_book, path):
    limit = _parameter(schema["paths"][path]["get"], "limit")["schema"]
    assert (limit["minimum"], limit["maximum"]) == (1, 100)
    url = path.replace("{book_id}", str(make_book(account=account).id))
    for value, accepted in ((limit["minimum"] - 1, False), (limit["minimum"], True), (limit["maximum"], True),
                            (limit["maximum"] + 1, False)):  # fmt: skip
        response = api_client.get(url, {"limit": value})
        assert (response.status_code == 200) is accepted, (value, response.content)
        if not accepted:
            assert response.json()["error"]["code"] == "invalid_request"


def test_idempotency_key_bounds_in_the_schema_are_the_ones_enforced(schema, api_client):
    header = _parameter(schema["paths"]["/api/v1/books"]["post"], "Idempotency-Key")["schema"]
    assert (header["minLength"], header["maxLength"]) == (1, 255)
    book = {"title": "T", "author": "A", "genre": "fantasy"}
    for key, status in (("", 400), ("   ", 400), ("k" * 256, 400), ("k" * 255, 201), ("k", 201)):
        response = api_client.post("/api/v1/books", book, format="json", HTTP_IDEMPOTENCY_KEY=key)
        assert response.status_code == status, (len(key), response.content)
        if status == 400:
            assert response.json()["error"]["code"] == "invalid_idempotency_key"


def test_an_empty_prompt_is_refused_as_the_schema_says(schema, api_client, account, make_cover):
    prompt = schema["components"]["schemas"]["EditRequest"]["properties"]["prompt"]
    assert prompt["minLength"] == 1 and "prompt" in schema["components"]["schemas"]["EditRequest"]["required"]
    cover = make_cover(account=account)
    for body in ({"prompt": ""}, {"prompt": "  "}, {}):
        response = api_client.post(f"/api/v1/covers/{cover.id}/edit-image", body, format="json")
        assert response.status_code == 400 and response.json()["error"]["code"] == "missing_prompt"


def test_a_partial_update_may_leave_out_but_not_empty_a_required_field(schema):
    update = schema["components"]["schemas"]["PatchedBookUpdateRequest"]
    assert "required" not in update
    assert update["properties"]["title"]["minLength"] == 1
    assert "null" in update["properties"]["subtitle"]["type"]


def test_the_webhooks_are_documented_with_their_signature(schema):
    bodies = {
        "job.completed": "JobWebhookEvent",
        "job.failed": "JobWebhookEvent",
        "job.partial": "JobWebhookEvent",
        "batch.completed": "BatchWebhookEvent",
        "webhook.test": "TestWebhookEvent",
    }
    assert set(schema["webhooks"]) == set(bodies)
    for name, event in schema["webhooks"].items():
        operation = event["post"]
        headers = {p["name"]: p for p in operation["parameters"] if p["in"] == "header"}
        assert {"X-BYC-Signature", "X-BYC-Event", "X-BYC-Delivery"} <= set(headers)
        assert "HMAC-SHA256" in headers["X-BYC-Signature"]["description"]
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        assert body["$ref"] == f"#/components/schemas/{bodies[name]}"


@pytest.mark.parametrize("fail", [False, True])
def test_a_real_delivery_matches_the_documented_event(schema, make_account, make_book, receiver, run_jobs, fail):
    account = make_account(monthly=5)
    book = make_book(account=account)
    with run_jobs():
        job = services.job_create_generate(account=account, book_id=book.id, webhook_url=receiver.url)
    if fail:
        job = services.job_create_generate(account=account, book_id=book.id, webhook_url=receiver.url)
        services.job_fail(job_id=job.id, code="worker_lost", message="stopped")
    delivery = WebhookDelivery.objects.filter(job=job).get()
    if not receiver.requests or fail:
        receiver.requests.clear()
        deliveries.webhook_deliver(delivery_id=delivery.pk)
    [request] = receiver.requests
    assert signature_is_valid(request["body"], request["headers"]["X-BYC-Signature"], account.webhook_secret)
    payload = json.loads(request["body"])
    _validator(schema, "JobWebhookEvent").validate(payload)
    assert payload["event"] == request["headers"]["X-BYC-Event"] == ("job.failed" if fail else "job.completed")
    assert Job.objects.get(pk=job.pk).status == payload["status"]
