"""Writes of comments: creating one (and telling the moderators), and moderating."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from twitchcheck.web.comments.models import Comment
from twitchcheck.web.text import one_line

log = logging.getLogger(__name__)


@transaction.atomic
def comment_create(*, page: str, name: str, email: str, body: str) -> Comment:
    """A new pending comment; the moderators get an email once it is saved."""
    comment = Comment(page=page, name=name.strip(), email=email.strip(), body=body.strip())
    comment.full_clean()
    comment.save()
    transaction.on_commit(lambda: moderators_notify(comment=comment))
    return comment


def moderators_notify(*, comment: Comment) -> None:
    if not settings.MODERATOR_EMAILS:
        return
    link = settings.SITE_URL.rstrip("/") + reverse(
        "admin:comments_comment_change", args=[comment.pk]
    )
    try:
        _send_moderator_mail(comment=comment, link=link)
    except Exception:  # the comment is saved and waits in the queue; say so in the log
        log.exception("moderator email for comment %s could not be sent", comment.pk)


def _send_moderator_mail(*, comment: Comment, link: str) -> None:
    send_mail(
        subject=f"New comment to moderate from {one_line(comment.name)}",
        message=(
            f"{comment.name} <{comment.email}> wrote on {comment.page}:\n\n"
            f"{comment.body}\n\nApprove, mark as spam or remove it here: {link}\n"
        ),
        from_email=None,
        recipient_list=settings.MODERATOR_EMAILS,
    )


@transaction.atomic
def comments_moderate(*, comment_ids, status: Comment.Status) -> int:
    """Sets the status of the given comments; returns how many changed."""
    return (
        Comment.objects.filter(pk__in=list(comment_ids))
        .exclude(status=status)
        .update(status=status, moderated_at=timezone.now())
    )
