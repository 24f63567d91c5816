"""Author web app: wizard steps 2-4 (style, progress, refine), the cover page and downloads.

Every write goes through covers.services, the same functions the API calls: credits, concurrency,
validation and the content policy are decided there, once.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST

import cover_engine as engine
from billing.models import Account
from billing.services import credits_balance
from books.services import DELETED_KEPT_FOR
from byc_site.errors import ApplicationError
from cover_engine import design as design_reasons
from cover_engine import palettes as engine_palettes
from cover_engine import vocabulary
from cover_engine.stores import STORES
from covers import conf, selectors, services, specs
from covers.downloads import print_download_name
from covers.models import ASSET_PRINT_PDF, ASSET_PRINT_PROOF, ASSET_STORE_PACK, Cover, CoverAsset, Job
from covers.representations import asset_signed_url
from covers.services import exports, thumbs
from covers.storage import file_open
from web.forms.covers import (
    COUNT_CHOICES,
    EXAMPLE_PROMPTS,
    EditForm,
    PreflightForm,
    PrintWrapForm,
    StyleForm,
    VariationForm,
)
from web.formtokens import form_token, submit_once
from web.views.account import author_account, author_book, form_fields_for, render_author_page

# What each asset is called on the pages (the API keeps the contract's names: preview, full, ...).
ASSET_LABELS = {
    "preview": "Ebook cover (1600 × 2560)",
    "full": "Ebook cover, high resolution (3200 × 5120)",
    "audiobook_preview": "Audiobook cover (2400 × 2400)",
    "audiobook_full": "Audiobook cover, high resolution (4800 × 4800)",
}
LINEAGE_DEPTH = 12
DERIVED_SHOWN = 24  # the newest covers made from this one
# Pages show downscaled JPEGs, never the multi-megabyte PNGs: small for grids, large for the cover page.
THUMB_SMALL = thumbs.THUMB_SMALL
THUMB_LARGE = thumbs.THUMB_LARGE
THUMB_WIDTHS = thumbs.THUMB_WIDTHS
THUMB_ASSETS = thumbs.THUMB_ASSETS
SWATCH_KEYS = ("sky_top", "mid", "accent")
# The API's field names, as an author reads them on the page.
FIELD_WORDS = {"mainElements": "main elements", "colorPalette": "colour palette", "templateId": "template"}
BOOK_TEXT_FIELDS = ("title", "subtitle", "author", "summary")


# --- helpers --------------------------------------------------------------------------------------


def asset_url(asset: CoverAsset, *, variant=None) -> str:
    """A fresh signed URL for an asset (or its JPEG `variant`), for downloads named after the book.
    Local-storage links are made relative to this site so they work whatever host name the author
    used to reach it."""
    url = asset_signed_url(asset, variant=variant, variant_type=exports.JPEG_CONTENT_TYPE).url
    if settings.BYC_STORAGE == "local" and url.startswith(settings.PUBLIC_URL):
        url = url[len(settings.PUBLIC_URL) :] or "/"
    return url


def image_url(cover_id, asset_type: str = "preview", width: int = THUMB_SMALL) -> str:
    """A stable, cacheable URL of a downscaled JPEG of a cover's image (see `cover_image`)."""
    return reverse("cover_image", kwargs={"cover_id": cover_id, "asset_type": asset_type, "width": width})


def cover_thumbs(covers, *, width: int = THUMB_SMALL) -> list[dict]:
    """Covers with the URL of their preview's thumbnail ("" when the cover has no preview)."""
    thumbs = []
    for cover in covers:
        previews = getattr(cover, "preview_assets", None)
        if previews is None:
            previews = [a for a in cover.assets.all() if a.asset_type == "preview"]
        thumbs.append({"cover": cover, "url": image_url(cover.id, "preview", width) if previews else ""})
    return thumbs


def _cover_for_author(account: Account, cover_id) -> Cover:
    try:
        return selectors.cover_get_for_account(account=account, cover_id=cover_id)
    except ApplicationError:
        raise Http404("Cover not found.") from None


def _job_for_author(account: Account, job_id) -> Job:
    try:
        return selectors.job_get_for_account(account=account, job_id=job_id)
    except ApplicationError:
        raise Http404("Job not found.") from None


