"""`manage.py comments_digest`: send the moderators' digest now (for a timer or cron
when no Celery beat runs), and forget spent form stamps."""

from django.core.management.base import BaseCommand

from twitchcheck.web.comments import services


class Command(BaseCommand):
    help = "Email the moderators one digest of the comments waiting since the last one."

    def handle(self, *args, **options):
        sent = services.moderators_digest_send()
        services.stamps_forget()
        self.stdout.write(
            f"Digest sent: {sent} new comment(s)." if sent else "No new comments to report."
        )
