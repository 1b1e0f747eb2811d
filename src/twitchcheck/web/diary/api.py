"""The diary's JSON API, mounted on the project's NinjaAPI at /api/v1/ (see mount()).

Auth: `POST /api/v1/token` with {"username", "password"} gives {"token", "expires"};
send `Authorization: Bearer <token>`; `DELETE /api/v1/token` revokes it. Tokens are kept
only as SHA-256 hashes. Anything not shared with the caller, with or without a token,
is a 404. Writes are one transaction each; bad input is a 422 naming the field (and the
row, for CSV) and changes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, Literal

from django.conf import settings
from django.contrib.auth import authenticate
from django.http import HttpResponse, JsonResponse
from django_ratelimit.core import is_ratelimited
from ninja import Query, Router, Status
from ninja.security import HttpBearer
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from twitchcheck.case import Assessment, BodyArea, LooksLike, SignId, Trigger, YesNoUnknown
from twitchcheck.web.diary import charts, csvio, report, selectors, services
from twitchcheck.web.diary.errors import DiaryInputError
from twitchcheck.web.diary.fields import (
    BEHAVIOUR_MAX,
    CHOICE_FIELDS,
    MAX_DURATION_SECONDS,
    NO_NUL,
    NOTES_MAX,
    Afterwards,
    Context,
    Duration,
    EpisodeFields,
    EpisodeShape,
    as_utc,
    episode_fields_from_model,
    iso_text,
    json_bool,
    json_number,
    no_nul,
)
from twitchcheck.web.diary.models import Dog, Episode
from twitchcheck.web.limits import RETRY_AFTER, refusal

router = Router(tags=["diary"])


# ---- auth


class BearerToken(HttpBearer):
    """A valid token: the caller is its owner."""

    def authenticate(self, request, token):
        found = selectors.api_token_user(token=token)
        if found is None:
            return None
        request.user = found.user
        request.api_token = found
        return found.user


token_auth = BearerToken()
# one dog's or episode's addresses: without a valid token, 401 for every id (existing or
# not, so it tells nothing, as the OpenAPI document says); with a token, whatever is not
# shared with its owner is a 404
object_auth = token_auth


class ErrorOut(BaseModel):
    detail: str | list


class TokenIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"username": "owner@example.org", "password": "..."}]}
    )
    username: str = Field(description="the account's email address")
    password: str


class TokenOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"token": "kq3…", "expires": "2026-04-13T09:30:00+00:00"}]}
    )
    token: str
    expires: datetime


def _not_null(schema: dict) -> None:
    """A field that may be left out but never sent as null (a PATCH cannot take an
    episode's time away: 422) is documented without null."""
    options = [o for o in schema.pop("anyOf", []) if o != {"type": "null"}]
    if len(options) == 1:
        schema.update(options[0])
    elif options:
        schema["anyOf"] = options
    if schema.get("default", ...) is None:
        del schema["default"]


# ---- dogs


class MedicationIO(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(
        min_length=1, max_length=120, examples=["Phenobarbital"], json_schema_extra=NO_NUL
    )
    dose: str = Field("", max_length=120, examples=["30 mg twice a day"], json_schema_extra=NO_NUL)
    since: date
    until: date | None = Field(None, description="on or after `since` (422)")

    @field_validator("name", "dose")
    @classmethod
    def _text(cls, value):
        return no_nul(value)

    @field_validator("since", "until", mode="before")
    @classmethod
    def _dates_as_text(cls, value):
        return iso_text(value)


Sex = Literal["female", "male", "unknown"]
Vaccinations = Literal["up_to_date", "not_up_to_date", "unknown"]

DOG_EXAMPLE: dict[str, Any] = {
    "name": "Bella",
    "breed": "labrador retriever",
    "birth_date": "2020-05-01",
    "sex": "female",
    "neutered": True,
    "pregnant_or_nursing": False,
    "vaccinations": "up_to_date",
    "weight_kg": 28.5,
    "notes": "Started phenobarbital in March.",
    "medications": [{"name": "Phenobarbital", "dose": "30 mg twice a day", "since": "2026-03-01"}],
}


class DogIn(BaseModel):
    """A dog. Give birth_date, or age_years when the birth date is not known."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [DOG_EXAMPLE]})
    name: str = Field(min_length=1, max_length=80, json_schema_extra=NO_NUL)
    breed: str = Field("", max_length=80, json_schema_extra=NO_NUL)
    birth_date: date | None = Field(None, description="not in the future (422)")
    age_years: float | None = Field(None, ge=0, le=30, description="instead of birth_date")
    sex: Sex | None = None
    neutered: bool | None = None
    pregnant_or_nursing: bool | None = None
    vaccinations: Vaccinations | None = None
    weight_kg: Decimal | None = Field(
        None, ge=0, le=200, decimal_places=1, json_schema_extra={"multipleOf": 0.1}
    )
    notes: str = Field("", max_length=NOTES_MAX, json_schema_extra=NO_NUL)
    medications: list[MedicationIO] | None = Field(
        None, description="on PATCH, replaces the dog's medications when given"
    )

    @field_validator("birth_date", mode="before")
    @classmethod
    def _date_as_text(cls, value):
        return iso_text(value)

    @field_validator("name", "breed", "notes")
    @classmethod
    def _text(cls, value):
        return no_nul(value)

    @field_validator("age_years", "weight_kg", mode="before")
    @classmethod
    def _numbers(cls, value):
        return json_number(value)

    @field_validator("neutered", "pregnant_or_nursing", mode="before")
    @classmethod
    def _booleans(cls, value):
        return json_bool(value)

    @field_validator("weight_kg", mode="before")
    @classmethod
    def _tenths(cls, value):
        """A JSON number such as 28.5 arrives as a float; one a hair off a tenth
        (0.30000000000000004) is that tenth, anything finer is refused."""
        if isinstance(value, float) and abs(value * 10 - round(value * 10)) < 1e-6:
            return Decimal(str(round(value, 1)))
        return value


class DogPatch(DogIn):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"weight_kg": 29.0, "neutered": True}]}
    )
    # a PATCH may leave the name out (the stubs see the field's type narrowed the wrong way)
    name: str | None = Field(  # type: ignore[assignment]
        None, min_length=1, max_length=80, json_schema_extra=NO_NUL
    )


class DogOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"id": 7, "role": "owner", **DOG_EXAMPLE}]}
    )
    id: int
    role: Literal["owner", "household"]
    name: str
    breed: str
    birth_date: date | None
    birth_date_is_estimate: bool
    sex: Sex | None
    neutered: bool | None
    pregnant_or_nursing: bool | None
    vaccinations: Vaccinations | None
    weight_kg: float | None
    notes: str
    medications: list[MedicationIO]


def _dog_out(dog: Dog, user, medications=None) -> dict:
    meds = medications if medications is not None else dog.medications.all()
    return {
        "id": dog.pk,
        "role": "owner" if dog.owner_id == user.pk else "household",
        "name": dog.name,
        "breed": dog.breed,
        "birth_date": dog.birth_date,
        "birth_date_is_estimate": dog.birth_date_is_estimate,
        "sex": dog.sex or None,
        "neutered": dog.neutered,
        "pregnant_or_nursing": dog.pregnant_or_nursing,
        "vaccinations": dog.vaccinations or None,
        "weight_kg": float(dog.weight_kg) if dog.weight_kg is not None else None,
        "notes": dog.notes,
        "medications": [
            {"name": m.name, "dose": m.dose, "since": m.since, "until": m.until} for m in meds
        ],
    }


def _dog_fields(payload: BaseModel, *, partial: bool) -> tuple[dict, list[dict] | None]:
    from datetime import timedelta

    from django.utils import timezone

    data = payload.model_dump(exclude_unset=partial)
    medications = data.pop("medications", None)
    age = data.pop("age_years", None)
    if age is not None and data.get("birth_date") is None:
        data["birth_date"] = timezone.localdate() - timedelta(days=round(age * 365.25))
        data["birth_date_is_estimate"] = True
    elif "birth_date" in data:
        data["birth_date_is_estimate"] = False
    for name in ("sex", "vaccinations"):
        if name in data and data[name] is None:
            data[name] = ""
    for name in ("breed", "notes"):
        if name in data and data[name] is None:
            data[name] = ""
    return data, medications


@router.get("/dogs", response=list[DogOut], auth=token_auth)
def dogs_list(request):
    """The dogs you own or that are shared with you."""
    dogs = list(selectors.dogs_for_user(user=request.user).prefetch_related("medications"))
    return [_dog_out(d, request.user) for d in dogs]


@router.post("/dogs", response={201: DogOut, 422: ErrorOut}, auth=token_auth)
def dogs_create(request, payload: DogIn):
    fields, medications = _dog_fields(payload, partial=False)
    dog = services.dog_create(owner=request.user, medications=medications or [], **fields)
    return Status(201, _dog_out(dog, request.user))


@router.get("/dogs/{dog_id}", response={200: DogOut, 404: ErrorOut}, auth=object_auth)
def dogs_detail(request, dog_id: int):
    dog = selectors.dog_get(user=request.auth, dog_id=dog_id)
    return _dog_out(dog, request.auth)


@router.patch(
    "/dogs/{dog_id}", response={200: DogOut, 404: ErrorOut, 422: ErrorOut}, auth=object_auth
)
def dogs_update(request, dog_id: int, payload: DogPatch):
    dog = selectors.dog_get(user=request.auth, dog_id=dog_id)
    fields, medications = _dog_fields(payload, partial=True)
    if "name" in fields and fields["name"] is None:
        fields.pop("name")
    dog = services.dog_update(dog=dog, medications=medications, **fields)
    return _dog_out(dog, request.auth)


@router.delete(
    "/dogs/{dog_id}", response={204: None, 403: ErrorOut, 404: ErrorOut}, auth=object_auth
)
def dogs_delete(request, dog_id: int):
    """The dog and its whole diary (its owner only; others it is shared with get 403)."""
    dog = selectors.dog_get(user=request.auth, dog_id=dog_id)
    if dog.owner_id != request.auth.pk:
        return Status(403, {"detail": "Only the dog's owner can delete it."})
    services.dog_delete(dog=dog)
    return Status(204, None)


# ---- episodes


EPISODE_EXAMPLE: dict[str, Any] = {
    "started_at": "2026-03-14T21:40:00+00:00",
    "duration_seconds": 40,
    "duration": "seconds",
    "looks_like": "twitching_or_jerking",
    "context": "asleep",
    "body_area": ["hind_leg"],
    "aware": "yes",
    "afterwards": "normal",
    "stops_when_distracted": "yes",
    "trigger": "none_noticed",
    "signs": ["paddling_or_chomping"],
    "behaviour_before": "played fetch in the park",
    "notes": "woke up and wagged",
}


class _EpisodeJson(BaseModel):
    """An episode read from JSON as the document says: the time as text, the seconds as a
    whole number (shared by the full body and the patch)."""

    @field_validator("started_at", mode="before", check_fields=False)
    @classmethod
    def _time_as_text(cls, value):
        return iso_text(value)

    @field_validator("duration_seconds", mode="before", check_fields=False)
    @classmethod
    def _seconds(cls, value):
        return json_number(value)


class EpisodeIn(EpisodeFields, _EpisodeJson):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [EPISODE_EXAMPLE]})


class EpisodePatch(_EpisodeJson):
    """Only the fields given change; null makes a field unknown again."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"notes": "vet says keep logging", "aware": None}]},
    )
    started_at: AwareDatetime | None = Field(None, json_schema_extra=_not_null)
    duration_seconds: int | None = Field(None, ge=0, le=MAX_DURATION_SECONDS)
    duration: Duration | None = None
    looks_like: LooksLike | None = None
    context: Context | None = None
    body_area: list[BodyArea] | None = None
    aware: YesNoUnknown | None = None
    afterwards: Afterwards | None = None
    stops_when_distracted: YesNoUnknown | None = None
    trigger: Trigger | None = None
    signs: list[SignId] | None = None
    behaviour_before: str | None = Field(None, max_length=BEHAVIOUR_MAX, json_schema_extra=NO_NUL)
    notes: str | None = Field(None, max_length=NOTES_MAX, json_schema_extra=NO_NUL)


class EpisodeOut(EpisodeShape):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 42,
                    "dog_id": 7,
                    **EPISODE_EXAMPLE,
                    "urgency": "normal",
                    "assessed_at": "2026-03-14T21:45:00+00:00",
                    "has_media": False,
                    "logged_by": "owner@example.org",
                }
            ]
        }
    )
    id: int
    dog_id: int
    urgency: str | None = Field(None, description="of the stored check, if any")
    assessed_at: datetime | None = None
    has_media: bool = False
    logged_by: str | None = None


