"""Reads of comments."""

from __future__ import annotations

from twitchcheck.web.comments.models import Comment


def comments_approved(*, page: str) -> list[Comment]:
    return list(Comment.objects.approved().filter(page=page).only("name", "body", "created_at"))


def comments_pending_count() -> int:
    return Comment.objects.pending().count()
