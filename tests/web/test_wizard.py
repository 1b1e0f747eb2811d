"""The wizard's state and answers, without HTTP."""

import pytest

from twitchcheck.case import Question
from twitchcheck.web.check.wizard import AnswerError, Wizard, answer_apply, option_value


def q(field, options, **kw):
    return Question(field=field, text="?", options=options, **kw)


def test_option_values_travel_as_json_except_plain_strings():
    assert option_value(True) == "true"
    assert option_value(4.0) == "4.0"
    assert option_value("asleep") == "asleep"


def test_answers_of_each_kind_set_the_case():
    case = answer_apply({}, q("episode.context", ["asleep", "any_time"]), ["asleep"])
    assert case == {"episode": {"context": "asleep"}}
    case = answer_apply(case, q("history.low_water_intake", [True, False]), ["false"])
    assert case["history"] == {"low_water_intake": False}
    case = answer_apply(case, q("dog.age_years", [0.25, 4.0]), ["4.0"])
    assert case["dog"]["age_years"] == 4.0
    case = answer_apply(case, q("dog.age_years", []), ["2,5"])
    assert case["dog"]["age_years"] == 2.5
    case = answer_apply(case, q("dog.breed", []), ["  beagle "])
    assert case["dog"]["breed"] == "beagle"
    area = q("episode.body_area", ["hind_leg", "back", "face_head"])
    case = answer_apply(case, area, ["hind_leg", "back"])
    assert case["episode"]["body_area"] == ["hind_leg", "back"]


def test_signs_answer_marks_the_rest_absent():
    signs = q("signs", ["collapse", "cough", "fever"])
    case = answer_apply({"signs_absent": ["fever"]}, signs, ["fever"])
    assert case["signs"] == ["fever"]
    assert case["signs_absent"] == ["collapse", "cough"]
    assert answer_apply({}, signs, [])["signs_absent"] == ["collapse", "cough", "fever"]


def test_an_answer_clears_an_earlier_dont_know():
    case = answer_apply({"unknown": ["episode.aware"]}, q("episode.aware", ["yes", "no"]), ["no"])
    assert case["unknown"] == []
    assert case["episode"]["aware"] == "no"


@pytest.mark.parametrize(
    ("question", "raw", "message"),
    [
        (q("episode.aware", ["yes", "no"]), [], "Please choose an answer"),
        (q("episode.aware", ["yes", "no"]), ["maybe"], "one of the answers shown"),
        (q("dog.age_years", []), ["old"], "Please enter a number"),
        (q("dog.age_years", []), ["45"], "between 0 and 30"),
        (q("dog.breed", []), ["x" * 81], "shorter"),
    ],
)
def test_unusable_answers_say_why(question, raw, message):
    with pytest.raises(AnswerError, match=message):
        answer_apply({}, question, raw)


def test_state_survives_the_round_trip_and_back_pops():
    wizard = Wizard()
    step = wizard.next_step()
    wizard = wizard.dont_know(step.question)
    again = Wizard.loads(wizard.dumps())
    assert again == wizard
    assert again.back() == Wizard()
    assert Wizard().back() == Wizard()
    assert Wizard.loads("garbage") == Wizard()
    assert Wizard.loads("") == Wizard()


def test_skipped_signs_are_not_asked_again_and_stay_unknown():
    wizard = Wizard()
    asked = []
    for _ in range(40):
        step = wizard.next_step()
        if step.done:
            break
        if step.question.field == "signs":
            assert step.question.options not in asked
            asked.append(step.question.options)
        wizard = wizard.dont_know(step.question)
    assert step.done
    assert wizard.case.signs == [] and wizard.case.signs_absent == []
    known, total = wizard.progress()
    assert known == len(wizard.case.unknown) + len(wizard.current.skipped_signs)
    assert 0 < known <= total
