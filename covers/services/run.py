"""Running jobs: claim, render units (several workers at once), record, close; fail with refunds; sweep."""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import struct
import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

import cover_engine as engine
from billing.models import Account
from billing.services import account_lock, credits_refund
from books.models import Book
from byc_site.errors import ApplicationError
from cover_engine.art_providers import design_fallback
from covers import conf
from covers.models import (
    ASSET_AUDIOBOOK_FULL,
    ASSET_AUDIOBOOK_PREVIEW,
    ASSET_FULL,
    ASSET_PREVIEW,
    ASSET_PRINT_PDF,
    ASSET_PRINT_PROOF,
    ASSET_STORE_PACK,
    Cover,
    CoverAsset,
    Job,
    JobUnit,
    Template,
    WebhookDelivery,
)
from covers.representations import webhook_event
from covers.services.art import ArtFallback, art_asset, art_config_for, art_unit
from covers.services.batches import batch_job_finished
from covers.services.queue import job_enqueue, webhook_enqueue
from covers.services.store_pack import store_pack_render
from covers.services.templates import template_row
from covers.services.text import book_text
from covers.services.thumbs import THUMB_ASSETS, thumbnails_store
from covers.storage import file_delete, file_read, file_store

logger = logging.getLogger(__name__)

# How each asset type is rendered: the engine's format and the scale (times COVERS_RENDER_SCALE).
ASSET_RENDERING = {
    ASSET_PREVIEW: ("ebook", 1.0),
    ASSET_FULL: ("ebook", 2.0),
    ASSET_AUDIOBOOK_PREVIEW: ("square", 1.0),
    ASSET_AUDIOBOOK_FULL: ("square", 2.0),
}


def job_run(*, job_id: uuid.UUID | str) -> bool:
    """Claim a queued job and render all its units here. Returns False when another worker claimed it.

    The queue does not use this (it hands out one unit per task, fairly: `unit_next_run`); it is
    the direct path for staff tools and tests that need a job rendered now, in this process.
    """
    claimed = Job.objects.filter(pk=job_id, status=Job.QUEUED).update(status=Job.RUNNING, started_at=timezone.now())
    if not claimed:
        logger.info("Job %s is not queued any more; another worker got there first", job_id)
        return False
    job_work(job_id=job_id)
    return True


def job_work(*, job_id: uuid.UUID | str) -> int:
    """Render units of a running job until none is left to claim; returns how many this call rendered."""
    rendered = 0
    # Page thumbnails wait until no unit is left to claim, so they never hold up the job's covers.
    thumbnails: list[tuple[str, bytes, str]] = []
    while (position := _unit_claim(job_id)) is not None:
        _unit_run_guarded(job_id, position, thumbnails)
        rendered += 1
    _thumbnails_make(job_id, thumbnails)
    return rendered


def unit_next_run() -> bool:
    """One queue task: claim the next unit of whichever account was served least recently, render it.

    The broker holds interchangeable "work tokens" (one per unit accepted), not jobs, so a task at
    the back of the queue does not mean work at the back of the line: whichever token a free worker
    takes, it serves the account that has waited longest. One account's backlog of 100 covers
    then delays another account's single cover by at most one render per busy worker.
    Returns False when there was nothing to claim (a surplus token).
    """
    claimed = _unit_claim_fair()
    if claimed is None:
        return False
    job_id, position = claimed
    thumbnails: list[tuple[str, bytes, str]] = []
    _unit_run_guarded(job_id, position, thumbnails)
    _thumbnails_make(job_id, thumbnails)
    return True


def _unit_run_guarded(job_id, position: int, thumbnails: list) -> None:
    try:
        job_unit_run(job_id=job_id, position=position, thumbnails=thumbnails)
    except Exception:
        # A bug or a lost database must not leave the unit pending until the sweeper finds it.
        logger.exception("Unit %s of job %s crashed", position, job_id)
        job_unit_failed(job_id=job_id, position=position, code="internal_error", message="The job failed on our side.")


