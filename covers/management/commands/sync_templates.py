from django.core.management.base import BaseCommand

from covers.services import template_sync


class Command(BaseCommand):
    help = "Mirror the cover engine's template catalogue into the database (also done by migrate)."

    def handle(self, *args, **options) -> None:
        count = template_sync()
        self.stdout.write(f"{count} templates in the engine's catalogue")
