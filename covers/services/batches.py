"""Batches: a catalogue of books checked row by row, then fed to the job queue as slots free up.

- `catalogue_parse`: a CSV or JSON file into numbered rows (no checking yet).
- `catalogue_check`: every row checked with the same rules the book and generate endpoints use
  (`books.services.book_clean`, `generate_options_clean`, the content policy), before anything
  is written or charged: the good rows, and a report of the bad ones by line and field.
- `batch_create` (API, command) refuses a catalogue with any bad row; the web app keeps the good
  rows of an upload as a draft (`batch_draft_create`) until the author confirms (`batch_start`).
- Starting a batch checks, under the account lock, that the account can pay for every row, then
  makes (or finds, by external_ref) the books. A book that already has a generate job queued,
  running or completed is linked to that job and not charged again: re-importing is idempotent.
- `batch_feed` accepts the pending rows' jobs through `job_create_generate`, so credits and the
  plan's concurrency limit are applied per job exactly as for any other request; at the limit it
  stops, and the end of any job of the account (`batch_job_finished`) or the minute schedule
  feeds it again. The last row to finish closes the batch and sends `batch.completed`.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import threading
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django_q.tasks import async_task

from billing.models import Account
from billing.services import (
    account_lock,
    account_require_active,
    credits_balance,
    insufficient_credits_error,
    webhook_url_clean,
)
from books.selectors import books_for_account
from books.services import book_clean, book_insert
from books.specs import BOOK_CREATE
from byc_site.errors import ApplicationError
from covers import specs
from covers.models import Batch, BatchRow, Job, WebhookDelivery
from covers.services.accept import generate_options_clean, generate_text_check, job_create_generate_from_params
from covers.services.queue import webhook_enqueue

logger = logging.getLogger(__name__)

MAX_BOOKS = 1000
MAX_FILE_BYTES = 5_000_000
# The generate options a row may carry besides the book's fields (API names).
OPTION_FIELDS = ("templateId", "mood", "colorPalette", "mainElements")
ROW_FIELDS = (*BOOK_CREATE.names, specs.COUNT.name, *OPTION_FIELDS)
# Column headings are matched ignoring case, spaces, dashes and underscores ("Main elements", "color_palette").
_HEADING_KEYS = {name.lower().replace("_", ""): name for name in ROW_FIELDS}


@dataclass(frozen=True)
class CatalogueRow:
    """One book of a catalogue as read: its line (file line, or position in a list) and its raw fields."""

    line: int
    data: object


@dataclass(frozen=True)
class RowProblem:
    line: int
    external_ref: str
    field: str
    code: str
    message: str

    def as_dict(self) -> dict:
        return {
            "line": self.line,
            "external_ref": self.external_ref or None,
            "field": self.field,
            "code": self.code,
            "message": self.message,
        }


@dataclass(frozen=True)
class CheckedRow:
    line: int
    external_ref: str
    book: dict[str, str]
    count: int
    params: dict


@dataclass
class CatalogueReport:
    good: list[CheckedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def bad_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})

    @property
    def credits_needed(self) -> int:
        """At most: rows whose book already had covers made will not be charged."""
        return sum(specs.credits_for(Job.OP_GENERATE, row.count) for row in self.good)

    def error(self) -> ApplicationError:
        bad = len(self.bad_lines)
        return ApplicationError(
            "invalid_rows",
            f"{bad} of {bad + len(self.good)} books have errors; nothing was created or charged.",
            extra={"rows": [p.as_dict() for p in self.problems]},
        )


# --- reading a catalogue -------------------------------------------------------------------------


def catalogue_parse(*, content: bytes, filename: str = "") -> list[CatalogueRow]:
    """The rows of a CSV or JSON catalogue (JSON: a list of books, or {"books": [...]})."""
    if len(content) > MAX_FILE_BYTES:
        raise ApplicationError(
            "catalogue_too_large", f"The file is over {MAX_FILE_BYTES // 1_000_000} MB; split the catalogue."
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApplicationError(
            "invalid_catalogue", "The file is not UTF-8 text; save the catalogue as UTF-8."
        ) from None
    looks_json = filename.lower().endswith(".json") or text.lstrip()[:1] in ("[", "{")
    return _json_rows(text) if looks_json else _csv_rows(text)


def _json_rows(text: str) -> list[CatalogueRow]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ApplicationError("invalid_catalogue", f"The file is not valid JSON: {exc}.") from None
    if isinstance(data, dict):
        data = data.get("books")
    if not isinstance(data, list):
        raise ApplicationError("invalid_catalogue", 'A JSON catalogue is a list of books or {"books": [...]}.')
    return [CatalogueRow(line=number, data=item) for number, item in enumerate(data, start=1)]


def _csv_rows(text: str) -> list[CatalogueRow]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        headings = next(reader)
    except StopIteration:
        raise ApplicationError("invalid_catalogue", "The file is empty.") from None
    except csv.Error as exc:
        raise ApplicationError("invalid_catalogue", f"The file is not valid CSV: {exc}.") from None
    names = [_HEADING_KEYS.get("".join(h.split()).replace("-", "").replace("_", "").lower()) for h in headings]
    missing = [name for name in ("title", "author", "genre") if name not in names]
    if missing:
        raise ApplicationError(
            "invalid_catalogue",
            f"The first line must name the columns; missing: {', '.join(missing)}. "
            f"Known columns: {', '.join(ROW_FIELDS)}.",
        )
    rows = []
    line = reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                data = {name: cell for name, cell in zip(names, cells, strict=False) if name and cell.strip() != ""}
                rows.append(CatalogueRow(line=line, data=data))
            line = reader.line_num + 1  # a quoted cell may span lines: the next row starts after it
    except csv.Error as exc:
        raise ApplicationError("invalid_catalogue", f"Line {reader.line_num} is not valid CSV: {exc}.") from None
    return rows


# --- checking rows -------------------------------------------------------------------------------


def _count_value(value: object, default: int) -> object:
    if value is None:
        return default
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)  # CSV cells are text
    return value


def _row_check(row: CatalogueRow, *, default_count: int) -> CheckedRow | list[RowProblem]:
    data = row.data
    if not isinstance(data, dict):
        return [RowProblem(row.line, "", "", "invalid_row", "A book must be an object of fields.")]
    raw_ref = data.get("external_ref")
    ref = " ".join(raw_ref.split()) if isinstance(raw_ref, str) else ""
    problems = []

    def problem(error: ApplicationError) -> None:
        for name in error.fields or ("",):
            problems.append(RowProblem(row.line, ref, name or "", error.code, error.message))

    if not ref:
        problems.append(
            RowProblem(
                row.line,
                "",
                "external_ref",
                "missing_required_fields",
                "external_ref is required in a batch: it is how a re-import finds the book again.",
            )
        )
    book = options = None
    try:
        book = book_clean(**{name: data.get(name) for name in BOOK_CREATE.names})
    except ApplicationError as error:
        problem(error)
    try:
        for name in OPTION_FIELDS:
            if data.get(name) is not None and not isinstance(data[name], str):
                raise ApplicationError("invalid_field_type", f"{name} must be a string.", field=name)
        options = generate_options_clean(
            count=_count_value(data.get(specs.COUNT.name), default_count),
            template_id=data.get("templateId"),
            main_elements=data.get("mainElements") or "",
            mood=data.get("mood"),
            color_palette=data.get("colorPalette"),
        )
    except ApplicationError as error:
        problem(error)
    if book is not None and options is not None:
        try:
            generate_text_check(book_fields=book, main_elements=options["params"]["main_elements"])
        except ApplicationError as error:
            problem(error)
    if problems:
        return problems
    return CheckedRow(row.line, ref, book, options["count"], options["params"])


def catalogue_check(*, rows: list[CatalogueRow], default_count: int = specs.COUNT.default) -> CatalogueReport:
    """Check every row; nothing is written. Duplicate external_refs are errors after the first."""
    if not rows:
        raise ApplicationError("missing_books", "The catalogue has no books.", field="books")
    if len(rows) > MAX_BOOKS:
        raise ApplicationError(
            "too_many_books", f"A batch holds at most {MAX_BOOKS} books; this one has {len(rows)}.", field="books"
        )
    default_count = specs.COUNT.check(default_count)
    report = CatalogueReport()
    first_line: dict[str, int] = {}
    for row in rows:
        checked = _row_check(row, default_count=default_count)
        if isinstance(checked, list):
            report.problems.extend(checked)
            continue
        if checked.external_ref in first_line:
            first = first_line[checked.external_ref]
            report.problems.append(
                RowProblem(
                    row.line,
                    checked.external_ref,
                    "external_ref",
                    "duplicate_external_ref",
                    f"external_ref {checked.external_ref!r} is already used on line {first}.",
                )
            )
            continue
        first_line[checked.external_ref] = row.line
        report.good.append(checked)
    return report


# --- creating and starting batches ---------------------------------------------------------------


def batch_draft_create(
    *,
    account: Account,
    report: CatalogueReport,
    origin: str = Batch.ORIGIN_WEB,
    source_name: str = "",
    webhook_url: str | None = None,
) -> Batch:
    """Keep the good rows of a checked catalogue, unconfirmed: no book is made, nothing is charged."""
    if not report.good:
        raise ApplicationError("missing_books", "The catalogue has no book without errors.", field="books")
    webhook_url = webhook_url_clean(webhook_url=webhook_url or "")
    with transaction.atomic():
        batch = Batch.objects.create(
            account=account, status=Batch.DRAFT, origin=origin, source_name=source_name[:200], webhook_url=webhook_url
        )
        BatchRow.objects.bulk_create(
            BatchRow(
                batch=batch,
                line=row.line,
                external_ref=row.external_ref,
                fields={"book": row.book, "params": row.params},
                count=row.count,
            )
            for row in report.good
        )
    return batch


def batch_create(
    *,
    account: Account,
    rows: list[CatalogueRow],
    webhook_url: str | None = None,
    origin: str = Batch.ORIGIN_API,
    source_name: str = "",
    default_count: int = specs.COUNT.default,
) -> Batch:
    """Check every row and start the batch; any bad row refuses all of it (400 invalid_rows with the report)."""
    report = catalogue_check(rows=rows, default_count=default_count)
    if report.problems:
        raise report.error()
    with transaction.atomic():
        batch = batch_draft_create(
            account=account, report=report, origin=origin, source_name=source_name, webhook_url=webhook_url
        )
        return batch_start(account=account, batch_id=batch.id)


def batch_start(*, account: Account, batch_id: uuid.UUID | str) -> Batch:
    """Make or find the books of a draft and queue it, if the account can pay for every row (else 402, nothing done)."""
    with transaction.atomic():
        locked = account_lock(account_id=account.pk)
        account_require_active(account=locked)
        batch = Batch.objects.select_for_update().filter(pk=batch_id, account=locked).first()
        if batch is None:
            raise ApplicationError("batch_not_found", "Batch not found or doesn't belong to your account.", status=404)
        if batch.status != Batch.DRAFT:
            raise ApplicationError("batch_already_started", "This batch has already been started.", status=409)
        rows = list(batch.rows.order_by("line"))
        books = _books_by_ref(locked, [row.external_ref for row in rows])
        earlier = _generate_jobs_by_book([book.pk for book in books.values()])
        needed = 0
        for row in rows:
            book = books.get(row.external_ref)
            row.book = book
            job = earlier.get(book.pk) if book else None
            if job is not None:
                row.job, row.reused = job, True
                row.status = {Job.COMPLETED: BatchRow.COMPLETED}.get(job.status, BatchRow.ACCEPTED)
            else:
                needed += specs.credits_for(Job.OP_GENERATE, row.count)
        balance = credits_balance(account=locked)
        if balance.total < needed:
            raise insufficient_credits_error(needed=needed, balance=balance)
        for row in rows:
            if row.book is None:
                row.book = book_insert(account=locked, cleaned=row.fields["book"])
        BatchRow.objects.bulk_update(rows, ["book", "job", "reused", "status"], batch_size=500)
        batch.status = Batch.QUEUED
        batch.started_at = timezone.now()
        batch.save(update_fields=["status", "started_at"])
        transaction.on_commit(partial(batch_feed_enqueue, batch_id=batch.id))
    return batch


def catalogue_books_import(*, account: Account, report: CatalogueReport) -> tuple[int, int]:
    """Make the books of a checked catalogue's good rows, without covers: (made, found by external_ref)."""
    with transaction.atomic():
        found = _books_by_ref(account, [row.external_ref for row in report.good])
        made = 0
        for row in report.good:
            if row.external_ref not in found:
                book_insert(account=account, cleaned=row.book)
                made += 1
    return made, len(report.good) - made


