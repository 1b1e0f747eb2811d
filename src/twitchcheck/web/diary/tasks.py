"""Diary tasks: the vet report for a long period, made on the worker and emailed."""

from __future__ import annotations

import logging
from datetime import date
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import DatabaseError
from django.http import Http404
from django.utils import timezone

from twitchcheck.web.celery import app
from twitchcheck.web.diary import report, selectors
from twitchcheck.web.tasks import mail_enqueue

log = logging.getLogger(__name__)


@app.task(
    bind=True,
    acks_late=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=30,
    retry_backoff_max=1800,
    max_retries=6,
)
def report_email(self, *, dog_id: int, user_id: int, since: str | None, until: str | None) -> str:
    """Builds the report as the person who asked sees it, and emails it to them. Someone
    who has lost access to the dog since asking gets nothing (and that is logged)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    try:
        if user is None:
            raise Http404
        dog = selectors.dog_get(user=user, dog_id=dog_id)
    except Http404:
        log.warning("report for dog %s not sent: user %s no longer has access", dog_id, user_id)
        return "no access"
    tz = ZoneInfo(selectors.profile_time_zone(user=user))
    period = {k: date.fromisoformat(v) for k, v in (("since", since), ("until", until)) if v}
    pdf = report.build_pdf(dog=dog, tz=tz, **period)
    filename = f"twitchcheck-{dog.pk}-{timezone.localdate():%Y-%m-%d}.pdf"
    mail_enqueue(
        subject=f"{dog.name}'s episode diary: the vet report",
        body=(
            f"Here is the vet report for {dog.name} that you asked for on twitchcheck "
            f"({len(pdf) // 1024 + 1} KB, attached). Print it or forward it to your vet.\n"
        ),
        to=[user.email],
        attachments=[(filename, pdf, "application/pdf")],
    )
    return "sent"
