"""The cover, job and template endpoints of /api/v1: thin views over covers.services.

Views check the JSON shape (types) and call one service; every rule is in the service.
"""

from __future__ import annotations

from django.http import FileResponse, HttpResponse, HttpResponseNotModified, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from billing.services import credits_balance
from books.selectors import book_get_for_account
from books.services import DELETED_KEPT_FOR
from byc_site.auth import account_from_request
from byc_site.errors import ApplicationError, error_response
from byc_site.formats import api_datetime
from byc_site.idempotency import idempotent
from byc_site.openapi import IDEMPOTENCY_KEY_PARAMETER, JOB_ERROR_CODES, error_responses
from byc_site.pagination import PAGE_PARAMETERS, offset_page, page_fields
from byc_site.query_params import text_query_param
from cover_engine import vocabulary
from covers import conf, representations, selectors, services, specs, storage
from covers.downloads import content_disposition
from covers.models import ASSET_TYPES, Job
from covers.services import exports

_COMMON_JOB_ERRORS = (
    "field_too_long",
    "invalid_field_type",
    "invalid_field_value",
    "invalid_json",
    "invalid_request",
    "insufficient_credits",
    "concurrency_limit",
    "invalid_idempotency_key",
    "idempotency_key_reused",
    "idempotency_request_in_progress",
)

JobAccepted = inline_serializer(
    name="JobAccepted",
    fields={
        "jobId": serializers.UUIDField(),
        "status": serializers.CharField(help_text='Always "queued".'),
        "operation": serializers.ChoiceField(choices=[c for c, _ in Job.OPERATION_CHOICES]),
        "external_ref": serializers.CharField(allow_null=True),
        "created_at": serializers.DateTimeField(),
        "poll_url": serializers.CharField(),
    },
)


_SIGNED = {
    "signedUrl": serializers.URLField(help_text="GET-able without a key until expiresAt (one hour)."),
    "expiresAt": serializers.CharField(help_text="UTC, e.g. 2025-01-15T11:30:00.000Z."),
}
_RESULT_COVER_FIELDS = {
    "coverId": serializers.UUIDField(),
    **_SIGNED,
    "coverStyle": serializers.CharField(required=False, help_text="Template id (generate, variation, edit)."),
    "asset": serializers.CharField(required=False, help_text="The asset made (upscale, audiobook_cover)."),
}
# The result and error of a finished job: in GET /jobs/:id and in the job.* webhooks' bodies.
JobResult = inline_serializer(
    name="JobResult",
    allow_null=True,
    fields={
        "bookId": serializers.UUIDField(required=False, help_text="generate"),
        "sourceCoverId": serializers.UUIDField(required=False, help_text="variation, edit_image, rerender"),
        "covers": inline_serializer(name="ResultCover", many=True, fields=_RESULT_COVER_FIELDS),
    },
)


# One class for the `error` of a failed job, used as a field where it appears (null in GET /jobs/:id
# until the job fails; present only in job.failed webhooks): one schema component, one identity.
_JOB_ERRORS = "; ".join(
    f"`{code}`: {meaning.rstrip('.')}" + ("" if retryable else " (the same request fails again)")
    for code, (retryable, meaning) in JOB_ERROR_CODES.items()
)
JobErrorSerializer = type(
    inline_serializer(name="JobError", fields={"code": serializers.CharField(), "message": serializers.CharField()})
)


def job_error_serializer(**options) -> serializers.Serializer:
    options["help_text"] = f"{options.get('help_text', '')} Why the job failed. {_JOB_ERRORS}.".strip()
    return JobErrorSerializer(**options)


