"""Creating and finding books. Every rule about a book's fields lives here, for the API and the web app."""

from __future__ import annotations

import unicodedata
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from books.characters import characters_check
from books.models import Book
from books.specs import BOOK_CREATE
from byc_site.errors import ApplicationError
from byc_site.fieldspec import TextSpec
from cover_engine import vocabulary

if TYPE_CHECKING:  # books and billing ignore each other (see the import contracts in pyproject.toml)
    from billing.models import Account


BOOK_FIELD_NAMES = BOOK_CREATE.names


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
            raise ApplicationError("invalid_field_type", f"{name} must be a string.", field=name)
    cleaned = {
        spec.name: normalize_text(raw[spec.name], multiline=getattr(spec, "multiline", False)) for spec in BOOK_CREATE
    }

    missing = [spec.name for spec in BOOK_CREATE if spec.required and not cleaned[spec.name]]
    if missing:
        raise ApplicationError(
            "missing_required_fields", f"Missing required fields: {', '.join(missing)}.", fields=tuple(missing)
        )
    for spec in BOOK_CREATE:
        if isinstance(spec, TextSpec):
            spec.check_length(cleaned[spec.name])

    genre_slug = cleaned["genre"]
    if genre_slug not in vocabulary.GENRES:
        raise ApplicationError(
            "invalid_genre",
            f"Unknown genre {genre_slug!r}. Genre slugs are case-sensitive, e.g. 'fantasy', 'science-fiction'.",
            field="genre",
        )
    if cleaned["subgenre"]:
        allowed = vocabulary.subgenres_for(genre_slug)
        if not allowed:
            raise ApplicationError(
                "invalid_field_value",
                f"Genre {genre_slug!r} has no subgenres; only romance, fantasy and childrens do.",
                field="subgenre",
            )
        if cleaned["subgenre"] not in allowed:
            raise ApplicationError(
                "invalid_field_value",
                f"subgenre {cleaned['subgenre']!r} is not one of {genre_slug}'s: {', '.join(allowed)}.",
                field="subgenre",
            )
    audience = cleaned["target_audience"]
    if audience and audience not in vocabulary.TARGET_AUDIENCES:
        raise ApplicationError(
            "invalid_field_value",
            f"target_audience must be one of: {', '.join(vocabulary.TARGET_AUDIENCES)}.",
            field="target_audience",
        )

    for spec in BOOK_CREATE:
        if isinstance(spec, TextSpec) and cleaned[spec.name]:
            characters_check(field=spec.name, text=cleaned[spec.name], drawn=spec.drawn, multiline=spec.multiline)
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


def book_update(*, account: Account, book_id: object, changes: dict[str, object]) -> Book:
    """Change some of a book's fields (a partial update: fields not in `changes` keep their value).

    The merged fields are checked exactly as a new book's are. Existing covers are not touched:
    each keeps the text it was made with in its recipe (see covers' re-render for the new text).
    """
    from books.selectors import book_get_for_account  # the selectors read normalize_text from here

    book = book_get_for_account(account=account, book_id=book_id)
    unknown = [name for name in changes if name not in BOOK_FIELD_NAMES]
    if unknown:
        raise ApplicationError(
            "invalid_field_value",
            f"Unknown book field(s): {', '.join(sorted(unknown))}. Fields: {', '.join(BOOK_FIELD_NAMES)}.",
            field=unknown[0],
        )
    merged = {name: changes[name] if name in changes else getattr(book, name) for name in BOOK_FIELD_NAMES}
    cleaned = book_clean(**merged)
    changed = [name for name, value in cleaned.items() if getattr(book, name) != value]
    if changed:
        # Conditional on the row still being live: a delete that won the race is not undone by an edit.
        updated = Book.objects.filter(pk=book.pk, deleted_at__isnull=True).update(**cleaned)
        if not updated:
            raise ApplicationError("book_not_found", "Book not found.", status=404)
        for name, value in cleaned.items():
            setattr(book, name, value)
    return book


# How long a deleted book or cover stays restorable by staff before the purge removes it with its files.
DELETED_KEPT_FOR = timedelta(days=30)


def book_delete(*, account: Account, book_id: object) -> Book:
    """Soft-delete a book: hidden at once with its covers. Its jobs still in flight fail when a worker
    next looks at them (code book_deleted, unused credits refunded: see covers.services.run)."""
    from books.selectors import book_get_for_account

    book = book_get_for_account(account=account, book_id=book_id)
    now = timezone.now()
    if not Book.objects.filter(pk=book.pk, deleted_at__isnull=True).update(deleted_at=now):
        raise ApplicationError("book_not_found", "Book not found.", status=404)
    book.deleted_at = now
    return book


def book_restore(*, book_id: object) -> bool:
    """Staff: bring a deleted book back (with the covers that were hidden because of it).
    False if it was not deleted."""
    return bool(Book.objects.filter(pk=book_id, deleted_at__isnull=False).update(deleted_at=None))
