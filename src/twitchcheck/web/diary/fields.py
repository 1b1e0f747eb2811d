"""What an episode holds, validated in one place for the forms, the API and CSV import.

The fields it shares with a case take the contract's names and values (twitchcheck.case);
`started_at` must carry a time zone offset; `duration_seconds` and `duration` must agree
when both are given (`duration` is filled from `duration_seconds` when left out).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.json_schema import JsonDict

from twitchcheck.case import (
    Afterwards,
    BodyArea,
    Context,
    Duration,
    LooksLike,
    SignId,
    Trigger,
    YesNoUnknown,
)

# the fields a case shares with an episode, in the order the forms and CSV show them
CHOICE_FIELDS = (
    "looks_like",
    "context",
    "duration",
    "aware",
    "afterwards",
    "stops_when_distracted",
    "trigger",
)
LIST_FIELDS = ("body_area", "signs")
TEXT_FIELDS = ("behaviour_before", "notes")
ALL_FIELDS = ("started_at", "duration_seconds", *CHOICE_FIELDS, *LIST_FIELDS, *TEXT_FIELDS)
FIT_LIKE = "seizure_or_fit"
MAX_DURATION_SECONDS = 7 * 24 * 3600
NOTES_MAX = 5000
BEHAVIOUR_MAX = 2000


def duration_for_seconds(seconds: int) -> Duration:
    """The contract's duration for a length in seconds."""
    if seconds < 60:
        return "seconds"
    if seconds <= 300:
        return "under_5_minutes"
    return "over_5_minutes"


# the text fields refuse a NUL character (PostgreSQL cannot store one); the OpenAPI
# document says so with this pattern
NO_NUL: JsonDict = {"pattern": "^[^\\u0000]*$"}


# The API's JSON types, as documented: pydantic's lax mode would also take a number, or a
# string of one, for a date or time (days or seconds since 1970), true/false or a string
# of digits for a number, 0/1 or "yes" for a boolean
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_text(value):
    """A date or time: an ISO 8601 string (or already a date or datetime)."""
    if value is None or isinstance(value, date):  # a datetime is a date too
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError("give a date or time as an ISO 8601 string, such as 2026-03-14")
    return value


def json_number(value):
    """A JSON number: not true or false, not a string."""
    if isinstance(value, bool | str):
        raise ValueError("give a number")
    return value


def json_bool(value):
    """true, false (or null where the field takes it): not 0, 1 or a string."""
    if value is not None and not isinstance(value, bool):
        raise ValueError("give true or false")
    return value


def no_nul(value):
    """Text without a NUL character (PostgreSQL cannot store one)."""
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("must not contain a NUL character")
    return value


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain a NUL character")
    return value


class EpisodeShape(BaseModel):
    """The fields of an episode, without the checks (what the API answers with)."""

    started_at: AwareDatetime = Field(
        description="when it started, ISO 8601 with a time zone offset",
        examples=["2026-03-14T21:40:00+00:00"],
    )
    duration_seconds: Annotated[int, Field(ge=0, le=MAX_DURATION_SECONDS)] | None = Field(
        None, description="how long it lasted, in seconds", examples=[40]
    )
    duration: Duration | None = Field(
        None, description="the contract's duration; filled from duration_seconds when absent"
    )
    looks_like: LooksLike | None = Field(None, examples=["twitching_or_jerking"])
    context: Context | None = Field(None, examples=["asleep"])
    body_area: list[BodyArea] = Field(default_factory=list, examples=[["hind_leg"]])
    aware: YesNoUnknown | None = Field(None, examples=["yes"])
    afterwards: Afterwards | None = Field(None, examples=["normal"])
    stops_when_distracted: YesNoUnknown | None = None
    trigger: Trigger | None = None
    signs: list[SignId] = Field(default_factory=list, examples=[["paddling_or_chomping"]])
    behaviour_before: Annotated[str, Field(max_length=BEHAVIOUR_MAX, json_schema_extra=NO_NUL)] = ""
    notes: Annotated[str, Field(max_length=NOTES_MAX, json_schema_extra=NO_NUL)] = Field(
        "", examples=["woke up fine"]
    )


class EpisodeFields(EpisodeShape):
    """One episode's fields, checked (everything but started_at may be left out: unknown)."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("body_area", "signs")
    @classmethod
    def _unique(cls, values: list) -> list:
        if len(set(values)) != len(values):
            raise ValueError("items must be unique")
        return values

    @field_validator("behaviour_before", "notes")
    @classmethod
    def _text(cls, value: str) -> str:
        return _no_nul(value)

    @field_validator("started_at")
    @classmethod
    def _in_utc(cls, value: datetime) -> datetime:
        """Kept in UTC: PostgreSQL refuses an offset beyond 15:59 (ISO 8601 allows more)."""
        try:
            return value.astimezone(UTC)
        except OverflowError:  # 0001-01-01T00:00+01:00 is in year 0 in UTC
            raise ValueError("the time is out of range") from None

    @field_validator("duration")
    @classmethod
    def _duration_agrees(cls, value, info):
        seconds = info.data.get("duration_seconds")
        if value is None or seconds is None:
            return value
        expected = duration_for_seconds(seconds)
        if value not in (expected, "constant"):
            raise ValueError(
                f"{value!r} does not match duration_seconds {seconds} (that is {expected!r})"
            )
        return value

    @model_validator(mode="after")
    def _duration_from_seconds(self) -> EpisodeFields:
        if self.duration is None and self.duration_seconds is not None:
            self.duration = duration_for_seconds(self.duration_seconds)
        return self

    @property
    def fit_like(self) -> bool:
        return self.looks_like == FIT_LIKE or self.aware == "no"

    def model_fields_for_db(self) -> dict:
        """Column values: unknown choices are stored as ''."""
        data = self.model_dump()
        for name in CHOICE_FIELDS:
            data[name] = data[name] or ""
        data["fit_like"] = self.fit_like
        return data


def episode_fields_from_model(episode) -> dict:
    """An Episode row's fields as EpisodeFields takes them (unknowns left out)."""
    data: dict = {"started_at": episode.started_at}
    if episode.duration_seconds is not None:
        data["duration_seconds"] = episode.duration_seconds
    for name in CHOICE_FIELDS:
        if getattr(episode, name):
            data[name] = getattr(episode, name)
    data["body_area"] = list(episode.body_area or [])
    data["signs"] = list(episode.signs or [])
    data["behaviour_before"] = episode.behaviour_before
    data["notes"] = episode.notes
    return data


def as_utc(value: datetime) -> datetime:
    from datetime import UTC

    return value.astimezone(UTC)
