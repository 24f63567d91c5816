"""The JSON shapes of jobs, covers and templates, as the contract spells them.

Field names are the contract's own mix of camelCase and snake_case (`jobId`, `external_ref`,
`credits_used`, `signedUrl`): do not "fix" them. Signed URLs are made fresh on every call.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.urls import reverse

from byc_site.formats import api_datetime as iso
from byc_site.formats import api_datetime_ms as iso_millis
from covers.downloads import download_name, print_download_name
from covers.models import (
    ASSET_PRINT_PDF,
    ASSET_PRINT_PROOF,
    ASSET_TYPES,
    ABSet,
    Batch,
    BatchRow,
    Cover,
    CoverAsset,
    Job,
    Template,
    cover_visible,
)
from covers.selectors import job_queue_estimate
from covers.storage import SignedUrl, StoredFile, signed_file_url

PRINT_ASSETS = (ASSET_PRINT_PDF, ASSET_PRINT_PROOF)


def asset_download_name(asset: CoverAsset, *, content_type: str | None = None, title: str | None = None) -> str:
    """The asset's file name for downloads, after its book's title (see covers.downloads)."""
    return download_name(
        title=asset.cover.book.title if title is None else title,
        asset_type=asset.asset_type,
        content_type=content_type or asset.content_type,
        width=asset.width,
        height=asset.height,
    )


def asset_signed_url(
    asset: CoverAsset,
    *,
    variant: StoredFile | None = None,
    variant_type: str = "",
    title: str | None = None,
    name: str | None = None,
) -> SignedUrl:
    """A fresh signed URL of an asset's file (or of a `variant` of it, such as its JPEG, of
    content type `variant_type`), downloaded under the book's name (or `name`)."""
    content_type = variant_type if variant is not None else asset.content_type
    return signed_file_url(
        name=variant.name if variant is not None else asset.storage_name,
        checksum=variant.checksum if variant is not None else asset.checksum,
        content_type=content_type,
        download_name=name or asset_download_name(asset, content_type=content_type, title=title),
    )


def poll_url(job: Job) -> str:
    return reverse("api:job-detail", kwargs={"job_id": str(job.id)})


def job_accepted(job: Job) -> dict:
    """The 202 body every job-creating POST answers with."""
    return {
        "jobId": str(job.id),
        "status": job.status,
        "operation": job.operation,
        "external_ref": job.external_ref or None,
        "created_at": iso(job.created_at),
        "poll_url": poll_url(job),
    }


def _signed_entry(asset: CoverAsset, title: str) -> dict:
    signed = asset_signed_url(asset, title=title)
    return {"signedUrl": signed.url, "expiresAt": iso_millis(signed.expires_at)}


def job_result_data(job: Job) -> dict | None:
    """The operation-specific result (also the webhook's `data`), or None before anything was delivered.

    Polled often, so it reads what it needs in one query (the covers' assets with their template).
    """
    stored = job.result or {}
    cover_ids = [uuid.UUID(str(i)) for i in stored.get("cover_ids") or []]
    if not cover_ids:
        return None
    if job.operation == Job.OP_PRINT_WRAP:
        return _print_wrap_result(job, stored)
    per_asset = job.operation in Job.PER_ASSET_OPERATIONS
    asset_type = (stored.get("asset") or job.target_asset) if per_asset else "preview"
    rows = {
        asset.cover_id: (template_id, title, asset)
        for asset, template_id, title in (
            (asset, asset.cover.template_id, asset.cover.book.title)
            for asset in CoverAsset.objects
            .filter(cover_visible("cover__"), cover_id__in=cover_ids, asset_type=asset_type)
            .select_related("cover__book")
            .only("cover_id", "asset_type", "storage_name", "checksum", "content_type", "width", "height",
                  "cover__template_id", "cover__book__title")
            .order_by()
        )
    }  # fmt: skip
    missing = [c for c in cover_ids if c not in rows]
    styles = (
        dict(Cover.objects.filter(cover_visible(), pk__in=missing).order_by().values_list("pk", "template_id"))
        if missing
        else {}
    )
    entries = []
    for cover_id in cover_ids:
        row = rows.get(cover_id)
        if row is None and cover_id not in styles:
            continue  # deleted since (or its book was): no longer shown
        entry: dict = {"coverId": str(cover_id)}
        if per_asset:
            entry["asset"] = asset_type
        if row is not None:
            entry.update(_signed_entry(row[2], row[1]))
        elif not per_asset:
            entry.update(signedUrl=None, expiresAt=None)
        if not per_asset:
            entry["coverStyle"] = row[0] if row is not None else styles.get(cover_id)
        entries.append(entry)
    if per_asset:
        return {"covers": entries}
    if job.operation == Job.OP_GENERATE:
        return {"bookId": str(job.book_id), "covers": entries}
    return {"sourceCoverId": str(job.source_cover_id), "covers": entries}


