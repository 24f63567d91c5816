"""Handing work to the django-q2 workers. Tasks take ids; callers enqueue after their commit."""

from __future__ import annotations

import uuid

from django.utils import timezone
from django_q.tasks import async_task

from covers.models import Job


def job_enqueue(*, job_id: uuid.UUID) -> None:
    """Hand a queued job to the workers (called after the accepting transaction commits)."""
    Job.objects.filter(pk=job_id, status=Job.QUEUED).update(enqueued_at=timezone.now())
    async_task("covers.tasks.job_run_task", str(job_id), task_name=f"job-{job_id}")


def helpers_enqueue(*, job_id: uuid.UUID, helpers: int) -> None:
    for number in range(helpers):
        async_task("covers.tasks.job_help_task", str(job_id), task_name=f"job-{job_id}-help-{number}")


def webhook_enqueue(*, delivery_id: int) -> None:
    async_task("covers.tasks.webhook_deliver_task", delivery_id, task_name=f"webhook-{delivery_id}")
