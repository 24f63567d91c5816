from __future__ import annotations

import uuid

from django.db import models

from books.specs import AUTHOR_MAX, EXTERNAL_REF_MAX, SUBGENRE_MAX, SUBTITLE_MAX, SUMMARY_MAX, TITLE_MAX
from cover_engine import vocabulary


class Book(models.Model):
    """A book an account wants covers for. Text is stored NFC-normalised and trimmed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    account = models.ForeignKey("billing.Account", on_delete=models.CASCADE, related_name="books")
    title = models.CharField(max_length=TITLE_MAX)
    author = models.CharField(max_length=AUTHOR_MAX)
    genre = models.CharField(max_length=40, choices=list(vocabulary.GENRES.items()))
    subgenre = models.CharField(max_length=SUBGENRE_MAX, blank=True)
    subtitle = models.CharField(max_length=SUBTITLE_MAX, blank=True)
    summary = models.TextField(max_length=SUMMARY_MAX, blank=True)
    target_audience = models.CharField(max_length=20, blank=True, choices=list(vocabulary.TARGET_AUDIENCES.items()))
    external_ref = models.CharField(max_length=EXTERNAL_REF_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Soft delete: hidden from the author's pages and the API at once (its covers with it),
    # restorable by staff until the purge removes it and its files (books.services.DELETED_KEPT_FOR).
    deleted_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["account", "-created_at"], name="book_account_created_idx"),
            models.Index(fields=["account", "external_ref"], name="book_account_ref_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(genre__in=list(vocabulary.GENRES)), name="book_genre_known"),
            models.CheckConstraint(condition=~models.Q(title=""), name="book_title_present"),
            models.CheckConstraint(condition=~models.Q(author=""), name="book_author_present"),
        ]

    def __str__(self) -> str:
        return f"{self.title} by {self.author}"

    @property
    def genre_label(self) -> str:
        return vocabulary.GENRES.get(self.genre, self.genre)

    @property
    def subgenre_label(self) -> str:
        return vocabulary.subgenres_for(self.genre).get(self.subgenre, self.subgenre)
