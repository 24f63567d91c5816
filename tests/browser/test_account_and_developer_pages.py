"""The author's account page and the developer page in a real browser: the ledger in words, asking
for credits, revoking a key and rotating the secret through confirmation pages, the webhook warning,
and a test event that a real worker delivers, signed, to a local receiver."""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from billing.models import Account, ApiKey, CreditRequest
from covers import services
from covers.webhooks import signature_is_valid

LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 375, "height": 812}


def test_the_author_page_reads_the_ledger_in_words_and_asks_for_credits(
    page, fits, live_server, sign_up, make_book, shot
):
    page.set_viewport_size(LAPTOP)
    email = sign_up(page)
    account = Account.objects.get(user__email=email)
    book = make_book(account=account, title="The Last Witness", genre="mystery")
    job = services.job_create_generate(account=account, book_id=book.id, count=3)
    services.job_run(job_id=job.id)

    page.goto(f"{live_server.url}/account/")
    line = page.get_by_test_id("ledger-line").first
    expect(line).to_have_text("3 credits for 3 covers of The Last Witness")
    line.get_by_role("link", name="The Last Witness").click()
    page.wait_for_url(re.compile(rf"/books/{book.id}/$"))
    page.go_back()

    page.get_by_label("Credits", exact=True).fill("40")
    page.get_by_label("What they are for").fill("Covers for the rest of the series")
    page.get_by_role("button", name="Ask for credits").click()
    expect(page.get_by_test_id("credit-request")).to_contain_text("40 credits asked on")
    assert CreditRequest.objects.get(account=account).amount == 40
    shot(page, "laptop author page")
    page.set_viewport_size(PHONE)
    page.reload()
    assert fits(page)
    shot(page, "phone author page")


def test_the_developer_page_confirms_revoke_and_rotate_and_sends_a_test_event(
    page, fits, live_server, sign_up, start_qcluster, receiver, settings, monkeypatch, shot
):
    page.set_viewport_size(LAPTOP)
    email = sign_up(page)
    account = Account.objects.get(user__email=email)
    page.goto(f"{live_server.url}/account/")
    page.get_by_role("link", name="Developer: API and webhooks").click()
    page.wait_for_url(re.compile(r"/account/developer/$"))

    # A key, then its revocation through a page that asks first.
    page.get_by_label("Key name").fill("Build server")
    page.get_by_role("button", name="Create a key").click()
    expect(page.get_by_test_id("new-key")).to_be_visible()
    page.get_by_role("link", name="Revoke the key Build server").click()
    expect(page.get_by_role("heading", name="Revoke the key “Build server”?")).to_be_visible()
    assert ApiKey.objects.get(account=account).revoked_at is None
    shot(page, "laptop revoke confirmation")
    page.get_by_role("button", name="Revoke the key").click()
    page.wait_for_url(re.compile(r"/account/developer/"))
    expect(page.get_by_test_id("api-key-row")).to_contain_text("Revoked")
    assert ApiKey.objects.get(account=account).revoked_at is not None

    # Rotating the secret asks first too; Cancel changes nothing.
    old_secret = account.webhook_secret
    page.get_by_role("link", name="Rotate the secret…").click()
    expect(page.get_by_role("heading", name="Rotate the webhook signing secret?")).to_be_visible()
    page.get_by_role("link", name="Cancel").click()
    account.refresh_from_db()
    assert account.webhook_secret == old_secret
    page.get_by_role("link", name="Rotate the secret…").click()
    page.get_by_role("button", name="Rotate the secret").click()
    expect(page.get_by_text("New secret in use")).to_be_visible()
    account.refresh_from_db()
    assert account.webhook_secret != old_secret
    expect(page.get_by_test_id("webhook-secret")).to_have_text(account.webhook_secret)

    # A loopback URL is refused when saved on a site that delivers only to public addresses ...
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    page.get_by_label("Default webhook URL").fill(receiver.url)
    page.get_by_role("button", name="Save URL").click()
    expect(page.get_by_text("is refused")).to_be_visible()
    account.refresh_from_db()
    assert account.webhook_url != receiver.url
    # ... and one saved while private networks were allowed gets a warning once they are not.
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    page.get_by_label("Default webhook URL").fill(receiver.url)
    page.get_by_role("button", name="Save URL").click()
    expect(page.get_by_test_id("webhook-warning")).to_have_count(0)
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    page.reload()
    expect(page.get_by_test_id("webhook-warning")).to_contain_text("Deliveries to this URL will fail")
    shot(page, "laptop developer page with warning")

    # On a site that allows private networks (this one's worker does), the test event arrives signed.
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    monkeypatch.setenv("BYC_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "1")
    start_qcluster()
    page.reload()
    expect(page.get_by_test_id("webhook-warning")).to_have_count(0)
    page.get_by_role("button", name="Send a test event").click()
    deadline = time.monotonic() + 60
    while not receiver.requests and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    [request] = receiver.requests
    account.refresh_from_db()
    assert signature_is_valid(request["body"], request["headers"]["X-BYC-Signature"], account.webhook_secret)
    page.reload()
    row = page.get_by_test_id("delivery-row").first
    expect(row).to_contain_text("webhook.test")
    expect(row).to_contain_text("Delivered")
    shot(page, "laptop developer page after a test event")
    page.set_viewport_size(PHONE)
    page.reload()
    assert fits(page)
    shot(page, "phone developer page")
