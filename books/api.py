"""The books endpoints of /api/v1: thin views over books.services."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from books.models import (
    AUTHOR_MAX,
    EXTERNAL_REF_MAX,
    SUBGENRE_MAX,
    SUBTITLE_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    Book,
)
from books.services import BOOK_FIELD_NAMES, book_clean, book_get_for_account, book_insert, books_for_account
from byc_site.auth import account_from_request
from byc_site.errors import ApplicationError
from byc_site.formats import api_datetime
from byc_site.idempotency import idempotent
from byc_site.openapi import IDEMPOTENCY_KEY_PARAMETER, error_responses
from byc_site.query_params import int_query_param
from cover_engine import vocabulary

PAGE_SIZE_DEFAULT = 20
PAGE_SIZE_MAX = 100


def book_json(book: Book) -> dict:
    """The full record, as GET /books/:id returns it. Optional fields that were not given are null."""
    return {
        "bookId": str(book.id),
        "title": book.title,
        "author": book.author,
        "genre": book.genre,
        "subgenre": book.subgenre or None,
        "subtitle": book.subtitle or None,
        "summary": book.summary or None,
        "target_audience": book.target_audience or None,
        "external_ref": book.external_ref or None,
        "created_at": api_datetime(book.created_at),
    }


def json_object(request: Request) -> dict:
    data = request.data
    if not isinstance(data, dict):
        raise ApplicationError("invalid_request", "The request body must be a JSON object.")
    return data


# --- schema (documentation only: the service does the checking) ---------------------------------

_SUBGENRE_HELP = "Only for " + "; ".join(
    f"{genre}: {', '.join(subgenres)}" for genre, subgenres in vocabulary.SUBGENRES.items()
)


class BookCreateRequest(serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX, help_text="Required. Trimmed and NFC-normalised.")
    author = serializers.CharField(max_length=AUTHOR_MAX, help_text="Required.")
    genre = serializers.ChoiceField(choices=list(vocabulary.GENRES.items()), help_text="Required, case-sensitive.")
    subtitle = serializers.CharField(max_length=SUBTITLE_MAX, required=False)
    subgenre = serializers.CharField(max_length=SUBGENRE_MAX, required=False, help_text=_SUBGENRE_HELP)
    summary = serializers.CharField(
        max_length=SUMMARY_MAX, required=False, help_text="Recommended: it drives the imagery."
    )
    target_audience = serializers.ChoiceField(choices=list(vocabulary.TARGET_AUDIENCES.items()), required=False)
    external_ref = serializers.CharField(
        max_length=EXTERNAL_REF_MAX, required=False, help_text="Your own id, echoed back."
    )


class BookCreated(serializers.Serializer):
    bookId = serializers.UUIDField()  # noqa: N815 (the contract's spelling)
    external_ref = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()


class BookRecord(serializers.Serializer):
    bookId = serializers.UUIDField()  # noqa: N815
    title = serializers.CharField()
    author = serializers.CharField()
    genre = serializers.CharField()
    subgenre = serializers.CharField(allow_null=True)
    subtitle = serializers.CharField(allow_null=True)
    summary = serializers.CharField(allow_null=True)
    target_audience = serializers.CharField(allow_null=True)
    external_ref = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()


class BookPage(serializers.Serializer):
    books = BookRecord(many=True)
    total = serializers.IntegerField()
    limit = serializers.IntegerField()
    offset = serializers.IntegerField()
    next_offset = serializers.IntegerField(allow_null=True)


class BookListView(APIView):
    @extend_schema(
        operation_id="books_create",
        summary="Create a book",
        description="Create the book record that cover jobs refer to.",
        request=BookCreateRequest,
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={
            201: BookCreated,
            **error_responses(
                "missing_required_fields",
                "invalid_field_type",
                "field_too_long",
                "invalid_genre",
                "invalid_field_value",
                "unsupported_characters",
                "invalid_json",
                "invalid_request",
                "invalid_idempotency_key",
                "idempotency_key_reused",
                "idempotency_request_in_progress",
                "payload_too_large",
            ),
        },
    )
    def post(self, request: Request) -> Response:
        # Parse and check the body BEFORE the idempotency transaction, whose write lock (on SQLite,
        # the whole database's) every POST waits for; the outcome, book or error, is decided
        # inside it as before, so a reused key still answers 409 whatever the body.
        request.body  # noqa: B018 (read and keep the raw body for the idempotency fingerprint before DRF parses it)
        try:
            data = json_object(request)
            cleaned, error = book_clean(**{name: data.get(name) for name in BOOK_FIELD_NAMES}), None
        except Exception as exc:  # noqa: BLE001 (raised again inside the transaction)
            cleaned, error = None, exc
        return self._create(request, cleaned, error)

    @idempotent
    def _create(self, request: Request, cleaned: dict[str, str] | None, error: Exception | None) -> Response:
        if error is not None:
            raise error
        book = book_insert(account=account_from_request(request), cleaned=cleaned)
        return Response(
            {
                "bookId": str(book.id),
                "external_ref": book.external_ref or None,
                "created_at": api_datetime(book.created_at),
            },
            status=201,
        )

    @extend_schema(
        operation_id="books_list",
        summary="List books",
        description="Your books, newest first.",
        parameters=[
            OpenApiParameter("external_ref", str, description="Only books with this external_ref."),
            OpenApiParameter("limit", int, description=f"1 to {PAGE_SIZE_MAX}, default {PAGE_SIZE_DEFAULT}."),
            OpenApiParameter("offset", int, description="Books to skip, default 0."),
        ],
        responses={200: BookPage, **error_responses("invalid_request")},
    )
    def get(self, request: Request) -> Response:
        limit = int_query_param(request, "limit", default=PAGE_SIZE_DEFAULT, low=1, high=PAGE_SIZE_MAX)
        offset = int_query_param(request, "offset", default=0, low=0, high=10**9)
        books = books_for_account(
            account=account_from_request(request), external_ref=request.query_params.get("external_ref")
        )
        total = books.count()
        page = list(books[offset : offset + limit])
        next_offset = offset + limit if offset + limit < total else None
        return Response(
            {
                "books": [book_json(book) for book in page],
                "total": total,
                "limit": limit,
                "offset": offset,
                "next_offset": next_offset,
            }
        )


class BookDetailView(APIView):
    @extend_schema(
        operation_id="books_retrieve",
        summary="Get a book",
        responses={200: BookRecord, **error_responses("book_not_found")},
    )
    def get(self, request: Request, book_id: str) -> Response:
        book = book_get_for_account(account=account_from_request(request), book_id=book_id)
        return Response(book_json(book))
