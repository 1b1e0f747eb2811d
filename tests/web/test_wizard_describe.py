"""The wizard's first step, "Tell us what you saw", and the facts as chips the owner can
remove, correct or add to."""

from html import unescape

import pytest

from twitchcheck.session import Interview
from twitchcheck.web.check.models import SharedResult
from twitchcheck.web.check.wizard import loads

pytestmark = pytest.mark.django_db

CHOCOLATE = "he ate chocolate and is shaking all over"
TOXIN_CHIP = "May have eaten or touched something harmful: <strong>Yes, it may have</strong>"


def describe(client, text, name="", **headers):
    return client.post("/check/", {"action": "describe", "text": text, "name": name}, **headers)


def chips_of(response) -> set[str]:
    return {fact.key for fact in response.context["facts"]}


def test_the_first_step_invites_the_owners_words_with_a_clear_way_to_answer_questions(client):
    response = client.get("/check/")
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "Tell us what you saw" in html
    assert '<label for="describe-text">What did you see?</label>' in html
    assert 'id="describe-text"' in html and 'data-limit="5000"' in html
    assert "maxlength" not in html.split('id="describe-text"')[1].split(">")[0]  # never cut
    assert 'aria-describedby="describe-hint"' in html
    assert 'value="describe">Continue</button>' in html
    assert 'value="skip">Answer questions instead</button>' in html
    assert '<label for="describe-name">Your dog’s name (optional)</label>' in html
    assert "<title>Check my dog: tell us what you saw · twitchcheck</title>" in html


def test_text_is_understood_and_shown_as_chips(client):
    response = describe(client, CHOCOLATE)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert TOXIN_CHIP in html
    assert "What we understood" in html
    assert 'aria-label="Remove: May have eaten or touched something harmful: Yes' in html
    assert 'aria-label="Change: May have eaten' in html
    assert "Looks right, continue" in html
    assert "Add something we missed" in html
    interview = loads(response.context["state"])
    assert interview.asked == 0  # the understood facts are the starting point, not a step
    assert interview.case.history.possible_toxin == "yes"
    assert CHOCOLATE not in html  # the words themselves are not repeated or kept
    assert "chocolate" not in str(interview.to_dict())


def test_removing_a_chip_removes_the_fact(client):
    chips = describe(client, CHOCOLATE)
    assert "history.possible_toxin" in chips_of(chips)
    response = client.post(
        "/check/", {"state": chips.context["state"], "chip": "remove|history.possible_toxin"}
    )
    assert response.status_code == 200
    assert "history.possible_toxin" not in chips_of(response)
    assert loads(response.context["state"]).case.history.possible_toxin is None


def test_correcting_a_chip_shows_its_question_and_saves_the_new_answer(client):
    chips = describe(client, CHOCOLATE)
    editor = client.post(
        "/check/", {"state": chips.context["state"], "chip": "edit|episode.body_area"}
    )
    assert editor.status_code == 200
    assert editor.context["question"].field == "episode.body_area"
    assert [o.value for o in editor.context["options"] if o.checked] == ["whole_body"]
    saved = client.post(
        "/check/",
        {
            "state": editor.context["state"],
            "action": "save_fact",
            "field": "episode.body_area",
            "answer": ["hind_leg"],
        },
    )
    assert "episode.body_area:hind_leg" in chips_of(saved)
    assert "episode.body_area:whole_body" not in chips_of(saved)
    cancel = client.post("/check/", {"state": editor.context["state"], "action": "cancel"})
    assert "episode.body_area:whole_body" in chips_of(cancel)


def test_adding_a_fact_the_text_missed(client):
    chips = describe(client, CHOCOLATE)
    html = unescape(chips.content.decode())
    assert '<option value="episode.context">When it happens</option>' in html
    editor = client.post(
        "/check/", {"state": chips.context["state"], "action": "add", "field": "episode.context"}
    )
    saved = client.post(
        "/check/",
        {
            "state": editor.context["state"],
            "action": "save_fact",
            "field": "episode.context",
            "answer": "resting_awake",
        },
    )
    assert "episode.context" in chips_of(saved)
    signs = client.post(
        "/check/", {"state": saved.context["state"], "action": "add", "field": "signs"}
    )
    assert "drooling" in [o.value for o in signs.context["options"]]
    with_sign = client.post(
        "/check/",
        {
            "state": signs.context["state"],
            "action": "save_fact",
            "field": "signs",
            "answer": ["drooling"],
        },
    )
    assert "signs:drooling" in chips_of(with_sign)


