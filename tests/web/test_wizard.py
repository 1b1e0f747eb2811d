"""The wizard's state in the page: the shared interview, signed into a hidden field."""

from django.core import signing

from twitchcheck.session import Interview
from twitchcheck.web.check.wizard import dumps, loads


def test_state_survives_the_round_trip():
    interview = Interview.start({"episode": {"context": "asleep"}}, dog_name="Rex")
    interview = interview.dont_know(interview.next_step().question)
    again = loads(dumps(interview))
    assert again == interview


def test_missing_tampered_or_foreign_tokens_start_afresh():
    assert loads("") == Interview()
    assert loads("garbage") == Interview()
    token = dumps(Interview.start({"signs": ["collapse"]}))
    assert loads(token[:-2] + "xx") == Interview()
    # signed by us, but not an interview
    assert loads(signing.dumps({"format": 99}, salt="twitchcheck.check.wizard.v2")) == Interview()
    assert loads(signing.dumps([1, 2], salt="twitchcheck.check.wizard.v2")) == Interview()
    bad_case = {"format": 1, "steps": [{"case": {"colour": "brown"}}]}
    assert loads(signing.dumps(bad_case, salt="twitchcheck.check.wizard.v2")) == Interview()
