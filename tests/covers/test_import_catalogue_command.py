"""`manage.py import_catalogue FILE --account EMAIL [--generate N]`."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from billing.services import credits_balance
from books.models import Book
from covers.models import Batch, Job

CSV = """title,author,genre,subgenre,summary,external_ref,Main elements
Harbour Lights,Ada Reyes,mystery,,"A keeper finds a letter
in a bottle.",isbn-1,a lighthouse
The Glass Orchard,Ada Reyes,fantasy,epic-fantasy,An orchard of glass trees.,isbn-2,
Broken,Ada Reyes,Mystery,,A typo in the genre.,isbn-3,
Salt Winds,Ada Reyes,romance,,,isbn-4,
"""


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _run(*args) -> tuple[str, CommandError | None]:
    out = io.StringIO()
    try:
        call_command("import_catalogue", *map(str, args), stdout=out)
    except CommandError as error:
        return _flat(out), error
    return _flat(out), None


def _flat(out: io.StringIO) -> str:
    """The output with the terminal's line wrapping undone."""
    return " ".join(out.getvalue().split())


@pytest.mark.django_db
def test_without_generate_it_imports_the_good_rows_as_books_once(make_account, tmp_path):
    account = make_account()
    path = _write(tmp_path, "catalogue.csv", CSV)
    out, error = _run(path, "--account", account.user.email.upper())
    # The bad row is listed by its file line (the quoted summary of line 2 spans two lines).
    assert "Line" in out and "5" in out and "genre" in out and "Unknown genre 'Mystery'" in out
    assert "3 book(s) made, 0 found again" in out
    assert "1 row(s) with errors were left out" in str(error)
    assert sorted(Book.objects.filter(account=account).values_list("external_ref", flat=True)) == [
        "isbn-1",
        "isbn-2",
        "isbn-4",
    ]
    out, _error = _run(path, "--account", account.user.email)
    assert "0 book(s) made, 3 found again" in out
    assert Book.objects.filter(account=account).count() == 3
    assert not Job.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_with_generate_it_makes_covers_and_follows_the_batch_to_the_end(make_account, tmp_path, settings, run_jobs):
    settings.COVERS_RENDER_SCALE = 0.1
    account = make_account(monthly=10)
    books = [
        {"title": "Harbour Lights", "author": "Ada Reyes", "genre": "mystery", "external_ref": "isbn-1"},
        {"title": "Glass Orchard", "author": "Ada Reyes", "genre": "fantasy", "external_ref": "isbn-2", "count": 1},
    ]
    path = _write(tmp_path, "catalogue.json", json.dumps({"books": books}))
    out, error = _run(path, "--account", account.user.email, "--generate", 2)
    assert error is None, out
    assert "All 2 rows are valid." in out
    assert "3 credit(s) to charge" in out
    assert "Generating" in out and "2/2" in out and "ETA" in out
    assert "Batch completed: 2 book(s) with covers, 0 failed, 3 credit(s) used." in out
    batch = Batch.objects.get()
    assert batch.origin == Batch.ORIGIN_COMMAND and batch.source_name == "catalogue.json"
    assert sorted(Job.objects.values_list("count", flat=True)) == [1, 2]
    assert credits_balance(account=account).total == 7


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--account", "nobody@example.com"], "No account with the email"),
        (["--account", "{email}", "--generate", "9"], "count must be an integer between 1 and 5"),
    ],
)
def test_it_explains_what_it_cannot_do(make_account, tmp_path, args, message):
    account = make_account()
    path = _write(tmp_path, "catalogue.csv", CSV)
    _out, error = _run(path, *[a.format(email=account.user.email) for a in args])
    assert message in str(error)


@pytest.mark.django_db
def test_it_refuses_the_batch_when_the_credits_do_not_cover_it(make_account, tmp_path):
    account = make_account(monthly=2)
    path = _write(tmp_path, "catalogue.csv", CSV)
    _out, error = _run(path, "--account", account.user.email, "--generate", 1)
    assert "Insufficient credits. Need 3, have 2" in str(error)
    assert "nothing was charged" in str(error)
    assert not Book.objects.exists() and not Job.objects.exists()
    assert credits_balance(account=account).total == 2
