"""`python manage.py create_account EMAIL --plan starter` for operators and scripts.

The LAST line of stdout is a JSON object {"email", "api_key", "webhook_secret"}, so a script
can read it with `tail -n 1`.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from billing.models import Plan
from billing.services import account_create, api_key_create, credits_balance
from byc_site.errors import ApplicationError


def non_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError("must not be negative")
    return number


class Command(BaseCommand):
    help = "Create a user, their account and one API key; print them as JSON on the last line."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--plan", required=True, choices=[code for code, _ in Plan.CODE_CHOICES])
        parser.add_argument(
            "--monthly", type=non_negative, help="Monthly credits for this period instead of the plan's."
        )
        parser.add_argument("--overage", type=non_negative, default=0, help="Overage credits to start with.")
        parser.add_argument("--inactive", action="store_true", help="Create it without an active subscription.")
        parser.add_argument("--webhook-url", default="", help="Default webhook URL for the account's jobs.")
        parser.add_argument("--key-name", default="Default key")

    def handle(self, *args, **options) -> None:
        try:
            account = account_create(
                email=options["email"],
                plan_code=options["plan"],
                monthly_credits=options["monthly"],
                overage_credits=options["overage"],
                is_active=not options["inactive"],
                webhook_url=options["webhook_url"],
            )
            _, raw_key = api_key_create(account=account, name=options["key_name"])
        except ApplicationError as error:
            raise CommandError(error.message) from error
        balance = credits_balance(account=account)
        self.stderr.write(
            f"Created {account.user.email} on the {account.plan.name} plan "
            f"({'active' if account.is_active else 'inactive'}; {balance.monthly} monthly + "
            f"{balance.overage} overage credits). The API key is shown only now."
        )
        self.stdout.write(
            json.dumps({"email": account.user.email, "api_key": raw_key, "webhook_secret": account.webhook_secret})
        )