JobDetail = inline_serializer(
    name="JobDetail",
    fields={
        "jobId": serializers.UUIDField(),
        "status": serializers.ChoiceField(
            choices=[c for c, _ in Job.STATUS_CHOICES],
            help_text="queued, running, then completed, failed, or partial (not in the BeYourCover contract: "
            "some covers were delivered and are in result, the others failed and were refunded; error says "
            "why). A client waiting for completed or failed should also stop at partial.",
        ),
        "operation": serializers.ChoiceField(choices=[c for c, _ in Job.OPERATION_CHOICES]),
        "external_ref": serializers.CharField(allow_null=True),
        "credits_used": serializers.IntegerField(help_text="Net of refunds."),
        "created_at": serializers.DateTimeField(),
        "started_at": serializers.DateTimeField(allow_null=True),
        "completed_at": serializers.DateTimeField(allow_null=True),
        "queue": inline_serializer(
            name="JobQueue",
            allow_null=True,
            help_text="Not in the BeYourCover contract: while covers of the job wait for a worker, where it "
            "stands (accounts are served in turn, one cover each); null once every cover has started.",
            fields={
                "unitsAhead": serializers.IntegerField(
                    help_text="Covers the workers will start before this job's next."
                ),
                "estimatedWaitSeconds": serializers.IntegerField(
                    allow_null=True, help_text="Until this job's next cover is ready; null before any was timed."
                ),
            },
        ),
        "result": JobResult,
        "error": job_error_serializer(allow_null=True, help_text="Set for failed and partial jobs."),
    },
)
_ASSET = inline_serializer(
    name="CoverAssetState",
    fields={
        "available": serializers.BooleanField(),
        "signedUrl": serializers.URLField(required=False),
        "expiresAt": serializers.CharField(required=False),
        "width": serializers.IntegerField(required=False),
        "height": serializers.IntegerField(required=False),
    },
)
_SUBJECT = {
    "subject": serializers.CharField(help_text="What was asked for, in words: 'lighthouse', 'moon'."),
    "phrase": serializers.CharField(help_text="The same in a sentence: 'a lighthouse', 'the moon'."),
    "words": serializers.ListField(child=serializers.CharField(), help_text="The words of the text that asked for it."),
    "askedBy": serializers.CharField(help_text="summary | title | mainElements | edit | genre | design | brief"),
}
_DESIGN = inline_serializer(
    name="CoverDesign",
    allow_null=True,
    help_text="What the cover is made of, reported by the engine from what it actually drew (not in the "
    "BeYourCover contract; null for covers made before the report existed).",
    fields={
        "template": inline_serializer(
            name="DesignTemplate",
            fields={"id": serializers.CharField(), "name": serializers.CharField(), "family": serializers.CharField()},
        ),
        "palette": inline_serializer(
            name="DesignPalette", fields={"name": serializers.CharField(), "family": serializers.CharField()}
        ),
        "type": inline_serializer(
            name="DesignType",
            fields={
                "titleFaces": serializers.ListField(child=serializers.CharField()),
                "authorFaces": serializers.ListField(child=serializers.CharField()),
                "titleVoice": serializers.CharField(),
            },
        ),
        "lighting": serializers.CharField(),
        "subjectsDrawn": inline_serializer(
            name="DesignSubjectDrawn",
            many=True,
            fields={
                **_SUBJECT,
                "widthShare": serializers.FloatField(help_text="Its width as a share of the cover's width."),
            },
        ),
        "subjectsNotDrawn": inline_serializer(
            name="DesignSubjectNotDrawn",
            many=True,
            fields={**_SUBJECT, "reason": serializers.CharField()},
        ),
        "readAs": inline_serializer(
            name="DesignReadAs",
            many=True,
            required=False,
            help_text="Words of the book read as something other than a subject (a name, a place, an idiom).",
            fields={
                "words": serializers.CharField(help_text="The words: 'Baghdad', 'star witness'."),
                "readAs": serializers.CharField(help_text="What they were read as: 'the setting: a desert city'."),
            },
        ),
        "artwork": inline_serializer(
            name="DesignArtwork",
            required=False,
            help_text="Who drew the picture when the deployment uses an image model (BYC_ART_PROVIDER): the "
            "model, its prompt and seed, or why our own painters drew it instead (fallbackFrom).",
            fields={
                "source": serializers.ChoiceField(choices=["model", "procedural"]),
                "provider": serializers.CharField(),
                "model": serializers.CharField(required=False),
                "seed": serializers.IntegerField(required=False, allow_null=True),
                "prompt": serializers.CharField(required=False),
                "subjectsAsked": serializers.ListField(child=serializers.CharField(), required=False),
                "fallbackFrom": serializers.CharField(required=False),
                "note": serializers.CharField(),
                "assets": serializers.ListField(
                    child=serializers.CharField(),
                    required=False,
                    help_text="How the provider made the cover's other assets (upscale, audiobook square).",
                ),
            },
        ),
        "edit": inline_serializer(
            name="DesignEdit",
            required=False,
            help_text="For an edit: what was applied and shows, what could not be shown, the words ignored.",
            fields={
                "prompt": serializers.CharField(),
                "applied": serializers.ListField(child=serializers.CharField()),
                "notApplied": serializers.ListField(child=serializers.CharField()),
                "ignoredWords": serializers.ListField(child=serializers.CharField()),
            },
        ),
    },
)
_COVER_DETAIL_FIELDS = dict(
    **{
        "coverId": serializers.UUIDField(),
        "bookId": serializers.UUIDField(),
        "coverStyle": serializers.CharField(),
        "operation": serializers.CharField(),
        "sourceCoverId": serializers.UUIDField(allow_null=True),
        "created_at": serializers.DateTimeField(),
        "assets": inline_serializer(
            name="CoverAssets",
            fields={name: _ASSET for name in ASSET_TYPES},
        ),
        "design": _DESIGN,
        "chosen": serializers.BooleanField(help_text="The book's chosen cover (POST /covers/:coverId/choose)."),
    }
)
# inline_serializer's class creation empties the dict it is given: hand each one a copy.
CoverDetail = inline_serializer(name="CoverDetail", fields=dict(_COVER_DETAIL_FIELDS))
JobPage = inline_serializer(
    name="JobPage",
    fields={
        "jobs": inline_serializer(
            name="JobSummary",
            many=True,
            fields={
                "jobId": serializers.UUIDField(),
                "status": serializers.CharField(),
                "operation": serializers.CharField(),
                "external_ref": serializers.CharField(allow_null=True),
                "credits_used": serializers.IntegerField(),
                "bookId": serializers.UUIDField(allow_null=True),
                "sourceCoverId": serializers.UUIDField(allow_null=True),
                "created_at": serializers.DateTimeField(),
                "started_at": serializers.DateTimeField(allow_null=True),
                "completed_at": serializers.DateTimeField(allow_null=True),
                "error": serializers.DictField(allow_null=True),
                "poll_url": serializers.CharField(),
            },
        ),
        **page_fields(),
    },
)
CoverPage = inline_serializer(
    name="CoverPage",
    fields={
        "covers": inline_serializer(name="BookCover", many=True, fields=dict(_COVER_DETAIL_FIELDS)),
        **page_fields(),
    },
)
TemplateList = inline_serializer(
    name="TemplateList",
    fields={
        "templates": inline_serializer(
            name="Template",
            many=True,
            fields={
                "id": serializers.CharField(),
                "name": serializers.CharField(),
                "family": serializers.CharField(),
                "templateType": serializers.CharField(),
                "genreBuckets": serializers.ListField(child=serializers.CharField()),
                "previewImage": serializers.URLField(),
            },
        ),
        "total": serializers.IntegerField(),
    },
)


