"""Pieces for describing endpoints in the OpenAPI schema (drf-spectacular), shared by every app.

    @extend_schema(request=..., responses={201: BookCreated, **error_responses("missing_required_fields", ...)})

`error_responses` groups the given contract codes by HTTP status and documents each with an example
envelope; 401/403 (every authenticated endpoint) are added unless `auth=False`.
"""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

# Every error code the service uses: status and what it means. The API contract's codes plus ours.
ERROR_CODES: dict[str, tuple[int, str]] = {
    "missing_required_fields": (400, "Required fields are missing or blank; the message names them."),
    "missing_book_id": (400, "bookId is required."),
    "invalid_count": (400, "count must be an integer from 1 to 5."),
    "invalid_genre": (400, "The genre slug is not in the genre vocabulary (slugs are case-sensitive)."),
    "unsupported_characters": (400, "Text contains control characters or characters no installed font can draw."),
    "field_too_long": (400, "A field is longer than its maximum; the message names it."),
    "invalid_field_type": (400, "A field has the wrong JSON type (e.g. a number where a string is expected)."),
    "invalid_field_value": (400, "A field's value is not in its allowed set."),
    "content_policy_violation": (400, "The request violates the content policy."),
    "missing_prompt": (400, "An edit needs a non-empty prompt."),
    "missing_cover_image": (400, "The cover has no preview image yet."),
    "invalid_source_asset": (400, 'sourceAsset must be "preview" or "audiobook_preview".'),
    "invalid_json": (400, "The body is not valid JSON."),
    "invalid_request": (400, "The body is not a JSON object, or a query parameter is malformed."),
    "invalid_rows": (400, "Some books of a batch are invalid; error.rows lists each one's line, field and code."),
    "missing_books": (400, "A batch needs a list of books (a catalogue with at least one book)."),
    "too_many_books": (400, "A batch holds at most 1,000 books."),
    "invalid_catalogue": (400, "The catalogue file is not UTF-8 CSV or JSON of the documented shape."),
    "catalogue_too_large": (400, "The catalogue file is too large; split it."),
    "invalid_idempotency_key": (400, "Idempotency-Key must be 1 to 255 characters."),
    "unauthorized": (401, "Missing, malformed, unknown or revoked API key."),
    "insufficient_credits": (402, "Not enough credits (monthly + overage) for this operation."),
    "forbidden": (403, "The key's account has no active subscription."),
    "book_not_found": (404, "No such book in your account."),
    "cover_not_found": (404, "No such cover in your account."),
    "asset_not_available": (404, "That asset has not been generated yet."),
    "job_not_found": (404, "No such job in your account."),
    "ab_set_not_found": (404, "No such A/B set in your account."),
    "batch_not_found": (404, "No such batch in your account."),
    "not_found": (404, "No such endpoint."),
    "method_not_allowed": (405, "The endpoint does not accept this HTTP method."),
    "asset_already_exists": (409, "The upscaled asset already exists."),
    "asset_not_ready": (409, "A cover has no ebook image yet, so it cannot be exported."),
    "batch_already_started": (409, "The batch was already started."),
    "idempotency_key_reused": (409, "The Idempotency-Key was used before with a different request."),
    "idempotency_request_in_progress": (409, "The Idempotency-Key's record is unfinished; retry shortly."),
    "payload_too_large": (413, "The body is larger than 64 KiB."),
    "unsupported_media_type": (415, "Send the body as application/json."),
    "concurrency_limit": (429, "Too many jobs running at once for your plan."),
    "rate_limited": (429, "Too many requests of this kind; retry after the time the message gives."),
    "file_too_large": (413, "The uploaded file is larger than the endpoint accepts."),
    "file_type_unsupported": (400, "The uploaded file is not a PDF, PNG or JPEG."),
    "file_unreadable": (400, "The uploaded file cannot be read."),
    "internal_error": (500, "Something failed on our side; nothing was charged."),
    "cover_text_current": (409, "The cover already shows the book's current text; nothing to re-render."),
}