# What an author can do about each refusal, shown under the service's own message.
ERROR_ADVICE = {
    "insufficient_credits": (
        "Not enough credits",
        "Choose fewer covers, wait for your monthly credits to renew, or ask the service's staff for overage credits.",
    ),
    "concurrency_limit": (
        "Too many jobs at once",
        "Your plan runs a limited number of jobs at the same time. Wait for one to finish (they take a few "
        "seconds) and try again.",
    ),
    "content_policy_violation": (
        "This text is not allowed",
        "Some words break the content policy. Reword the text and try again.",
    ),
    "asset_already_exists": ("Already done", "That version already exists or is being made right now."),
    "forbidden": (
        "Your subscription is stopped",
        "Your books and covers are kept. Ask the service's staff to start the subscription again.",
    ),
    "edit_not_understood": (
        "We did not understand that edit",
        "Try one of the example prompts: colours, light, sky, title position or size, adding or removing things.",
    ),
    "art_provider_unavailable": (
        "The picture could not be drawn",
        "The image service this site uses did not answer, so the credit was refunded. Try again in a few minutes.",
    ),
    "edit_not_applied": (
        "That edit would not show on this cover",
        "We understood it, but the result looked the same (or had no room for it), so the credit was refunded. "
        "Try another change, or a variation of the cover first.",
    ),
}


# The engine's reasons for leaving a subject out, as the cover page says them (singular, plural).
# A reason not listed here is shown as the engine gave it.
NOT_DRAWN_REASONS = {
    design_reasons.CANNOT_DRAW: ("no picture for it yet", "no pictures for them yet"),
    design_reasons.NO_ROOM: ("no room for it in this design", "no room for them in this design"),
    design_reasons.TOO_SMALL: ("it would have been too small to see", "too small to see"),
}


def _words(text: object) -> str:
    """Words as a sentence shows them: no internal underscores, single spaces."""
    return " ".join(str(text).replace("_", " ").split())


def _name(identifier: object) -> str:
    """A face or palette identifier as words: 'cormorant-garamond' -> 'cormorant garamond'."""
    return _words(str(identifier).replace("-", " "))


