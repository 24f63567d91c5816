"""Routes of this app: `api_urlpatterns` are mounted under /api/v1/, `urlpatterns` at the site root."""

from django.urls import path

from books import api, views

api_urlpatterns: list = [
    path("books", api.BookListView.as_view(), name="books"),
    path("books/<str:book_id>", api.BookDetailView.as_view(), name="book"),
]
urlpatterns: list = [
    path("", views.home, name="home"),
    path("library/", views.library, name="library"),
    path("books/new/", views.book_create, name="book_create"),
    path("books/<uuid:book_id>/", views.book_detail, name="book_detail"),
]