class EpisodePage(BaseModel):
    count: int
    items: list[EpisodeOut]


def _episode_out(episode: Episode) -> dict:
    data = episode_fields_from_model(episode)
    data["started_at"] = as_utc(data["started_at"])  # always answered in UTC
    return {
        **data,
        "id": episode.pk,
        "dog_id": episode.dog_id,
        "urgency": episode.urgency or None,
        "assessed_at": episode.assessed_at,
        "has_media": bool(episode.media),
        "logged_by": episode.logged_by.email if episode.logged_by else None,
    }


class EpisodeFilter(BaseModel):
    since: AwareDatetime | None = Field(None, description="started at or after")
    until: AwareDatetime | None = Field(None, description="started before")
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=10_000_000)  # within PostgreSQL's OFFSET (a bigint)

    @field_validator("since", "until", mode="before")
    @classmethod
    def _times_as_text(cls, value):
        return iso_text(value)

    @field_validator("since", "until")
    @classmethod
    def _in_utc(cls, value):
        """In UTC (PostgreSQL refuses offsets over 15:59); beyond what UTC can hold, the
        earliest or latest time there is."""
        if value is None:
            return value
        try:
            return value.astimezone(UTC)
        except OverflowError:
            return (datetime.min if value.year < 2 else datetime.max).replace(tzinfo=UTC)


