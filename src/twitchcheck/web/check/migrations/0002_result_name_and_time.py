import datetime

from django.db import migrations, models
from django.utils import timezone


def copy_dates(apps, schema_editor):
    """Results kept before the time was stored: midday on the day they were made."""
    SharedResult = apps.get_model("check", "SharedResult")
    for result in SharedResult.objects.all().only("pk", "created_on"):
        noon = datetime.time(12, tzinfo=datetime.UTC)
        result.created_at = datetime.datetime.combine(result.created_on, noon)
        result.save(update_fields=["created_at"])


class Migration(migrations.Migration):
    dependencies = [("check", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="sharedresult",
            name="dog_name",
            field=models.CharField(blank=True, default="", max_length=40),
        ),
        migrations.AddField(
            model_name="sharedresult",
            name="skipped_signs",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="sharedresult",
            name="created_at",
            field=models.DateTimeField(default=timezone.now, editable=False),
        ),
        migrations.RunPython(copy_dates, migrations.RunPython.noop),
        migrations.RemoveField(model_name="sharedresult", name="created_on"),
    ]
