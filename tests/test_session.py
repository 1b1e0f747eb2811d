"""The one interview module the terminal and the web wizard share (twitchcheck.session)."""

import json

import pytest

from twitchcheck import next_question
from twitchcheck.case import Case, Question
from twitchcheck.session import (
    AnswerError,
    Interview,
    answers_of,
    facts_of,
    option_value,
    pick,
    question_for,
    simulate,
    typical_length,
)


def q(field, options, **kw):
    return Question(field=field, text="?", options=options, **kw)


def test_option_values_travel_as_json_except_plain_strings():
    assert option_value(True) == "true"
    assert option_value(4.0) == "4.0"
    assert option_value("asleep") == "asleep"
    assert pick(q("dog.pregnant_or_nursing", [True, False]), ["false"]) == [False]
    with pytest.raises(AnswerError, match="one of the answers shown"):
        pick(q("episode.aware", ["yes", "no"]), ["maybe"])


def test_answers_of_each_kind_set_the_case():
    i = Interview.start()
    i = i.answer_raw(q("episode.context", ["asleep", "any_time"]), ["asleep"])
    assert i.case_dict == {"episode": {"context": "asleep"}}
    i = i.answer_raw(q("history.low_water_intake", [True, False]), ["false"])
    assert i.case_dict["history"] == {"low_water_intake": False}
    i = i.answer_raw(q("dog.age_years", [0.25, 4.0]), ["4.0"])
    assert i.case_dict["dog"]["age_years"] == 4.0
    i = i.answer_raw(q("dog.age_years", []), ["2,5"])
    assert i.case_dict["dog"]["age_years"] == 2.5
    i = i.answer_raw(q("dog.breed", []), ["  beagle "])
    assert i.case_dict["dog"]["breed"] == "beagle"
    i = i.answer_raw(q("episode.count_24h", []), ["3"])
    assert i.case_dict["episode"]["count_24h"] == 3
    i = i.answer_raw(
        q("episode.body_area", ["hind_leg", "back", "face_head"]), ["hind_leg", "back"]
    )
    assert i.case_dict["episode"]["body_area"] == ["hind_leg", "back"]
    assert i.asked == 7
    Case.model_validate(i.case_dict)


def test_signs_answer_marks_the_rest_absent_and_none_means_none_seen():
    signs = q("signs", ["collapse", "cough", "fever"])
    i = Interview.start({"signs_absent": ["fever"]}).answer(signs, ["fever"])
    assert i.case_dict["signs"] == ["fever"]
    assert i.case_dict["signs_absent"] == ["collapse", "cough"]
    none = Interview.start().answer(signs, [])
    assert none.case_dict == {"signs_absent": ["collapse", "cough", "fever"]}


def test_dont_know_puts_a_field_in_unknown_and_keeps_skipped_signs_apart():
    i = Interview.start().dont_know(q("episode.aware", ["yes", "no"]))
    assert i.case_dict["unknown"] == ["episode.aware"]
    # a later answer clears it
    i = i.answer(q("episode.aware", ["yes", "no"]), ["no"])
    assert "unknown" not in i.case_dict and i.case_dict["episode"]["aware"] == "no"
    # on signs the contract has no "don't know": remembered here, not in the case
    signs = q("signs", ["collapse", "cough"])
    i = i.dont_know(signs)
    assert i.skipped_signs == ("collapse", "cough")
    assert "signs" not in i.case_dict and "signs_absent" not in i.case_dict
    assert set(i.asking_case().signs_absent) == {"collapse", "cough"}


@pytest.mark.parametrize(
    ("question", "raw", "message"),
    [
        (q("episode.aware", ["yes", "no"]), [], "Please choose an answer"),
        (q("episode.aware", ["yes", "no"]), ["maybe"], "one of the answers shown"),
        (q("dog.age_years", []), ["old"], "Please enter a number"),
        (q("dog.age_years", []), ["nan"], "Please enter a number"),
        (q("dog.age_years", []), ["45"], "between 0 and 30"),
        (q("episode.count_24h", []), ["2.5"], "whole number"),
        (q("episode.count_24h", []), ["0"], "between 1 and 100"),
        (q("dog.breed", []), ["x" * 81], "shorter"),
        (q("dog.breed", []), [""], "Please type an answer"),
        (q("episode.context", ["asleep", "any_time"]), ["asleep", "any_time"], "just one"),
    ],
)
def test_unusable_answers_say_why(question, raw, message):
    with pytest.raises(AnswerError, match=message):
        Interview.start().answer_raw(question, raw)


def test_back_pops_one_answer_and_stops_at_the_start():
    i = Interview.start({"dog": {"sex": "male"}})
    first = i.next_step().question
    later = i.dont_know(first)
    assert later.back() == i
    assert i.back() == i
    assert later.current.field == first.field


