"""The staff admin for covers: lists render, and the actions call the services."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from billing.models import CreditEntry
from billing.services import credits_balance
from covers import services
from covers.models import Job, Template, WebhookDelivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    # No password: hashing one is slow, and force_login does not need it.
    user = get_user_model().objects.create(username="staff", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.fixture
def failed_job(account, make_book, receiver):
    job = services.job_create_generate(
        account=account, book_id=make_book(account=account).id, count=2, webhook_url=receiver.url
    )
    services.job_fail(job_id=job.id, code="worker_lost", message="stopped")
    return job


@pytest.mark.parametrize("model", ["job", "cover", "template", "webhookdelivery"])
def test_the_lists_render(staff_client, model, failed_job):
    assert staff_client.get(f"/admin/covers/{model}/").status_code == 200


def test_jobs_filter_by_status_operation_and_account(staff_client, failed_job, account):
    url = f"/admin/covers/job/?status__exact=failed&operation__exact=generate&account__id__exact={account.pk}"
    response = staff_client.get(url)
    assert response.status_code == 200
    assert str(failed_job.pk) in response.content.decode()


def test_the_job_page_renders(staff_client, failed_job):
    assert staff_client.get(f"/admin/covers/job/{failed_job.pk}/change/").status_code == 200


def test_retry_action_asks_why_then_accepts_a_new_charged_job(staff_client, failed_job, account):
    selection = {"action": "retry_failed", "_selected_action": [str(failed_job.pk)]}
    assert b"reason" in staff_client.post("/admin/covers/job/", selection).content
    assert Job.objects.filter(account=account).count() == 1
    response = staff_client.post("/admin/covers/job/", {**selection, "apply": "1", "reason": "font fixed"}, follow=True)
    assert response.status_code == 200
    assert Job.objects.filter(account=account).count() == 2
    assert credits_balance(account=account).total == 10 - 2
    debit = CreditEntry.objects.filter(account=account, kind="debit").order_by("-id").first()
    assert f"retry of job {failed_job.pk}" in debit.memo and debit.memo.endswith(": font fixed")


def test_refund_action(staff_client, account, make_book):
    job = services.job_create_generate(account=account, book_id=make_book(account=account).id)
    Job.objects.filter(pk=job.pk).update(status="completed")
    selection = {"action": "refund", "_selected_action": [str(job.pk)]}
    staff_client.post("/admin/covers/job/", selection, follow=True)
    assert credits_balance(account=account).total == 9  # the confirmation page only
    staff_client.post("/admin/covers/job/", {**selection, "apply": "1", "reason": "blurry"}, follow=True)
    assert credits_balance(account=account).total == 10
    assert CreditEntry.objects.get(account=account, kind="refund").memo.endswith(": blurry")


def test_redeliver_action_makes_a_new_delivery(staff_client, failed_job):
    delivery = WebhookDelivery.objects.get(job=failed_job)
    staff_client.post(
        "/admin/covers/webhookdelivery/",
        {"action": "redeliver", "_selected_action": [str(delivery.pk)]},
        follow=True,
    )
    assert WebhookDelivery.objects.filter(job=failed_job).count() == 2
    assert staff_client.get(f"/admin/covers/webhookdelivery/{delivery.pk}/change/").status_code == 200


def test_templates_can_be_disabled_and_enabled(staff_client):
    template = Template.objects.first()
    staff_client.post("/admin/covers/template/", {"action": "disable", "_selected_action": [template.pk]})
    assert Template.objects.get(pk=template.pk).enabled is False
    staff_client.post("/admin/covers/template/", {"action": "enable", "_selected_action": [template.pk]})
    assert Template.objects.get(pk=template.pk).enabled is True


def test_the_cover_page_shows_its_lineage(staff_client, account, make_cover, run_jobs):
    cover = make_cover(account=account)
    with run_jobs():
        job = services.job_create_variation(account=account, cover_id=cover.id)
    child = Job.objects.get(pk=job.pk).covers.get()
    page = staff_client.get(f"/admin/covers/cover/{child.pk}/change/").content.decode()
    assert str(cover.pk)[:8] in page and str(child.pk)[:8] in page


def test_the_job_page_lists_who_rendered_each_cover(staff_client, account, make_cover, monkeypatch):
    monkeypatch.setenv("BYC_NODE_NAME", "render-node-7")
    cover = make_cover(account=account)
    page = staff_client.get(f"/admin/covers/job/{cover.job_id}/change/").content.decode()
    assert "render-node-7:" in page and "Delivered" in page