def _worker_name() -> str:
    """Which worker claimed a unit: the node (BYC_NODE_NAME, else the host name) and the process."""
    node = os.environ.get("BYC_NODE_NAME") or socket.gethostname()
    return f"{node}:{os.getpid()}"[:100]


def _unit_claim(job_id: uuid.UUID | str, *, start: bool = False) -> int | None:
    """Take the next unrendered unit of a job (compare-and-set on units_claimed) and record the claim.

    With `start`, a queued job is started by this claim (queued -> running); otherwise only a running
    job gives out units. The counter and the claim row are written together, so a unit is never
    claimed without a row the sweeper can find if its worker dies.
    """
    statuses = Job.ACTIVE_STATUSES if start else (Job.RUNNING,)
    for _attempt in range(50):
        row = Job.objects.filter(pk=job_id).values("status", "units_claimed", "count", "account_id").first()
        if row is None or row["status"] not in statuses or row["units_claimed"] >= row["count"]:
            return None
        position = row["units_claimed"]
        now = timezone.now()
        with transaction.atomic():
            taken = Job.objects.filter(pk=job_id, status__in=statuses, units_claimed=position).update(
                units_claimed=position + 1, status=Job.RUNNING, started_at=Coalesce("started_at", Value(now))
            )
            if taken:
                JobUnit.objects.create(
                    job_id=job_id,
                    account_id=row["account_id"],
                    position=position,
                    worker=_worker_name(),
                    claimed_at=now,
                )
                return position
    return None


def _unit_claim_fair() -> tuple[uuid.UUID, int] | None:
    """Claim a unit of the oldest job of the account whose last claimed unit is the oldest (never served first)."""
    last_served = JobUnit.objects.filter(account_id=OuterRef("account_id")).order_by("-claimed_at").values("claimed_at")
    for _attempt in range(20):
        job_id = (
            Job.objects.filter(status__in=Job.ACTIVE_STATUSES, units_claimed__lt=F("count"))
            .annotate(served=Subquery(last_served[:1]))
            .order_by(F("served").asc(nulls_first=True), "created_at")
            .values_list("pk", flat=True)
            .first()
        )
        if job_id is None:
            return None
        position = _unit_claim(job_id, start=True)
        if position is not None:
            return job_id, position
    return None


@dataclass
class _Rendered:
    """What a unit produced, before it is recorded: a new cover (recipe) or an asset of the source cover."""

    recipe: dict | None
    template_id: str
    images: dict[str, bytes]
    edits_understood: list[str]
    design: dict | None = None
    # An upscale or audiobook of a cover a model drew: the cover's recipe with its square picture,
    # and how the provider made the asset (added to the cover's design report).
    source_recipe: dict | None = None
    source_note: str = ""
    # Assets that are not PNGs (the print PDF): their content type, file extension and pixel size.
    formats: dict[str, tuple[str, str, tuple[int, int]]] | None = None


def _seed(job: Job, position: int) -> int:
    return int.from_bytes(hashlib.sha256(f"{job.id}:{position}".encode()).digest()[:4], "big")


def _render_asset(recipe: engine.Recipe, asset_type: str) -> bytes:
    format_, scale = ASSET_RENDERING[asset_type]
    return engine.render(recipe, format=format_, scale=scale * conf.render_scale())


# How many of a book's earlier covers a new one is compared with (the most recent ones).
BOOK_COVERS_COMPARED = 8


def _preview_signatures(covers) -> list:
    """Signatures of the stored previews of these covers (unreadable files are skipped, not fatal)."""
    names = CoverAsset.objects.filter(cover__in=covers, asset_type=ASSET_PREVIEW).values_list("storage_name", flat=True)
    signatures = []
    for name in names:
        try:
            signatures.append(engine.signature(file_read(name)))
        except Exception:
            logger.warning("Preview %s could not be read to compare covers", name)
    return signatures


def _render_unit(job: Job, position: int) -> _Rendered:
    """Render one unit: through the configured image model (BYC_ART_PROVIDER) for the picture when
    there is one, else, or when it failed and the deployment falls back, with our painters."""
    if art_config_for(job.account_id).external or job.operation in (Job.OP_UPSCALE, Job.OP_AUDIOBOOK):
        try:
            rendered = _render_unit_art(job, position)
        except ArtFallback as exc:
            rendered = _render_unit_procedural(job, position)
            if rendered.design is not None:
                rendered.design = design_fallback(rendered.design, provider=exc.provider, reason=exc.reason)
            return rendered
        if rendered is not None:
            return rendered
    return _render_unit_procedural(job, position)


