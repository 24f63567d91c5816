"""Routes of this app: `api_urlpatterns` are mounted under /api/v1/, `urlpatterns` at the site root."""

from django.contrib.auth import views as auth_views
from django.urls import path

from billing import forms as web_forms
from billing import views

api_urlpatterns: list = []
urlpatterns: list = [
    path("signup/", views.signup, name="signup"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=web_forms.EmailAuthenticationForm, redirect_authenticated_user=True
        ),
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
    path("account/", views.account_page, name="account"),
    path("account/jobs/", views.job_history, name="job_history"),
    path("account/keys/", views.api_key_create, name="api_key_create"),
    path("account/keys/<int:key_id>/revoke/", views.api_key_revoke, name="api_key_revoke"),
    path("account/webhook/", views.webhook_update, name="webhook_update"),
    path("account/webhook/secret/", views.webhook_secret_reveal, name="webhook_secret_reveal"),
    path("account/webhook/secret/rotate/", views.webhook_secret_rotate, name="webhook_secret_rotate"),
]
