"""Where rendered images live and how clients get at them: signed URLs that expire.

`BYC_STORAGE=local` keeps files under the data dir and signs URLs to our own file view with
django.core.signing (HMAC with SECRET_KEY); `BYC_STORAGE=s3` stores in a bucket and hands out
S3 presigned GET URLs, which the S3 server checks itself.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from covers import conf
from covers.downloads import content_disposition

_SALT = "covers.storage.signed-file"


@dataclass(frozen=True)
class StoredFile:
    name: str
    size_bytes: int
    checksum: str


@dataclass(frozen=True)
class SignedUrl:
    url: str
    expires_at: datetime


class SignedUrlInvalid(Exception):
    """The token was tampered with, or it expired."""


def file_store(*, name: str, data: bytes) -> StoredFile:
    """Save bytes under `name` (the backend may alter it to keep names unique) and describe them."""
    stored_name = default_storage.save(name, ContentFile(data))
    return StoredFile(name=stored_name, size_bytes=len(data), checksum=hashlib.sha256(data).hexdigest())


def file_read(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def file_open(name: str):
    return default_storage.open(name, "rb")


def file_size(name: str) -> int:
    return default_storage.size(name)


def file_exists(name: str) -> bool:
    return default_storage.exists(name)


def file_delete(name: str) -> None:
    default_storage.delete(name)


def files_list(prefix: str) -> Iterator[tuple[str, datetime]]:
    """Every stored file under `prefix` (a folder name, no trailing slash) with its modification time.

    A bucket is listed a thousand keys a request; other backends are walked folder by folder.
    """
    bucket = getattr(default_storage, "bucket", None)
    if bucket is not None:
        for summary in bucket.objects.filter(Prefix=f"{prefix}/"):
            yield summary.key, summary.last_modified
        return
    folders = [prefix]
    while folders:
        folder = folders.pop()
        try:
            subfolders, files = default_storage.listdir(folder)
        except FileNotFoundError:
            continue
        folders.extend(f"{folder}/{name}" for name in subfolders)
        for name in files:
            path = f"{folder}/{name}"
            yield path, default_storage.get_modified_time(path)


def signed_file_url(
    *,
    name: str,
    checksum: str = "",
    content_type: str = "image/png",
    seconds: int | None = None,
    download_name: str = "",
) -> SignedUrl:
    """A URL anyone can GET for `seconds` (default one hour), then refused.

    With a `download_name`, the file comes as an attachment of that name (covers.downloads): our
    file view sends the header itself; for S3 it is part of the presigned request
    (response-content-disposition), so the bucket sends it and the signature covers it.
    """
    seconds = conf.signed_url_seconds() if seconds is None else seconds
    now = timezone.now().replace(microsecond=0)
    expires_at = now + timedelta(seconds=seconds)
    if settings.BYC_STORAGE == "s3":
        parameters = {"ResponseContentType": content_type}
        if download_name:
            parameters["ResponseContentDisposition"] = content_disposition(download_name)
        url = default_storage.url(name, parameters=parameters, expire=seconds)
        return SignedUrl(url=url, expires_at=expires_at)
    payload = {"n": name, "e": int(expires_at.timestamp()), "c": checksum, "t": content_type}
    if download_name:
        payload["f"] = download_name
    token = signing.dumps(payload, salt=_SALT)
    return SignedUrl(url=f"{settings.PUBLIC_URL}{_signed_file_prefix()}{token}", expires_at=expires_at)


@functools.cache
def _signed_file_prefix() -> str:
    """The path of the file view up to its token (resolved once: job polls sign many URLs)."""
    return reverse("api:signed-file", kwargs={"token": "-"})[:-1]


def signed_file_open(token: str) -> dict:
    """Check a local signed token; returns {name, checksum, content_type, download_name} or raises SignedUrlInvalid."""
    try:
        payload = signing.loads(token, salt=_SALT)
    except signing.BadSignature as exc:
        raise SignedUrlInvalid("This link is not valid.") from exc
    if not isinstance(payload, dict) or not {"n", "e"} <= payload.keys():
        raise SignedUrlInvalid("This link is not valid.")
    if int(payload["e"]) < timezone.now().timestamp():
        raise SignedUrlInvalid("This link has expired; ask the API for a fresh one.")
    return {
        "name": payload["n"],
        "checksum": payload.get("c", ""),
        "content_type": payload.get("t", "image/png"),
        "download_name": payload.get("f", ""),
    }
