"""The fields of a book request: names, limits, which are drawn on the cover.

Read by `books.services` (checks), `books.api` (OpenAPI), `books.models` (column sizes) and the
web wizard's form (limits and live counters).
"""

from __future__ import annotations

from byc_site.fieldspec import ChoiceSpec, RequestSpec, TextSpec
from cover_engine import vocabulary

_SUBGENRE_HELP = "Only for " + "; ".join(
    f"{genre}: {', '.join(subgenres)}" for genre, subgenres in vocabulary.SUBGENRES.items()
)

# In the order errors are reported.
BOOK_CREATE = RequestSpec(
    "BookCreateRequest",
    (
        TextSpec("title", 100, required=True, drawn=True, help="Required. Trimmed and NFC-normalised."),
        TextSpec("author", 100, required=True, drawn=True, help="Required."),
        ChoiceSpec("genre", tuple(vocabulary.GENRES), required=True, help="Required, case-sensitive."),
        TextSpec("subtitle", 300, drawn=True),
        TextSpec("subgenre", 100, help=_SUBGENRE_HELP),
        TextSpec("summary", 1000, multiline=True, help="Recommended: it drives the imagery."),
        ChoiceSpec("target_audience", tuple(vocabulary.TARGET_AUDIENCES)),
        TextSpec("external_ref", 200, help="Your own id, echoed back."),
    ),
)

# PATCH /books/:id: any of the same fields; those not sent keep their value.
BOOK_UPDATE = BOOK_CREATE.optional("BookUpdateRequest")

TITLE_MAX = BOOK_CREATE["title"].max_length
AUTHOR_MAX = BOOK_CREATE["author"].max_length
SUBTITLE_MAX = BOOK_CREATE["subtitle"].max_length
SUBGENRE_MAX = BOOK_CREATE["subgenre"].max_length
SUMMARY_MAX = BOOK_CREATE["summary"].max_length
EXTERNAL_REF_MAX = BOOK_CREATE["external_ref"].max_length
