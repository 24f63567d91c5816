"""Reading covers, jobs, assets and templates: an account's own (404 for anyone else's) and lists."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from books.specs import BOOK_CREATE
from byc_site.errors import ApplicationError
from cover_engine import vocabulary
from covers.models import (
    ASSET_PREVIEW,
    ASSET_TYPES,
    ABSet,
    ABSetMember,
    ArtCall,
    Batch,
    Cover,
    CoverAsset,
    Job,
    JobUnit,
    Template,
    WebhookDelivery,
    cover_visible,
)

if TYPE_CHECKING:
    from billing.models import Account
    from books.models import Book


def _parse_uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        return None


def cover_get_for_account(*, account: Account, cover_id: object) -> Cover:
    """The account's cover, or 404 cover_not_found (also for a deleted cover or a cover of a deleted book)."""
    parsed = _parse_uuid(cover_id)
    cover = (
        Cover.objects.filter(cover_visible(), pk=parsed, account=account)
        .select_related("book")
        .prefetch_related("assets")
        .first()
        if parsed
        else None
    )
    if cover is None:
        raise ApplicationError("cover_not_found", "Cover not found or doesn't belong to your account.", status=404)
    return cover


def job_get_for_account(*, account: Account, job_id: object) -> Job:
    """The account's job, or 404 job_not_found."""
    parsed = _parse_uuid(job_id)
    try:
        return Job.objects.get(pk=parsed, account=account)
    except (Job.DoesNotExist, ValidationError):
        raise ApplicationError(
            "job_not_found", "Job not found or doesn't belong to your account.", status=404
        ) from None


def batch_get_for_account(*, account: Account, batch_id: object, drafts: bool = False) -> Batch:
    """The account's batch, or 404 batch_not_found. A draft (an upload not confirmed yet) only with `drafts`."""
    parsed = _parse_uuid(batch_id)
    batches = Batch.objects.filter(account=account) if drafts else batches_for_account(account=account)
    batch = batches.filter(pk=parsed).first() if parsed else None
    if batch is None:
        raise ApplicationError("batch_not_found", "Batch not found or doesn't belong to your account.", status=404)
    return batch


def batches_for_account(*, account: Account) -> QuerySet[Batch]:
    """The account's started batches, newest first (drafts are uploads the author has not confirmed)."""
    return Batch.objects.filter(account=account).exclude(status=Batch.DRAFT).order_by("-created_at")


def batch_rows_with_covers(*, batch: Batch) -> list:
    """A batch's rows in line order with their book, job and the job's covers (preview assets loaded)."""
    covers = Cover.objects.order_by("job_position").prefetch_related(
        Prefetch("assets", queryset=CoverAsset.objects.filter(asset_type=ASSET_PREVIEW), to_attr="preview_assets")
    )
    return list(
        batch.rows.select_related("book", "job")
        .prefetch_related(Prefetch("job__covers", queryset=covers))
        .order_by("line")
    )


def cover_asset_get(*, cover: Cover, asset_type: str) -> CoverAsset:
    """An asset of a cover: 400 invalid_field_value for an unknown type, 404 asset_not_available if not made yet."""
    if asset_type not in ASSET_TYPES:
        raise ApplicationError(
            "invalid_field_value",
            f"assetType must be one of: {', '.join(ASSET_TYPES)}.",
        )
    asset = next((a for a in cover.assets.all() if a.asset_type == asset_type), None)
    if asset is None:
        raise ApplicationError(
            "asset_not_available", f"The {asset_type} asset of this cover has not been generated yet.", status=404
        )
    return asset


def templates_available(*, genre: str | None = None) -> list[Template]:
    """Enabled templates, optionally those suited to a genre (400 invalid_genre for an unknown one)."""
    if genre is not None and not vocabulary.is_genre(genre):
        raise ApplicationError("invalid_genre", f"Unknown genre {genre!r}; use a genre slug from the genre vocabulary.")
    templates = list(Template.objects.filter(enabled=True, in_engine=True))
    if genre is not None:
        templates = [t for t in templates if genre in (t.genres or [])]
    return templates


