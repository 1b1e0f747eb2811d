"""The screenshots the README shows (docs/screenshots/), taken by `make screenshots`.

Skipped in the ordinary test run: set SCREENSHOTS=1 to take them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from twitchcheck.web.check.models import SharedResult

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("SCREENSHOTS"), reason="set SCREENSHOTS=1"),
]

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
RESULTS = {
    "result-emergency": (
        {"history": {"possible_toxin": "yes"}, "signs": ["drooling", "wobbling"]},
        "Rex",
    ),
    "result-see-vet": (
        {
            "dog": {"age_years": 7.0},
            "episode": {"context": "resting_awake", "pattern": "more_often_lately"},
            "signs": ["limping_or_pain"],
        },
        "Max",
    ),
    "result-normal": (
        {
            "dog": {"age_years": 4.0, "sex": "female"},
            "episode": {
                "context": "asleep",
                "aware": "yes",
                "duration": "seconds",
                "afterwards": "normal",
                "body_area": ["hind_leg"],
            },
            "history": {"possible_toxin": "no"},
        },
        "Bella",
    ),
}


@pytest.fixture
def shoot(browser, live_server):
    call_command("setup_site", "--starter-content", verbosity=0)
    OUT.mkdir(parents=True, exist_ok=True)
    opened = []

    def take(name: str, path: str, width: int, height: int, scale: float = 1) -> Path:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=scale,
            base_url=live_server.url,
            locale="en-GB",
            timezone_id="Europe/London",
        )
        opened.append(context)
        page = context.new_page()
        page.goto(path)
        page.wait_for_load_state("networkidle")
        target = OUT / f"{name}.png"
        page.screenshot(path=str(target))
        return target

    yield take
    for context in opened:
        context.close()


def test_take_the_screenshots(shoot):
    shoot("guide-desktop", "/", 1280, 860)
    shoot("guide-phone", "/", 390, 844, scale=2)
    shoot("wizard-first-step", "/check/", 1024, 760)
    for name, (case, dog) in RESULTS.items():
        pk = SharedResult.objects.create(case=case, dog_name=dog).pk
        shoot(name, f"/check/result/{pk}/", 1024, 900)
    assert len(list(OUT.glob("*.png"))) >= 6
