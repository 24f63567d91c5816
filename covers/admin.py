"""Staff views of covers, jobs, batches, templates and webhook deliveries.

Actions call the services; the ones that move credits (retry, refund, fail now) first ask for a
reason on a confirmation page, and the reason lands on the ledger line.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from byc_site.admin_actions import DeletedFilter, ReasonForm, bound_form, confirmation_page
from byc_site.errors import ApplicationError
from byc_site.openapi import JOB_ERROR_CODES, RETRYABLE_JOB_ERRORS
from covers import deliveries, services
from covers.models import (
    ASSET_PREVIEW,
    AccountArtProvider,
    ArtCall,
    Batch,
    BatchRow,
    Cover,
    CoverAsset,
    Job,
    JobUnit,
    Template,
    WebhookAttempt,
    WebhookDelivery,
)
from covers.representations import asset_signed_url
from covers.services.thumbs import THUMB_SMALL, thumbnail_name
from covers.storage import signed_file_url


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
    """A small image of an asset linking to the full file. Lists show the page thumbnail the worker
    stores with each preview (a JPEG of a few kB), not the multi-megabyte PNG."""
    if asset is None:
        return "-"
    full = asset_signed_url(asset).url
    small = full
    if asset.asset_type == ASSET_PREVIEW and height <= 120:
        small = signed_file_url(
            name=thumbnail_name(checksum=asset.checksum, width=THUMB_SMALL), content_type="image/jpeg"
        ).url
    return format_html(
        '<a href="{0}" target="_blank"><img src="{1}" alt="" style="height:{2}px" loading="lazy"></a>',
        full,
        small,
        height,
    )


def _preview_of(cover: Cover | None) -> CoverAsset | None:
    """The cover's preview among its prefetched assets."""
    if cover is None:
        return None
    return next((a for a in cover.assets.all() if a.asset_type == ASSET_PREVIEW), None)


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
    list_display = ["thumbnail", "book", "account", "template", "operation", "created_at", "deleted_at"]
    list_filter = [DeletedFilter, "operation", "template"]
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
        "deleted_at",
        "thumbnail",
    ]
    inlines = [CoverAssetInline]
    actions = ["restore"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Cover]:
        return super().get_queryset(request).prefetch_related("assets")

    @admin.display(description="Preview")
    def thumbnail(self, cover: Cover) -> str:
        return _thumbnail(_preview_of(cover), 60)

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

    @admin.action(description="Restore the selected deleted covers")
    def restore(self, request: HttpRequest, queryset: QuerySet[Cover]) -> None:
        restored = 0
        for cover in queryset:
            if services.cover_restore(cover_id=cover.pk):
                restored += 1
                self.log_change(request, cover, "Restored")
                if cover.book.deleted_at is not None:
                    self.message_user(
                        request,
                        f"The book of cover {cover.pk} is deleted too: restore it to show the cover.",
                        messages.WARNING,
                    )
        self.message_user(request, f"{restored} cover(s) restored.")


class ArtCallInline(admin.TabularInline):
    """The image model's calls for this job: outcome (a fallback to our painters shows here), latency, cost."""

    model = ArtCall
    extra = 0
    can_delete = False
    fields = ["provider", "model", "operation", "outcome", "latency_ms", "calls", "cost", "error", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
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
    inlines = [JobUnitInline, ArtCallInline]
    list_display = [
        "short_id",
        "thumbnail",
        "book_title",
        "account",
        "operation",
        "prompt",
        "status",
        "credits_used",
        "error_code",
        "created_at",
    ]
    list_filter = ["status", "operation", "error_code", "account"]
    search_fields = ["id", "external_ref", "account__user__email", "book__title"]
    list_select_related = ["account__user", "book", "source_cover"]
    readonly_fields = [f.name for f in Job._meta.fields] + ["made", "failure"]
    actions = ["retry_failed", "refund", "fail_now"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Job]:
        previews = CoverAsset.objects.filter(asset_type=ASSET_PREVIEW)
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "covers",
                    queryset=Cover.objects.order_by("job_position").prefetch_related(
                        Prefetch("assets", queryset=previews)
                    ),
                ),
                Prefetch("source_cover__assets", queryset=previews),
            )
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="Job", ordering="id")
    def short_id(self, job: Job) -> str:
        return str(job.pk)[:8]

    @admin.display(description="Book", ordering="book__title")
    def book_title(self, job: Job) -> str:
        return Truncator(job.book.title).chars(40) if job.book else "-"

    @admin.display(description="Image")
    def thumbnail(self, job: Job) -> str:
        """What the job made (its first cover), or for an upscale or audiobook job the cover it worked on."""
        made = list(job.covers.all())
        return _thumbnail(_preview_of(made[0] if made else job.source_cover), 60)

    @admin.display(description="Prompt or options")
    def prompt(self, job: Job) -> str:
        params = job.params or {}
        if job.operation == Job.OP_EDIT:
            text = f"“{params.get('prompt', '')}”"
        elif job.operation == Job.OP_GENERATE:
            chosen = [params.get(k) for k in ("template_id", "mood", "palette") if params.get(k)]
            text = " · ".join([*chosen, params.get("main_elements") or ""]).strip(" ·")
        elif job.operation == Job.OP_RERENDER:
            text = f"title “{(params.get('text') or {}).get('title', '')}”"
        else:
            text = ""
        return Truncator(text).chars(60) or "-"

    @admin.display(description="Covers made")
    def made(self, job: Job) -> str:
        covers = list(job.covers.all())
        if not covers:
            return "-"
        return format_html_join(
            " ",
            '<a href="{}">{}</a>',
            ((reverse("admin:covers_cover_change", args=[c.pk]), _thumbnail(_preview_of(c), 120)) for c in covers),
        )

    @admin.display(description="Why it failed")
    def failure(self, job: Job) -> str:
        if job.status != Job.FAILED:
            return "-"
        retryable, meaning = JOB_ERROR_CODES.get(job.error_code, (False, "An error code this version does not list."))
        verdict = "a retry may succeed" if retryable else "a retry would fail the same way: not retried"
        return f"{job.error_code}: {meaning} ({verdict})"

    @admin.action(description="Retry the selected failed jobs (as new, charged jobs; only retryable failures)")
    def retry_failed(self, request: HttpRequest, queryset: QuerySet[Job]) -> HttpResponse | None:
        hopeless = [job for job in queryset if job.status == Job.FAILED and job.error_code not in RETRYABLE_JOB_ERRORS]
        for job in hopeless:
            self.message_user(
                request,
                f"Job {job.pk} failed with {job.error_code}, which a retry cannot fix: not retried, nothing charged.",
                messages.WARNING,
            )
        queryset = queryset.exclude(pk__in=[job.pk for job in hopeless])
        if not queryset.exists():
            return None
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


