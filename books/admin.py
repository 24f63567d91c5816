from __future__ import annotations

from django.contrib import admin

from books.models import Book


@admin.register(Book)
class BookAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "genre", "subgenre", "account", "external_ref", "created_at"]
    list_filter = ["genre", "target_audience", "created_at"]
    search_fields = ["title", "author", "external_ref", "id", "account__user__email"]
    list_select_related = ["account__user"]
    # Book text is validated by books.services; staff look, and may delete, but do not edit here.
    readonly_fields = [
        "id",
        "account",
        "title",
        "author",
        "genre",
        "subgenre",
        "subtitle",
        "summary",
        "target_audience",
        "external_ref",
        "created_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    date_hierarchy = "created_at"
