"""Comparing and choosing: the chosen cover of a book and A/B sets of two to four covers.

An A/B set is exported as a zip the publisher uploads to their own store's experiment tool: the
covers' ebook images named by variant letter, and a manifest (JSON for tools, CSV for a
spreadsheet) with each variant's cover id, file name, SHA-256 and empty impressions/clicks columns
to fill in. The winner they report back is recorded on the set.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from billing.models import Account
from books.models import Book
from books.selectors import book_get_for_account
from byc_site.errors import ApplicationError
from byc_site.formats import api_datetime
from covers import selectors
from covers.models import ASSET_PREVIEW, ABSet, ABSetMember, Cover
from covers.specs import AB_SET_NAME, AB_SET_WINNER_NOTE
from covers.storage import file_read

MANIFEST_VERSION = 1
TRACKING_COLUMNS = ("impressions", "clicks", "sales")


def cover_choose(*, account: Account, cover_id: object) -> Cover:
    """Make this cover the book's chosen one (404 cover_not_found for anyone else's cover).

    The book row is locked, so two choices at once end with one chosen cover, not an error.
    """
    cover = selectors.cover_get_for_account(account=account, cover_id=cover_id)
    with transaction.atomic():
        Book.objects.select_for_update().filter(pk=cover.book_id).first()
        Cover.objects.filter(book_id=cover.book_id, chosen_at__isnull=False).exclude(pk=cover.pk).update(chosen_at=None)
        if cover.chosen_at is None:
            cover.chosen_at = timezone.now()
            Cover.objects.filter(pk=cover.pk).update(chosen_at=cover.chosen_at)
    return cover


def _distinct_cover_ids(cover_ids: object) -> list:
    if not isinstance(cover_ids, list | tuple) or not all(isinstance(c, str) for c in cover_ids):
        raise ApplicationError("invalid_field_type", "coverIds must be a list of cover ids.", field="coverIds")
    unique = list(dict.fromkeys(c.strip() for c in cover_ids))
    if not ABSet.MIN_COVERS <= len(unique) <= len(ABSet.VARIANTS):
        raise ApplicationError(
            "invalid_count",
            f"An A/B set has {ABSet.MIN_COVERS} to {len(ABSet.VARIANTS)} different covers; {len(unique)} given.",
            field="coverIds",
        )
    return unique


def ab_set_create(*, account: Account, book_id: object, cover_ids: object, name: str = "") -> ABSet:
    """Mark two to four covers of one book as an A/B set; variants A, B, C, D follow the given order.

    404 for a book or cover that is not the account's; 400 for a cover of another book or one
    without its ebook image (nothing to export).
    """
    book = book_get_for_account(account=account, book_id=book_id)
    unique = _distinct_cover_ids(cover_ids)
    covers = [selectors.cover_get_for_account(account=account, cover_id=c) for c in unique]
    for cover in covers:
        if cover.book_id != book.id:
            raise ApplicationError(
                "invalid_field_value", f"Cover {cover.id} belongs to another book.", field="coverIds"
            )
        if not any(a.asset_type == ASSET_PREVIEW for a in cover.assets.all()):
            raise ApplicationError(
                "asset_not_ready", f"Cover {cover.id} has no ebook image yet.", field="coverIds", status=409
            )
    name = (name or "").strip()
    AB_SET_NAME.check_length(name)
    name = name or f"{book.title[:80]} · {timezone.now():%d %b %Y}"
    with transaction.atomic():
        ab_set = ABSet.objects.create(account=account, book=book, name=name)
        ABSetMember.objects.bulk_create(
            ABSetMember(ab_set=ab_set, cover=cover, variant=variant)
            for variant, cover in zip(ABSet.VARIANTS, covers, strict=False)
        )
    return ab_set


def ab_set_record_winner(*, account: Account, ab_set_id: object, cover_id: object, note: str = "") -> ABSet:
    """Record which variant won (400 if the cover is not in the set). Recording again replaces it."""
    ab_set = selectors.ab_set_get_for_account(account=account, ab_set_id=ab_set_id)
    note = (note or "").strip()
    AB_SET_WINNER_NOTE.check_length(note)
    member = next((m for m in ab_set.members.all() if str(m.cover_id) == str(cover_id)), None)
    if member is None:
        raise ApplicationError("invalid_field_value", "That cover is not part of this A/B set.", field="coverId")
    ab_set.winner_id = member.cover_id
    ab_set.winner_note = note
    ab_set.winner_recorded_at = timezone.now()
    ab_set.save(update_fields=["winner", "winner_note", "winner_recorded_at"])
    return ab_set


def ab_set_file_name(ab_set: ABSet, member: ABSetMember) -> str:
    """`A-the-last-witness-1a2b3c4d.png`: the variant first so the files sort as the test reads."""
    slug = slugify(ab_set.book.title)[:60] or "cover"
    return f"{member.variant}-{slug}-{str(member.cover_id)[:8]}.png"


def ab_set_manifest(ab_set: ABSet, checksums: dict[str, str]) -> dict:
    """The manifest's data: one entry per variant, with empty counters to fill in from the store."""
    return {
        "manifestVersion": MANIFEST_VERSION,
        "abSetId": str(ab_set.id),
        "name": ab_set.name,
        "bookId": str(ab_set.book_id),
        "bookTitle": ab_set.book.title,
        "exportedAt": api_datetime(timezone.now()),
        "asset": "preview (1600 x 2560 ebook cover)",
        "variants": [
            {
                "variant": m.variant,
                "coverId": str(m.cover_id),
                "file": ab_set_file_name(ab_set, m),
                "sha256": checksums[m.variant],
                **dict.fromkeys(TRACKING_COLUMNS),
            }
            for m in ab_set.members.all()
        ],
        "winner": {
            "coverId": str(ab_set.winner_id) if ab_set.winner_id else None,
            "recordedAt": api_datetime(ab_set.winner_recorded_at),
            "note": ab_set.winner_note or None,
        },
    }


def ab_set_export(*, ab_set: ABSet) -> tuple[str, bytes]:
    """The set as a zip: the ebook images, manifest.json and tracking.csv. Returns (file name, bytes)."""
    members = list(ab_set.members.select_related("cover").prefetch_related("cover__assets"))
    buffer = io.BytesIO()
    checksums: dict[str, str] = {}
    with zipfile.ZipFile(buffer, "w") as archive:
        for member in members:
            asset = next(a for a in member.cover.assets.all() if a.asset_type == ASSET_PREVIEW)
            data = file_read(asset.storage_name)
            checksums[member.variant] = hashlib.sha256(data).hexdigest()
            # PNGs are compressed already: store them as they are.
            archive.writestr(ab_set_file_name(ab_set, member), data, compress_type=zipfile.ZIP_STORED)
        manifest = ab_set_manifest(ab_set, checksums)
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        sheet = io.StringIO()
        writer = csv.writer(sheet)
        writer.writerow(["variant", "cover_id", "file", "sha256", *TRACKING_COLUMNS, "notes"])
        for entry in manifest["variants"]:
            writer.writerow([entry["variant"], entry["coverId"], entry["file"], entry["sha256"], "", "", "", ""])
        archive.writestr("tracking.csv", sheet.getvalue(), compress_type=zipfile.ZIP_DEFLATED)
    slug = slugify(ab_set.book.title)[:60] or "book"
    return f"ab-set-{slug}-{str(ab_set.id)[:8]}.zip", buffer.getvalue()