def _generate_inputs(job: Job, position: int):
    params = job.params or {}
    options = engine.CoverOptions(
        template_id=params.get("template_id"),
        mood=params.get("mood"),
        palette=params.get("palette"),
        main_elements=params.get("main_elements", ""),
    )
    earlier = Cover.objects.filter(book=job.book).exclude(job=job).order_by("-created_at")
    taken = list(earlier.values_list("template_id", flat=True)[:BOOK_COVERS_COMPARED])
    return options, earlier, taken


def _render_unit_art(job: Job, position: int) -> _Rendered | None:
    """A unit drawn through the image model; None when this unit keeps the procedural path."""
    if job.operation in (Job.OP_UPSCALE, Job.OP_AUDIOBOOK):
        format_, scale = ASSET_RENDERING[job.target_asset]
        unit = art_asset(job, format=format_, scale=scale * conf.render_scale())
        if unit is None:
            return None
        return _Rendered(
            None, job.source_cover.template_id, {job.target_asset: unit.png}, [],
            source_recipe=unit.source_recipe, source_note=unit.note,
        )  # fmt: skip
    format_, scale = ASSET_RENDERING[ASSET_PREVIEW]
    options, _earlier, taken = (None, None, []) if job.operation != Job.OP_GENERATE else _generate_inputs(job, position)
    unit = art_unit(
        job, position, seed=_seed(job, position), seeds=[_seed(job, i) for i in range(job.count)], taken=taken,
        options=options, book=book_text(job.book) if job.book_id else None, format=format_,
        scale=scale * conf.render_scale(),
    )  # fmt: skip
    if unit is None:
        return None
    return _Rendered(
        unit.recipe.to_dict(), unit.recipe.template_id, {ASSET_PREVIEW: unit.png}, list(unit.applied), unit.design
    )


def _render_unit_procedural(job: Job, position: int) -> _Rendered:
    """Render one unit, checked: distinct from the covers it must not repeat, an edit that shows."""
    params = job.params or {}
    format_, scale = ASSET_RENDERING[ASSET_PREVIEW]
    scale *= conf.render_scale()
    siblings = Cover.objects.filter(job=job).exclude(job_position=position)
    if job.operation == Job.OP_GENERATE:
        options, earlier, taken = _generate_inputs(job, position)
        others = _preview_signatures(list(siblings) + list(earlier[:BOOK_COVERS_COMPARED]))
        checked = engine.render_generate_unit(
            book_text(job.book), options, seeds=[_seed(job, i) for i in range(job.count)], position=position,
            taken=taken, others=others, format=format_, scale=scale,
        )  # fmt: skip
    else:
        source = engine.Recipe.from_dict(job.source_cover.recipe)
        if job.operation == Job.OP_VARIATION:
            checked = engine.render_variation_unit(
                source, seed=_seed(job, position), position=position, others=_preview_signatures(siblings),
                format=format_, scale=scale,
            )  # fmt: skip
        elif job.operation == Job.OP_EDIT:
            checked = engine.render_edit(source, params["prompt"], format=format_, scale=scale)
        elif job.operation == Job.OP_STORE_PACK:
            pack = store_pack_render(cover=job.source_cover)
            return _Rendered(None, job.source_cover.template_id, {ASSET_STORE_PACK: pack}, [])
        elif job.operation == Job.OP_RERENDER:
            # The text the author saw when asking (kept in the job), not whatever the book says by now.
            text = engine.BookText.from_dict(params["text"])
            checked = engine.render_with_text(source, text, format=format_, scale=scale)
        elif job.operation == Job.OP_PRINT_WRAP:
            return _render_print_wrap(job, source)
        else:
            image = _render_asset(source, job.target_asset)
            return _Rendered(None, job.source_cover.template_id, {job.target_asset: image}, [])
    recipe = checked.recipe
    return _Rendered(
        recipe.to_dict(), recipe.template_id, {ASSET_PREVIEW: checked.png}, checked.applied, checked.design
    )


