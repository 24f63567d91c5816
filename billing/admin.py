"""Staff views of plans, accounts, keys and the ledger.

The ledger is read-only here: staff change credits only through the actions, which call the
same services as everything else (so every change is a new, attributed ledger line).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from billing import services
from billing.models import Account, ApiKey, CreditEntry, IdempotencyRecord, Plan
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


class ChangePlanForm(forms.Form):
    plan = forms.ModelChoiceField(queryset=Plan.objects.all(), empty_label=None)


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
    readonly_fields = ["user", "webhook_secret", "created_at", "monthly_credits", "overage_credits", "ledger"]
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
    inlines = [ApiKeyInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ["grant_overage", "adjust_credits", "change_plan", "activate_subscription", "deactivate_subscription"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # accounts are made by sign-up or `manage.py create_account`, which grant credits

    def get_readonly_fields(self, request: HttpRequest, obj: Account | None = None) -> list[str]:
        # The plan changes through the action, which goes through the service.
        return [*self.readonly_fields, "plan"] if obj else self.readonly_fields

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

    def _form_page(
        self, request: HttpRequest, queryset: QuerySet, form: forms.Form, title: str, action: str
    ) -> HttpResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "form": form,
            "accounts": queryset,
            "action": action,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/billing/account/action_form.html", context)

    @admin.action(description="Grant overage credits")
    def grant_overage(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        form = GrantOverageForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return self._form_page(request, queryset, form, "Grant overage credits", "grant_overage")
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
        form = AdjustCreditsForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return self._form_page(request, queryset, form, "Adjust credits", "adjust_credits")
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

    @admin.action(description="Activate subscription")
    def activate_subscription(self, request: HttpRequest, queryset: QuerySet) -> None:
        for account in queryset:
            services.account_set_active(account=account, is_active=True)
        self.message_user(request, f"Activated {queryset.count()} account(s).")

    @admin.action(description="Deactivate subscription (API keys get 403)")
    def deactivate_subscription(self, request: HttpRequest, queryset: QuerySet) -> None:
        for account in queryset:
            services.account_set_active(account=account, is_active=False)
        self.message_user(request, f"Deactivated {queryset.count()} account(s).")

    @admin.action(description="Change plan")
    def change_plan(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        form = ChangePlanForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return self._form_page(request, queryset, form, "Change plan", "change_plan")
        plan = form.cleaned_data["plan"]
        for account in queryset:
            try:
                services.account_change_plan(account=account, plan_code=plan.code, changed_by=request.user)
            except ApplicationError as error:
                self.message_user(request, error.message, level=messages.ERROR)
                return None
        self.message_user(request, f"Moved {queryset.count()} account(s) to the {plan.name} plan.")
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
    def revoke(self, request: HttpRequest, queryset: QuerySet) -> None:
        updated = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"Revoked {updated} key(s).")


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
