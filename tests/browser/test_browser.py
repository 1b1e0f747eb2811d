"""End to end in Chromium: the wizard by keyboard alone, comment moderation through the
admin, accessibility (axe-core), a phone-sized screen and no JavaScript."""

import re

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DREAMING = {
    "dog.age_years": "4.0",
    "dog.sex": "female",
    "dog.pregnant_or_nursing": "false",
    "episode.context": "asleep",
    "episode.body_area": ["hind_leg"],
    "episode.duration": "seconds",
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
    "signs": ["__none__"],
}


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
        return {tag: e.tagName, type: e.type || '', value: e.value || '',
                text: (e.textContent || '').trim(), name: e.name || ''}; }"""
    )


def tab_to(page, wanted, backwards=False, limit=60) -> None:
    """Presses Tab (or Shift+Tab) until the focused element matches wanted(info)."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if wanted(focused(page)):
            return
    raise AssertionError(f"could not reach the element by keyboard; last: {focused(page)}")


def press_button(page, label: str) -> None:
    tab_to(page, lambda f: f["tag"] == "BUTTON" and f["text"] == label)
    page.keyboard.press("Enter")


def answer_by_keyboard(page, answers: list[str]) -> None:
    """Ticks or picks the given option values with the keyboard, then presses Next."""
    inputs = page.locator("#wizard input[name=answer]")
    kind = inputs.first.get_attribute("type")
    values = [inputs.nth(i).get_attribute("value") for i in range(inputs.count())]
    if kind == "radio":
        target = values.index(answers[0])
        tab_to(page, lambda f: f["type"] == "radio")
        if target == 0:
            page.keyboard.press("Space")
        for _ in range(target):
            page.keyboard.press("ArrowDown")
    else:
        for value in answers:
            tab_to(page, lambda f, v=value: f["type"] == "checkbox" and f["value"] == v)
            page.keyboard.press("Space")
    press_button(page, "Next")


def wait_for_step(page, number: int) -> None:
    page.wait_for_function(
        "n => document.getElementById('question-number')?.textContent === 'Question ' + n",
        arg=number,
    )


def test_wizard_by_keyboard_alone_to_a_normal_result(page):
    page.goto("/")
    tab_to(page, lambda f: f["tag"] == "A" and f["text"] == "Check my dog")
    page.keyboard.press("Enter")
    page.wait_for_url("**/check/")
    press_button(page, "Answer questions instead")
    for number in range(1, 40):
        if "/check/result/" in page.url:
            break
        wait_for_step(page, number)
        assert page.evaluate("document.activeElement.id") in ("question-title", "main", "")
        field = page.locator("#wizard fieldset").get_attribute("data-field")
        answer = DREAMING.get(field)
        if answer is None:
            press_button(page, "Don’t know")
        else:
            answer_by_keyboard(page, answer if isinstance(answer, list) else [answer])
        page.wait_for_function(
            "n => location.pathname.includes('/result/') || "
            "document.getElementById('question-number')?.textContent === 'Question ' + n",
            arg=number + 1,
        )
    page.wait_for_url(re.compile(r".*/check/result/[\w-]+/$"))
    assert page.locator(".urgency-normal").is_visible()
    assert page.locator("meter").count() >= 1
    assert "Dreaming" in page.content()


def test_wizard_by_keyboard_alone_to_an_emergency(page):
    page.goto("/check/")
    press_button(page, "Answer questions instead")
    for number in range(1, 40):
        wait_for_step(page, number)
        options = page.locator("#wizard input[name=answer]")
        values = [options.nth(i).get_attribute("value") for i in range(options.count())]
        if "collapse" in values:
            answer_by_keyboard(page, ["collapse", "breathing_difficulty"])
            break
        press_button(page, "Don’t know")
    # the engine stops at once on an emergency; or the warning comes before the question
    page.wait_for_function(
        "() => location.pathname.includes('/result/') || document.querySelector('.emergency')"
    )
    if "/result/" not in page.url:
        warning = page.get_by_role("alert")
        assert "Go to a vet now." in warning.inner_text()
        tab_to(page, lambda f: f["text"] == "See what to do now", backwards=True)
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/check/result/[\w-]+/$"))
    banner = page.locator(".urgency-emergency")
    assert banner.is_visible()
    assert "Go to a vet or an emergency clinic now." in banner.inner_text()
    # first thing on the page after the title
    box = banner.bounding_box()
    assert box["y"] < page.locator("#causes-title").bounding_box()["y"]
    assert box["y"] < 400  # on the first screen
    color = banner.evaluate("e => getComputedStyle(e).backgroundColor")
    assert color == "rgb(166, 27, 27)"


def test_comment_is_hidden_until_staff_approve_it(page, django_user_model):
    django_user_model.objects.create_superuser("mod", "mod@example.org", "a-long-test-password")
    page.goto("/guides/dog-muscle-spasms/")
    page.get_by_role("link", name="Leave a comment").click()
    page.wait_for_url("**/guides/dog-muscle-spasms/comments/")
    page.get_by_label("Name", exact=True).fill("Robin")
    page.get_by_label("Email", exact=True).fill("robin@example.org")
    page.get_by_label("Comment", exact=True).fill("Our terrier paddles in her sleep every night.")
    page.get_by_role("button", name="Send comment").click()
    page.wait_for_url("**/guides/dog-muscle-spasms/#comments")
    assert page.get_by_role("status").inner_text().startswith("Thank you!")
    assert "Our terrier paddles" not in page.content()
    assert "robin@example.org" not in page.content()

    page.goto("/admin/login/?next=/admin/comments/comment/")
    page.locator("#id_username").fill("mod")
    page.locator("#id_password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/comments/comment/")
    assert "Comments: 1 pending" in page.content()
    page.locator("input[name=_selected_action]").first.check()
    page.locator("select[name=action]").select_option("mark_approved")
    page.get_by_role("button", name="Go").click()
    page.get_by_text("1 comment(s) approved.").wait_for()

    page.context.clear_cookies()
    page.goto("/guides/dog-muscle-spasms/")
    assert page.get_by_text("Our terrier paddles in her sleep every night.").is_visible()
    assert "robin@example.org" not in page.content()


def test_phone_sized_screen(phone):
    call_command("setup_site", "--starter-content", verbosity=0)
    for path in ("/", "/check/"):
        phone.goto(path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    phone.goto("/")
    check = phone.get_by_role("link", name="Check my dog").nth(1)
    box = check.bounding_box()
    assert box["height"] >= 44 and box["y"] < 667, "the main button is on the first screen"
    phone.goto("/check/")
    phone.get_by_role("button", name="Answer questions instead").click()
    labels = phone.locator(".choice label")
    assert labels.first.bounding_box()["height"] >= 44


def test_wizard_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    try:
        page.goto("/check/")
        page.get_by_role("button", name="Answer questions instead").click()
        page.wait_for_load_state()
        for number in range(1, 40):
            if "/check/result/" in page.url:
                break
            assert page.locator("#question-number").inner_text() == f"Question {number}"
            page.get_by_role("button", name="Don’t know").click()
            page.wait_for_load_state()
        assert re.search(r"/check/result/[\w-]+/$", page.url)
        assert page.locator(".urgency").is_visible()
        assert page.locator("[data-print]").is_hidden()  # needs a script, so not offered
    finally:
        context.close()
