#!/usr/bin/env python
"""Django's command line for the twitchcheck web app (`python manage.py help`)."""

import os
import sys
from pathlib import Path


def main() -> None:
    # a checkout works even before `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twitchcheck.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
