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
# A zip of each store's cover file with a manifest (covers/services/store_pack.py); not an image.
ASSET_STORE_PACK = "store_pack"
# Print: the full-wrap PDF of the cover's latest print-wrap job and its proof with guides.
ASSET_PRINT_PDF = "print_pdf"
ASSET_PRINT_PROOF = "print_proof"

ASSET_TYPE_CHOICES = [
    (ASSET_PREVIEW, "Preview (1600 x 2560)"),
    (ASSET_FULL, "Full (3200 x 5120)"),
    (ASSET_AUDIOBOOK_PREVIEW, "Audiobook preview (2400 x 2400)"),
    (ASSET_AUDIOBOOK_FULL, "Audiobook full (4800 x 4800)"),
    (ASSET_STORE_PACK, "Store pack (zip)"),
    (ASSET_PRINT_PDF, "Print wrap PDF"),
    (ASSET_PRINT_PROOF, "Print wrap proof"),
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


def cover_visible(path: str = "") -> Q:
    """Covers an author or a client may see: neither the cover nor its book deleted.
    `path` reaches the cover from another model, e.g. "cover__" from CoverAsset."""
    return Q(**{f"{path}deleted_at__isnull": True, f"{path}book__deleted_at__isnull": True})


class Cover(models.Model):
    """One cover design of a book: a recipe the engine renders deterministically, plus its lineage."""

    OP_GENERATE = "generate"
    OP_VARIATION = "variation"
    OP_EDIT = "edit_image"
    OP_RERENDER = "rerender"
    OPERATION_CHOICES = [
        (OP_GENERATE, "Generated"),
        (OP_VARIATION, "Variation"),
        (OP_EDIT, "Edit"),
        (OP_RERENDER, "Re-rendered with new text"),
    ]

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
    # Soft delete, like Book.deleted_at; a cover of a deleted book is hidden too.
    deleted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # Set on the one cover the author picked for the book (covers.services.cover_choose).
    chosen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # A slot of a job makes at most one cover, even if its task runs twice.
            models.UniqueConstraint(fields=["job", "job_position"], name="cover_one_per_job_slot"),
            # A book has at most one chosen cover, even if two choices race.
            models.UniqueConstraint(
                fields=["book"], condition=Q(chosen_at__isnull=False), name="cover_one_chosen_per_book"
            ),
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
    OP_STORE_PACK = "store_pack"
    OP_RERENDER = "rerender"
    OP_PRINT_WRAP = "print_wrap"
    OPERATION_CHOICES = [
        (OP_GENERATE, "Generate"),
        (OP_VARIATION, "Variations"),
        (OP_EDIT, "Edit image"),
        (OP_UPSCALE, "Upscale"),
        (OP_AUDIOBOOK, "Audiobook cover"),
        (OP_STORE_PACK, "Store pack"),
        (OP_RERENDER, "Re-render with new text"),
        (OP_PRINT_WRAP, "Print wrap"),
    ]
    # Operations that make one asset (`target_asset`) of their source cover, not new covers.
    PER_ASSET_OPERATIONS = (OP_UPSCALE, OP_AUDIOBOOK, OP_STORE_PACK, OP_PRINT_WRAP)

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

    # A delivery is about one job (job.completed, job.failed), one batch (batch.completed), or it is an
    # account-level event (the developer page's test event) that names its account and carries its payload.
    job = models.ForeignKey(Job, null=True, blank=True, on_delete=models.CASCADE, related_name="webhook_deliveries")
    batch = models.ForeignKey(
        "Batch", null=True, blank=True, on_delete=models.CASCADE, related_name="webhook_deliveries"
    )
    account = models.ForeignKey(
        "billing.Account", null=True, blank=True, on_delete=models.CASCADE, related_name="webhook_deliveries"
    )
    payload = models.JSONField(null=True, blank=True)
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
        constraints = [
            models.CheckConstraint(
                condition=Q(job__isnull=False, batch__isnull=True)
                | Q(job__isnull=True, batch__isnull=False)
                | Q(job__isnull=True, batch__isnull=True, account__isnull=False, payload__isnull=False),
                name="webhook_delivery_one_source",
            ),
        ]

    def __str__(self) -> str:
        source = (
            f"job {self.job_id}"
            if self.job_id
            else f"batch {self.batch_id}"
            if self.batch_id
            else f"account {self.account_id}"
        )
        return f"{self.event} for {source} to {self.url}"


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


class ABSet(models.Model):
    """Two to four covers of a book that a publisher tests against each other in their own store.

    We export the covers with a manifest (variant letters, files, checksums, empty counters) and
    record the winner the publisher reports back; the test itself runs in their store.
    """

    VARIANTS = ("A", "B", "C", "D")
    MIN_COVERS = 2

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    account = models.ForeignKey("billing.Account", on_delete=models.CASCADE, related_name="ab_sets")
    book = models.ForeignKey("books.Book", on_delete=models.CASCADE, related_name="ab_sets")
    name = models.CharField(max_length=100)
    winner = models.ForeignKey(Cover, null=True, blank=True, on_delete=models.SET_NULL, related_name="ab_sets_won")
    winner_note = models.CharField(max_length=300, blank=True)
    winner_recorded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "A/B set"
        indexes = [models.Index(fields=["account", "book", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(winner__isnull=True) | Q(winner_recorded_at__isnull=False), name="abset_winner_has_date"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ABSetMember(models.Model):
    """One cover of an A/B set under its variant letter."""

    ab_set = models.ForeignKey(ABSet, on_delete=models.CASCADE, related_name="members")
    cover = models.ForeignKey(Cover, on_delete=models.CASCADE, related_name="ab_memberships")
    variant = models.CharField(max_length=1)

    class Meta:
        ordering = ["ab_set", "variant"]
        constraints = [
            models.UniqueConstraint(fields=["ab_set", "variant"], name="abset_member_one_per_variant"),
            models.UniqueConstraint(fields=["ab_set", "cover"], name="abset_member_cover_once"),
            models.CheckConstraint(condition=Q(variant__in=["A", "B", "C", "D"]), name="abset_member_variant_known"),
        ]

    def __str__(self) -> str:
        return f"{self.variant}: {self.cover_id}"


ART_PROVIDER_CHOICES = [
    ("openai", "OpenAI Images API"),
    ("stability", "Stability AI"),
    ("openai-compatible", "OpenAI-compatible server"),
    ("comfyui", "ComfyUI"),
    ("automatic1111", "AUTOMATIC1111 / Forge"),
    ("procedural", "Procedural (our painters)"),
]


class AccountArtProvider(models.Model):
    """An account's own image model, used instead of the deployment's (BYC_ART_*) for its covers.

    The key is write-only: the admin never shows it back and nothing logs it.
    """

    account = models.OneToOneField("billing.Account", on_delete=models.CASCADE, related_name="art_provider")
    provider = models.CharField(max_length=20, choices=ART_PROVIDER_CHOICES)
    base_url = models.URLField(max_length=300, blank=True, help_text="Empty: the provider's public endpoint.")
    api_key = models.CharField(max_length=500, blank=True)
    model = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.get_provider_display()} for {self.account}"


class ArtCall(models.Model):
    """One use of an image model for a job: provider, outcome, latency and cost (read by /metrics)."""

    OK = "ok"
    FALLBACK = "fallback"
    FAILED = "failed"
    REFUSED = "refused"
    OUTCOME_CHOICES = [(OK, "Picture delivered"), (FALLBACK, "Fell back to procedural"), (FAILED, "Failed"),
                       (REFUSED, "Refused by the provider's safety system")]  # fmt: skip

    account = models.ForeignKey("billing.Account", on_delete=models.CASCADE, related_name="art_calls")
    job = models.ForeignKey(Job, null=True, blank=True, on_delete=models.SET_NULL, related_name="art_calls")
    provider = models.CharField(max_length=20)
    model = models.CharField(max_length=200, blank=True)
    operation = models.CharField(max_length=20)
    outcome = models.CharField(max_length=10, choices=OUTCOME_CHOICES)
    latency_ms = models.PositiveIntegerField(default=0, help_text="Time spent waiting on the provider.")
    calls = models.PositiveSmallIntegerField(default=0, help_text="HTTP calls, retries and polls included.")
    cost = models.DecimalField(max_digits=10, decimal_places=4, default=0)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["provider", "outcome", "created_at"])]

    def __str__(self) -> str:
        return f"{self.provider} {self.operation} {self.outcome}"


class Batch(models.Model):
    """A catalogue of books to make covers for, fed to the job queue as the plan's concurrency allows.

    A draft is an uploaded catalogue the author has not confirmed yet (web only): nothing is
    charged and no book exists until it is started.
    """

    DRAFT = "draft"
    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    PARTIAL = "partial"
    FAILED = "failed"
    STATUS_CHOICES = [
        (DRAFT, "Draft"),
        (QUEUED, "Queued"),
        (RUNNING, "Running"),
        (COMPLETED, "Completed"),
        (PARTIAL, "Partly completed"),
        (FAILED, "Failed"),
    ]
    ACTIVE_STATUSES = (QUEUED, RUNNING)
    FINISHED_STATUSES = (COMPLETED, PARTIAL, FAILED)

    ORIGIN_API = "api"
    ORIGIN_WEB = "web"
    ORIGIN_COMMAND = "command"
    ORIGIN_CHOICES = [(ORIGIN_API, "API"), (ORIGIN_WEB, "Web upload"), (ORIGIN_COMMAND, "import_catalogue command")]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    account = models.ForeignKey("billing.Account", on_delete=models.CASCADE, related_name="batches")
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=QUEUED)
    origin = models.CharField(max_length=10, choices=ORIGIN_CHOICES, default=ORIGIN_API)
    source_name = models.CharField(max_length=200, blank=True, help_text="The uploaded file's name.")
    webhook_url = models.CharField(max_length=WEBHOOK_URL.max_length, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "batches"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "queued", "running", "completed", "partial", "failed"]),
                name="batch_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["account", "status"])]

    def __str__(self) -> str:
        return f"batch {self.id} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED_STATUSES


