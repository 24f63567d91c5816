"""Asking the service's staff for credits: the author's form, the staff's admin, the ledger line."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from billing.credit_requests import credit_request_create, credit_request_decline, credit_request_grant
from billing.models import CreditEntry, CreditRequest
from billing.services import credits_balance
from byc_site.errors import ApplicationError

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(db):
    from django.test import Client

    staff = get_user_model().objects.create_superuser("staff@example.com", "staff@example.com", "staff pass 123")
    staff_client = Client()
    staff_client.force_login(staff)
    staff_client.user = staff
    return staff_client


def test_an_author_asks_for_credits_and_sees_the_request_wait(client, author):
    response = client.post("/account/credits/request/", {"amount": "40", "message": "A series of three books"})
    assert response.status_code == 302
    request = CreditRequest.objects.get(account=author)
    assert (request.amount, request.message, request.status) == (40, "A series of three books", "open")
    page = client.get("/account/").content.decode()
    assert "40 credits asked on" in page and "waiting for staff" in page
    assert "Ask for credits" not in page and "You can ask again once staff have answered." in page


def test_a_second_request_waits_for_the_first(client, author):
    credit_request_create(account=author, amount=10)
    response = client.post("/account/credits/request/", {"amount": "5"})
    assert response.status_code == 400
    assert "already have a request waiting" in response.content.decode()
    assert CreditRequest.objects.count() == 1


@pytest.mark.parametrize("amount", ["0", "-3", "10001", "many", ""])
def test_it_refuses_a_bad_amount(client, author, amount):
    response = client.post("/account/credits/request/", {"amount": amount})
    assert response.status_code == 400
    assert not CreditRequest.objects.exists()


def test_the_service_checks_the_amount_and_message_itself(author):
    with pytest.raises(ApplicationError) as error:
        credit_request_create(account=author, amount=0)
    assert error.value.code == "invalid_count"
    with pytest.raises(ApplicationError) as error:
        credit_request_create(account=author, amount=5, message="x" * 1001)
    assert error.value.code == "field_too_long"


def test_staff_grant_a_request_in_the_admin_with_a_reason(author, staff_client, client):
    request = credit_request_create(account=author, amount=30, message="launch")
    changelist = staff_client.get("/admin/billing/creditrequest/").content.decode()
    assert "launch" in changelist and "Open" in changelist
    confirm = staff_client.post("/admin/billing/creditrequest/", {"action": "grant", "_selected_action": [request.pk]})
    assert confirm.status_code == 200 and "Grant credit requests" in confirm.content.decode()
    request.refresh_from_db()
    assert request.status == CreditRequest.OPEN  # nothing happens before the reason is given
    done = staff_client.post(
        "/admin/billing/creditrequest/",
        {"action": "grant", "_selected_action": [request.pk], "apply": "1", "reason": "Launch month", "amount": ""},
    )
    assert done.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.granted_amount, request.decided_by) == ("granted", 30, staff_client.user)
    assert credits_balance(account=author).overage == 30
    entry = CreditEntry.objects.filter(account=author).latest("id")
    assert entry.memo == f"Credit request #{request.pk}: Launch month" and entry.created_by == staff_client.user
    page = client.get("/account/").content.decode()
    assert "30 granted (Launch month)" in page


def test_staff_decline_with_a_reason_the_author_reads(author, staff_client, client):
    request = credit_request_create(account=author, amount=500)
    staff_client.post(
        "/admin/billing/creditrequest/",
        {"action": "decline", "_selected_action": [request.pk], "apply": "1", "reason": "Upgrade the plan instead"},
    )
    request.refresh_from_db()
    assert request.status == CreditRequest.DECLINED
    assert credits_balance(account=author).overage == 0
    assert "declined: Upgrade the plan instead" in client.get("/account/").content.decode()


def test_a_request_is_decided_once(author):
    request = credit_request_create(account=author, amount=5)
    credit_request_grant(request_id=request.pk, reason="ok")
    with pytest.raises(ApplicationError) as error:
        credit_request_decline(request_id=request.pk, reason="changed my mind")
    assert error.value.code == "credit_request_decided"
    with pytest.raises(ApplicationError):
        credit_request_grant(request_id=request.pk, reason="again")
    assert credits_balance(account=author).overage == 5


def test_staff_can_grant_another_amount(author):
    request = credit_request_create(account=author, amount=100)
    credit_request_grant(request_id=request.pk, amount=40, reason="Partial")
    request.refresh_from_db()
    assert request.granted_amount == 40
    assert credits_balance(account=author).overage == 40


def test_a_decision_needs_a_reason(author):
    request = credit_request_create(account=author, amount=5)
    for decide in (credit_request_grant, credit_request_decline):
        with pytest.raises(ApplicationError) as error:
            decide(request_id=request.pk, reason="  ")
        assert error.value.code == "missing_required_fields"
    request.refresh_from_db()
    assert request.status == CreditRequest.OPEN
    assert credits_balance(account=author).overage == 0
