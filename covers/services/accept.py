"""Accepting jobs: validation, content policy, and in ONE transaction credits + concurrency + the job row."""

from __future__ import annotations

import uuid
from functools import partial

from django.db import IntegrityError, transaction

from billing.models import Account
from billing.services import account_lock, account_require_active, credits_spend, webhook_url_clean
from books.characters import characters_check
from books.models import Book
from books.selectors import book_get_for_account
from byc_site.errors import ApplicationError
from byc_site.openapi import RETRYABLE_JOB_ERRORS
from cover_engine import EngineError, vocabulary
from cover_engine.print import geometry as print_geometry
from cover_engine.print.isbn import addon_check, isbn_normalise
from covers import content_policy, specs
from covers.models import (
    ASSET_AUDIOBOOK_FULL,
    ASSET_AUDIOBOOK_PREVIEW,
    ASSET_FULL,
    ASSET_PREVIEW,
    ASSET_STORE_PACK,
    Cover,
    CoverAsset,
    Job,
    Template,
)
from covers.selectors import cover_get_for_account, cover_text_changes, jobs_in_flight
from covers.services.queue import job_enqueue
from covers.services.text import book_text

# Which asset an upscale makes from which.
UPSCALE_TARGETS = {ASSET_PREVIEW: ASSET_FULL, ASSET_AUDIOBOOK_PREVIEW: ASSET_AUDIOBOOK_FULL}


# --- validation shared by the job creators ----------------------------------------------------------


def _clean_common(*, external_ref: str | None, webhook_url: str | None) -> tuple[str | None, str]:
    if external_ref is not None:
        specs.EXTERNAL_REF.check_length(external_ref)
    return external_ref, webhook_url_clean(webhook_url=webhook_url or "")


def _check_policy(fields: dict[str, str]) -> None:
    hits = content_policy.fields_violating_policy(fields)
    if hits:
        raise ApplicationError(
            "content_policy_violation",
            f"The content policy does not allow what {', '.join(hits)} describes.",
            field=hits[0],
        )


# The book's text a job reads or draws, checked against the content policy.
BOOK_TEXT_FIELDS = ("title", "subtitle", "author", "summary")


def _book_text_fields(book: Book) -> dict[str, str]:
    return {name: getattr(book, name) for name in BOOK_TEXT_FIELDS}


# --- accepting jobs -----------------------------------------------------------------------------


def _job_accept(
    *,
    account: Account,
    operation: str,
    count: int = 1,
    book: Book | None = None,
    source_cover: Cover | None = None,
    target_asset: str = "",
    params: dict | None = None,
    external_ref: str | None,
    webhook_url: str,
    memo: str = "",
) -> Job:
    """Reserve credits, check concurrency and create the job in one transaction; enqueue after commit."""
    cost = specs.credits_for(operation, count)
    with transaction.atomic():
        locked = account_lock(account_id=account.pk)
        # Here, not in the API's permission: the web wizard, the admin's retry and the commands come
        # through this door too, and a stopped subscription spends nothing through any of them.
        account_require_active(account=locked)
        active = jobs_in_flight(account=locked)
        limit = locked.plan.max_concurrent_jobs
        if active >= limit:
            raise ApplicationError(
                "concurrency_limit",
                f"Too many concurrent jobs: {active} queued or running, your plan allows {limit}.",
                status=429,
            )
        if target_asset:
            _check_target_asset_free(cover=source_cover, target_asset=target_asset)
        job = Job(
            account=locked,
            operation=operation,
            book=book or (source_cover.book if source_cover else None),
            source_cover=source_cover,
            target_asset=target_asset,
            params=params or {},
            count=count,
            credits_reserved=cost,
            credits_used=cost,
            external_ref=external_ref or "",
            webhook_url=webhook_url,
        )
        try:
            with transaction.atomic():
                job.save(force_insert=True)
        except IntegrityError:
            # The partial unique index saw a concurrent upscale of the same asset.
            raise _asset_exists_error(target_asset) from None
        credits_spend(account=locked, amount=cost, reference=f"job:{job.id}", memo=memo or f"{operation} job")
        transaction.on_commit(partial(job_enqueue, job_id=job.id))
    return job