def jobs_for_account(*, account: Account, status: str | None = None):
    """The account's jobs, newest first, optionally with one status (400 invalid_field_value otherwise)."""
    jobs = Job.objects.filter(account=account).order_by("-created_at", "-id")
    if status is not None:
        allowed = [value for value, _label in Job.STATUS_CHOICES]
        if status not in allowed:
            raise ApplicationError("invalid_field_value", f"status must be one of: {', '.join(allowed)}.")
        jobs = jobs.filter(status=status)
    return jobs


def covers_of_book(*, book: Book) -> QuerySet[Cover]:
    """A book's covers, newest first, with their assets (the API's list)."""
    return (
        Cover.objects.filter(book=book, deleted_at__isnull=True)
        .select_related("book")
        .prefetch_related("assets")
        .order_by("-created_at", "-id")
    )


def covers_with_previews(*, book: Book | None = None) -> QuerySet[Cover]:
    """Covers (of one book, if given), newest first, with their template and only their preview
    asset loaded, as `preview_assets` (one query for all)."""
    covers = (
        Cover.objects.filter(cover_visible())
        .order_by("-created_at")
        .prefetch_related(
            Prefetch("assets", queryset=CoverAsset.objects.filter(asset_type=ASSET_PREVIEW), to_attr="preview_assets")
        )
    )
    return covers.filter(book=book).select_related("template") if book is not None else covers


def books_with_newest_covers(*, books: QuerySet[Book], per_book: int) -> QuerySet[Book]:
    """`books` with `cover_count` and their `per_book` newest covers as `newest_covers`.

    A window function numbers the covers per book, so a book with hundreds of variations costs
    no more than one with a handful.
    """
    newest = (
        covers_with_previews()
        .annotate(rank=Window(RowNumber(), partition_by=F("book_id"), order_by=F("created_at").desc()))
        .filter(rank__lte=per_book)
    )
    return books.annotate(cover_count=Count("covers", filter=Q(covers__deleted_at__isnull=True))).prefetch_related(
        Prefetch("covers", queryset=newest, to_attr="newest_covers")
    )


def covers_by_ids(*, cover_ids: list) -> dict[str, Cover]:
    """Covers by id (as strings), with their template and assets; deleted ones are left out."""
    covers = (
        Cover.objects.filter(cover_visible(), pk__in=cover_ids).select_related("template").prefetch_related("assets")
    )
    return {str(cover.id): cover for cover in covers}


def cover_lineage(*, cover: Cover, depth: int) -> list[Cover]:
    """The chain of covers this one came from, oldest first, ending with the cover itself (at most `depth`)."""
    chain = [cover]
    current = cover
    while current.source_cover_id and len(chain) < depth:
        parent = (
            Cover.objects.filter(cover_visible(), pk=current.source_cover_id, account_id=cover.account_id)
            .select_related("template")
            .prefetch_related("assets")
            .first()
        )
        if parent is None:
            break
        chain.append(parent)
        current = parent
    chain.reverse()
    return chain


def covers_derived_from(*, cover: Cover, limit: int) -> list[Cover]:
    """The newest covers made from this one (variations, edits)."""
    return list(
        Cover.objects.filter(source_cover=cover, deleted_at__isnull=True)
        .order_by("-created_at")
        .select_related("template")
        .prefetch_related("assets")[:limit]
    )


def jobs_active(*, book: Book | None = None, source_cover: Cover | None = None) -> list[Job]:
    """Queued or running jobs of a book or made from a cover, oldest first."""
    jobs = Job.objects.filter(status__in=Job.ACTIVE_STATUSES).order_by("created_at")
    if book is not None:
        jobs = jobs.filter(book=book)
    if source_cover is not None:
        jobs = jobs.filter(source_cover=source_cover)
    return list(jobs)


def jobs_in_flight(*, account: Account) -> int:
    """How many of the account's jobs are queued or running (what the plan's concurrency limit counts)."""
    return Job.objects.filter(account=account, status__in=Job.ACTIVE_STATUSES).count()