@router.get("/dogs/{dog_id}/episodes", response={200: EpisodePage, 404: ErrorOut}, auth=object_auth)
def episodes_list(request, dog_id: int, filters: Query[EpisodeFilter]):
    """The dog's episodes, newest first, a page at a time (count is the total)."""
    dog = selectors.dog_get(user=request.auth, dog_id=dog_id)
    episodes = selectors.episodes_for_dog(dog=dog, since=filters.since, until=filters.until)
    page = list(episodes[filters.offset : filters.offset + filters.limit])
    return {"count": episodes.count(), "items": [_episode_out(e) for e in page]}


@router.post(
    "/dogs/{dog_id}/episodes",
    response={201: EpisodeOut, 404: ErrorOut, 422: ErrorOut},
    auth=object_auth,
)
def episodes_create(request, dog_id: int, payload: EpisodeIn):
    dog = selectors.dog_get(user=request.auth, dog_id=dog_id)
    episode = services.episode_create(
        dog=dog, user=request.auth, fields=EpisodeFields.model_validate(payload.model_dump())
    )
    episode.logged_by = request.auth
    return Status(201, _episode_out(episode))


@router.get("/episodes/{episode_id}", response={200: EpisodeOut, 404: ErrorOut}, auth=object_auth)
def episodes_detail(request, episode_id: int):
    return _episode_out(selectors.episode_get(user=request.auth, episode_id=episode_id))


