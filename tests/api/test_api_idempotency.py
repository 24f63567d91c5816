"""Idempotency-Key on POST: replay, conflict, expiry, errors, and concurrent requests."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import path
from django.utils import timezone
from rest_framework.response import Response
from rest_framework.views import APIView

from billing.models import IdempotencyRecord
from books.models import Book
from byc_site import urls as site_urls
from byc_site.errors import ApplicationError
from byc_site.idempotency import idempotency_records_purge, idempotent

URL = "/api/v1/books"
BODY = {"title": "Dune", "author": "Frank Herbert", "genre": "science-fiction"}


def post(client, body=BODY, key="key-1"):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return client.post(URL, body, format="json", **headers)


def test_it_replays_the_first_response_for_the_same_key_and_body(api_client):
    first = post(api_client)
    second = post(api_client, body=dict(reversed(BODY.items())))  # same content, other key order
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Book.objects.count() == 1


def test_without_a_key_every_request_runs(api_client):
    post(api_client, key=None)
    post(api_client, key=None)
    assert Book.objects.count() == 2


def test_it_refuses_the_same_key_with_a_different_body(api_client):
    post(api_client)
    response = post(api_client, body={**BODY, "title": "Dune Messiah"})
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "idempotency_key_reused"
    assert Book.objects.count() == 1


def test_keys_are_per_account(api_client, make_account, api_client_for):
    other = api_client_for(make_account())
    post(api_client)
    response = post(other)
    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response
    assert Book.objects.count() == 2


def test_it_replays_a_client_error_too(api_client):
    first = post(api_client, body={"title": "No author", "genre": "fantasy"})
    second = post(api_client, body={"title": "No author", "genre": "fantasy"})
    assert first.status_code == second.status_code == 400
    assert second.json()["error"]["code"] == "missing_required_fields"
    assert second["Idempotent-Replayed"] == "true"


@pytest.mark.parametrize("key", ["", "   ", "k" * 256])
def test_it_refuses_an_empty_or_overlong_key(api_client, key):
    response = post(api_client, key=key)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_idempotency_key"


def test_a_255_character_key_is_fine(api_client):
    assert post(api_client, key="k" * 255).status_code == 201


def test_a_stored_response_is_kept_24_hours_then_forgotten(api_client):
    post(api_client)
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=23, minutes=59))
    assert post(api_client)["Idempotent-Replayed"] == "true"
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=24, minutes=1))
    response = post(api_client)
    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response
    assert Book.objects.count() == 2


def test_the_purge_removes_only_old_records(api_client):
    post(api_client, key="old")
    post(api_client, key="new")
    IdempotencyRecord.objects.filter(key="old").update(created_at=timezone.now() - timedelta(hours=49))
    assert idempotency_records_purge() == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["new"]


# --- behaviour around the view, with a controllable test view ----------------------------------

calls: list[str] = []
entered = threading.Event()
release = threading.Event()


class CountingView(APIView):
    @idempotent
    def post(self, request):
        calls.append(request.data.get("mode", ""))
        mode = request.data.get("mode")
        if mode == "wait":
            entered.set()
            release.wait(timeout=10)
        if mode == "crash":
            raise RuntimeError("boom")
        if mode == "refuse":
            Book.objects.create(account=request.auth.account, title="Half", author="Done", genre="fantasy")
            raise ApplicationError("content_policy_violation", "Not this.", status=400)
        if mode in {"broke", "busy"}:
            Book.objects.create(account=request.auth.account, title="Half", author="Done", genre="fantasy")
            if mode == "broke":
                raise ApplicationError("insufficient_credits", "Not enough.", status=402)
            raise ApplicationError("concurrency_limit", "Too many jobs.", status=429)
        return Response({"n": len(calls)}, status=202)


urlpatterns = [path("api/v1/counting", CountingView.as_view()), *site_urls.urlpatterns]


@pytest.fixture
def counting(settings):
    calls.clear()
    entered.clear()
    release.clear()
    settings.ROOT_URLCONF = __name__
    yield
    release.set()


def count_post(client, mode="ok", key="k"):
    return client.post("/api/v1/counting", {"mode": mode}, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_a_server_error_is_not_stored_so_the_client_can_retry(api_client, counting):
    api_client.raise_request_exception = False
    assert count_post(api_client, "crash").status_code == 500
    assert IdempotencyRecord.objects.count() == 0
    assert count_post(api_client, "crash").status_code == 500
    assert calls == ["crash", "crash"]


def test_an_application_error_raised_by_the_view_is_stored(api_client, counting):
    assert count_post(api_client, "refuse").status_code == 400
    replay = count_post(api_client, "refuse")
    assert replay.status_code == 400
    assert replay.json()["error"]["code"] == "content_policy_violation"
    assert calls == ["refuse"]


@pytest.mark.parametrize(("mode", "status"), [("broke", 402), ("busy", 429)])
def test_a_refusal_of_the_moment_is_not_stored_so_a_retry_runs_again(api_client, counting, mode, status):
    assert count_post(api_client, mode).status_code == status
    assert IdempotencyRecord.objects.count() == 0
    assert Book.objects.count() == 0
    retry = count_post(api_client, mode)
    assert "Idempotent-Replayed" not in retry
    assert calls == [mode, mode]


@pytest.mark.django_db(transaction=True)
def test_a_request_arriving_while_the_first_runs_waits_and_gets_the_replay(api_client, counting):
    results = {}

    def send(name):
        try:
            results[name] = count_post(api_client, "wait")
        finally:
            connection.close()

    first = threading.Thread(target=send, args=("first",))
    first.start()
    assert entered.wait(timeout=10)  # the first request is inside the view now
    second = threading.Thread(target=send, args=("second",))
    second.start()
    release.set()
    first.join(timeout=30)
    second.join(timeout=30)
    assert results["first"].status_code == results["second"].status_code == 202
    assert results["second"]["Idempotent-Replayed"] == "true"
    assert results["second"].json() == results["first"].json()
    assert calls == ["wait"]


def test_a_client_error_rolls_back_the_views_writes_but_is_replayed(api_client, counting):
    assert count_post(api_client, "refuse").status_code == 400
    assert Book.objects.count() == 0
    assert IdempotencyRecord.objects.get().status_code == 400
    assert count_post(api_client, "refuse")["Idempotent-Replayed"] == "true"


@pytest.mark.django_db(transaction=True)
def test_many_simultaneous_requests_with_one_key_execute_once(make_account, api_client_for, counting):
    account = make_account()
    clients = [api_client_for(account) for _ in range(8)]
    barrier = threading.Barrier(len(clients))
    statuses: list[int] = []

    def fire(client):
        try:
            barrier.wait(timeout=10)
            statuses.append(count_post(client, "ok", key="race").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=fire, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(calls) == 1
    assert statuses == [202] * len(clients)  # one ran, the others waited and got its response


@override_settings()
def test_get_requests_ignore_the_header(api_client):
    response = api_client.get(URL, HTTP_IDEMPOTENCY_KEY="x" * 300)
    assert response.status_code == 200
