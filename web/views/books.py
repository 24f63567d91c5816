"""Author web app: the landing page, the library, a book's page and the wizard's first step (the book)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from books import services
from books.models import Book
from byc_site.errors import ApplicationError
from cover_engine import vocabulary
from covers.models import Cover, CoverAsset, Job
from web.forms.books import BookForm
from web.views.account import author_account, render_author_page
from web.views.covers import cover_thumbs

BOOKS_PER_PAGE = 12
COVERS_IN_STRIP = 8
COVERS_PER_PAGE = 48


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        if hasattr(request.user, "account"):
            return library(request)
        if request.user.is_staff:
            # Staff users made with createsuperuser have no author account: their place is the admin.
            return redirect("admin:index")
    return render(request, "web/books/landing.html", {})


def _covers_with_previews():
    """Covers, newest first, with their preview asset loaded in the same pass (no query per cover)."""
    return Cover.objects.order_by("-created_at").prefetch_related(
        Prefetch("assets", queryset=CoverAsset.objects.filter(asset_type="preview"), to_attr="preview_assets")
    )


@login_required
def library(request: HttpRequest) -> HttpResponse:
    account = author_account(request)
    # Only the newest few covers of each book are loaded (a window function numbers them per book),
    # so a book with hundreds of variations costs the page no more than one with eight.
    newest = (
        _covers_with_previews()
        .annotate(rank=Window(RowNumber(), partition_by=F("book_id"), order_by=F("created_at").desc()))
        .filter(rank__lte=COVERS_IN_STRIP)
    )
    books = (
        services.books_for_account(account=account)
        .annotate(cover_count=Count("covers"))
        .prefetch_related(Prefetch("covers", queryset=newest, to_attr="newest_covers"))
    )
    page = Paginator(books, BOOKS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        {
            "book": book,
            "covers": cover_thumbs(book.newest_covers),
            "more": book.cover_count - len(book.newest_covers),
            "total": book.cover_count,
        }
        for book in page.object_list
    ]
    return render_author_page(request, "web/books/library.html", {"page": page, "rows": rows}, account=account)


def book_for_author(request: HttpRequest, book_id) -> tuple[Book, object]:
    account = author_account(request)
    try:
        return services.book_get_for_account(account=account, book_id=book_id), account
    except ApplicationError:
        raise Http404("Book not found.") from None


@login_required
def book_detail(request: HttpRequest, book_id) -> HttpResponse:
    book, account = book_for_author(request, book_id)
    covers = _covers_with_previews().filter(book=book).select_related("template")
    page = Paginator(covers, COVERS_PER_PAGE).get_page(request.GET.get("page"))
    active_jobs = list(Job.objects.filter(book=book, status__in=Job.ACTIVE_STATUSES).order_by("created_at"))
    context = {"book": book, "page": page, "covers": cover_thumbs(page.object_list), "active_jobs": active_jobs}
    return render_author_page(request, "web/books/book_detail.html", context, account=account)


@login_required
def book_create(request: HttpRequest) -> HttpResponse:
    """Wizard step 1: the book. Errors come from books.services and are shown next to their field."""
    account = author_account(request)
    form = BookForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            book = services.book_create(account=account, **form.cleaned_data)
        except ApplicationError as error:
            status = 400
            fields = [name for name in getattr(error, "fields", []) if name in form.fields]
            if fields:
                for name in fields:
                    form.add_error(name, _plain_book_error(error, name))
            else:
                form.add_error(None, error.message)
        else:
            return redirect("cover_style", book_id=book.id)
    context = {"form": form, "subgenres": vocabulary.SUBGENRES, "step": 1}
    return render_author_page(request, "web/books/book_form.html", context, account=account, status=status)


def _plain_book_error(error: ApplicationError, field: str) -> str:
    """The service's message, reworded for a person looking at the form rather than a JSON body."""
    label = BookForm.base_fields[field].label
    if error.code == "missing_required_fields":
        return f"{label} is required."
    if error.code == "field_too_long":
        limit = BookForm.base_fields[field].counter_max
        return f"{label} is too long: at most {limit} characters. {error.message.split(';')[0].replace(field, 'It')}."
    if error.code == "invalid_genre":
        return "Choose a genre from the list."
    return error.message