# Assets that are not PNG images: their file extension and content type.
ASSET_FILES = {ASSET_STORE_PACK: ("zip", "application/zip")}


def _render_print_wrap(job: Job, source: engine.Recipe) -> _Rendered:
    from cover_engine.print import geometry
    from cover_engine.print.printers import pixels
    from cover_engine.print.wrap import DEFAULT_DPI, render_wrap

    params = job.params or {}
    g = geometry(
        printer=params["printer"], binding=params["binding"], trim=params["trim_size"],
        pages=params["page_count"], paper=params["paper"],
    )  # fmt: skip
    # BYC_RENDER_SCALE (tests, small machines) lowers the art's resolution; 1.0 gives 300 dpi.
    dpi = DEFAULT_DPI * min(1.0, conf.render_scale())
    wrap = render_wrap(
        source, geometry=g, isbn=params.get("isbn"), price=params.get("price"),
        back_text=params.get("back_text"), author_bio=params.get("author_bio") or "", dpi=dpi,
    )  # fmt: skip
    size = (pixels(g.width, dpi), pixels(g.height, dpi))
    return _Rendered(
        None,
        job.source_cover.template_id,
        {ASSET_PRINT_PDF: wrap.pdf, ASSET_PRINT_PROOF: wrap.proof},
        [],
        design={"print": wrap.report},
        formats={ASSET_PRINT_PDF: ("application/pdf", "pdf", size)},
    )


def _png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("the engine did not return a PNG")
    return struct.unpack(">II", data[16:24])


def _extension(asset_type: str) -> str:
    return ASSET_FILES.get(asset_type, ("png",))[0]


def _content_type(asset_type: str, formats: dict) -> str:
    """A stored asset's content type: the renderer's word for it (the print PDF), else by its kind."""
    if asset_type in formats:
        return formats[asset_type][0]
    return ASSET_FILES.get(asset_type, ("png", "image/png"))[1]


def _file_size(asset_type: str, data: bytes) -> tuple[int, int]:
    """Pixel size of an image asset; 0 x 0 for a file that is not one picture (a zip)."""
    return (0, 0) if asset_type in ASSET_FILES else _png_size(data)


def job_unit_run(*, job_id: uuid.UUID | str, position: int, thumbnails: list | None = None) -> None:
    """Render one cover (slot `position`) of a running job and record it; the last unit closes the job.

    The page thumbnails of the new assets are made from the PNGs still in memory: at once, or, when
    the caller passes a `thumbnails` list, added to it for the caller to make later.
    """
    job = Job.objects.select_related("book", "source_cover").filter(pk=job_id).first()
    if job is None or job.status != Job.RUNNING:
        return
    gone = _deleted_reason(job)
    if gone is not None:
        job_fail(job_id=job.id, code=gone[0], message=gone[1])
        return
    try:
        rendered = _render_unit(job, position)
    except engine.EngineError as exc:
        job_unit_failed(job_id=job.id, position=position, code=exc.code, message=exc.message)
        return
    except Exception:
        # Log the traceback for operators; the client gets a plain message and its refund.
        logger.exception("Rendering unit %s of job %s failed", position, job.id)
        job_unit_failed(
            job_id=job.id, position=position, code="render_failed", message="The cover could not be rendered."
        )
        return
    cover_id = job.source_cover_id if rendered.recipe is None else uuid.uuid4()
    stored = []
    formats = rendered.formats or {}
    try:
        for asset_type, data in rendered.images.items():
            digest = hashlib.sha256(data).hexdigest()
            _type, extension, size = formats.get(asset_type) or ("", _extension(asset_type), None)
            name = f"covers/{job.account_id}/{cover_id}/{asset_type}-{digest[:16]}.{extension}"
            stored.append((asset_type, file_store(name=name, data=data), size or _file_size(asset_type, data)))
    except Exception:
        logger.exception("Storing unit %s of job %s failed", position, job.id)
        for _type, file, _size in stored:
            file_delete(file.name)
        job_unit_failed(
            job_id=job.id, position=position, code="storage_failed", message="The rendered cover could not be stored."
        )
        return
    template = template_row(rendered.template_id)
    replaced: list[str] = []
    try:
        recorded = _unit_record(
            job_id=job.id, position=position, cover_id=cover_id, rendered=rendered, template=template,
            stored=stored, replaced=replaced,
        )  # fmt: skip
    except IntegrityError:
        # This slot was already recorded (its task ran twice): keep the first one.
        logger.info("Unit %s of job %s was already recorded", position, job.id)
        recorded = False
    if not recorded:
        for _type, file, _size in stored:
            file_delete(file.name)
        return
    for name in replaced:
        file_delete(name)
    pending = [(file.name, rendered.images[t], file.checksum) for t, file, _size in stored if t in THUMB_ASSETS]
    if thumbnails is None:
        _thumbnails_make(job.id, pending)
    else:
        thumbnails.extend(pending)


