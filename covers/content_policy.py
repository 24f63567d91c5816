"""The content policy: a maintained list of terms a cover request may not contain.

Matching is on whole words and phrases, case-insensitive and accent-insensitive, so "PÉDO"
matches "pedo" but "torpedo" does not. The shipped list lives in content_policy_terms.txt;
operators extend it (or replace it) with a file of their own, one term a line.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from covers import conf

SHIPPED_TERMS_FILE = Path(__file__).with_name("content_policy_terms.txt")

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Lower-case, accents removed, punctuation turned into single spaces, padded with one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " " + _NON_WORD.sub(" ", stripped.casefold()).strip() + " "


def _read_terms(path: Path) -> list[str]:
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            terms.append(line)
    return terms


@functools.cache
def _terms_for(shipped: Path, operator_file: str, mode: str) -> tuple[str, ...]:
    terms = [] if (operator_file and mode == "replace") else _read_terms(shipped)
    if operator_file:
        terms += _read_terms(Path(operator_file))
    normalised = {normalise(term) for term in terms}
    return tuple(sorted(term for term in normalised if term.strip()))


def policy_terms() -> tuple[str, ...]:
    """The normalised terms in force (each padded with spaces so matching is on whole words)."""
    return _terms_for(SHIPPED_TERMS_FILE, conf.content_policy_terms_file(), conf.content_policy_mode())


def policy_violations(text: str) -> list[str]:
    """The policy terms found in `text`, as written in the list (normalised), in list order."""
    if not text:
        return []
    haystack = normalise(text)
    return [term.strip() for term in policy_terms() if term in haystack]


def fields_violating_policy(fields: dict[str, str]) -> list[str]:
    """Names of the fields whose text hits the policy, in the order given."""
    return [name for name, value in fields.items() if isinstance(value, str) and policy_violations(value)]
