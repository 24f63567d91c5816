"""`python manage.py import_catalogue FILE --account EMAIL [--generate N]`: a catalogue into an account.

Every row is checked first (the same rules as the API); the bad ones are listed by line and field
and left out. Without --generate the good rows become books (found again by external_ref, never
duplicated). With --generate N they become a batch of N covers per book (a row's own `count`
wins), charged per job as the workers take them, and a progress bar follows it to the end.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from billing.selectors import account_get_by_email
from byc_site.errors import ApplicationError
from covers import representations, services, specs
from covers.models import Batch

POLL_SECONDS = 0.5
# When nothing moves for this long, say that a worker (`manage.py qcluster`) must be running.
IDLE_HINT_SECONDS = 30


class Command(BaseCommand):
    help = "Import a CSV or JSON catalogue of books into an account; with --generate, make covers for them."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="A .csv (first line: column names) or .json (a list of books) catalogue.")
        parser.add_argument("--account", required=True, help="The email of the account to import into.")
        parser.add_argument(
            "--generate",
            type=int,
            metavar="N",
            help=f"Make N ({specs.COUNT.low}-{specs.COUNT.high}) covers per book (a row's own count wins).",
        )
        parser.add_argument("--webhook-url", default="", help="Send batch.completed here (else the account's URL).")
        parser.add_argument("--no-wait", action="store_true", help="Start the batch and return at once.")

    def handle(self, *args, **options) -> None:
        console = Console(file=self.stdout, highlight=False)
        account = account_get_by_email(email=options["account"])
        if account is None:
            raise CommandError(f"No account with the email {options['account']!r}.")
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}.") from None
        generate = options["generate"]
        try:
            rows = services.catalogue_parse(content=content, filename=path.name)
            report = services.catalogue_check(rows=rows, default_count=generate or specs.COUNT.default)
        except ApplicationError as error:
            raise CommandError(error.message) from None
        _print_problems(console, report)
        if not report.good:
            raise CommandError("No row of the catalogue can be imported.")
        try:
            if generate is None:
                made, found = services.catalogue_books_import(account=account, report=report)
                console.print(f"{made} book(s) made, {found} found again by external_ref. No covers were made.")
            else:
                batch = services.batch_draft_create(
                    account=account,
                    report=report,
                    origin=Batch.ORIGIN_COMMAND,
                    source_name=path.name,
                    webhook_url=options["webhook_url"],
                )
                batch = services.batch_start(account=account, batch_id=batch.id)
                self._follow(console, batch, wait=not options["no_wait"])
        except ApplicationError as error:
            raise CommandError(f"{error.message} ({error.code}); nothing was charged.") from None
        if report.problems:
            raise CommandError(f"{len(report.bad_lines)} row(s) with errors were left out (listed above).")

    def _follow(self, console: Console, batch: Batch, *, wait: bool) -> None:
        accepted = representations.batch_accepted(batch)
        console.print(
            f"Batch {batch.id}: {accepted['counts']['total']} book(s), {accepted['reused']} already with covers, "
            f"{accepted['credits_needed']} credit(s) to charge as the jobs are accepted."
        )
        if not wait:
            return
        total = accepted["counts"]["total"]
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("books"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
        )
        last_done, last_change = -1, time.monotonic()
        try:
            with Progress(*columns, console=console, transient=False) as progress:
                task = progress.add_task("Generating", total=total)
                while True:
                    batch.refresh_from_db(fields=["status"])
                    counts = representations.batch_counts(representations.batch_rows(batch))
                    done = counts["completed"] + counts["failed"]
                    progress.update(task, completed=done)
                    if batch.is_finished:
                        break
                    if done != last_done:
                        last_done, last_change = done, time.monotonic()
                    elif time.monotonic() - last_change > IDLE_HINT_SECONDS:
                        progress.console.print("Nothing moved for a while: is a worker running (manage.py qcluster)?")
                        last_change = time.monotonic()
                    time.sleep(POLL_SECONDS)
        except KeyboardInterrupt:
            console.print(f"Stopped watching; the batch goes on. Follow it at /batches/{batch.id}/.")
            return
        console.print(
            f"Batch {batch.status}: {counts['completed']} book(s) with covers, {counts['failed']} failed, "
            f"{representations.batch_detail(batch, signed=False)['credits_used']} credit(s) used."
        )


def _print_problems(console: Console, report) -> None:
    if not report.problems:
        console.print(f"All {len(report.good)} rows are valid.")
        return
    table = Table(title=f"{len(report.bad_lines)} row(s) with errors, left out", title_justify="left")
    for heading in ("Line", "external_ref", "Field", "Problem"):
        table.add_column(heading)
    for problem in report.problems:
        table.add_row(str(problem.line), problem.external_ref, problem.field, problem.message)
    console.print(table)
    console.print(f"{len(report.good)} valid row(s).")