def _thumbnails_make(job_id, pending: list[tuple[str, bytes, str]]) -> None:
    """Store the page thumbnails of recorded assets from their PNGs, so the first page that shows
    them does not decode a multi-megabyte PNG. A failure is logged, never fails the job: the page
    then makes the thumbnail itself."""
    for name, png, checksum in pending:
        try:
            thumbnails_store(png=png, checksum=checksum)
        except Exception:
            logger.exception("Thumbnails of %s (job %s) could not be made", name, job_id)


def _deleted_reason(job: Job) -> tuple[str, str] | None:
    """(code, message) when the job's book or source cover has been deleted, else None.

    A job in flight on something deleted stops at its next unit: it fails and refunds what it did
    not deliver, and delivers nothing more (the author threw the book away; covers would be hidden).
    """
    book_deleted_at = (
        Book.objects.filter(pk=job.book_id).values_list("deleted_at", flat=True).first() if job.book_id else None
    )
    if book_deleted_at is not None:
        return "book_deleted", "The book was deleted while this job was in flight; unused credits were refunded."
    if job.source_cover_id and Cover.objects.filter(pk=job.source_cover_id, deleted_at__isnull=False).exists():
        return "cover_deleted", "The cover was deleted while this job was in flight; unused credits were refunded."
    return None


# Assets a later job replaces instead of refusing (a new print wrap supersedes the last one).
REPLACEABLE_ASSETS = (ASSET_PRINT_PDF, ASSET_PRINT_PROOF)


def _unit_record(
    *, job_id, position: int, cover_id, rendered: _Rendered, template: Template, stored: list, replaced: list
) -> bool:
    with transaction.atomic():
        job = Job.objects.select_for_update(of=("self",)).select_related("source_cover").get(pk=job_id)
        if job.status != Job.RUNNING:
            return False  # failed, swept or declared lost meanwhile: what we rendered is not delivered
        gone = _deleted_reason(job)
        if gone is not None:
            _job_fail_locked(job, code=gone[0], message=gone[1])
            return False
        if not _unit_settle(job, position, JobUnit.DONE):
            return False  # declared lost meanwhile (and refunded): a late result is not delivered
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
                    Job.OP_RERENDER: Cover.OP_RERENDER,
                }[job.operation],
                source_cover=source,
                edit_prompt=(job.params or {}).get("prompt", "") if job.operation == Job.OP_EDIT else "",
                edits_understood=rendered.edits_understood,
                design=rendered.design or {},
                job=job,
                job_position=position,
            )
        else:
            cover = job.source_cover
            _source_cover_update(cover, rendered)
        formats = rendered.formats or {}
        for asset_type, file, (width, height) in stored:
            values = {
                "storage_name": file.name,
                "content_type": _content_type(asset_type, formats),
                "width": width,
                "height": height,
                "size_bytes": file.size_bytes,
                "checksum": file.checksum,
            }
            if asset_type in REPLACEABLE_ASSETS:
                old = CoverAsset.objects.select_for_update().filter(cover=cover, asset_type=asset_type).first()
                if old is not None:
                    replaced.append(old.storage_name)
                    CoverAsset.objects.filter(pk=old.pk).update(**values)
                    continue
            CoverAsset.objects.create(cover=cover, asset_type=asset_type, **values)
        if rendered.recipe is None and rendered.design and "print" in rendered.design:
            job.result = {**(job.result or {}), "print": rendered.design["print"]}
            job.save(update_fields=["result"])
        job.units_done += 1
        job.save(update_fields=["units_done"])
        _job_close_if_done(job)
    return True


