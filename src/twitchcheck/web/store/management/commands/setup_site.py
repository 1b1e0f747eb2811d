"""`manage.py setup_site`: migrate, then load the starter content that is missing."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from twitchcheck.web.store.starter import starter_content_load


class Command(BaseCommand):
    help = "Apply migrations and load starter content (safe to run again)."

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=options["verbosity"] - 1)
        created = starter_content_load()
        if options["verbosity"] < 1:
            return
        if created:
            self.stdout.write("Starter content added: " + ", ".join(created) + ".")
        else:
            self.stdout.write("Starter content already there; nothing added.")
