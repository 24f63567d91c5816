"""How values are written in API responses, shared by every app."""

from __future__ import annotations

from datetime import UTC, datetime


def api_datetime(moment: datetime | None) -> str | None:
    """UTC, to the second, with a Z: "2025-01-15T10:30:00Z" (the contract's shape)."""
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def api_datetime_ms(moment: datetime | None) -> str | None:
    """UTC with milliseconds: "2025-01-15T11:30:00.000Z" (the contract's shape for expiresAt)."""
    if moment is None:
        return None
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