class WebhookAttemptInline(admin.StackedInline):
    model = WebhookAttempt
    extra = 0
    can_delete = False
    fields = ["number", "attempted_at", "status_code", "duration_ms", "next_retry_at", "error", "response", "body"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    @admin.display(description="Response (excerpt)")
    def response(self, attempt: WebhookAttempt) -> str:
        return _pre(attempt.response_excerpt)

    @admin.display(description="Request body")
    def body(self, attempt: WebhookAttempt) -> str:
        try:
            text = json.dumps(json.loads(attempt.request_body), indent=2, ensure_ascii=False)
        except ValueError:
            text = attempt.request_body
        return _pre(text)


def _pre(text: str) -> str:
    """Text shown as it is (line breaks, JSON indentation), escaped, in a box that wraps long lines."""
    if not text:
        return "-"
    return format_html('<pre class="byc-pre">{}</pre>', text)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["id", "job", "batch", "event", "url", "status", "attempts", "last_status_code", "next_attempt_at"]
    list_filter = ["status", "event"]
    search_fields = ["url", "job__id", "batch__id"]
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields] + ["attempt_summary"]
    inlines = [WebhookAttemptInline]
    actions = ["redeliver"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="Attempts")
    def attempt_summary(self, delivery: WebhookDelivery) -> str:
        rows = format_html_join(
            "",
            "<tr><td>#{}</td><td>{}</td><td>{}</td><td>{} ms</td><td>{}</td></tr>",
            (
                (a.number, a.attempted_at.strftime("%Y-%m-%d %H:%M:%S"), a.status_code or "-", a.duration_ms, a.error)
                for a in delivery.attempt_log.all()
            ),
        )
        if not rows:
            return "-"
        return format_html(
            "<table><thead><tr><th>Attempt</th><th>At (UTC)</th><th>HTTP</th><th>Took</th><th>Error</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            rows,
        )

    @admin.action(description="Redeliver the selected events now")
    def redeliver(self, request: HttpRequest, queryset: QuerySet[WebhookDelivery]) -> None:
        for delivery in queryset:
            deliveries.webhook_redeliver(delivery=delivery)
        self.message_user(request, f"{queryset.count()} event(s) queued for redelivery.")


class AccountArtProviderForm(forms.ModelForm):
    base_url = forms.URLField(required=False, assume_scheme="https", help_text="Empty: the provider's public endpoint.")
    # Write-only: the stored key is never sent back to the browser; left empty, it is kept.
    api_key = forms.CharField(
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="Leave empty to keep the stored key. It is never shown after saving.",
    )

    class Meta:
        model = AccountArtProvider
        fields = ["account", "provider", "base_url", "model", "api_key"]


@admin.register(AccountArtProvider)
class AccountArtProviderAdmin(admin.ModelAdmin):
    form = AccountArtProviderForm
    list_display = ["account", "provider", "base_url", "model", "has_key", "updated_at"]
    search_fields = ["account__user__email"]

    @admin.display(description="Key set", boolean=True)
    def has_key(self, row: AccountArtProvider) -> bool:
        return bool(row.api_key)

    def save_model(self, request, obj, form, change) -> None:
        data = form.cleaned_data
        saved = services.account_art_provider_set(
            account_id=data["account"].pk, provider=data["provider"], base_url=data["base_url"],
            model=data["model"], api_key=data["api_key"] or None,
        )  # fmt: skip
        obj.pk = saved.pk


@admin.register(ArtCall)
class ArtCallAdmin(admin.ModelAdmin):
    list_display = ["created_at", "account", "provider", "model", "operation", "outcome", "latency_ms", "calls", "cost"]
    list_filter = ["provider", "outcome", "operation"]
    readonly_fields = [f.name for f in ArtCall._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class BatchRowInline(admin.TabularInline):
    model = BatchRow
    extra = 0
    can_delete = False
    fields = ["line", "external_ref", "book", "job", "count", "status", "reused", "credits", "error_code"]
    readonly_fields = fields
    raw_id_fields = ["book", "job"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Batch)
class BatchAdmin(admin.ModelAdmin):
    """Read-only: a batch moves by itself (jobs are fed as slots free up); its jobs have their own actions."""

    list_display = ["id", "account", "origin", "source_name", "status", "books", "created_at", "completed_at"]
    list_filter = ["status", "origin"]
    search_fields = ["id", "account__user__email", "source_name", "rows__external_ref"]
    readonly_fields = [f.name for f in Batch._meta.fields]
    inlines = [BatchRowInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Batch]:
        return super().get_queryset(request).select_related("account__user").annotate(book_count=Count("rows"))

    @admin.display(description="Books", ordering="book_count")
    def books(self, batch: Batch) -> int:
        return batch.book_count
