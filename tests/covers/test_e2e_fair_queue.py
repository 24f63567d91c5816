"""Fair scheduling with a real qcluster: one account's backlog does not hold up another account's cover.

Runs on whatever profile the suite runs on (see test_e2e_jobs.py, whose stack it uses).
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from test_e2e_jobs import running_stack

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("covers-e2e")]


def _claims(stack) -> list[dict]:
    """Every unit claim, oldest first: account e-mail, when it was claimed, when its job was accepted."""
    out = stack.manage(
        "shell",
        "-c",
        "import json; from covers.models import JobUnit; print(json.dumps([dict(email=u.account.user.email, "
        "at=u.claimed_at.isoformat(), accepted=u.job.created_at.isoformat()) for u in "
        "JobUnit.objects.select_related('account__user', 'job').order_by('claimed_at', 'pk')]))",
    )
    claims = json.loads(out.strip().splitlines()[-1])
    for claim in claims:
        claim["at"], claim["accepted"] = datetime.fromisoformat(claim["at"]), datetime.fromisoformat(claim["accepted"])
    return claims


def test_another_accounts_cover_goes_ahead_of_a_backlog(tmp_path):
    # Larger renders than the other e2e tests, so the backlog is still there when B arrives.
    with running_stack(tmp_path, {"BYC_RENDER_SCALE": "0.3", "BYC_WORKERS": "2"}) as stack:
        a = stack.account(monthly=100)
        b = stack.account(monthly=5)
        book_a, book_b = a.book(), b.book()
        backlog = [a.post("/api/v1/covers/generate", {"bookId": book_a, "count": 5}) for _ in range(5)]
        assert all(r.status_code == 202 for r in backlog), [r.text for r in backlog]
        accepted = b.post("/api/v1/covers/generate", {"bookId": book_b})
        assert accepted.status_code == 202
        b_job = b.wait(accepted.json()["jobId"])
        assert b_job["status"] == "completed", b_job
        a_jobs = [a.wait(r.json()["jobId"]) for r in backlog]
        assert all(job["status"] == "completed" for job in a_jobs)
        claims = _claims(stack)
        assert len(claims) == 26
        b_turn = next(i for i, claim in enumerate(claims) if claim["email"] == b.email)
        # B was served as soon as a worker was free: A's units claimed after B's job was accepted and
        # before B's one are at most those the two workers were already taking. Most of A's 25 waited.
        a_before_b = [c for c in claims[:b_turn] if c["at"] >= claims[b_turn]["accepted"]]
        assert len(a_before_b) <= 2, claims[: b_turn + 1]
        assert 25 - b_turn >= 15, f"B was served at turn {b_turn}: the backlog had gone already"
        # The ledger: both accounts paid for exactly the covers they got.
        assert stack.balance(a.email)[2] == 100 - 25 and stack.balance(b.email)[2] == 5 - 1


def test_a_waiting_job_shows_its_place_in_the_queue(tmp_path):
    with running_stack(tmp_path) as stack:
        a = stack.account(monthly=30)
        b = stack.account(monthly=5)
        book_a, book_b = a.book(), b.book()
        stack.stop("qcluster")  # nothing renders: both accounts' work waits
        for _ in range(3):
            assert a.post("/api/v1/covers/generate", {"bookId": book_a, "count": 5}).status_code == 202
        job_id = b.post("/api/v1/covers/generate", {"bookId": book_b}).json()["jobId"]
        waiting = b.get(f"/api/v1/jobs/{job_id}").json()
        assert waiting["status"] == "queued"
        assert waiting["queue"]["unitsAhead"] == 1  # one turn of A's, then B's
        stack.start_worker()
        done = b.wait(job_id)
        assert done["status"] == "completed" and done["queue"] is None
