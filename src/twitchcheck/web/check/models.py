"""A result someone chose to keep: only the case, under a random id. Nothing about who
made it (no user, address or session) is stored; the assessment is worked out again
whenever the page is opened."""

from __future__ import annotations

import secrets

from django.db import models


def _new_id() -> str:
    return secrets.token_urlsafe(12)


class SharedResult(models.Model):
    id = models.CharField(primary_key=True, max_length=24, default=_new_id, editable=False)
    case = models.JSONField()
    created_on = models.DateField(auto_now_add=True)

    def __str__(self) -> str:
        return self.id
