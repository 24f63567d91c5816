"""Handing work to the django-q2 workers. Tasks take ids; callers enqueue after their commit.

A job is handed over as work tokens, one per unit still to claim: each token is a task that renders
the next unit of whichever account has waited longest (`run.unit_next_run`), so the broker's FIFO
order never decides who is served.
"""

from __future__ import annotations

import logging
import uuid

from django.db.models import F
from django.utils import timezone
from django_q.tasks import async_task

from covers.models import Job

logger = logging.getLogger(__name__)


def job_enqueue(*, job_id: uuid.UUID | str) -> bool:
    """Hand a job's unclaimed units to the workers (after the accepting transaction commits).

    A broker that cannot be reached is logged, not raised: the client already has its 202 and its
    job, which stays queued with no `enqueued_at`, and the sweeper enqueues it again. Returns
    whether the broker took every token.
    """
    job = Job.objects.filter(pk=job_id, status__in=Job.ACTIVE_STATUSES).values("count", "units_claimed").first()
    if job is None:
        return False
    try:
        for _unit in range(job["count"] - job["units_claimed"]):
            async_task("covers.tasks.unit_next_task", task_name=f"unit-{job_id}")
    except Exception:
        logger.warning(
            "Job %s could not be handed to the broker; the sweeper will enqueue it again", job_id, exc_info=True
        )
        return False
    Job.objects.filter(pk=job_id, status__in=Job.ACTIVE_STATUSES, units_claimed__lt=F("count")).update(
        enqueued_at=timezone.now()
    )
    return True


def webhook_enqueue(*, delivery_id: int) -> None:
    """Send a delivery now; if the broker is down, the every-minute retry schedule picks it up (it is due)."""
    try:
        async_task("covers.tasks.webhook_deliver_task", delivery_id, task_name=f"webhook-{delivery_id}")
    except Exception:
        logger.warning("Webhook delivery %s could not be enqueued; the retry schedule will send it", delivery_id)