def _books_by_ref(account: Account, refs: list[str]) -> dict:
    """The account's books with these external_refs; the oldest one where several share a ref."""
    books: dict = {}
    for start in range(0, len(refs), 500):
        chunk = refs[start : start + 500]
        for book in books_for_account(account=account).filter(external_ref__in=chunk).order_by("created_at", "id"):
            books.setdefault(book.external_ref, book)
    return books


def _generate_jobs_by_book(book_ids: list) -> dict:
    """Each book's newest generate job that is queued, running or completed (a failed one is tried again)."""
    jobs: dict = {}
    for start in range(0, len(book_ids), 500):
        chunk = book_ids[start : start + 500]
        found = Job.objects.filter(
            book_id__in=chunk, operation=Job.OP_GENERATE, status__in=(Job.QUEUED, Job.RUNNING, Job.COMPLETED)
        ).order_by("-created_at")
        for job in found:
            jobs.setdefault(job.book_id, job)
    return jobs


# --- feeding jobs --------------------------------------------------------------------------------


def batch_feed_enqueue(*, batch_id: uuid.UUID) -> None:
    async_task("covers.tasks.batch_feed_task", str(batch_id), task_name=f"batch-{batch_id}")


class _NoSlot(Exception):
    """The plan's concurrency limit is reached: the row waits for a job to finish."""


