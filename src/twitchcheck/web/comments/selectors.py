"""Reads of comments."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Page, Paginator

from twitchcheck.web.comments.models import Comment


def comments_approved(*, page: str) -> list[Comment]:
    return list(Comment.objects.approved().filter(page=page).only("name", "body", "created_at"))


def comments_approved_page(*, page: str, number: int) -> Page | None:
    """One page of a guide's approved comments, newest first (COMMENTS_PER_PAGE a page);
    None for a page past the last (the first page always exists, even when empty)."""
    comments = (
        Comment.objects.approved()
        .filter(page=page)
        .only("name", "body", "created_at")
        .order_by("-created_at", "-pk")
    )
    paginator = Paginator(comments, settings.COMMENTS_PER_PAGE, allow_empty_first_page=True)
    if number > paginator.num_pages:
        return None
    return paginator.page(number)


def comments_pending_count() -> int:
    return Comment.objects.pending().count()