def test_a_sign_chip_turns_around(client):
    chips = describe(client, "She collapsed and can't breathe properly")
    assert "signs:collapse" in chips_of(chips)
    flipped = client.post(
        "/check/", {"state": chips.context["state"], "chip": "flip|signs:collapse"}
    )
    assert "signs_absent:collapse" in chips_of(flipped)


def test_an_unusable_correction_says_why(client):
    chips = describe(client, CHOCOLATE)
    response = client.post(
        "/check/",
        {
            "state": chips.context["state"],
            "action": "save_fact",
            "field": "dog.age_years",
            "answer": "old",
        },
    )
    assert response.status_code == 400
    assert "Please enter a number" in unescape(response.content.decode())


def test_answer_questions_instead_goes_straight_to_the_first_question(client):
    response = client.post("/check/", {"action": "skip", "text": "", "name": "Rex"})
    assert response.status_code == 200
    assert response.context["number"] == 1
    interview = loads(response.context["state"])
    assert interview.case_dict == {} and interview.dog_name == "Rex"


def test_continue_asks_only_about_what_is_missing_never_a_sign_understood(client):
    text = (
        "Our 6-year-old beagle's legs twitched in her sleep for about 20 seconds. She was drooling."
    )
    chips = describe(client, text, name="Bella")
    understood = {key.partition(":")[0] for key in chips_of(chips)}
    assert {"episode.context", "episode.duration", "signs"} <= understood
    response = client.post("/check/", {"state": chips.context["state"], "action": "confirm"})
    assert response.status_code == 200  # whether it responds is still to be asked
    interview = loads(response.context["state"])
    seen = set(interview.case.signs)
    assert "drooling" in seen
    for _ in range(30):
        if response.status_code == 302:
            break
        question = response.context["question"]
        assert question.field == "signs" or question.field not in understood
        if question.field == "signs":
            assert not seen & set(question.options)  # a sign understood is never asked again
        response = client.post(
            "/check/", {"state": response.context["state"], "action": "dont_know"}
        )
    stored = SharedResult.objects.get(pk=response["Location"].rstrip("/").rsplit("/", 1)[1])
    assert stored.case["episode"]["context"] == "asleep"
    assert stored.dog_name == "Bella"
    assert "twitched" not in str(stored.case)


def test_a_described_emergency_warns_at_once(client):
    response = describe(client, "She collapsed and can't breathe properly")
    assert "signs:collapse" in chips_of(response)
    assert "Go to a vet now." in response.content.decode()
    assert loads(response.context["state"]).emergency_shown


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please tell us what you saw, or choose “Answer questions instead”."),
        ("   ", "Please tell us what you saw, or choose “Answer questions instead”."),
        ("x" * 5001, "Please keep it to 5,000 characters or fewer (this has 5,001)"),
        ("qwerty zxcv", "I could not understand this."),
    ],
)
def test_empty_overlong_or_not_understood_text_gets_a_field_error(client, text, message):
    response = describe(client, text)
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert message in html
    assert 'id="describe-error" role="alert"' in html
    assert 'aria-describedby="describe-hint describe-error"' in html
    assert 'aria-invalid="true"' in html
    if text.strip():
        assert text[:50] in html  # kept in the box to edit, never cut


def test_the_limit_error_from_the_reader_is_shown_too(client, monkeypatch):
    from twitchcheck.errors import InputError
    from twitchcheck.web.check import describe as describe_module

    def refuse(text, dog_name=""):
        raise InputError("too long", [{"field": "text", "message": "at most 5,000 characters"}])

    monkeypatch.setattr(describe_module, "interview_from_text", refuse)
    from twitchcheck.web.check import views

    monkeypatch.setattr(views, "interview_from_text", refuse)
    response = describe(client, "a dog")
    assert response.status_code == 400
    assert "at most 5,000 characters" in unescape(response.content.decode())


def test_htmx_describe_steps_return_only_the_wizard(client):
    response = describe(client, CHOCOLATE, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="wizard"')
    assert "<html" not in html


def test_a_long_name_is_refused_and_a_name_is_never_in_the_case(client):
    response = describe(client, CHOCOLATE, name="x" * 41)
    assert response.status_code == 400
    ok = describe(client, CHOCOLATE, name="  Rex   the  dog ")
    interview = loads(ok.context["state"])
    assert interview.dog_name == "Rex the dog"
    assert "Rex" not in str(interview.case_dict)
    assert isinstance(interview, Interview)
