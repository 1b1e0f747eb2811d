"""The vet report read back with pypdf: the dog, its medications, the trend, the latest
check and every episode in the period (and none outside it), on one or two pages."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from diary_helpers import add_episodes
from pypdf import PdfReader

from twitchcheck.web.diary import labels, report, services

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def read(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def test_the_report_holds_the_dog_and_every_episode_in_range(dog):
    services.medication_create(dog=dog, name="Phenobarbital", dose="30 mg", since=date(2026, 1, 5))
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    inside = [start + timedelta(days=d, hours=d % 7) for d in range(40)]
    outside = [start - timedelta(days=3), start + timedelta(days=70)]
    add_episodes(dog, inside, notes="woke up fine")
    add_episodes(dog, outside)
    (checked,) = add_episodes(
        dog, [start + timedelta(days=41)], looks_like="seizure_or_fit", aware="no"
    )
    services.episode_check(episode=checked)
    pdf = report.build_pdf(dog=dog, tz=LONDON, since=date(2026, 1, 1), until=date(2026, 2, 11))
    pages, text = read(pdf)
    assert 1 <= pages <= 2
    assert "Bella: twitching diary" in text
    assert "labrador retriever" in text and "Phenobarbital 30 mg" in text
    assert "Started on phenobarbital in March." in text  # the owner's notes
    checked.refresh_from_db()
    urgency = labels.urgency_label(checked.assessment["urgency"])
    assert f"Latest check {urgency}:" in text
    top = checked.assessment["causes"][0]
    assert labels.cause_name(top["id"]) in text
    for moment in [*inside, checked.started_at]:
        assert moment.astimezone(LONDON).strftime("%d %b %Y %H:%M") in text, moment
    for moment in outside:
        assert moment.astimezone(LONDON).strftime("%d %b %Y %H:%M") not in text
    assert "Episodes (41 from" in text


def test_a_huge_diary_still_fits_on_two_pages_and_says_what_is_left_out(dog):
    now = datetime.now(UTC)
    add_episodes(dog, [now - timedelta(hours=3 * i) for i in range(400)], notes="x" * 300)
    for i in range(20):
        services.medication_create(
            dog=dog, name=f"Medication {i}", since=date(2025, 1, 1) + timedelta(days=i)
        )
    dog.notes = "Long notes. " * 200
    dog.save()
    pages, text = read(report.build_pdf(dog=dog, tz=LONDON))
    assert pages == 2
    assert "earlier episodes in this period are not shown here" in text
    assert "older not shown" in text


def test_an_empty_diary_gives_a_one_page_report(owner):
    dog = services.dog_create(owner=owner, name="Ünïcødé Łucja 🐕")
    pages, text = read(report.build_pdf(dog=dog, tz=LONDON))
    assert pages == 1
    assert "Ünïcødé Łucja" in text and "No episodes in this period." in text
    assert "No episode has been checked yet." in text


def test_the_shared_link_uses_the_owners_time_zone(client, dog):
    moment = (datetime.now(UTC) - timedelta(days=3)).replace(
        hour=12, minute=0, second=0, microsecond=0
    )
    add_episodes(dog, [moment])
    services.profile_update(user=dog.owner, time_zone="Asia/Tokyo")
    _link, token = services.report_link_create(dog=dog, user=dog.owner)
    response = client.get(f"/report/{token}/")
    assert response.status_code == 200
    _pages, text = read(response.content)
    assert moment.astimezone(ZoneInfo("Asia/Tokyo")).strftime("%d %b %Y 21:00") in text
