"""Staff refund a partly delivered job from the Django admin, in a real browser."""

from __future__ import annotations

import re
import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from billing.services import credits_balance
from covers import conf, services
from covers.models import Job, JobUnit


def test_staff_refund_a_partial_job_in_the_admin(
    page, live_server, start_qcluster, make_account, make_book, shot, settings
):
    author = make_account(email="refund-me@example.com", monthly=10)
    book = make_book(account=author, title="Harbour of Glass", summary="A glass harbour under a winter sky.")
    # A real worker renders big covers; it is killed once the first one is delivered. The sweeper
    # refunds the covers it was rendering (past the unit deadline); staff then end the job, which
    # refunds the covers never started. The delivered ones stay charged: the job is partial.
    worker = start_qcluster(render_scale=0.6)
    job = services.job_create_generate(account=author, book_id=book.id, count=5)
    deadline = time.monotonic() + 120
    while Job.objects.get(pk=job.pk).units_done < 1:
        assert time.monotonic() < deadline, "the worker delivered nothing"
        time.sleep(0.05)
    worker.kill_group()
    later = timezone.now() + timedelta(seconds=conf.job_unit_deadline_seconds() + 1)
    rendering = JobUnit.objects.filter(job=job, outcome=JobUnit.PENDING).count()  # died with the worker
    assert services.jobs_sweep(now=later).lost_units == rendering
    assert services.job_fail(job_id=job.id, code="worker_lost", message="No worker came back.")
    job.refresh_from_db()
    delivered = job.units_done
    assert job.status == "partial" and job.error_code == "worker_lost"
    assert 1 <= delivered < 5 and job.credits_used == delivered
    assert credits_balance(account=author).total == 10 - delivered

    get_user_model().objects.create_superuser("staff@example.com", "staff@example.com", "staff pass 9876")
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("staff@example.com")
    page.get_by_label("Password").fill("staff pass 9876")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Jobs").first.click()
    page.get_by_role("link", name="Partly completed", exact=True).click()
    page.wait_for_url(re.compile(r"status__exact=partial"))
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    shot(page, "admin partial jobs")

    page.locator("#result_list tbody input[name=_selected_action]").check()
    page.locator("select[name=action]").select_option("refund")
    page.get_by_role("button", name="Go").click()
    # The confirmation page asks why; the reason goes on the refund's ledger line.
    page.get_by_label("Reason").fill("the render came out blank")
    shot(page, "admin refund reason")
    page.set_viewport_size({"width": 375, "height": 812})
    shot(page, "phone admin refund reason")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Refund jobs").click()
    expect(page.locator(".messagelist")).to_contain_text(f"{delivered} credit(s) refunded")
    shot(page, "admin refunded")

    job.refresh_from_db()
    assert (job.credits_used, job.credits_refunded) == (0, 5)
    assert credits_balance(account=author).total == 10
