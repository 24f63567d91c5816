"""Reading books: an account's book (404 for anyone else's) and an account's list of books."""

from __future__ import annotations

import functools
import uuid
from typing import TYPE_CHECKING

from django.db import connections, router
from django.db.models import F, FilteredRelation, Q, QuerySet

from books.models import Book
from books.services import normalize_text
from byc_site.errors import ApplicationError
from byc_site.rawrows import RowReader, column_list, model_fields

if TYPE_CHECKING:  # books and billing ignore each other (see the import contracts in pyproject.toml)
    from billing.models import Account


def book_get_for_account(*, account: Account, book_id: object) -> Book:
    """The account's book; 404 book_not_found for a missing id, another account's book, a deleted book
    or a malformed id."""
    try:
        book_uuid = book_id if isinstance(book_id, uuid.UUID) else uuid.UUID(str(book_id))
    except (ValueError, TypeError, AttributeError):
        raise ApplicationError("book_not_found", "Book not found.", status=404) from None
    # Hand-written SQL (see byc_site.rawrows): this runs on every book and cover request, and
    # the ORM spends longer building the query than the database spends answering it.
    db_alias = router.db_for_read(Book)
    sql, reader = _book_by_id_query(db_alias)
    prepared_id = Book._meta.pk.get_db_prep_value(book_uuid, connections[db_alias])
    with connections[db_alias].cursor() as cursor:
        cursor.execute(sql, [prepared_id, account.pk])
        row = cursor.fetchone()
    if row is None:
        raise ApplicationError("book_not_found", "Book not found.", status=404)
    book = reader.instance(row, db_alias)
    book.account = account
    return book


@functools.cache
def _book_by_id_query(db_alias: str) -> tuple[str, RowReader]:
    quote = connections[db_alias].ops.quote_name
    fields = model_fields(Book)
    sql = (
        f"SELECT {column_list(fields, quote)} FROM {quote(Book._meta.db_table)} "
        f"WHERE {quote('id')} = %s AND {quote('account_id')} = %s AND {quote('deleted_at')} IS NULL"
    )
    return sql, RowReader(Book, fields)


def books_for_account(*, account: Account, external_ref: str | None = None) -> QuerySet[Book]:
    """The account's books (not deleted ones), newest first, optionally only those with one external_ref."""
    books = with_chosen_cover_id(
        Book.objects.filter(account=account, deleted_at__isnull=True).order_by("-created_at", "-id")
    )
    if external_ref is not None:
        books = books.filter(external_ref=normalize_text(external_ref))
    return books


# The chosen cover is a flag on the cover (covers.Cover.chosen_at, at most one per book); books read
# it through the reverse relation so this app needs no import of covers.
def with_chosen_cover_id(books: QuerySet[Book]) -> QuerySet[Book]:
    """`books` annotated with `chosen_cover_id` (None when no cover is chosen): one LEFT JOIN."""
    chosen = FilteredRelation("covers", condition=Q(covers__chosen_at__isnull=False, covers__deleted_at__isnull=True))
    return books.alias(chosen=chosen).annotate(chosen_cover_id=F("chosen__id"))


def book_chosen_cover_id(*, book: Book) -> uuid.UUID | None:
    """The id of the book's chosen cover, or None."""
    return with_chosen_cover_id(Book.objects.filter(pk=book.pk)).values_list("chosen_cover_id", flat=True).first()