# Batches being fed in this thread. With synchronous tasks (tests) a job runs inside the feed that
# accepted it and its end calls the feed again: the outer loop takes the next row instead.
_feeding = threading.local()


def batch_feed(*, batch_id: uuid.UUID | str) -> int:
    """Accept jobs for pending rows, in line order, until none is left or the plan's limit is reached.

    Returns how many this call accepted. Safe to run in several workers at once: a row is claimed
    with a conditional UPDATE in the transaction that accepts its job.
    """
    active = getattr(_feeding, "batches", None)
    if active is None:
        active = _feeding.batches = set()
    if str(batch_id) in active:
        return 0
    active.add(str(batch_id))
    try:
        return _feed(batch_id)
    finally:
        active.discard(str(batch_id))


def _feed(batch_id) -> int:
    batch = Batch.objects.select_related("account").filter(pk=batch_id, status__in=Batch.ACTIVE_STATUSES).first()
    if batch is None:
        return 0
    accepted = 0
    while True:
        row = BatchRow.objects.filter(batch=batch, status=BatchRow.PENDING).order_by("line").first()
        if row is None:
            break
        try:
            if _row_accept(batch, row):
                accepted += 1
        except _NoSlot:
            break
    if accepted or BatchRow.objects.filter(batch=batch).exclude(status=BatchRow.PENDING).exists():
        Batch.objects.filter(pk=batch.pk, status=Batch.QUEUED).update(status=Batch.RUNNING)
    batch_close_if_done(batch_id=batch.pk)
    return accepted