def _unique(words: list[str], *, besides: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The words once each (case aside), in their order, leaving out those in `besides`."""
    seen = set(besides)
    out = []
    for word in words:
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            out.append(word)
    return out


def in_a_sentence(words: list[str]) -> str:
    """'a hedgehog, a hot-air balloon and the moon'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _subject_words(subject: dict) -> str:
    return _words(subject.get("phrase") or subject.get("subject") or "")


def design_in_words(design: dict | None) -> dict | None:
    """The engine's design report as the cover page says it: short plain sentences, each subject once.

    "drawn" and "not_drawn" are sentence parts ("a hedgehog and the moon"; "a zorblax (no picture
    for it yet)"); a subject both drawn and missed (two mentions of it) counts as drawn."""
    if not design:
        return None
    edit = design.get("edit") or {}
    template = design.get("template") or {}
    drawn = _unique([_subject_words(s) for s in design.get("subjectsDrawn") or []])
    said = {word.casefold() for word in drawn}
    by_reason: dict[str, list[str]] = {}
    for subject in design.get("subjectsNotDrawn") or []:
        if subject.get("askedBy") == "genre":
            continue  # the genre's own idea, left out: not news to an author who never asked for it
        names = _unique([_subject_words(subject)], besides=said)
        said.update(name.casefold() for name in names)
        by_reason.setdefault(str(subject.get("reason") or ""), []).extend(names)
    not_drawn = []
    for reason, names in by_reason.items():
        if not names:
            continue
        one, many = NOT_DRAWN_REASONS.get(reason, (reason, reason))
        why = one if len(names) == 1 else many
        not_drawn.append(in_a_sentence(names) + (f" ({why})" if why else ""))
    ignored = _unique([_words(word) for word in edit.get("ignoredWords") or []])
    faces = _unique([_name(face).title() for face in (design.get("type") or {}).get("titleFaces") or []])
    return {
        "drawn": in_a_sentence(drawn) if drawn else "",
        "not_drawn": "; ".join(not_drawn),
        "not_applied": "; ".join(_unique([_words(item) for item in edit.get("notApplied") or []])),
        "ignored": in_a_sentence(ignored) if ignored else "",
        "template": template.get("name") or _name(template.get("id") or ""),
        "palette": _name((design.get("palette") or {}).get("name", "")),
        "faces": in_a_sentence(faces) if faces else "",
        # Who drew the picture when the deployment uses an image model, or why our painters did.
        "artwork": str((design.get("artwork") or {}).get("note") or ""),
    }


def _plain_error(error: ApplicationError) -> dict:
    """A job error in words an author can act on: a title, the service's message, and what to do next."""
    title, what_to_do = ERROR_ADVICE.get(error.code, ("That did not work", ""))
    message = error.message
    for api_name, words in FIELD_WORDS.items():
        message = message.replace(api_name, words)
    if error.code == "content_policy_violation" and error.field in BOOK_TEXT_FIELDS:
        what_to_do = "The book's own text breaks the content policy: add the book again with different wording."
    return {"code": error.code, "title": title, "message": message, "advice": what_to_do}


def _palette_swatches() -> list[dict]:
    """Each named palette with a strip of colours taken from the engine's own palette table."""
    swatches = []
    for name in vocabulary.COLOR_PALETTES:
        variants = engine_palettes.FAMILIES.get(name, ())
        colors = []
        for variant in variants[:2]:
            colors += [variant.palette.colors[k] for k in SWATCH_KEYS if k in variant.palette.colors]
        swatches.append({"name": name, "label": name.capitalize(), "colors": colors})
    return swatches


# Template families whose identifier does not read as words once capitalised.
FAMILY_WORDS = {"sci-fi": "Sci-fi", "ya-pop": "YA pop"}


def template_gallery(genre: str) -> tuple[list[dict], list[dict]]:
    """The template gallery: (templates suited to the genre, the others), with engine-rendered previews.

    A genre no template names gets every template as "suited"."""
    suited_ids = {t.id for t in selectors.templates_available(genre=genre)}
    every = sorted(selectors.templates_available(), key=lambda t: (t.family, t.name))
    entries = [
        {
            "template": t,
            "family": FAMILY_WORDS.get(t.family) or t.family.replace("-", " ").capitalize(),
            "preview_url": reverse("api:template-preview", kwargs={"template_id": t.id}),
            "suited": t.id in suited_ids or not suited_ids,
        }
        for t in every
    ]
    return [e for e in entries if e["suited"]], [e for e in entries if not e["suited"]]


# --- wizard step 2: style ---------------------------------------------------------------------------


@login_required
def cover_style(request: HttpRequest, book_id) -> HttpResponse:
    account = author_account(request)
    book = author_book(account, book_id)
    form = StyleForm(request.POST or None)
    job_error = None
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def generate() -> str:
            job = services.job_create_generate(
                account=account,
                book_id=book.id,
                count=_as_count(data["count"]),
                template_id=data["template"] or None,
                main_elements=data["main_elements"],
                mood=data["mood"] or None,
                color_palette=data["palette"] or None,
            )
            return reverse("job_detail", kwargs={"job_id": job.id})

        try:
            url, _sent_before = submit_once(request, account=account, action=generate)
        except ApplicationError as error:
            status = error.status
            job_error = _plain_error(error)
            for field in form_fields_for(form, error):
                form.add_error(field, job_error["message"])
        else:
            return redirect(url)
    show_all = request.GET.get("templates") == "all"
    suited, others = template_gallery(book.genre)
    balance = credits_balance(account=account)
    context = {
        "book": book,
        "form": form,
        "job_error": job_error,
        "templates": suited,
        "other_templates": others,
        "template_total": len(suited) + len(others),
        "show_all": show_all or any(e["template"].id == form.value_of("template") for e in others),
        "moods": form.mood_choices,
        "palettes": _palette_swatches(),
        "counts": COUNT_CHOICES,
        "credits_per_cover": specs.credits_for(Job.OP_GENERATE),
        "chosen": {name: form.value_of(name) for name in ("template", "mood", "palette", "count")},
        "balance": balance,
        "subscription_stopped": not account.is_active,
        "step": 2,
        "form_token": form_token(request),
    }
    return render_author_page(request, "web/covers/style.html", context, status=status)


def _as_count(value: str) -> int | str:
    """Radio buttons send strings; the service checks the range and answers invalid_count."""
    try:
        return int(value) if value else 1
    except ValueError:
        return value


# --- wizard step 3: progress --------------------------------------------------------------------------


def _job_context(job: Job) -> dict:
    """What the job page shows: the covers it made (newest state) or its error."""
    covers = []
    if job.is_finished:
        cover_ids = (job.result or {}).get("cover_ids") or []
        by_id = selectors.covers_by_ids(cover_ids=cover_ids)
        for cover_id in cover_ids:
            cover = by_id.get(str(cover_id))
            if cover is None:
                continue
            assets = {a.asset_type: a for a in cover.assets.all()}
            asset = assets.get(job.target_asset or "preview")
            # Show a downscaled image of what was made (the preview's, for an upscale); the full file is a download.
            shown = "audiobook_preview" if job.target_asset in ("audiobook_preview", "audiobook_full") else "preview"
            url = image_url(cover.id, shown) if shown in assets else ""
            covers.append({"cover": cover, "asset": asset, "url": url, "square": shown == "audiobook_preview"})
    done = job.is_finished
    # An edit or a re-render is shown next to the cover it started from.
    shown_next_to_source = job.operation in (Job.OP_EDIT, Job.OP_RERENDER) and job.source_cover_id
    source_url = image_url(job.source_cover_id) if shown_next_to_source else ""
    return {"job": job, "covers": covers, "done": done, "status_text": _status_text(job), "source_url": source_url}


def _status_text(job: Job) -> str:
    if job.status == Job.QUEUED:
        return _queue_text(selectors.job_queue_estimate(job))
    if job.status == Job.RUNNING:
        total = max(job.count, 1)
        if total > 1:
            return f"Rendering… {job.units_done} of {total} ready"
        return "Rendering…"
    if job.status == Job.COMPLETED:
        return "Done."
    if job.status == Job.PARTIAL:
        return f"Partly done: {job.units_done} of {job.count} made; the others were refunded."
    return "This job failed."


def _queue_text(estimate: selectors.QueueEstimate | None) -> str:
    if estimate is None or estimate.units_ahead == 0:
        return "Starting…"
    ahead = f"{estimate.units_ahead} cover{'s' if estimate.units_ahead != 1 else ''} ahead of yours"
    if estimate.wait_seconds is None:
        return f"Waiting in line: {ahead}."
    return f"Waiting in line: {ahead}, about {_duration(estimate.wait_seconds)}."


def _duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} s"
    return f"{math.ceil(seconds / 60)} min"