def jobs_recent(*, account: Account, limit: int) -> list[Job]:
    """The account's newest jobs with what the account page shows of them."""
    return list(
        Job.objects.filter(account=account).select_related("book", "source_cover__book").order_by("-created_at")[:limit]
    )


def jobs_by_id(*, account: Account, job_ids: set) -> dict[str, Job]:
    """Some of the account's jobs, by id (as strings), with their book, source cover and covers' ids."""
    jobs = (
        Job.objects.filter(account=account, pk__in=job_ids)
        .select_related("book", "source_cover")
        .prefetch_related(Prefetch("covers", queryset=Cover.objects.only("id", "job_id").order_by("job_position")))
    )
    return {str(job.id): job for job in jobs}


def webhook_deliveries_recent(*, account: Account, limit: int, url: str | None = None) -> list[WebhookDelivery]:
    """The account's newest deliveries (its jobs' and batches' events and its test events), optionally to one URL."""
    deliveries = WebhookDelivery.objects.filter(
        Q(job__account=account) | Q(batch__account=account) | Q(account=account)
    )
    if url is not None:
        deliveries = deliveries.filter(url=url)
    return list(deliveries.select_related("job").order_by("-created_at", "-id")[:limit])


def template_get_available(*, template_id: str) -> Template | None:
    """A template still in the engine's catalogue (enabled or not: previews stay viewable)."""
    return Template.objects.filter(pk=template_id, in_engine=True).first()


# The book fields drawn on a cover (title, subtitle, author): what a re-render can change.
DRAWN_FIELDS = tuple(spec.name for spec in BOOK_CREATE if getattr(spec, "drawn", False))


def cover_text_changes(*, cover: Cover) -> list[str]:
    """The drawn fields whose text on the cover (its recipe's snapshot) differs from the book's now."""
    made_with = (cover.recipe or {}).get("text") or {}
    return [name for name in DRAWN_FIELDS if (made_with.get(name) or "") != getattr(cover.book, name)]


# --- compare and choose ---------------------------------------------------------------------------


def covers_for_compare(*, book: Book, cover_ids: list) -> list[Cover]:
    """Some covers of the book in the order asked (unknown ids, or other books' covers, are left out)."""
    wanted = [parsed for parsed in (_parse_uuid(c) for c in cover_ids) if parsed]
    found = {c.id: c for c in covers_with_previews(book=book).filter(pk__in=wanted)}
    return [found[c] for c in dict.fromkeys(wanted) if c in found]


def shelf_neighbours(*, account: Account, book: Book, limit: int) -> list[Cover]:
    """Covers of the account's other books in the same genre, one per book (its chosen cover, else
    its newest), newest books first: the shelf a new cover will stand on."""
    ranked = (
        covers_with_previews()
        .filter(account=account, book__genre=book.genre, assets__asset_type=ASSET_PREVIEW)
        .exclude(book=book)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("book_id"),
                order_by=[F("chosen_at").desc(nulls_last=True), F("created_at").desc()],
            )
        )
        .filter(rank=1)
        .select_related("book")
    )
    return list(ranked.order_by("-book__created_at")[:limit])


def ab_set_get_for_account(*, account: Account, ab_set_id: object) -> ABSet:
    """The account's A/B set with its members and book, or 404 ab_set_not_found."""
    parsed = _parse_uuid(ab_set_id)
    ab_set = (
        ABSet.objects.filter(pk=parsed, account=account)
        .select_related("book", "winner")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=ABSetMember.objects.select_related("cover__template").prefetch_related(
                    Prefetch(
                        "cover__assets",
                        queryset=CoverAsset.objects.filter(asset_type=ASSET_PREVIEW),
                        to_attr="preview_assets",
                    )
                ),
            )
        )
        .first()
        if parsed
        else None
    )
    if ab_set is None:
        raise ApplicationError("ab_set_not_found", "A/B set not found or doesn't belong to your account.", status=404)
    return ab_set


