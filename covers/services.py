"""Cover jobs: accepting them (credits, concurrency, validation), running them, failing them, sweeping.

Every rule about jobs lives here; the API views and the web app both call these functions.

Accepting a job is ONE transaction: lock the account row, check the plan's concurrency limit,
spend the credits and insert the job; the task is enqueued only once that has committed.
Running a job: a worker claims it (queued -> running with a conditional UPDATE, so a second
claimer does nothing), then its covers ("units") are rendered, possibly by several workers at
once; the last unit to finish closes the job. A job that fails refunds what it did not deliver.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import struct
import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone

from billing.models import Account
from billing.services import account_lock, credits_refund, credits_spend
from books import catalogue
from books.models import Book
from books.services import book_get_for_account
from byc_site.errors import ApplicationError
from covers import conf, content_policy, engine
from covers.models import (
    ASSET_AUDIOBOOK_FULL,
    ASSET_AUDIOBOOK_PREVIEW,
    ASSET_FULL,
    ASSET_PREVIEW,
    Cover,
    CoverAsset,
    Job,
    Template,
    WebhookDelivery,
)
from covers.storage import file_delete, file_store

logger = logging.getLogger(__name__)

MAX_COUNT = 5
MAIN_ELEMENTS_MAX = 1000
PROMPT_MAX = 1000
EXTERNAL_REF_MAX = 200
WEBHOOK_URL_MAX = 500

# Which asset an upscale makes from which, and how each asset type is rendered.
UPSCALE_TARGETS = {ASSET_PREVIEW: ASSET_FULL, ASSET_AUDIOBOOK_PREVIEW: ASSET_AUDIOBOOK_FULL}
ASSET_RENDERING = {
    ASSET_PREVIEW: ("ebook", 1.0),
    ASSET_FULL: ("ebook", 2.0),
    ASSET_AUDIOBOOK_PREVIEW: ("square", 1.0),
    ASSET_AUDIOBOOK_FULL: ("square", 2.0),
}


# --- lookups ------------------------------------------------------------------------------------


def _parse_uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        return None


def cover_get_for_account(*, account: Account, cover_id: object) -> Cover:
    """The account's cover, or 404 cover_not_found."""
    parsed = _parse_uuid(cover_id)
    cover = (
        Cover.objects.filter(pk=parsed, account=account).select_related("book").prefetch_related("assets").first()
        if parsed
        else None
    )
    if cover is None:
        raise ApplicationError("cover_not_found", "Cover not found or doesn't belong to your account.", status=404)
    return cover


def job_get_for_account(*, account: Account, job_id: object) -> Job:
    """The account's job, or 404 job_not_found."""
    parsed = _parse_uuid(job_id)
    try:
        return Job.objects.get(pk=parsed, account=account)
    except (Job.DoesNotExist, ValidationError):
        raise ApplicationError(
            "job_not_found", "Job not found or doesn't belong to your account.", status=404
        ) from None


def cover_asset_get(*, cover: Cover, asset_type: str) -> CoverAsset:
    """An asset of a cover: 400 invalid_field_value for an unknown type, 404 asset_not_available if not made yet."""
    if asset_type not in ASSET_RENDERING:
        raise ApplicationError(
            "invalid_field_value",
            f"assetType must be one of: {', '.join(ASSET_RENDERING)}.",
        )
    asset = next((a for a in cover.assets.all() if a.asset_type == asset_type), None)
    if asset is None:
        raise ApplicationError(
            "asset_not_available", f"The {asset_type} asset of this cover has not been generated yet.", status=404
        )
    return asset


def templates_available(*, genre: str | None = None) -> list[Template]:
    """Enabled templates, optionally those suited to a genre (400 invalid_genre for an unknown one)."""
    if genre is not None and not catalogue.is_genre(genre):
        raise ApplicationError("invalid_genre", f"Unknown genre {genre!r}; use a genre slug from the catalogue.")
    templates = list(Template.objects.filter(enabled=True, in_engine=True))
    if genre is not None:
        templates = [t for t in templates if genre in (t.genres or [])]
    return templates


