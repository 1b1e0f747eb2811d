"""The WSGI application gunicorn serves (`make serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twitchcheck.web.settings")
application = get_wsgi_application()
