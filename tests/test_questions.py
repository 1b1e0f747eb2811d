"""The interview: what is asked, in which order, and when it ends.

- it ends at once when the answer can only be an emergency, so "go now" comes first;
- it never ends with a screening question open that fits the case (poison, collapse and
  breathing, a pregnant or nursing mother, a "sleeping" dog that cannot be woken, how long a
  fit lasts and how many came today, heat);
- questions fit the dog, are never repeated, and the interview always ends.
"""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.owner import interview_owner_knowing
from tests.test_properties import cases

from twitchcheck import assess, load_knowledge, next_question
from twitchcheck.case import Case
from twitchcheck.engine.answers import answer_table
from twitchcheck.engine.model import get_model

SCREENS = [q for q in load_knowledge().questions if q.screen]


def _answer(case: dict, question, rng: random.Random) -> dict:
    """An owner's answer: an option, several signs, or "don't know"."""
    case = {k: (dict(v) if isinstance(v, dict) else list(v)) for k, v in case.items()}
    if question.field == "signs":
        seen = [s for s in question.options if rng.random() < 0.15]
        case["signs"] = [*case.get("signs", []), *seen]
        case["signs_absent"] = [
            *case.get("signs_absent", []),
            *(s for s in question.options if s not in seen),
        ]
        return case
    if rng.random() < 0.25:
        case["unknown"] = [*case.get("unknown", []), question.field]
        return case
    # a typed answer (the breed) has no options to pick from
    value = rng.choice(question.options or ["dachshund", "labrador retriever", "mongrel"])
    section, _, name = question.field.partition(".")
    case.setdefault(section, {})[name] = [value] if name == "body_area" else value
    return case


def _interview(start: dict, rng: random.Random, limit: int = 60) -> tuple[dict, list[str]]:
    case, asked = start, []
    for _ in range(limit):
        step = next_question(case)
        if step.done:
            return case, asked
        key = step.question.field
        if key == "signs":
            key += ":" + ",".join(step.question.options)
        assert key not in asked, f"asked again: {key}"
        asked.append(key)
        case = _answer(case, step.question, rng)
    raise AssertionError("the interview did not end")


def open_screens(case: dict) -> list[str]:
    """The screening questions that fit the case and are still open."""
    model = get_model()
    table = answer_table(model)
    rows = table.rows([model.features.columns(Case.model_validate(case))])
    fits, answered = table.applicable(rows)[0], rows.answered[0]
    found = []
    for q in SCREENS:
        topics = q.signs if q.field == "signs" else [q.field]
        if any(fits[table.topic_index[t]] and not answered[table.topic_index[t]] for t in topics):
            found.append(q.id)
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases, st.integers(0, 10_000))
def test_the_interview_never_ends_with_an_open_screening_question(start, seed):
    case, _ = _interview(start, random.Random(seed))
    if assess(case).urgency != "emergency":
        assert open_screens(case) == []


def _answers_to(case: dict, question) -> list[dict]:
    """The case after each possible answer (for a checklist: none, or one sign seen)."""
    section, _, name = question.field.partition(".")
    if question.field == "signs":
        none = {**case, "signs_absent": [*case.get("signs_absent", []), *question.options]}
        ones = [
            {
                **case,
                "signs": [*case.get("signs", []), s],
                "signs_absent": [
                    *case.get("signs_absent", []),
                    *(o for o in question.options if o != s),
                ],
            }
            for s in question.options
        ]
        return [none, *ones]
    found = []
    for option in question.options:
        answered = {k: (dict(v) if isinstance(v, dict) else v) for k, v in case.items()}
        answered.setdefault(section, {})[name] = [option] if name == "body_area" else option
        found.append(answered)
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases)
def test_an_emergency_asks_on_only_while_an_answer_could_still_lower_it(case):
    if assess(case).urgency != "emergency":
        return
    step = next_question(case)
    if not step.done:
        lower = [assess(c).urgency for c in _answers_to(case, step.question)]
        assert any(u != "emergency" for u in lower), step.question.field


def test_an_emergency_stops_the_questions_at_once():
    assert next_question({"signs": ["collapse"]}).done
    assert next_question({"history": {"possible_toxin": "yes"}}).done


def test_the_first_question_asks_what_the_owner_saw():
    step = next_question({})
    assert step.question.field == "episode.looks_like"


def test_a_sleeping_dog_is_asked_whether_it_wakes_when_called():
    step = next_question({"episode": {"looks_like": "twitching_or_jerking", "context": "asleep"}})
    assert step.question.field == "episode.aware"


