from __future__ import annotations

from django.db import transaction

from twitchcheck.case import Case
from twitchcheck.web.check.models import SharedResult


@transaction.atomic
def shared_result_create(*, case: Case) -> SharedResult:
    return SharedResult.objects.create(case=case.to_json_dict())
