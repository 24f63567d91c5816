"""Authorization: Bearer byc_sk_... on every /api/v1 endpoint."""

from __future__ import annotations

import pytest

from billing.models import ApiKey
from billing.services import api_key_revoke

pytestmark = pytest.mark.django_db

URL = "/api/v1/books"


def code_of(response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "Token byc_sk_abc",
        "Bearer sk_live_123",
        "Bearer byc_sk_" + "x" * 43,  # well formed but unknown
        "Bearer byc_sk_" + "x" * 500,
    ],
)
def test_it_refuses_missing_malformed_or_unknown_keys(client, header):
    extra = {} if header is None else {"HTTP_AUTHORIZATION": header}
    response = client.get(URL, **extra)
    assert code_of(response) == (401, "unauthorized")
    assert response["WWW-Authenticate"] == "Bearer"


def test_it_accepts_a_valid_key_and_records_its_use(api_client):
    assert api_client.get(URL).status_code == 200
    assert ApiKey.objects.get(pk=api_client.api_key.pk).last_used_at is not None


def test_it_accepts_the_scheme_in_any_case(client, api_client):
    response = client.get(URL, HTTP_AUTHORIZATION=f"bearer {api_client.raw_key}")
    assert response.status_code == 200


def test_it_refuses_a_revoked_key(api_client, account):
    api_key_revoke(account=account, api_key_id=api_client.api_key.pk)
    response = api_client.get(URL)
    assert code_of(response) == (401, "unauthorized")
    assert "revoked" in response.json()["error"]["message"]


def test_it_forbids_an_account_without_active_subscription(make_account, api_client_for):
    client = api_client_for(make_account(active=False))
    assert code_of(client.get(URL)) == (403, "forbidden")
    assert code_of(client.post(URL, {}, format="json")) == (403, "forbidden")


def test_it_refuses_keys_of_disabled_users(api_client, account):
    account.user.is_active = False
    account.user.save()
    assert code_of(api_client.get(URL)) == (401, "unauthorized")
