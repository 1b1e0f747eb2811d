"""The "Check my dog" wizard's questions and its result page."""

import re
from html import unescape

import pytest
from django.test import Client
from web_cases import COLLAPSED, DREAMING

from twitchcheck import assess
from twitchcheck.case import Case
from twitchcheck.session import Interview
from twitchcheck.web.check.models import SharedResult
from twitchcheck.web.check.step import NONE_OF_THESE
from twitchcheck.web.check.wizard import dumps, loads
from twitchcheck.web.store.models import PoisonLine, StoreSettings
from twitchcheck.web.store.starter import starter_content_load

pytestmark = pytest.mark.django_db


def first_question(client, **data):
    return client.post("/check/", {"action": "skip", **data})


def past_signs(interview: Interview):
    """The interview advanced (none of these) to its first question that is not signs."""
    step = interview.next_step()
    while step.question.field == "signs":
        interview = interview.answer(step.question, [])
        step = interview.next_step()
    return interview, step


def test_first_question_shows_progress_back_and_dont_know(client):
    response = first_question(client)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "Question 1" in html
    assert "<progress" in html
    assert re.search(r"About \d+ questions left|Nearly done", html)
    assert " of 39 " not in html and "details known" not in html
    assert 'value="dont_know"' in html and 'value="back"' in html
    assert html.count("<legend>") == 1
    assert 'src="/static/twitchcheck/js/htmx.min.js"' in html


def test_progress_counts_questions_left_and_goes_down(client):
    first = first_question(client)
    left = first.context["questions_left"]
    assert left >= 1
    second = client.post("/check/", {"state": first.context["state"], "action": "dont_know"})
    assert second.context["questions_left"] <= left
    assert second.context["progress_value"] == 1


def test_every_checklist_of_signs_offers_none_of_these(client):
    interview = Interview.start()
    for _ in range(6):
        step = interview.next_step()
        if step.done:
            break
        response = client.post("/check/", {"state": dumps(interview), "action": "confirm"})
        html = unescape(response.content.decode())
        if step.question.field == "signs":
            assert f'value="{NONE_OF_THESE}"' in html and "None of these" in html
        interview = interview.dont_know(step.question)


def test_the_long_checklist_shows_its_parts_as_labelled_groups(client):
    response = first_question(client)
    state = response.context["state"]
    answer = {"state": state, "action": "answer", "answer": "trembling_or_shivering"}
    response = client.post("/check/", answer)
    assert response.context["question"].field == "signs"
    html = unescape(response.content.decode())
    groups = re.findall(r'role="group" aria-labelledby="(choices-group-\d+)"', html)
    assert len(groups) == len(response.context["question"].option_groups) >= 2
    for group in groups:
        assert f'id="{group}"' in html
    ids = re.findall(r'id="answer-(\d+)"', html)
    assert len(ids) == len(set(ids)) == len(response.context["question"].options)


def test_signs_need_a_tick_or_none_of_these(client):
    response = first_question(client)
    for _ in range(10):
        if response.context["question"].field == "signs":
            break
        response = client.post(
            "/check/", {"state": response.context["state"], "action": "dont_know"}
        )
    assert response.context["question"].field == "signs"
    state = response.context["state"]
    empty = client.post("/check/", {"state": state, "action": "answer"})
    assert empty.status_code == 400
    assert "None of these" in unescape(empty.content.decode())
    both = client.post(
        "/check/",
        {"state": state, "action": "answer", "answer": [NONE_OF_THESE, "collapse"]},
    )
    assert both.status_code == 400
    none = client.post("/check/", {"state": state, "action": "answer", "answer": NONE_OF_THESE})
    assert none.status_code == 200
    case = loads(none.context["state"]).case
    assert set(response.context["question"].options) <= set(case.signs_absent)


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


def test_collapsed_dog_gets_an_emergency_result_that_leads_with_what_to_do(client, wizard_run):
    response, _ = wizard_run(COLLAPSED)
    result = client.get(response["Location"])
    html = result.content.decode()
    assert result.context["assessment"].urgency == "emergency"
    warning = html.index("urgency-emergency")
    assert warning < html.index("What to do now") < html.index("What may be behind it")
    assert 'role="alert"' in html[warning - 200 : warning + 200]
    assert "Go to a vet or an emergency clinic now." in html


