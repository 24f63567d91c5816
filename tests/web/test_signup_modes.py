"""Sign-up modes (BYC_SIGNUP), trial credits, the confirmation e-mail over real SMTP, invitations,
and the demo account only outside production.

E-mail goes through Django's SMTP backend to a local SMTP server (aiosmtpd), as in production.
"""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass, field
from email import message_from_bytes, policy

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from billing.models import Account, Invite
from billing.services import credits_balance, invite_create

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def signup_form(email: str, **extra) -> dict:
    return {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}


@dataclass
class Mailbox:
    messages: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free loopback port; Django's SMTP backend pointed at it."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield mailbox
    controller.stop()


def test_open_sign_up_logs_in_at_once_with_the_trial_credits(client, settings):
    settings.SIGNUP_MODE, settings.SIGNUP_CREDITS = "open", 7
    response = client.post("/signup/", signup_form("new@example.com"))
    assert response.status_code == 302
    account = Account.objects.get(user__email="new@example.com")
    assert credits_balance(account=account).total == 7
    assert client.get("/account/").status_code == 200


def test_the_sign_up_page_shows_the_trial_credits(client, settings):
    settings.SIGNUP_MODE, settings.SIGNUP_CREDITS = "open", 7
    assert "7 free credits" in client.get("/signup/").content.decode()


def test_verify_email_sends_a_link_over_smtp_and_the_account_waits_for_it(client, settings, smtp_server):
    settings.SIGNUP_MODE, settings.SIGNUP_CREDITS = "verify-email", 5
    response = client.post("/signup/", signup_form("verify@example.com"))
    assert response.status_code == 200 and "Check your email" in response.content.decode()
    user = get_user_model().objects.get(email="verify@example.com")
    assert not user.is_active
    # No login and no session before the address is confirmed.
    assert client.get("/account/").status_code == 302
    assert client.post("/login/", {"username": "verify@example.com", "password": PASSWORD}).status_code == 200

    [(recipients, message)] = smtp_server.messages
    assert recipients == ["verify@example.com"]
    assert message["To"] == "verify@example.com" and message["From"] == settings.DEFAULT_FROM_EMAIL
    link = re.search(r"http://testserver(/signup/confirm/\S+/)", message.get_content()).group(1)

    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == "/books/new/"
    user.refresh_from_db()
    assert user.is_active
    assert credits_balance(account=user.account).total == 5
    assert client.get("/account/").status_code == 200
    # The link confirmed once: after the login it is spent.
    client.logout()
    assert client.get(link).status_code == 400


def test_a_forged_confirmation_link_does_nothing(client, settings, smtp_server):
    settings.SIGNUP_MODE = "verify-email"
    client.post("/signup/", signup_form("forged@example.com"))
    user = get_user_model().objects.get(email="forged@example.com")
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(user.pk))
    assert client.get(f"/signup/confirm/{uid}/abc-123/").status_code == 400
    assert client.get("/signup/confirm/bm9wZQ/abc-123/").status_code == 400
    user.refresh_from_db()
    assert not user.is_active


def test_an_unconfirmed_accounts_api_key_is_refused(make_account, settings):
    from rest_framework.test import APIClient

    from billing.services import account_signup, api_key_create

    settings.SIGNUP_MODE = "verify-email"
    account = account_signup(email="keyless@example.com", password=PASSWORD)
    _, raw_key = api_key_create(account=account, name="early")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw_key}")
    assert client.get("/api/v1/books").status_code == 401


def test_the_password_reset_email_goes_over_smtp(client, make_account, smtp_server):
    make_account(email="forgot@example.com", password=PASSWORD)
    assert client.post("/password/reset/", {"email": "forgot@example.com"}).status_code == 302
    [(recipients, message)] = smtp_server.messages
    assert recipients == ["forgot@example.com"]
    assert "/password/reset/" in message.get_content()


def test_closed_sign_up_refuses_everyone(client, settings):
    settings.SIGNUP_MODE = "closed"
    assert client.get("/signup/").status_code == 403
    assert client.post("/signup/", signup_form("late@example.com")).status_code == 403
    assert not Account.objects.exists()


def test_invite_mode_needs_an_invitation(client, settings):
    settings.SIGNUP_MODE = "invite"
    response = client.get("/signup/")
    assert response.status_code == 403 and "invitation" in response.content.decode()
    assert client.post("/signup/", signup_form("nobody@example.com")).status_code == 403
    response = client.post("/signup/", signup_form("nobody@example.com", invite="made-up"))
    assert response.status_code == 200 and "invitation" in response.content.decode()
    assert not Account.objects.exists()


