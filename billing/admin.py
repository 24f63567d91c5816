"""Staff views of plans, accounts, keys, the ledger and the accounts' history.

Accounts, keys, the ledger and the history are read-only here: staff change them only through
the actions, which ask for a reason on a confirmation page and call the same services as every
other door (so every change is an attributed ledger line or history line).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html

from billing import credit_requests, services
from billing.models import (
    Account,
    AccountEvent,
    ApiKey,
    CreditEntry,
    CreditRequest,
    IdempotencyRecord,
    Invite,
    Plan,
)
from byc_site.admin_actions import ReasonForm, bound_form, confirmation_page
from byc_site.errors import ApplicationError


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "monthly_credits", "max_concurrent_jobs", "price_usd", "account_count"]
    readonly_fields = ["code"]

    @admin.display(description="accounts")
    def account_count(self, plan: Plan) -> int:
        return plan.accounts.count()

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class GrantOverageForm(forms.Form):
    amount = forms.IntegerField(min_value=1, max_value=1_000_000, help_text="Overage credits to add to each account.")
    memo = forms.CharField(max_length=300, help_text="Why (shown in the ledger).")


class AdjustCreditsForm(forms.Form):
    pool = forms.ChoiceField(choices=CreditEntry.POOL_CHOICES)
    amount = forms.IntegerField(help_text="Credits to add (positive) or remove (negative).")
    memo = forms.CharField(max_length=300, help_text="Why (shown in the ledger).")


class ChangePlanForm(ReasonForm):
    plan = forms.ModelChoiceField(queryset=Plan.objects.all(), empty_label=None)


class PeriodForm(ReasonForm):
    period_start = forms.SplitDateTimeField(label="Period starts (UTC)")
    period_end = forms.SplitDateTimeField(label="Period ends (UTC)")


class AccountEventInline(admin.TabularInline):
    model = AccountEvent
    fields = ["created_at", "kind", "detail", "reason", "created_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class ApiKeyInline(admin.TabularInline):
    model = ApiKey
    fields = ["name", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ["email", "plan", "is_active", "monthly_credits", "overage_credits", "period_end", "created_at"]
    list_filter = ["plan", "is_active"]
    search_fields = ["user__email", "user__username", "webhook_url"]
    list_select_related = ["user", "plan"]
    # Everything that decides what the account may do changes through an action (and its service).
    readonly_fields = [
        "user",
        "plan",
        "is_active",
        "period_start",
        "period_end",
        "webhook_url",
        "webhook_secret",
        "created_at",
        "monthly_credits",
        "overage_credits",
        "ledger",
    ]
    fields = [
        "user",
        "plan",
        "is_active",
        "period_start",
        "period_end",
        "monthly_credits",
        "overage_credits",
        "ledger",
        "webhook_url",
        "webhook_secret",
        "created_at",
    ]
    inlines = [ApiKeyInline, AccountEventInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = [
        "grant_overage",
        "adjust_credits",
        "change_plan",
        "change_period",
        "activate_subscription",
        "deactivate_subscription",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # accounts are made by sign-up or `manage.py create_account`, which grant credits

    @admin.display(ordering="user__email")
    def email(self, account: Account) -> str:
        return account.user.email

    @admin.display(description="credit ledger")
    def ledger(self, account: Account) -> str:
        url = reverse("admin:billing_creditentry_changelist") + f"?account__id__exact={account.pk}"
        return format_html('<a href="{}">{} entries</a>', url, account.credit_entries.count())

    @admin.display(description="monthly")
    def monthly_credits(self, account: Account) -> int:
        return services.credits_balance(account=account).monthly

    @admin.display(description="overage")
    def overage_credits(self, account: Account) -> int:
        return services.credits_balance(account=account).overage

    @admin.action(description="Grant overage credits")
    def grant_overage(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        form = bound_form(request, GrantOverageForm)
        if not form.is_valid():
            return confirmation_page(self, request, queryset, form, "Grant overage credits", "grant_overage")
        for account in queryset:
            services.credits_grant_overage(
                account=account,
                amount=form.cleaned_data["amount"],
                memo=form.cleaned_data["memo"],
                granted_by=request.user,
            )
        self.message_user(
            request, f"Granted {form.cleaned_data['amount']} overage credits to {queryset.count()} account(s)."
        )
        return None

    @admin.action(description="Adjust credits (staff correction)")
    def adjust_credits(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        form = bound_form(request, AdjustCreditsForm)
        if not form.is_valid():
            return confirmation_page(self, request, queryset, form, "Adjust credits", "adjust_credits")
        for account in queryset:
            try:
                services.credits_adjust(
                    account=account,
                    pool=form.cleaned_data["pool"],
                    amount=form.cleaned_data["amount"],
                    memo=form.cleaned_data["memo"],
                    adjusted_by=request.user,
                )
            except ApplicationError as error:
                self.message_user(request, f"{account}: {error.message}", level=messages.ERROR)
        return None

    def _set_active(self, request: HttpRequest, queryset: QuerySet, *, is_active: bool) -> HttpResponse | None:
        action, title = (
            ("activate_subscription", "Start the subscription")
            if is_active
            else (
                "deactivate_subscription",
                "Stop the subscription",
            )
        )
        form = bound_form(request, ReasonForm)
        if not form.is_valid():
            return confirmation_page(self, request, queryset, form, title, action)
        for account in queryset:
            services.account_set_active(
                account=account, is_active=is_active, changed_by=request.user, reason=form.cleaned_data["reason"]
            )
        self.message_user(request, f"{title}: done for {queryset.count()} account(s).")
        return None

    @admin.action(description="Start the subscription (a new period with the plan's credits)")
    def activate_subscription(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        return self._set_active(request, queryset, is_active=True)

    @admin.action(description="Stop the subscription (API keys get 403, nothing can be charged)")
    def deactivate_subscription(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        return self._set_active(request, queryset, is_active=False)

    @admin.action(description="Change plan")
    def change_plan(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        form = bound_form(request, ChangePlanForm)
        if not form.is_valid():
            return confirmation_page(self, request, queryset, form, "Change plan", "change_plan")
        plan = form.cleaned_data["plan"]
        for account in queryset:
            services.account_change_plan(
                account=account, plan_code=plan.code, changed_by=request.user, reason=form.cleaned_data["reason"]
            )
        self.message_user(request, f"Moved {queryset.count()} account(s) to the {plan.name} plan.")
        return None

    @admin.action(description="Change the billing period")
    def change_period(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        form = bound_form(request, PeriodForm)
        if not form.is_valid():
            return confirmation_page(self, request, queryset, form, "Change the billing period", "change_period")
        for account in queryset:
            try:
                services.account_period_set(
                    account=account,
                    period_start=form.cleaned_data["period_start"],
                    period_end=form.cleaned_data["period_end"],
                    changed_by=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ApplicationError as error:
                self.message_user(request, f"{account}: {error.message}", level=messages.ERROR)
                return None
        self.message_user(request, f"Moved the billing period of {queryset.count()} account(s).")
        return None


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "account", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix", "account__user__email"]
    list_select_related = ["account__user"]
    readonly_fields = ["account", "name", "prefix", "hash", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Revoke selected keys")
    def revoke(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        form = bound_form(request, ReasonForm)
        if not form.is_valid():
            return confirmation_page(self, request, queryset, form, "Revoke keys", "revoke")
        for api_key in queryset.select_related("account"):
            services.api_key_revoke(
                account=api_key.account,
                api_key_id=api_key.pk,
                revoked_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        self.message_user(request, f"Revoked {queryset.count()} key(s).")
        return None


class InviteForm(forms.ModelForm):
    class Meta:
        model = Invite
        fields = ["email", "note"]


@admin.register(Invite)
class InviteAdmin(admin.ModelAdmin):
    """Invitations for sign-up by invitation (BYC_SIGNUP=invite): staff add one and send its link."""

    form = InviteForm
    list_display = ["email_or_anyone", "note", "created_at", "created_by", "used_at", "used_by"]
    list_filter = [("used_at", admin.EmptyFieldListFilter)]
    search_fields = ["email", "note", "used_by__user__email"]
    readonly_fields = ["signup_link", "created_at", "created_by", "used_at", "used_by"]

    @admin.display(description="for")
    def email_or_anyone(self, invite: Invite) -> str:
        return invite.email or "anyone with the link"

    @admin.display(description="sign-up link")
    def signup_link(self, invite: Invite) -> str:
        return f"{settings.PUBLIC_URL}{reverse('signup')}?invite={invite.code}" if invite.code else "-"

    def get_readonly_fields(self, request: HttpRequest, obj: Invite | None = None) -> list[str]:
        # An invitation is made once; afterwards only its link is shown.
        return [*self.readonly_fields, "email", "note"] if obj else []

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # made once (through the service), then only shown

    def save_model(self, request: HttpRequest, obj: Invite, form: forms.ModelForm, change: bool) -> None:
        invite = services.invite_create(
            email=form.cleaned_data["email"], note=form.cleaned_data["note"], created_by=request.user
        )
        obj.pk, obj.code = invite.pk, invite.code

    def response_add(self, request: HttpRequest, obj: Invite, post_url_continue: str | None = None) -> HttpResponse:
        self.message_user(request, f"Invitation made. Send this link: {self.signup_link(obj)}", messages.SUCCESS)
        return super().response_add(request, obj, post_url_continue)


@admin.register(CreditEntry)
class CreditEntryAdmin(ReadOnlyAdmin):
    list_display = [
        "created_at",
        "account",
        "pool",
        "kind",
        "amount",
        "balance_after",
        "reference",
        "memo",
        "created_by",
    ]
    list_filter = ["pool", "kind", "created_at"]
    search_fields = ["account__user__email", "reference", "memo"]
    list_select_related = ["account__user", "created_by"]
    date_hierarchy = "created_at"


@admin.register(IdempotencyRecord)
class IdempotencyRecordAdmin(ReadOnlyAdmin):
    list_display = ["key", "account", "status_code", "created_at", "completed_at"]
    list_filter = ["status_code"]
    search_fields = ["key", "account__user__email"]
    list_select_related = ["account__user"]


@admin.register(AccountEvent)
class AccountEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "account", "kind", "detail", "reason", "created_by"]
    list_filter = ["kind", "created_at"]
    search_fields = ["account__user__email", "detail", "reason"]
    list_select_related = ["account__user", "created_by"]


class GrantRequestForm(ReasonForm):
    amount = forms.IntegerField(
        min_value=1, max_value=1_000_000, required=False, help_text="Leave empty to grant what each author asked for."
    )


@admin.register(CreditRequest)
class CreditRequestAdmin(ReadOnlyAdmin):
    """Authors' requests for credits (web app, account page). Staff answer them with the actions."""

    list_display = ["created_at", "account", "amount", "short_message", "status", "granted_amount", "decided_by"]
    list_filter = ["status", "created_at"]
    search_fields = ["account__user__email", "message", "decision_reason"]
    list_select_related = ["account__user", "decided_by"]
    actions = ["grant", "decline"]

    @admin.display(description="message")
    def short_message(self, credit_request: CreditRequest) -> str:
        text = credit_request.message
        return text if len(text) <= 80 else text[:79] + "…"

    def _decide(self, request: HttpRequest, queryset: QuerySet, decide, form_class, title: str, action: str):
        form = bound_form(request, form_class)
        if not form.is_valid():
            return confirmation_page(self, request, queryset, form, title, action)
        done = 0
        for credit_request in queryset:
            try:
                decide(credit_request, form.cleaned_data)
                done += 1
            except ApplicationError as error:
                self.message_user(request, f"Request #{credit_request.pk}: {error.message}", level=messages.ERROR)
        if done:
            self.message_user(request, f"{title}: done for {done} request(s).")
        return None

    @admin.action(description="Grant the selected requests (as overage credits)")
    def grant(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        return self._decide(
            request,
            queryset,
            lambda credit_request, data: credit_requests.credit_request_grant(
                request_id=credit_request.pk, amount=data["amount"], reason=data["reason"], decided_by=request.user
            ),
            GrantRequestForm,
            "Grant credit requests",
            "grant",
        )

    @admin.action(description="Decline the selected requests")
    def decline(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        return self._decide(
            request,
            queryset,
            lambda credit_request, data: credit_requests.credit_request_decline(
                request_id=credit_request.pk, reason=data["reason"], decided_by=request.user
            ),
            ReasonForm,
            "Decline credit requests",
            "decline",
        )
