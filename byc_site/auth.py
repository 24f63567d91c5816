"""API authentication by `Authorization: Bearer byc_sk_...` and the active-subscription check.

After authentication `request.user` is the account's Django user and `request.auth` the ApiKey
(with `.account` and `.account.plan` already loaded).
"""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from billing.keylookup import api_key_by_hash
from billing.models import Account, ApiKey
from billing.services import API_KEY_PREFIX, account_for_user, api_key_hash
from byc_site.logcontext import log_context_add
from byc_site.throttling import KeyedThrottle, client_address

# Recording every use would turn each read into a write; a minute's precision is plenty.
LAST_USED_RESOLUTION = timedelta(seconds=60)


class ApiKeyAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple | None:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return None  # the permission check then answers 401 unauthorized
        # Wrong keys are counted per client address; past the limit even a right key waits, so
        # guessing keys is as slow as the limit says.
        failures = KeyedThrottle("api_auth_failure", client_address(request))
        if failures.blocked():
            raise exceptions.Throttled(failures.wait(), "Too many requests with a wrong API key.")
        try:
            return self._authenticate_key(header)
        except exceptions.AuthenticationFailed:
            failures.record()
            raise

    def _authenticate_key(self, header: str) -> tuple:
        scheme, _, raw_key = header.partition(" ")
        raw_key = raw_key.strip()
        if scheme.lower() != "bearer" or not raw_key.startswith(API_KEY_PREFIX) or len(raw_key) > 200:
            raise exceptions.AuthenticationFailed("Send the API key as 'Authorization: Bearer byc_sk_...'.")
        api_key = api_key_by_hash(api_key_hash(raw_key))
        if api_key is None:
            raise exceptions.AuthenticationFailed("Invalid API key.")
        if api_key.revoked_at is not None:
            raise exceptions.AuthenticationFailed("This API key has been revoked.")
        user = api_key.account.user
        if not user.is_active:
            raise exceptions.AuthenticationFailed("This API key's user is disabled.")
        log_context_add(account_id=api_key.account_id)
        now = timezone.now()
        if api_key.last_used_at is None or now - api_key.last_used_at >= LAST_USED_RESOLUTION:
            ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
            api_key.last_used_at = now
        return user, api_key

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class HasActiveSubscription(BasePermission):
    """Authenticated with a key whose account has an active subscription (else 401 / 403)."""

    message = "No active subscription for this API key."

    def has_permission(self, request: Request, view: object) -> bool:
        api_key = request.auth
        if not isinstance(api_key, ApiKey):
            return False  # unauthenticated: DRF raises NotAuthenticated -> 401 unauthorized
        return api_key.account.is_active


def account_from_request(request: Request | HttpRequest) -> Account:
    """The account behind a request: the API key's account, or the logged-in user's for the web app."""
    api_key = getattr(request, "auth", None)
    if isinstance(api_key, ApiKey):
        return api_key.account
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return account_for_user(user=user)
    raise exceptions.NotAuthenticated()
