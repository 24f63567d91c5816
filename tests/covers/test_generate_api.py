"""POST /api/v1/covers/generate: validation codes, the 202 shape, credits and concurrency."""

from __future__ import annotations

import pytest

from billing.services import credits_balance
from covers.models import Job, Template

pytestmark = pytest.mark.django_db

URL = "/api/v1/covers/generate"


def error_of(response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


@pytest.fixture
def book(make_book, account):
    return make_book(account=account, summary="A lighthouse keeper on a stormy coast.")


def post(client, body, **headers):
    return client.post(URL, body, format="json", **headers)


def test_it_accepts_a_job_and_answers_202(api_client, book, account):
    response = post(api_client, {"bookId": str(book.id), "count": 3, "external_ref": "gen-001"})
    assert response.status_code == 202
    body = response.json()
    assert set(body) == {"jobId", "status", "operation", "external_ref", "created_at", "poll_url"}
    assert body["status"] == "queued" and body["operation"] == "generate" and body["external_ref"] == "gen-001"
    assert body["poll_url"] == f"/api/v1/jobs/{body['jobId']}"
    assert body["created_at"].endswith("Z")
    job = Job.objects.get(pk=body["jobId"])
    assert job.count == 3 and job.credits_used == 3 and job.book == book
    assert credits_balance(account=account).total == 10 - 3


def test_external_ref_is_null_when_not_given(api_client, book):
    assert post(api_client, {"bookId": str(book.id)}).json()["external_ref"] is None


def test_count_defaults_to_one(api_client, book, account):
    post(api_client, {"bookId": str(book.id)})
    assert credits_balance(account=account).total == 9


@pytest.mark.parametrize("body", [{}, {"bookId": None}, {"bookId": ""}, {"count": 2}])
def test_it_requires_a_book_id(api_client, body):
    assert error_of(post(api_client, body)) == (400, "missing_book_id")


@pytest.mark.parametrize("count", [0, 6, -1, "3", 2.5, 1.0, True, False, None, [1], {"n": 1}])
def test_it_refuses_a_count_that_is_not_an_integer_from_1_to_5(api_client, book, count):
    assert error_of(post(api_client, {"bookId": str(book.id), "count": count})) == (400, "invalid_count")


@pytest.mark.parametrize(
    "field,value",
    [("mood", "happy"), ("mood", "Epic"), ("colorPalette", "neon"), ("templateId", "no-such-template")],
)
def test_it_refuses_values_outside_the_allowed_sets(api_client, book, field, value):
    assert error_of(post(api_client, {"bookId": str(book.id), field: value})) == (400, "invalid_field_value")


def test_it_refuses_a_disabled_template(api_client, book):
    Template.objects.create(id="quiet-type", name="Quiet type", enabled=False)
    assert error_of(post(api_client, {"bookId": str(book.id), "templateId": "quiet-type"})) == (
        400,
        "invalid_field_value",
    )


@pytest.mark.parametrize("field,length", [("mainElements", 1001), ("external_ref", 201), ("webhookUrl", 501)])
def test_it_refuses_fields_over_their_maximum(api_client, book, field, length):
    value = "x" * length if field != "webhookUrl" else "https://example.com/" + "x" * (length - 20)
    response = post(api_client, {"bookId": str(book.id), field: value})
    assert error_of(response) == (400, "field_too_long")
    assert field in response.json()["error"]["message"]


def test_fields_at_their_maximum_are_fine(api_client, book):
    body = {"bookId": str(book.id), "mainElements": "x" * 1000, "external_ref": "r" * 200}
    assert post(api_client, body).status_code == 202


@pytest.mark.parametrize("url", ["not a url", "ftp://example.com/hook", "/relative/hook", "example.com/hook"])
def test_the_webhook_url_must_be_absolute_http(api_client, book, url):
    assert error_of(post(api_client, {"bookId": str(book.id), "webhookUrl": url})) == (400, "invalid_field_value")


@pytest.mark.parametrize("field", ["mainElements", "mood", "external_ref", "webhookUrl", "templateId"])
def test_it_refuses_non_string_fields(api_client, book, field):
    assert error_of(post(api_client, {"bookId": str(book.id), field: 42})) == (400, "invalid_field_type")


def test_other_accounts_books_are_not_found(api_client, make_account, make_book):
    stranger_book = make_book(account=make_account())
    assert error_of(post(api_client, {"bookId": str(stranger_book.id)})) == (404, "book_not_found")
    assert error_of(post(api_client, {"bookId": "not-a-uuid"})) == (404, "book_not_found")
    assert error_of(post(api_client, {"bookId": "550e8400-e29b-41d4-a716-446655440000"})) == (404, "book_not_found")


def test_main_elements_that_hit_the_content_policy_are_refused(api_client, book, account):
    response = post(api_client, {"bookId": str(book.id), "mainElements": "a SNUFF film poster"})
    assert error_of(response) == (400, "content_policy_violation")
    assert credits_balance(account=account).total == 10
    assert not Job.objects.exists()


def test_book_text_that_hits_the_content_policy_is_refused(api_client, make_book, account):
    book = make_book(account=account, summary="A NÉCROPHILIA tale in the village.")
    assert error_of(post(api_client, {"bookId": str(book.id)})) == (400, "content_policy_violation")


def test_it_refuses_control_characters_in_main_elements(api_client, book):
    response = post(api_client, {"bookId": str(book.id), "mainElements": "stars\x07 and moons"})
    assert error_of(response) == (400, "unsupported_characters")


def test_it_refuses_when_credits_fall_short_and_charges_nothing(api_client_for, make_account, make_book):
    account = make_account(monthly=0, overage=1)
    book = make_book(account=account)
    response = post(api_client_for(account), {"bookId": str(book.id), "count": 3})
    assert error_of(response) == (402, "insufficient_credits")
    assert response.json()["error"]["message"] == "Insufficient credits. Need 3, have 1 (0 monthly + 1 overage)."
    assert not Job.objects.exists()
    assert credits_balance(account=account).total == 1


def test_spending_takes_monthly_credits_first_then_overage(api_client_for, make_account, make_book):
    account = make_account(monthly=2, overage=5)
    book = make_book(account=account)
    assert post(api_client_for(account), {"bookId": str(book.id), "count": 4}).status_code == 202
    balance = credits_balance(account=account)
    assert (balance.monthly, balance.overage) == (0, 3)


@pytest.mark.parametrize("plan,limit", [("starter", 5), ("growth", 10), ("scale", 20)])
def test_queued_and_running_jobs_never_exceed_the_plan(api_client_for, make_account, make_book, plan, limit):
    account = make_account(plan=plan, monthly=100)
    book = make_book(account=account)
    client = api_client_for(account)
    for _ in range(limit):
        assert post(client, {"bookId": str(book.id)}).status_code == 202
    response = post(client, {"bookId": str(book.id)})
    assert error_of(response) == (429, "concurrency_limit")
    assert Job.objects.filter(account=account).count() == limit
    assert credits_balance(account=account).total == 100 - limit


def test_finished_jobs_free_their_slot(api_client, book, account):
    from covers.services import job_fail

    for _ in range(5):
        post(api_client, {"bookId": str(book.id)})
    assert error_of(post(api_client, {"bookId": str(book.id)})) == (429, "concurrency_limit")
    Job.objects.filter(status="queued").update(status="running")
    job_fail(job_id=Job.objects.first().pk, code="worker_lost", message="stopped")
    assert post(api_client, {"bookId": str(book.id)}).status_code == 202


def test_the_same_idempotency_key_gives_the_same_job_and_one_charge(api_client, book, account):
    body = {"bookId": str(book.id), "count": 2}
    first = post(api_client, body, HTTP_IDEMPOTENCY_KEY="req-001")
    again = post(api_client, body, HTTP_IDEMPOTENCY_KEY="req-001")
    assert first.status_code == again.status_code == 202
    assert first.json() == again.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Job.objects.count() == 1
    assert credits_balance(account=account).total == 8


def test_an_idempotency_key_reused_with_another_body_is_refused(api_client, book):
    post(api_client, {"bookId": str(book.id), "count": 2}, HTTP_IDEMPOTENCY_KEY="req-002")
    response = post(api_client, {"bookId": str(book.id), "count": 3}, HTTP_IDEMPOTENCY_KEY="req-002")
    assert error_of(response) == (409, "idempotency_key_reused")


def test_it_needs_a_key_and_an_active_subscription(client, make_account, api_client_for, book):
    assert error_of(client.post(URL, {"bookId": str(book.id)}, content_type="application/json")) == (
        401,
        "unauthorized",
    )
    inactive = api_client_for(make_account(active=False))
    assert error_of(post(inactive, {"bookId": str(book.id)})) == (403, "forbidden")


def test_a_body_that_is_not_an_object_is_refused(api_client):
    assert api_client.post(URL, [1, 2], format="json").status_code == 400
