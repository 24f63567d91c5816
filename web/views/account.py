"""Author web app: sign-up and the account page (plan, credits, ledger, API keys, webhooks).

Views only check shape and call billing.services, exactly like the API does.
"""

from __future__ import annotations

import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_POST

from billing import selectors as billing_selectors
from billing import services
from billing.models import Account, CreditEntry
from books.models import Book
from books.selectors import book_get_for_account
from byc_site.errors import ApplicationError
from byc_site.logcontext import log_context_add
from byc_site.throttling import client_address, rate_limit_hit
from covers import selectors as cover_selectors
from covers import specs as cover_specs
from covers.models import Job
from web.emails import signup_confirmation_send
from web.forms.account import ApiKeyCreateForm, SignupForm, WebhookUrlForm

LEDGER_ROWS = 30
REVEAL_SECRET_ONCE = "billing.reveal_webhook_secret"
JOB_ROWS = 15
DELIVERY_ROWS = 10


def author_account(request: HttpRequest) -> Account:
    """The logged-in author's account; users without one (e.g. bare staff users) get a 404 page."""
    try:
        account = services.account_for_user(user=request.user)
    except ApplicationError:
        raise Http404("This user has no author account.") from None
    log_context_add(account_id=account.pk)
    return account


def author_book(account: Account, book_id: object) -> Book:
    """The author's book; anyone else's, or none, is a 404 page (the service's own ownership check)."""
    try:
        return book_get_for_account(account=account, book_id=book_id)
    except ApplicationError:
        raise Http404("Book not found.") from None


def form_fields_for(form: forms.Form, error: ApplicationError) -> list[str]:
    """The form fields showing the request fields an error names (`error.fields`, the API's names)."""
    return [name for name, field in form.fields.items() if getattr(field, "api_name", name) in error.fields]


def render_author_page(
    request: HttpRequest, template: str, context: dict, *, account: Account | None = None, status: int = 200
) -> HttpResponse:
    """Render a page of the author app with the header's credit count."""
    if account is not None and "balance" not in context:
        context["balance"] = services.credits_balance(account=account)
    if "balance" in context:
        context["nav_credits"] = context["balance"].total
    return render(request, template, context, status=status)


