"""`manage.py setup_site`: migrate; with --starter-content, also give a fresh site its
starter content (only once: what staff delete later is not brought back)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from twitchcheck.web.store.starter import starter_content_load, starter_content_loaded


class Command(BaseCommand):
    help = (
        "Apply migrations; with --starter-content, load the starter content into a fresh "
        "site (never again once it has been loaded, so staff deletions stay deleted)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--starter-content",
            action="store_true",
            help="Load the starter content if this site has never had it (make run sets it).",
        )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=options["verbosity"] - 1)
        if not options["starter_content"]:
            message = "Migrations applied; no starter content asked for (--starter-content)."
        elif starter_content_loaded():
            message = "Starter content was loaded before; nothing added (staff edits are kept)."
        else:
            message = "Starter content added: " + ", ".join(starter_content_load()) + "."
        if options["verbosity"] >= 1:
            self.stdout.write(message)
