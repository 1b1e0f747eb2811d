"""The diary in Chromium on a phone-sized screen, by keyboard alone: sign up, add a dog
and log an episode in at most 8 interactions, then open the vet report. An interaction
is one thing a person does to one control: type into a field, choose an option, press a
button (moving focus with Tab to get there is not counted). Axe finds no violations on
the diary's pages."""

from __future__ import annotations

import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from twitchcheck.web.diary.models import Dog, Episode

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone_page(browser, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    context = browser.new_context(
        viewport={"width": 375, "height": 667},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        base_url=live_server.url,
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


class Keyboard:
    """Counts interactions; Tab presses only move focus."""

    def __init__(self, page):
        self.page = page
        self.interactions = 0

    def focused(self) -> dict:
        return self.page.evaluate(
            """() => { const e = document.activeElement;
            return {tag: e.tagName, type: e.type || '', name: e.name || '', value: e.value || '',
                    text: (e.textContent || '').trim()}; }"""
        )

    def tab_to(self, wanted, limit=80) -> None:
        for _ in range(limit):
            if wanted(self.focused()):
                return
            self.page.keyboard.press("Tab")
        raise AssertionError(f"not reachable by keyboard; last focus {self.focused()}")

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.interactions += 1

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.interactions += 1

    def press_button(self, label: str) -> None:
        self.tab_to(lambda f: f["tag"] == "BUTTON" and f["text"] == label)
        self.press("Enter")

    def choose(self, name: str, steps_down: int) -> None:
        """Tab into a radio group and move down to the wanted option (one choice)."""
        self.tab_to(lambda f: f["type"] == "radio" and f["name"] == name)
        for _ in range(steps_down):
            self.page.keyboard.press("ArrowDown")
        self.interactions += 1


def test_sign_up_add_a_dog_and_log_an_episode_by_keyboard_on_a_phone(phone_page):
    page = phone_page
    keys = Keyboard(page)
    page.goto("/accounts/signup/")
    assert keys.focused()["name"] == "email"  # focus starts in the first field
    keys.type("owner@example.org")
    keys.tab_to(lambda f: f["name"] == "password")
    keys.type("a-long-browser-password-7")
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/diary/dogs/new/$"))
    assert keys.focused()["name"] == "name"
    keys.type("Bella")
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/diary/dogs/\d+/$"))
    # "A seizure or fit" is the option after "Not sure / not noted"
    keys.choose("looks_like", steps_down=1)
    keys.press_button("Save the episode")
    page.wait_for_selector("text=Episode logged.")
    assert keys.interactions <= 8, keys.interactions
    episode = Episode.objects.get()
    assert episode.dog.name == "Bella" and episode.looks_like == "seizure_or_fit"
    assert page.locator(".timeline .episode").count() == 1

    # then the report, still by keyboard
    keys.tab_to(lambda f: f["tag"] == "A" and f["text"] == "Vet report")
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/report/$"))
    keys.tab_to(lambda f: f["tag"] == "A" and f["text"] == "Open the report (PDF)")
    with page.expect_response(lambda r: "/report.pdf" in r.url) as opened:
        keys.press("Enter")
    response = opened.value
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    # Chromium shows it in its PDF viewer; read the same address with the page's cookies
    pdf = page.context.request.get(response.url).body()
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Bella: twitching diary" in text and "A seizure or fit" in text


def test_the_diary_pages_have_no_axe_violations(phone_page, live_server):
    from twitchcheck.web.diary import services

    page = phone_page
    user = services.account_create(email="a@example.org", password="a-long-browser-password-7")
    dog = services.dog_create(owner=user, name="Bella")
    services.medication_create(dog=dog, name="Pheno", since=dog.created_at.date())
    episode = services.episode_create(
        dog=dog, user=user, fields={"started_at": dog.created_at, "looks_like": "seizure_or_fit"}
    )
    services.episode_check(episode=episode)
    page.goto("/accounts/login/")
    page.fill("#id_username", "a@example.org")
    page.fill("#id_password", "a-long-browser-password-7")
    page.press("#id_password", "Enter")
    page.wait_for_url(re.compile(r"/diary/$"))
    axe = Axe()
    for path in (
        "/diary/",
        f"/diary/dogs/{dog.pk}/",
        f"/diary/dogs/{dog.pk}/episodes/new/",
        f"/diary/episodes/{episode.pk}/",
        f"/diary/dogs/{dog.pk}/trends/",
        f"/diary/dogs/{dog.pk}/report/",
        f"/diary/dogs/{dog.pk}/sharing/",
        f"/diary/dogs/{dog.pk}/edit/",
        "/diary/account/",
    ):
        page.goto(path)
        results = axe.run(page)
        assert results.violations_count == 0, (path, results.generate_report())
    assert Dog.objects.count() == 1