def jobs_for_account(*, account: Account, status: str | None = None):
    """The account's jobs, newest first, optionally with one status (400 invalid_field_value otherwise)."""
    jobs = Job.objects.filter(account=account).order_by("-created_at", "-id")
    if status is not None:
        allowed = [value for value, _label in Job.STATUS_CHOICES]
        if status not in allowed:
            raise ApplicationError("invalid_field_value", f"status must be one of: {', '.join(allowed)}.")
        jobs = jobs.filter(status=status)
    return jobs


def template_preview_png(*, template: Template) -> tuple[bytes, str]:
    """A template's sample cover as PNG bytes with its ETag (rendered once per process and template)."""
    data = _template_preview_cached(template.id)
    return data, f'"{hashlib.sha256(data).hexdigest()[:32]}"'


@functools.lru_cache(maxsize=256)  # the whole catalogue (~85 templates, ~0.3 MB each)
def _template_preview_cached(template_id: str) -> bytes:
    return engine.template_preview(template_id, scale=0.25)


def template_sync() -> int:
    """Mirror the engine's template catalogue into Template rows; returns how many the engine has.

    New templates arrive enabled; ones the engine dropped are marked `in_engine=False` (covers
    keep pointing at them). Staff's enable/disable choice is never overwritten.
    """
    try:
        infos = engine.catalogue()
    except NotImplementedError:
        logger.warning("The engine has no template catalogue yet; templates not synced")
        return 0
    seen = set()
    for info in infos:
        seen.add(info.id)
        Template.objects.update_or_create(
            id=info.id,
            defaults={
                "name": info.name,
                "family": info.family,
                "template_type": info.template_type,
                "genre_buckets": list(info.genre_buckets),
                "genres": list(info.genres),
                "in_engine": True,
            },
        )
    Template.objects.exclude(id__in=seen).update(in_engine=False)
    return len(seen)


def _template_row(template_id: str) -> Template:
    """The Template row for an id the engine chose, creating it if the catalogue was never synced."""
    template = Template.objects.filter(pk=template_id).first()
    if template is not None:
        return template
    info = engine.template_by_id(template_id)
    template, _ = Template.objects.get_or_create(
        id=template_id,
        defaults={
            "name": info.name if info else template_id,
            "family": info.family if info else "",
            "template_type": info.template_type if info else "",
            "genre_buckets": list(info.genre_buckets) if info else [],
            "genres": list(info.genres) if info else [],
        },
    )
    return template


# --- validation shared by the job creators ----------------------------------------------------------


def _check_length(field: str, value: str, maximum: int) -> None:
    if len(value) > maximum:
        raise ApplicationError("field_too_long", f"{field} is longer than {maximum} characters.")


def _clean_common(*, external_ref: str | None, webhook_url: str | None) -> tuple[str | None, str]:
    if external_ref is not None:
        _check_length("external_ref", external_ref, EXTERNAL_REF_MAX)
    webhook_url = (webhook_url or "").strip()
    if webhook_url:
        _check_length("webhookUrl", webhook_url, WEBHOOK_URL_MAX)
        try:
            URLValidator(schemes=["http", "https"])(webhook_url)
        except ValidationError:
            raise ApplicationError("invalid_field_value", "webhookUrl must be an absolute http(s) URL.") from None
    return external_ref, webhook_url


def _check_count(count: int) -> int:
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
        raise ApplicationError("invalid_count", f"count must be an integer between 1 and {MAX_COUNT}.")
    return count


def _check_policy(fields: dict[str, str]) -> None:
    hits = content_policy.fields_violating_policy(fields)
    if hits:
        raise ApplicationError(
            "content_policy_violation",
            f"The content policy does not allow what {', '.join(hits)} describes.",
        )


def _check_characters(fields: dict[str, str]) -> None:
    for name, value in fields.items():
        if not value:
            continue
        bad = engine.unsupported_characters(value)
        if bad:
            shown = ", ".join(f"U+{ord(ch):04X}" for ch in bad[:5])
            raise ApplicationError("unsupported_characters", f"{name} contains characters we cannot draw ({shown}).")


def _book_text_fields(book: Book) -> dict[str, str]:
    return {
        "title": book.title,
        "subtitle": book.subtitle,
        "author": book.author,
        "summary": book.summary,
    }


