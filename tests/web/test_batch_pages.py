"""The catalogue import pages: upload, the bad-rows report, confirm, and the live progress JSON."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from billing.services import credits_balance
from books.models import Book
from covers.models import Batch

pytestmark = pytest.mark.django_db

CSV = (
    "Title,Author,Genre,Summary,External_Ref\n"
    "Harbour Lights,Ada Reyes,mystery,A lighthouse keeper finds a letter.,isbn-1\n"
    "Broken,Ada Reyes,Mystery,Typo in the genre.,isbn-2\n"
    "Salt Winds,Ada Reyes,romance,,isbn-3\n"
    ",Ada Reyes,romance,,isbn-4\n"
)


def _upload(client, text: str = CSV, *, name: str = "spring.csv", count: int = 1):
    upload = SimpleUploadedFile(name, text.encode(), content_type="text/csv")
    return client.post("/batches/import/", {"catalogue": upload, "count": count})


def test_the_report_lists_the_bad_rows_and_offers_the_good_ones(client, author):
    response = _upload(client)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="good-rows">2<' in page and 'data-testid="bad-rows">2<' in page
    assert "Unknown genre &#x27;Mystery&#x27;" in page
    assert "Missing required fields: title." in page
    assert "Generate covers for the 2 good rows" in page
    batch = Batch.objects.get()
    assert batch.status == Batch.DRAFT and batch.source_name == "spring.csv"
    assert [row.line for row in batch.rows.order_by("line")] == [2, 4]
    assert not Book.objects.exists()  # nothing made before the author confirms
    assert credits_balance(account=author).total == 10


def test_confirming_starts_the_batch_and_the_progress_json_follows_it(client, author, run_jobs):
    _upload(client, count=2)
    batch = Batch.objects.get()
    with run_jobs():
        response = client.post(f"/batches/{batch.id}/start/")
    assert response.status_code == 302 and response["Location"] == f"/batches/{batch.id}/"
    status = client.get(f"/batches/{batch.id}/status.json").json()
    assert status["status"] == "completed" and status["done"] is True
    assert status["counts"]["completed"] == 2 and status["covers"] == 4 and status["credits_used"] == 4
    assert status["progress"] == 1.0
    assert status["html"].count("cover-img") == 2
    page = client.get(f"/batches/{batch.id}/").content.decode()
    assert "Done: every book has its covers" in page
    # A second click changes nothing.
    client.post(f"/batches/{batch.id}/start/")
    assert credits_balance(account=author).total == 6
    assert "spring.csv" in client.get("/batches/").content.decode()
    assert "Catalogue imports" in client.get("/library/").content.decode()


def test_a_batch_the_credits_cannot_pay_for_is_not_started(client, author):
    text = "title,author,genre,external_ref\n" + "".join(f"Book {i},Ada Reyes,mystery,ref-{i}\n" for i in range(11))
    page = _upload(client, text).content.decode()
    assert "Not enough credits for every book" in page
    batch = Batch.objects.get()
    response = client.post(f"/batches/{batch.id}/start/", follow=True)
    assert "Insufficient credits. Need 11, have 10" in response.content.decode()
    batch.refresh_from_db()
    assert batch.status == Batch.DRAFT
    assert not Book.objects.exists()


def test_a_file_that_is_not_a_catalogue_is_explained(client, author):
    response = _upload(client, "name,price\nx,3\n")
    assert response.status_code == 400
    assert "missing: title, author, genre" in response.content.decode()
    response = _upload(client, '{"books": 3}', name="books.json")
    assert "A JSON catalogue is a list of books or {&quot;books&quot;: [...]}" in response.content.decode()


def test_another_authors_batch_is_not_found(client, author, make_account):
    _upload(client)
    batch = Batch.objects.get()
    outsider = make_account()
    client.force_login(outsider.user)
    for url in (f"/batches/{batch.id}/", f"/batches/{batch.id}/status.json"):
        assert client.get(url).status_code == 404
    assert client.post(f"/batches/{batch.id}/start/").status_code == 404


def test_the_example_catalogue_imports_cleanly(client, author):
    example = client.get("/batches/example.csv").content.decode()
    page = _upload(client, example).content.decode()
    assert 'data-testid="bad-rows">0<' in page
