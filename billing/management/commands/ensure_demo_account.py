"""Create the demo account on first run and print its API key (used by `make run`).

The raw key is kept in BYC_DATA_DIR/demo_api_key (mode 600) so later runs can show it again.
Only the embedded default has a demo account: with BYC_PRODUCTION=1 the command refuses, since
its password is printed here and written in the README.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from billing.services import account_create, api_key_create

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo-covers"


class Command(BaseCommand):
    help = "Create demo@example.com (scale plan) with an API key if it does not exist; print the key."

    def handle(self, *args, **options) -> None:
        if settings.PRODUCTION:
            raise CommandError("No demo account in production (BYC_PRODUCTION=1): its password is public.")
        key_file = settings.DATA_DIR / "demo_api_key"
        if not get_user_model().objects.filter(username=DEMO_EMAIL).exists():
            account = account_create(email=DEMO_EMAIL, plan_code="scale", password=DEMO_PASSWORD, overage_credits=100)
            _, raw_key = api_key_create(account=account, name="Demo key")
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(raw_key + "\n")
            self.stdout.write("Created the demo account.")
        raw_key = key_file.read_text().strip() if key_file.exists() else "(unknown: create one in the web app)"
        self.stdout.write(f"  web login:  {DEMO_EMAIL} / {DEMO_PASSWORD}  at {settings.PUBLIC_URL}/login/")
        self.stdout.write(f"  API key:    {raw_key}")
        self.stdout.write(f"  try:        curl -H 'Authorization: Bearer {raw_key}' {settings.PUBLIC_URL}/api/v1/books")