def test_a_dog_that_twitches_in_its_sleep_and_wakes_at_once_is_quickly_done():
    case = {
        "episode": {
            "looks_like": "twitching_or_jerking",
            "context": "asleep",
            "aware": "yes",
            "afterwards": "normal",
        }
    }
    assert next_question(case).done
    assert assess(case).urgency == "normal"


def _asked_knowing_little(case: dict) -> set[str]:
    """The fields asked of an owner who saw none of the signs offered and knows nothing else."""
    asked = set()
    for _ in range(30):
        step = next_question(case)
        if step.done:
            return asked
        q = step.question
        asked.add(q.field)
        if q.field == "signs":
            case["signs_absent"] = [*case.get("signs_absent", []), *q.options]
        else:
            case["unknown"] = [*case.get("unknown", []), q.field]
    raise AssertionError("the interview did not end")


def test_a_fit_brings_questions_on_how_long_and_how_many():
    asked = _asked_knowing_little({"episode": {"looks_like": "seizure_or_fit"}})
    assert "episode.duration" in asked
    # a fit nobody could time or describe afterwards may have been a long one: "go now" comes
    # as soon as that is known, before the rest of the screen; a short fit goes on to poisons
    assert "history.possible_toxin" not in asked
    short = {"episode": {"looks_like": "seizure_or_fit", "duration": "seconds", "count_24h": 1}}
    assert "history.possible_toxin" in _asked_knowing_little(short)
    # with the age and earlier fits unknown, a first fit in a young or older dog cannot be
    # ruled out and the answer is already an emergency; known, the count is asked
    known = {
        "dog": {"age_years": 3},
        "episode": {"looks_like": "seizure_or_fit", "pattern": "occasional", "duration": "seconds"},
    }
    assert "episode.count_24h" in _asked_knowing_little(known)


def test_no_pregnancy_question_for_a_male_dog():
    rng = random.Random(3)
    for _ in range(20):
        _, asked = _interview({"dog": {"sex": "male"}}, rng)
        assert "dog.pregnant_or_nursing" not in asked


def test_a_female_of_breeding_age_is_asked_whether_she_is_pregnant_or_nursing():
    start = {
        "dog": {"sex": "female", "age_years": 3},
        "episode": {"looks_like": "trembling_or_shivering"},
    }
    assert "dog.pregnant_or_nursing" in _asked_knowing_little(start)


@pytest.mark.parametrize("seed", range(25))
def test_random_interviews_end_without_repeating_a_question(seed):
    _interview({}, random.Random(seed))


@pytest.mark.parametrize("seed", range(10))
def test_every_option_offered_is_a_valid_answer(seed):
    rng, case = random.Random(seed), {}
    for _ in range(30):
        step = next_question(case)
        if step.done:
            return
        q = step.question
        assert q.text and q.options
        for option in q.options:  # each option, as an answer, gives a valid case
            section, _, name = q.field.partition(".")
            trial = (
                {"signs": [option]}
                if q.field == "signs"
                else {section: {name: [option] if name == "body_area" else option}}
            )
            Case.model_validate(trial)
        case = _answer(case, q, rng)


def test_an_owner_unsure_what_it_looked_like_is_asked_whether_the_dog_responds():
    from twitchcheck import next_question

    step = next_question({"unknown": ["episode.looks_like"], "signs_absent": []})
    asked = []
    case: dict = {"unknown": ["episode.looks_like"]}
    for _ in range(12):
        step = next_question(case)
        if step.done:
            break
        field = step.question.field
        asked.append(field)
        if field == "signs":
            case.setdefault("signs_absent", []).extend(
                o for o in step.question.options if o not in case.get("signs_absent", [])
            )
        else:
            case.setdefault("unknown", []).append(field)
    assert "episode.aware" in asked


def test_a_trembling_dog_is_asked_about_signs_of_illness():
    start = {"dog": {"age_years": 9}, "episode": {"looks_like": "trembling_or_shivering"}}
    case: dict = dict(start)
    offered: set[str] = set()
    for _ in range(20):
        step = next_question(case)
        if step.done:
            break
        q = step.question
        if q.field == "signs":
            offered |= set(q.options)
            case["signs_absent"] = sorted(set(case.get("signs_absent", [])) | set(q.options))
        else:
            case.setdefault("unknown", []).append(q.field)
    assert {"fever", "lethargy", "poor_appetite"} <= offered


