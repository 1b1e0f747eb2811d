"""CSV export and import round-trip without loss (hypothesis), and a bad file names the
row and the column and imports nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twitchcheck.case import BODY_AREAS, SIGN_IDS
from twitchcheck.web.diary import csvio, labels, services
from twitchcheck.web.diary.errors import DiaryInputError
from twitchcheck.web.diary.fields import MAX_DURATION_SECONDS, EpisodeFields
from twitchcheck.web.diary.models import Episode

ZONES = [
    UTC,
    ZoneInfo("Europe/London"),
    ZoneInfo("America/New_York"),
    ZoneInfo("Asia/Kolkata"),
    ZoneInfo("Australia/Lord_Howe"),
    timezone(timedelta(hours=-3, minutes=-30)),
]
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=120
)


def _choice(name):
    return st.none() | st.sampled_from([v for v, _ in labels.choices(name)])


@st.composite
def episodes(draw) -> dict:
    data = {
        # real moments (no local time in a daylight-saving gap), in one of several zones
        "started_at": draw(
            st.datetimes(
                min_value=datetime(1990, 1, 1),
                max_value=datetime(2090, 1, 1),
                timezones=st.just(UTC),
            )
        ).astimezone(draw(st.sampled_from(ZONES))),
        "body_area": draw(st.lists(st.sampled_from(BODY_AREAS), unique=True)),
        "signs": draw(st.lists(st.sampled_from(SIGN_IDS), unique=True, max_size=6)),
        "behaviour_before": draw(TEXT),
        "notes": draw(TEXT),
    }
    for name in (
        "looks_like",
        "context",
        "aware",
        "afterwards",
        "stops_when_distracted",
        "trigger",
    ):
        value = draw(_choice(name))
        if value is not None:
            data[name] = value
    seconds = draw(st.none() | st.integers(0, MAX_DURATION_SECONDS))
    if seconds is not None:
        data["duration_seconds"] = seconds
        if draw(st.booleans()):
            data["duration"] = "constant"
    else:
        duration = draw(_choice("duration"))
        if duration:
            data["duration"] = duration
    return EpisodeFields.model_validate(data).model_dump()


def _same(a: dict, b: dict) -> bool:
    return a["started_at"].astimezone(UTC) == b["started_at"].astimezone(UTC) and {
        k: v for k, v in a.items() if k != "started_at"
    } == {k: v for k, v in b.items() if k != "started_at"}


@given(rows=st.lists(episodes(), max_size=8), zone=st.sampled_from(ZONES[:5]))
@settings(max_examples=100, deadline=None)
def test_write_then_parse_gives_the_same_episodes(rows, zone):
    text = csvio.write_rows(rows, zone)
    parsed = [p.model_dump() for p in csvio.parse_episodes(text)]
    assert len(parsed) == len(rows)
    for original, back in zip(rows, parsed, strict=True):
        assert _same(original, back), (original, back)
    # and writing what was read gives the same file
    assert csvio.write_rows(parsed, zone) == text


@pytest.mark.django_db
@given(rows=st.lists(episodes(), min_size=1, max_size=5))
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_export_import_export_through_the_database(dog, rows):
    Episode.objects.filter(dog=dog).delete()
    zone = ZoneInfo("Europe/London")
    text = csvio.write_rows(sorted(rows, key=lambda r: r["started_at"]), zone)
    services.episodes_import(dog=dog, user=dog.owner, text=text)
    stored = Episode.objects.filter(dog=dog).order_by("started_at", "id")
    again = csvio.write_episodes(stored, zone)
    # same instants and fields; equal started_at may come back in another order
    assert sorted(again.splitlines()) == sorted(text.splitlines())


def test_an_export_starting_a_cell_with_a_formula_is_escaped_and_read_back():
    row = EpisodeFields.model_validate(
        {
            "started_at": "2026-03-01T10:00:00+00:00",
            "notes": '=HYPERLINK("x")',
            "behaviour_before": "'quoted",
        }
    ).model_dump()
    text = csvio.write_rows([row], UTC)
    assert "'=HYPERLINK" in text and "''quoted" in text
    assert csvio.parse_episodes(text)[0].notes == '=HYPERLINK("x")'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [(None, "file")]),
        ("when,notes\r\n", [(0, "when"), (0, "started_at")]),
        ("started_at,colour\r\n2026-03-01T10:00:00+00:00,red\r\n", [(0, "colour")]),
        (
            "started_at,aware\r\n2026-03-01T10:00:00+00:00,yes\r\nnot a date,yes\r\n",
            [(2, "started_at")],
        ),
        ("started_at,aware\r\n2026-03-01T10:00:00+00:00\r\n", [(1, "row")]),
        ("started_at,signs\r\n2026-03-01T10:00:00+00:00,cough;barking\r\n", [(1, "signs")]),
        (
            "started_at,duration_seconds\r\n2026-03-01T10:00:00+00:00,ten\r\n",
            [(1, "duration_seconds")],
        ),
        (
            "started_at,duration,duration_seconds\r\n2026-03-01T10:00:00+00:00,seconds,900\r\n",
            [(1, "duration")],
        ),
    ],
)
def test_errors_name_the_row_and_the_column(text, expected):
    with pytest.raises(DiaryInputError) as caught:
        csvio.parse_episodes(text)
    found = [(row, field) for row, field, _ in caught.value.errors]
    for item in expected:
        assert item in found, found


@pytest.mark.django_db(transaction=True)
def test_a_failure_in_the_middle_of_an_import_leaves_the_diary_as_it_was(dog, monkeypatch):
    from twitchcheck.web.diary import models

    Episode.objects.create(dog=dog, started_at="2026-01-01T00:00:00+00:00")
    text = csvio.write_rows(
        [
            EpisodeFields.model_validate(
                {"started_at": f"2026-03-{d:02d}T10:00:00+00:00"}
            ).model_dump()
            for d in range(1, 21)
        ],
        UTC,
    )
    real = models.Episode.objects.bulk_create
    calls = {"n": 0}

    def failing(objs, batch_size=None, **kwargs):
        # write the first half for real, then fail
        real(objs[:10], batch_size=batch_size)
        raise RuntimeError("disk full")

    monkeypatch.setattr(models.Episode.objects, "bulk_create", failing)
    with pytest.raises(RuntimeError):
        services.episodes_import(dog=dog, user=dog.owner, text=text)
    assert Episode.objects.filter(dog=dog).count() == 1
    calls["n"] += 1
