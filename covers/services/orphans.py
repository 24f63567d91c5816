"""Removing stored images that no asset row points at.

A render stores its files before the transaction that records them; a worker killed between the
two (or a database lost at that moment) leaves files nobody will ever serve or delete. They are
found by listing the storage and deleted once older than a grace period, so a unit still between
its store and its commit is never touched.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from itertools import islice

from django.utils import timezone

from covers import conf
from covers.models import CoverAsset
from covers.storage import file_delete, files_list

logger = logging.getLogger(__name__)

# Rendered images live under covers/<account>/<cover>/ (see run.job_unit_run).
ASSET_PREFIX = "covers"
_BATCH = 500


def orphan_files_delete(*, now: datetime | None = None) -> int:
    """Delete asset files older than the grace period that no CoverAsset names; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(seconds=conf.orphan_grace_seconds())
    old = (name for name, modified in files_list(ASSET_PREFIX) if modified < cutoff)
    deleted = 0
    while names := list(islice(old, _BATCH)):
        known = set(CoverAsset.objects.filter(storage_name__in=names).values_list("storage_name", flat=True))
        for name in names:
            if name not in known:
                file_delete(name)
                deleted += 1
    if deleted:
        logger.warning("Deleted %s orphaned asset file(s) older than %s", deleted, cutoff.isoformat())
    return deleted
