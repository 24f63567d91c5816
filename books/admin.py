from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from books.models import Book
from books.services import book_restore
from byc_site.admin_actions import DeletedFilter


@admin.register(Book)
class BookAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "genre", "account", "created_at", "deleted_at"]
    list_filter = [DeletedFilter, "genre", "target_audience", "created_at"]
    search_fields = ["title", "author", "external_ref", "id", "account__user__email"]
    list_select_related = ["account__user"]
    # Book text is validated by books.services; staff look, restore what an author deleted, and may
    # delete for good, but do not edit here.
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
        "deleted_at",
    ]
    actions = ["restore"]

    def has_add_permission(self, request) -> bool:
        return False

    date_hierarchy = "created_at"

    @admin.action(description="Restore the selected deleted books (with their covers)")
    def restore(self, request: HttpRequest, queryset: QuerySet[Book]) -> None:
        restored = 0
        for book in queryset:
            if book_restore(book_id=book.pk):
                restored += 1
                self.log_change(request, book, "Restored")
        self.message_user(request, f"{restored} book(s) restored.")
