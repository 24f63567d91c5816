"""One description per request field: its API name, limit, allowed values.

A request type is a tuple of specs (`books.specs.BOOK_CREATE`, `covers.specs.GENERATE`, ...). The
same specs drive the services' checks (`check_length`, `check_count`), the OpenAPI schema
(`request_serializer`), the web forms' limits and the live counters in the pages, so a limit is
written once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from byc_site.errors import ApplicationError


def _refused_characters_pattern() -> re.Pattern:
    """Characters no text we accept may hold, whatever the field: they are never meant as text.

    Control characters except tab and line breaks (NUL above all: PostgreSQL cannot store it, SQLite
    can, so the two backends would disagree), lone surrogates (JSON's "\\ud800" escapes; they cannot
    be encoded as UTF-8) and Unicode's noncharacters (U+FDD0..U+FDEF and the last two code points of
    every plane).
    """
    ranges = [
        "\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f",
        "\\ud800-\\udfff",
        "\\ufdd0-\\ufdef",
        *(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)),
    ]
    return re.compile("[" + "".join(ranges) + "]")


REFUSED_CHARACTERS = _refused_characters_pattern()


def refused_characters(value: str) -> list[str]:
    """The distinct refused characters of `value`, in order of appearance."""
    return list(dict.fromkeys(REFUSED_CHARACTERS.findall(value)))


def check_characters(name: str, value: str) -> None:
    """400 unsupported_characters naming the field when `value` holds a refused character."""
    refused = refused_characters(value)
    if refused:
        shown = ", ".join(f"U+{ord(char):04X}" for char in refused[:5])
        raise ApplicationError(
            "unsupported_characters", f"{name} contains characters that are not text: {shown}.", field=name
        )


@dataclass(frozen=True)
class TextSpec:
    """A free-text field. `drawn` text is set on the cover, so every character needs a font."""

    name: str
    max_length: int | None = None
    required: bool = False
    drawn: bool = False
    multiline: bool = False
    help: str = ""
    # May the field be sent empty (or only spaces)? None: yes unless it is required. A required field
    # made optional for a partial update keeps blank=False: it may be left out, not emptied.
    blank: bool | None = None

    @property
    def blank_allowed(self) -> bool:
        return not self.required if self.blank is None else self.blank

    def check_length(self, value: str) -> None:
        """The field's limit, and no refused character (`check_characters`)."""
        check_characters(self.name, value)
        if self.max_length is not None and len(value) > self.max_length:
            raise ApplicationError(
                "field_too_long",
                f"{self.name} is {len(value)} characters long; the maximum is {self.max_length}.",
                field=self.name,
            )

    def serializer_field(self) -> serializers.Field:
        extra = {"max_length": self.max_length} if self.max_length else {}
        if not self.blank_allowed:
            extra["min_length"] = 1  # the service refuses it empty or only spaces, as missing
        # null is taken as "not given" by the services, like an empty string.
        return serializers.CharField(
            required=self.required, allow_null=self.blank_allowed, help_text=self.help, **extra
        )


@dataclass(frozen=True)
class UrlSpec(TextSpec):
    def serializer_field(self) -> serializers.Field:
        return serializers.URLField(
            required=self.required, allow_null=self.blank_allowed, help_text=self.help, max_length=self.max_length
        )


@dataclass(frozen=True)
class ChoiceSpec:
    """A field whose value must be one of `choices` (slug -> label)."""

    name: str
    choices: tuple[str, ...]
    required: bool = False
    help: str = ""

    def serializer_field(self) -> serializers.Field:
        return serializers.ChoiceField(choices=list(self.choices), required=self.required, help_text=self.help)


@dataclass(frozen=True)
class CountSpec:
    """How many things a request makes: an integer from `low` to `high`."""

    name: str
    low: int
    high: int
    default: int
    help: str = ""

    def check(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not self.low <= value <= self.high:
            raise ApplicationError(
                "invalid_count", f"{self.name} must be an integer between {self.low} and {self.high}.", field=self.name
            )
        return value

    @property
    def values(self) -> range:
        return range(self.low, self.high + 1)

    def serializer_field(self) -> serializers.Field:
        return serializers.IntegerField(
            min_value=self.low, max_value=self.high, required=False, default=self.default, help_text=self.help
        )


@dataclass(frozen=True)
class UuidSpec:
    name: str
    required: bool = True
    help: str = ""

    def serializer_field(self) -> serializers.Field:
        return serializers.UUIDField(required=self.required, help_text=self.help)


Spec = TextSpec | ChoiceSpec | CountSpec | UuidSpec


@dataclass(frozen=True)
class RequestSpec:
    """The fields of one request type, in the order their errors are reported."""

    name: str
    fields: tuple[Spec, ...]
    _by_name: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {spec.name: spec for spec in self.fields})

    def __getitem__(self, name: str) -> Spec:
        return self._by_name[name]

    def __iter__(self) -> Iterator[Spec]:
        return iter(self.fields)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.fields)

    def max_lengths(self) -> dict[str, int]:
        """`{api name: limit}` of the text fields, for pages that show live counters."""
        return {s.name: s.max_length for s in self.fields if isinstance(s, TextSpec) and s.max_length}

    def optional(self, name: str) -> RequestSpec:
        """The same fields with none required, e.g. the body of a partial update (PATCH)."""
        return RequestSpec(name, tuple(_optional(s) for s in self.fields))

    def serializer(self) -> type[serializers.Serializer]:
        """The request body for the OpenAPI schema (documentation: the services do the checking)."""
        return inline_serializer(name=self.name, fields={s.name: s.serializer_field() for s in self.fields})


def _optional(spec: Spec) -> Spec:
    if isinstance(spec, TextSpec):
        return replace(spec, required=False, blank=spec.blank_allowed)
    return replace(spec, required=False) if hasattr(spec, "required") else spec
