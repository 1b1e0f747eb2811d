"""Tasks shared by every app: sending an email, with retries (twitchcheck/web/celery.py)."""

from __future__ import annotations

import base64
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from twitchcheck.web.celery import app, enqueue

log = logging.getLogger(__name__)


class MailLost(Exception):
    """A mail that still failed after every retry."""


@app.task(bind=True, max_retries=None, acks_late=True)
def mail_send(
    self,
    *,
    subject: str,
    body: str,
    to: list[str],
    html: str | None = None,
    attachments: list[dict] | None = None,
) -> int:
    """Sends one email. On failure it waits 30 s, 60 s, 2 min, ... (at most 30 min) and tries
    again, MAIL_RETRIES times, each failure logged; then it raises MailLost, logged at ERROR
    with the recipients and subject, so a lost mail is never silent."""
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    if html:
        message.attach_alternative(html, "text/html")
    for item in attachments or []:
        message.attach(item["filename"], base64.b64decode(item["content"]), item["mimetype"])
    try:
        return message.send(fail_silently=False)
    except Exception as exc:
        attempt = self.request.retries + 1
        if self.request.retries >= settings.MAIL_RETRIES:
            log.error("mail to %s (%r) lost after %d attempts: %s", to, subject, attempt, exc)
            raise MailLost(f"mail to {to} ({subject!r}) failed {attempt} times") from exc
        wait = min(30 * 2**self.request.retries, 1800)
        log.warning(
            "mail to %s (%r) failed (attempt %d), trying again in %d s: %s",
            to,
            subject,
            attempt,
            wait,
            exc,
        )
        raise self.retry(exc=exc, countdown=wait) from exc


def mail_enqueue(
    *, subject: str, body: str, to: list[str], html: str | None = None, attachments=None
):
    """Hands one email to the task queue (an attachment: filename, bytes, mimetype)."""
    packed = [
        {"filename": name, "content": base64.b64encode(data).decode(), "mimetype": mimetype}
        for name, data, mimetype in attachments or []
    ]
    return enqueue(
        mail_send, subject=subject, body=body, to=list(to), html=html, attachments=packed
    )