def _print_wrap_result(job: Job, stored: dict) -> dict:
    """The wrap's PDF and proof (signed URLs, named after the book and the target) and what the engine
    measured of the wrap."""
    target = (job.params or {}).get("target") or "print"
    assets = CoverAsset.objects.filter(
        cover_visible("cover__"), cover_id=job.source_cover_id, asset_type__in=PRINT_ASSETS
    ).select_related("cover__book")
    entries = {}
    for asset in assets:
        name = print_download_name(
            title=asset.cover.book.title, target=target, asset_type=asset.asset_type, content_type=asset.content_type
        )
        signed = asset_signed_url(asset, name=name)
        entries[asset.asset_type] = {
            "asset": asset.asset_type,
            "signedUrl": signed.url,
            "expiresAt": iso_millis(signed.expires_at),
        }
    return {"sourceCoverId": str(job.source_cover_id), "assets": entries, "print": stored.get("print")}


def job_error(job: Job) -> dict | None:
    """Why a job failed, or why a partial one delivered fewer covers than asked."""
    if job.status in (Job.FAILED, Job.PARTIAL):
        return {"code": job.error_code, "message": job.error_message}
    return None


def job_detail(job: Job) -> dict:
    error = job_error(job)
    return {
        "jobId": str(job.id),
        "status": job.status,
        "operation": job.operation,
        "external_ref": job.external_ref or None,
        "credits_used": job.credits_used,
        "created_at": iso(job.created_at),
        "started_at": iso(job.started_at),
        "completed_at": iso(job.completed_at),
        "result": job_result_data(job) if job.is_finished else None,
        "error": error,
        # Additive to the contract: while covers of the job wait for a worker, where it stands.
        "queue": estimate.as_dict() if (estimate := job_queue_estimate(job)) else None,
    }


def job_summary(job: Job) -> dict:
    """A job in a list: no result (and so no signing); poll the job for its covers."""
    return {
        "jobId": str(job.id),
        "status": job.status,
        "operation": job.operation,
        "external_ref": job.external_ref or None,
        "credits_used": job.credits_used,
        "bookId": str(job.book_id) if job.book_id else None,
        "sourceCoverId": str(job.source_cover_id) if job.source_cover_id else None,
        "created_at": iso(job.created_at),
        "started_at": iso(job.started_at),
        "completed_at": iso(job.completed_at),
        "error": job_error(job),
        "poll_url": poll_url(job),
    }


def cover_detail(cover: Cover) -> dict:
    """Cover metadata with every asset type: `available`, plus a fresh signed URL for those that exist."""
    by_type = {asset.asset_type: asset for asset in cover.assets.all()}
    assets = {}
    for asset_type in ASSET_TYPES:
        asset = by_type.get(asset_type)
        if asset is None:
            assets[asset_type] = {"available": False}
            continue
        signed = asset_signed_url(asset, title=cover.book.title)
        assets[asset_type] = {
            "available": True,
            "signedUrl": signed.url,
            "expiresAt": iso_millis(signed.expires_at),
            "width": asset.width,
            "height": asset.height,
        }
    return {
        "coverId": str(cover.id),
        "bookId": str(cover.book_id),
        "coverStyle": cover.template_id,
        "operation": cover.operation,
        "sourceCoverId": str(cover.source_cover_id) if cover.source_cover_id else None,
        "created_at": iso(cover.created_at),
        "assets": assets,
        "design": cover_design(cover),
        "chosen": cover.chosen_at is not None,
    }


def cover_design(cover: Cover) -> dict | None:
    """The engine's design report (additive to the contract); None for covers made before it existed."""
    return cover.design or None


def template_entry(template: Template) -> dict:
    path = reverse("api:template-preview", kwargs={"template_id": template.id})
    return {
        "id": template.id,
        "name": template.name,
        "family": template.family,
        "templateType": template.template_type,
        "genreBuckets": list(template.genre_buckets),
        "previewImage": f"{settings.PUBLIC_URL}{path}",
    }


# The event each finished status sends. `job.partial`: some covers delivered (in `data`), the
# others refunded (`error` says why).
WEBHOOK_EVENTS = {Job.COMPLETED: "job.completed", Job.PARTIAL: "job.partial", Job.FAILED: "job.failed"}


def webhook_event(job: Job) -> str:
    return WEBHOOK_EVENTS.get(job.status, "job.failed")


def webhook_payload(job: Job, *, timestamp: datetime) -> dict:
    completed = job.status == Job.COMPLETED
    payload = {
        "event": webhook_event(job),
        "jobId": str(job.id),
        "external_ref": job.external_ref or None,
        "status": job.status,
        "operation": job.operation,
        "timestamp": iso(timestamp),
        "data": job_result_data(job),
    }
    if not completed:
        payload["error"] = {"code": job.error_code, "message": job.error_message}
    return payload


