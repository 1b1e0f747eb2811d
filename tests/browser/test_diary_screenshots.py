"""Screenshots of the diary for docs/screenshots/ (`make screenshots-diary`): the dog
page on a phone, the trend chart, and the vet report's first page (pdftoppm). Skipped
unless DIARY_SCREENSHOTS names the folder to write to, so test runs write nothing."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

OUT = os.environ.get("DIARY_SCREENSHOTS", "")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not OUT, reason="set DIARY_SCREENSHOTS=folder (make screenshots-diary)"),
]


def _diary():
    from twitchcheck.web.diary import services
    from twitchcheck.web.diary.models import Episode

    owner = services.account_create(
        email="sam@example.org", password="a-long-screenshot-password-1", time_zone="Europe/London"
    )
    dog = services.dog_create(
        owner=owner,
        name="Bella",
        breed="border collie",
        birth_date=datetime(2019, 4, 2).date(),
        sex="female",
        neutered=True,
        vaccinations="up_to_date",
        weight_kg=18,
        notes="Fits started in the spring. Phenobarbital since September, with meals.",
    )
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    services.medication_create(
        dog=dog,
        name="Phenobarbital",
        dose="30 mg twice a day",
        since=(now - timedelta(days=70)).date(),
    )
    rng = random.Random(4)
    moments = [
        now - timedelta(days=rng.uniform(1, 180), minutes=rng.randint(0, 600)) for _ in range(60)
    ]
    moments += [now - timedelta(days=rng.uniform(1, 14)) for _ in range(10)]
    for moment in sorted(moments):
        services.episode_create(
            dog=dog,
            user=owner,
            fields={
                "started_at": moment,
                "duration_seconds": rng.choice([10, 20, 30, 45, 60, 90]),
                "looks_like": rng.choice(
                    ["twitching_or_jerking", "twitching_or_jerking", "trembling_or_shivering"]
                ),
                "context": rng.choice(["asleep", "resting_awake"]),
                "aware": "yes",
                "afterwards": "normal",
                "body_area": ["hind_leg"],
                "notes": rng.choice(["", "", "woke up and wagged", "after a long walk"]),
            },
        )
    for hours, notes in ((9, "paddling, drooled, wobbly after"), (2, "second one today")):
        episode = services.episode_create(
            dog=dog,
            user=owner,
            fields={
                "started_at": now - timedelta(hours=hours),
                "duration_seconds": 100,
                "looks_like": "seizure_or_fit",
                "context": "resting_awake",
                "aware": "no",
                "afterwards": "confused_or_wobbly",
                "body_area": ["whole_body"],
                "signs": ["drooling", "paddling_or_chomping"],
                "notes": notes,
            },
        )
    services.episode_check(episode=episode)
    return owner, dog, Episode


def _login(page, live_server):
    page.goto("/accounts/login/")
    page.fill("#id_username", "sam@example.org")
    page.fill("#id_password", "a-long-screenshot-password-1")
    page.press("#id_password", "Enter")
    page.wait_for_url("**/diary/")


def test_diary_screenshots(browser, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    out = Path(OUT)
    out.mkdir(parents=True, exist_ok=True)
    _owner, dog, _ = _diary()

    phone = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        base_url=live_server.url,
    )
    page = phone.new_page()
    _login(page, live_server)
    page.goto(f"/diary/dogs/{dog.pk}/")
    page.screenshot(path=str(out / "diary-dog-page.png"), full_page=False)
    phone.close()

    desktop = browser.new_context(viewport={"width": 1000, "height": 900}, base_url=live_server.url)
    page = desktop.new_page()
    _login(page, live_server)
    page.goto(f"/diary/dogs/{dog.pk}/trends/")
    page.wait_for_function("() => document.querySelector('.chart img').complete")
    page.locator(".chart").screenshot(path=str(out / "diary-chart.png"))
    pdf = page.context.request.get(f"{live_server.url}/diary/dogs/{dog.pk}/report.pdf").body()
    desktop.close()
    report = tmp_path / "report.pdf"
    report.write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "90",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(report),
                str(out / "diary-report-page1"),
            ],
            check=True,
        )
    else:
        pytest.skip("pdftoppm (poppler-utils) is not installed: no picture of the report")
