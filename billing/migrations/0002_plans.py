from decimal import Decimal

from django.db import migrations

PLANS = [
    ("starter", "Starter", 300, 5, Decimal("149.00")),
    ("growth", "Growth", 500, 10, Decimal("199.00")),
    ("scale", "Scale", 1500, 20, Decimal("399.00")),
]


def create_plans(apps, schema_editor):
    Plan = apps.get_model("billing", "Plan")
    for code, name, credits, concurrency, price in PLANS:
        Plan.objects.update_or_create(
            code=code,
            defaults={"name": name, "monthly_credits": credits, "max_concurrent_jobs": concurrency, "price_usd": price},
        )


class Migration(migrations.Migration):
    dependencies = [("billing", "0001_initial")]
    operations = [migrations.RunPython(create_plans, migrations.RunPython.noop)]
