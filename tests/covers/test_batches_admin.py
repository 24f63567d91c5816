"""Staff pages of batches and of their batch.completed deliveries."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from covers import services
from covers.models import Batch, WebhookDelivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create(username="staff", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def test_a_batch_its_rows_and_its_delivery_show_in_the_admin(staff_client, make_account, run_jobs, receiver):
    account = make_account(monthly=5)
    books = [{"title": "Harbour Lights", "author": "Ada Reyes", "genre": "mystery", "external_ref": "isbn-1"}]
    with run_jobs():
        batch = services.batch_create(
            account=account, rows=[services.CatalogueRow(line=1, data=books[0])], webhook_url=receiver.url
        )
    batch.refresh_from_db()
    assert batch.status == Batch.COMPLETED
    listing = staff_client.get("/admin/covers/batch/").content.decode()
    assert str(batch.id) in listing
    page = staff_client.get(f"/admin/covers/batch/{batch.id}/change/").content.decode()
    assert "isbn-1" in page
    delivery = WebhookDelivery.objects.get(batch=batch)
    assert delivery.event == "batch.completed" and delivery.status == WebhookDelivery.DELIVERED
    staff_client.post(
        "/admin/covers/webhookdelivery/", {"action": "redeliver", "_selected_action": [str(delivery.pk)]}, follow=True
    )
    assert WebhookDelivery.objects.filter(batch=batch).count() == 2
    assert staff_client.get(f"/admin/covers/webhookdelivery/{delivery.pk}/change/").status_code == 200
    assert staff_client.get("/admin/covers/webhookdelivery/").status_code == 200
