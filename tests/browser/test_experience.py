"""The owner's experience end to end in Chromium (issue 10): the describe-first check with a
corrected chip, the go-now warning that stays, questions that fit the dog, the result's
order and one-page print, tap-to-call links, a styled 404, and axe on every page, on a
desktop and a phone. The `page` fixture fails a test on any console error or 404."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from twitchcheck.web.check.models import SharedResult

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RESULT = re.compile(r".*/check/result/[\w-]+/$")
DESCRIBED = (
    "Bella, my 4 year old lab, twitches her back leg for a few seconds while resting on the "
    "sofa. She answers at once when I call her and is normal straight after."
)
# what the owner of a dreaming dog answers, field by field ("__none__": none of these signs)
DREAMING = {
    "dog.sex": "female",
    "dog.pregnant_or_nursing": "false",
    "episode.context": "asleep",
    "episode.aware": "yes",
    "episode.afterwards": "normal",
    "episode.pattern": "occasional",
    "episode.stops_when_distracted": "yes",
    "episode.trigger": "none_noticed",
    "history.recent_heavy_exercise": "false",
    "history.new_food_or_medication": "false",
    "history.low_water_intake": "false",
    "history.hot_weather_or_overheated": "false",
    "history.possible_toxin": "no",
}
CASES = {
    "normal": {"episode": {"context": "asleep", "aware": "yes", "duration": "seconds"}},
    "see_vet": {
        "dog": {"age_years": 7.0},
        "episode": {"context": "resting_awake", "pattern": "more_often_lately"},
        "signs": ["limping_or_pain"],
    },
    "emergency": {"history": {"possible_toxin": "yes"}, "signs": ["drooling", "wobbling"]},
}


@pytest.fixture
def site():
    call_command("setup_site", "--starter-content", verbosity=0)


def result_for(kind: str, name: str = "") -> str:
    return f"/check/result/{SharedResult.objects.create(case=CASES[kind], dog_name=name).pk}/"


def describe(page, text: str, name: str = "") -> None:
    page.goto("/check/")
    page.get_by_label("What did you see?").fill(text)
    if name:
        page.get_by_label("Your dog’s name (optional)").fill(name)
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="What we understood").wait_for()


def field_shown(page) -> str | None:
    fieldset = page.locator("#wizard fieldset")
    return fieldset.get_attribute("data-field") if fieldset.count() else None


def next_step(page, number_before: int) -> None:
    page.wait_for_function(
        "n => location.pathname.includes('/result/') || "
        "(document.getElementById('question-number') && "
        "document.getElementById('question-number').textContent !== 'Question ' + n)",
        arg=number_before,
    )


def answer_questions(page, answers: dict, limit: int = 30) -> list[str]:
    """Answers every question from `answers` (don't know for the rest, none of these for
    signs) until the result; the fields asked."""
    asked = []
    for _ in range(limit):
        if RESULT.match(page.url):
            return asked
        page.locator("#question-number").wait_for()
        number = int(page.locator("#question-number").inner_text().split()[-1])
        field = field_shown(page)
        asked.append(field)
        wanted = "__none__" if field == "signs" else answers.get(field)
        if wanted is None:
            page.get_by_role("button", name="Don’t know").click()
        else:
            page.locator(f'#wizard input[name=answer][value="{wanted}"]').check()
            page.get_by_role("button", name="Next").click()
        next_step(page, number)
    raise AssertionError(f"no result after {limit} questions: {asked}")


# --- the check ------------------------------------------------------------------------------


def test_describe_first_check_reaches_the_right_result_with_one_chip_corrected(page, site):
    describe(page, DESCRIBED, name="Bella")
    chips = page.locator(".chip")
    assert chips.count() >= 4
    when = page.locator(".chip", has_text="When it happens")
    assert "While resting but awake" in when.inner_text()
    # the owner corrects it: it happens in her sleep
    when.get_by_role("button", name=re.compile("^Change")).click()
    page.get_by_label("While asleep").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="What we understood").wait_for()
    assert "While asleep" in page.locator(".chip", has_text="When it happens").inner_text()
    understood = [c.split(":")[0] for c in page.locator(".chip-text").all_inner_texts()]
    page.get_by_role("button", name="Looks right, continue").click()
    asked = answer_questions(page, DREAMING)
    assert "episode.context" not in asked and "episode.duration" not in asked
    assert "dog.age_years" not in asked
    page.wait_for_url(RESULT)
    assert page.locator(".urgency-normal").is_visible()
    assert "Dreaming" in page.locator(".cause-result").first.inner_text()
    assert page.get_by_role("heading", level=1).inner_text() == "Bella’s check"
    told = page.locator(".answers").inner_text()
    assert "While asleep" in told and "Bella" in told
    assert understood


@pytest.fixture
def engine_keeps_asking(monkeypatch):
    """An engine that keeps asking after an emergency (the real one stops at once), so
    that the warning is seen over later questions and after "back"."""
    from twitchcheck.case import NextStep
    from twitchcheck.session import Interview, question_for

    def next_step_(self):
        case = self.case
        if not case.is_answered("episode.pattern"):
            return NextStep(done=False, question=question_for("episode.pattern"))
        if not case.sign_known("collapse"):
            return NextStep(done=False, question=question_for("signs"))
        for field in ("episode.duration", "episode.afterwards"):
            if not case.is_answered(field):
                return NextStep(done=False, question=question_for(field))
        return NextStep(done=True)

    monkeypatch.setattr(Interview, "next_step", next_step_)


def test_the_go_now_banner_stays_once_shown(page, site, engine_keeps_asking):
    page.goto("/check/")
    page.get_by_role("button", name="Answer questions instead").click()
    page.get_by_label("Now and then").check()
    page.get_by_role("button", name="Next").click()
    next_step(page, 1)
    assert page.locator(".emergency").count() == 0
    page.get_by_label("Collapsed").check()
    page.get_by_role("button", name="Next").click()
    next_step(page, 2)
    banner = page.locator(".emergency")
    assert banner.is_visible() and "Go to a vet now." in banner.inner_text()
    page.get_by_role("button", name="Don’t know").click()
    next_step(page, 3)
    assert page.locator(".emergency").is_visible()
    for number in (4, 3):
        page.get_by_role("button", name="Back").click()
        next_step(page, number)
        assert page.locator(".emergency").is_visible(), f"gone after back from {number}"
    page.get_by_role("button", name="See what to do now").click()
    page.wait_for_url(RESULT)


def test_a_male_dog_is_never_asked_about_pregnancy(page, site):
    describe(page, "My male dog Rex is shaking all over")
    assert "Male" in page.locator(".chip", has_text="Sex").inner_text()
    page.get_by_role("button", name="Looks right, continue").click()
    asked = answer_questions(page, {})
    assert asked and "dog.pregnant_or_nursing" not in asked


# --- the result -----------------------------------------------------------------------------


def test_the_result_leads_with_what_to_do_then_why_then_causes(page, site):
    page.goto(result_for("emergency", "Rex"))
    tops = {
        name: page.locator(selector).first.bounding_box()["y"]
        for name, selector in {
            "banner": ".urgency-emergency",
            "now": ".now",
            "why": "#why-title",
            "causes": "#causes-title",
            "prevention": "#prevention-title",
            "told": "#answers-title",
        }.items()
        if page.locator(selector).count()
    }
    order = sorted(tops, key=tops.get)
    assert order[:2] == ["banner", "now"]
    assert order.index("causes") < order.index("told")
    if "why" in tops:
        assert tops["why"] < tops["causes"]
    assert tops["banner"] < 400  # on the first screen
    assert "Rex’s check" in page.get_by_role("heading", level=1).inner_text()
    assert page.locator("time[data-local-time]").first.inner_text()  # in local time


@pytest.mark.parametrize("kind", ["normal", "see_vet", "emergency"])
def test_the_print_view_fits_one_page(page, site, kind):
    page.goto(result_for(kind, "Bella"))
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"{kind}: {pages} pages"
    assert page.locator(".share").is_hidden()


def test_phone_numbers_are_tap_to_call_links(page, site):
    page.goto(result_for("emergency"))
    links = page.locator('.poison-lines a[href^="tel:"]')
    assert links.count() >= 1
    assert links.first.get_attribute("href") == "tel:8884264435"
    page.select_option("#country", "GB")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r".*country=GB"))
    assert page.locator('.poison-lines a[href="tel:01202509000"]').is_visible()
    page.goto("/guides/dog-muscle-spasms/")
    assert page.locator('a[href="tel:8884264435"]').count() >= 1


def test_a_styled_404_with_the_sites_navigation(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        response = page.goto("/no/such/page/")
        assert response.status == 404
        assert page.get_by_role("heading", level=1).inner_text() == "We could not find that page"
        nav = page.get_by_role("navigation", name="Main")
        assert nav.get_by_role("link", name="Check my dog").is_visible()
        assert page.locator("link[rel=stylesheet]").count() == 1
        assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
        # the only console message is the browser's note about the 404 itself
        assert all("404" in e for e in errors), errors
    finally:
        context.close()


# --- accessibility, desktop and phone -------------------------------------------------------

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 667}}


def _visit(page, where: str) -> None:
    if where.startswith("/"):
        page.goto(where)
    elif where == "chips":
        describe(page, DESCRIBED)
    elif where == "edit":
        describe(page, DESCRIBED)
        page.locator(".chip", has_text="When it happens").get_by_role(
            "button", name=re.compile("^Change")
        ).click()
        page.get_by_role("button", name="Save").wait_for()
    elif where == "question":
        page.goto("/check/")
        page.get_by_role("button", name="Answer questions instead").click()
        page.locator("#question-number").wait_for()
    elif where in CASES:
        page.goto(result_for(where, "Bella"))


PAGES = ["/", "/check/", "chips", "edit", "question", "normal", "see_vet", "emergency"]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("where", PAGES)
def test_no_axe_violations_and_no_sideways_scrolling(page, site, where, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    _visit(page, where)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{where} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_axe_violations_on_the_404(browser, live_server, site, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], base_url=live_server.url)
    page = context.new_page()
    try:
        page.goto("/no/such/page/")
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
