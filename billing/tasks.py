"""Background housekeeping for billing, run by django-q2 schedules (see migration 0003_schedules)."""

from __future__ import annotations

import logging

from billing.services import accounts_renew
from byc_site.idempotency import idempotency_records_purge

logger = logging.getLogger(__name__)


def renew_accounts() -> int:
    """Every ten minutes: renew the accounts whose billing period has ended."""
    renewed = accounts_renew()
    if renewed:
        logger.info("Renewed %d account(s)", renewed)
    return renewed


def purge_idempotency_records() -> int:
    """Hourly: forget stored idempotent responses older than 48 hours."""
    return idempotency_records_purge()
