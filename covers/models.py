"""Covers, their image assets, the jobs that make them, the template catalogue and webhook deliveries.

Rules live in `covers.services`; the constraints here back the ones that must never break
(one asset of each type per cover, one cover per slot of a job, one upscale of an asset at a time).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q

from billing.specs import WEBHOOK_URL

ASSET_PREVIEW = "preview"
ASSET_FULL = "full"
ASSET_AUDIOBOOK_PREVIEW = "audiobook_preview"
ASSET_AUDIOBOOK_FULL = "audiobook_full"

ASSET_TYPE_CHOICES = [
    (ASSET_PREVIEW, "Preview (1600 x 2560)"),
    (ASSET_FULL, "Full (3200 x 5120)"),
    (ASSET_AUDIOBOOK_PREVIEW, "Audiobook preview (2400 x 2400)"),
    (ASSET_AUDIOBOOK_FULL, "Audiobook full (4800 x 4800)"),
]
ASSET_TYPES = tuple(value for value, _label in ASSET_TYPE_CHOICES)


class Template(models.Model):
    """A cover template, mirrored from the engine's catalogue so staff can switch it off."""

    id = models.SlugField(primary_key=True, max_length=100)
    name = models.CharField(max_length=200)
    family = models.CharField(max_length=100, blank=True)
    template_type = models.CharField(max_length=50, blank=True)
    genre_buckets = models.JSONField(default=list, blank=True)
    genres = models.JSONField(default=list, blank=True)
    enabled = models.BooleanField(default=True, help_text="Offered by the API and the UI.")
    in_engine = models.BooleanField(default=True, help_text="Still present in the engine's catalogue.")
    synced_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    @property
    def usable(self) -> bool:
        return self.enabled and self.in_engine


class Cover(models.Model):
    """One cover design of a book: a recipe the engine renders deterministically, plus its lineage."""

    OP_GENERATE = "generate"
    OP_VARIATION = "variation"
    OP_EDIT = "edit_image"
    OPERATION_CHOICES = [(OP_GENERATE, "Generated"), (OP_VARIATION, "Variation"), (OP_EDIT, "Edit")]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    account = models.ForeignKey("billing.Account", on_delete=models.CASCADE, related_name="covers")
    book = models.ForeignKey("books.Book", on_delete=models.CASCADE, related_name="covers")
    template = models.ForeignKey(Template, on_delete=models.PROTECT, related_name="covers")
    recipe = models.JSONField()
    operation = models.CharField(max_length=20, choices=OPERATION_CHOICES)
    source_cover = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="derived_covers"
    )
    edit_prompt = models.TextField(blank=True)
    edits_understood = models.JSONField(default=list, blank=True)
    # The engine's design report, made when the cover was rendered (cover_engine/design.py): template,
    # palette, type faces, subjects drawn and not drawn, and for an edit what was applied and ignored.
    design = models.JSONField(default=dict, blank=True)
    job = models.ForeignKey("Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="covers")
    job_position = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # A slot of a job makes at most one cover, even if its task runs twice.
            models.UniqueConstraint(fields=["job", "job_position"], name="cover_one_per_job_slot"),
        ]
        indexes = [models.Index(fields=["account", "book", "-created_at"])]

    def __str__(self) -> str:
        return f"Cover {self.id}"


class CoverAsset(models.Model):
    """A rendered image file of a cover; one per cover and type."""

    cover = models.ForeignKey(Cover, on_delete=models.CASCADE, related_name="assets")
    asset_type = models.CharField(max_length=20, choices=ASSET_TYPE_CHOICES)
    storage_name = models.CharField(max_length=300)
    content_type = models.CharField(max_length=50, default="image/png")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size_bytes = models.PositiveBigIntegerField()
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the file, hex.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cover", "asset_type"]
        constraints = [
            models.UniqueConstraint(fields=["cover", "asset_type"], name="cover_asset_one_per_type"),
        ]

    def __str__(self) -> str:
        return f"{self.asset_type} of {self.cover_id}"