def ab_sets_of_book(*, book: Book) -> list[ABSet]:
    """A book's A/B sets, newest first, with their members' variant letters."""
    return list(ABSet.objects.filter(book=book).prefetch_related("members").order_by("-created_at"))


def art_usage() -> list[dict]:
    """Use of the image models so far, per provider and outcome: picture calls, HTTP calls, the time
    spent waiting on the provider and the cost (for a metrics collector reading at scrape time)."""
    rows = (
        ArtCall.objects.values("provider", "outcome")
        .annotate(pictures=Count("id"), http_calls=Sum("calls"), latency_ms=Sum("latency_ms"), cost=Sum("cost"))
        .order_by("provider", "outcome")
    )
    return [
        {
            **row,
            "http_calls": row["http_calls"] or 0,
            "latency_ms": row["latency_ms"] or 0,
            "cost": float(row["cost"] or 0),
        }
        for row in rows
    ]


def print_wrap_latest(*, cover: Cover) -> Job | None:
    """The cover's most recent completed print-wrap job (its target names the PDF the cover holds)."""
    return (
        Job.objects.filter(source_cover=cover, operation=Job.OP_PRINT_WRAP, status=Job.COMPLETED)
        .order_by("-completed_at")
        .first()
    )


# --- the queue ----------------------------------------------------------------------------------------

# How much history the estimate learns from: the latest delivered units, the workers seen lately.
_ESTIMATE_UNITS = 50
_ESTIMATE_WORKERS_WINDOW = timedelta(minutes=5)


@dataclass(frozen=True)
class QueueEstimate:
    """Where a job with covers still to start stands in the fair queue."""

    units_ahead: int  # covers (of any account) the workers will start before this job's next one
    wait_seconds: int | None  # until this job's next cover is ready; None before any cover was timed

    def as_dict(self) -> dict:
        return {"unitsAhead": self.units_ahead, "estimatedWaitSeconds": self.wait_seconds}


def job_queue_estimate(job: Job) -> QueueEstimate | None:
    """Estimate a waiting job's place under the per-account round robin (`covers.services.run`).

    Before this job's next unit, its account must be served once for every unclaimed unit of its
    own earlier jobs, plus once; every other account with waiting units gets up to as many turns.
    The time is those units spread over the workers seen lately, times the recent mean render.
    None once every unit of the job has been claimed (or it has finished).
    """
    if job.status not in Job.ACTIVE_STATUSES or job.units_claimed >= job.count:
        return None
    waiting = Job.objects.filter(status__in=Job.ACTIVE_STATUSES, units_claimed__lt=F("count"))
    per_account = dict(
        waiting.exclude(account_id=job.account_id)
        .order_by()
        .values("account_id")
        .annotate(units=Sum(F("count") - F("units_claimed")))
        .values_list("account_id", "units")
    )
    own_ahead = (
        waiting.filter(account_id=job.account_id, created_at__lt=job.created_at).aggregate(
            units=Sum(F("count") - F("units_claimed"))
        )["units"]
        or 0
    )
    turns = own_ahead + 1
    ahead = own_ahead + sum(min(units, turns) for units in per_account.values())
    durations = [
        (finished - claimed).total_seconds()
        for claimed, finished in JobUnit.objects.filter(outcome=JobUnit.DONE, finished_at__isnull=False)
        .order_by("-finished_at")
        .values_list("claimed_at", "finished_at")[:_ESTIMATE_UNITS]
    ]
    if not durations:
        return QueueEstimate(units_ahead=ahead, wait_seconds=None)
    workers = (
        JobUnit.objects.filter(claimed_at__gte=timezone.now() - _ESTIMATE_WORKERS_WINDOW)
        .exclude(worker="")
        .values("worker")
        .distinct()
        .count()
    )
    mean = sum(durations) / len(durations)
    rounds = math.ceil(ahead / max(workers, 1))
    return QueueEstimate(units_ahead=ahead, wait_seconds=math.ceil((rounds + 1) * mean))
