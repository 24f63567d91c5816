"""Author web app: importing a catalogue (upload, the bad-rows report, confirm) and a batch's live progress.

Every row is checked and every job accepted by covers.services, the same functions the API and
`manage.py import_catalogue` call.
"""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from billing.models import Account
from billing.services import credits_balance
from books.specs import BOOK_CREATE
from byc_site.errors import ApplicationError
from cover_engine import vocabulary
from covers import representations, selectors, services, specs
from covers.models import Batch, BatchRow, Job
from covers.services.batches import MAX_FILE_BYTES, OPTION_FIELDS, ROW_FIELDS
from web.forms.batches import CatalogueForm
from web.views.account import author_account, render_author_page
from web.views.covers import ERROR_ADVICE, FIELD_WORDS, cover_thumbs

BATCHES_PER_PAGE = 20
STATUS_WORDS = {
    Batch.QUEUED: "Waiting for a worker to start",
    Batch.RUNNING: "Making covers",
    Batch.COMPLETED: "Done: every book has its covers",
    Batch.PARTIAL: "Done, but some books failed",
    Batch.FAILED: "Every book failed",
}
ROW_STATUS_WORDS = {
    "pending": "Waiting for a slot",
    "queued": "Queued",
    "running": "Rendering",
    "completed": "Done",
    "partial": "Some covers",
    "failed": "Failed",
}
# What the import page says about each column.
COLUMN_NOTES = {
    "title": "Drawn on the cover.",
    "author": "Drawn on the cover.",
    "subtitle": "Drawn under the title.",
    "subgenre": f"Only for {', '.join(vocabulary.SUBGENRES)}.",
    "summary": "Recommended: a few sentences; it drives the picture.",
    "target_audience": f"One of {', '.join(vocabulary.TARGET_AUDIENCES)}.",
    "external_ref": "Required here: your id for the book (an ISBN, a SKU). Importing again finds the book by it.",
    "genre": "A genre slug, e.g. fantasy, mystery, science-fiction.",
    "count": "Covers for this book, 1 to 5.",
    "templateId": "A template id; empty: chosen for the genre.",
    "mood": "One of the wizard's moods, e.g. mysterious.",
    "colorPalette": "One of the wizard's palettes, e.g. earth.",
    "mainElements": "What to show, in your own words.",
}
EXAMPLE_ROWS = (
    {
        "title": "Harbour Lights",
        "author": "Ada Reyes",
        "genre": "mystery",
        "summary": "A lighthouse keeper finds a letter in a bottle.",
        "external_ref": "9780000000001",
        "mainElements": "a lighthouse in a storm",
    },
    {
        "title": "The Glass Orchard",
        "author": "Ada Reyes",
        "genre": "fantasy",
        "subgenre": "epic-fantasy",
        "summary": "An orchard of glass trees rings when war is coming.",
        "external_ref": "9780000000002",
        "count": "2",
    },
)


def _batch_for_author(account: Account, batch_id, *, drafts: bool = False) -> Batch:
    try:
        return selectors.batch_get_for_account(account=account, batch_id=batch_id, drafts=drafts)
    except ApplicationError:
        raise Http404("Batch not found.") from None


@login_required
def batch_list(request: HttpRequest) -> HttpResponse:
    account = author_account(request)
    batches = selectors.batches_for_account(account=account).annotate(books=Count("rows"))
    page = Paginator(batches, BATCHES_PER_PAGE).get_page(request.GET.get("page"))
    return render_author_page(request, "web/batches/list.html", {"page": page}, account=account)


def _columns() -> list[dict]:
    required = {spec.name for spec in BOOK_CREATE if spec.required} | {"external_ref"}
    return [
        {"name": name, "required": name in required, "note": COLUMN_NOTES.get(name, "")}
        for name in ROW_FIELDS
        if name in COLUMN_NOTES or name in BOOK_CREATE.names
    ]


