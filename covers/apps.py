from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoversConfig(AppConfig):
    name = "covers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_after_migrate, sender=self)
        # Covers drawn by an image model keep their picture in our file storage; the engine reads it
        # from there whenever such a cover is rendered again (other formats, upscale, print wrap).
        from cover_engine.art_providers import image_loader_set
        from covers.storage import file_read

        image_loader_set(file_read)
        from covers import checks  # noqa: F401 (registers the system checks)


# The background schedules this app needs, (re)declared at every migrate: name -> (task, every N minutes).
SCHEDULES = {
    "covers: sweep stuck jobs": ("covers.tasks.jobs_sweep_task", 1),
    "covers: retry webhooks": ("covers.tasks.webhooks_retry_task", 1),
    "covers: purge deleted books and covers": ("covers.tasks.deleted_purge_task", 60),
    "covers: feed batches": ("covers.tasks.batches_feed_task", 1),
    "covers: delete orphaned files": ("covers.tasks.orphan_files_delete_task", 60),
}


def _after_migrate(sender: AppConfig, using: str = "default", **kwargs) -> None:
    """Mirror the engine's templates and make sure the sweeper, webhook-retry and batch schedules exist."""
    from django_q.models import Schedule

    from covers.services import template_sync

    template_sync()
    for name, (func, minutes) in SCHEDULES.items():
        Schedule.objects.using(using).update_or_create(
            name=name, defaults={"func": func, "schedule_type": Schedule.MINUTES, "minutes": minutes, "repeats": -1}
        )
