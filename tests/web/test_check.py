"""The "Check my dog" wizard and its result page."""

import re
from html import unescape

import pytest
from django.test import Client
from web_cases import COLLAPSED, DREAMING

from twitchcheck import assess
from twitchcheck.case import Case
from twitchcheck.web.check.models import SharedResult
from twitchcheck.web.check.wizard import Wizard

pytestmark = pytest.mark.django_db


def test_first_step_shows_one_question_with_progress_back_and_dont_know(client):
    response = client.get("/check/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Question 1" in html
    assert "<progress" in html
    assert 'value="dont_know"' in html
    assert "Back to the guide" in html
    assert html.count("<legend>") == 1
    assert 'src="/static/twitchcheck/js/htmx.min.js"' in html


def test_dreaming_dog_reaches_a_normal_result(client, wizard_run):
    response, steps = wizard_run(DREAMING)
    assert response.status_code == 302
    result = client.get(response["Location"])
    assert result.status_code == 200
    assert result.context["assessment"].urgency == "normal"
    html = result.content.decode()
    assert "Dreaming" in html
    assert 'class="emergency"' not in html
    assert len(steps) <= 20


def test_collapsed_dog_gets_an_emergency_warning_first(client, wizard_run):
    response, _ = wizard_run(COLLAPSED)
    result = client.get(response["Location"])
    html = result.content.decode()
    assert result.context["assessment"].urgency == "emergency"
    warning = html.index("urgency-emergency")
    assert warning < html.index("What may be behind it")
    assert 'role="alert"' in html[warning - 200 : warning + 200]
    assert "Go to a vet or an emergency clinic now." in html


def test_emergency_signs_go_straight_to_the_go_now_result(client):
    """Once the answer can only be an emergency there is no further question before it."""
    wizard = Wizard()
    step = wizard.next_step()
    while step.question.field != "signs" or "collapse" not in step.question.options:
        wizard = wizard.dont_know(step.question)
        step = wizard.next_step()
    response = client.post(
        "/check/", {"state": wizard.dumps(), "action": "answer", "answer": ["collapse"]}
    )
    assert response.status_code == 302
    assert client.get(response["Location"]).context["assessment"].urgency == "emergency"


def test_dont_know_marks_the_field_unknown_and_moves_on(client):
    first = client.get("/check/")
    question = first.context["question"]
    response = client.post("/check/", {"state": first.context["state"], "action": "dont_know"})
    wizard = Wizard.loads(response.context["state"])
    assert wizard.number == 2
    if question.field == "signs":
        assert set(question.options) <= set(wizard.current.skipped_signs)
        assert not wizard.case.signs and not wizard.case.signs_absent
    else:
        assert question.field in wizard.case.unknown
    assert response.context["question"] != question


def test_back_returns_to_the_previous_question_with_its_answer_ticked(client):
    first = client.get("/check/")
    question = first.context["question"]
    action, answers = "answer", [first.context["options"][0].value]
    second = client.post(
        "/check/", {"state": first.context["state"], "action": action, "answer": answers}
    )
    back = client.post("/check/", {"state": second.context["state"], "action": "back"})
    assert back.context["question"] == question
    assert back.context["number"] == 1
    assert back.context["options"][0].checked


def test_an_answer_is_required_unless_the_question_is_about_signs(client):
    wizard = Wizard()
    step = wizard.next_step()
    while step.question.field == "signs":
        wizard = wizard.answer(step.question, [])
        step = wizard.next_step()
    response = client.post("/check/", {"state": wizard.dumps(), "action": "answer"})
    assert response.status_code == 400
    assert "Please choose an answer" in response.content.decode()
    assert response.context["question"] == step.question


def test_an_answer_not_offered_is_rejected(client):
    wizard = Wizard()
    step = wizard.next_step()
    while step.question.field == "signs":
        wizard = wizard.answer(step.question, [])
        step = wizard.next_step()
    response = client.post(
        "/check/", {"state": wizard.dumps(), "action": "answer", "answer": "not-an-option"}
    )
    assert response.status_code == 400
    assert "Please choose one of the answers shown." in response.content.decode()


def test_a_tampered_state_starts_again(client):
    response = client.post("/check/", {"state": "forged:token", "action": "dont_know"})
    assert response.status_code == 200
    assert response.context["number"] == 2  # the fresh wizard, one question skipped


def test_htmx_steps_return_only_the_wizard_and_the_end_redirects_the_page(client, wizard_run):
    first = client.get("/check/", HTTP_HX_REQUEST="true")
    html = first.content.decode()
    assert html.lstrip().startswith('<section id="wizard"')
    assert "<html" not in html
    response, _ = wizard_run(DREAMING, HTTP_HX_REQUEST="true")
    assert re.fullmatch(r"/check/result/[\w-]+/", response["HX-Redirect"])


def test_result_page_shows_causes_reasons_prevention_and_disclaimer(client, wizard_run):
    response, _ = wizard_run(DREAMING)
    result = client.get(response["Location"])
    html = result.content.decode()
    assessment = result.context["assessment"]
    assert "<meter" in html
    assert "Why we think so" in html
    for reason in assessment.causes[0].reasons:
        assert reason in unescape(html)
    assert ("Your prevention plan" in html) == bool(assessment.prevention)
    assert assessment.disclaimer.split(".")[0] in html
    assert "@media print" in client.get("/static/twitchcheck/css/site.css").getvalue().decode()
    assert result["Referrer-Policy"] == "same-origin"
    assert '<meta name="robots" content="noindex">' in html


def test_shared_result_stores_only_the_case_and_reveals_nothing_else(client, wizard_run):
    response, _ = wizard_run(DREAMING)
    result_id = response["Location"].rstrip("/").rsplit("/", 1)[1]
    stored = SharedResult.objects.get(pk=result_id)
    assert {f.name for f in SharedResult._meta.fields} == {"id", "case", "created_on"}
    assert Case.model_validate(stored.case).episode.context == "asleep"
    assert len(result_id) >= 16
    stranger = Client()  # no cookies, no session: the address alone shows the result
    page = stranger.get(response["Location"])
    assert page.status_code == 200
    assert page.context["assessment"] == assess(stored.case)


def test_unknown_result_is_404(client):
    assert client.get("/check/result/no-such-result/").status_code == 404


def test_result_page_lists_what_the_owner_told_us(client):
    result = SharedResult.objects.create(
        case={"dog": {"age_years": 4.0, "breed": "beagle"}, "unknown": ["episode.aware"]}
    )
    html = client.get(f"/check/result/{result.pk}/").content.decode()
    assert "One to five years" in html
    assert "beagle" in html
    assert "Not known" in html