@router.patch(
    "/episodes/{episode_id}",
    response={200: EpisodeOut, 404: ErrorOut, 422: ErrorOut},
    auth=object_auth,
)
def episodes_update(request, episode_id: int, payload: EpisodePatch):
    episode = selectors.episode_get(user=request.auth, episode_id=episode_id)
    merged = episode_fields_from_model(episode)
    for name, value in payload.model_dump(exclude_unset=True).items():
        if value is None and name in (*CHOICE_FIELDS, "duration_seconds"):
            merged.pop(name, None)
        elif value is None and name == "started_at":
            raise DiaryInputError([(None, "started_at", "An episode needs its time.")])
        elif value is None:
            merged[name] = [] if name in ("body_area", "signs") else ""
        else:
            merged[name] = value
    if (
        "duration_seconds" in payload.model_fields_set
        and "duration" not in payload.model_fields_set
    ):
        merged.pop("duration", None)  # worked out again from the new length
    episode = services.episode_update(episode=episode, fields=services.episode_fields(merged))
    return _episode_out(episode)


@router.delete("/episodes/{episode_id}", response={204: None, 404: ErrorOut}, auth=object_auth)
def episodes_delete(request, episode_id: int):
    services.episode_delete(episode=selectors.episode_get(user=request.auth, episode_id=episode_id))
    return Status(204, None)


# ---- trend, assess, report, CSV


class WeekOut(BaseModel):
    week_start: date
    episodes: int
    mean_duration_seconds: float | None
    longest_duration_seconds: int | None


class ClusterOut(BaseModel):
    first: datetime
    last: datetime
    count: int


class TrendOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "recent_days": 14,
                    "before_days": 28,
                    "recent": 9,
                    "before": 4,
                    "p_value": 0.0021,
                    "more_often_lately": True,
                    "summary": "More often lately: 9 in the last 14 days …",
                    "cluster_now": False,
                    "clusters": [],
                    "weeks": [
                        {
                            "week_start": "2026-03-09",
                            "episodes": 5,
                            "mean_duration_seconds": 35.0,
                            "longest_duration_seconds": 60,
                        }
                    ],
                    "medication_changes": [
                        {"date": "2026-03-01", "change": "started Phenobarbital"}
                    ],
                }
            ]
        }
    )
    recent_days: int
    before_days: int
    recent: int
    before: int
    p_value: float | None
    more_often_lately: bool
    summary: str
    cluster_now: bool = Field(
        description="2+ fit-like episodes within 24 h, the last in the last day"
    )
    clusters: list[ClusterOut]
    weeks: list[WeekOut]
    medication_changes: list[dict]


@router.get("/dogs/{dog_id}/trend", response={200: TrendOut, 404: ErrorOut}, auth=object_auth)
def dog_trend(request, dog_id: int):
    """Episodes per week for 26 weeks, the rise test (last 14 days against the 28 before,
    exact conditional binomial test, p < 0.05 with at least 3 recent episodes) and
    clusters of fit-like episodes."""
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from twitchcheck.web.diary import trends

    dog = selectors.dog_get(user=request.auth, dog_id=dog_id)
    tz = ZoneInfo(selectors.profile_time_zone(user=request.auth))
    now = timezone.now()
    weeks = selectors.weekly_series(
        dog=dog, tz=tz, since=now - timedelta(weeks=charts.WEEKS), until=now
    )
    rise = selectors.dog_rise_test(dog=dog, now=now)
    medications = selectors.medications_for_dog(dog=dog)
    fits = selectors.fit_like_times(dog=dog, since=now - timedelta(weeks=charts.WEEKS))
    marks = charts.medication_marks(medications, weeks[0].start.date(), now.date()) if weeks else []
    return {
        "recent_days": trends.RECENT_DAYS,
        "before_days": trends.BEFORE_DAYS,
        "recent": rise.recent,
        "before": rise.before,
        "p_value": rise.p_value,
        "more_often_lately": rise.rising,
        "summary": rise.summary(),
        "cluster_now": trends.active_cluster(fits, now) is not None,
        "clusters": [
            {"first": r[0], "last": r[-1], "count": len(r)} for r in trends.clusters(fits)
        ],
        "weeks": [
            {
                "week_start": w.start.date(),
                "episodes": w.episodes,
                "mean_duration_seconds": w.mean_seconds,
                "longest_duration_seconds": w.longest_seconds,
            }
            for w in weeks
        ],
        "medication_changes": [{"date": d.isoformat(), "change": t} for d, t in marks],
    }


class AssessOut(BaseModel):
    episode_id: int
    case: dict = Field(description="the case the engine assessed (contract format)")
    assessment: Assessment


@router.post(
    "/dogs/{dog_id}/assess",
    response={200: AssessOut, 404: ErrorOut, 409: ErrorOut},
    auth=object_auth,
)
def dog_assess(request, dog_id: int):
    """The latest episode assessed with the dog's profile and what the diary knows
    (episode.pattern and episode.count_24h come from the log); the result is stored with
    the episode."""
    dog = selectors.dog_get(user=request.auth, dog_id=dog_id)
    episode = selectors.latest_episode(dog=dog)
    if episode is None:
        # the dog exists: not a 404 (that would say the dog is not there)
        return Status(409, {"detail": "This dog has no episodes yet."})
    episode = services.episode_check(episode=episode)
    return {
        "episode_id": episode.pk,
        "case": episode.assessed_case,
        "assessment": episode.assessment,
    }