# --- accepting jobs -----------------------------------------------------------------------------


def _job_accept(
    *,
    account: Account,
    operation: str,
    cost: int,
    count: int = 1,
    book: Book | None = None,
    source_cover: Cover | None = None,
    target_asset: str = "",
    params: dict | None = None,
    external_ref: str | None,
    webhook_url: str,
) -> Job:
    """Reserve credits, check concurrency and create the job in one transaction; enqueue after commit."""
    with transaction.atomic():
        locked = account_lock(account_id=account.pk)
        active = Job.objects.filter(account=locked, status__in=Job.ACTIVE_STATUSES).count()
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
        credits_spend(account=locked, amount=cost, reference=f"job:{job.id}", memo=f"{operation} job")
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
) -> Job:
    """Generate `count` (1-5) new covers for a book; costs `count` credits."""
    if book_id in (None, ""):
        raise ApplicationError("missing_book_id", "bookId is required to generate covers.")
    count = _check_count(count)
    main_elements = (main_elements or "").strip()
    _check_length("mainElements", main_elements, MAIN_ELEMENTS_MAX)
    external_ref, webhook_url = _clean_common(external_ref=external_ref, webhook_url=webhook_url)
    if mood is not None and mood not in catalogue.MOODS:
        raise ApplicationError("invalid_field_value", f"mood must be one of: {', '.join(catalogue.MOODS)}.")
    if color_palette is not None and color_palette not in catalogue.COLOR_PALETTES:
        raise ApplicationError(
            "invalid_field_value", f"colorPalette must be one of: {', '.join(catalogue.COLOR_PALETTES)}."
        )
    if template_id is not None and not Template.objects.filter(pk=template_id, enabled=True, in_engine=True).exists():
        raise ApplicationError("invalid_field_value", f"templateId {template_id!r} is not an available template.")
    book = book_get_for_account(account=account, book_id=book_id)
    _check_policy({**_book_text_fields(book), "mainElements": main_elements})
    _check_characters({"mainElements": main_elements})
    params = {"template_id": template_id, "main_elements": main_elements, "mood": mood, "palette": color_palette}
    return _job_accept(
        account=account,
        operation=Job.OP_GENERATE,
        cost=count,
        count=count,
        book=book,
        params=params,
        external_ref=external_ref,
        webhook_url=webhook_url,
    )


def job_create_variation(
    *,
    account: Account,
    cover_id: object,
    count: int = 1,
    external_ref: str | None = None,
    webhook_url: str | None = None,
) -> Job:
    """`count` new covers from a cover's recipe with new seeds; costs `count` credits."""
    count = _check_count(count)
    external_ref, webhook_url = _clean_common(external_ref=external_ref, webhook_url=webhook_url)
    cover = cover_get_for_account(account=account, cover_id=cover_id)
    _check_policy(_book_text_fields(cover.book))
    return _job_accept(
        account=account,
        operation=Job.OP_VARIATION,
        cost=count,
        count=count,
        source_cover=cover,
        external_ref=external_ref,
        webhook_url=webhook_url,
    )


def job_create_edit(
    *,
    account: Account,
    cover_id: object,
    prompt: str | None,
    external_ref: str | None = None,
    webhook_url: str | None = None,
) -> Job:
    """A new cover: the source cover's recipe changed as the prompt asks; costs 1 credit."""
    prompt = (prompt or "").strip()
    if not prompt:
        raise ApplicationError("missing_prompt", "Describe the change in a non-empty prompt.")
    _check_length("prompt", prompt, PROMPT_MAX)
    external_ref, webhook_url = _clean_common(external_ref=external_ref, webhook_url=webhook_url)
    cover = cover_get_for_account(account=account, cover_id=cover_id)
    if not cover.assets.filter(asset_type=ASSET_PREVIEW).exists():
        raise ApplicationError("missing_cover_image", "This cover has no preview image to edit yet.")
    _check_policy({"prompt": prompt})
    _check_characters({"prompt": prompt})
    return _job_accept(
        account=account,
        operation=Job.OP_EDIT,
        cost=1,
        source_cover=cover,
        params={"prompt": prompt},
        external_ref=external_ref,
        webhook_url=webhook_url,
    )


