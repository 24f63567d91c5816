"""The one way the API's list endpoints page: `limit` and `offset` in, a page with `total` and `next_offset` out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.request import Request

from byc_site.query_params import int_query_param

PAGE_SIZE_DEFAULT = 20
PAGE_SIZE_MAX = 100
OFFSET_MAX = 10**9

# The bounds are in the schema too, so a client's validator refuses what the API refuses (limit=0: 400).
PAGE_PARAMETERS = [
    OpenApiParameter(
        "limit",
        {"type": "integer", "minimum": 1, "maximum": PAGE_SIZE_MAX, "default": PAGE_SIZE_DEFAULT},
        description=f"1 to {PAGE_SIZE_MAX}, default {PAGE_SIZE_DEFAULT}; anything else is 400 invalid_request.",
    ),
    OpenApiParameter(
        "offset",
        {"type": "integer", "minimum": 0, "maximum": OFFSET_MAX, "default": 0},
        description="Items to skip, default 0.",
    ),
]


def page_fields() -> dict[str, serializers.Field]:
    """The page fields next to the list itself, for the OpenAPI schema (a fresh dict: inline_serializer empties it)."""
    return {
        "total": serializers.IntegerField(),
        "limit": serializers.IntegerField(),
        "offset": serializers.IntegerField(),
        "next_offset": serializers.IntegerField(allow_null=True),
    }


def offset_page(request: Request, queryset: QuerySet, *, key: str, render: Callable[[Any], dict]) -> dict:
    """One page of `queryset` as the API answers it: `{key: [...], total, limit, offset, next_offset}`."""
    limit = int_query_param(request, "limit", default=PAGE_SIZE_DEFAULT, low=1, high=PAGE_SIZE_MAX)
    offset = int_query_param(request, "offset", default=0, low=0, high=OFFSET_MAX)
    total = queryset.count()
    items = list(queryset[offset : offset + limit])
    return {
        key: [render(item) for item in items],
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if offset + limit < total else None,
    }