# --- body parsing (shape only) ------------------------------------------------------------------


def _body(request: Request) -> dict:
    data = request.data
    if data is None or data == {}:
        return {}
    if not isinstance(data, dict):
        raise ApplicationError("invalid_request", "The request body must be a JSON object.")
    return data


def _string(data: dict, name: str) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ApplicationError("invalid_field_type", f"{name} must be a string.")
    return value


def _count(data: dict) -> object:
    # The service checks type and range against covers.specs.COUNT.
    return data.get(specs.COUNT.name, specs.COUNT.default)


def _common(data: dict) -> dict:
    return {"external_ref": _string(data, "external_ref"), "webhook_url": _string(data, "webhookUrl")}


def _accepted(job: Job) -> Response:
    return Response(representations.job_accepted(job), status=202)


# --- job-creating endpoints -----------------------------------------------------------------------


class CoverGenerateView(APIView):
    @extend_schema(
        operation_id="covers_generate",
        summary="Generate covers for a book",
        description=f"Starts a job making {specs.COUNT.low}-{specs.COUNT.high} covers; each costs "
        f"{specs.credit_words(Job.OP_GENERATE)}, reserved now and refunded if not made.",
        request=specs.GENERATE.serializer(),
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={
            202: JobAccepted,
            **error_responses(
                "missing_book_id",
                "invalid_count",
                "content_policy_violation",
                "unsupported_characters",
                "book_not_found",
                *_COMMON_JOB_ERRORS,
            ),
        },
    )
    @idempotent
    def post(self, request: Request) -> Response:
        data = _body(request)
        job = services.job_create_generate(
            account=account_from_request(request),
            book_id=data.get("bookId"),
            count=_count(data),
            template_id=_string(data, "templateId"),
            main_elements=_string(data, "mainElements") or "",
            mood=_string(data, "mood"),
            color_palette=_string(data, "colorPalette"),
            **_common(data),
        )
        return _accepted(job)