def job_create_upscale(
    *,
    account: Account,
    cover_id: object,
    source_asset: str | None,
    external_ref: str | None = None,
    webhook_url: str | None = None,
) -> Job:
    """Render `preview` again at twice the size as `full` (or audiobook_preview as audiobook_full); 1 credit.

    409 asset_already_exists when the target exists or is already being made, so it is never charged twice.
    """
    if source_asset not in UPSCALE_TARGETS:
        raise ApplicationError("invalid_source_asset", 'sourceAsset must be "preview" or "audiobook_preview".')
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
        cost=1,
        source_cover=cover,
        target_asset=target,
        params={"source_asset": source_asset},
        external_ref=external_ref,
        webhook_url=webhook_url,
    )


def job_create_audiobook(
    *,
    account: Account,
    cover_id: object,
    external_ref: str | None = None,
    webhook_url: str | None = None,
) -> Job:
    """The square audiobook version of a cover (a re-layout, not a crop); 1 credit."""
    external_ref, webhook_url = _clean_common(external_ref=external_ref, webhook_url=webhook_url)
    cover = cover_get_for_account(account=account, cover_id=cover_id)
    if not cover.assets.filter(asset_type=ASSET_PREVIEW).exists():
        raise ApplicationError("missing_cover_image", "This cover has no preview image yet.")
    return _job_accept(
        account=account,
        operation=Job.OP_AUDIOBOOK,
        cost=1,
        source_cover=cover,
        target_asset=ASSET_AUDIOBOOK_PREVIEW,
        external_ref=external_ref,
        webhook_url=webhook_url,
    )


def job_retry(*, job_id: uuid.UUID | str) -> Job:
    """Staff: accept a new job with the same request as a failed one (charged and limited as usual)."""
    job = Job.objects.select_related("account").get(pk=job_id)
    if job.status != Job.FAILED:
        raise ApplicationError("job_not_failed", "Only failed jobs can be retried.", status=409)
    common = {"account": job.account, "external_ref": job.external_ref or None, "webhook_url": job.webhook_url}
    params = job.params or {}
    if job.operation == Job.OP_GENERATE:
        return job_create_generate(
            book_id=job.book_id,
            count=job.count,
            template_id=params.get("template_id"),
            main_elements=params.get("main_elements", ""),
            mood=params.get("mood"),
            color_palette=params.get("palette"),
            **common,
        )
    if job.operation == Job.OP_VARIATION:
        return job_create_variation(cover_id=job.source_cover_id, count=job.count, **common)
    if job.operation == Job.OP_EDIT:
        return job_create_edit(cover_id=job.source_cover_id, prompt=params.get("prompt"), **common)
    if job.operation == Job.OP_UPSCALE:
        return job_create_upscale(cover_id=job.source_cover_id, source_asset=params.get("source_asset"), **common)
    return job_create_audiobook(cover_id=job.source_cover_id, **common)


# --- queueing -----------------------------------------------------------------------------------


def job_enqueue(*, job_id: uuid.UUID) -> None:
    """Hand a queued job to the workers (called after the accepting transaction commits)."""
    from django_q.tasks import async_task

    Job.objects.filter(pk=job_id, status=Job.QUEUED).update(enqueued_at=timezone.now())
    async_task("covers.tasks.job_run_task", str(job_id), task_name=f"job-{job_id}")


def _helpers_enqueue(*, job_id: uuid.UUID, helpers: int) -> None:
    from django_q.tasks import async_task

    for number in range(helpers):
        async_task("covers.tasks.job_help_task", str(job_id), task_name=f"job-{job_id}-help-{number}")


# --- running jobs -------------------------------------------------------------------------------


def job_run(*, job_id: uuid.UUID | str) -> bool:
    """Claim a queued job and render it. Returns False when another worker already claimed it.

    For a job of several covers, helper tasks are enqueued so that idle workers render some of
    the covers in parallel; whoever is free claims the next cover, so the job never waits for a
    helper stuck behind other work in the queue.
    """
    claimed = Job.objects.filter(pk=job_id, status=Job.QUEUED).update(status=Job.RUNNING, started_at=timezone.now())
    if not claimed:
        logger.info("Job %s is not queued any more; another worker got there first", job_id)
        return False
    job = Job.objects.only("id", "count").get(pk=job_id)
    if job.count > 1:
        _helpers_enqueue(job_id=job.id, helpers=job.count - 1)
    job_work(job_id=job.id)
    return True