def _progress(job: Job) -> float:
    if job.status == Job.QUEUED:
        return 0.05
    if job.status == Job.RUNNING:
        return 0.15 + 0.8 * (job.units_done / max(job.count, 1))
    return 1.0


@login_required
def job_detail(request: HttpRequest, job_id) -> HttpResponse:
    account = author_account(request)
    job = _job_for_author(account, job_id)
    context = _job_context(job)
    context["progress"] = _progress(job)
    context["step"] = 3 if job.operation == Job.OP_GENERATE else 4
    return render_author_page(request, "web/covers/job.html", context, account=account)


@login_required
def job_status(request: HttpRequest, job_id) -> JsonResponse:
    """The JSON the progress page polls; once the job is done it carries the rendered result."""
    account = author_account(request)
    job = _job_for_author(account, job_id)
    context = _job_context(job)
    body = {
        "status": job.status,
        "status_text": context["status_text"],
        "progress": _progress(job),
        "done": context["done"],
    }
    if context["done"]:
        body["html"] = render_to_string("web/covers/_job_result.html", context, request=request)
    return JsonResponse(body, headers={"Cache-Control": "no-store"})


# --- step 4: the cover page and refining --------------------------------------------------------------


@login_required
def cover_detail(request: HttpRequest, cover_id, *, forms: dict | None = None, error=None, status=200) -> HttpResponse:
    account = author_account(request)
    cover = _cover_for_author(account, cover_id)
    assets = {a.asset_type: a for a in cover.assets.all()}
    active_jobs = selectors.jobs_active(source_cover=cover)
    lineage = cover_thumbs(selectors.cover_lineage(cover=cover, depth=LINEAGE_DEPTH))
    derived = cover_thumbs(selectors.covers_derived_from(cover=cover, limit=DERIVED_SHOWN))
    asset_rows = []
    for asset_type, label in ASSET_LABELS.items():
        asset = assets.get(asset_type)
        if asset is None:
            # The size it will have, as the jobs render it.
            format_, scale = services.ASSET_RENDERING[asset_type]
            width, height = engine.render_size(format_, scale * conf.render_scale())
        asset_rows.append(
            {
                "type": asset_type,
                "label": label,
                "size": f"{asset.width} × {asset.height}" if asset else f"{width} × {height}",
                "asset": asset,
                "megabytes": round(asset.size_bytes / 1_000_000, 1) if asset else None,
                "pending": any(j.target_asset == asset_type for j in active_jobs),
            }
        )
    forms = forms or {}
    print_wrap = _print_wrap_latest(cover)
    context = {
        "cover": cover,
        "book": cover.book,
        "preview_url": image_url(cover.id, "preview", THUMB_LARGE) if "preview" in assets else "",
        "audiobook_url": image_url(cover.id, "audiobook_preview", THUMB_SMALL) if "audiobook_preview" in assets else "",
        "assets": asset_rows,
        "store_pack": {
            "asset": assets.get(ASSET_STORE_PACK),
            "pending": any(j.target_asset == ASSET_STORE_PACK for j in active_jobs),
            "stores": in_a_sentence([store.name for store in STORES]),
        },
        "has": set(assets),
        "active_jobs": active_jobs,
        "lineage": lineage,
        "derived": derived,
        "design": design_in_words(cover.design),
        "variation_form": forms.get("variation") or VariationForm(),
        "edit_form": forms.get("edit") or EditForm(),
        "print_form": forms.get("print") or PrintWrapForm(initial=_print_form_initial(print_wrap)),
        "print_wrap": print_wrap,
        "example_prompts": EXAMPLE_PROMPTS,
        "counts": COUNT_CHOICES,
        "prices": {operation: specs.credit_words(operation) for operation in specs.CREDITS_PER_UNIT},
        "job_error": error,
        "step": 4,
        "text_changes": _text_changes_words(cover),
        "form_token": form_token(request),
    }
    return render_author_page(request, "web/covers/cover.html", context, account=account, status=status)


