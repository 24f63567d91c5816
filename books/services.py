"""Creating and finding books. Every rule about a book's fields lives here, for the API and the web app."""

from __future__ import annotations

import functools
import unicodedata
import uuid
from dataclasses import dataclass

from django.db import connections, router
from django.db.models import QuerySet

from billing.models import Account
from books.characters import describe, unsupported_characters
from books.models import (
    AUTHOR_MAX,
    EXTERNAL_REF_MAX,
    SUBGENRE_MAX,
    SUBTITLE_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    Book,
)
from byc_site.errors import ApplicationError
from byc_site.rawrows import RowReader, column_list, model_fields
from cover_engine import vocabulary


@dataclass(frozen=True)
class TextField:
    name: str
    max_length: int | None
    required: bool = False
    drawn: bool = False  # set on the cover, so every character needs a font
    multiline: bool = False


# In the order errors are reported.
BOOK_FIELDS: tuple[TextField, ...] = (
    TextField("title", TITLE_MAX, required=True, drawn=True),
    TextField("author", AUTHOR_MAX, required=True, drawn=True),
    TextField("genre", None, required=True),
    TextField("subtitle", SUBTITLE_MAX, drawn=True),
    TextField("subgenre", SUBGENRE_MAX),
    TextField("summary", SUMMARY_MAX, multiline=True),
    TextField("target_audience", None),
    TextField("external_ref", EXTERNAL_REF_MAX),
)
BOOK_FIELD_NAMES = tuple(field.name for field in BOOK_FIELDS)


def book_error(code: str, message: str, *, fields: list[str]) -> ApplicationError:
    """An ApplicationError that also says which fields are at fault (for forms; not sent to API clients)."""
    error = ApplicationError(code, message)
    error.fields = fields
    return error


def normalize_text(value: str | None, *, multiline: bool = False) -> str:
    """NFC, trimmed; in single-line fields every run of whitespace becomes one space."""
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", value).strip()
    if not multiline:
        value = " ".join(value.split())
    else:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def book_clean(
    *,
    title: str | None,
    author: str | None,
    genre: str | None,
    subtitle: str | None = None,
    subgenre: str | None = None,
    summary: str | None = None,
    target_audience: str | None = None,
    external_ref: str | None = None,
) -> dict[str, str]:
    """Normalise and validate a book's fields; the cleaned values, or the first ApplicationError."""
    raw = {
        "title": title,
        "author": author,
        "genre": genre,
        "subtitle": subtitle,
        "subgenre": subgenre,
        "summary": summary,
        "target_audience": target_audience,
        "external_ref": external_ref,
    }
    for name, value in raw.items():
        if value is not None and not isinstance(value, str):
            raise book_error("invalid_field_type", f"{name} must be a string.", fields=[name])
    cleaned = {field.name: normalize_text(raw[field.name], multiline=field.multiline) for field in BOOK_FIELDS}

    missing = [field.name for field in BOOK_FIELDS if field.required and not cleaned[field.name]]
    if missing:
        raise book_error("missing_required_fields", f"Missing required fields: {', '.join(missing)}.", fields=missing)
    for field in BOOK_FIELDS:
        if field.max_length is not None and len(cleaned[field.name]) > field.max_length:
            raise book_error(
                "field_too_long",
                f"{field.name} is {len(cleaned[field.name])} characters long; the maximum is {field.max_length}.",
                fields=[field.name],
            )

    genre_slug = cleaned["genre"]
    if genre_slug not in vocabulary.GENRES:
        raise book_error(
            "invalid_genre",
            f"Unknown genre {genre_slug!r}. Genre slugs are case-sensitive, e.g. 'fantasy', 'science-fiction'.",
            fields=["genre"],
        )
    if cleaned["subgenre"]:
        allowed = vocabulary.subgenres_for(genre_slug)
        if not allowed:
            raise book_error(
                "invalid_field_value",
                f"Genre {genre_slug!r} has no subgenres; only romance, fantasy and childrens do.",
                fields=["subgenre"],
            )
        if cleaned["subgenre"] not in allowed:
            raise book_error(
                "invalid_field_value",
                f"subgenre {cleaned['subgenre']!r} is not one of {genre_slug}'s: {', '.join(allowed)}.",
                fields=["subgenre"],
            )
    audience = cleaned["target_audience"]
    if audience and audience not in vocabulary.TARGET_AUDIENCES:
        raise book_error(
            "invalid_field_value",
            f"target_audience must be one of: {', '.join(vocabulary.TARGET_AUDIENCES)}.",
            fields=["target_audience"],
        )

    for field in BOOK_FIELDS:
        refused = unsupported_characters(cleaned[field.name], allow_newlines=field.multiline)
        if not field.drawn:
            # Not drawn on the cover: only control and invalid characters matter.
            refused = [char for char in refused if unicodedata.category(char) in {"Cc", "Cn", "Co", "Cs"}]
        if refused:
            raise book_error(
                "unsupported_characters",
                f"{field.name} contains characters we cannot use: {describe(refused)}.",
                fields=[field.name],
            )
    return cleaned


def book_create(
    *,
    account: Account,
    title: str | None,
    author: str | None,
    genre: str | None,
    subtitle: str | None = None,
    subgenre: str | None = None,
    summary: str | None = None,
    target_audience: str | None = None,
    external_ref: str | None = None,
) -> Book:
    cleaned = book_clean(
        title=title,
        author=author,
        genre=genre,
        subtitle=subtitle,
        subgenre=subgenre,
        summary=summary,
        target_audience=target_audience,
        external_ref=external_ref,
    )
    return book_insert(account=account, cleaned=cleaned)


def book_insert(*, account: Account, cleaned: dict[str, str]) -> Book:
    """Store a book whose fields `book_clean` has already normalised and checked."""
    return Book.objects.create(account=account, **cleaned)


def book_get_for_account(*, account: Account, book_id: object) -> Book:
    """The account's book; 404 book_not_found for a missing id, another account's book or a malformed id."""
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
        f"WHERE {quote('id')} = %s AND {quote('account_id')} = %s"
    )
    return sql, RowReader(Book, fields)


def books_for_account(*, account: Account, external_ref: str | None = None) -> QuerySet[Book]:
    """The account's books, newest first, optionally only those with one external_ref."""
    books = Book.objects.filter(account=account).order_by("-created_at", "-id")
    if external_ref is not None:
        books = books.filter(external_ref=normalize_text(external_ref))
    return books
