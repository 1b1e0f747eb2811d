"""The engine on typical cases: each contract cause, and each urgency variant."""

import pytest

from twitchcheck import assess, next_question
from twitchcheck.knowledge import CONTRACT_CAUSES


def contract_top(result) -> str:
    """The leading cause in the contract's terms (a refining cause counts as what it refines)."""
    top = result.causes[0]
    return top.refines or top.id if top.id not in CONTRACT_CAUSES else top.id


TYPICAL = {
    "rem_sleep": (
        {
            "episode": {
                "context": "asleep",
                "duration": "seconds",
                "aware": "yes",
                "afterwards": "normal",
                "body_area": ["hind_leg", "front_leg"],
            },
            "signs_absent": ["collapse", "loss_of_bladder_control"],
        },
        "normal",
    ),
    "overexertion": (
        {
            "episode": {"context": "resting_awake", "body_area": ["hind_leg"], "aware": "yes"},
            "history": {"recent_heavy_exercise": True, "low_water_intake": False},
            "signs_absent": ["limping_or_pain"],
        },
        "home_care",
    ),
    "injury": (
        {
            "episode": {"body_area": ["front_leg", "single_muscle"], "aware": "yes"},
            "signs": ["limping_or_pain"],
        },
        "see_vet",
    ),
    "allergic_reaction": (
        {
            "history": {"new_food_or_medication": True},
            "signs": ["itching", "skin_redness_or_hives"],
            "signs_absent": ["face_swelling", "breathing_difficulty"],
        },
        "home_care",
    ),
    "dehydration": (
        {
            "episode": {"context": "resting_awake", "aware": "yes", "body_area": ["hind_leg"]},
            "history": {"low_water_intake": True},
            "signs_absent": ["dry_gums_or_sunken_eyes", "lethargy"],
        },
        "home_care",
    ),
    "mineral_deficiency": (
        {
            "dog": {"age_years": 9, "breed": "miniature schnauzer", "sex": "female"},
            "episode": {"context": "resting_awake", "aware": "yes", "pattern": "more_often_lately"},
            "history": {"possible_toxin": "no", "low_water_intake": False},
            "signs": ["weakness_or_paralysis", "muscle_stiffness", "poor_appetite"],
        },
        "see_vet",
    ),
    "toxin": (
        {
            "episode": {"body_area": ["whole_body"], "pattern": "first_time"},
            "history": {"possible_toxin": "yes"},
            "signs": ["vomiting_or_diarrhea", "anxiety_or_restlessness"],
        },
        "emergency",
    ),
    "distemper": (
        {
            "dog": {"age_years": 0.4, "vaccinations": "not_up_to_date"},
            "episode": {"pattern": "constant", "body_area": ["front_leg"]},
            "signs": ["nasal_or_eye_discharge", "cough", "fever"],
        },
        "emergency",
    ),
    "dystonia": (
        {
            "dog": {"age_years": 2, "breed": "cavalier king charles spaniel"},
            "episode": {
                "body_area": ["back", "hind_leg"],
                "duration": "under_5_minutes",
                "aware": "yes",
                "afterwards": "normal",
                "pattern": "occasional",
            },
            "signs": ["muscle_stiffness", "wobbling"],
        },
        "see_vet",
    ),
    "canine_stress_syndrome": (
        {
            "dog": {"breed": "english springer spaniel", "age_years": 3},
            "episode": {"context": "during_or_after_exercise", "pattern": "occasional"},
            "history": {"hot_weather_or_overheated": False},
            "signs": ["muscle_stiffness", "anxiety_or_restlessness", "overheating"],
            "signs_absent": ["collapse"],
        },
        "see_vet",
    ),
    "seizure_disorder": (
        {
            "episode": {
                "body_area": ["whole_body"],
                "duration": "under_5_minutes",
                "aware": "no",
                "afterwards": "confused_or_wobbly",
                "pattern": "first_time",
            },
            "signs": ["paddling_or_chomping", "loss_of_bladder_control"],
        },
        "see_vet",
    ),
}


@pytest.mark.parametrize("cause", sorted(TYPICAL))
def test_typical_case_ranks_its_cause_first_with_its_urgency(cause):
    case, urgency = TYPICAL[cause]
    result = assess(case)
    assert contract_top(result) == cause
    assert result.urgency == urgency
    assert result.causes[0].reasons, "the leading cause must say why"


