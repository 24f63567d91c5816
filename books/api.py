"""The books endpoints of /api/v1: thin views over books.services."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from books.models import Book
from books.selectors import book_chosen_cover_id, book_get_for_account, books_for_account
from books.services import DELETED_KEPT_FOR, book_clean, book_delete, book_insert, book_update
from books.specs import BOOK_CREATE, BOOK_UPDATE
from byc_site.auth import account_from_request
from byc_site.errors import ApplicationError
from byc_site.formats import api_datetime
from byc_site.idempotency import idempotent
from byc_site.openapi import IDEMPOTENCY_KEY_PARAMETER, error_responses
from byc_site.pagination import PAGE_PARAMETERS, offset_page, page_fields
from byc_site.query_params import text_query_param


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
        "chosenCoverId": _chosen_cover_id(book),
    }


def _chosen_cover_id(book: Book) -> str | None:
    """From the list's annotation (see books_for_account), else one query."""
    chosen = book.chosen_cover_id if hasattr(book, "chosen_cover_id") else book_chosen_cover_id(book=book)
    return str(chosen) if chosen else None


def json_object(request: Request) -> dict:
    data = request.data
    if not isinstance(data, dict):
        raise ApplicationError("invalid_request", "The request body must be a JSON object.")
    return data


# --- schema (documentation only: the service does the checking) ---------------------------------

BookCreateRequest = BOOK_CREATE.serializer()
BookUpdateRequest = BOOK_UPDATE.serializer()


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
    chosenCoverId = serializers.UUIDField(  # noqa: N815
        allow_null=True, help_text="The cover chosen for the book (POST /covers/:coverId/choose), or null."
    )


BookPage = inline_serializer(name="BookPage", fields={"books": BookRecord(many=True), **page_fields()})


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
            cleaned, error = book_clean(**{name: data.get(name) for name in BOOK_CREATE.names}), None
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
            *PAGE_PARAMETERS,
        ],
        responses={200: BookPage, **error_responses("invalid_request")},
    )
    def get(self, request: Request) -> Response:
        books = books_for_account(
            account=account_from_request(request), external_ref=text_query_param(request, "external_ref")
        )
        return Response(offset_page(request, books, key="books", render=book_json))


class BookDetailView(APIView):
    @extend_schema(
        operation_id="books_retrieve",
        summary="Get a book",
        responses={200: BookRecord, **error_responses("book_not_found")},
    )
    def get(self, request: Request, book_id: str) -> Response:
        book = book_get_for_account(account=account_from_request(request), book_id=book_id)
        return Response(book_json(book))

    @extend_schema(
        operation_id="books_update",
        summary="Edit a book",
        description='Change any of the book\'s fields; fields not sent keep their value, `null` or `""` '
        "clears an optional one. The result is checked like a new book. Existing covers keep the text "
        "they were made with; `POST /covers/{coverId}/rerender` makes one with the new text.",
        request=BookUpdateRequest,
        responses={
            200: BookRecord,
            **error_responses(
                "book_not_found",
                "missing_required_fields",
                "invalid_field_type",
                "field_too_long",
                "invalid_genre",
                "invalid_field_value",
                "unsupported_characters",
                "invalid_json",
                "invalid_request",
                "payload_too_large",
            ),
        },
    )
    def patch(self, request: Request, book_id: str) -> Response:
        book = book_update(account=account_from_request(request), book_id=book_id, changes=json_object(request))
        return Response(book_json(book))

    @extend_schema(
        operation_id="books_delete",
        summary="Delete a book",
        description="The book and its covers disappear from every endpoint at once (404 from then on). "
        "Jobs still in flight for it fail with `book_deleted` and refund what they did not deliver; its "
        "jobs stay in `GET /jobs` (your history), their results without the deleted covers. "
        f"Staff can restore it for {DELETED_KEPT_FOR.days} days; then it is purged with its files.",
        request=None,
        responses={204: None, **error_responses("book_not_found")},
    )
    def delete(self, request: Request, book_id: str) -> Response:
        book_delete(account=account_from_request(request), book_id=book_id)
        return Response(status=204)