def _text_changes_words(cover: Cover) -> list[dict]:
    """What the book says now that this cover does not show: [{field, on_cover, now}]."""
    made_with = (cover.recipe or {}).get("text") or {}
    return [
        {"field": name, "on_cover": made_with.get(name) or "", "now": getattr(cover.book, name)}
        for name in selectors.cover_text_changes(cover=cover)
    ]


def _refine(request: HttpRequest, cover_id, start, *, form_name: str | None = None, form=None) -> HttpResponse:
    """Run one refine action; on success go to its progress page, on failure redisplay the cover page."""
    account = author_account(request)
    cover = _cover_for_author(account, cover_id)
    try:
        url, sent_before = submit_once(
            request, account=account, action=lambda: reverse("job_detail", kwargs={"job_id": start(account, cover).id})
        )
    except ApplicationError as error:
        forms = {form_name: form} if form_name else {}
        for field in form_fields_for(form, error) if form is not None else []:
            form.add_error(field, _plain_error(error)["message"])
        return cover_detail(request, cover_id, forms=forms, error=_plain_error(error), status=error.status)
    if sent_before:
        messages.info(request, "This form was already sent; here is the job it started (nothing was charged again).")
    return redirect(url)


@login_required
@require_POST
def cover_variations(request: HttpRequest, cover_id) -> HttpResponse:
    form = VariationForm(request.POST)
    form.is_valid()
    count = _as_count(form.cleaned_data.get("count", ""))
    return _refine(
        request,
        cover_id,
        lambda account, cover: services.job_create_variation(account=account, cover_id=cover.id, count=count),
        form_name="variation",
        form=form,
    )


@login_required
@require_POST
def cover_edit(request: HttpRequest, cover_id) -> HttpResponse:
    form = EditForm(request.POST)
    form.is_valid()
    prompt = form.cleaned_data.get("prompt", "")
    return _refine(
        request,
        cover_id,
        lambda account, cover: services.job_create_edit(account=account, cover_id=cover.id, prompt=prompt),
        form_name="edit",
        form=form,
    )


@login_required
@require_POST
def cover_audiobook(request: HttpRequest, cover_id) -> HttpResponse:
    return _refine(
        request, cover_id, lambda account, cover: services.job_create_audiobook(account=account, cover_id=cover.id)
    )