def _asset_exists_error(target_asset: str) -> ApplicationError:
    return ApplicationError(
        "asset_already_exists",
        f"The {target_asset} asset of this cover already exists or is being made.",
        status=409,
    )


def _check_target_asset_free(*, cover: Cover, target_asset: str) -> None:
    exists = CoverAsset.objects.filter(cover=cover, asset_type=target_asset).exists()
    in_flight = Job.objects.filter(
        source_cover=cover, target_asset=target_asset, status__in=Job.ACTIVE_STATUSES
    ).exists()
    if exists or in_flight:
        raise _asset_exists_error(target_asset)


def generate_options_clean(
    *,
    count: object = 1,
    template_id: str | None = None,
    main_elements: str = "",
    mood: str | None = None,
    color_palette: str | None = None,
) -> dict:
    """Check a generate request's options (nothing about the book): `{"count", "params"}` or ApplicationError.

    Batches check every row with it before anything is charged.
    """
    count = specs.COUNT.check(count)
    main_elements = (main_elements or "").strip()
    specs.MAIN_ELEMENTS.check_length(main_elements)
    if mood is not None and mood not in vocabulary.MOODS:
        raise ApplicationError(
            "invalid_field_value", f"mood must be one of: {', '.join(vocabulary.MOODS)}.", field="mood"
        )
    if color_palette is not None and color_palette not in vocabulary.COLOR_PALETTES:
        raise ApplicationError(
            "invalid_field_value",
            f"colorPalette must be one of: {', '.join(vocabulary.COLOR_PALETTES)}.",
            field="colorPalette",
        )
    if template_id is not None and not Template.objects.filter(pk=template_id, enabled=True, in_engine=True).exists():
        raise ApplicationError(
            "invalid_field_value", f"templateId {template_id!r} is not an available template.", field="templateId"
        )
    params = {"template_id": template_id, "main_elements": main_elements, "mood": mood, "palette": color_palette}
    return {"count": count, "params": params}


def generate_text_check(*, book_fields: dict[str, str], main_elements: str) -> None:
    """The content policy and the fonts' characters for what a generate job will draw and read."""
    _check_policy({**{name: book_fields.get(name, "") for name in BOOK_TEXT_FIELDS}, "mainElements": main_elements})
    if main_elements:
        characters_check(field="mainElements", text=main_elements, multiline=True)


def job_create_generate(
    *,
    account: Account,
    book_id: object,
    count: int = 1,
    template_id: str | None = None,
    main_elements: str = "",
    mood: str | None = None,
    color_palette: str | None = None,
    external_ref: str | None = None,
    webhook_url: str | None = None,
    memo: str = "",
) -> Job:
    """Generate `count` (1-5) new covers for a book; costs `count` credits."""
    if book_id in (None, ""):
        raise ApplicationError("missing_book_id", "bookId is required to generate covers.", field="bookId")
    options = generate_options_clean(
        count=count, template_id=template_id, main_elements=main_elements, mood=mood, color_palette=color_palette
    )
    external_ref, webhook_url = _clean_common(external_ref=external_ref, webhook_url=webhook_url)
    book = book_get_for_account(account=account, book_id=book_id)
    params = options["params"]
    generate_text_check(book_fields=_book_text_fields(book), main_elements=params["main_elements"])
    return _job_accept(
        account=account,
        operation=Job.OP_GENERATE,
        count=options["count"],
        book=book,
        params=params,
        external_ref=external_ref,
        webhook_url=webhook_url,
        memo=memo,
    )


def job_create_generate_from_params(*, account: Account, book_id: object, count: int, params: dict, **common) -> Job:
    """A generate job from stored `params` (a failed job's, a batch row's), checked and charged like a request."""
    return job_create_generate(
        account=account,
        book_id=book_id,
        count=count,
        template_id=params.get("template_id"),
        main_elements=params.get("main_elements", ""),
        mood=params.get("mood"),
        color_palette=params.get("palette"),
        **common,
    )


