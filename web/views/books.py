"""Author web app: the landing page, the library, a book's page and the wizard's first step (the book)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from books import selectors, services
from books.specs import BOOK_CREATE
from byc_site.errors import ApplicationError
from cover_engine import vocabulary
from covers import selectors as cover_selectors
from web.forms.books import BookForm
from web.formtokens import form_token, submit_once
from web.views.account import author_account, author_book, form_fields_for, render_author_page
from web.views.covers import cover_thumbs, image_url

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
    rows = []
    for book in page.object_list:
        # The chosen cover leads the strip (from the books' annotation: no query of its own).
        strip = [c for c in book.newest_covers if c.id != book.chosen_cover_id]
        shown = len(strip) + (1 if book.chosen_cover_id else 0)
        rows.append(
            {
                "book": book,
                "chosen_url": image_url(book.chosen_cover_id) if book.chosen_cover_id else "",
                "covers": cover_thumbs(strip),
                "more": book.cover_count - shown,
                "total": book.cover_count,
            }
        )
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
    context = {
        "book": book,
        "page": page,
        "covers": cover_thumbs(page.object_list),
        "active_jobs": active_jobs,
        "ab_sets": cover_selectors.ab_sets_of_book(book=book),
    }
    return render_author_page(request, "web/books/book_detail.html", context, account=account)


@login_required
def book_create(request: HttpRequest) -> HttpResponse:
    """Wizard step 1: the book. Errors come from books.services and are shown next to their field.

    The form carries a one-time token: sent again (back button, reload), it leads to the book the
    first submission made instead of making a second one."""
    account = author_account(request)
    form = BookForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():

        def create() -> str:
            book = services.book_create(account=account, **form.cleaned_data)
            return reverse("cover_style", kwargs={"book_id": book.id})

        try:
            url, sent_before = submit_once(request, account=account, action=create)
        except ApplicationError as error:
            status = error.status
            _book_errors_show(form, error)
        else:
            if sent_before:
                messages.info(request, "This book was already saved; here it is. Edit it from its page.")
            return redirect(url)
    context = {"form": form, "subgenres": vocabulary.SUBGENRES, "step": 1, "form_token": form_token(request)}
    return render_author_page(request, "web/books/book_form.html", context, account=account, status=status)


@login_required
def book_edit(request: HttpRequest, book_id) -> HttpResponse:
    """Edit a book's text. Its covers keep the text they were made with; each can be re-rendered."""
    account = author_account(request)
    book = author_book(account, book_id)
    initial = {name: getattr(book, name) for name in BOOK_CREATE.names}
    form = BookForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            updated = services.book_update(account=account, book_id=book.id, changes=form.cleaned_data)
        except ApplicationError as error:
            status = error.status
            _book_errors_show(form, error)
        else:
            drawn_changed = any(initial[name] != getattr(updated, name) for name in cover_selectors.DRAWN_FIELDS)
            covers = cover_selectors.covers_of_book(book=updated).count()
            if drawn_changed and covers:
                messages.success(
                    request,
                    f"Saved. Your {covers} existing cover{'s' if covers != 1 else ''} keep the text they were made "
                    "with; open one to re-render it with the new text.",
                )
            else:
                messages.success(request, "Saved.")
            return redirect("book_detail", book_id=book.id)
    context = {"form": form, "subgenres": vocabulary.SUBGENRES, "book": book, "editing": True}
    return render_author_page(request, "web/books/book_form.html", context, account=account, status=status)


@login_required
def book_delete(request: HttpRequest, book_id) -> HttpResponse:
    """GET: what deleting would remove, and a button; POST: delete (soft) and go to the library."""
    account = author_account(request)
    book = author_book(account, book_id)
    if request.method == "POST":
        services.book_delete(account=account, book_id=book.id)
        messages.success(
            request,
            f"“{book.title}” and its covers are deleted. Changed your mind? The service's staff can restore them "
            f"for {services.DELETED_KEPT_FOR.days} days.",
        )
        return redirect("library")
    context = {
        "book": book,
        "what": f"the book “{book.title}”",
        "covers": cover_selectors.covers_of_book(book=book).count(),
        "active_jobs": cover_selectors.jobs_active(book=book),
        "kept_days": services.DELETED_KEPT_FOR.days,
        "cancel_url": reverse("book_detail", kwargs={"book_id": book.id}),
    }
    return render_author_page(request, "web/books/confirm_delete.html", context, account=account)


def _book_errors_show(form: BookForm, error: ApplicationError) -> None:
    fields = form_fields_for(form, error)
    for field in fields:
        form.add_error(field, _plain_book_error(error, field))
    if not fields:
        form.add_error(None, error.message)


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