def test_every_contract_cause_is_always_listed_and_probabilities_sum_to_one():
    result = assess({})
    ids = {c.id for c in result.causes}
    assert set(CONTRACT_CAUSES) <= ids
    assert sum(c.probability for c in result.causes) == pytest.approx(1, abs=1e-6)
    probs = [c.probability for c in result.causes]
    assert probs == sorted(probs, reverse=True)


def test_empty_case_is_not_sent_away_from_the_vet():
    assert assess({}).urgency in ("see_vet", "emergency")


def test_every_result_says_it_is_not_a_diagnosis():
    assert "not a diagnosis" in assess({}).disclaimer


@pytest.mark.parametrize(
    ("case", "flag_words"),
    [
        ({"signs": ["collapse"]}, "collapsed"),
        ({"signs": ["breathing_difficulty"]}, "breathe"),
        ({"signs": ["face_swelling"], "history": {"new_food_or_medication": True}}, "face"),
        (
            {
                "episode": {"duration": "over_5_minutes", "aware": "no"},
                "signs": ["paddling_or_chomping"],
            },
            "five minutes",
        ),
        ({"history": {"possible_toxin": "yes"}, "signs": ["wobbling"]}, "poison"),
        (
            {"dog": {"sex": "female", "pregnant_or_nursing": True}, "signs": ["muscle_stiffness"]},
            "calcium",
        ),
        (
            {"history": {"hot_weather_or_overheated": True}, "signs": ["overheating", "collapse"]},
            "heat",
        ),
        ({"dog": {"age_years": 0.2}, "signs": ["fever"]}, "puppy"),
    ],
)
def test_red_flags_force_an_emergency_and_say_why(case, flag_words):
    result = assess(case)
    assert result.urgency == "emergency"
    assert any(flag_words in flag.lower() for flag in result.red_flags), result.red_flags


def test_repeated_fits_without_recovery_are_an_emergency():
    case = {
        "episode": {
            "body_area": ["whole_body"],
            "duration": "under_5_minutes",
            "aware": "no",
            "afterwards": "confused_or_wobbly",
            "pattern": "more_often_lately",
        },
        "signs": ["paddling_or_chomping"],
    }
    assert assess(case).urgency == "emergency"


def test_allergy_with_face_swelling_escalates_from_home_care_to_emergency():
    mild, _ = TYPICAL["allergic_reaction"]
    severe = {**mild, "signs": [*mild["signs"], "face_swelling"], "signs_absent": []}
    assert assess(mild).urgency == "home_care"
    assert assess(severe).urgency == "emergency"


def test_dehydration_with_tacky_gums_needs_a_vet():
    case = {
        "history": {"low_water_intake": True},
        "signs": ["dry_gums_or_sunken_eyes", "lethargy", "vomiting_or_diarrhea"],
    }
    result = assess(case)
    assert result.urgency == "see_vet"
    assert contract_top(result) == "dehydration"


def test_toxin_result_gives_the_poison_control_lines():
    case, _ = TYPICAL["toxin"]
    actions = " ".join(assess(case).actions)
    assert "426-4435" in actions


def test_reasons_are_the_cases_own_facts():
    case, _ = TYPICAL["rem_sleep"]
    reasons = assess(case).causes[0].reasons
    assert "happens while asleep" in reasons


def test_prevention_uses_contract_ids_with_text():
    case, _ = TYPICAL["overexertion"]
    prevention = assess(case).prevention
    assert prevention
    assert {p.id for p in prevention} <= {
        "water_intake",
        "cold_compress",
        "ramp_no_jumping",
        "supervised_play",
        "stretching_massage",
        "supplements",
        "vet_prescribed_relief",
    }
    assert all(p.text for p in prevention)


def test_first_question_is_the_red_flag_check():
    step = next_question({})
    assert not step.done
    assert step.question.field == "signs"
    assert "collapse" in step.question.options


def test_no_question_is_repeated_and_the_interview_ends():
    case: dict = {}
    seen = []
    for _ in range(40):
        step = next_question(case)
        if step.done:
            break
        q = step.question
        key = (q.field, tuple(q.options)) if q.field == "signs" else q.field
        assert key not in seen
        seen.append(key)
        if q.field == "signs":
            case.setdefault("signs_absent", []).extend(q.options)
        else:
            case.setdefault("unknown", []).append(q.field)
    else:
        pytest.fail("the interview never ended")


def test_an_emergency_ends_the_red_flag_questions():
    step = next_question({"signs": ["collapse"], "history": {"possible_toxin": "yes"}})
    assert step.done or step.question.field != "signs" or "collapse" not in step.question.options
