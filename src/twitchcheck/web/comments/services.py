"""Writes of comments: creating one, moderating, and the moderators' digest."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from twitchcheck.web.comments.models import Comment, CommentStamp
from twitchcheck.web.text import one_line

DIGEST_LISTED = 100  # comments written out in one digest; any more are counted


class StampUsed(Exception):
    """The comment form's stamp has already served a comment."""


@transaction.atomic
def comment_create(
    *, page: str, name: str, email: str, body: str, stamp: str | None = None
) -> Comment:
    """A new pending comment. `stamp` is the form stamp's id: each serves one comment
    (StampUsed otherwise). The moderators hear of it in their next digest."""
    comment = Comment(page=page, name=name.strip(), email=email.strip(), body=body.strip())
    comment.full_clean()
    if stamp is not None:
        try:
            with transaction.atomic():
                CommentStamp.objects.create(nonce=stamp)
        except IntegrityError:
            raise StampUsed(stamp) from None
    comment.save()
    return comment


def stamps_forget() -> int:
    """Deletes the ids of stamps whose signature has run out anyway; returns how many."""
    cutoff = timezone.now() - timedelta(seconds=settings.COMMENT_MAX_AGE_SECONDS + 3600)
    deleted, _ = CommentStamp.objects.filter(used_at__lt=cutoff).delete()
    return deleted


def moderators_digest_send() -> int:
    """One email to MODERATOR_EMAILS about the pending comments no digest has listed yet,
    which are then marked as listed; returns how many. If sending fails, nothing is
    marked and the error goes up (the task tries again; the next digest lists them too)."""
    if not settings.MODERATOR_EMAILS:
        return 0
    with transaction.atomic():
        new = list(
            Comment.objects.pending()
            .filter(notified_at__isnull=True)
            .select_for_update(skip_locked=True)
            .order_by("created_at", "pk")
        )
        if not new:
            return 0
        waiting = Comment.objects.pending().count()
        base = settings.SITE_URL.rstrip("/")
        queue = base + reverse("admin:comments_comment_changelist")
        parts = [
            f"{len(new)} new comment{'s' if len(new) != 1 else ''} since the last digest; "
            f"{waiting} waiting in all. Approve, mark as spam or remove them here: {queue}\n"
        ]
        for comment in new[:DIGEST_LISTED]:
            link = base + reverse("admin:comments_comment_change", args=[comment.pk])
            parts.append(
                f"--- {one_line(comment.name)} <{comment.email}> on {comment.page}, "
                f"{comment.created_at:%Y-%m-%d %H:%M} UTC\n{comment.body}\n{link}\n"
            )
        if len(new) > DIGEST_LISTED:
            parts.append(f"... and {len(new) - DIGEST_LISTED} more in the queue: {queue}\n")
        send_mail(
            subject=f"{len(new)} new comment{'s' if len(new) != 1 else ''} to moderate",
            message="\n".join(parts),
            from_email=None,
            recipient_list=settings.MODERATOR_EMAILS,
            fail_silently=False,
        )
        Comment.objects.filter(pk__in=[c.pk for c in new]).update(notified_at=timezone.now())
    return len(new)


@transaction.atomic
def comments_moderate(*, comment_ids, status: Comment.Status) -> int:
    """Sets the status of the given comments; returns how many changed. The guide's cached
    comments are dropped when any changed."""
    changed = (
        Comment.objects.filter(pk__in=list(comment_ids))
        .exclude(status=status)
        .update(status=status, moderated_at=timezone.now())
    )
    if changed:
        from twitchcheck.web.pagecache import content_changed

        content_changed()
    return changed
