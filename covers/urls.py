"""API routes of this app, mounted under /api/v1/."""

from django.urls import path

from covers import api, api_compare, batches_api

api_urlpatterns: list = [
    path("covers/generate", api.CoverGenerateView.as_view(), name="covers-generate"),
    path("covers/<str:cover_id>", api.CoverDetailView.as_view(), name="cover-detail"),
    path("covers/<str:cover_id>/choose", api_compare.CoverChooseView.as_view(), name="cover-choose"),
    path("covers/<str:cover_id>/variations", api.CoverVariationsView.as_view(), name="cover-variations"),
    path("covers/<str:cover_id>/edit-image", api.CoverEditView.as_view(), name="cover-edit-image"),
    path("covers/<str:cover_id>/upscale", api.CoverUpscaleView.as_view(), name="cover-upscale"),
    path("covers/<str:cover_id>/rerender", api.CoverRerenderView.as_view(), name="cover-rerender"),
    path("covers/<str:cover_id>/audiobook-cover", api.CoverAudiobookView.as_view(), name="cover-audiobook"),
    path("covers/<str:cover_id>/store-pack", api.CoverStorePackView.as_view(), name="cover-store-pack"),
    path("covers/<str:cover_id>/print-wrap", api.CoverPrintWrapView.as_view(), name="cover-print-wrap"),
    path(
        "covers/<str:cover_id>/assets/<str:asset_type>/download",
        api.CoverAssetDownloadView.as_view(),
        name="cover-asset-download",
    ),
    path("account", api.AccountView.as_view(), name="account"),
    path("batches", batches_api.BatchListView.as_view(), name="batch-list"),
    path("batches/<str:batch_id>", batches_api.BatchDetailView.as_view(), name="batch-detail"),
    path("preflight", api.PreflightView.as_view(), name="preflight"),
    path("jobs", api.JobListView.as_view(), name="job-list"),
    path("jobs/<str:job_id>", api.JobDetailView.as_view(), name="job-detail"),
    path("books/<str:book_id>/covers", api.BookCoversView.as_view(), name="book-covers"),
    path("books/<str:book_id>/ab-sets", api_compare.BookABSetsView.as_view(), name="book-ab-sets"),
    path("ab-sets/<str:ab_set_id>", api_compare.ABSetDetailView.as_view(), name="ab-set-detail"),
    path("ab-sets/<str:ab_set_id>/winner", api_compare.ABSetWinnerView.as_view(), name="ab-set-winner"),
    path("ab-sets/<str:ab_set_id>/export", api_compare.ABSetExportView.as_view(), name="ab-set-export"),
    path("templates", api.TemplateListView.as_view(), name="template-list"),
    path("templates/<str:template_id>/preview.png", api.TemplatePreviewView.as_view(), name="template-preview"),
    path("files/<str:token>", api.SignedFileView.as_view(), name="signed-file"),
]
