from __future__ import annotations

from django.db import transaction

from twitchcheck.case import SIGN_IDS, Case
from twitchcheck.session import clean_name
from twitchcheck.web.check.models import SharedResult


@transaction.atomic
def shared_result_create(
    *, case: Case, dog_name: str = "", skipped_signs: list[str] | None = None
) -> SharedResult:
    skipped = [s for s in skipped_signs or [] if s in SIGN_IDS and not case.sign_known(s)]
    return SharedResult.objects.create(
        case=case.to_json_dict(), dog_name=clean_name(dog_name), skipped_signs=skipped
    )