def test_an_answer_that_makes_it_an_emergency_goes_straight_to_the_result(client):
    interview = Interview.start()
    step = interview.next_step()
    while step.question.field != "signs" or "collapse" not in step.question.options:
        interview = interview.dont_know(step.question)
        step = interview.next_step()
    response = client.post(
        "/check/", {"state": dumps(interview), "action": "answer", "answer": ["collapse"]}
    )
    # once the answer can only be an emergency there is no further question before it
    assert response.status_code == 302
    assert client.get(response["Location"]).context["assessment"].urgency == "emergency"


@pytest.fixture
def engine_keeps_asking(monkeypatch):
    """An engine that asks its fixed questions whatever the case, so that questions follow
    an emergency (the real engine stops at once; the warning must stay all the same)."""
    from twitchcheck.case import NextStep
    from twitchcheck.session import question_for

    def next_step(self):
        case = self.case
        if not case.is_answered("episode.pattern"):
            return NextStep(done=False, question=question_for("episode.pattern"))
        if not case.sign_known("collapse"):
            return NextStep(done=False, question=question_for("signs"))
        for field in ("episode.duration", "episode.afterwards"):
            if not case.is_answered(field):
                return NextStep(done=False, question=question_for(field))
        return NextStep(done=True)

    monkeypatch.setattr(Interview, "next_step", next_step)


def test_go_now_warning_comes_before_the_question_and_stays(client, engine_keeps_asking):
    first = first_question(client)
    assert first.context["question"].field == "episode.pattern"
    second = client.post(
        "/check/", {"state": first.context["state"], "action": "answer", "answer": "occasional"}
    )
    assert "Go to a vet now." not in second.content.decode()
    third = client.post(
        "/check/", {"state": second.context["state"], "action": "answer", "answer": "collapse"}
    )
    html = third.content.decode()
    assert "Go to a vet now." in html
    assert html.index("Go to a vet now.") < html.index("<legend>")
    assert loads(third.context["state"]).emergency_shown
    # later answers and "back" change the case, never the warning once shown
    fourth = client.post("/check/", {"state": third.context["state"], "action": "dont_know"})
    assert "Go to a vet now." in fourth.content.decode()
    back = client.post("/check/", {"state": fourth.context["state"], "action": "back"})
    back = client.post("/check/", {"state": back.context["state"], "action": "back"})
    assert back.context["question"].field == "signs"
    assert "Go to a vet now." in back.content.decode()
    finish = client.post("/check/", {"state": back.context["state"], "action": "finish"})
    assert finish.status_code == 302


def test_dont_know_marks_the_field_unknown_and_moves_on(client):
    first = first_question(client)
    question = first.context["question"]
    response = client.post("/check/", {"state": first.context["state"], "action": "dont_know"})
    interview = loads(response.context["state"])
    assert interview.number == 2
    if question.field == "signs":
        assert set(question.options) <= set(interview.skipped_signs)
        assert not interview.case.signs and not interview.case.signs_absent
    else:
        assert question.field in interview.case.unknown
    assert response.context["question"] != question


def test_back_returns_to_the_previous_question_with_its_answer_ticked(client):
    interview, step = past_signs(Interview.start())
    first = client.post("/check/", {"state": dumps(interview), "action": "confirm"})
    question = first.context["question"]
    answers = [first.context["options"][1].value]  # the second: "no", never a red flag
    second = client.post(
        "/check/", {"state": first.context["state"], "action": "answer", "answer": answers}
    )
    back = client.post("/check/", {"state": second.context["state"], "action": "back"})
    assert back.context["question"] == question
    assert back.context["options"][1].checked


def test_back_from_the_first_question_returns_to_the_first_step_with_the_name(client):
    first = first_question(client, name="Bella")
    back = client.post("/check/", {"state": first.context["state"], "action": "back"})
    html = back.content.decode()
    assert "Tell us what you saw" in html
    assert 'value="Bella"' in html


