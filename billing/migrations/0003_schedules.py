from django.db import migrations

# django-q2 schedules for the billing housekeeping. The functions are looked up by dotted path.
SCHEDULES = [
    ("billing: renew accounts", "billing.tasks.renew_accounts", "I", 10),
    ("billing: purge idempotency records", "billing.tasks.purge_idempotency_records", "H", None),
]


def create_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    for name, func, schedule_type, minutes in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name,
            defaults={"func": func, "schedule_type": schedule_type, "minutes": minutes, "repeats": -1},
        )


def delete_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name__in=[name for name, *_ in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("billing", "0002_plans"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]
    operations = [migrations.RunPython(create_schedules, delete_schedules)]
