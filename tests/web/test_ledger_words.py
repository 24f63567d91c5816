"""The author's ledger in plain words, each line linked to its book, cover and job (with the prompt)."""

from __future__ import annotations

import pytest

from billing.services import credits_adjust, credits_grant_overage
from covers import services

pytestmark = pytest.mark.django_db


def _lines(client) -> list[str]:
    page = client.get("/account/").content.decode()
    return [chunk.split("</p>", 1)[0] for chunk in page.split('data-testid="ledger-line">')[1:]]


def test_a_generate_job_reads_as_credits_for_covers_of_the_book(client, author, make_book, run_jobs):
    book = make_book(account=author, title="The Last Witness")
    with run_jobs():
        job = services.job_create_generate(account=author, book_id=book.id, count=3)
    cover = job.covers.order_by("job_position").first()
    [line, *_grant] = _lines(client)
    assert line.startswith("3 credits for 3 covers of")
    assert f'<a href="/books/{book.id}/"><em dir="auto">The Last Witness</em></a>' in line
    page = client.get("/account/").content.decode()
    assert f'href="/covers/{cover.id}/">the cover</a>' in page
    assert f'href="/jobs/{job.id}/">the job</a>' in page


def test_an_edit_reads_with_its_prompt_and_a_refund_with_its_reason(client, author, make_cover):
    cover = make_cover(account=author)
    job = services.job_create_edit(account=author, cover_id=cover.id, prompt="make the sky more dramatic")
    services.job_fail(job_id=job.id, code="worker_lost", message="The worker stopped.")
    refund, spend, *_rest = _lines(client)
    assert spend.startswith("1 credit for an edit of a cover of")
    assert refund.startswith("1 credit back for an edit of a cover of")
    assert refund.endswith(": The worker stopped.")
    page = client.get("/account/").content.decode()
    assert "the prompt: “make the sky more dramatic”" in page
    assert f'href="/covers/{cover.id}/">the cover</a>' in page  # an edit links the cover it edited


def test_grants_and_staff_lines_read_in_words(client, author):
    credits_grant_overage(account=author, amount=25, memo="Credit request #3: launch month")
    credits_adjust(account=author, pool="monthly", amount=-2, memo="Duplicate grant")
    lines = _lines(client)
    assert lines[0] == "2 credits removed by staff: Duplicate grant"
    assert lines[1] == "25 credits added, never expiring: Credit request #3: launch month"
    assert lines[2] == "10 monthly credits for the new period"


def test_the_ledger_shows_only_the_accounts_own_lines(client, author, make_account, make_book):
    other = make_account()
    services.job_create_generate(account=other, book_id=make_book(account=other, title="Not Yours").id, count=2)
    assert not any("Not Yours" in line for line in _lines(client))
