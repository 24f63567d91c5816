"""`python manage.py renew_accounts`: the renewal the django-q2 schedule runs, on demand."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.utils.dateparse import parse_datetime

from billing.services import accounts_renew


class Command(BaseCommand):
    help = "Grant monthly credits to accounts whose period has ended and expire the unused ones. Idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", help="Pretend it is this ISO 8601 moment (for tests and back-fills).")

    def handle(self, *args, **options) -> None:
        now = parse_datetime(options["now"]) if options["now"] else None
        renewed = accounts_renew(now=now)
        self.stdout.write(f"Renewed {renewed} account(s).")