@login_required
@require_POST
def cover_store_pack(request: HttpRequest, cover_id) -> HttpResponse:
    return _refine(
        request, cover_id, lambda account, cover: services.job_create_store_pack(account=account, cover_id=cover.id)
    )


@login_required
@require_POST
def cover_upscale(request: HttpRequest, cover_id) -> HttpResponse:
    source = request.POST.get("source_asset", "preview")
    return _refine(
        request,
        cover_id,
        lambda account, cover: services.job_create_upscale(account=account, cover_id=cover.id, source_asset=source),
    )


@login_required
@require_POST
def cover_rerender(request: HttpRequest, cover_id) -> HttpResponse:
    return _refine(
        request, cover_id, lambda account, cover: services.job_create_rerender(account=account, cover_id=cover.id)
    )


@login_required
def cover_delete(request: HttpRequest, cover_id) -> HttpResponse:
    """GET: a confirmation page; POST: delete the cover (soft) and go back to its book."""
    account = author_account(request)
    cover = _cover_for_author(account, cover_id)
    if request.method == "POST":
        services.cover_delete(account=account, cover_id=cover.id)
        messages.success(
            request,
            f"The cover is deleted. Changed your mind? The service's staff can restore it for {DELETED_KEPT_FOR.days} "
            "days.",
        )
        return redirect("book_detail", book_id=cover.book_id)
    context = {
        "book": cover.book,
        "cover": cover,
        "what": f"this {cover.template.name} cover of “{cover.book.title}”",
        "image_url": image_url(cover.id) if any(a.asset_type == "preview" for a in cover.assets.all()) else "",
        "active_jobs": selectors.jobs_active(source_cover=cover),
        "kept_days": DELETED_KEPT_FOR.days,
        "cancel_url": reverse("cover_detail", kwargs={"cover_id": cover.id}),
    }
    return render_author_page(request, "web/books/confirm_delete.html", context, account=account)


@login_required
def asset_download(request: HttpRequest, cover_id, asset_type: str) -> HttpResponse:
    """A stable link for the author: redirects to a fresh signed URL of the file (`?format=jpeg`: its JPEG)."""
    account = author_account(request)
    cover = _cover_for_author(account, cover_id)
    try:
        asset = selectors.cover_asset_get(cover=cover, asset_type=asset_type)
        variant = exports.asset_variant_stored(asset=asset, file_format=request.GET.get("format"))
    except ApplicationError:
        raise Http404("This file has not been made yet.") from None
    response = redirect(asset_url(asset, variant=variant))
    response["Cache-Control"] = "no-store"
    return response


@login_required
def cover_image(request: HttpRequest, cover_id, asset_type: str, width: int) -> HttpResponse:
    """A cover's image downscaled to `width` pixels as a JPEG, for pages.

    An asset never changes once made, so its thumbnail is made once, kept in storage next to the
    assets, and the browser may cache it for good: pages load fast and stay light.
    """
    if asset_type not in THUMB_ASSETS or width not in THUMB_WIDTHS:
        raise Http404("No such image size.")
    account = author_account(request)
    cover = _cover_for_author(account, cover_id)
    try:
        asset = selectors.cover_asset_get(cover=cover, asset_type=asset_type)
    except ApplicationError:
        raise Http404("This image has not been made yet.") from None
    etag = f'"{asset.checksum[:40]}-{width}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(thumbnail_bytes(asset, width), content_type="image/jpeg")
    response["ETag"] = etag
    patch_cache_control(response, private=True, max_age=365 * 24 * 3600, immutable=True)
    return response


def thumbnail_bytes(asset: CoverAsset, width: int) -> bytes:
    # The worker stores thumbnails with the asset; older assets get theirs made here, once.
    return thumbs.thumbnail_bytes(storage_name=asset.storage_name, checksum=asset.checksum, width=width)


JOBS_PER_PAGE = 25


@login_required
def job_history(request: HttpRequest) -> HttpResponse:
    """Every job of the account, newest first, optionally one status only."""
    account = author_account(request)
    status = request.GET.get("status") or None
    try:
        jobs = selectors.jobs_for_account(account=account, status=status)
    except ApplicationError:
        status, jobs = None, selectors.jobs_for_account(account=account)
    page = Paginator(jobs.select_related("book"), JOBS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "statuses": Job.STATUS_CHOICES}
    return render_author_page(request, "web/account/jobs.html", context, account=account)


