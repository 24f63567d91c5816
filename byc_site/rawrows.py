"""Model instances from hand-written SQL, for the few queries on every API request's path.

The ORM spends longer compiling a small query than SQLite or PostgreSQL spend answering it
(about 0.3 to 1 ms against 30 to 100 µs here), and the API's hot path runs one or two such
queries per request. These helpers let a module build its SQL once and still hand out ordinary
model instances, with values converted as the ORM would convert them.

Only the field types our hot-path models use are supported; anything else is refused when the
column list is built, not silently mis-converted.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal

from django.db import models

_SUPPORTED = (
    models.AutoField,
    models.BigAutoField,
    models.BooleanField,
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.DecimalField,
    models.DateTimeField,
    models.UUIDField,
    models.ForeignKey,
)


def model_fields(model: type[models.Model], attnames: set[str] | None = None) -> list[models.Field]:
    """The model's concrete fields (all, or those named), in the order Model.from_db expects."""
    fields = [field for field in model._meta.concrete_fields if attnames is None or field.attname in attnames]
    for field in fields:
        if not isinstance(field, _SUPPORTED):
            raise TypeError(f"{model.__name__}.{field.name}: {type(field).__name__} is not supported here")
    return fields


def column_list(fields: Sequence[models.Field], quote, alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + quote(field.column) for field in fields)


def _as_datetime(value: object) -> datetime:
    if isinstance(value, str):  # SQLite keeps "YYYY-MM-DD HH:MM:SS[.ffffff]" in UTC
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _as_uuid(value: object) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)  # SQLite keeps 32 hex digits


def _as_decimal(value: object) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _unchanged(value: object) -> object:
    return value


def converter(field: models.Field) -> Callable[[object], object]:
    """A function turning this field's database value into what the ORM would give."""
    if isinstance(field, models.DateTimeField):
        return _as_datetime
    if isinstance(field, models.UUIDField):
        return _as_uuid
    if isinstance(field, models.BooleanField):
        return bool  # SQLite answers 0 or 1
    if isinstance(field, models.DecimalField):
        return _as_decimal
    if isinstance(field, models.ForeignKey):
        return converter(field.target_field)
    return _unchanged  # text and integers come back as they are


class RowReader:
    """Turns rows of `fields` (selected in that order) into instances of `model`."""

    def __init__(self, model: type[models.Model], fields: Sequence[models.Field]) -> None:
        self.model = model
        self.attnames = [field.attname for field in fields]
        self.converters = [converter(field) for field in fields]

    def __len__(self) -> int:
        return len(self.attnames)

    def instance(self, values: Sequence[object], db_alias: str) -> models.Model:
        converted = [
            None if value is None else convert(value) for convert, value in zip(self.converters, values, strict=True)
        ]
        return self.model.from_db(db_alias, self.attnames, converted)