def ab_set_detail(ab_set: ABSet) -> dict:
    """An A/B set: its variants in letter order and the winner, once recorded."""
    return {
        "abSetId": str(ab_set.id),
        "bookId": str(ab_set.book_id),
        "name": ab_set.name,
        "variants": [{"variant": m.variant, "coverId": str(m.cover_id)} for m in ab_set.members.all()],
        "winnerCoverId": str(ab_set.winner_id) if ab_set.winner_id else None,
        "winnerNote": ab_set.winner_note or None,
        "winnerRecordedAt": iso(ab_set.winner_recorded_at),
        "created_at": iso(ab_set.created_at),
        "export_url": reverse("api:ab-set-export", kwargs={"ab_set_id": str(ab_set.id)}),
    }


# --- batches ---------------------------------------------------------------------------------------

BATCH_STATUSES = tuple(status for status, _label in Batch.STATUS_CHOICES if status != Batch.DRAFT)
BATCH_ROW_STATUSES = ("pending", "queued", "running", "completed", "partial", "failed")
# Rows whose job has ended: their covers (some, for partial) and, unless completed, the reason.
BATCH_ROW_ENDED = ("completed", "partial", "failed")


def batch_poll_url(batch: Batch) -> str:
    return reverse("api:batch-detail", kwargs={"batch_id": str(batch.id)})


def batch_row_status(row: BatchRow) -> str:
    """pending (waiting for a job slot), queued, running (its job's state), completed, partial or failed."""
    if row.status == BatchRow.ACCEPTED:
        return row.job.status if row.job_id else BatchRow.PENDING
    return row.status


def batch_counts(rows: list[BatchRow]) -> dict:
    counts = dict.fromkeys(BATCH_ROW_STATUSES, 0)
    for row in rows:
        counts[batch_row_status(row)] += 1
    return {"total": len(rows), **counts}


def batch_rows(batch: Batch) -> list[BatchRow]:
    """The rows with what their status needs (the job's state), in line order: one query."""
    return list(batch.rows.select_related("job").only(*_ROW_COLUMNS).order_by("line"))


_ROW_COLUMNS = (
    "line",
    "external_ref",
    "count",
    "book_id",
    "job_id",
    "job__status",
    "reused",
    "status",
    "credits",
    "error_code",
    "error_message",
)


def batch_accepted(batch: Batch) -> dict:
    """The 202 body of POST /batches."""
    rows = batch_rows(batch)
    return {
        "batchId": str(batch.id),
        "status": batch.status,
        "created_at": iso(batch.created_at),
        "counts": batch_counts(rows),
        "credits_needed": sum(row.count for row in rows if not row.reused),
        "reused": sum(1 for row in rows if row.reused),
        "poll_url": batch_poll_url(batch),
    }


def _job_covers(job_ids: list, *, signed: bool) -> dict:
    """{job id: [its covers' entries, in job order]} for the preview assets of these jobs, in one query."""
    found: dict = {}
    assets = (
        CoverAsset.objects.filter(cover_visible("cover__"), cover__job_id__in=job_ids, asset_type="preview")
        .select_related("cover__book")
        .only("cover_id", "asset_type", "storage_name", "checksum", "content_type", "width", "height",
              "cover__job_id", "cover__template_id", "cover__book__title")
        .order_by("cover__job_position")
    )  # fmt: skip
    for asset in assets:
        entry = {"coverId": str(asset.cover_id), "coverStyle": asset.cover.template_id}
        if signed:
            entry.update(_signed_entry(asset, asset.cover.book.title))
        found.setdefault(asset.cover.job_id, []).append(entry)
    return found


def batch_detail(batch: Batch, *, signed: bool = True) -> dict:
    """GET /batches/:id (and, without signed links, the `batch.completed` webhook's data)."""
    rows = batch_rows(batch)
    covers = _job_covers([row.job_id for row in rows if row.job_id], signed=signed)
    books = []
    for row in rows:
        status = batch_row_status(row)
        books.append(
            {
                "line": row.line,
                "external_ref": row.external_ref,
                "bookId": str(row.book_id) if row.book_id else None,
                "jobId": str(row.job_id) if row.job_id else None,
                "status": status,
                "reused": row.reused,
                "count": row.count,
                "credits": row.credits,
                "covers": covers.get(row.job_id, []) if status in BATCH_ROW_ENDED else [],
                "error": {"code": row.error_code, "message": row.error_message}
                if status in ("partial", "failed")
                else None,
            }
        )
    return {
        "batchId": str(batch.id),
        "status": batch.status,
        "created_at": iso(batch.created_at),
        "started_at": iso(batch.started_at),
        "completed_at": iso(batch.completed_at),
        "counts": batch_counts(rows),
        "credits_used": sum(row.credits for row in rows),
        "books": books,
        "poll_url": batch_poll_url(batch),
    }


def batch_webhook_payload(batch: Batch, *, timestamp: datetime) -> dict:
    """`batch.completed`: the batch's outcome per book, cover ids without links (GET poll_url for them)."""
    return {"event": "batch.completed", "timestamp": iso(timestamp), **batch_detail(batch, signed=False)}