def _row_accept(batch: Batch, row: BatchRow) -> bool:
    """Claim a pending row and accept its job in one transaction; False if another worker claimed it."""
    with transaction.atomic():
        if not BatchRow.objects.filter(pk=row.pk, status=BatchRow.PENDING).update(status=BatchRow.ACCEPTED):
            return False
        # Another batch with the same book (a re-import started before this one was fed) made its job.
        earlier = _generate_jobs_by_book([row.book_id]).get(row.book_id)
        if earlier is not None:
            done = earlier.status == Job.COMPLETED
            BatchRow.objects.filter(pk=row.pk).update(
                job=earlier, reused=True, status=BatchRow.COMPLETED if done else BatchRow.ACCEPTED
            )
            return True
        try:
            job = job_create_generate_from_params(
                account=batch.account,
                book_id=row.book_id,
                count=row.count,
                params=row.fields.get("params", {}),
                external_ref=row.external_ref,
                memo=f"batch {batch.id}, line {row.line}",
            )
        except ApplicationError as error:
            if error.code == "concurrency_limit":
                raise _NoSlot from None  # rolls the claim back: the row stays pending
            # Refused for good (credits spent elsewhere meanwhile, a template switched off...): say why.
            BatchRow.objects.filter(pk=row.pk).update(
                status=BatchRow.FAILED, error_code=error.code, error_message=error.message
            )
            return False
        BatchRow.objects.filter(pk=row.pk).update(job=job, credits=job.credits_reserved)
    return True


