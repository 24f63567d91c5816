"""Author web app: sign-up and the author's account page (plan, credits, the ledger in words,
recent jobs, asking staff for credits). Developer tools (keys, webhooks) are in `developer`.

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
from billing.credit_requests import credit_request_create
from billing.models import Account, CreditRequest
from books.models import Book
from books.selectors import book_get_for_account
from byc_site.errors import ApplicationError
from byc_site.logcontext import log_context_add
from byc_site.throttling import client_address, rate_limit_hit
from covers import selectors as cover_selectors
from covers import specs as cover_specs
from covers.models import Job
from web.emails import signup_confirmation_send
from web.forms.account import CreditRequestForm, SignupForm
from web.ledger import LedgerLine, ledger_line

LEDGER_ROWS = 30
JOB_ROWS = 15
CREDIT_REQUEST_ROWS = 5


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


def _ledger_lines(account: Account) -> list[LedgerLine]:
    """The latest ledger lines in words, each with the job it paid for (one query for all the jobs)."""
    entries = billing_selectors.credit_entries_recent(account=account, limit=LEDGER_ROWS)
    job_ids = set()
    for entry in entries:
        if entry.reference.startswith("job:"):
            try:
                job_ids.add(uuid.UUID(entry.reference[4:]))
            except ValueError:
                pass
    jobs = cover_selectors.jobs_by_id(account=account, job_ids=job_ids)
    return [ledger_line(entry, jobs) for entry in entries]


def _account_context(account: Account, *, credit_form: CreditRequestForm | None = None) -> dict:
    credit_requests = billing_selectors.credit_requests_recent(account=account, limit=CREDIT_REQUEST_ROWS)
    return {
        "account": account,
        "balance": services.credits_balance(account=account),
        "ledger": _ledger_lines(account),
        "jobs": cover_selectors.jobs_recent(account=account, limit=JOB_ROWS),
        "credit_form": credit_form or CreditRequestForm(),
        "credit_requests": credit_requests,
        "request_open": any(r.status == CreditRequest.OPEN for r in credit_requests),
        "cover_price": cover_specs.credit_words(Job.OP_GENERATE),
    }


@login_required
def account_page(request: HttpRequest) -> HttpResponse:
    """The author's page: plan, credits, the ledger in words, recent jobs, asking for credits."""
    account = author_account(request)
    return render_author_page(request, "web/account/account.html", _account_context(account))


@login_required
@require_POST
def credit_request(request: HttpRequest) -> HttpResponse:
    """Ask the service's staff for credits; they see the request in the admin and grant or decline it."""
    account = author_account(request)
    form = CreditRequestForm(request.POST)
    if form.is_valid():
        try:
            credit_request_create(
                account=account, amount=form.cleaned_data["amount"], message=form.cleaned_data["message"]
            )
        except ApplicationError as error:
            form.add_error("amount" if error.field == "amount" else None, error.message)
        else:
            messages.success(request, "Request sent. Staff will answer it here, and credits they grant appear at once.")
            return redirect("/account/#credits")
    context = _account_context(account, credit_form=form)
    return render_author_page(request, "web/account/account.html", context, status=400)
