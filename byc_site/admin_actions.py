"""Staff actions in the admin: a confirmation page with a form (and always a reason) before a service runs.

@admin.action(description="Revoke the selected keys")
def revoke(self, request, queryset):
    form = confirmed(request, ReasonForm)
    if form is None or not form.is_valid():
        return confirmation_page(self, request, queryset, form, "Revoke keys", "revoke")
    ...call the service with form.cleaned_data["reason"]...
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=300, help_text="Why (kept in the account's history or ledger).")


def bound_form(request: HttpRequest, form_class: type[forms.Form]) -> forms.Form:
    """The action's form: bound once staff pressed Apply on the confirmation page, else empty."""
    return form_class(request.POST if "apply" in request.POST else None)


def confirmation_page(
    model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet, form: forms.Form, title: str, action: str
) -> HttpResponse:
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "form": form,
        "objects": list(queryset),
        "action": action,
        "opts": model_admin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/action_confirm.html", context)


class DeletedFilter(admin.SimpleListFilter):
    """Soft-deleted rows (a `deleted_at` column): live ones, deleted ones, or all. Lists show all by default,
    so staff find what an author deleted."""

    title = "deleted"
    parameter_name = "deleted"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("no", "Not deleted"), ("yes", "Deleted (restorable)")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "no":
            return queryset.filter(deleted_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(deleted_at__isnull=False)
        return queryset