def job_work(*, job_id: uuid.UUID | str) -> int:
    """Render units of a running job until none is left to claim; returns how many this call rendered."""
    rendered = 0
    while (position := _unit_claim(job_id)) is not None:
        try:
            job_unit_run(job_id=job_id, position=position)
        except Exception:
            # A bug or a lost database must not leave the job running until the sweeper finds it.
            logger.exception("Unit %s of job %s crashed", position, job_id)
            job_unit_failed(job_id=job_id, code="internal_error", message="The job failed on our side.")
        rendered += 1
    return rendered


def _unit_claim(job_id: uuid.UUID | str) -> int | None:
    """Take the next unrendered unit of a running job (compare-and-set on units_claimed)."""
    for _attempt in range(50):
        row = Job.objects.filter(pk=job_id).values("status", "units_claimed", "count").first()
        if row is None or row["status"] != Job.RUNNING or row["units_claimed"] >= row["count"]:
            return None
        position = row["units_claimed"]
        if Job.objects.filter(pk=job_id, status=Job.RUNNING, units_claimed=position).update(units_claimed=position + 1):
            return position
    return None


@dataclass
class _Rendered:
    """What a unit produced, before it is recorded: a new cover (recipe) or an asset of the source cover."""

    recipe: dict | None
    template_id: str
    images: dict[str, bytes]
    edits_understood: list[str]


def _seed(job: Job, position: int) -> int:
    return int.from_bytes(hashlib.sha256(f"{job.id}:{position}".encode()).digest()[:4], "big")


def _book_text(book: Book) -> engine.BookText:
    return engine.BookText(
        title=book.title,
        author=book.author,
        genre=book.genre,
        subtitle=book.subtitle,
        subgenre=book.subgenre,
        summary=book.summary,
        target_audience=book.target_audience,
    )


def _render_asset(recipe: engine.Recipe, asset_type: str) -> bytes:
    format_, scale = ASSET_RENDERING[asset_type]
    return engine.render(recipe, format=format_, scale=scale * conf.render_scale())


def _render_unit(job: Job, position: int) -> _Rendered:
    params = job.params or {}
    if job.operation == Job.OP_GENERATE:
        options = engine.CoverOptions(
            template_id=params.get("template_id"),
            mood=params.get("mood"),
            palette=params.get("palette"),
            main_elements=params.get("main_elements", ""),
        )
        recipe = engine.recipe_for_book(_book_text(job.book), options, seed=_seed(job, position))
        understood: list[str] = []
    else:
        source = engine.Recipe.from_dict(job.source_cover.recipe)
        if job.operation == Job.OP_VARIATION:
            recipe = engine.recipe_variation(source, seed=_seed(job, position))
            understood = []
        elif job.operation == Job.OP_EDIT:
            edited = engine.recipe_edit(source, params["prompt"])
            recipe, understood = edited.recipe, list(edited.understood)
        else:
            image = _render_asset(source, job.target_asset)
            return _Rendered(None, job.source_cover.template_id, {job.target_asset: image}, [])
    preview = _render_asset(recipe, ASSET_PREVIEW)
    return _Rendered(recipe.to_dict(), recipe.template_id, {ASSET_PREVIEW: preview}, understood)


def _png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("the engine did not return a PNG")
    return struct.unpack(">II", data[16:24])