def job_create_variation(
    *,
    account: Account,
    cover_id: object,
    count: int = 1,
    external_ref: str | None = None,
    webhook_url: str | None = None,
    memo: str = "",
) -> Job:
    """`count` new covers from a cover's recipe with new seeds; costs `count` credits."""
    count = specs.COUNT.check(count)
    external_ref, webhook_url = _clean_common(external_ref=external_ref, webhook_url=webhook_url)
    cover = cover_get_for_account(account=account, cover_id=cover_id)
    # The text a variation draws is the source cover's own (its recipe's), not the book's as edited since.
    made_with = (cover.recipe or {}).get("text") or {}
    _check_policy({name: made_with.get(name) or "" for name in _book_text_fields(cover.book)})
    return _job_accept(
        account=account,
        operation=Job.OP_VARIATION,
        count=count,
        source_cover=cover,
        external_ref=external_ref,
        webhook_url=webhook_url,
        memo=memo,
    )


def job_create_edit(
    *,
    account: Account,
    cover_id: object,
    prompt: str | None,
    external_ref: str | None = None,
    webhook_url: str | None = None,
    memo: str = "",
) -> Job:
    """A new cover: the source cover's recipe changed as the prompt asks; costs 1 credit."""
    prompt = (prompt or "").strip()
    if not prompt:
        raise ApplicationError("missing_prompt", "Describe the change in a non-empty prompt.", field="prompt")
    specs.PROMPT.check_length(prompt)
    external_ref, webhook_url = _clean_common(external_ref=external_ref, webhook_url=webhook_url)
    cover = cover_get_for_account(account=account, cover_id=cover_id)
    if not cover.assets.filter(asset_type=ASSET_PREVIEW).exists():
        raise ApplicationError("missing_cover_image", "This cover has no preview image to edit yet.")
    _check_policy({"prompt": prompt})
    characters_check(field="prompt", text=prompt)
    return _job_accept(
        account=account,
        operation=Job.OP_EDIT,
        source_cover=cover,
        params={"prompt": prompt},
        external_ref=external_ref,
        webhook_url=webhook_url,
        memo=memo,
    )


def job_create_upscale(
    *,
    account: Account,
    cover_id: object,
    source_asset: str | None,
    external_ref: str | None = None,
    webhook_url: str | None = None,
    memo: str = "",
) -> Job:
    """Render `preview` again at twice the size as `full` (or audiobook_preview as audiobook_full); 1 credit.

    409 asset_already_exists when the target exists or is already being made, so it is never charged twice.
    """
    if source_asset not in UPSCALE_TARGETS:
        raise ApplicationError(
            "invalid_source_asset", 'sourceAsset must be "preview" or "audiobook_preview".', field="sourceAsset"
        )
    external_ref, webhook_url = _clean_common(external_ref=external_ref, webhook_url=webhook_url)
    cover = cover_get_for_account(account=account, cover_id=cover_id)
    if not cover.assets.filter(asset_type=source_asset).exists():
        raise ApplicationError(
            "asset_not_available", f"The {source_asset} asset of this cover has not been generated yet.", status=404
        )
    target = UPSCALE_TARGETS[source_asset]
    return _job_accept(
        account=account,
        operation=Job.OP_UPSCALE,
        source_cover=cover,
        target_asset=target,
        params={"source_asset": source_asset},
        external_ref=external_ref,
        webhook_url=webhook_url,
        memo=memo,
    )


def job_create_audiobook(
    *,
    account: Account,
    cover_id: object,
    external_ref: str | None = None,
    webhook_url: str | None = None,
    memo: str = "",
) -> Job:
    """The square audiobook version of a cover (a re-layout, not a crop); 1 credit."""
    return _from_preview_accept(
        account=account, cover_id=cover_id, operation=Job.OP_AUDIOBOOK, target_asset=ASSET_AUDIOBOOK_PREVIEW,
        external_ref=external_ref, webhook_url=webhook_url, memo=memo,
    )  # fmt: skip


def _from_preview_accept(
    *, account: Account, cover_id: object, operation: str, target_asset: str, external_ref, webhook_url, memo: str
) -> Job:
    """A job making one asset of a cover from its preview; 400 missing_cover_image while it has none."""
    external_ref, webhook_url = _clean_common(external_ref=external_ref, webhook_url=webhook_url)
    cover = cover_get_for_account(account=account, cover_id=cover_id)
    if not cover.assets.filter(asset_type=ASSET_PREVIEW).exists():
        raise ApplicationError("missing_cover_image", "This cover has no preview image yet.")
    return _job_accept(
        account=account,
        operation=operation,
        source_cover=cover,
        target_asset=target_asset,
        external_ref=external_ref,
        webhook_url=webhook_url,
        memo=memo,
    )


