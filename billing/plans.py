"""The plans we sell. Migration 0002 created them; `plans_ensure` puts them back after a flush
(e.g. between transactional tests, which empty every table)."""

from __future__ import annotations

from decimal import Decimal

from billing.models import Plan

DEFAULT_PLANS: tuple[tuple[str, str, int, int, Decimal], ...] = (
    # code, name, monthly credits, concurrent jobs, price (USD a month)
    (Plan.TRIAL, "Trial", 0, 2, Decimal("0.00")),
    (Plan.STARTER, "Starter", 300, 5, Decimal("149.00")),
    (Plan.GROWTH, "Growth", 500, 10, Decimal("199.00")),
    (Plan.SCALE, "Scale", 1500, 20, Decimal("399.00")),
)


def plans_ensure() -> None:
    """Create any missing default plan; existing plans (perhaps edited by staff) are left alone."""
    if Plan.objects.count() >= len(DEFAULT_PLANS):
        return
    for code, name, credits, concurrency, price in DEFAULT_PLANS:
        Plan.objects.get_or_create(
            code=code,
            defaults={"name": name, "monthly_credits": credits, "max_concurrent_jobs": concurrency, "price_usd": price},
        )
