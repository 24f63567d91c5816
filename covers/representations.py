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
from covers.models import ASSET_TYPES, Cover, CoverAsset, Job, Template
from covers.selectors import job_queue_estimate
from covers.storage import SignedUrl, signed_file_url


def asset_signed_url(asset: CoverAsset) -> SignedUrl:
    return signed_file_url(name=asset.storage_name, checksum=asset.checksum, content_type=asset.content_type)


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


def _signed_entry(storage_name: str, checksum: str, content_type: str) -> dict:
    signed = signed_file_url(name=storage_name, checksum=checksum, content_type=content_type)
    return {"signedUrl": signed.url, "expiresAt": iso_millis(signed.expires_at)}


def job_result_data(job: Job) -> dict | None:
    """The operation-specific result (also the webhook's `data`), or None before anything was delivered.

    Polled often, so it reads what it needs in one query (the covers' assets with their template).
    """
    stored = job.result or {}
    cover_ids = [uuid.UUID(str(i)) for i in stored.get("cover_ids") or []]
    if not cover_ids:
        return None
    per_asset = job.operation in (Job.OP_UPSCALE, Job.OP_AUDIOBOOK)
    asset_type = (stored.get("asset") or job.target_asset) if per_asset else "preview"
    rows = {
        cover_id: (template_id, storage_name, checksum, content_type)
        for cover_id, template_id, storage_name, checksum, content_type in CoverAsset.objects.filter(
            cover_id__in=cover_ids, asset_type=asset_type
        )
        .order_by()
        .values_list("cover_id", "cover__template_id", "storage_name", "checksum", "content_type")
    }
    missing = [c for c in cover_ids if c not in rows]
    styles = dict(Cover.objects.filter(pk__in=missing).order_by().values_list("pk", "template_id")) if missing else {}
    entries = []
    for cover_id in cover_ids:
        row = rows.get(cover_id)
        entry: dict = {"coverId": str(cover_id)}
        if per_asset:
            entry["asset"] = asset_type
        if row is not None:
            entry.update(_signed_entry(*row[1:]))
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
        signed = asset_signed_url(asset)
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
