"""A result someone chose to keep: the case, the dog's name if the owner gave one, the
signs they were not sure about, and when the check was made, under a random id. Nothing
about who made it (no user, address or session) is stored; the assessment is worked out
again whenever the page is opened."""

from __future__ import annotations

import secrets

from django.db import models
from django.utils import timezone


def _new_id() -> str:
    return secrets.token_urlsafe(12)


class SharedResult(models.Model):
    id = models.CharField(primary_key=True, max_length=24, default=_new_id, editable=False)
    case = models.JSONField()
    dog_name = models.CharField(max_length=40, blank=True, default="")
    skipped_signs = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    def __str__(self) -> str:
        return self.id
