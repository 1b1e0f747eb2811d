"""The wizard's optional first step: "Describe what you saw", and the facts as chips."""

from html import unescape

import pytest

from twitchcheck.web.check.models import SharedResult
from twitchcheck.web.check.wizard import Wizard

pytestmark = pytest.mark.django_db

CHOCOLATE = "he ate chocolate and is shaking all over"
TOXIN_CHIP = "May have eaten or touched something harmful: Yes, it may have"


def describe(client, text, **headers):
    return client.post("/check/", {"action": "describe", "text": text}, **headers)


def test_the_first_question_offers_the_describe_step_which_has_a_labelled_textarea(client):
    first = client.get("/check/").content.decode()
    assert 'href="/check/?describe"' in first
    response = client.get("/check/?describe")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="describe-text">Describe what you saw</label>' in html
    assert 'id="describe-text"' in html and 'maxlength="2000"' in html
    assert 'aria-describedby="describe-hint"' in html
    assert 'value="describe">Continue</button>' in html
    assert 'value="skip">Skip, just ask me questions</button>' in html
    assert "<title>Check my dog: describe what you saw · twitchcheck</title>" in html


def test_text_is_understood_and_shown_as_chips(client):
    response = describe(client, CHOCOLATE)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert TOXIN_CHIP in html
    assert "Where it shows: The whole body" in html
    assert "<legend>" in html and "What we understood" in html
    assert 'aria-label="Remove: ' + TOXIN_CHIP + '"' in html
    assert "Looks right, continue" in html
    wizard = Wizard.loads(response.context["state"])
    assert wizard.number == 1  # the understood facts are the starting point, not a step
    assert wizard.case.history.possible_toxin == "yes"
    assert CHOCOLATE not in html  # the words themselves are not repeated or kept
    assert "chocolate" not in str(wizard.current.case)


def test_removing_a_chip_removes_the_fact(client):
    chips = describe(client, CHOCOLATE)
    keys = {fact.key for fact in chips.context["facts"]}
    assert "history.possible_toxin" in keys
    response = client.post(
        "/check/", {"state": chips.context["state"], "fact": "history.possible_toxin"}
    )
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert TOXIN_CHIP not in html
    assert "Where it shows: The whole body" in html
    case = Wizard.loads(response.context["state"]).case
    assert case.history.possible_toxin is None
    assert case.episode.body_area == ["whole_body"]
    # an item of a list goes on its own
    response = client.post(
        "/check/", {"state": response.context["state"], "fact": "episode.body_area:whole_body"}
    )
    assert not Wizard.loads(response.context["state"]).case.episode.body_area


def test_skip_goes_straight_to_the_first_question(client):
    response = client.post("/check/", {"action": "skip", "text": "ignored"})
    assert response.status_code == 200
    assert response.context["number"] == 1
    assert response.context["question"] == client.get("/check/").context["question"]
    assert Wizard.loads(response.context["state"]) == Wizard()


def test_continue_asks_only_about_what_is_missing(client):
    text = "Our 6-year-old beagle's legs twitched in her sleep for about 20 seconds."
    chips = describe(client, text)
    understood = {fact.key.partition(":")[0] for fact in chips.context["facts"]}
    assert {"episode.context", "episode.duration", "episode.looks_like"} <= understood
    response = client.post("/check/", {"state": chips.context["state"], "action": "confirm"})
    assert response.status_code == 200
    assert response.context["number"] == 1
    assert response.context["question"].field not in understood
    # and on to a result that holds only the case, never the words
    state = response.context["state"]
    finish = client.post("/check/", {"state": state, "action": "finish"})
    stored = SharedResult.objects.get(pk=finish["Location"].rstrip("/").rsplit("/", 1)[1])
    assert stored.case["episode"]["context"] == "asleep"
    assert "twitched" not in str(stored.case)


def test_a_described_emergency_warns_at_once(client):
    response = describe(client, "She collapsed and can't breathe properly")
    assert "signs:collapse" in {fact.key for fact in response.context["facts"]}
    assert "Go to a vet now." in response.content.decode()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please describe what you saw, or choose"),
        ("   ", "Please describe what you saw, or choose"),
        ("x" * 2001, "Please keep it to 2000 characters or fewer (this has 2001)."),
    ],
)
def test_empty_or_overlong_text_gets_a_field_error(client, text, message):
    response = describe(client, text)
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert message in html
    assert 'id="describe-error" role="alert"' in html
    assert 'aria-describedby="describe-hint describe-error"' in html
    assert 'aria-invalid="true"' in html


def test_htmx_describe_steps_return_only_the_wizard(client):
    response = describe(client, CHOCOLATE, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="wizard"')
    assert "<html" not in html
