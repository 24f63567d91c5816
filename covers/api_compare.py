"""Choosing a cover and A/B sets in /api/v1 (additive to the contract): thin views over
covers.services.compare."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from books.api import json_object
from byc_site.auth import account_from_request
from byc_site.errors import ApplicationError
from byc_site.idempotency import idempotent
from byc_site.openapi import IDEMPOTENCY_KEY_PARAMETER, error_responses
from covers import representations, selectors
from covers.api import CoverDetail
from covers.models import ABSet
from covers.services import compare
from covers.specs import AB_SET_NAME, AB_SET_WINNER_NOTE

ABSetDetail = inline_serializer(
    name="ABSet",
    fields={
        "abSetId": serializers.UUIDField(),
        "bookId": serializers.UUIDField(),
        "name": serializers.CharField(),
        "variants": inline_serializer(
            name="ABSetVariant",
            many=True,
            fields={
                "variant": serializers.ChoiceField(choices=list(ABSet.VARIANTS)),
                "coverId": serializers.UUIDField(),
            },
        ),
        "winnerCoverId": serializers.UUIDField(allow_null=True),
        "winnerNote": serializers.CharField(allow_null=True),
        "winnerRecordedAt": serializers.DateTimeField(allow_null=True),
        "created_at": serializers.DateTimeField(),
        "export_url": serializers.CharField(help_text="GET: a zip of the images with manifest.json and tracking.csv."),
    },
)
ABSetCreateRequest = inline_serializer(
    name="ABSetCreateRequest",
    fields={
        "coverIds": serializers.ListField(
            child=serializers.UUIDField(), min_length=2, max_length=4, help_text="2 to 4 covers of the book; A, B, ..."
        ),
        AB_SET_NAME.name: AB_SET_NAME.serializer_field(),
    },
)
ABSetWinnerRequest = inline_serializer(
    name="ABSetWinnerRequest",
    fields={"coverId": serializers.UUIDField(), AB_SET_WINNER_NOTE.name: AB_SET_WINNER_NOTE.serializer_field()},
)


def _text(data: dict, name: str) -> str:
    value = data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ApplicationError("invalid_field_type", f"{name} must be a string.", field=name)
    return value


class CoverChooseView(APIView):
    @extend_schema(
        operation_id="covers_choose",
        summary="Choose a cover for its book",
        description="Marks this cover as the book's chosen one (the book's `chosenCoverId`); the previously "
        "chosen cover of the book, if any, is no longer chosen. Free; choosing twice changes nothing.",
        request=None,
        responses={200: CoverDetail, **error_responses("cover_not_found")},
    )
    def post(self, request: Request, cover_id: str) -> Response:
        account = account_from_request(request)
        cover = compare.cover_choose(account=account, cover_id=cover_id)
        return Response(
            representations.cover_detail(selectors.cover_get_for_account(account=account, cover_id=cover.id))
        )


class BookABSetsView(APIView):
    @extend_schema(
        operation_id="ab_sets_create",
        summary="Make an A/B set of a book's covers",
        description="Marks 2 to 4 covers of the book as variants A, B, C, D (in the order given) of a test the "
        "publisher runs in their own store. Free.",
        request=ABSetCreateRequest,
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={
            201: ABSetDetail,
            **error_responses(
                "book_not_found",
                "cover_not_found",
                "invalid_count",
                "invalid_field_type",
                "invalid_field_value",
                "field_too_long",
                "asset_not_ready",
                "invalid_request",
                "invalid_idempotency_key",
                "idempotency_key_reused",
                "idempotency_request_in_progress",
            ),
        },
    )
    @idempotent
    def post(self, request: Request, book_id: str) -> Response:
        data = json_object(request)
        ab_set = compare.ab_set_create(
            account=account_from_request(request),
            book_id=book_id,
            cover_ids=data.get("coverIds"),
            name=_text(data, AB_SET_NAME.name),
        )
        ab_set = selectors.ab_set_get_for_account(account=ab_set.account, ab_set_id=ab_set.id)
        return Response(representations.ab_set_detail(ab_set), status=201)


class ABSetDetailView(APIView):
    @extend_schema(
        operation_id="ab_sets_retrieve",
        summary="Get an A/B set",
        responses={200: ABSetDetail, **error_responses("ab_set_not_found")},
    )
    def get(self, request: Request, ab_set_id: str) -> Response:
        ab_set = selectors.ab_set_get_for_account(account=account_from_request(request), ab_set_id=ab_set_id)
        return Response(representations.ab_set_detail(ab_set))


class ABSetWinnerView(APIView):
    @extend_schema(
        operation_id="ab_sets_record_winner",
        summary="Record the winner of an A/B set",
        description="The cover that won the test in your store, with an optional note; recording again replaces it.",
        request=ABSetWinnerRequest,
        responses={
            200: ABSetDetail,
            **error_responses("ab_set_not_found", "invalid_field_value", "invalid_field_type", "field_too_long"),
        },
    )
    def post(self, request: Request, ab_set_id: str) -> Response:
        data = json_object(request)
        account = account_from_request(request)
        ab_set = compare.ab_set_record_winner(
            account=account,
            ab_set_id=ab_set_id,
            cover_id=_text(data, "coverId"),
            note=_text(data, AB_SET_WINNER_NOTE.name),
        )
        ab_set = selectors.ab_set_get_for_account(account=account, ab_set_id=ab_set.id)
        return Response(representations.ab_set_detail(ab_set))


class ABSetExportView(APIView):
    @extend_schema(
        operation_id="ab_sets_export",
        summary="Export an A/B set",
        description="A zip: each variant's ebook cover (1600 x 2560 PNG) named `<variant>-<title>-<id>.png`, "
        "`manifest.json` (variants, cover ids, files, SHA-256, empty impressions/clicks/sales, the winner) and "
        "`tracking.csv` (the same, as a sheet to fill in).",
        responses={
            (200, "application/zip"): OpenApiResponse(description="The zip."),
            **error_responses("ab_set_not_found"),
        },
    )
    def get(self, request: Request, ab_set_id: str) -> HttpResponse:
        ab_set = selectors.ab_set_get_for_account(account=account_from_request(request), ab_set_id=ab_set_id)
        return ab_set_zip_response(ab_set)


def ab_set_zip_response(ab_set: ABSet) -> HttpResponse:
    """The export as a download (the web page's button answers with the same response)."""
    name, data = compare.ab_set_export(ab_set=ab_set)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