def test_the_long_checklist_comes_in_headed_parts_with_the_urgent_signs_first():
    case = {"dog": {"age_years": 5}, "episode": {"looks_like": "trembling_or_shivering"}}
    step = next_question(case)
    q = step.question
    assert q is not None and q.field == "signs"
    assert [o for g in q.option_groups for o in g.options] == q.options
    assert "collapse" in q.option_groups[0].options
    assert all(g.label and g.options for g in q.option_groups)


def test_the_parts_of_a_checklist_offer_only_signs_not_yet_answered():
    case = {
        "episode": {"looks_like": "trembling_or_shivering"},
        "signs_absent": ["fever", "cough", "lethargy", "poor_appetite", "vomiting_or_diarrhea",
                         "dry_gums_or_sunken_eyes", "nasal_or_eye_discharge"],
    }  # fmt: skip
    q = next_question(case).question
    assert q is not None and q.field == "signs"
    assert "fever" not in q.options
    assert all("fever" not in g.options and g.options for g in q.option_groups)
    assert [o for g in q.option_groups for o in g.options] == q.options


def test_long_bouts_of_head_bobbing_are_asked_about_and_sent_to_a_vet():
    # head bobbing that comes now and then is usually benign, but a bout that goes on for
    # many minutes is one for a vet: the interview asks how long, and never where (the head)
    bobbing = {
        "dog": {"sex": "male", "age_years": 4},
        "episode": {
            "looks_like": "head_bobbing",
            "pattern": "occasional",
            "duration": "over_5_minutes",
        },
        "history": {"possible_toxin": "no"},
    }
    asked, case = interview_owner_knowing(bobbing)
    assert "episode.duration" in asked
    assert "episode.body_area" not in asked
    assert assess(case).urgency == "see_vet"
    brief = {**bobbing, "episode": {**bobbing["episode"], "duration": "under_5_minutes"}}
    _, case = interview_owner_knowing(brief)
    assert assess(case).urgency in ("normal", "home_care")


def test_a_cluster_of_fits_says_go_now_before_the_rest_of_the_screen():
    # two fits today is an emergency whatever else is true: the owner hears "go now" before
    # the poison and pregnancy questions, not after them
    cluster = {
        "dog": {"sex": "female", "age_years": 5},
        "episode": {
            "looks_like": "seizure_or_fit",
            "aware": "no",
            "duration": "under_5_minutes",
            "count_24h": 2,
        },
        "history": {"possible_toxin": "no"},
    }
    asked, case = interview_owner_knowing(cluster)
    assert assess(case).urgency == "emergency"
    assert "history.possible_toxin" not in asked
    assert "dog.pregnant_or_nursing" not in asked


def test_a_cough_and_runny_eyes_with_twitching_bring_the_distemper_questions():
    # distemper's red flag is a young dog that is not fully vaccinated: with its respiratory
    # signs, the interview asks the age and the vaccinations rather than guessing
    pup = {
        "dog": {"age_years": 0.4, "vaccinations": "not_up_to_date"},
        "episode": {"looks_like": "twitching_or_jerking", "body_area": ["face_head"]},
        "signs": ["nasal_or_eye_discharge", "cough"],
    }
    asked, case = interview_owner_knowing(pup)
    assert {"dog.age_years", "dog.vaccinations"} <= set(asked)
    assert assess(case).urgency == "emergency"


def test_an_owner_who_cannot_say_more_is_not_asked_everything():
    # the urgency is settled (dull and off its food: a vet either way) and the owner says
    # "don't know" to the questions that would only tell the causes apart: the interview
    # stops rather than going through every question there is
    dull = {
        "episode": {"looks_like": "twitching_or_jerking"},
        "signs": ["lethargy", "poor_appetite"],
    }
    asked, case = interview_owner_knowing(dull)
    assert assess(case).urgency == "see_vet"
    assert len(asked) <= 9, asked


def test_a_shiver_that_never_lets_up_is_asked_about_and_sent_to_a_vet():
    # fear and cold come and go with their cause: the interview asks how often a whole-body
    # shiver happens, and one that is there all the time, day after day, goes to a vet
    constant = {
        "dog": {"age_years": 3},
        "episode": {
            "looks_like": "trembling_or_shivering",
            "body_area": ["whole_body"],
            "pattern": "constant",
        },
        "history": {"possible_toxin": "no"},
    }
    asked, case = interview_owner_knowing(constant)
    assert "episode.pattern" in asked
    assert assess(case).urgency == "see_vet"