# --- print -------------------------------------------------------------------------------------------


def _print_wrap_latest(cover) -> dict | None:
    """The print assets of a cover and the target of the wrap they came from, for the print card."""
    assets = {a.asset_type: a for a in cover.assets.all()}
    if ASSET_PRINT_PDF not in assets:
        return None
    job = selectors.print_wrap_latest(cover=cover)
    params = (job.params if job else None) or {}
    return {
        "pdf": assets[ASSET_PRINT_PDF],
        "proof_url": asset_url(assets[ASSET_PRINT_PROOF]) if ASSET_PRINT_PROOF in assets else "",
        "target": params.get("target", "print"),
        "filename": print_download_name(
            title=cover.book.title, target=params.get("target", "print"), content_type="application/pdf"
        ),
        "report": (job.result or {}).get("print") if job else None,
        "params": params,
    }


# The print form's fields, as the print-wrap job keeps them in its params.
PRINT_FORM_FIELDS = (
    "printer", "binding", "trim_size", "page_count", "paper", "isbn", "price", "back_text", "author_bio"
)  # fmt: skip


def _print_form_initial(print_wrap: dict | None) -> dict:
    """The last wrap's target and texts, so a second wrap (another page count, say) starts from it."""
    params = (print_wrap or {}).get("params") or {}
    return {name: params[name] for name in PRINT_FORM_FIELDS if params.get(name) not in (None, "")}


@login_required
@require_POST
def cover_print(request: HttpRequest, cover_id) -> HttpResponse:
    form = PrintWrapForm(request.POST)
    form.is_valid()
    data = {**form.data.dict(), **form.cleaned_data}
    page_count = data.get("page_count")
    page_count = int(page_count) if isinstance(page_count, str) and page_count.isdigit() else page_count
    return _refine(
        request,
        cover_id,
        lambda account, cover: services.job_create_print_wrap(
            account=account,
            cover_id=cover.id,
            printer=data.get("printer"),
            binding=data.get("binding"),
            trim_size=data.get("trim_size"),
            page_count=page_count,
            paper=data.get("paper"),
            isbn=data.get("isbn") or None,
            price=data.get("price") or None,
            back_text=data.get("back_text") or None,
            author_bio=data.get("author_bio") or None,
        ),
        form_name="print",
        form=form,
    )


@login_required
def print_download(request: HttpRequest, cover_id) -> HttpResponse:
    """The cover's print PDF, served under the book's name (the-last-witness_kdp-6x9-320p.pdf)."""
    account = author_account(request)
    cover = _cover_for_author(account, cover_id)
    latest = _print_wrap_latest(cover)
    if latest is None:
        raise Http404("This cover has no print wrap yet.")
    response = FileResponse(
        file_open(latest["pdf"].storage_name), as_attachment=True, filename=latest["filename"],
        content_type="application/pdf",
    )  # fmt: skip
    response["Cache-Control"] = "no-store"
    return response


@login_required
def print_preflight(request: HttpRequest) -> HttpResponse:
    """Upload a cover file and see it checked against a printer's rules, with the proof marked."""
    account = author_account(request)
    result, error = None, None
    if request.method == "POST":
        form = PreflightForm(request.POST, request.FILES)
        form.is_valid()
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ApplicationError("missing_required_fields", "Choose a file to check.", field="file")
            if upload.size > services.preflight.MAX_UPLOAD_BYTES:
                raise ApplicationError("file_too_large", "The file is too large to check.", field="file", status=413)
            page_count = request.POST.get("page_count", "")
            result = services.preflight_check(
                account=account,
                printer=request.POST.get("printer"),
                binding=request.POST.get("binding"),
                trim_size=request.POST.get("trim_size"),
                page_count=int(page_count) if page_count.isdigit() else page_count,
                paper=request.POST.get("paper"),
                data=upload.read(),
                isbn=request.POST.get("isbn") or None,
            )
        except ApplicationError as exc:
            error = _plain_error(exc)
            for field in form_fields_for(form, exc):
                form.add_error(field, error["message"])
    else:
        form = PreflightForm()
    status = 200 if error is None else 400
    context = {"form": form, "result": result, "job_error": error}
    return render_author_page(request, "web/covers/preflight.html", context, account=account, status=status)