def too_many_requests(request: HttpRequest, wait: int) -> HttpResponse:
    response = render(request, "429.html", {"wait": wait, "minutes": -(-wait // 60)}, status=429)
    response["Retry-After"] = str(wait)
    return response


def _posted_email(request: HttpRequest, field: str) -> str:
    return request.POST.get(field, "").strip().lower()[:254]


class LoginView(auth_views.LoginView):
    """Django's login, limited per client address and per account (e-mail), counted on every try."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        limits = [("login_ip", client_address(request)), ("login_account", _posted_email(request, "username"))]
        wait = rate_limit_hit(request, limits)
        if wait:
            return too_many_requests(request, wait)
        return super().post(request, *args, **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, limited per client address and per e-mail (each sends an e-mail)."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        limits = [
            ("password_reset_ip", client_address(request)),
            ("password_reset_account", _posted_email(request, "email")),
        ]
        wait = rate_limit_hit(request, limits)
        if wait:
            return too_many_requests(request, wait)
        return super().post(request, *args, **kwargs)


def signup(request: HttpRequest) -> HttpResponse:
    """Sign-up under settings.SIGNUP_MODE (billing.services.account_signup holds the rules)."""
    if request.user.is_authenticated:
        return redirect("library")
    mode = services.signup_mode()
    invite_code = request.POST.get("invite") or request.GET.get("invite") or ""
    if mode == "closed" or (mode == "invite" and not invite_code):
        return render(request, "registration/signup_closed.html", {"mode": mode}, status=403)
    form = SignupForm(request.POST or None)
    if request.method == "POST":
        limits = [("signup_ip", client_address(request)), ("signup_account", _posted_email(request, "email"))]
        wait = rate_limit_hit(request, limits)
        if wait:
            return too_many_requests(request, wait)
    if request.method == "POST" and form.is_valid():
        try:
            account = services.account_signup(
                email=form.cleaned_data["email"], password=form.cleaned_data["password1"], invite_code=invite_code
            )
        except ApplicationError as error:
            form.add_error("email", error.message)
        else:
            if not account.user.is_active:
                signup_confirmation_send(request=request, account=account)
                return render(request, "registration/signup_check_email.html", {"email": account.user.email})
            return _welcome(request, account)
    context = {
        "form": form,
        "invite": invite_code,
        "signup_credits": settings.SIGNUP_CREDITS,
        "cover_price": cover_specs.credit_words(Job.OP_GENERATE),
    }
    return render(request, "registration/signup.html", context)


def _welcome(request: HttpRequest, account: Account) -> HttpResponse:
    login(request, account.user, backend="django.contrib.auth.backends.ModelBackend")
    credits = services.credits_balance(account=account).total
    messages.success(
        request, f"Welcome! You have {credits} credits to start with. Start by telling us about your book."
    )
    return redirect("book_create")


def signup_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link of the confirmation e-mail: activates the user and logs them in."""
    try:
        user = get_user_model().objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "registration/signup_confirm_invalid.html", status=400)
    services.account_email_confirm(user=user)
    if not user.is_active:  # disabled by staff since
        return render(request, "registration/signup_confirm_invalid.html", status=400)
    return _welcome(request, services.account_for_user(user=user))


# The ledger's kinds as an author would say them.
KIND_WORDS = {
    CreditEntry.KIND_GRANT: "Monthly credits",
    CreditEntry.KIND_EXPIRY: "Unused monthly credits expired",
    CreditEntry.KIND_PURCHASE: "Overage credits added",
    CreditEntry.KIND_DEBIT: "Spent",
    CreditEntry.KIND_REFUND: "Refunded",
    CreditEntry.KIND_ADJUSTMENT: "Adjusted by staff",
}


def _ledger_rows(account: Account) -> list[dict]:
    """The latest ledger lines, each with the job it paid for (one query for all the jobs)."""
    entries = billing_selectors.credit_entries_recent(account=account, limit=LEDGER_ROWS)
    job_ids = set()
    for entry in entries:
        if entry.reference.startswith("job:"):
            try:
                job_ids.add(uuid.UUID(entry.reference[4:]))
            except ValueError:
                pass
    jobs = cover_selectors.jobs_by_id(account=account, job_ids=job_ids)
    return [
        {"entry": e, "what": KIND_WORDS.get(e.kind, e.get_kind_display()), "job": jobs.get(e.reference[4:])}
        for e in entries
    ]


def _account_context(request: HttpRequest, account: Account) -> dict:
    return {
        "account": account,
        "balance": services.credits_balance(account=account),
        "ledger": _ledger_rows(account),
        "api_keys": list(account.api_keys.all()),
        "jobs": cover_selectors.jobs_recent(account=account, limit=JOB_ROWS),
        "deliveries": cover_selectors.webhook_deliveries_recent(account=account, limit=DELIVERY_ROWS),
        "key_form": ApiKeyCreateForm(),
        "webhook_form": WebhookUrlForm(initial={"webhook_url": account.webhook_url}),
        "public_url": request.build_absolute_uri("/").rstrip("/"),
    }


@login_required
def account_page(request: HttpRequest) -> HttpResponse:
    account = author_account(request)
    context = _account_context(request, account)
    if request.session.pop(REVEAL_SECRET_ONCE, False):
        context["revealed_secret"] = account.webhook_secret
        context["secret_rotated"] = True
    return render_author_page(request, "web/account/account.html", context)


@login_required
@require_POST
def api_key_create(request: HttpRequest) -> HttpResponse:
    account = author_account(request)
    form = ApiKeyCreateForm(request.POST)
    context = _account_context(request, account)
    if form.is_valid():
        try:
            api_key, raw_key = services.api_key_create(account=account, name=form.cleaned_data["name"])
        except ApplicationError as error:
            form.add_error("name", error.message)
        else:
            # The raw key exists only in this response: it is never stored and cannot be shown again.
            context["api_keys"] = list(account.api_keys.all())
            context["new_key"] = {"name": api_key.name, "raw": raw_key}
            return render_author_page(request, "web/account/account.html", context)
    context["key_form"] = form
    return render_author_page(request, "web/account/account.html", context, status=400)


@login_required
@require_POST
def api_key_revoke(request: HttpRequest, key_id: int) -> HttpResponse:
    account = author_account(request)
    try:
        api_key = services.api_key_revoke(account=account, api_key_id=key_id, revoked_by=request.user)
    except ApplicationError as error:
        if error.status == 404:
            raise Http404(error.message) from None
        raise
    messages.success(request, f"The key “{api_key.name}” is revoked; requests using it are now refused.")
    return redirect("/account/#api-keys")


@login_required
@require_POST
def webhook_update(request: HttpRequest) -> HttpResponse:
    account = author_account(request)
    form = WebhookUrlForm(request.POST)
    if form.is_valid():
        try:
            services.account_webhook_update(account=account, webhook_url=form.cleaned_data["webhook_url"] or "")
        except ApplicationError as error:
            form.add_error("webhook_url", error.message)
        else:
            messages.success(request, "Webhook URL saved." if account.webhook_url else "Webhook URL removed.")
            return redirect("/account/#webhooks")
    context = _account_context(request, account)
    context["webhook_form"] = form
    return render_author_page(request, "web/account/account.html", context, status=400)


@login_required
@require_POST
def webhook_secret_reveal(request: HttpRequest) -> HttpResponse:
    # A POST, so the secret never lands in a URL, the browser history or a cache.
    account = author_account(request)
    context = _account_context(request, account)
    context["revealed_secret"] = account.webhook_secret
    return render_author_page(request, "web/account/account.html", context)


@login_required
@require_POST
def webhook_secret_rotate(request: HttpRequest) -> HttpResponse:
    account = author_account(request)
    services.webhook_secret_rotate(account=account)
    # Redirect, so reloading the page cannot rotate again; the next page shows the new secret once.
    # (Only a flag goes into the session, never the secret.)
    request.session[REVEAL_SECRET_ONCE] = True
    return redirect("/account/#webhooks")