def example_catalogue(request: HttpRequest) -> HttpResponse:
    """A CSV with every column and two books, to start a catalogue from."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(ROW_FIELDS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(EXAMPLE_ROWS)
    return HttpResponse(
        out.getvalue(),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="catalogue-example.csv"'},
    )


@login_required
def batch_import(request: HttpRequest) -> HttpResponse:
    """Upload a catalogue; the answer is the report: the bad rows by line, and the good ones to confirm."""
    account = author_account(request)
    form = CatalogueForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["catalogue"]
        try:
            rows = services.catalogue_parse(content=upload.read(MAX_FILE_BYTES + 1), filename=upload.name)
            report = services.catalogue_check(rows=rows, default_count=form.cleaned_data["count"])
            batch = (
                services.batch_draft_create(account=account, report=report, source_name=upload.name)
                if report.good
                else None
            )
        except ApplicationError as error:
            form.add_error("catalogue", error.message)
            status = error.status
        else:
            context = {
                "report": report,
                "batch": batch,
                "source_name": upload.name,
                "rows_read": len(rows),
                "problems": [_problem_row(p) for p in report.problems],
                "credits_needed": report.credits_needed,
            }
            return render_author_page(request, "web/batches/report.html", context, account=account)
    elif request.method == "POST":
        status = 400
    context = {"form": form, "columns": _columns(), "max_books": f"{services.MAX_BOOKS:,}", "options": OPTION_FIELDS}
    return render_author_page(request, "web/batches/import.html", context, account=account, status=status)


def _problem_row(problem) -> dict:
    return {
        "line": problem.line,
        "external_ref": problem.external_ref,
        "field": FIELD_WORDS.get(problem.field, problem.field),
        "message": problem.message,
    }


@login_required
@require_POST
def batch_start(request: HttpRequest, batch_id) -> HttpResponse:
    account = author_account(request)
    batch = _batch_for_author(account, batch_id, drafts=True)
    try:
        services.batch_start(account=account, batch_id=batch.id)
    except ApplicationError as error:
        if error.code != "batch_already_started":  # a second click: the batch is already under way
            title, advice = ERROR_ADVICE.get(error.code, ("Not started", ""))
            messages.error(request, f"{title}: {error.message} {advice}".strip())
    return redirect("batch_detail", batch_id=batch.id)


def _eta_words(seconds: float | None) -> str:
    if seconds is None:
        return "estimating…"
    if seconds < 60:
        return "less than a minute"
    minutes = round(seconds / 60)
    if minutes < 90:
        return f"about {minutes} min"
    return f"about {minutes / 60:.1f} h"


def _progress(batch: Batch, rows: list[BatchRow]) -> dict:
    counts = representations.batch_counts(rows)
    done = sum(counts[status] for status in representations.BATCH_ROW_ENDED)
    total = counts["total"] or 1
    eta = None
    if batch.is_finished:
        eta = 0.0
    elif batch.started_at and done:
        # Books finished so far, against the time since the batch started; books already made earlier
        # (reused) finish at once and would make the estimate too hopeful.
        made = sum(
            1
            for row in rows
            if not row.reused and representations.batch_row_status(row) in representations.BATCH_ROW_ENDED
        )
        left = sum(1 for row in rows if representations.batch_row_status(row) not in representations.BATCH_ROW_ENDED)
        elapsed = (timezone.now() - batch.started_at).total_seconds()
        if made:
            eta = left * elapsed / made
    covers = sum(len(row.job.covers.all()) for row in rows if row.job_id and not row.reused)
    return {
        "counts": counts,
        "done": done,
        "fraction": done / total,
        "percent": round(100 * done / total),
        "eta": eta,
        "eta_words": "done" if batch.is_finished else _eta_words(eta),
        "covers": covers,
        "credits_used": sum(row.credits for row in rows),
        "status_text": STATUS_WORDS.get(batch.status, batch.get_status_display()),
    }


def _row_items(rows: list[BatchRow]) -> list[dict]:
    items = []
    for row in rows:
        status = representations.batch_row_status(row)
        ended = status in representations.BATCH_ROW_ENDED
        covers = cover_thumbs(row.job.covers.all()) if row.job_id and ended else []
        items.append(
            {
                "row": row,
                "status": status,
                "status_words": ROW_STATUS_WORDS[status],
                "covers": covers,
                "title": row.book.title if row.book_id else row.fields.get("book", {}).get("title", ""),
            }
        )
    return items


def _batch_context(batch: Batch) -> dict:
    rows = selectors.batch_rows_with_covers(batch=batch)
    return {"batch": batch, "progress": _progress(batch, rows), "items": _row_items(rows)}


@login_required
def batch_detail(request: HttpRequest, batch_id) -> HttpResponse:
    account = author_account(request)
    batch = _batch_for_author(account, batch_id, drafts=True)
    context = _batch_context(batch)
    if batch.status == Batch.DRAFT:
        context["credits_needed"] = sum(
            specs.credits_for(Job.OP_GENERATE, item["row"].count) for item in context["items"]
        )
    return render_author_page(request, "web/batches/batch.html", context, account=account)


@login_required
def batch_status(request: HttpRequest, batch_id) -> JsonResponse:
    """What the progress page polls: the counts, the ETA and the books' tiles as HTML."""
    account = author_account(request)
    batch = _batch_for_author(account, batch_id)
    context = _batch_context(batch)
    progress = context["progress"]
    body = {
        "status": batch.status,
        "status_label": batch.get_status_display(),
        "status_text": progress["status_text"],
        "progress": progress["fraction"],
        "counts": progress["counts"],
        "covers": progress["covers"],
        "credits_used": progress["credits_used"],
        "credits_left": credits_balance(account=account).total,
        "eta_seconds": progress["eta"],
        "eta_text": progress["eta_words"],
        "done": batch.is_finished,
        "html": render_to_string("web/batches/_rows.html", context, request=request),
    }
    return JsonResponse(body, headers={"Cache-Control": "no-store"})
