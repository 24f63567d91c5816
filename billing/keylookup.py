"""Finding the API key of a request: one hand-written SQL query on the hottest path of the API.

Every API request starts here. The ORM equivalent (`ApiKey.objects.select_related("account__plan",
"account__user").get(hash=...)`) spends about a millisecond building its SQL, more than the query
itself and as much as a whole simple request; this builds the SQL once per process and turns the
row into the same model instances (related objects attached, values converted as the ORM does).
"""

from __future__ import annotations

import functools
from datetime import UTC

from django.contrib.auth import get_user_model
from django.db import connections, models, router
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

from billing.models import Account, ApiKey, Plan

_WANTED = {
    ApiKey: {"id", "account_id", "name", "prefix", "created_at", "last_used_at", "revoked_at"},
    Account: {
        "id",
        "user_id",
        "plan_id",
        "is_active",
        "period_start",
        "period_end",
        "webhook_url",
        "webhook_secret",
        "created_at",
    },
    Plan: {"id", "code", "name", "monthly_credits", "max_concurrent_jobs", "price_usd"},
}


def _fields(model: type[models.Model], wanted: set[str]) -> list[models.Field]:
    # Model.from_db expects values in the order of the model's concrete fields.
    return [field for field in model._meta.concrete_fields if field.attname in wanted]


@functools.cache
def _query(vendor: str) -> tuple[str, tuple]:
    user_model = get_user_model()
    user_wanted = {"id", "username", "email", "is_active", "is_staff", "is_superuser", "first_name", "last_name"}
    parts = (
        ("k", ApiKey, _fields(ApiKey, _WANTED[ApiKey])),
        ("a", Account, _fields(Account, _WANTED[Account])),
        ("p", Plan, _fields(Plan, _WANTED[Plan])),
        ("u", user_model, _fields(user_model, user_wanted)),
    )
    quote = connections[router.db_for_read(ApiKey)].ops.quote_name
    columns = ", ".join(f"{alias}.{quote(field.column)}" for alias, _, fields in parts for field in fields)
    sql = (
        f"SELECT {columns} FROM {quote(ApiKey._meta.db_table)} k "
        f"JOIN {quote(Account._meta.db_table)} a ON a.id = k.{quote('account_id')} "
        f"JOIN {quote(Plan._meta.db_table)} p ON p.id = a.{quote('plan_id')} "
        f"JOIN {quote(user_model._meta.db_table)} u ON u.{quote(user_model._meta.pk.column)} = a.{quote('user_id')} "
        f"WHERE k.{quote('hash')} = %s"
    )
    return sql, parts


def _to_python(field: models.Field, value: object) -> object:
    """What the ORM's converters would give: aware datetimes, bools, Decimals."""
    if value is None:
        return None
    if isinstance(field, models.DateTimeField):
        if isinstance(value, str):
            value = parse_datetime(value)
        return make_aware(value, UTC) if is_naive(value) else value
    return field.to_python(value)


def api_key_by_hash(key_hash: str) -> ApiKey | None:
    """The key with this hash (revoked or not), its account, plan and user attached; None if unknown."""
    alias = router.db_for_read(ApiKey)
    connection = connections[alias]
    sql, parts = _query(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [key_hash])
        row = cursor.fetchone()
    if row is None:
        return None
    instances = []
    position = 0
    for _, model, fields in parts:
        values = [_to_python(field, row[position + index]) for index, field in enumerate(fields)]
        position += len(fields)
        instances.append(model.from_db(alias, [field.attname for field in fields], values))
    api_key, account, plan, user = instances
    account.plan = plan
    account.user = user
    api_key.account = account
    api_key.hash = key_hash
    return api_key
