"""The author web app's routes, mounted at the site root."""

from django.contrib.auth import views as auth_views
from django.urls import path

from web.forms.account import EmailAuthenticationForm
from web.views import account, books, covers

urlpatterns: list = [
    # Home, library, wizard step 1, a book's page
    path("", books.home, name="home"),
    path("library/", books.library, name="library"),
    path("books/new/", books.book_create, name="book_create"),
    path("books/<uuid:book_id>/", books.book_detail, name="book_detail"),
    # Wizard step 2, jobs and covers
    path("books/<uuid:book_id>/style/", covers.cover_style, name="cover_style"),
    path("jobs/<uuid:job_id>/", covers.job_detail, name="job_detail"),
    path("jobs/<uuid:job_id>/status.json", covers.job_status, name="job_status"),
    path("covers/<uuid:cover_id>/", covers.cover_detail, name="cover_detail"),
    path("covers/<uuid:cover_id>/variations/", covers.cover_variations, name="cover_variations"),
    path("covers/<uuid:cover_id>/edit/", covers.cover_edit, name="cover_edit"),
    path("covers/<uuid:cover_id>/audiobook/", covers.cover_audiobook, name="cover_audiobook"),
    path("covers/<uuid:cover_id>/upscale/", covers.cover_upscale, name="cover_upscale"),
    path("covers/<uuid:cover_id>/print/", covers.cover_print, name="cover_print"),
    path("covers/<uuid:cover_id>/print/download/", covers.print_download, name="print_download"),
    path("print/preflight/", covers.print_preflight, name="print_preflight"),
    path("covers/<uuid:cover_id>/download/<str:asset_type>/", covers.asset_download, name="asset_download"),
    path("covers/<uuid:cover_id>/images/<str:asset_type>-<int:width>.jpg", covers.cover_image, name="cover_image"),
    # Sign-up, sign-in, password
    path("signup/", account.signup, name="signup"),
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"
    ),
    path("password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    # Account: credits, job history, API keys, webhook
    path("account/", account.account_page, name="account"),
    path("account/jobs/", covers.job_history, name="job_history"),
    path("account/keys/", account.api_key_create, name="api_key_create"),
    path("account/keys/<int:key_id>/revoke/", account.api_key_revoke, name="api_key_revoke"),
    path("account/webhook/", account.webhook_update, name="webhook_update"),
    path("account/webhook/secret/", account.webhook_secret_reveal, name="webhook_secret_reveal"),
    path("account/webhook/secret/rotate/", account.webhook_secret_rotate, name="webhook_secret_rotate"),
]
