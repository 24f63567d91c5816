"""Finding the API key of a request: one hand-written SQL query on the hottest path of the API.

Every API request starts here. The ORM equivalent (`ApiKey.objects.select_related("account__plan",
"account__user").get(hash=...)`) spends about a millisecond building its SQL, more than the query
itself and as much as a whole simple request; this builds the SQL once per process and turns the
row into the same model instances (see byc_site.rawrows).

Kept because it pays on PostgreSQL too: an authenticated GET /api/v1/books/:id served 30-40% more
requests/s with it than with that ORM query (bench/RESULTS.md, "PostgreSQL: with and without the
hand-made fast paths"). The instances are complete, so code after authentication sees nothing
different from the ORM's.
"""

from __future__ import annotations

import functools

from django.contrib.auth import get_user_model
from django.db import connections, router

from billing.models import Account, ApiKey, Plan
from byc_site.rawrows import RowReader, column_list, model_fields


@functools.cache
def _query(db_alias: str) -> tuple[str, tuple[RowReader, ...]]:
    user_model = get_user_model()
    parts = (
        (
            "k",
            ApiKey,
            model_fields(ApiKey, {"id", "account_id", "name", "prefix", "created_at", "last_used_at", "revoked_at"}),
        ),
        ("a", Account, model_fields(Account)),
        ("p", Plan, model_fields(Plan)),
        # The whole user row: a partial instance would load its other fields lazily, one query each.
        ("u", user_model, model_fields(user_model)),
    )
    quote = connections[db_alias].ops.quote_name
    columns = ", ".join(column_list(fields, quote, alias) for alias, _, fields in parts)
    sql = (
        f"SELECT {columns} FROM {quote(ApiKey._meta.db_table)} k "
        f"JOIN {quote(Account._meta.db_table)} a ON a.{quote('id')} = k.{quote('account_id')} "
        f"JOIN {quote(Plan._meta.db_table)} p ON p.{quote('id')} = a.{quote('plan_id')} "
        f"JOIN {quote(user_model._meta.db_table)} u ON u.{quote(user_model._meta.pk.column)} = a.{quote('user_id')} "
        f"WHERE k.{quote('hash')} = %s"
    )
    return sql, tuple(RowReader(model, fields) for _, model, fields in parts)


def api_key_by_hash(key_hash: str) -> ApiKey | None:
    """The key with this hash (revoked or not), its account, plan and user attached; None if unknown."""
    db_alias = router.db_for_read(ApiKey)
    sql, readers = _query(db_alias)
    with connections[db_alias].cursor() as cursor:
        cursor.execute(sql, [key_hash])
        row = cursor.fetchone()
    if row is None:
        return None
    instances = []
    position = 0
    for reader in readers:
        instances.append(reader.instance(row[position : position + len(reader)], db_alias))
        position += len(reader)
    api_key, account, plan, user = instances
    account.plan = plan
    account.user = user
    api_key.account = account
    api_key.hash = key_hash
    return api_key