def job_create_store_pack(
    *,
    account: Account,
    cover_id: object,
    external_ref: str | None = None,
    webhook_url: str | None = None,
    memo: str = "",
) -> Job:
    """A zip of the cover's file for each store (KDP, Apple Books, Kobo, Google Play, B&N, ACX,
    Findaway) made to its rules, with a manifest of the rules each meets; costs
    `specs.CREDITS_PER_UNIT["store_pack"]`. 409 asset_already_exists once made or being made."""
    return _from_preview_accept(
        account=account, cover_id=cover_id, operation=Job.OP_STORE_PACK, target_asset=ASSET_STORE_PACK,
        external_ref=external_ref, webhook_url=webhook_url, memo=memo,
    )  # fmt: skip


def job_create_rerender(
    *,
    account: Account,
    cover_id: object,
    external_ref: str | None = None,
    webhook_url: str | None = None,
    memo: str = "",
) -> Job:
    """A new cover: this cover's design set again with the book's current text (after the book was
    edited); 1 credit. The cover itself keeps the text it was made with.

    409 cover_text_current when the cover already shows the book's title, subtitle and author.
    """
    external_ref, webhook_url = _clean_common(external_ref=external_ref, webhook_url=webhook_url)
    cover = cover_get_for_account(account=account, cover_id=cover_id)
    if not cover_text_changes(cover=cover):
        raise ApplicationError(
            "cover_text_current",
            "This cover already shows the book's current title, subtitle and author; there is nothing to re-render.",
            status=409,
        )
    _check_policy(_book_text_fields(cover.book))
    return _job_accept(
        account=account,
        operation=Job.OP_RERENDER,
        source_cover=cover,
        params={"text": book_text(cover.book).to_dict()},
        external_ref=external_ref,
        webhook_url=webhook_url,
        memo=memo,
    )


# Which request field an engine print error is about.
PRINT_ERROR_FIELDS = {
    "printer_invalid": "printer",
    "binding_invalid": "binding",
    "paper_invalid": "paper",
    "trim_invalid": "trimSize",
    "trim_not_offered": "trimSize",
    "page_count_invalid": "pageCount",
    "page_count_out_of_range": "pageCount",
    "isbn_invalid": "isbn",
    "addon_invalid": "price",
    "addon_without_isbn": "price",
}


def print_target_check(*, printer: object, binding: object, trim_size: object, page_count: object, paper: object):
    """The wrap geometry of a print target, or 400 invalid_field_value naming the field at fault.

    Shared by the print-wrap job and preflight, so both refuse the same impossible combinations."""
    for spec, value in zip(specs.PRINT_TARGET_FIELDS, (printer, binding, trim_size, page_count, paper), strict=True):
        if spec is specs.PAGE_COUNT:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ApplicationError("invalid_field_value", "pageCount must be a whole number.", field="pageCount")
        elif value not in spec.choices:
            raise ApplicationError(
                "invalid_field_value", f"{spec.name} must be one of: {', '.join(spec.choices)}.", field=spec.name
            )
    try:
        return print_geometry(printer=printer, binding=binding, trim=trim_size, pages=page_count, paper=paper)
    except EngineError as exc:
        raise ApplicationError("invalid_field_value", exc.message, field=PRINT_ERROR_FIELDS.get(exc.code)) from None


def isbn_clean(isbn: str | None) -> str | None:
    """The ISBN-13 of an ISBN-10/13 given (check digit verified), None for none; 400 on the isbn field."""
    if not isbn:
        return None
    specs.ISBN.check_length(isbn)
    try:
        return isbn_normalise(isbn)
    except EngineError as exc:
        raise ApplicationError("invalid_field_value", exc.message, field="isbn") from None


