"""schemathesis hooks for `st run` (SCHEMATHESIS_HOOKS=bench.reliability.st_hooks).

Request rules the OpenAPI document states in words rather than JSON Schema (which
generators cannot use for them):

- a sign is either seen or absent, never both; a dog's birth date is not in the future;
  a medication's last day is not before its first: bodies breaking them are left out of
  the generated data; the server's 422 for them is tested in
  tests/web/test_openapi_conformance.py and tests/web/diary/test_diary_api_document.py;
- the CSV import's body is "a CSV export" (`"format": "episodes-csv"` on a string): the
  format is registered here with a strategy that writes such exports (random episodes,
  through the site's own CSV writer), so the generated bodies are real files to import.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import get_args
from zoneinfo import ZoneInfo

import schemathesis
from hypothesis import strategies as st

from twitchcheck.case import (
    BODY_AREAS,
    SIGN_IDS,
    Afterwards,
    Context,
    Duration,
    LooksLike,
    Trigger,
    YesNoUnknown,
)
from twitchcheck.web.diary import csvio
from twitchcheck.web.diary.fields import MAX_DURATION_SECONDS

CHOICES = {
    "looks_like": LooksLike,
    "context": Context,
    "aware": YesNoUnknown,
    "afterwards": Afterwards,
    "stops_when_distracted": YesNoUnknown,
    "trigger": Trigger,
}
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=80
)


@st.composite
def _episode(draw) -> dict:
    data: dict = {
        "started_at": draw(
            st.datetimes(datetime(1990, 1, 1), datetime(2090, 1, 1), timezones=st.just(UTC))
        ),
        "body_area": draw(st.lists(st.sampled_from(BODY_AREAS), unique=True)),
        "signs": draw(st.lists(st.sampled_from(SIGN_IDS), unique=True, max_size=6)),
        "behaviour_before": draw(TEXT),
        "notes": draw(TEXT),
    }
    for name, kind in CHOICES.items():
        data[name] = draw(st.none() | st.sampled_from(get_args(kind)))
    seconds = draw(st.none() | st.integers(0, MAX_DURATION_SECONDS))
    data["duration_seconds"] = seconds
    if seconds is None:
        data["duration"] = draw(st.none() | st.sampled_from(get_args(Duration)))
    return data


def episodes_csv() -> st.SearchStrategy[str]:
    zones = st.sampled_from([UTC, ZoneInfo("Europe/London"), ZoneInfo("America/New_York")])
    return st.builds(csvio.write_rows, st.lists(_episode(), max_size=4), zones)


schemathesis.openapi.format("episodes-csv", episodes_csv())


@schemathesis.hook
def filter_body(context, body) -> bool:
    if not isinstance(body, dict):
        return True
    birth = body.get("birth_date")
    if isinstance(birth, str) and birth > date.today().isoformat():
        return False  # "not in the future (422)", said in words on the field
    medications = body.get("medications")
    for medication in medications if isinstance(medications, list) else []:
        if isinstance(medication, dict):
            since, until = medication.get("since"), medication.get("until")
            if isinstance(since, str) and isinstance(until, str) and until < since:
                return False  # "on or after `since` (422)", said in words
    seen, absent = body.get("signs"), body.get("signs_absent")
    if not (isinstance(seen, list) and isinstance(absent, list)):
        return True
    return not {s for s in seen if isinstance(s, str)} & {s for s in absent if isinstance(s, str)}
