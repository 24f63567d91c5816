"""The batch endpoints of /api/v1: a catalogue of up to 1,000 books in one request, and its progress.

Thin views over `covers.services.batch_create` and the batch selectors; every rule is in the service.
"""

from __future__ import annotations

from dataclasses import replace

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from billing.specs import WEBHOOK_URL
from books.specs import BOOK_CREATE
from byc_site.auth import account_from_request
from byc_site.errors import ApplicationError
from byc_site.idempotency import idempotent
from byc_site.openapi import IDEMPOTENCY_KEY_PARAMETER, ErrorEnvelope, error_responses
from covers import representations, selectors, services, specs
from covers.models import Job
from covers.representations import BATCH_ROW_STATUSES, BATCH_STATUSES
from covers.services.batches import OPTION_FIELDS

# The book's fields as POST /books has them, except external_ref, which a batch requires.
_BOOK_FIELDS = (
    *(replace(spec, required=True) if spec.name == "external_ref" else spec for spec in BOOK_CREATE),
    specs.COUNT,
    *(specs.GENERATE[name] for name in OPTION_FIELDS),
)
BatchBook = inline_serializer(
    name="BatchBook",
    many=True,
    help_text=f"1 to {services.MAX_BOOKS} books: the fields of POST /books (external_ref is required here: a "
    "re-import finds the book by it) and the options of POST /covers/generate.",
    fields={spec.name: spec.serializer_field() for spec in _BOOK_FIELDS},
)
BatchRequest = inline_serializer(
    name="BatchRequest", fields={"books": BatchBook, WEBHOOK_URL.name: WEBHOOK_URL.serializer_field()}
)
_COUNTS = inline_serializer(
    name="BatchCounts",
    fields={"total": serializers.IntegerField(), **{name: serializers.IntegerField() for name in BATCH_ROW_STATUSES}},
)
_BATCH_STATUS = serializers.ChoiceField(
    choices=list(BATCH_STATUSES),
    help_text="queued (no job accepted yet), running, completed (every book), partial (some books failed), "
    "failed (every book failed).",
)


def _batch_head() -> dict:
    """The fields both batch bodies start with (a new dict each time: inline_serializer empties it)."""
    return {
        "batchId": serializers.UUIDField(),
        "status": _BATCH_STATUS,
        "created_at": serializers.DateTimeField(),
        "counts": _COUNTS,
    }


BatchAccepted = inline_serializer(
    name="BatchAccepted",
    fields={
        **_batch_head(),
        "credits_needed": serializers.IntegerField(help_text="Charged as each book's job is accepted."),
        "reused": serializers.IntegerField(help_text="Books found by external_ref that already had covers made."),
        "poll_url": serializers.CharField(),
    },
)
BatchDetail = inline_serializer(
    name="BatchDetail",
    fields={
        **_batch_head(),
        "started_at": serializers.DateTimeField(allow_null=True),
        "completed_at": serializers.DateTimeField(allow_null=True),
        "credits_used": serializers.IntegerField(help_text="Net of refunds."),
        "books": inline_serializer(
            name="BatchBookState",
            many=True,
            fields={
                "line": serializers.IntegerField(help_text="Position in the request's books, from 1."),
                "external_ref": serializers.CharField(),
                "bookId": serializers.UUIDField(allow_null=True),
                "jobId": serializers.UUIDField(allow_null=True),
                "status": serializers.ChoiceField(
                    choices=list(BATCH_ROW_STATUSES), help_text="pending: waiting for a free job slot."
                ),
                "reused": serializers.BooleanField(
                    help_text="The book (same external_ref) already had covers made or being made: that job is "
                    "linked and nothing is charged."
                ),
                "count": serializers.IntegerField(),
                "credits": serializers.IntegerField(),
                "covers": inline_serializer(
                    name="BatchCover",
                    many=True,
                    fields={
                        "coverId": serializers.UUIDField(),
                        "coverStyle": serializers.CharField(),
                        "signedUrl": serializers.URLField(),
                        "expiresAt": serializers.CharField(),
                    },
                ),
                "error": serializers.DictField(allow_null=True),
            },
        ),
        "poll_url": serializers.CharField(),
    },
)

_ROW_ERROR_EXAMPLE = {
    "error": {
        "code": "invalid_rows",
        "message": "2 of 50 books have errors; nothing was created or charged.",
        "rows": [
            {"line": 3, "external_ref": "isbn-3", "field": "genre", "code": "invalid_genre", "message": "..."},
            {
                "line": 9,
                "external_ref": None,
                "field": "external_ref",
                "code": "missing_required_fields",
                "message": "...",
            },
        ],
    }
}


class BatchListView(APIView):
    @extend_schema(
        operation_id="batches_create",
        summary="Generate covers for a catalogue",
        description=f"Up to {services.MAX_BOOKS} books, each made (or found again by external_ref) and given a "
        f"generate job of `count` covers ({specs.credit_words(Job.OP_GENERATE)} each). Every book is checked "
        "first: one bad book refuses the batch with `invalid_rows`, listing each bad book's line and field. "
        "The account must hold the credits for every book, or nothing is done (402). Jobs are accepted as "
        "the plan's concurrency limit allows; books waiting for a slot are `pending`. A book whose "
        "external_ref already had a generate job queued, running or completed is linked to it, not charged "
        "again, so sending the same catalogue twice is safe. `batch.completed` is sent to webhookUrl (or "
        "the account's webhook) once every book is done.",
        request=BatchRequest,
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={
            202: BatchAccepted,
            400: OpenApiResponse(
                response=ErrorEnvelope,
                description="`invalid_rows`: some books are invalid (error.rows lists line, external_ref, field, "
                "code, message); `missing_books`, `too_many_books`, `invalid_field_type`, `invalid_field_value` "
                "(webhookUrl), `invalid_json`, `invalid_request`, `invalid_idempotency_key`.",
                examples=[OpenApiExample("invalid_rows", value=_ROW_ERROR_EXAMPLE, response_only=True)],
            ),
            **{
                status: response
                for status, response in error_responses(
                    "insufficient_credits", "idempotency_key_reused", "idempotency_request_in_progress"
                ).items()
                if status != 400
            },
        },
    )
    @idempotent
    def post(self, request: Request) -> Response:
        data = request.data
        if not isinstance(data, dict):
            raise ApplicationError("invalid_request", "The request body must be a JSON object.")
        books = data.get("books")
        if books is None:
            raise ApplicationError("missing_books", "books is required: a list of books.", field="books")
        if not isinstance(books, list):
            raise ApplicationError("invalid_field_type", "books must be a list of books.", field="books")
        webhook_url = data.get(WEBHOOK_URL.name)
        if webhook_url is not None and not isinstance(webhook_url, str):
            raise ApplicationError("invalid_field_type", f"{WEBHOOK_URL.name} must be a string.")
        batch = services.batch_create(
            account=account_from_request(request),
            rows=[services.CatalogueRow(line=number, data=book) for number, book in enumerate(books, start=1)],
            webhook_url=webhook_url,
        )
        return Response(representations.batch_accepted(batch), status=202)


class BatchDetailView(APIView):
    @extend_schema(
        operation_id="batches_get",
        summary="Get a batch's progress and results",
        description="Every book of the batch with its bookId, jobId, status, credits and, once done, its covers "
        "with fresh signed URLs (valid one hour).",
        responses={200: BatchDetail, **error_responses("batch_not_found")},
    )
    def get(self, request: Request, batch_id: str) -> Response:
        batch = selectors.batch_get_for_account(account=account_from_request(request), batch_id=batch_id)
        return Response(representations.batch_detail(batch))