def job_create_print_wrap(
    *,
    account: Account,
    cover_id: object,
    printer: object,
    binding: object,
    trim_size: object,
    page_count: object,
    paper: object,
    isbn: str | None = None,
    price: str | None = None,
    back_text: str | None = None,
    author_bio: str | None = None,
    external_ref: str | None = None,
    webhook_url: str | None = None,
    memo: str = "",
) -> Job:
    """The full print wrap (back, spine, front, bleed) of a cover as a printer's PDF and its proof; 1 credit.

    A new wrap of the same cover replaces its print_pdf and print_proof."""
    geometry = print_target_check(
        printer=printer, binding=binding, trim_size=trim_size, page_count=page_count, paper=paper
    )
    isbn13 = isbn_clean(isbn)
    if price:
        if isbn13 is None:
            raise ApplicationError("invalid_field_value", "A price add-on needs an ISBN.", field="price")
        try:
            addon_check(price)
        except EngineError as exc:
            raise ApplicationError("invalid_field_value", exc.message, field="price") from None
    for spec, value in ((specs.BACK_TEXT, back_text), (specs.AUTHOR_BIO, author_bio)):
        if value is not None:
            spec.check_length(value)
            characters_check(field=spec.name, text=value, multiline=True)
    external_ref, webhook_url = _clean_common(external_ref=external_ref, webhook_url=webhook_url)
    cover = cover_get_for_account(account=account, cover_id=cover_id)
    _check_policy({"backText": back_text or "", "authorBio": author_bio or ""})
    params = {
        "printer": printer,
        "binding": binding,
        "trim_size": trim_size,
        "page_count": page_count,
        "paper": paper,
        "isbn": isbn13,
        "price": price or None,
        "back_text": back_text,
        "author_bio": author_bio or "",
        "target": geometry.target.slug,
    }
    return _job_accept(
        account=account,
        operation=Job.OP_PRINT_WRAP,
        source_cover=cover,
        params=params,
        external_ref=external_ref,
        webhook_url=webhook_url,
        memo=memo,
    )


def job_retry(*, job_id: uuid.UUID | str, retried_by: object = None, reason: str = "") -> Job:
    """Staff: accept a new job with the same request as a failed one.

    It is charged, limited and checked like any job (a stopped subscription is refused); the
    ledger line of its charge says which job it retries, who asked and why.
    """
    job = Job.objects.select_related("account").get(pk=job_id)
    if job.status != Job.FAILED:
        raise ApplicationError("job_not_failed", "Only failed jobs can be retried.", status=409)
    if job.error_code not in RETRYABLE_JOB_ERRORS:
        # The same request would fail the same way (renders are deterministic): no charge-and-refund loop.
        raise ApplicationError(
            "job_not_retryable",
            f"A job that failed with {job.error_code} would fail again; it is not retried.",
            status=409,
        )
    memo = f"retry of job {job.id}" + (f" by {retried_by}" if retried_by else "") + (f": {reason}" if reason else "")
    common = {
        "account": job.account,
        "external_ref": job.external_ref or None,
        "webhook_url": job.webhook_url,
        "memo": memo,
    }
    params = job.params or {}
    if job.operation == Job.OP_GENERATE:
        return job_create_generate_from_params(book_id=job.book_id, count=job.count, params=params, **common)
    if job.operation == Job.OP_VARIATION:
        return job_create_variation(cover_id=job.source_cover_id, count=job.count, **common)
    if job.operation == Job.OP_EDIT:
        return job_create_edit(cover_id=job.source_cover_id, prompt=params.get("prompt"), **common)
    if job.operation == Job.OP_RERENDER:
        return job_create_rerender(cover_id=job.source_cover_id, **common)
    if job.operation == Job.OP_UPSCALE:
        return job_create_upscale(cover_id=job.source_cover_id, source_asset=params.get("source_asset"), **common)
    if job.operation == Job.OP_STORE_PACK:
        return job_create_store_pack(cover_id=job.source_cover_id, **common)
    if job.operation == Job.OP_PRINT_WRAP:
        return job_create_print_wrap(
            cover_id=job.source_cover_id,
            printer=params.get("printer"),
            binding=params.get("binding"),
            trim_size=params.get("trim_size"),
            page_count=params.get("page_count"),
            paper=params.get("paper"),
            isbn=params.get("isbn"),
            price=params.get("price"),
            back_text=params.get("back_text"),
            author_bio=params.get("author_bio"),
            **common,
        )
    return job_create_audiobook(cover_id=job.source_cover_id, **common)