def job_unit_run(*, job_id: uuid.UUID | str, position: int) -> None:
    """Render one cover (slot `position`) of a running job and record it; the last unit closes the job."""
    job = Job.objects.select_related("book", "source_cover").filter(pk=job_id).first()
    if job is None or job.status != Job.RUNNING:
        return
    try:
        rendered = _render_unit(job, position)
    except engine.EngineError as exc:
        job_unit_failed(job_id=job.id, code=exc.code, message=exc.message)
        return
    except Exception:
        # Log the traceback for operators; the client gets a plain message and its refund.
        logger.exception("Rendering unit %s of job %s failed", position, job.id)
        job_unit_failed(job_id=job.id, code="render_failed", message="The cover could not be rendered.")
        return
    cover_id = job.source_cover_id if rendered.recipe is None else uuid.uuid4()
    stored = []
    try:
        for asset_type, data in rendered.images.items():
            digest = hashlib.sha256(data).hexdigest()
            name = f"covers/{job.account_id}/{cover_id}/{asset_type}-{digest[:16]}.png"
            stored.append((asset_type, file_store(name=name, data=data), _png_size(data)))
    except Exception:
        logger.exception("Storing unit %s of job %s failed", position, job.id)
        for _type, file, _size in stored:
            file_delete(file.name)
        job_unit_failed(job_id=job.id, code="storage_failed", message="The rendered cover could not be stored.")
        return
    template = _template_row(rendered.template_id)
    try:
        recorded = _unit_record(
            job_id=job.id, position=position, cover_id=cover_id, rendered=rendered, template=template, stored=stored
        )
    except IntegrityError:
        # This slot was already recorded (its task ran twice): keep the first one.
        logger.info("Unit %s of job %s was already recorded", position, job.id)
        recorded = False
    if not recorded:
        for _type, file, _size in stored:
            file_delete(file.name)


def _unit_record(*, job_id, position: int, cover_id, rendered: _Rendered, template: Template, stored: list) -> bool:
    with transaction.atomic():
        job = Job.objects.select_for_update(of=("self",)).select_related("source_cover").get(pk=job_id)
        if job.status != Job.RUNNING:
            return False  # failed (or swept) meanwhile: what we rendered is not delivered
        if rendered.recipe is not None:
            source = job.source_cover
            cover = Cover.objects.create(
                id=cover_id,
                account_id=job.account_id,
                book_id=job.book_id,
                template=template,
                recipe=rendered.recipe,
                operation={
                    Job.OP_GENERATE: Cover.OP_GENERATE,
                    Job.OP_VARIATION: Cover.OP_VARIATION,
                    Job.OP_EDIT: Cover.OP_EDIT,
                }[job.operation],
                source_cover=source,
                edit_prompt=(job.params or {}).get("prompt", "") if job.operation == Job.OP_EDIT else "",
                edits_understood=rendered.edits_understood,
                job=job,
                job_position=position,
            )
        else:
            cover = job.source_cover
        for asset_type, file, (width, height) in stored:
            CoverAsset.objects.create(
                cover=cover,
                asset_type=asset_type,
                storage_name=file.name,
                width=width,
                height=height,
                size_bytes=file.size_bytes,
                checksum=file.checksum,
            )
        job.units_done += 1
        job.save(update_fields=["units_done"])
        _job_close_if_done(job)
    return True


