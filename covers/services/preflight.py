"""Preflight: a cover's print wrap, or an uploaded file, checked against a printer's rules. Free.

The checks themselves are the engine's (cover_engine/print/preflight.py); this module finds the
file (the cover's print_pdf, through the ownership helper), refuses what it cannot read, and
stores the proof with the problems marked so that the answer can link to it.
"""

from __future__ import annotations

import hashlib

from billing.models import Account
from byc_site.errors import ApplicationError
from cover_engine import EngineError
from cover_engine.print.preflight import preflight
from covers.models import ASSET_PRINT_PDF
from covers.selectors import cover_asset_get, cover_get_for_account, print_wrap_latest
from covers.services.accept import isbn_clean, print_target_check
from covers.storage import file_read, file_store, signed_file_url

# Uploads above this are refused before they are read (a 13 x 10 in wrap at 300 ppi is far below).
MAX_UPLOAD_BYTES = 60 * 1024 * 1024


def preflight_check(
    *,
    account: Account,
    printer: object,
    binding: object,
    trim_size: object,
    page_count: object,
    paper: object,
    cover_id: object = None,
    data: bytes | None = None,
    isbn: str | None = None,
) -> dict:
    """`{"passed", "checks", "proof"}` for the cover's latest wrap (cover_id) or an uploaded file (data)."""
    geometry = print_target_check(
        printer=printer, binding=binding, trim_size=trim_size, page_count=page_count, paper=paper
    )
    if (cover_id is None) == (data is None):
        raise ApplicationError("invalid_request", "Send either coverId (JSON) or a file (multipart), not both.")
    isbn13 = isbn_clean(isbn)
    if cover_id is not None:
        cover = cover_get_for_account(account=account, cover_id=cover_id)
        data = file_read(cover_asset_get(cover=cover, asset_type=ASSET_PRINT_PDF).storage_name)
        if isbn13 is None:
            # The ISBN the wrap was made with, so the barcode is checked against it.
            last = print_wrap_latest(cover=cover)
            isbn13 = (last.params or {}).get("isbn") if last else None
    elif len(data) > MAX_UPLOAD_BYTES:
        raise ApplicationError(
            "file_too_large",
            f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.",
            field="file",
            status=413,
        )
    try:
        report = preflight(data, geometry=geometry, isbn13=isbn13)
    except EngineError as exc:
        raise ApplicationError(exc.code, exc.message, field="file") from None
    digest = hashlib.sha256(report.proof).hexdigest()
    stored = file_store(name=f"preflight/{account.pk}/{digest[:32]}.png", data=report.proof)
    signed = signed_file_url(name=stored.name, checksum=stored.checksum)
    return {**report.to_dict(), "target": geometry.target.slug, "proof": {"signedUrl": signed.url}}
