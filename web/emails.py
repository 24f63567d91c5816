"""E-mails the author app sends (password resets are Django's own view and templates)."""

from __future__ import annotations

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from billing.models import Account


def signup_confirmation_send(*, request: HttpRequest, account: Account) -> None:
    """The link that confirms a new account's address (verify-email sign-up).

    Django's password-reset tokens: signed, they expire (PASSWORD_RESET_TIMEOUT) and stop working
    once the user has logged in, so a link confirms once.
    """
    user = account.user
    path = reverse(
        "signup_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {"email": user.email, "link": request.build_absolute_uri(path)}
    send_mail(
        subject="Confirm your e-mail to start making covers",
        message=render_to_string("registration/signup_confirm_email.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
