"""The API's JSON parser: DRF's, plus a bound on nesting and the character check on every string.

Python's json module recurses once per nesting level, so a body of 5,000 `[` raised
RecursionError (a 500 and a long traceback in the logs). The depth is measured on the raw text
before parsing, in one linear pass, and bodies nested deeper than API_MAX_JSON_DEPTH are refused.
Every string of the document, keys included, then goes through `check_characters`, so NUL or a lone
surrogate is refused the same way whichever field holds it and whatever the database.
"""

from __future__ import annotations

import codecs
import re

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.utils import json

from byc_site.fieldspec import check_characters

DEFAULT_MAX_DEPTH = 32

# One left-to-right pass: a run of plain text, a string (its closing quote optional, so an unterminated
# one ends the text instead of being retried from every later quote: quadratic), or one bracket.
_TOKEN = re.compile(r'[^"\[\]{}]+|"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


def json_depth(text: str, *, stop_above: int | None = None) -> int:
    """The deepest nesting of arrays and objects in a JSON text (brackets inside strings do not count).

    With `stop_above`, the count stops as soon as it is passed (the answer is then stop_above + 1).
    """
    depth = deepest = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
            if stop_above is not None and deepest > stop_above:
                break
        elif token in ("]", "}"):
            depth -= 1
    return deepest


def check_strings(value: object, field: str = "body") -> None:
    """`check_characters` on every key and string of a parsed document, naming the top-level field."""
    stack = [(value, field)]
    while stack:
        item, name = stack.pop()
        if isinstance(item, str):
            check_characters(name, item)
        elif isinstance(item, dict):
            for key, child in item.items():
                check_characters(name if name != "body" else "a field name", key)
                stack.append((child, key if name == "body" else name))
        elif isinstance(item, list):
            stack.extend((child, name) for child in item)


class GuardedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None) -> object:
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        raw = stream.read() if stream is not None else b""
        try:
            text = codecs.decode(raw, encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ParseError(f"JSON parse error - {exc}") from None
        limit = getattr(settings, "API_MAX_JSON_DEPTH", DEFAULT_MAX_DEPTH)
        if json_depth(text, stop_above=limit) > limit:
            raise ParseError(f"JSON parse error - nested deeper than {limit} levels")
        try:
            data = json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from None
        check_strings(data)
        return data
