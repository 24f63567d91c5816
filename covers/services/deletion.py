"""Deleting covers (soft), restoring deleted books and covers, and purging them with their files.

A deleted book or cover is hidden at once from every selector, API list and page (see
`covers.models.cover_visible` and `books.selectors`); staff can restore it in the admin until the
purge, DELETED_KEPT_FOR after the deletion, removes its rows and files for good.

Jobs outlive what they made: a purge detaches them (book and source cover set to null) so the
account's job history and its ledger lines keep their meaning.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from billing.models import Account
from books.models import Book
from books.services import DELETED_KEPT_FOR
from byc_site.errors import ApplicationError
from covers.models import Cover, CoverAsset, Job
from covers.selectors import cover_get_for_account
from covers.services.thumbs import THUMB_WIDTHS, thumbnail_name
from covers.storage import file_delete

logger = logging.getLogger(__name__)


def cover_delete(*, account: Account, cover_id: object) -> Cover:
    """Soft-delete one of the account's covers (404 cover_not_found for anyone else's or a deleted one).

    Covers made from it stay; jobs still in flight from it fail at their next unit (cover_deleted).
    """
    cover = cover_get_for_account(account=account, cover_id=cover_id)
    now = timezone.now()
    # A deleted cover is no longer the chosen one (the book may choose another).
    if not Cover.objects.filter(pk=cover.pk, deleted_at__isnull=True).update(deleted_at=now, chosen_at=None):
        raise ApplicationError("cover_not_found", "Cover not found or doesn't belong to your account.", status=404)
    cover.deleted_at = now
    return cover


def cover_restore(*, cover_id: object) -> bool:
    """Staff: bring a deleted cover back. False if it was not deleted. (A cover of a deleted book
    stays hidden until its book is restored too.)"""
    return bool(Cover.objects.filter(pk=cover_id, deleted_at__isnull=False).update(deleted_at=None))


@dataclass(frozen=True)
class PurgeReport:
    books: int
    covers: int
    files: int


def deleted_purge(*, now=None) -> PurgeReport:
    """Remove books and covers deleted more than DELETED_KEPT_FOR ago, with their image files.

    Rows go in one transaction; files are removed once it has committed (a file left behind by a
    crash in between is harmless, a row pointing at a removed file is not).
    """
    cutoff = (now or timezone.now()) - DELETED_KEPT_FOR
    with transaction.atomic():
        book_ids = list(Book.objects.filter(deleted_at__lt=cutoff).values_list("pk", flat=True))
        covers = Cover.objects.filter(Q(deleted_at__lt=cutoff) | Q(book_id__in=book_ids))
        cover_ids = list(covers.values_list("pk", flat=True))
        assets = list(CoverAsset.objects.filter(cover_id__in=cover_ids).values_list("storage_name", "checksum"))
        Job.objects.filter(source_cover_id__in=cover_ids).update(source_cover=None)
        Job.objects.filter(book_id__in=book_ids).update(book=None)
        Cover.objects.filter(pk__in=cover_ids).delete()
        Book.objects.filter(pk__in=book_ids).delete()
        # A thumbnail is named by its image's checksum: keep it while another asset still has that image.
        checksums = {checksum for _name, checksum in assets}
        shared = set(CoverAsset.objects.filter(checksum__in=checksums).values_list("checksum", flat=True))
        names = [name for name, _checksum in assets]
        names += [thumbnail_name(checksum=c, width=w) for c in checksums - shared for w in THUMB_WIDTHS]
        transaction.on_commit(partial(_files_delete, names))
    if book_ids or cover_ids:
        logger.info("Purged %s deleted book(s) and %s cover(s)", len(book_ids), len(cover_ids))
    return PurgeReport(books=len(book_ids), covers=len(cover_ids), files=len(names))


def _files_delete(names: list[str]) -> None:
    for name in names:
        try:
            file_delete(name)
        except Exception:
            logger.exception("Could not delete %s; it is no longer referenced", name)