class CoverVariationsView(APIView):
    @extend_schema(
        operation_id="covers_variations",
        summary="Make variations of a cover",
        description=f"Same book and style, new seeds: {specs.COUNT.low}-{specs.COUNT.high} new covers, "
        f"{specs.credit_words(Job.OP_VARIATION)} each.",
        request=specs.VARIATIONS.serializer(),
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={
            202: JobAccepted,
            **error_responses("invalid_count", "cover_not_found", "content_policy_violation", *_COMMON_JOB_ERRORS),
        },
    )
    @idempotent
    def post(self, request: Request, cover_id: str) -> Response:
        data = _body(request)
        job = services.job_create_variation(
            account=account_from_request(request), cover_id=cover_id, count=_count(data), **_common(data)
        )
        return _accepted(job)


class CoverEditView(APIView):
    @extend_schema(
        operation_id="covers_edit_image",
        summary="Edit a cover with a prompt",
        description="A new cover: the source cover changed as the prompt asks (colours, light, motifs, type). "
        f"{specs.credit_words(Job.OP_EDIT)}. A prompt the engine cannot act on fails the job with "
        "edit_not_understood, one whose understood changes would not show on the cover with edit_not_applied; "
        "both refund.",
        request=specs.EDIT.serializer(),
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={
            202: JobAccepted,
            **error_responses(
                "missing_prompt",
                "missing_cover_image",
                "cover_not_found",
                "content_policy_violation",
                "unsupported_characters",
                *_COMMON_JOB_ERRORS,
            ),
        },
    )
    @idempotent
    def post(self, request: Request, cover_id: str) -> Response:
        data = _body(request)
        job = services.job_create_edit(
            account=account_from_request(request), cover_id=cover_id, prompt=_string(data, "prompt"), **_common(data)
        )
        return _accepted(job)


class CoverUpscaleView(APIView):
    @extend_schema(
        operation_id="covers_upscale",
        summary="Upscale a cover asset",
        description="Re-renders preview as full (3200x5120) or audiobook_preview as audiobook_full (4800x4800). "
        f"{specs.credit_words(Job.OP_UPSCALE)}; 409 if the target exists or is being made.",
        request=specs.UPSCALE.serializer(),
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={
            202: JobAccepted,
            **error_responses(
                "invalid_source_asset",
                "cover_not_found",
                "asset_not_available",
                "asset_already_exists",
                *_COMMON_JOB_ERRORS,
            ),
        },
    )
    @idempotent
    def post(self, request: Request, cover_id: str) -> Response:
        data = _body(request)
        job = services.job_create_upscale(
            account=account_from_request(request),
            cover_id=cover_id,
            source_asset=data.get("sourceAsset") if isinstance(data.get("sourceAsset"), str) else None,
            **_common(data),
        )
        return _accepted(job)