def _source_cover_update(cover: Cover, rendered: _Rendered) -> None:
    """An asset a model made for a cover: its square picture joins the recipe, the way it was made
    joins the design report."""
    fields = []
    if rendered.source_recipe is not None:
        cover.recipe = rendered.source_recipe
        fields.append("recipe")
    if rendered.source_note and isinstance(cover.design.get("artwork"), dict):
        artwork = dict(cover.design["artwork"])
        artwork["assets"] = [*artwork.get("assets", []), rendered.source_note]
        cover.design = {**cover.design, "artwork": artwork}
        fields.append("design")
    if fields:
        cover.save(update_fields=fields)


def _unit_settle(job: Job, position: int, outcome: str) -> bool:
    """With the job row locked: record how a unit ended, once. False if it had already ended
    (e.g. the sweeper declared it lost and refunded it: a late result is then not delivered)."""
    now = timezone.now()
    if JobUnit.objects.filter(job=job, position=position, outcome=JobUnit.PENDING).update(
        outcome=outcome, finished_at=now
    ):
        return True
    if JobUnit.objects.filter(job=job, position=position).exists():
        return False
    # Rendered without a claim (a direct call of job_unit_run): the row records the outcome.
    JobUnit.objects.create(
        job=job, account_id=job.account_id, position=position, claimed_at=now, finished_at=now, outcome=outcome
    )
    return True


def job_unit_failed(
    *, job_id: uuid.UUID | str, code: str, message: str, position: int | None = None, outcome: str = JobUnit.FAILED
) -> bool:
    """Record that one unit of a running job failed (or was lost); the job ends once every unit has reported.

    Returns False when the unit had already ended, or the job had: nothing is counted twice.
    """
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status != Job.RUNNING:
            return False
        if position is not None and not _unit_settle(job, position, outcome):
            return False
        job.units_failed += 1
        if not job.error_code:
            job.error_code, job.error_message = code, message
        job.save(update_fields=["units_failed", "error_code", "error_message"])
        _job_close_if_done(job)
    return True


def _delivered_cover_ids(job: Job) -> list[str]:
    if job.operation in Job.PER_ASSET_OPERATIONS:
        return [str(job.source_cover_id)] if job.units_done else []
    return [str(pk) for pk in job.covers.order_by("job_position").values_list("pk", flat=True)]


def _job_close_if_done(job: Job) -> None:
    """With the job row locked: once every unit has reported, complete the job, or end it partial or failed."""
    if job.units_done + job.units_failed < job.count:
        return
    if job.units_failed == 0:
        job.status = Job.COMPLETED
        job.completed_at = timezone.now()
        job.result = {**(job.result or {}), "cover_ids": _delivered_cover_ids(job)}
        if job.target_asset:
            job.result["asset"] = job.target_asset
        job.save(update_fields=["status", "completed_at", "result"])
        _job_finished(job)
        return
    _job_fail_locked(job, code=job.error_code, message=job.error_message)


def _job_fail_locked(job: Job, *, code: str, message: str) -> None:
    """End a locked, unfinished job: keep what was delivered, refund the rest, schedule the webhook.

    It is `partial` when some covers were delivered, `failed` when none was.
    """
    undelivered = job.credits_reserved - job.units_done - job.credits_refunded
    if undelivered > 0:
        account = account_lock(account_id=job.account_id)
        credits_refund(account=account, amount=undelivered, reference=f"job:{job.id}", memo=f"job failed: {code}")
    # Units still rendering (the job is failed under them) will not be delivered: settle them now,
    # so the sweeper does not look at them again.
    JobUnit.objects.filter(job=job, outcome=JobUnit.PENDING).update(outcome=JobUnit.LOST, finished_at=timezone.now())
    job.status = Job.PARTIAL if job.units_done else Job.FAILED
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
    _job_finished(job)


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
    lost_units: int = 0