def test_the_go_now_warning_once_shown_stays():
    i = Interview.start()
    assert not i.emergency_shown
    signs = q("signs", ["collapse", "cough"])
    i = i.answer(signs, ["collapse"])
    assert i.emergency_shown
    assert i.back().emergency_shown  # back undoes the answer, not the warning
    assert Interview.start({"signs": ["collapse"]}).emergency_shown
    assert Interview.from_dict(i.back().to_dict()).emergency_shown


def test_it_is_done_when_the_engine_is():
    i = simulate({"episode": {"context": "asleep", "aware": "yes"}})
    assert i.next_step().done
    assert next_question(i.asking_case()).done


def test_serialised_and_back_the_same_and_junk_is_refused():
    i = Interview.start({"episode": {"context": "asleep"}}, dog_name="Rex", from_text=True)
    i = i.dont_know(i.next_step().question)
    data = json.loads(json.dumps(i.to_dict()))
    assert Interview.from_dict(data) == i
    for junk in (
        None,
        [],
        {"format": 2},
        {"format": 1},
        {"format": 1, "steps": []},
        {"format": 1, "steps": [{"case": {"colour": 1}}]},
        {"format": 1, "steps": [{"case": {}, "skipped_signs": ["sneezing"]}]},
    ):
        with pytest.raises(ValueError):
            Interview.from_dict(junk)


def test_facts_can_be_removed_corrected_added_and_turned_around():
    start = {
        "episode": {"context": "asleep", "body_area": ["hind_leg", "face_head"]},
        "signs": ["drooling"],
        "unknown": ["dog.sex"],
    }
    i = Interview.start(start)
    keys = {f.key for f in facts_of(i.case_dict)}
    assert {
        "episode.context",
        "episode.body_area:hind_leg",
        "signs:drooling",
        "unknown:dog.sex",
    } <= keys
    assert i.remove_fact("episode.body_area:hind_leg").case.episode.body_area == ["face_head"]
    assert i.remove_fact("episode.context").case.episode.context is None
    assert i.remove_fact("unknown:dog.sex").case.unknown == []
    assert i.remove_fact("nonsense").case_dict == i.case_dict
    corrected = i.set_fact(question_for("episode.context"), ["resting_awake"])
    assert corrected.case.episode.context == "resting_awake"
    added = i.set_fact(question_for("signs"), ["cough"])
    assert added.case.signs == ["drooling", "cough"]
    flipped = i.flip_sign("drooling")
    assert flipped.case.signs == [] and flipped.case.signs_absent == ["drooling"]
    assert flipped.flip_sign("drooling").case.signs == ["drooling"]
    with pytest.raises(AnswerError):
        question_for("dog.colour")


def test_question_for_every_field_has_text_and_answers():
    for field in (
        "episode.context",
        "dog.pregnant_or_nursing",
        "episode.body_area",
        "dog.age_years",
        "dog.breed",
        "episode.count_24h",
    ):
        question = question_for(field)
        assert question.text
        if field in ("dog.age_years", "dog.breed", "episode.count_24h"):
            assert question.options == []
        else:
            assert question.options and set(question.option_labels) >= {
                option_value(o) for o in question.options
            }


def test_questions_left_is_an_estimate_that_counts_down_and_never_reaches_zero():
    assert typical_length() >= 1
    i = Interview.start()
    lefts = []
    for _ in range(25):
        step = i.next_step()
        if step.done:
            break
        lefts.append(i.questions_left())
        i = i.dont_know(step.question)
    assert lefts == sorted(lefts, reverse=True)
    assert min(lefts) >= 1
    described = Interview.start(
        {"episode": {"context": "asleep", "aware": "yes", "duration": "seconds"}}
    )
    assert described.questions_left() <= Interview.start().questions_left()


def test_answers_in_words_for_the_result():
    lines = dict(
        answers_of(
            {
                "episode": {"context": "asleep"},
                "signs": ["cough"],
                "signs_absent": ["fever"],
                "unknown": ["dog.sex"],
            },
            ["collapse"],
        )
    )
    assert lines["When it happens"] == "While asleep"
    assert lines["Sex"] == "Not sure"
    assert lines["Also seen"] == "Cough"
    assert "Not seen" in lines and "Not sure about" in lines


def test_a_male_dog_is_never_asked_about_pregnancy():
    """End to end through the shared interview: the question planner, whatever else."""
    for target in (
        {"dog": {"sex": "male", "age_years": 3.0}, "episode": {"context": "any_time"}},
        {"dog": {"sex": "male"}, "signs": ["muscle_stiffness"]},
    ):
        i = simulate(target, start={"dog": {"sex": "male"}})
        assert "dog.pregnant_or_nursing" not in [s.field for s in i.steps]
