"""Author web app: the developer page (API keys, the webhook with its delivery log and a test event,
the signature example) and its confirmation pages for revoking a key and rotating the secret.

Views only check shape and call billing.services / covers.deliveries, like the API does.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from billing import selectors as billing_selectors
from billing import services
from billing.models import Account
from billing.webhook_targets import WebhookTargetRefused, WebhookTargetUnresolved, webhook_target_resolve
from byc_site.errors import ApplicationError
from covers import deliveries
from covers import selectors as cover_selectors
from covers.models import WebhookDelivery
from covers.webhooks import SIGNATURE_HEADER
from web.forms.account import ApiKeyCreateForm, WebhookUrlForm
from web.views.account import author_account, render_author_page

REVEAL_SECRET_ONCE = "billing.reveal_webhook_secret"
DELIVERY_ROWS = 15
DEVELOPER_PAGE = "web/account/developer.html"
CONFIRM_PAGE = "web/account/confirm.html"


def webhook_warning(account: Account, recent: list[WebhookDelivery]) -> str:
    """Why deliveries to the account's URL would not arrive, as far as we can see it: the URL is
    refused by the delivery guard (e.g. it resolves to a loopback or private address), or the newest
    delivery to it failed. "" when nothing is known to be wrong."""
    if not account.webhook_url:
        return ""
    try:
        webhook_target_resolve(account.webhook_url)
    except WebhookTargetRefused as refused:
        return f"Deliveries to this URL will fail: {refused}"
    except WebhookTargetUnresolved as unresolved:
        return f"Deliveries to this URL cannot arrive while its name does not resolve: {unresolved}"
    newest = next((d for d in recent if d.url == account.webhook_url), None)
    if newest is not None and newest.last_error and newest.status != WebhookDelivery.DELIVERED:
        state = "gave up" if newest.status == WebhookDelivery.GAVE_UP else "is being retried"
        return f"The latest delivery to this URL failed and {state}: {newest.last_error}"
    return ""


def _developer_context(request: HttpRequest, account: Account) -> dict:
    recent = cover_selectors.webhook_deliveries_recent(account=account, limit=DELIVERY_ROWS)
    return {
        "account": account,
        "api_keys": list(account.api_keys.all()),
        "deliveries": recent,
        "webhook_warning": webhook_warning(account, recent),
        "key_form": ApiKeyCreateForm(),
        "webhook_form": WebhookUrlForm(initial={"webhook_url": account.webhook_url}),
        "public_url": request.build_absolute_uri("/").rstrip("/"),
        "signature_header": SIGNATURE_HEADER,
    }


@login_required
def developer_page(request: HttpRequest) -> HttpResponse:
    account = author_account(request)
    context = _developer_context(request, account)
    if request.session.pop(REVEAL_SECRET_ONCE, False):
        context["revealed_secret"] = account.webhook_secret
        context["secret_rotated"] = True
    return render_author_page(request, DEVELOPER_PAGE, context, account=account)


@login_required
@require_POST
def api_key_create(request: HttpRequest) -> HttpResponse:
    account = author_account(request)
    form = ApiKeyCreateForm(request.POST)
    context = _developer_context(request, account)
    if form.is_valid():
        try:
            api_key, raw_key = services.api_key_create(account=account, name=form.cleaned_data["name"])
        except ApplicationError as error:
            form.add_error("name", error.message)
        else:
            # The raw key exists only in this response: it is never stored and cannot be shown again.
            context["api_keys"] = list(account.api_keys.all())
            context["new_key"] = {"name": api_key.name, "raw": raw_key}
            return render_author_page(request, DEVELOPER_PAGE, context, account=account)
    context["key_form"] = form
    return render_author_page(request, DEVELOPER_PAGE, context, account=account, status=400)


def _confirm(request: HttpRequest, account: Account, **context) -> HttpResponse:
    """A page of its own that asks before a change that cannot be undone; its form POSTs to itself."""
    return render_author_page(request, CONFIRM_PAGE, {"cancel_url": "/account/developer/", **context}, account=account)


@login_required
def api_key_revoke(request: HttpRequest, key_id: int) -> HttpResponse:
    """GET: the confirmation page. POST: revoke."""
    account = author_account(request)
    if request.method != "POST":
        api_key = billing_selectors.api_key_active_for_account(account=account, api_key_id=key_id)
        if api_key is None:
            raise Http404("No such active key.")
        return _confirm(
            request,
            account,
            title=f"Revoke the key “{api_key.name}”?",
            lines=[
                f"Requests sent with {api_key.prefix}… will be refused at once with 401.",
                "A revoked key cannot be restored; make a new one if you need it again.",
            ],
            button="Revoke the key",
        )
    try:
        api_key = services.api_key_revoke(account=account, api_key_id=key_id, revoked_by=request.user)
    except ApplicationError as error:
        if error.status == 404:
            raise Http404(error.message) from None
        raise
    messages.success(request, f"The key “{api_key.name}” is revoked; requests using it are now refused.")
    return redirect("/account/developer/#api-keys")


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
            return redirect("/account/developer/#webhooks")
    context = _developer_context(request, account)
    context["webhook_form"] = form
    return render_author_page(request, DEVELOPER_PAGE, context, account=account, status=400)


@login_required
@require_POST
def webhook_secret_reveal(request: HttpRequest) -> HttpResponse:
    # A POST, so the secret never lands in a URL, the browser history or a cache.
    account = author_account(request)
    context = _developer_context(request, account)
    context["revealed_secret"] = account.webhook_secret
    return render_author_page(request, DEVELOPER_PAGE, context, account=account)


@login_required
def webhook_secret_rotate(request: HttpRequest) -> HttpResponse:
    """GET: the confirmation page. POST: rotate."""
    account = author_account(request)
    if request.method != "POST":
        return _confirm(
            request,
            account,
            title="Rotate the webhook signing secret?",
            lines=[
                "A new secret signs every delivery from now on; the old one stops working at once.",
                "Your receiver will reject our deliveries until it has the new secret, shown once on the next page.",
            ],
            button="Rotate the secret",
        )
    services.webhook_secret_rotate(account=account)
    # Redirect, so reloading the page cannot rotate again; the next page shows the new secret once.
    # (Only a flag goes into the session, never the secret.)
    request.session[REVEAL_SECRET_ONCE] = True
    return redirect("/account/developer/#webhooks")


@login_required
@require_POST
def webhook_test(request: HttpRequest) -> HttpResponse:
    """Send a signed test event through the ordinary delivery (its result shows in the log)."""
    account = author_account(request)
    try:
        deliveries.webhook_test_send(account=account)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Test event sent. Its delivery appears in the log below; reload to see the result.")
    return redirect("/account/developer/#deliveries")
