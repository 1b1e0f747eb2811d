"""Comment tasks: the moderators' digest and forgetting spent form stamps (periodic; see
CELERY_BEAT_SCHEDULE, or `manage.py comments_digest` from a timer)."""

from __future__ import annotations

import logging

from twitchcheck.web.celery import app
from twitchcheck.web.comments import services

log = logging.getLogger(__name__)
DIGEST_RETRIES = 3


@app.task(bind=True, max_retries=None, acks_late=True)
def moderators_digest(self) -> int:
    """Sends the digest; a failure is logged and tried again in 1, 2 and 4 minutes, and
    whatever is still unlisted goes into the next scheduled digest."""
    try:
        sent = services.moderators_digest_send()
    except Exception as exc:
        if self.request.retries >= DIGEST_RETRIES:
            log.error("moderators' digest failed %d times: %s", self.request.retries + 1, exc)
            raise
        log.warning("moderators' digest failed, trying again: %s", exc)
        raise self.retry(exc=exc, countdown=60 * 2**self.request.retries) from exc
    if sent:
        log.info("moderators' digest sent: %d comment(s)", sent)
    return sent


@app.task
def stamps_forget() -> int:
    return services.stamps_forget()
