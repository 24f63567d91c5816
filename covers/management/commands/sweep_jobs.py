from django.core.management.base import BaseCommand

from covers.services import jobs_sweep


class Command(BaseCommand):
    help = (
        "Refund units whose worker was lost (per-unit deadline), fail jobs stuck past the job deadline, "
        "re-enqueue work the broker lost."
    )

    def handle(self, *args, **options) -> None:
        report = jobs_sweep()
        self.stdout.write(f"lost units {report.lost_units}, failed {report.failed}, requeued {report.requeued}")
