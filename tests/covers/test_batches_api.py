"""POST /api/v1/batches and GET /api/v1/batches/:batchId: check every book, pay for all or nothing,
feed jobs as the plan's slots free up, re-import without duplicates or second charges."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from billing.models import CreditEntry
from billing.services import account_lock, credits_balance, credits_spend
from books.models import Book
from covers import services
from covers.models import Batch, BatchRow, Job
from covers.webhooks import signature_is_valid

pytestmark = pytest.mark.django_db


def _books(n: int, *, prefix: str = "isbn", **extra) -> list[dict]:
    return [
        {
            "title": f"Harbour Lights {i}",
            "author": "Ada Reyes",
            "genre": "mystery",
            "summary": "A lighthouse keeper finds a letter in a bottle.",
            "external_ref": f"{prefix}-{i}",
            **extra,
        }
        for i in range(1, n + 1)
    ]


def _post(client, books, **body):
    return client.post("/api/v1/batches", {"books": books, **body}, format="json")


def test_it_makes_covers_for_every_book_of_the_catalogue(make_account, api_client_for, run_jobs):
    account = make_account(monthly=10)
    client = api_client_for(account)
    with run_jobs():
        response = _post(client, _books(2) + [{**_books(1, prefix="two")[0], "count": 2, "mood": "mysterious"}])
    assert response.status_code == 202, response.json()
    accepted = response.json()
    assert accepted["status"] == "queued"
    assert accepted["credits_needed"] == 4
    assert accepted["counts"]["total"] == 3
    detail = client.get(accepted["poll_url"]).json()
    assert detail["status"] == "completed"
    assert detail["counts"] == {
        "total": 3, "pending": 0, "queued": 0, "running": 0, "completed": 3, "partial": 0, "failed": 0
    }  # fmt: skip
    assert [b["external_ref"] for b in detail["books"]] == ["isbn-1", "isbn-2", "two-1"]
    assert [b["line"] for b in detail["books"]] == [1, 2, 3]
    assert [len(b["covers"]) for b in detail["books"]] == [1, 1, 2]
    assert all(c["signedUrl"].startswith("http") for b in detail["books"] for c in b["covers"])
    assert [b["credits"] for b in detail["books"]] == [1, 1, 2]
    assert detail["credits_used"] == 4
    third = Job.objects.get(pk=detail["books"][2]["jobId"])
    assert third.params["mood"] == "mysterious" and third.external_ref == "two-1"
    assert str(third.book_id) == detail["books"][2]["bookId"]
    assert credits_balance(account=account).total == 6


def test_it_reports_every_bad_book_by_line_and_field_and_does_nothing(make_account, api_client_for):
    account = make_account(monthly=10)
    books = _books(5)
    books[1]["genre"] = "Mystery"
    books[2]["title"] = ""
    books[2]["count"] = 9
    del books[3]["external_ref"]
    books[4]["external_ref"] = "isbn-1"
    response = _post(api_client_for(account), books)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_rows"
    assert "4 of 5 books" in error["message"]
    assert [(r["line"], r["field"], r["code"]) for r in error["rows"]] == [
        (2, "genre", "invalid_genre"),
        (3, "title", "missing_required_fields"),
        (3, "count", "invalid_count"),
        (4, "external_ref", "missing_required_fields"),
        (5, "external_ref", "duplicate_external_ref"),
    ]
    assert error["rows"][0]["external_ref"] == "isbn-2"
    assert not Book.objects.filter(account=account).exists()
    assert not Batch.objects.exists()
    assert credits_balance(account=account).total == 10


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({}, "missing_books"),
        ({"books": []}, "missing_books"),
        ({"books": "isbn-1"}, "invalid_field_type"),
        ({"books": [{"title": "x"}], "webhookUrl": "ftp://example.com"}, "invalid_rows"),
    ],
)
def test_it_refuses_malformed_requests(api_client, body, code):
    response = api_client.post("/api/v1/batches", body, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code


def test_it_refuses_more_than_a_thousand_books(api_client):
    response = _post(api_client, _books(1001))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "too_many_books"


def test_it_refuses_the_whole_batch_when_the_credits_do_not_cover_every_book(make_account, api_client_for):
    account = make_account(monthly=3, overage=1)
    entries = CreditEntry.objects.filter(account=account).count()
    response = _post(api_client_for(account), _books(5))
    assert response.status_code == 402
    assert response.json()["error"]["code"] == "insufficient_credits"
    assert "Need 5, have 4" in response.json()["error"]["message"]
    assert not Book.objects.filter(account=account).exists()
    assert not Batch.objects.filter(account=account).exists()
    assert CreditEntry.objects.filter(account=account).count() == entries


def test_re_importing_finds_the_books_and_charges_nothing_again(make_account, api_client_for, run_jobs):
    account = make_account(monthly=10)
    client = api_client_for(account)
    with run_jobs():
        poll_url = _post(client, _books(3)).json()["poll_url"]
    first = client.get(poll_url).json()
    assert credits_balance(account=account).total == 7
    with run_jobs():
        response = _post(client, _books(4))  # the same three and one new book
    assert response.status_code == 202
    assert response.json()["credits_needed"] == 1
    assert response.json()["reused"] == 3
    second = client.get(response.json()["poll_url"]).json()
    assert second["status"] == "completed"
    assert [b["bookId"] for b in second["books"][:3]] == [b["bookId"] for b in first["books"]]
    assert [b["jobId"] for b in second["books"][:3]] == [b["jobId"] for b in first["books"]]
    assert [b["reused"] for b in second["books"]] == [True, True, True, False]
    assert [b["credits"] for b in second["books"]] == [0, 0, 0, 1]
    assert all(len(b["covers"]) == 1 for b in second["books"])
    assert Book.objects.filter(account=account).count() == 4
    assert credits_balance(account=account).total == 6


def test_an_idempotency_key_replays_the_first_answer(api_client, run_jobs):
    headers = {"HTTP_IDEMPOTENCY_KEY": "catalogue-2026-12"}
    with run_jobs():
        first = api_client.post("/api/v1/batches", {"books": _books(2)}, format="json", **headers)
        again = api_client.post("/api/v1/batches", {"books": _books(2)}, format="json", **headers)
    assert first.status_code == again.status_code == 202
    assert again.json()["batchId"] == first.json()["batchId"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert Batch.objects.count() == 1


def test_another_accounts_batch_is_not_found(make_account, api_client_for, run_jobs):
    owner, outsider = make_account(), make_account()
    with run_jobs():
        batch_id = _post(api_client_for(owner), _books(1)).json()["batchId"]
    for client, url in [
        (api_client_for(outsider), f"/api/v1/batches/{batch_id}"),
        (api_client_for(owner), "/api/v1/batches/not-a-uuid"),
        (api_client_for(owner), "/api/v1/batches/00000000-0000-0000-0000-000000000000"),
    ]:
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "batch_not_found"


def test_jobs_are_fed_as_the_plans_slots_free_up(make_account, api_client_for, django_capture_on_commit_callbacks):
    """The starter plan runs 5 jobs at once: 7 books wait in line for slots, none is refused."""
    account = make_account(plan="starter", monthly=20)
    response = _post(api_client_for(account), _books(7))
    batch = Batch.objects.get(pk=response.json()["batchId"])
    services.batch_feed(batch_id=batch.id)
    assert Job.objects.filter(account=account, status=Job.QUEUED).count() == 5
    pending = BatchRow.objects.filter(batch=batch, status=BatchRow.PENDING).values_list("line", flat=True)
    assert list(pending) == [6, 7]
    assert credits_balance(account=account).total == 15
    batch.refresh_from_db()
    assert batch.status == Batch.RUNNING

    first = BatchRow.objects.get(batch=batch, line=1).job_id
    with django_capture_on_commit_callbacks(execute=True):
        services.job_fail(job_id=first, code="render_failed", message="The cover could not be rendered.")
    # The job's end freed a slot: line 6 took it; line 1 failed and was refunded.
    assert list(BatchRow.objects.filter(batch=batch, status=BatchRow.PENDING).values_list("line", flat=True)) == [7]
    assert Job.objects.filter(account=account, status=Job.QUEUED).count() == 5
    assert BatchRow.objects.get(batch=batch, line=1).status == BatchRow.FAILED
    assert credits_balance(account=account).total == 15


def test_a_book_that_can_no_longer_be_paid_fails_and_the_batch_is_partial(
    make_account, api_client_for, django_capture_on_commit_callbacks, run_jobs
):
    account = make_account(plan="starter", monthly=6)
    client = api_client_for(account)
    batch_id = _post(client, _books(6)).json()["batchId"]
    services.batch_feed(batch_id=batch_id)  # five jobs accepted; line 6 waits for a slot
    # Another request spends a credit meanwhile: line 6 can no longer be paid for when its slot frees up.
    credits_spend(account=account_lock(account_id=account.pk), amount=1, reference="elsewhere")
    with run_jobs():
        for job_id in Job.objects.filter(account=account).values_list("pk", flat=True):
            services.job_run(job_id=job_id)
    detail = client.get(f"/api/v1/batches/{batch_id}").json()
    assert detail["status"] == "partial"
    assert detail["counts"]["completed"] == 5 and detail["counts"]["failed"] == 1
    last = detail["books"][5]
    assert last["status"] == "failed" and last["jobId"] is None
    assert last["error"]["code"] == "insufficient_credits"
    assert credits_balance(account=account).total == 0


def test_batch_completed_is_signed_and_sent_to_the_webhook(make_account, api_client_for, run_jobs, receiver):
    account = make_account(monthly=5)
    with run_jobs():
        response = _post(api_client_for(account), _books(2), webhookUrl=receiver.url)
    events = [r for r in receiver.requests if r["headers"]["X-BYC-Event"] == "batch.completed"]
    assert len(events) == 1
    body = events[0]["body"]
    assert signature_is_valid(body, events[0]["headers"]["X-BYC-Signature"], account.webhook_secret)
    payload = receiver.bodies()[receiver.requests.index(events[0])]
    assert payload["batchId"] == response.json()["batchId"]
    assert payload["status"] == "completed"
    assert [len(b["covers"]) for b in payload["books"]] == [1, 1]
    assert "signedUrl" not in payload["books"][0]["covers"][0]


def test_the_minute_schedule_feeds_a_batch_whose_job_end_was_missed_and_forgets_old_drafts(
    make_account, api_client_for
):
    from datetime import timedelta

    from django.utils import timezone

    account = make_account(monthly=5)
    batch_id = _post(api_client_for(account), _books(2)).json()["batchId"]
    report = services.catalogue_check(rows=[services.CatalogueRow(line=1, data=_books(1, prefix="draft")[0])])
    old_draft = services.batch_draft_create(account=account, report=report)
    Batch.objects.filter(pk=old_draft.pk).update(created_at=timezone.now() - timedelta(days=8))
    fresh_draft = services.batch_draft_create(account=account, report=report)

    assert services.batches_feed() == 1
    assert BatchRow.objects.filter(batch_id=batch_id, status=BatchRow.ACCEPTED).count() == 2
    assert not Batch.objects.filter(pk=old_draft.pk).exists()
    assert Batch.objects.filter(pk=fresh_draft.pk).exists()


def test_a_re_import_started_before_the_first_is_fed_links_its_jobs_instead_of_paying_twice(
    make_account, api_client_for
):
    account = make_account(monthly=10)
    client = api_client_for(account)
    first = _post(client, _books(3)).json()["batchId"]
    second = _post(client, _books(3)).json()
    assert second["reused"] == 0  # the books exist, their jobs do not yet
    services.batch_feed(batch_id=first)
    services.batch_feed(batch_id=second["batchId"])
    rows = BatchRow.objects.filter(batch_id=second["batchId"]).order_by("line")
    assert [row.reused for row in rows] == [True, True, True]
    assert list(rows.values_list("job_id", flat=True)) == list(
        BatchRow.objects.filter(batch_id=first).order_by("line").values_list("job_id", flat=True)
    )
    assert Job.objects.filter(account=account).count() == 3
    assert credits_balance(account=account).total == 7


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are what is tested; SQLite has none")
def test_parallel_feeds_never_accept_a_row_twice_nor_pass_the_plans_limit(make_account, api_client_for):
    account = make_account(plan="starter", monthly=20)
    batch_id = _post(api_client_for(account), _books(8)).json()["batchId"]
    barrier = threading.Barrier(6)

    def feed():
        try:
            barrier.wait()
            services.batch_feed(batch_id=batch_id)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=feed) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    accepted = BatchRow.objects.filter(batch_id=batch_id, status=BatchRow.ACCEPTED)
    assert accepted.count() == 5
    assert len(set(accepted.values_list("job_id", flat=True))) == 5
    assert Job.objects.filter(account=account).count() == 5
    assert credits_balance(account=account).total == 15


def test_the_schema_documents_the_batch_endpoints(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    post = schema["paths"]["/api/v1/batches"]["post"]
    assert {"202", "400", "402"} <= set(post["responses"])
    assert "invalid_rows" in str(post["responses"]["400"]) and "insufficient_credits" in str(post["responses"])
    assert any(parameter["name"] == "Idempotency-Key" for parameter in post["parameters"])
    components = schema["components"]["schemas"]
    book = components["BatchBook"]["properties"]
    assert {"title", "author", "genre", "external_ref", "count", "templateId", "mood", "colorPalette"} <= set(book)
    assert book["summary"]["maxLength"] == 1000
    assert {"title", "author", "genre", "external_ref"} <= set(components["BatchBook"]["required"])
    assert components["BatchStatusEnum"]["enum"] == ["queued", "running", "completed", "partial", "failed"]
    assert "get" in schema["paths"]["/api/v1/batches/{batch_id}"]
    assert "batch_not_found" in str(schema["paths"]["/api/v1/batches/{batch_id}"]["get"]["responses"])
