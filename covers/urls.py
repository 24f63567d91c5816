"""Routes of this app: `api_urlpatterns` are mounted under /api/v1/, `urlpatterns` at the site root."""

from django.urls import path

from covers import api, views

api_urlpatterns: list = [
    path("covers/generate", api.CoverGenerateView.as_view(), name="covers-generate"),
    path("covers/<str:cover_id>", api.CoverDetailView.as_view(), name="cover-detail"),
    path("covers/<str:cover_id>/variations", api.CoverVariationsView.as_view(), name="cover-variations"),
    path("covers/<str:cover_id>/edit-image", api.CoverEditView.as_view(), name="cover-edit-image"),
    path("covers/<str:cover_id>/upscale", api.CoverUpscaleView.as_view(), name="cover-upscale"),
    path("covers/<str:cover_id>/audiobook-cover", api.CoverAudiobookView.as_view(), name="cover-audiobook"),
    path(
        "covers/<str:cover_id>/assets/<str:asset_type>/download",
        api.CoverAssetDownloadView.as_view(),
        name="cover-asset-download",
    ),
    path("jobs", api.JobListView.as_view(), name="job-list"),
    path("jobs/<str:job_id>", api.JobDetailView.as_view(), name="job-detail"),
    path("books/<str:book_id>/covers", api.BookCoversView.as_view(), name="book-covers"),
    path("templates", api.TemplateListView.as_view(), name="template-list"),
    path("templates/<str:template_id>/preview.png", api.TemplatePreviewView.as_view(), name="template-preview"),
    path("files/<str:token>", api.SignedFileView.as_view(), name="signed-file"),
]
urlpatterns: list = [
    path("books/<uuid:book_id>/style/", views.cover_style, name="cover_style"),
    path("jobs/<uuid:job_id>/", views.job_detail, name="job_detail"),
    path("jobs/<uuid:job_id>/status.json", views.job_status, name="job_status"),
    path("covers/<uuid:cover_id>/", views.cover_detail, name="cover_detail"),
    path("covers/<uuid:cover_id>/variations/", views.cover_variations, name="cover_variations"),
    path("covers/<uuid:cover_id>/edit/", views.cover_edit, name="cover_edit"),
    path("covers/<uuid:cover_id>/audiobook/", views.cover_audiobook, name="cover_audiobook"),
    path("covers/<uuid:cover_id>/upscale/", views.cover_upscale, name="cover_upscale"),
    path("covers/<uuid:cover_id>/download/<str:asset_type>/", views.asset_download, name="asset_download"),
    path("covers/<uuid:cover_id>/images/<str:asset_type>-<int:width>.jpg", views.cover_image, name="cover_image"),
]
