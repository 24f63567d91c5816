from django.core.management.base import BaseCommand

from covers.services import jobs_sweep


class Command(BaseCommand):
    help = "Fail and refund jobs stuck running past the deadline; re-enqueue queued jobs whose task was lost."

    def handle(self, *args, **options) -> None:
        report = jobs_sweep()
        self.stdout.write(f"failed {report.failed}, requeued {report.requeued}")
