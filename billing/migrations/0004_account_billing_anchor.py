from django.db import migrations, models


def anchor_at_period_start(apps, schema_editor):
    Account = apps.get_model("billing", "Account")
    Account.objects.filter(billing_anchor__isnull=True).update(billing_anchor=models.F("period_start"))


class Migration(migrations.Migration):
    dependencies = [("billing", "0003_schedules")]

    operations = [
        migrations.AddField(model_name="account", name="billing_anchor", field=models.DateTimeField(null=True)),
        migrations.RunPython(anchor_at_period_start, migrations.RunPython.noop),
        migrations.AlterField(model_name="account", name="billing_anchor", field=models.DateTimeField()),
    ]
