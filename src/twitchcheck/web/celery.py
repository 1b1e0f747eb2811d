"""The task queue: one Celery app for the project (docs/deploy.md, "The task worker").

With REDIS_URL (or CELERY_BROKER_URL) set, `enqueue()` puts a task on Redis and the worker
(`celery -A twitchcheck.web.celery worker`) runs it, retrying what failed; the beat
(`celery -A twitchcheck.web.celery beat`) starts the periodic ones. Without a broker
(`make run`, the tests) every task runs at once in the process that asks for it.
"""

from __future__ import annotations

import logging
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twitchcheck.web.settings")

app = Celery("twitchcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["twitchcheck.web", "twitchcheck.web.comments", "twitchcheck.web.diary"])

log = logging.getLogger(__name__)


def enqueue(task, /, **kwargs):
    """Run `task` with these keyword arguments on the worker, or in this process when
    there is no broker. If the broker cannot be reached, the task runs here instead of
    being lost (and that is logged): slower for this one request, but nothing is dropped."""
    if app.conf.task_always_eager:
        return task.apply(kwargs=kwargs)
    try:
        return task.apply_async(kwargs=kwargs)
    except Exception:  # kombu's OperationalError and the socket errors under it
        log.warning("task queue unreachable: running %s in this process", task.name, exc_info=True)
        return task.apply(kwargs=kwargs)