class BatchRow(models.Model):
    """One book of a batch: its catalogue line, its book, and the generate job that makes its covers.

    A row whose book already had covers made (or being made) links that earlier job and is not
    charged again (`reused`).
    """

    PENDING = "pending"  # waiting for a free job slot
    ACCEPTED = "accepted"  # its job is queued or running
    COMPLETED = "completed"
    PARTIAL = "partial"  # its job delivered some of the covers asked for; the rest were refunded
    FAILED = "failed"
    STATUS_CHOICES = [
        (PENDING, "Pending"),
        (ACCEPTED, "Accepted"),
        (COMPLETED, "Completed"),
        (PARTIAL, "Partial"),
        (FAILED, "Failed"),
    ]
    OPEN_STATUSES = (PENDING, ACCEPTED)

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(help_text="Line of the catalogue file (or position in the API's list).")
    external_ref = models.CharField(max_length=200)
    # The checked book fields and generate options, kept until the book and the job exist.
    fields = models.JSONField(default=dict)
    count = models.PositiveSmallIntegerField(default=1)
    book = models.ForeignKey("books.Book", null=True, blank=True, on_delete=models.CASCADE, related_name="batch_rows")
    job = models.ForeignKey(Job, null=True, blank=True, on_delete=models.SET_NULL, related_name="batch_rows")
    reused = models.BooleanField(default=False, help_text="Linked an earlier job of the book; not charged.")
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=PENDING)
    credits = models.PositiveIntegerField(default=0, help_text="Charged for this row, net of refunds.")
    error_code = models.CharField(max_length=50, blank=True)
    error_message = models.TextField(blank=True)

    class Meta:
        ordering = ["batch", "line"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "line"], name="batch_row_one_per_line"),
            models.UniqueConstraint(fields=["batch", "external_ref"], name="batch_row_one_per_ref"),
            models.CheckConstraint(condition=Q(count__gte=1) & Q(count__lte=5), name="batch_row_count_1_to_5"),
            models.CheckConstraint(condition=~Q(status="failed") | ~Q(error_code=""), name="batch_row_failed_has_code"),
        ]
        indexes = [models.Index(fields=["batch", "status"])]

    def __str__(self) -> str:
        return f"line {self.line} of batch {self.batch_id}"
