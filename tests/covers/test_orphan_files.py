"""Stored images that no asset row names (a render that crashed between storing and recording) are deleted."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from covers import services
from covers.models import CoverAsset
from covers.storage import file_exists, file_store

pytestmark = pytest.mark.django_db


def _age(name: str, hours: float) -> None:
    stamp = (timezone.now() - timedelta(hours=hours)).timestamp()
    os.utime(default_storage.path(name), (stamp, stamp))


def test_old_orphans_go_and_recorded_or_recent_files_stay(account, make_cover, settings):
    settings.COVERS_ORPHAN_GRACE = 3600
    cover = make_cover(account=account)
    recorded = cover.assets.get().storage_name
    orphan = file_store(name=f"covers/{account.id}/crashed/preview-0000.png", data=b"\x89PNG crashed").name
    in_flight = file_store(name=f"covers/{account.id}/rendering/preview-1111.png", data=b"\x89PNG fresh").name
    elsewhere = file_store(name="thumbs/unrelated-400.jpg", data=b"jpeg").name
    for name in (recorded, orphan, elsewhere):
        _age(name, hours=2)
    _age(in_flight, hours=0.5)
    assert services.orphan_files_delete() == 1
    assert not file_exists(orphan)
    assert file_exists(recorded) and file_exists(in_flight) and file_exists(elsewhere)
    assert CoverAsset.objects.filter(storage_name=recorded).exists()
    assert services.orphan_files_delete() == 0


def test_orphans_are_found_in_a_bucket_too(account, make_cover, s3_storage, settings):
    settings.COVERS_ORPHAN_GRACE = 0  # everything is "old": only the asset rows protect files
    cover = make_cover(account=account)
    recorded = cover.assets.get().storage_name
    orphan = file_store(name=f"covers/{account.id}/crashed/preview-2222.png", data=b"\x89PNG crashed").name
    later = timezone.now() + timedelta(seconds=5)
    assert services.orphan_files_delete(now=later) >= 1  # the bucket is shared with the session's other tests
    assert not file_exists(orphan) and file_exists(recorded)