def test_an_answer_is_required(client):
    interview, step = past_signs(Interview.start())
    response = client.post("/check/", {"state": dumps(interview), "action": "answer"})
    assert response.status_code == 400
    assert "Please choose an answer" in response.content.decode()
    assert response.context["question"] == step.question


def test_an_answer_not_offered_is_rejected(client):
    interview, _ = past_signs(Interview.start())
    response = client.post(
        "/check/", {"state": dumps(interview), "action": "answer", "answer": "not-an-option"}
    )
    assert response.status_code == 400
    assert "Please choose one of the answers shown." in response.content.decode()


def test_a_tampered_state_starts_again(client):
    response = client.post("/check/", {"state": "forged:token", "action": "dont_know"})
    assert response.status_code == 200
    assert response.context["number"] == 2  # a fresh interview, one question skipped


def test_htmx_steps_return_only_the_wizard_and_the_end_redirects_the_page(client, wizard_run):
    first = client.get("/check/", HTTP_HX_REQUEST="true")
    html = first.content.decode()
    assert html.lstrip().startswith('<section id="wizard"')
    assert "<html" not in html
    response, _ = wizard_run(DREAMING, HTTP_HX_REQUEST="true")
    assert re.fullmatch(r"/check/result/[\w-]+/", response["HX-Redirect"])


def test_result_page_order_what_to_do_why_changes_causes_prevention(client):
    result = SharedResult.objects.create(
        case={"episode": {"context": "during_or_after_exercise"}, "dog": {"age_years": 5.0}}
    )
    html = unescape(client.get(f"/check/result/{result.pk}/").content.decode())
    order = ["urgency-title", "What to do now", "What may be behind it", "Your prevention plan"]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    if "why-title" in html:
        assert positions[1] < html.index("why-title") < positions[2]
    if "changes-title" in html:
        assert html.index("changes-title") < positions[2]
    assert html.index("What you told us") > positions[-1]


def test_result_shows_what_would_change_it(client, monkeypatch):
    from twitchcheck.case import Change
    from twitchcheck.web.check import result as result_module

    real = result_module.assess

    def with_changes(case):
        assessment = real(case)
        change = Change(
            field="dog.pregnant_or_nursing",
            value=True,
            urgency="emergency",
            text="If she is nursing puppies: go to a vet now.",
        )
        return assessment.model_copy(update={"what_would_change": [change]})

    monkeypatch.setattr(result_module, "assess", with_changes)
    result = SharedResult.objects.create(case={"dog": {"sex": "female"}})
    html = unescape(client.get(f"/check/result/{result.pk}/").content.decode())
    assert "What would change this" in html
    assert "If she is nursing puppies: go to a vet now." in html
    assert html.index("What would change this") < html.index("What may be behind it")
    assert "change-emergency" in html


def test_result_shows_the_dog_the_time_and_the_answers(client, wizard_run):
    response, _ = wizard_run(DREAMING, name="Bella")
    result = client.get(response["Location"])
    html = unescape(result.content.decode())
    assert "Bella’s check" in html
    stored = result.context["result"]
    assert stored.dog_name == "Bella"
    assert stored.created_at.strftime("%-d %B %Y") in html
    assert 'datetime="' in html and "data-local-time" in html
    assert "While asleep" in html  # an answer given


def test_result_page_shows_causes_reasons_prevention_and_disclaimer(client, wizard_run):
    response, _ = wizard_run(DREAMING)
    result = client.get(response["Location"])
    html = result.content.decode()
    assessment = result.context["assessment"]
    assert "<meter" in html
    for reason in assessment.causes[0].reasons:
        assert reason in unescape(html)
    assert ("Your prevention plan" in html) == bool(assessment.prevention)
    assert assessment.disclaimer.split(".")[0] in html
    assert "@media print" in client.get("/static/twitchcheck/css/site.css").getvalue().decode()
    assert result["Referrer-Policy"] == "same-origin"
    assert '<meta name="robots" content="noindex">' in html


