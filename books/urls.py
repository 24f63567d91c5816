"""Routes of this app: `api_urlpatterns` are mounted under /api/v1/, `urlpatterns` at the site root."""

from django.urls import path

from books import api

api_urlpatterns: list = [
    path("books", api.BookListView.as_view(), name="books"),
    path("books/<str:book_id>", api.BookDetailView.as_view(), name="book"),
]
urlpatterns: list = []