def job_unit_failed(*, job_id: uuid.UUID | str, code: str, message: str) -> None:
    """Record that one unit of a running job failed; the job fails once every unit has reported."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status != Job.RUNNING:
            return
        job.units_failed += 1
        if not job.error_code:
            job.error_code, job.error_message = code, message
        job.save(update_fields=["units_failed", "error_code", "error_message"])
        _job_close_if_done(job)


def _delivered_cover_ids(job: Job) -> list[str]:
    if job.operation in (Job.OP_UPSCALE, Job.OP_AUDIOBOOK):
        return [str(job.source_cover_id)] if job.units_done else []
    return [str(pk) for pk in job.covers.order_by("job_position").values_list("pk", flat=True)]


def _job_close_if_done(job: Job) -> None:
    """With the job row locked: once every unit has reported, complete or fail the job."""
    if job.units_done + job.units_failed < job.count:
        return
    if job.units_failed == 0:
        job.status = Job.COMPLETED
        job.completed_at = timezone.now()
        job.result = {"cover_ids": _delivered_cover_ids(job)}
        if job.target_asset:
            job.result["asset"] = job.target_asset
        job.save(update_fields=["status", "completed_at", "result"])
        _webhook_schedule(job)
        return
    _job_fail_locked(job, code=job.error_code, message=job.error_message)


def _job_fail_locked(job: Job, *, code: str, message: str) -> None:
    """Fail a locked, unfinished job: keep what was delivered, refund the rest, schedule the webhook."""
    undelivered = job.credits_reserved - job.units_done - job.credits_refunded
    if undelivered > 0:
        account = account_lock(account_id=job.account_id)
        credits_refund(account=account, amount=undelivered, reference=f"job:{job.id}", memo=f"job failed: {code}")
    job.status = Job.FAILED
    job.error_code = code or "internal_error"
    job.error_message = message or "The job failed."
    job.completed_at = timezone.now()
    job.credits_refunded += max(undelivered, 0)
    job.credits_used = job.credits_reserved - job.credits_refunded
    delivered = _delivered_cover_ids(job)
    job.result = {"cover_ids": delivered, **({"asset": job.target_asset} if job.target_asset else {})}
    job.save(
        update_fields=[
            "status",
            "error_code",
            "error_message",
            "completed_at",
            "credits_refunded",
            "credits_used",
            "result",
        ]
    )
    _webhook_schedule(job)


def job_fail(*, job_id: uuid.UUID | str, code: str, message: str) -> bool:
    """Fail an unfinished job now (sweeper, staff): refund what it did not deliver, fire its webhook.

    Returns False if the job had already finished.
    """
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished:
            return False
        _job_fail_locked(job, code=code, message=message)
    return True


def job_refund(*, job_id: uuid.UUID | str, memo: str = "staff refund") -> int:
    """Staff: give back every credit a finished job still holds; returns how many. Refunding twice gives 0."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job_id)
        if not job.is_finished:
            raise ApplicationError("job_not_finished", "Wait for the job to finish before refunding it.", status=409)
        amount = job.credits_used
        if amount:
            account = account_lock(account_id=job.account_id)
            credits_refund(account=account, amount=amount, reference=f"job:{job.id}", memo=memo)
            job.credits_refunded += amount
            job.credits_used = 0
            job.save(update_fields=["credits_refunded", "credits_used"])
    return amount


@dataclass(frozen=True)
class SweepReport:
    failed: int
    requeued: int


def jobs_sweep(*, now=None) -> SweepReport:
    """Recover jobs whose worker vanished.

    Running past the deadline (the worker was killed: the task timeout is shorter): failed with
    `worker_lost` and refunded. Queued with no worker picking it up for the grace period (the
    task was lost, e.g. a broker restart): enqueued again; the atomic claim makes a duplicate harmless.
    """
    now = now or timezone.now()
    deadline = now - timedelta(seconds=conf.job_running_deadline_seconds())
    failed = 0
    for job_id in Job.objects.filter(status=Job.RUNNING, started_at__lt=deadline).values_list("pk", flat=True):
        if job_fail(
            job_id=job_id,
            code="worker_lost",
            message="The worker rendering this job stopped before finishing; unused credits were refunded.",
        ):
            failed += 1
    grace = now - timedelta(seconds=conf.job_queued_grace_seconds())
    requeued = 0
    stale = Job.objects.filter(status=Job.QUEUED, created_at__lt=grace).exclude(enqueued_at__gte=grace)
    for job_id in stale.values_list("pk", flat=True):
        job_enqueue(job_id=job_id)
        requeued += 1
    if failed or requeued:
        logger.warning("Sweeper failed %s stuck job(s) and re-enqueued %s lost one(s)", failed, requeued)
    return SweepReport(failed=failed, requeued=requeued)


# --- webhooks -----------------------------------------------------------------------------------


def _webhook_schedule(job: Job) -> None:
    """Create the delivery of a finished job's event, if it has a URL, and send it once committed."""
    url = job.webhook_url or Account.objects.filter(pk=job.account_id).values_list("webhook_url", flat=True).first()
    if not url:
        return
    delivery = WebhookDelivery.objects.create(
        job=job,
        event="job.completed" if job.status == Job.COMPLETED else "job.failed",
        url=url,
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(partial(webhook_enqueue, delivery_id=delivery.pk))


def webhook_enqueue(*, delivery_id: int) -> None:
    from django_q.tasks import async_task

    async_task("covers.tasks.webhook_deliver_task", delivery_id, task_name=f"webhook-{delivery_id}")