PDF_RESPONSE = {
    "responses": {
        200: {
            "description": "the vet report, one or two A4 pages",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


class ReportRange(BaseModel):
    since: date | None = Field(
        None, description="first day of the episode table (default: 90 days ago)"
    )
    until: date | None = Field(None, description="last day (default: today)")

    @field_validator("since", "until", mode="before")
    @classmethod
    def _dates_as_text(cls, value):
        return iso_text(value)


@router.get(
    "/dogs/{dog_id}/report.pdf",
    response={404: ErrorOut},
    auth=object_auth,
    openapi_extra=PDF_RESPONSE,
)
def dog_report(request, dog_id: int, period: Query[ReportRange]):
    from zoneinfo import ZoneInfo

    dog = selectors.dog_get(user=request.auth, dog_id=dog_id)
    tz = ZoneInfo(selectors.profile_time_zone(user=request.auth))
    pdf = report.build_pdf(dog=dog, tz=tz, since=period.since, until=period.until)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="twitchcheck-{dog.pk}.pdf"'
    return response


# one row of the example episode, its values in the columns' order
CSV_EXAMPLE = (
    ",".join(csvio.COLUMNS)
    + "\r\n"
    + ",".join(
        ";".join(value) if isinstance(value := EPISODE_EXAMPLE.get(name, ""), list) else str(value)
        for name in csvio.COLUMNS
    )
    + "\r\n"
)


@router.get(
    "/dogs/{dog_id}/episodes.csv",
    response={404: ErrorOut},
    auth=object_auth,
    openapi_extra={
        "responses": {
            200: {
                "description": "every episode, oldest first",
                "content": {"text/csv": {"schema": {"type": "string"}, "example": CSV_EXAMPLE}},
            }
        }
    },
)
def episodes_csv_export(request, dog_id: int):
    from zoneinfo import ZoneInfo

    dog = selectors.dog_get(user=request.auth, dog_id=dog_id)
    tz = ZoneInfo(selectors.profile_time_zone(user=request.auth))
    episodes = selectors.episodes_for_dog(dog=dog).order_by("started_at", "id")
    return HttpResponse(
        csvio.write_episodes(episodes.iterator(chunk_size=2000), tz),
        content_type="text/csv; charset=utf-8",
    )


class ImportOut(BaseModel):
    imported: int


@router.post(
    "/dogs/{dog_id}/episodes.csv",
    response={201: ImportOut, 404: ErrorOut, 422: ErrorOut},
    auth=object_auth,
    openapi_extra={
        # multipart/form-data with the same CSV as its `file` is taken too, but is said in
        # words only: "any binary file" (what a schema can say) would document every file
        # that is not such a CSV, a 422, as a valid request
        "requestBody": {
            "required": True,
            "description": "a CSV export (format episodes-csv: UTF-8, a header row naming "
            "columns of the example, then one row per episode, as GET gives it): all rows "
            "are added, or none; 422 lists each bad row and column. The same file may also be "
            "sent as multipart/form-data, as the field `file`",
            "content": {
                "text/csv": {
                    "schema": {"type": "string", "format": "episodes-csv"},
                    "example": CSV_EXAMPLE,
                },
            },
        }
    },
)
def episodes_csv_import(request, dog_id: int):
    dog = selectors.dog_get(user=request.auth, dog_id=dog_id)
    if request.content_type == "multipart/form-data":
        upload = request.FILES.get("file")
        if upload is None:  # the body was read as a form, with no file in it
            raise DiaryInputError([(None, "file", "send the CSV as the multipart field `file`")])
        raw = upload.read()
    else:
        raw = request.body
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DiaryInputError([(None, "file", "not UTF-8 text")]) from None
    created = services.episodes_import(dog=dog, user=request.auth, text=text)
    return Status(201, {"imported": len(created)})


# ---- tokens


def _retry_later(message: str) -> HttpResponse:
    response = JsonResponse({"detail": message}, status=503)
    response["Retry-After"] = RETRY_AFTER
    return response


@router.post(
    "/token", response={200: TokenOut, 401: ErrorOut, 429: ErrorOut, 503: ErrorOut}, auth=None
)
def token_create(request, payload: TokenIn):
    """A bearer token for scripts and apps (valid for DIARY_API_TOKEN_DAYS days)."""
    if is_ratelimited(
        request, group="diary.token", key="ip", rate=settings.DIARY_TOKEN_RATE, increment=True
    ):
        message, status = refusal("Too many attempts; try again in a minute.")
        if status == 503:  # the limit cannot be counted (Redis away)
            return _retry_later(message)
        return Status(429, {"detail": message})
    user = authenticate(
        request, username=payload.username.strip().lower(), password=payload.password
    )
    if user is None:
        return Status(401, {"detail": "Wrong email or password."})
    stored, token = services.api_token_create(user=user)
    return {"token": token, "expires": stored.expires_at}


@router.delete("/token", response={204: None}, auth=token_auth)
def token_revoke(request):
    """Revokes the token this request carries."""
    services.api_token_revoke(token=request.api_token)
    return Status(204, None)


def mount(api) -> None:
    """Adds the diary's endpoints and its input-error answer to the project's API."""
    api.add_router("", router)

    def handler(request, exc):
        detail = []
        for row, field, message in exc.errors:
            item = {"loc": [field], "msg": message, "type": "value_error"}
            if row is not None:
                item["row"] = row
            detail.append(item)
        return api.create_response(request, {"detail": detail}, status=422)

    api.add_exception_handler(DiaryInputError, handler)
