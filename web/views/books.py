"""Author web app: the landing page, the library, a book's page and the wizard's first step (the book)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from books import selectors, services
from books.specs import BOOK_CREATE
from byc_site.errors import ApplicationError
from cover_engine import vocabulary
from covers import selectors as cover_selectors
from web.forms.books import BookForm
from web.views.account import author_account, author_book, form_fields_for, render_author_page
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


@login_required
def library(request: HttpRequest) -> HttpResponse:
    account = author_account(request)
    books = cover_selectors.books_with_newest_covers(
        books=selectors.books_for_account(account=account), per_book=COVERS_IN_STRIP
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
    context = {
        "page": page,
        "rows": rows,
        "has_batches": cover_selectors.batches_for_account(account=account).exists(),
    }
    return render_author_page(request, "web/books/library.html", context, account=account)


@login_required
def book_detail(request: HttpRequest, book_id) -> HttpResponse:
    account = author_account(request)
    book = author_book(account, book_id)
    covers = cover_selectors.covers_with_previews(book=book)
    page = Paginator(covers, COVERS_PER_PAGE).get_page(request.GET.get("page"))
    active_jobs = cover_selectors.jobs_active(book=book)
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
            status = error.status
            fields = form_fields_for(form, error)
            for field in fields:
                form.add_error(field, _plain_book_error(error, field))
            if not fields:
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
        return f"{label} is too long: at most {BOOK_CREATE[field].max_length} characters."
    if error.code == "invalid_genre":
        return "Choose a genre from the list."
    return error.message
