"""The author web app's routes, mounted at the site root."""

from django.contrib.auth import views as auth_views
from django.urls import path

from web.forms.account import EmailAuthenticationForm
from web.views import account, batches, books, compare, covers, developer

urlpatterns: list = [
    # Home, library, wizard step 1, a book's page
    path("", books.home, name="home"),
    path("library/", books.library, name="library"),
    path("books/new/", books.book_create, name="book_create"),
    path("books/<uuid:book_id>/", books.book_detail, name="book_detail"),
    path("books/<uuid:book_id>/edit/", books.book_edit, name="book_edit"),
    path("books/<uuid:book_id>/delete/", books.book_delete, name="book_delete"),
    # Wizard step 2, jobs and covers
    path("books/<uuid:book_id>/style/", covers.cover_style, name="cover_style"),
    path("jobs/<uuid:job_id>/", covers.job_detail, name="job_detail"),
    path("jobs/<uuid:job_id>/status.json", covers.job_status, name="job_status"),
    path("covers/<uuid:cover_id>/", covers.cover_detail, name="cover_detail"),
    path("covers/<uuid:cover_id>/variations/", covers.cover_variations, name="cover_variations"),
    path("covers/<uuid:cover_id>/edit/", covers.cover_edit, name="cover_edit"),
    path("covers/<uuid:cover_id>/audiobook/", covers.cover_audiobook, name="cover_audiobook"),
    path("covers/<uuid:cover_id>/upscale/", covers.cover_upscale, name="cover_upscale"),
    path("covers/<uuid:cover_id>/store-pack/", covers.cover_store_pack, name="cover_store_pack"),
    path("covers/<uuid:cover_id>/rerender/", covers.cover_rerender, name="cover_rerender"),
    path("covers/<uuid:cover_id>/delete/", covers.cover_delete, name="cover_delete"),
    path("covers/<uuid:cover_id>/print/", covers.cover_print, name="cover_print"),
    path("covers/<uuid:cover_id>/print/download/", covers.print_download, name="print_download"),
    path("print/preflight/", covers.print_preflight, name="print_preflight"),
    path("covers/<uuid:cover_id>/download/<str:asset_type>/", covers.asset_download, name="asset_download"),
    path("covers/<uuid:cover_id>/images/<str:asset_type>-<int:width>.jpg", covers.cover_image, name="cover_image"),
    # Compare and choose: the shelf preview, side by side, the chosen cover, A/B sets
    path("books/<uuid:book_id>/compare/", compare.book_compare, name="book_compare"),
    path("covers/<uuid:cover_id>/choose/", compare.cover_choose, name="cover_choose"),
    path("books/<uuid:book_id>/ab-sets/", compare.ab_set_create, name="ab_set_create"),
    path("ab-sets/<uuid:ab_set_id>/", compare.ab_set_detail, name="ab_set_detail"),
    path("ab-sets/<uuid:ab_set_id>/export.zip", compare.ab_set_export, name="ab_set_export"),
    path("ab-sets/<uuid:ab_set_id>/winner/", compare.ab_set_winner, name="ab_set_winner"),
    # Catalogue import and batches
    path("batches/", batches.batch_list, name="batch_list"),
    path("batches/import/", batches.batch_import, name="batch_import"),
    path("batches/example.csv", batches.example_catalogue, name="batch_example"),
    path("batches/<uuid:batch_id>/", batches.batch_detail, name="batch_detail"),
    path("batches/<uuid:batch_id>/start/", batches.batch_start, name="batch_start"),
    path("batches/<uuid:batch_id>/status.json", batches.batch_status, name="batch_status"),
    # Sign-up, sign-in, password
    path("signup/", account.signup, name="signup"),
    path("signup/confirm/<uidb64>/<token>/", account.signup_confirm, name="signup_confirm"),
    path(
        "login/",
        account.LoginView.as_view(authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", account.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"
    ),
    path("password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    # Account: the author's page (plan, credits, ledger, job history, asking for credits)
    path("account/", account.account_page, name="account"),
    path("account/jobs/", covers.job_history, name="job_history"),
    path("account/credits/request/", account.credit_request, name="credit_request"),
    # The developer page: API keys, the webhook, its deliveries and a test event
    path("account/developer/", developer.developer_page, name="developer"),
    path("account/keys/", developer.api_key_create, name="api_key_create"),
    path("account/keys/<int:key_id>/revoke/", developer.api_key_revoke, name="api_key_revoke"),
    path("account/webhook/", developer.webhook_update, name="webhook_update"),
    path("account/webhook/secret/", developer.webhook_secret_reveal, name="webhook_secret_reveal"),
    path("account/webhook/secret/rotate/", developer.webhook_secret_rotate, name="webhook_secret_rotate"),
    path("account/webhook/test/", developer.webhook_test, name="webhook_test"),
]
