"""django-q2 tasks. Each takes ids, never model instances, and calls one service."""

from __future__ import annotations

from byc_site.logcontext import log_context
from covers import deliveries, services


def unit_next_task() -> bool:
    """A work token: render the next unit of the account served least recently."""
    return services.unit_next_run()


def job_run_task(job_id: str) -> bool:
    """Tasks enqueued before work tokens existed (one per job) may still sit in a broker."""
    with log_context(job_id=job_id):
        return services.job_run(job_id=job_id)


def job_help_task(job_id: str) -> int:
    with log_context(job_id=job_id):
        return services.job_work(job_id=job_id)


def batch_feed_task(batch_id: str) -> int:
    return services.batch_feed(batch_id=batch_id)


def batches_feed_task() -> int:
    return services.batches_feed()


def webhook_deliver_task(delivery_id: int) -> bool:
    with log_context(delivery_id=delivery_id):
        return deliveries.webhook_deliver(delivery_id=delivery_id)


def jobs_sweep_task() -> str:
    report = services.jobs_sweep()
    return f"lost units {report.lost_units}, failed {report.failed}, requeued {report.requeued}"


def deleted_purge_task() -> str:
    report = services.deleted_purge()
    return f"purged {report.books} book(s), {report.covers} cover(s), {report.files} file(s)"


def webhooks_retry_task() -> int:
    """Every minute: hand each due delivery to a worker of its own (a slow receiver blocks only that one)."""
    due = deliveries.webhooks_due()
    for delivery_id in due:
        services.webhook_enqueue(delivery_id=delivery_id)
    return len(due)


def orphan_files_delete_task() -> int:
    """Every hour: delete stored images of renders that crashed before they were recorded."""
    return services.orphan_files_delete()