def test_nothing_is_sold_beside_a_dreaming_dog(client, wizard_run):
    starter_content_load()
    response, _ = wizard_run(DREAMING)
    html = client.get(response["Location"]).content.decode()
    assert 'class="products"' not in html


def test_poison_lines_fit_the_store_country_and_the_owners_choice(client):
    starter_content_load()
    result = SharedResult.objects.create(case={"history": {"possible_toxin": "yes"}})
    url = f"/check/result/{result.pk}/"
    html = unescape(client.get(url).content.decode())
    assert 'href="tel:8884264435"' in html  # the United States by default
    StoreSettings.objects.update(country="GB")
    html = unescape(client.get(url).content.decode())
    assert 'href="tel:01202509000"' in html and "Animal PoisonLine" in html
    assert "426-4435" not in html
    html = unescape(client.get(url + "?country=AU").content.decode())
    assert 'href="tel:1300869738"' in html
    html = unescape(client.get(url + "?country=ZA").content.decode())
    assert "We do not know a poison line for south africa" in html
    assert PoisonLine.objects.filter(country="NZ").exists()


def test_phone_numbers_in_advice_are_tap_to_call_links(client):
    from twitchcheck.web.guide.templatetags.guide import phone_links

    html = phone_links("Call (888) 426-4435 now, or 01202 509000 <b>")
    assert '<a href="tel:8884264435">(888) 426-4435</a>' in html
    assert '<a href="tel:01202509000">01202 509000</a>' in html
    assert "&lt;b&gt;" in html
    assert phone_links("for 5 minutes, 2 to 3 times") == "for 5 minutes, 2 to 3 times"


def test_shared_result_stores_the_case_name_and_time_and_nothing_about_the_owner(
    client, wizard_run
):
    response, _ = wizard_run(DREAMING)
    result_id = response["Location"].rstrip("/").rsplit("/", 1)[1]
    stored = SharedResult.objects.get(pk=result_id)
    fields = {f.name for f in SharedResult._meta.fields}
    assert fields == {"id", "case", "dog_name", "skipped_signs", "created_at"}
    assert Case.model_validate(stored.case).episode.context == "asleep"
    assert len(result_id) >= 16
    stranger = Client()  # no cookies, no session: the address alone shows the result
    page = stranger.get(response["Location"])
    assert page.status_code == 200
    assert page.context["assessment"] == assess(stored.case)


def test_unknown_result_is_a_styled_404(client):
    response = client.get("/check/result/no-such-result/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert 'aria-label="Main"' in html  # the site's navigation
    assert "Check my dog" in html


def test_styled_500_page_renders_without_a_request(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert 'aria-label="Main"' in html


def test_result_page_lists_what_the_owner_told_us(client):
    result = SharedResult.objects.create(
        case={"dog": {"age_years": 4.0, "breed": "beagle"}, "unknown": ["episode.aware"]}
    )
    html = client.get(f"/check/result/{result.pk}/").content.decode()
    from twitchcheck.session import value_label

    assert value_label("dog.age_years", 4.0) in html and value_label(
        "dog.age_years", 4.0
    ).startswith("4 years (")
    assert "beagle" in html
    assert "Not sure" in html


def test_a_typed_question_such_as_the_breed_is_a_labelled_text_box(client, monkeypatch):
    from twitchcheck.case import NextStep
    from twitchcheck.session import question_for

    def next_step(self):
        if not self.case.is_answered("dog.breed"):
            return NextStep(done=False, question=question_for("dog.breed"))
        return NextStep(done=True)

    monkeypatch.setattr(Interview, "next_step", next_step)
    first = first_question(client)
    html = first.content.decode()
    assert '<label for="answer-typed">Breed</label>' in html
    assert 'type="text" name="answer" id="answer-typed"' in html
    empty = client.post("/check/", {"state": first.context["state"], "action": "answer"})
    assert empty.status_code == 400
    done = client.post(
        "/check/", {"state": first.context["state"], "action": "answer", "answer": " Beagle "}
    )
    assert done.status_code == 302
    stored = SharedResult.objects.get(pk=done["Location"].rstrip("/").rsplit("/", 1)[1])
    assert stored.case["dog"]["breed"] == "Beagle"
