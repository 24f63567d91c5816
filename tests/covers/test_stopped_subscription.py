"""A stopped subscription spends nothing, whichever door asks: the API, the web wizard, the admin's
retry, or a service called directly (as the management commands do)."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from billing.models import CreditEntry
from billing.services import account_lock, account_set_active, credits_balance, credits_spend
from byc_site.errors import ApplicationError
from covers import services
from covers.models import Job

pytestmark = pytest.mark.django_db


@pytest.fixture
def stopped(make_account, make_book):
    """An account with credits and a book, whose subscription was then stopped."""
    account = make_account(monthly=10)
    book = make_book(account=account)
    account_set_active(account=account, is_active=False, reason="unpaid")
    return account, book


def nothing_spent(account) -> bool:
    return (
        not Job.objects.filter(account=account).exists()
        and not CreditEntry.objects.filter(account=account, kind="debit").exists()
        and credits_balance(account=account).total == 10
    )


def test_the_api_refuses_it(stopped, api_client_for):
    account, book = stopped
    response = api_client_for(account).post("/api/v1/covers/generate", {"bookId": str(book.id)}, format="json")
    assert (response.status_code, response.json()["error"]["code"]) == (403, "forbidden")
    assert nothing_spent(account)


def test_the_web_wizard_refuses_it(stopped, client):
    account, book = stopped
    client.force_login(account.user)
    response = client.post(f"/books/{book.id}/style/", {"count": "2"})
    assert response.status_code == 403
    assert "Your subscription is stopped" in response.content.decode()
    assert nothing_spent(account)


def test_the_admin_retry_refuses_it(make_account, make_book, admin_client):
    account = make_account(monthly=10)
    job = services.job_create_generate(account=account, book_id=make_book(account=account).id, count=2)
    services.job_fail(job_id=job.id, code="worker_lost", message="stopped")
    account_set_active(account=account, is_active=False, reason="unpaid")
    assert credits_balance(account=account).total == 10  # the failed job was refunded

    selection = {"action": "retry_failed", ACTION_CHECKBOX_NAME: [str(job.pk)], "apply": "1", "reason": "retry"}
    page = admin_client.post("/admin/covers/job/", selection, follow=True).content.decode()
    assert "no active subscription" in page
    assert Job.objects.filter(account=account).count() == 1
    assert credits_balance(account=account).total == 10


@pytest.mark.parametrize("operation", ["generate", "variation", "edit", "upscale", "audiobook"])
def test_every_job_service_refuses_it(operation, make_account, make_cover):
    account = make_account(monthly=10)
    cover = make_cover(account=account)
    account_set_active(account=account, is_active=False)
    before = credits_balance(account=account)
    start = {
        "generate": lambda: services.job_create_generate(account=account, book_id=cover.book_id),
        "variation": lambda: services.job_create_variation(account=account, cover_id=cover.id),
        "edit": lambda: services.job_create_edit(account=account, cover_id=cover.id, prompt="warmer colours"),
        "upscale": lambda: services.job_create_upscale(account=account, cover_id=cover.id, source_asset="preview"),
        "audiobook": lambda: services.job_create_audiobook(account=account, cover_id=cover.id),
    }[operation]
    with pytest.raises(ApplicationError) as refused:
        start()
    assert (refused.value.code, refused.value.status) == ("forbidden", 403)
    assert credits_balance(account=account) == before


def test_the_ledger_itself_refuses_to_spend_for_it(stopped):
    account, _book = stopped
    with pytest.raises(ApplicationError) as refused:
        credits_spend(account=account_lock(account_id=account.pk), amount=1, reference="job:manual")
    assert refused.value.code == "forbidden"
    assert credits_balance(account=account).total == 10
