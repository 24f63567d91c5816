"""API routes of this app, mounted under /api/v1/."""

from django.urls import path

from books import api

api_urlpatterns: list = [
    path("books", api.BookListView.as_view(), name="books"),
    path("books/<str:book_id>", api.BookDetailView.as_view(), name="book"),
]