def test_an_invitation_makes_one_account(client, settings):
    settings.SIGNUP_MODE, settings.SIGNUP_CREDITS = "invite", 3
    invite = invite_create(note="for a friend")
    page = client.get(f"/signup/?invite={invite.code}").content.decode()
    assert f'name="invite" value="{invite.code}"' in page
    response = client.post("/signup/", signup_form("friend@example.com", invite=invite.code))
    assert response.status_code == 302
    invite.refresh_from_db()
    assert invite.used_at is not None and invite.used_by.user.email == "friend@example.com"
    assert credits_balance(account=invite.used_by).total == 3
    client.logout()
    response = client.post("/signup/", signup_form("second@example.com", invite=invite.code))
    assert "already been used" in response.content.decode()
    assert not Account.objects.filter(user__email="second@example.com").exists()


def test_an_invitation_for_an_address_is_only_for_it(client, settings):
    settings.SIGNUP_MODE = "invite"
    invite = invite_create(email="Named@Example.com")
    response = client.post("/signup/", signup_form("other@example.com", invite=invite.code))
    assert "named@example.com" in response.content.decode()
    assert client.post("/signup/", signup_form("named@example.com", invite=invite.code)).status_code == 302


def test_staff_make_invitations_in_the_admin(client, settings):
    staff = get_user_model().objects.create_superuser("staff@example.com", "staff@example.com", PASSWORD)
    client.force_login(staff)
    response = client.post("/admin/billing/invite/add/", {"email": "guest@example.com", "note": "press"}, follow=True)
    invite = Invite.objects.get()
    assert invite.email == "guest@example.com" and invite.created_by == staff and len(invite.code) >= 30
    assert f"/signup/?invite={invite.code}" in response.content.decode()


def test_the_demo_account_is_made_in_the_embedded_default(settings, tmp_path):
    settings.PRODUCTION, settings.DATA_DIR = False, tmp_path
    call_command("ensure_demo_account")
    assert get_user_model().objects.filter(username="demo@example.com").exists()


def test_the_demo_account_is_never_made_in_production(settings, tmp_path):
    settings.PRODUCTION, settings.DATA_DIR = True, tmp_path
    with pytest.raises(CommandError, match="production"):
        call_command("ensure_demo_account")
    assert not get_user_model().objects.filter(username="demo@example.com").exists()


def test_a_signed_up_account_gets_no_monthly_credits_at_renewal(client, settings):
    from datetime import timedelta

    from billing.services import account_renew

    settings.SIGNUP_MODE, settings.SIGNUP_CREDITS = "open", 4
    client.post("/signup/", signup_form("trial@example.com"))
    account = Account.objects.get(user__email="trial@example.com")
    assert account.plan.code == "trial"
    account_renew(account_id=account.pk, now=account.period_end + timedelta(days=1))
    balance = credits_balance(account=account)
    assert (balance.monthly, balance.overage) == (0, 4)  # the trial credits stay; nothing more arrives
    page = client.get("/account/").content.decode()
    assert "has no monthly credits" in page and "Need more credits?" in page  # the request form for staff


def test_an_unconfirmed_sign_up_does_not_lock_the_owner_out(client, settings, smtp_server):
    """A stranger signs up with someone's address and never confirms: the owner can still sign up."""
    settings.SIGNUP_MODE, settings.SIGNUP_CREDITS = "verify-email", 5
    client.post(
        "/signup/", {"email": "owner@example.com", "password1": "strangers pass 1", "password2": "strangers pass 1"}
    )
    response = client.post("/signup/", signup_form("owner@example.com"))
    assert "Check your email" in response.content.decode()
    links = [
        re.search(r"http://testserver(/signup/confirm/\S+/)", m.get_content()).group(1) for _, m in smtp_server.messages
    ]
    assert len(links) == 2
    assert client.get(links[0]).status_code == 400  # the stranger's link died with their password
    assert client.get(links[1]).status_code == 302
    client.logout()
    assert client.post("/login/", {"username": "owner@example.com", "password": PASSWORD}).status_code == 302
    account = Account.objects.get(user__email="owner@example.com")
    assert credits_balance(account=account).total == 5  # granted once


def test_a_confirmed_address_stays_taken(client, make_account, settings, smtp_server):
    settings.SIGNUP_MODE = "verify-email"
    make_account(email="taken@example.com", password="the owners pass 1")
    response = client.post("/signup/", signup_form("taken@example.com"))
    assert "already exists" in response.content.decode()
    assert smtp_server.messages == []
    assert client.post("/login/", {"username": "taken@example.com", "password": "the owners pass 1"}).status_code == 302