class Job(models.Model):
    """An accepted request to render something; its credits were reserved when it was accepted."""

    OP_GENERATE = "generate"
    OP_VARIATION = "variation"
    OP_EDIT = "edit_image"
    OP_UPSCALE = "upscale"
    OP_AUDIOBOOK = "audiobook_cover"
    OPERATION_CHOICES = [
        (OP_GENERATE, "Generate"),
        (OP_VARIATION, "Variations"),
        (OP_EDIT, "Edit image"),
        (OP_UPSCALE, "Upscale"),
        (OP_AUDIOBOOK, "Audiobook cover"),
    ]

    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    # Some covers delivered, the others failed or were lost: the undelivered ones are refunded.
    PARTIAL = "partial"
    STATUS_CHOICES = [
        (QUEUED, "Queued"),
        (RUNNING, "Running"),
        (COMPLETED, "Completed"),
        (PARTIAL, "Partly completed"),
        (FAILED, "Failed"),
    ]
    ACTIVE_STATUSES = (QUEUED, RUNNING)
    FINISHED_STATUSES = (COMPLETED, PARTIAL, FAILED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    account = models.ForeignKey("billing.Account", on_delete=models.CASCADE, related_name="jobs")
    operation = models.CharField(max_length=20, choices=OPERATION_CHOICES)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=QUEUED)
    book = models.ForeignKey("books.Book", null=True, blank=True, on_delete=models.CASCADE, related_name="jobs")
    source_cover = models.ForeignKey(Cover, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs")
    # The asset an upscale or audiobook job writes on its source cover.
    target_asset = models.CharField(max_length=20, choices=ASSET_TYPE_CHOICES, blank=True)
    params = models.JSONField(default=dict, blank=True)
    count = models.PositiveSmallIntegerField(default=1)
    credits_reserved = models.PositiveIntegerField(default=0)
    credits_used = models.PositiveIntegerField(default=0)
    credits_refunded = models.PositiveIntegerField(default=0)
    # Units are the covers of a job (or its one asset). Workers claim them one at a time, so the
    # worker that claimed the job finishes it alone if no other worker is free to help.
    units_claimed = models.PositiveSmallIntegerField(default=0)
    units_done = models.PositiveSmallIntegerField(default=0)
    units_failed = models.PositiveSmallIntegerField(default=0)
    external_ref = models.CharField(max_length=200, blank=True)
    webhook_url = models.CharField(max_length=WEBHOOK_URL.max_length, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)
    error_code = models.CharField(max_length=50, blank=True)
    error_message = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "completed", "partial", "failed"]),
                name="job_status_valid",
            ),
            models.CheckConstraint(condition=Q(count__gte=1) & Q(count__lte=5), name="job_count_1_to_5"),
            # A failed job always says why.
            models.CheckConstraint(condition=~Q(status="failed") | ~Q(error_code=""), name="job_failed_has_code"),
            models.CheckConstraint(condition=~Q(status="partial") | ~Q(error_code=""), name="job_partial_has_code"),
            # What was reserved is either still charged or refunded, never both, never lost.
            models.CheckConstraint(
                condition=Q(credits_reserved=models.F("credits_used") + models.F("credits_refunded")),
                name="job_credits_balance",
            ),
            # One upscale (or audiobook render) of the same asset in flight at a time: no double charge.
            models.UniqueConstraint(
                fields=["source_cover", "target_asset"],
                condition=Q(status__in=["queued", "running"]) & ~Q(target_asset=""),
                name="job_one_active_per_target_asset",
            ),
        ]
        indexes = [
            models.Index(fields=["account", "status"]),
            models.Index(fields=["account", "-created_at"]),
            models.Index(fields=["status", "started_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.operation} job {self.id} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED_STATUSES


class JobUnit(models.Model):
    """One claim of one unit (a cover, or the one asset) of a job by a worker, and how it ended.

    The scheduler reads it to serve accounts in turn (the account whose last claim is oldest goes
    first), the sweeper to find units whose worker died (pending past the unit deadline), and the
    queue estimate to learn how long a unit takes.
    """

    PENDING = ""
    DONE = "done"
    FAILED = "failed"
    LOST = "lost"
    OUTCOME_CHOICES = [(PENDING, "Rendering"), (DONE, "Delivered"), (FAILED, "Failed"), (LOST, "Worker lost")]

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="units")
    # Copied from the job: the fair scheduler asks "when was this account last served?" on every claim.
    account = models.ForeignKey("billing.Account", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()
    worker = models.CharField(max_length=100, blank=True, help_text="host:pid of the worker that claimed it.")
    claimed_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=OUTCOME_CHOICES, blank=True, default=PENDING)

    class Meta:
        ordering = ["job", "position"]
        constraints = [
            # A unit is settled once: a late result of a unit declared lost is not delivered.
            models.UniqueConstraint(fields=["job", "position"], name="job_unit_one_per_position"),
        ]
        indexes = [
            models.Index(fields=["account", "-claimed_at"]),
            models.Index(fields=["outcome", "claimed_at"]),
        ]

    def __str__(self) -> str:
        return f"unit {self.position} of job {self.job_id} ({self.outcome or 'rendering'})"


class WebhookDelivery(models.Model):
    """One event to deliver to one URL; retried with exponential backoff until it succeeds or gives up."""

    PENDING = "pending"
    DELIVERED = "delivered"
    GAVE_UP = "gave_up"
    STATUS_CHOICES = [(PENDING, "Pending"), (DELIVERED, "Delivered"), (GAVE_UP, "Gave up")]

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="webhook_deliveries")
    event = models.CharField(max_length=30)
    url = models.CharField(max_length=500)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "webhook deliveries"

    def __str__(self) -> str:
        return f"{self.event} for job {self.job_id} to {self.url}"


class WebhookAttempt(models.Model):
    """The log of one HTTP attempt of a delivery."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveSmallIntegerField()
    attempted_at = models.DateTimeField(auto_now_add=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_excerpt = models.TextField(blank=True)
    error = models.TextField(blank=True)
    duration_ms = models.PositiveIntegerField(default=0)
    next_retry_at = models.DateTimeField(null=True, blank=True)
    request_body = models.TextField(blank=True)

    class Meta:
        ordering = ["delivery", "number"]

    def __str__(self) -> str:
        return f"attempt {self.number} of delivery {self.delivery_id}"
