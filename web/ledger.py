"""The credit ledger in plain words: "3 credits for 3 covers of *The Last Witness*".

Each line says what the credits paid for (or why they came or went) and names the book, the cover
and the job (which shows the prompt) it links to. The words live here, once; the account page
template only places them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from billing.models import CreditEntry
from books.models import Book
from covers.models import Job


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


@dataclass(frozen=True)
class LedgerLine:
    entry: CreditEntry
    lead: str  # the words before the book's title ("3 credits for 3 covers of")
    book: Book | None = None
    tail: str = ""  # the words after it (a reason, a memo)
    job: Job | None = None
    cover_id: uuid.UUID | None = None
    prompt: str = ""


def _job_words(job: Job) -> str:
    """What a job made, ready for "of <book>"."""
    if job.operation == Job.OP_GENERATE:
        return _count(job.count, "cover") + " of"
    if job.operation == Job.OP_VARIATION:
        return _count(job.count, "variation") + " of a cover of"
    if job.operation == Job.OP_EDIT:
        return "an edit of a cover of"
    if job.operation == Job.OP_UPSCALE:
        return "a high-resolution version of a cover of"
    if job.operation == Job.OP_AUDIOBOOK:
        return "the audiobook cover of a cover of"
    return f"a {job.get_operation_display().lower()} job for"


def _job_line(entry: CreditEntry, job: Job) -> LedgerLine:
    credits = _count(abs(entry.amount), "credit")
    covers = list(job.covers.all())
    cover_id = covers[0].id if covers else job.source_cover_id
    prompt = (job.params or {}).get("prompt", "") if job.operation == Job.OP_EDIT else ""
    if entry.kind == CreditEntry.KIND_REFUND:
        lead = f"{credits} back for {_job_words(job)}"
        tail = f": {job.error_message}" if job.error_message else ": not made"
    else:
        lead, tail = f"{credits} for {_job_words(job)}", ""
    return LedgerLine(entry, lead, job.book, tail, job, cover_id, prompt)


def ledger_line(entry: CreditEntry, jobs: dict[str, Job]) -> LedgerLine:
    """One ledger entry in words; `jobs` holds the jobs the entries' `job:<id>` references name."""
    job = jobs.get(entry.reference[4:]) if entry.reference.startswith("job:") else None
    if job is not None:
        return _job_line(entry, job)
    credits = _count(abs(entry.amount), "credit")
    memo = f": {entry.memo}" if entry.memo else ""
    if entry.kind == CreditEntry.KIND_GRANT:
        return LedgerLine(entry, f"{_count(entry.amount, 'monthly credit')} for the new period")
    if entry.kind == CreditEntry.KIND_EXPIRY:
        return LedgerLine(
            entry, f"{_count(abs(entry.amount), 'unused monthly credit')} expired at the end of the period"
        )
    if entry.kind == CreditEntry.KIND_PURCHASE:
        return LedgerLine(entry, f"{credits} added, never expiring", tail=memo)
    if entry.kind == CreditEntry.KIND_ADJUSTMENT:
        verb = "added" if entry.amount > 0 else "removed"
        return LedgerLine(entry, f"{credits} {verb} by staff", tail=memo)
    verb = "spent" if entry.amount < 0 else "back"
    return LedgerLine(entry, f"{credits} {verb}", tail=memo)