def batch_job_finished(*, job_id: uuid.UUID | str, account_id: int) -> None:
    """After any job of an account finished: a slot is free, so feed its batches (and close them when done)."""
    batch_ids = set(
        BatchRow.objects.filter(job_id=job_id).values_list("batch_id", flat=True).order_by().distinct()
    ) | set(Batch.objects.filter(account_id=account_id, status__in=Batch.ACTIVE_STATUSES).values_list("pk", flat=True))
    for batch_id in batch_ids:
        batch_feed(batch_id=batch_id)


# Uploads the author never confirmed are kept this long, then forgotten (they hold no book and no charge).
DRAFT_KEPT = timedelta(days=7)


def batches_feed() -> int:
    """The minute schedule: feed every unfinished batch (in case a job's end was not seen); how many fed.

    It also forgets unconfirmed drafts older than DRAFT_KEPT.
    """
    Batch.objects.filter(status=Batch.DRAFT, created_at__lt=timezone.now() - DRAFT_KEPT).delete()
    batch_ids = list(Batch.objects.filter(status__in=Batch.ACTIVE_STATUSES).values_list("pk", flat=True))
    for batch_id in batch_ids:
        batch_feed(batch_id=batch_id)
    return len(batch_ids)


# --- closing -------------------------------------------------------------------------------------


def _rows_sync(batch_id) -> None:
    """Rows whose job has finished take its outcome: completed, partial or failed, and the credits it kept."""
    outcomes = {Job.COMPLETED: BatchRow.COMPLETED, Job.PARTIAL: BatchRow.PARTIAL, Job.FAILED: BatchRow.FAILED}
    finished = BatchRow.objects.filter(
        batch_id=batch_id, status=BatchRow.ACCEPTED, job__status__in=tuple(outcomes)
    ).select_related("job")
    for row in finished:
        job = row.job
        done = job.status == Job.COMPLETED
        BatchRow.objects.filter(pk=row.pk, status=BatchRow.ACCEPTED).update(
            status=outcomes[job.status],
            credits=0 if row.reused else job.credits_used,
            error_code="" if done else job.error_code,
            error_message="" if done else job.error_message,
        )


def batch_close_if_done(*, batch_id: uuid.UUID | str) -> bool:
    """Once no row is pending or in flight: completed, partial or failed, and `batch.completed` is sent."""
    _rows_sync(batch_id)
    counts = BatchRow.objects.filter(batch_id=batch_id).aggregate(
        open=Count("pk", filter=Q(status__in=BatchRow.OPEN_STATUSES)),
        completed=Count("pk", filter=Q(status=BatchRow.COMPLETED)),
        partial=Count("pk", filter=Q(status=BatchRow.PARTIAL)),
        failed=Count("pk", filter=Q(status=BatchRow.FAILED)),
    )
    if counts["open"]:
        return False
    if not counts["failed"] and not counts["partial"]:
        status = Batch.COMPLETED
    elif counts["completed"] or counts["partial"]:
        status = Batch.PARTIAL
    else:
        status = Batch.FAILED
    with transaction.atomic():
        closed = Batch.objects.filter(pk=batch_id, status__in=Batch.ACTIVE_STATUSES).update(
            status=status, completed_at=timezone.now()
        )
        if closed:
            _webhook_schedule(Batch.objects.select_related("account").get(pk=batch_id))
    return bool(closed)


def _webhook_schedule(batch: Batch) -> None:
    url = batch.webhook_url or batch.account.webhook_url
    if not url:
        return
    delivery = WebhookDelivery.objects.create(
        batch=batch, event="batch.completed", url=url, next_attempt_at=timezone.now()
    )
    transaction.on_commit(partial(webhook_enqueue, delivery_id=delivery.pk))
