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
from covers.models import ASSET_TYPE_CHOICES, Cover, CoverAsset, Job, Template
from covers.storage import SignedUrl, signed_file_url

ASSET_TYPES = [value for value, _label in ASSET_TYPE_CHOICES]


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


def _cover_entry(cover: Cover, asset: CoverAsset | None) -> dict:
    entry: dict = {"coverId": str(cover.id)}
    if asset is not None:
        signed = asset_signed_url(asset)
        entry["signedUrl"] = signed.url
        entry["expiresAt"] = iso_millis(signed.expires_at)
    else:
        entry["signedUrl"] = None
        entry["expiresAt"] = None
    entry["coverStyle"] = cover.template_id
    return entry


def job_result_data(job: Job) -> dict | None:
    """The operation-specific result (also the webhook's `data`), or None before anything was delivered."""
    stored = job.result or {}
    cover_ids = stored.get("cover_ids") or []
    if not cover_ids:
        return None
    covers = {c.id: c for c in Cover.objects.filter(pk__in=cover_ids).prefetch_related("assets")}
    ordered = [covers[c] for c in (_as_uuid(i) for i in cover_ids) if c in covers]
    if job.operation in (Job.OP_UPSCALE, Job.OP_AUDIOBOOK):
        asset_type = stored.get("asset") or job.target_asset
        entries = []
        for cover in ordered:
            asset = next((a for a in cover.assets.all() if a.asset_type == asset_type), None)
            entry = {"coverId": str(cover.id), "asset": asset_type}
            if asset is not None:
                signed = asset_signed_url(asset)
                entry.update(signedUrl=signed.url, expiresAt=iso_millis(signed.expires_at))
            entries.append(entry)
        return {"covers": entries}
    entries = []
    for cover in ordered:
        preview = next((a for a in cover.assets.all() if a.asset_type == "preview"), None)
        entries.append(_cover_entry(cover, preview))
    if job.operation == Job.OP_GENERATE:
        return {"bookId": str(job.book_id), "covers": entries}
    return {"sourceCoverId": str(job.source_cover_id), "covers": entries}


def _as_uuid(value: str) -> uuid.UUID:
    return uuid.UUID(str(value))


def job_detail(job: Job) -> dict:
    error = {"code": job.error_code, "message": job.error_message} if job.status == Job.FAILED else None
    return {
        "jobId": str(job.id),
        "status": job.status,
        "operation": job.operation,
        "external_ref": job.external_ref or None,
        "credits_used": job.credits_used,
        "created_at": iso(job.created_at),
        "started_at": iso(job.started_at),
        "completed_at": iso(job.completed_at),
        "result": job_result_data(job) if job.status in (Job.COMPLETED, Job.FAILED) else None,
        "error": error,
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
        "error": {"code": job.error_code, "message": job.error_message} if job.status == Job.FAILED else None,
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
    }


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


def webhook_payload(job: Job, *, timestamp: datetime) -> dict:
    completed = job.status == Job.COMPLETED
    payload = {
        "event": "job.completed" if completed else "job.failed",
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