# Why a job failed (`error.code` of a failed job and its job.failed webhook), and whether running the
# same request again can succeed. Renders are deterministic, so a failure that depends only on the
# request fails the same way again: staff retry only the `True` ones (covers.services.job_retry).
JOB_ERROR_CODES: dict[str, tuple[bool, str]] = {
    "render_failed": (True, "The renderer failed unexpectedly; unused credits were refunded."),
    "storage_failed": (True, "The rendered image could not be stored; unused credits were refunded."),
    "worker_lost": (True, "The worker stopped before finishing; unused credits were refunded."),
    "cancelled_by_staff": (True, "Cancelled by staff; unused credits were refunded."),
    "internal_error": (True, "Something failed on our side; unused credits were refunded."),
    "art_provider_unavailable": (True, "The image model did not answer (and no fallback is set); refunded."),
    "edit_not_understood": (False, "Nothing in the edit prompt could be acted on; refunded."),
    "edit_not_applied": (False, "The understood changes would not show on the cover; refunded."),
    "content_policy_violation": (False, "The request violates the content policy; refunded."),
    "book_deleted": (False, "The book was deleted while the job was in flight; unused credits were refunded."),
    "cover_deleted": (False, "The source cover was deleted while the job was in flight; refunded."),
    "template_not_found": (False, "The cover's template is no longer in the engine; refunded."),
    "recipe_invalid": (False, "The source cover's recipe cannot be read; refunded."),
    "recipe_version_unsupported": (False, "The source cover was made by an engine version this one cannot read."),
}
RETRYABLE_JOB_ERRORS = frozenset(code for code, (retryable, _meaning) in JOB_ERROR_CODES.items() if retryable)

ErrorEnvelope = inline_serializer(
    name="Error",
    fields={
        "error": inline_serializer(
            name="ErrorBody",
            fields={
                "code": serializers.CharField(help_text="Stable machine-readable code."),
                "message": serializers.CharField(help_text="Human-readable explanation."),
            },
        )
    },
)

IDEMPOTENCY_KEY_PARAMETER = OpenApiParameter(
    name="Idempotency-Key",
    # The bounds the server checks (byc_site.idempotency.MAX_KEY_LENGTH); surrounding spaces are trimmed first.
    type={"type": "string", "minLength": 1, "maxLength": 255},
    location=OpenApiParameter.HEADER,
    required=False,
    description=(
        "1 to 255 characters (after trimming spaces; empty or longer is 400 invalid_idempotency_key), "
        "unique per request. The first response is stored for 24 hours and replayed "
        "(with `Idempotent-Replayed: true`) for a retry with the same key and body; a concurrent repeat waits "
        "for the first and gets its response; the same key with a different body gives 409 "
        "idempotency_key_reused. Server errors (5xx) are not stored."
    ),
)


def error_responses(*codes: str, auth: bool = True) -> dict[int, OpenApiResponse]:
    chosen = list(codes) + (["unauthorized", "forbidden"] if auth else []) + ["internal_error"]
    by_status: dict[int, list[str]] = {}
    for code in chosen:
        status, _ = ERROR_CODES[code]
        by_status.setdefault(status, []).append(code)
    responses = {}
    for status, status_codes in sorted(by_status.items()):
        responses[status] = OpenApiResponse(
            response=ErrorEnvelope,
            description="; ".join(f"`{code}`: {ERROR_CODES[code][1]}" for code in status_codes),
            examples=[
                OpenApiExample(
                    code,
                    value={"error": {"code": code, "message": ERROR_CODES[code][1]}},
                    response_only=True,
                    status_codes=[str(status)],
                )
                for code in status_codes
            ],
        )
    return responses


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    """Tells the schema that every endpoint takes `Authorization: Bearer byc_sk_...`."""

    target_class = "byc_site.auth.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema: object) -> dict:
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "byc_sk_...",
            "description": "An API key from the account page or `manage.py create_account`.",
        }