class CoverAudiobookView(APIView):
    @extend_schema(
        operation_id="covers_audiobook_cover",
        summary="Make the square audiobook cover",
        description="Re-lays the design out on a 2400x2400 square (not a crop). "
        f"{specs.credit_words(Job.OP_AUDIOBOOK)}.",
        request=specs.AUDIOBOOK.serializer(),
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={
            202: JobAccepted,
            **error_responses("missing_cover_image", "cover_not_found", "asset_already_exists", *_COMMON_JOB_ERRORS),
        },
    )
    @idempotent
    def post(self, request: Request, cover_id: str) -> Response:
        data = _body(request)
        job = services.job_create_audiobook(account=account_from_request(request), cover_id=cover_id, **_common(data))
        return _accepted(job)


class CoverStorePackView(APIView):
    @extend_schema(
        operation_id="covers_store_pack",
        summary="Make the store pack of a cover",
        description="A zip (asset `store_pack`, downloaded through the asset download endpoint) with the cover "
        "made to each store's rules: Amazon KDP, Apple Books, Kobo, Google Play and Barnes & Noble "
        "(1600x2560 JPEG), ACX/Audible and Findaway (2400x2400 JPEG, the square re-layout, not a crop); "
        "sRGB profile and 300 dpi in every file; `manifest.json` lists each store's rules with the value "
        f"measured from the file, whether it passes and the rule's source. {specs.credit_words(Job.OP_STORE_PACK)}; "
        "409 once made or being made (not in the BeYourCover contract).",
        request=specs.STORE_PACK.serializer(),
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={
            202: JobAccepted,
            **error_responses("missing_cover_image", "cover_not_found", "asset_already_exists", *_COMMON_JOB_ERRORS),
        },
    )
    @idempotent
    def post(self, request: Request, cover_id: str) -> Response:
        data = _body(request)
        job = services.job_create_store_pack(account=account_from_request(request), cover_id=cover_id, **_common(data))
        return _accepted(job)


class CoverRerenderView(APIView):
    @extend_schema(
        operation_id="covers_rerender",
        summary="Re-render a cover with the book's new text",
        description="After the book's title, subtitle or author were edited: a new cover with this cover's "
        "design (template, picture, edits) and the book's current text. "
        f"{specs.credit_words(Job.OP_RERENDER)}. The source cover keeps the text it was made with; its "
        "variations and edits do too. 409 cover_text_current when there is nothing to change.",
        request=specs.RERENDER.serializer(),
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={
            202: JobAccepted,
            **error_responses("cover_not_found", "cover_text_current", "content_policy_violation", *_COMMON_JOB_ERRORS),
        },
    )
    @idempotent
    def post(self, request: Request, cover_id: str) -> Response:
        data = _body(request)
        job = services.job_create_rerender(account=account_from_request(request), cover_id=cover_id, **_common(data))
        return _accepted(job)


class CoverPrintWrapView(APIView):
    @extend_schema(
        operation_id="covers_print_wrap",
        summary="Make the full print wrap (PDF) of a cover",
        description="Back, spine and front with bleed (or a hardcover's turn-in) for KDP, IngramSpark or Lulu: "
        "assets print_pdf and print_proof (guides drawn). "
        f"{specs.credit_words(Job.OP_PRINT_WRAP)}; 400 invalid_field_value for a combination the printer does "
        "not offer (page count out of range, trim not offered, invalid ISBN).",
        request=specs.PRINT_WRAP.serializer(),
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={202: JobAccepted, **error_responses("invalid_field_value", "cover_not_found", *_COMMON_JOB_ERRORS)},
    )
    @idempotent
    def post(self, request: Request, cover_id: str) -> Response:
        data = _body(request)
        job = services.job_create_print_wrap(
            account=account_from_request(request),
            cover_id=cover_id,
            printer=data.get("printer"),
            binding=data.get("binding"),
            trim_size=data.get("trimSize"),
            page_count=data.get("pageCount"),
            paper=data.get("paper"),
            isbn=_string(data, "isbn"),
            price=_string(data, "price"),
            back_text=_string(data, "backText"),
            author_bio=_string(data, "authorBio"),
            **_common(data),
        )
        return _accepted(job)


