from django.core.management.base import BaseCommand

from covers.models import Template
from covers.services import template_sync
from covers.services.thumbs import template_previews_render


class Command(BaseCommand):
    help = "Mirror the cover engine's template catalogue into the database (also done by migrate)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--previews",
            action="store_true",
            help="Also render into storage every template preview not there yet (otherwise the first request does).",
        )

    def handle(self, *args, **options) -> None:
        count = template_sync()
        self.stdout.write(f"{count} templates in the engine's catalogue")
        if options["previews"]:
            ids = Template.objects.filter(in_engine=True).values_list("id", flat=True)
            made = template_previews_render(template_ids=list(ids))
            self.stdout.write(f"{made} template previews rendered into storage")
