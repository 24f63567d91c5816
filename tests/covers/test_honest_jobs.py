"""Through the worker: every credit buys a visible, distinct result, or comes back."""

from __future__ import annotations

import itertools

import pytest

import cover_engine as engine
from billing.services import credits_balance
from cover_engine import distinct
from covers import services
from covers.models import CoverAsset, Job
from covers.storage import file_read

pytestmark = pytest.mark.django_db


def _signature(cover) -> distinct.Signature:
    asset = CoverAsset.objects.get(cover=cover, asset_type="preview")
    return engine.signature(file_read(asset.storage_name))


def _closest(covers) -> float:
    signatures = [_signature(c) for c in covers]
    return min(distinct.difference(a, b) for a, b in itertools.combinations(signatures, 2))


@pytest.fixture
def fox_book(make_book, account):
    return make_book(account=account, title="Hattie", genre="childrens", summary="A little fox explores the meadow.")


def test_a_job_of_three_delivers_three_distinct_designs_with_their_design_report(account, fox_book, run_jobs):
    with run_jobs():
        job = services.job_create_generate(account=account, book_id=fox_book.id, count=3)
    job.refresh_from_db()
    assert job.status == Job.COMPLETED, job.error_message
    covers = list(job.covers.order_by("job_position"))
    assert _closest(covers) >= distinct.DISTINCT_THRESHOLD
    for cover in covers:
        assert cover.design["template"]["id"] == cover.template_id
        assert cover.design["palette"]["name"] and cover.design["type"]["titleFaces"]
        assert any(s["subject"] == "fox" for s in cover.design["subjectsDrawn"] + cover.design["subjectsNotDrawn"])


def test_more_covers_for_a_book_differ_from_the_ones_it_has(account, fox_book, run_jobs):
    with run_jobs():
        first = services.job_create_generate(account=account, book_id=fox_book.id, count=2)
        more = services.job_create_generate(account=account, book_id=fox_book.id, count=2)
    first_covers, more_covers = list(first.covers.all()), list(more.covers.all())
    assert not {c.template_id for c in more_covers} & {c.template_id for c in first_covers}
    assert _closest(first_covers + more_covers) >= distinct.DISTINCT_THRESHOLD


def test_variations_keep_the_family_and_differ_from_the_source(account, fox_book, make_cover, run_jobs):
    source = make_cover(account=account, book=fox_book)
    with run_jobs():
        job = services.job_create_variation(account=account, cover_id=source.id, count=2)
    job.refresh_from_db()
    assert job.status == Job.COMPLETED, job.error_message
    for cover in job.covers.all():
        assert cover.design["template"]["family"] == source.template.family
        assert distinct.difference(_signature(cover), _signature(source)) >= distinct.DISTINCT_THRESHOLD


def test_nonsense_fails_and_its_credit_comes_back(account, make_cover, run_jobs):
    cover = make_cover(account=account)
    before = credits_balance(account=account).total
    with run_jobs():
        job = services.job_create_edit(account=account, cover_id=cover.id, prompt="flibber zonk wabble")
    job.refresh_from_db()
    assert (job.status, job.error_code) == (Job.FAILED, "edit_not_understood")
    assert (job.credits_used, job.credits_refunded) == (0, 1)
    assert credits_balance(account=account).total == before
    assert not job.covers.exists()


def test_an_edit_that_would_not_show_fails_with_edit_not_applied_and_refunds(account, fox_book, make_cover, run_jobs):
    cover = make_cover(account=account, book=fox_book)
    before = credits_balance(account=account).total
    with run_jobs():
        job = services.job_create_edit(account=account, cover_id=cover.id, prompt="remove the lighthouse")
    job.refresh_from_db()
    assert (job.status, job.error_code) == (Job.FAILED, "edit_not_applied")
    assert "it was not on the cover" in job.error_message and "refunded" in job.error_message
    assert (job.credits_used, job.credits_refunded) == (0, 1)
    assert credits_balance(account=account).total == before


def test_a_partly_understood_edit_is_charged_for_what_shows_and_names_the_ignored_words(
    account, make_cover, run_jobs, api_client
):
    cover = make_cover(account=account)
    with run_jobs():
        job = services.job_create_edit(account=account, cover_id=cover.id, prompt="purple wibble dishwasher")
    job.refresh_from_db()
    assert job.status == Job.COMPLETED and job.credits_used == 1
    edited = job.covers.get()
    assert edited.edits_understood == ["purple colour scheme"]
    body = api_client.get(f"/api/v1/covers/{edited.id}").json()
    design = body["design"]
    assert design["edit"] == {
        "prompt": "purple wibble dishwasher",
        "applied": ["purple colour scheme"],
        "notApplied": [],
        "ignoredWords": ["wibble", "dishwasher"],
    }
    assert design["template"]["id"] == body["coverStyle"]
    assert distinct.pixel_difference(_signature(edited), _signature(cover)) >= 5