class PreflightThrottle(SimpleRateThrottle):
    """Preflight is free of credits; this keeps one account from tying up the renderers with it."""

    scope = "preflight"

    def get_rate(self) -> str:
        return conf.preflight_rate()

    def get_cache_key(self, request: Request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": account_from_request(request).pk}


def _page_count(value: object) -> object:
    # Multipart fields arrive as text: "320" is a page count there (JSON must send a number).
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return value


class PreflightView(APIView):
    parser_classes = [JSONParser, MultiPartParser]
    throttle_classes = [PreflightThrottle]

    @extend_schema(
        operation_id="print_preflight",
        summary="Check a print wrap against a printer's rules",
        description="JSON with coverId and the target (the cover's latest print wrap is checked), or multipart "
        "with a file (PDF, PNG or JPEG) and the target. Free; rate-limited. Answers passed, the checks "
        "(rule, passed, measured, expected, where; passed is null when a rule does not apply to the file) "
        "and a proof image with the problems marked.",
        request=specs.PREFLIGHT.serializer(),
        responses={
            200: inline_serializer(
                "PreflightResult",
                {
                    "passed": serializers.BooleanField(),
                    "checks": serializers.ListField(child=serializers.DictField()),
                    "target": serializers.CharField(),
                    "proof": serializers.DictField(),
                },
            ),
            **error_responses(
                "invalid_field_value",
                "cover_not_found",
                "asset_not_available",
                "file_too_large",
                "file_type_unsupported",
                "file_unreadable",
                "rate_limited",
            ),
        },
    )
    def post(self, request: Request) -> Response:
        data = request.data
        upload = request.FILES.get("file") if hasattr(request, "FILES") else None
        if upload is not None and upload.size > services.preflight.MAX_UPLOAD_BYTES:
            raise ApplicationError("file_too_large", "The file is too large to check.", field="file", status=413)
        result = services.preflight_check(
            account=account_from_request(request),
            printer=data.get("printer"),
            binding=data.get("binding"),
            trim_size=data.get("trimSize"),
            page_count=_page_count(data.get("pageCount")),
            paper=data.get("paper"),
            cover_id=data.get("coverId") if upload is None else None,
            data=upload.read() if upload is not None else None,
            isbn=data.get("isbn") if isinstance(data.get("isbn"), str) else None,
        )
        return Response(result)


# --- reading ----------------------------------------------------------------------------------------


class JobDetailView(APIView):
    @extend_schema(
        operation_id="jobs_retrieve",
        summary="Poll a job",
        description="Status, credits and, once finished, the result with signed URLs valid one hour "
        "(fresh on every call). A failed job has `error: {code, message}`. Where the deployment draws the "
        "pictures with an image model, a unit may also fail with `art_provider_unavailable` (the model did not "
        "answer and the deployment does not fall back to its own painters) or `content_policy_violation` (the "
        "model's safety system refused); the credits of what was not delivered are refunded.",
        responses={200: JobDetail, **error_responses("job_not_found")},
    )
    def get(self, request: Request, job_id: str) -> Response:
        job = selectors.job_get_for_account(account=account_from_request(request), job_id=job_id)
        return Response(representations.job_detail(job))


class JobListView(APIView):
    @extend_schema(
        operation_id="jobs_list",
        summary="List jobs",
        description="Your jobs, newest first.",
        parameters=[
            OpenApiParameter("status", str, enum=[s for s, _ in Job.STATUS_CHOICES]),
            *PAGE_PARAMETERS,
        ],
        responses={200: JobPage, **error_responses("invalid_field_value", "invalid_request")},
    )
    def get(self, request: Request) -> Response:
        status = text_query_param(request, "status")
        jobs = selectors.jobs_for_account(account=account_from_request(request), status=status)
        return Response(offset_page(request, jobs, key="jobs", render=representations.job_summary))


class BookCoversView(APIView):
    @extend_schema(
        operation_id="books_covers_list",
        summary="List a book's covers",
        description="The book's covers, newest first, with their assets and fresh signed URLs.",
        parameters=PAGE_PARAMETERS,
        responses={200: CoverPage, **error_responses("book_not_found", "invalid_request")},
    )
    def get(self, request: Request, book_id: str) -> Response:
        book = book_get_for_account(account=account_from_request(request), book_id=book_id)
        covers = selectors.covers_of_book(book=book)
        return Response(offset_page(request, covers, key="covers", render=representations.cover_detail))


class CoverDetailView(APIView):
    @extend_schema(
        operation_id="covers_retrieve",
        summary="Get a cover",
        description="Which assets exist, with fresh signed URLs (one hour) for those that do.",
        responses={200: CoverDetail, **error_responses("cover_not_found")},
    )
    def get(self, request: Request, cover_id: str) -> Response:
        cover = selectors.cover_get_for_account(account=account_from_request(request), cover_id=cover_id)
        return Response(representations.cover_detail(cover))

    @extend_schema(
        operation_id="covers_delete",
        summary="Delete a cover",
        description="The cover disappears from every endpoint at once (404 from then on; it is left out of "
        "job results). Covers made from it stay. Jobs in flight from it fail with `cover_deleted` and "
        f"refund. Staff can restore it for {DELETED_KEPT_FOR.days} days; then it is purged with its files.",
        request=None,
        responses={204: None, **error_responses("cover_not_found")},
    )
    def delete(self, request: Request, cover_id: str) -> Response:
        services.cover_delete(account=account_from_request(request), cover_id=cover_id)
        return Response(status=204)


class _JsonWhateverTheFormatQuery(DefaultContentNegotiation):
    """The download endpoint's `format` names the file's format, not DRF's renderer: answer JSON errors."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return super().select_renderer(request, renderers, format_suffix="json")


class CoverAssetDownloadView(APIView):
    content_negotiation_class = _JsonWhateverTheFormatQuery

    @extend_schema(
        operation_id="covers_asset_download",
        summary="Download a cover asset",
        description="302 to a signed URL valid one hour. The file comes as an attachment named after the book "
        "and the format (`the-last-witness_ebook-1600x2560.png`; RFC 5987 `filename*` for any script). "
        "`format=jpeg` gives an image asset as a JPEG (sRGB profile, 300 dpi, quality 95) for stores that "
        "prefer it.",
        parameters=[OpenApiParameter("format", str, enum=list(exports.DOWNLOAD_FORMATS), required=False)],
        responses={302: None, **error_responses("cover_not_found", "invalid_field_value", "asset_not_available")},
    )
    def get(self, request: Request, cover_id: str, asset_type: str) -> HttpResponse:
        cover = selectors.cover_get_for_account(account=account_from_request(request), cover_id=cover_id)
        asset = selectors.cover_asset_get(cover=cover, asset_type=asset_type)
        variant = exports.asset_variant_stored(asset=asset, file_format=request.query_params.get("format"))
        signed = representations.asset_signed_url(asset, variant=variant, variant_type=exports.JPEG_CONTENT_TYPE)
        response = HttpResponseRedirect(signed.url)
        patch_cache_control(response, no_store=True)
        return response


AccountState = inline_serializer(
    name="AccountState",
    fields={
        "plan": inline_serializer(
            name="AccountPlan",
            fields={
                "code": serializers.CharField(),
                "name": serializers.CharField(),
                "monthly_credits": serializers.IntegerField(help_text="Granted at each renewal."),
            },
        ),
        "subscription_active": serializers.BooleanField(help_text="False: every job is refused with 403."),
        "credits": inline_serializer(
            name="AccountCredits",
            fields={
                "monthly": serializers.IntegerField(help_text="Left of this period's grant; spent first."),
                "overage": serializers.IntegerField(help_text="Bought credits; they do not expire."),
                "total": serializers.IntegerField(),
            },
        ),
        "renews_at": serializers.DateTimeField(
            allow_null=True, help_text="When unused monthly credits expire and the next grant is made."
        ),
        "concurrency_limit": serializers.IntegerField(help_text="Jobs that may be queued or running at once."),
        "jobs_in_flight": serializers.IntegerField(help_text="Jobs queued or running now."),
    },
)


class AccountView(APIView):
    # Readable with a stopped subscription too: that is when a client most needs to see why.
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="account_retrieve",
        summary="Your plan, credits and limits",
        description="No credits are used. Read it before a large batch to see what fits.",
        responses={200: AccountState, **error_responses()},
    )
    def get(self, request: Request) -> Response:
        account = account_from_request(request)
        balance = credits_balance(account=account)
        return Response(
            {
                "plan": {
                    "code": account.plan.code,
                    "name": account.plan.name,
                    "monthly_credits": account.plan.monthly_credits,
                },
                "subscription_active": account.is_active,
                "credits": {"monthly": balance.monthly, "overage": balance.overage, "total": balance.total},
                "renews_at": api_datetime(account.period_end) if account.is_active else None,
                "concurrency_limit": account.plan.max_concurrent_jobs,
                "jobs_in_flight": selectors.jobs_in_flight(account=account),
            }
        )


class TemplateListView(APIView):
    @extend_schema(
        operation_id="templates_list",
        summary="List cover templates",
        description="No credits are used. Filter by a genre slug.",
        parameters=[OpenApiParameter("genre", str, enum=list(vocabulary.GENRES))],
        responses={200: TemplateList, **error_responses("invalid_genre")},
    )
    def get(self, request: Request) -> Response:
        genre = text_query_param(request, "genre")
        templates = selectors.templates_available(genre=genre)
        return Response({"templates": [representations.template_entry(t) for t in templates], "total": len(templates)})


class TemplatePreviewView(APIView):
    """A template's sample cover; public (it shows no customer data) and cached."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(operation_id="templates_preview", summary="A template's preview image", responses={200: None})
    def get(self, request: Request, template_id: str) -> HttpResponse:
        template = selectors.template_get_available(template_id=template_id)
        if template is None:
            return error_response("template_not_found", "No such template.", 404)
        data, etag = services.template_preview_png(template=template)
        if request.headers.get("If-None-Match") == etag:
            return HttpResponseNotModified(headers={"ETag": etag})
        response = HttpResponse(data, content_type="image/png", headers={"ETag": etag})
        patch_cache_control(response, public=True, max_age=86400)
        return response


class SignedFileView(APIView):
    """Streams a stored file to whoever holds a valid, unexpired signed link (local storage only)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(exclude=True)
    def get(self, request: Request, token: str) -> HttpResponse:
        try:
            target = storage.signed_file_open(token)
        except storage.SignedUrlInvalid as exc:
            return error_response("signed_url_invalid", str(exc), 403)
        etag = f'"{target["checksum"]}"' if target["checksum"] else None
        if etag and request.headers.get("If-None-Match") == etag:
            return HttpResponseNotModified(headers={"ETag": etag})
        try:
            size = storage.file_size(target["name"])
            handle = storage.file_open(target["name"])
        except FileNotFoundError:
            return error_response("asset_not_available", "This file no longer exists.", 404)
        response = FileResponse(handle, content_type=target["content_type"])
        response["Content-Length"] = str(size)
        if target["download_name"]:
            response["Content-Disposition"] = content_disposition(target["download_name"])
        if etag:
            response["ETag"] = etag
        patch_cache_control(response, private=True, max_age=3600)
        return response
