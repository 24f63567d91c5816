from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("covers", "0002_job_units_claimed"),
    ]

    operations = [
        migrations.AddField(
            model_name="cover",
            name="design",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
