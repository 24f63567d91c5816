"""Author web app: sign-up and the author's account page (plan, credits, the ledger in words,
recent jobs, asking staff for credits). Developer tools (keys, webhooks) are in `developer`.

Views only check shape and call billing.services, exactly like the API does.
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from billing import selectors as billing_selectors
from billing import services
from billing.credit_requests import credit_request_create
from billing.models import Account, CreditRequest
from books.models import Book
from books.selectors import book_get_for_account
from byc_site.errors import ApplicationError
from covers import selectors as cover_selectors
from covers import specs as cover_specs
from covers.models import Job
from web.forms.account import CreditRequestForm, SignupForm
from web.ledger import LedgerLine, ledger_line

LEDGER_ROWS = 30
JOB_ROWS = 15
CREDIT_REQUEST_ROWS = 5


def author_account(request: HttpRequest) -> Account:
    """The logged-in author's account; users without one (e.g. bare staff users) get a 404 page."""
    try:
        return services.account_for_user(user=request.user)
    except ApplicationError:
        raise Http404("This user has no author account.") from None


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


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("library")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account = services.account_create(email=form.cleaned_data["email"], password=form.cleaned_data["password1"])
        except ApplicationError as error:
            form.add_error("email", error.message)
        else:
            login(request, account.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                f"Welcome! Your {account.plan.name} plan comes with {account.plan.monthly_credits} credits this month. "
                "Start by telling us about your book.",
            )
            return redirect("book_create")
    context = {
        "form": form,
        "plan": billing_selectors.plan_for_signup(),
        "cover_price": cover_specs.credit_words(Job.OP_GENERATE),
    }
    return render(request, "registration/signup.html", context)


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
