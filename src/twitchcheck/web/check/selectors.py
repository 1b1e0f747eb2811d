from __future__ import annotations

from django.shortcuts import get_object_or_404

from twitchcheck.case import Case
from twitchcheck.web.check.models import SharedResult


def shared_result_get(*, result_id: str) -> SharedResult:
    """The result stored under result_id (404 when there is none)."""
    return get_object_or_404(SharedResult, pk=result_id)


def shared_case_get(*, result_id: str) -> Case:
    """The case stored under result_id (404 when there is none)."""
    return Case.model_validate(shared_result_get(result_id=result_id).case)
