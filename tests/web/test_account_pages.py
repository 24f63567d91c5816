"""The author web app's account pages, driven through Django's test client."""

from __future__ import annotations

import pytest

from billing.models import Account
from billing.services import credits_balance

pytestmark = pytest.mark.django_db


def test_it_signs_up_a_new_author_on_the_trial_plan_with_the_sign_up_credits(client, settings):
    response = client.post(
        "/signup/",
        {"email": "New@Example.com", "password1": "correct horse battery", "password2": "correct horse battery"},
    )
    assert response.status_code == 302
    account = Account.objects.get(user__email="new@example.com")
    assert account.plan.code == "trial" and account.plan.monthly_credits == 0
    balance = credits_balance(account=account)
    assert (balance.monthly, balance.overage) == (0, settings.SIGNUP_CREDITS)
    assert client.get("/account/").status_code == 200


def test_it_keeps_the_input_and_explains_a_taken_email(client, author):
    client.logout()
    response = client.post(
        "/signup/", {"email": "writer@example.com", "password1": "another pass 123", "password2": "another pass 123"}
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert 'value="writer@example.com"' in response.content.decode()


def test_it_refuses_mismatched_passwords(client):
    response = client.post("/signup/", {"email": "a@example.com", "password1": "one long pass", "password2": "two"})
    assert response.status_code == 200
    assert "differ" in response.content.decode()
    assert not Account.objects.exists()


def test_it_logs_in_with_the_email(client, author):
    client.logout()
    response = client.post("/login/", {"username": "WRITER@example.com", "password": "a-long-pass-phrase"})
    assert response.status_code == 302
    assert client.get("/account/").status_code == 200


def test_it_shows_plan_credits_and_period_end(client, author):
    page = client.get("/account/").content.decode()
    assert "Starter plan" in page
    assert 'data-testid="credits-total">10<' in page
    assert author.period_end.strftime("%Y") in page


def test_it_sends_a_password_reset_link_by_email(client, author, mailoutbox):
    client.logout()
    response = client.post("/password/reset/", {"email": "writer@example.com"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    link = next(line for line in mailoutbox[0].body.splitlines() if "/password/reset/" in line)
    path = link.split("testserver", 1)[1]
    form_url = client.get(path).url
    response = client.post(form_url, {"new_password1": "brand new secret 9", "new_password2": "brand new secret 9"})
    assert response.status_code == 302
    assert client.login(username="writer@example.com", password="brand new secret 9")


def test_it_changes_the_password(client, author):
    response = client.post(
        "/password/change/",
        {
            "old_password": "a-long-pass-phrase",
            "new_password1": "fresh pass word 7",
            "new_password2": "fresh pass word 7",
        },
    )
    assert response.status_code == 302
    author.user.refresh_from_db()
    assert author.user.check_password("fresh pass word 7")


def test_it_sends_visitors_to_log_in(client):
    assert client.get("/account/").status_code == 302
    assert client.get("/").status_code == 200


def test_the_job_history_lists_the_accounts_jobs_by_status(client, author, make_account, make_book):
    from covers.services import job_create_generate, job_fail

    book = make_book(account=author, title="Ledger of Small Hours")
    kept = job_create_generate(account=author, book_id=book.id, count=1)
    failed = job_create_generate(account=author, book_id=book.id, count=2)
    job_fail(job_id=failed.id, code="worker_lost", message="The worker stopped.")
    other = make_account()
    theirs = job_create_generate(account=other, book_id=make_book(account=other).id, count=1)
    page = client.get("/account/jobs/").content.decode()
    assert f"/jobs/{kept.id}/" in page and f"/jobs/{failed.id}/" in page and f"/jobs/{theirs.id}/" not in page
    only_failed = client.get("/account/jobs/?status=failed").content.decode()
    assert f"/jobs/{failed.id}/" in only_failed and f"/jobs/{kept.id}/" not in only_failed
    assert "The worker stopped." in only_failed
    assert client.get("/account/jobs/?status=nonsense").status_code == 200