# A job accepted this long ago whose enqueue never succeeded is handed to the broker again.
ENQUEUE_RETRY_AFTER = timedelta(seconds=5)


def jobs_sweep(*, now=None) -> SweepReport:
    """Recover work whose worker, task or broker was lost. Runs every minute.

    - A unit claimed longer ago than the unit deadline and still rendering lost its worker: it is
      counted failed (`worker_lost`), so its job ends (partial or failed) and refunds it within
      about a minute, while the job's other units go on.
    - A running job with no unit left rendering or to claim that did not end (only possible for
      jobs run before units were tracked) fails past the job deadline, refunded.
    - Work tokens the broker never got (the enqueue failed: Redis was down) are enqueued again;
      so are those of every unfinished job when no unit was claimed for the grace period although
      units wait (tokens lost with a broker restart or a killed worker's prefetch). Surplus tokens
      are harmless: a token that finds nothing to claim ends at once.
    """
    now = now or timezone.now()
    lost = 0
    unit_deadline = now - timedelta(seconds=conf.job_unit_deadline_seconds())
    for job_id, position in JobUnit.objects.filter(outcome=JobUnit.PENDING, claimed_at__lt=unit_deadline).values_list(
        "job_id", "position"
    ):
        if job_unit_failed(
            job_id=job_id,
            position=position,
            outcome=JobUnit.LOST,
            code="worker_lost",
            message="The worker rendering a cover of this job stopped before finishing; its credit was refunded.",
        ):
            lost += 1
    deadline = now - timedelta(seconds=conf.job_running_deadline_seconds())
    failed = 0
    stuck = (
        Job.objects.filter(status=Job.RUNNING, started_at__lt=deadline, units_claimed__gte=F("count"))
        .exclude(units__outcome=JobUnit.PENDING)
        .values_list("pk", flat=True)
    )
    for job_id in stuck:
        if job_fail(
            job_id=job_id,
            code="worker_lost",
            message="The worker rendering this job stopped before finishing; unused credits were refunded.",
        ):
            failed += 1
    requeue = set(
        Job.objects.filter(
            status=Job.QUEUED, enqueued_at__isnull=True, created_at__lt=now - ENQUEUE_RETRY_AFTER
        ).values_list("pk", flat=True)
    )
    grace = now - timedelta(seconds=conf.job_queued_grace_seconds())
    if not JobUnit.objects.filter(claimed_at__gte=grace).exists():
        waiting = Job.objects.filter(
            status__in=Job.ACTIVE_STATUSES, units_claimed__lt=F("count"), created_at__lt=grace
        ).exclude(enqueued_at__gte=grace)
        requeue.update(waiting.values_list("pk", flat=True))
    requeued = sum(1 for job_id in requeue if job_enqueue(job_id=job_id))
    if failed or requeued or lost:
        logger.warning(
            "Sweeper: %s unit(s) lost, %s stuck job(s) failed, %s job(s) re-enqueued", lost, failed, requeued
        )
    return SweepReport(failed=failed, requeued=requeued, lost_units=lost)


def _job_finished(job: Job) -> None:
    """With a finished job locked: its webhook, and once committed, its slot to the account's batches."""
    _webhook_schedule(job)
    # robust: the job is recorded whatever happens to its batch; the minute schedule feeds it again.
    transaction.on_commit(partial(batch_job_finished, job_id=job.id, account_id=job.account_id), robust=True)


def _webhook_schedule(job: Job) -> None:
    """Create the delivery of a finished job's event, if it has a URL, and send it once committed."""
    url = job.webhook_url or Account.objects.filter(pk=job.account_id).values_list("webhook_url", flat=True).first()
    if not url:
        return
    delivery = WebhookDelivery.objects.create(
        job=job,
        event=webhook_event(job),
        url=url,
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(partial(webhook_enqueue, delivery_id=delivery.pk))
