"""The staff admin: lists, the read-only ledger and history, and the actions (each through a service,
after a confirmation page that asks why)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from billing.models import Account, AccountEvent, CreditEntry, Plan
from billing.services import credits_balance

CHANGELIST = "/admin/billing/account/"


@pytest.fixture
def staff(admin_client):
    return admin_client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/billing/account/",
        "/admin/billing/plan/",
        "/admin/billing/apikey/",
        "/admin/billing/creditentry/",
        "/admin/billing/idempotencyrecord/",
        "/admin/billing/accountevent/",
        "/admin/books/book/",
        "/admin/billing/account/?q=author&plan__id__exact=1&is_active__exact=1",
        "/admin/billing/creditentry/?kind__exact=grant&q=period",
    ],
)
def test_every_list_renders(staff, account, make_book, url):
    make_book(account=account)
    assert staff.get(url).status_code == 200


def test_an_account_page_renders_with_its_balance(staff, account):
    response = staff.get(f"/admin/billing/account/{account.pk}/change/")
    assert response.status_code == 200
    assert account.user.email in response.content.decode()


def test_the_ledger_cannot_be_added_to_changed_or_deleted_in_the_admin(staff, account):
    entry = CreditEntry.objects.filter(account=account).first()
    assert staff.get("/admin/billing/creditentry/add/").status_code == 403
    response = staff.post(f"/admin/billing/creditentry/{entry.pk}/change/", {"amount": 999})
    assert response.status_code == 403 or CreditEntry.objects.get(pk=entry.pk).amount == entry.amount
    assert staff.post(f"/admin/billing/creditentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert CreditEntry.objects.filter(pk=entry.pk).exists()


def test_grant_overage_asks_for_an_amount_then_writes_attributed_ledger_lines(staff, make_account, admin_user):
    accounts = [make_account(monthly=1), make_account(monthly=1)]
    selection = {"action": "grant_overage", ACTION_CHECKBOX_NAME: [a.pk for a in accounts]}
    form_page = staff.post(CHANGELIST, selection)
    assert form_page.status_code == 200 and b"amount" in form_page.content
    done = staff.post(CHANGELIST, {**selection, "apply": "1", "amount": "25", "memo": "goodwill"}, follow=True)
    assert done.status_code == 200
    for account in accounts:
        assert credits_balance(account=account).overage == 25
        entry = CreditEntry.objects.get(account=account, kind="purchase")
        assert (entry.memo, entry.created_by) == ("goodwill", admin_user)


def test_grant_overage_refuses_a_non_positive_amount(staff, account):
    selection = {"action": "grant_overage", ACTION_CHECKBOX_NAME: [account.pk]}
    staff.post(CHANGELIST, {**selection, "apply": "1", "amount": "0", "memo": "x"})
    assert credits_balance(account=account).overage == 0


def test_change_plan_moves_the_selected_accounts_and_records_why(staff, make_account, admin_user):
    account = make_account()
    scale = Plan.objects.get(code="scale")
    selection = {"action": "change_plan", ACTION_CHECKBOX_NAME: [account.pk]}
    assert b"reason" in staff.post(CHANGELIST, selection).content
    staff.post(CHANGELIST, {**selection, "apply": "1", "plan": scale.pk})  # no reason: nothing happens
    account.refresh_from_db()
    assert account.plan.code == "starter"
    staff.post(CHANGELIST, {**selection, "apply": "1", "plan": scale.pk, "reason": "bought Scale"})
    account.refresh_from_db()
    assert account.plan == scale
    event = AccountEvent.objects.get(account=account)
    assert (event.kind, event.detail, event.reason, event.created_by) == (
        "plan_changed",
        "starter -> scale",
        "bought Scale",
        admin_user,
    )


def test_change_period_moves_the_period_through_the_service(staff, account, admin_user):
    selection = {"action": "change_period", ACTION_CHECKBOX_NAME: [account.pk]}
    fields = {"period_start_0": "2030-01-01", "period_start_1": "00:00:00", "period_end_0": "2030-03-01"}
    staff.post(CHANGELIST, {**selection, **fields, "period_end_1": "00:00:00", "apply": "1", "reason": "trial"})
    account.refresh_from_db()
    assert account.period_end == datetime(2030, 3, 1, tzinfo=UTC)
    assert AccountEvent.objects.get(account=account, kind="period_changed").created_by == admin_user
    # An end before the start is refused by the service.
    staff.post(
        CHANGELIST,
        {**selection, **fields, "period_end_1": "00:00:00", "period_end_0": "2029-01-01"}
        | {
            "apply": "1",
            "reason": "typo",
        },
    )
    account.refresh_from_db()
    assert account.period_end == datetime(2030, 3, 1, tzinfo=UTC)


def test_the_account_form_changes_nothing_by_itself(staff, account):
    staff.post(
        f"/admin/billing/account/{account.pk}/change/",
        {"is_active": "", "period_start_0": "2001-01-01", "period_start_1": "00:00", "webhook_url": "https://x.test"},
    )
    fresh = Account.objects.get(pk=account.pk)
    assert (fresh.is_active, fresh.period_start, fresh.webhook_url) == (True, account.period_start, "")


def test_revoking_keys_asks_why_and_records_it(staff, account, api_client_for, admin_user):
    client = api_client_for(account)
    selection = {"action": "revoke", ACTION_CHECKBOX_NAME: [client.api_key.pk]}
    assert b"reason" in staff.post("/admin/billing/apikey/", selection).content
    assert client.get("/api/v1/books").status_code == 200
    staff.post("/admin/billing/apikey/", {**selection, "apply": "1", "reason": "leaked in a repo"})
    assert client.get("/api/v1/books").status_code == 401
    event = AccountEvent.objects.get(account=account, kind="api_key_revoked")
    assert (event.reason, event.created_by) == ("leaked in a repo", admin_user)


def test_adjust_credits_takes_a_signed_amount_but_never_below_zero(staff, make_account):
    account = make_account(monthly=5)
    selection = {"action": "adjust_credits", ACTION_CHECKBOX_NAME: [account.pk]}
    staff.post(CHANGELIST, {**selection, "apply": "1", "pool": "monthly", "amount": "-3", "memo": "double grant"})
    assert credits_balance(account=account).monthly == 2
    staff.post(CHANGELIST, {**selection, "apply": "1", "pool": "monthly", "amount": "-3", "memo": "again"})
    assert credits_balance(account=account).monthly == 2


def test_deactivating_a_subscription_turns_its_keys_away(staff, make_account, api_client_for):
    account = make_account()
    client = api_client_for(account)
    stop = {"action": "deactivate_subscription", ACTION_CHECKBOX_NAME: [account.pk]}
    assert b"reason" in staff.post(CHANGELIST, stop).content
    assert client.get("/api/v1/books").status_code == 200
    staff.post(CHANGELIST, {**stop, "apply": "1", "reason": "unpaid invoice"})
    assert client.get("/api/v1/books").status_code == 403
    start = {"action": "activate_subscription", ACTION_CHECKBOX_NAME: [account.pk], "apply": "1", "reason": "paid"}
    staff.post(CHANGELIST, start)
    assert client.get("/api/v1/books").status_code == 200
    kinds = list(AccountEvent.objects.filter(account=account).order_by("id").values_list("kind", "reason"))
    assert kinds == [("subscription_stopped", "unpaid invoice"), ("subscription_started", "paid")]
