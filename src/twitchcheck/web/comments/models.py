"""Readers' comments on the guide. Every comment waits for a moderator before it shows."""

from __future__ import annotations

from django.db import models

from twitchcheck.web.text import validate_name

NAME_MAX = 80
# the longest address RFC 5321 lets through (the model's EmailField); the form agrees
EMAIL_MAX = 254
BODY_MIN = 2
BODY_MAX = 2000


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Spam"
        REMOVED = "removed", "Removed"

    page = models.SlugField(max_length=80, default="dog-muscle-spasms")
    name = models.CharField(max_length=NAME_MAX, validators=[validate_name])
    email = models.EmailField(max_length=EMAIL_MAX, help_text="Never shown on the site.")
    body = models.TextField("comment", max_length=BODY_MAX)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(
        null=True, blank=True, help_text="When the moderators' digest listed it."
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.name}: {self.body[:40]}"


class CommentStamp(models.Model):
    """The random id of a comment form's stamp that has served a comment: each is good for
    one (the signature runs out after COMMENT_MAX_AGE_SECONDS; older rows are deleted)."""

    nonce = models.CharField(max_length=32, primary_key=True)
    used_at = models.DateTimeField(auto_now_add=True, db_index=True)
