from django.db import migrations, models


def mark_existing_notified(apps, schema_editor):
    """Comments from before the digest each had their own email already."""
    Comment = apps.get_model("comments", "Comment")
    Comment.objects.filter(notified_at__isnull=True).update(notified_at=models.F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="CommentStamp",
            fields=[
                ("nonce", models.CharField(max_length=32, primary_key=True, serialize=False)),
                ("used_at", models.DateTimeField(auto_now_add=True, db_index=True)),
            ],
        ),
        migrations.AddField(
            model_name="comment",
            name="notified_at",
            field=models.DateTimeField(
                blank=True, help_text="When the moderators' digest listed it.", null=True
            ),
        ),
        migrations.RunPython(mark_existing_notified, migrations.RunPython.noop),
    ]
