"""Staff views of covers, jobs, templates and webhook deliveries.

Actions call the services; the ones that move credits (retry, refund, fail now) first ask for a
reason on a confirmation page, and the reason lands on the ledger line.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from byc_site.admin_actions import ReasonForm, bound_form, confirmation_page
from byc_site.errors import ApplicationError
from covers import deliveries, services
from covers.models import Cover, CoverAsset, Job, JobUnit, Template, WebhookAttempt, WebhookDelivery
from covers.representations import asset_signed_url


@admin.register(Template)
class TemplateAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "family", "template_type", "enabled", "in_engine", "preview"]
    list_filter = ["enabled", "in_engine", "family", "template_type"]
    search_fields = ["id", "name", "family"]
    readonly_fields = ["id", "name", "family", "template_type", "genre_buckets", "genres", "in_engine", "synced_at"]
    actions = ["enable", "disable"]

    @admin.display(description="Preview")
    def preview(self, template: Template) -> str:
        url = reverse("api:template-preview", kwargs={"template_id": template.id})
        return format_html('<img src="{}" alt="" style="height:80px" loading="lazy">', url)

    @admin.action(description="Enable the selected templates")
    def enable(self, request: HttpRequest, queryset: QuerySet[Template]) -> None:
        count = services.templates_set_enabled(template_ids=list(queryset.values_list("pk", flat=True)), enabled=True)
        self.message_user(request, f"{count} template(s) enabled.")

    @admin.action(description="Disable the selected templates")
    def disable(self, request: HttpRequest, queryset: QuerySet[Template]) -> None:
        count = services.templates_set_enabled(template_ids=list(queryset.values_list("pk", flat=True)), enabled=False)
        self.message_user(request, f"{count} template(s) disabled.")


def _thumbnail(asset: CoverAsset | None, height: int = 120) -> str:
    if asset is None:
        return "-"
    return format_html(
        '<a href="{0}" target="_blank"><img src="{0}" alt="" style="height:{1}px" loading="lazy"></a>',
        asset_signed_url(asset).url,
        height,
    )


class CoverAssetInline(admin.TabularInline):
    model = CoverAsset
    extra = 0
    can_delete = False
    fields = ["asset_type", "width", "height", "size_bytes", "checksum", "created_at", "image"]
    readonly_fields = fields

    @admin.display(description="Image")
    def image(self, asset: CoverAsset) -> str:
        return _thumbnail(asset, 80)

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Cover)
class CoverAdmin(admin.ModelAdmin):
    list_display = ["id", "thumbnail", "book", "account", "template", "operation", "source_cover", "created_at"]
    list_filter = ["operation", "template"]
    search_fields = ["id", "book__title", "account__user__email"]
    list_select_related = ["book", "account__user", "template"]
    readonly_fields = [
        "id",
        "account",
        "book",
        "template",
        "operation",
        "source_cover",
        "lineage",
        "edit_prompt",
        "edits_understood",
        "design",
        "job",
        "job_position",
        "recipe",
        "created_at",
        "thumbnail",
    ]
    inlines = [CoverAssetInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Cover]:
        return super().get_queryset(request).prefetch_related("assets")

    @admin.display(description="Preview")
    def thumbnail(self, cover: Cover) -> str:
        return _thumbnail(next((a for a in cover.assets.all() if a.asset_type == "preview"), None))

    @admin.display(description="Lineage (oldest first)")
    def lineage(self, cover: Cover) -> str:
        chain = []
        current: Cover | None = cover
        while current is not None and len(chain) < 50:
            chain.append(current)
            current = current.source_cover
        chain.reverse()
        return format_html_join(
            " → ",
            '<a href="{}">{} ({})</a>',
            ((reverse("admin:covers_cover_change", args=[c.pk]), str(c.pk)[:8], c.operation) for c in chain),
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class JobUnitInline(admin.TabularInline):
    """Who rendered each cover of the job, when, and how it ended (read-only)."""

    model = JobUnit
    extra = 0
    max_num = 0  # rows are written by the workers only
    can_delete = False
    fields = ["position", "worker", "claimed_at", "finished_at", "outcome"]
    readonly_fields = fields


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    inlines = [JobUnitInline]
    list_display = [
        "id",
        "account",
        "operation",
        "status",
        "count",
        "credits_used",
        "credits_refunded",
        "error_code",
        "created_at",
        "completed_at",
    ]
    list_filter = ["status", "operation", "error_code", "account"]
    search_fields = ["id", "external_ref", "account__user__email", "book__title"]
    list_select_related = ["account__user"]
    readonly_fields = [f.name for f in Job._meta.fields]
    actions = ["retry_failed", "refund", "fail_now"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Retry the selected failed jobs (as new, charged jobs)")
    def retry_failed(self, request: HttpRequest, queryset: QuerySet[Job]) -> HttpResponse | None:
        form = bound_form(request, ReasonForm)
        if not form.is_valid():
            return confirmation_page(self, request, queryset, form, "Retry failed jobs", "retry_failed")
        for job in queryset:
            try:
                new_job = services.job_retry(job_id=job.pk, retried_by=request.user, reason=form.cleaned_data["reason"])
            except ApplicationError as exc:
                self.message_user(request, f"Job {job.pk}: {exc.message}", messages.WARNING)
            else:
                self.message_user(request, f"Job {job.pk} retried as {new_job.pk}.")
        return None

    @admin.action(description="Refund the credits the selected finished jobs still hold")
    def refund(self, request: HttpRequest, queryset: QuerySet[Job]) -> HttpResponse | None:
        form = bound_form(request, ReasonForm)
        if not form.is_valid():
            return confirmation_page(self, request, queryset, form, "Refund jobs", "refund")
        memo = f"staff refund by {request.user}: {form.cleaned_data['reason']}"
        for job in queryset:
            try:
                amount = services.job_refund(job_id=job.pk, memo=memo)
            except ApplicationError as exc:
                self.message_user(request, f"Job {job.pk}: {exc.message}", messages.WARNING)
            else:
                self.message_user(request, f"Job {job.pk}: {amount} credit(s) refunded.")
        return None

    @admin.action(description="Fail the selected unfinished jobs now (refunds what was not delivered)")
    def fail_now(self, request: HttpRequest, queryset: QuerySet[Job]) -> HttpResponse | None:
        form = bound_form(request, ReasonForm)
        if not form.is_valid():
            return confirmation_page(self, request, queryset, form, "Fail jobs now", "fail_now")
        failed = 0
        for job in queryset:
            # The message reaches the client; the reason stays in the job's admin history.
            if services.job_fail(
                job_id=job.pk, code="cancelled_by_staff", message="Cancelled by staff; unused credits were refunded."
            ):
                failed += 1
                self.log_change(request, job, f"Failed by staff: {form.cleaned_data['reason']}")
        self.message_user(request, f"{failed} job(s) failed and refunded.")
        return None


class WebhookAttemptInline(admin.TabularInline):
    model = WebhookAttempt
    extra = 0
    can_delete = False
    fields = ["number", "attempted_at", "status_code", "error", "response_excerpt", "duration_ms", "next_retry_at"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["id", "job", "event", "url", "status", "attempts", "last_status_code", "next_attempt_at"]
    list_filter = ["status", "event"]
    search_fields = ["url", "job__id"]
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields] + ["attempt_summary"]
    inlines = [WebhookAttemptInline]
    actions = ["redeliver"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="Attempts")
    def attempt_summary(self, delivery: WebhookDelivery) -> str:
        return format_html_join(
            "<br>",
            "#{}: {} {}",
            ((a.number, a.status_code or "-", a.error) for a in delivery.attempt_log.all()),
        )

    @admin.action(description="Redeliver the selected events now")
    def redeliver(self, request: HttpRequest, queryset: QuerySet[WebhookDelivery]) -> None:
        for delivery in queryset:
            deliveries.webhook_redeliver(delivery=delivery)
        self.message_user(request, f"{queryset.count()} event(s) queued for redelivery.")
