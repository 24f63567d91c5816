"""A book's text as the engine takes it (what a cover shows and reads)."""

from __future__ import annotations

import cover_engine as engine
from books.models import Book


def book_text(book: Book) -> engine.BookText:
    return engine.BookText(
        title=book.title,
        author=book.author,
        genre=book.genre,
        subtitle=book.subtitle,
        subgenre=book.subgenre,
        summary=book.summary,
        target_audience=book.target_audience,
    )
