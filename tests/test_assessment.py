"""What an assessment says: advice that fits the urgency and the dog, what would change the
answer, honesty when little is known, and a disclaimer every time."""

import re

from hypothesis import HealthCheck, given, settings
from tests.test_properties import cases

from twitchcheck import assess, load_knowledge
from twitchcheck.engine.model import LEVEL

KNOWLEDGE = load_knowledge()
GO_NOW = re.compile(
    r"\b(go|take|bring|drive)\b[^.;]*\b(now|straight away|immediately|right away|at once)\b", re.I
)
ALL_ACTIONS = {
    str(a): a
    for a in (
        *(a for c in KNOWLEDGE.causes for a in c.actions),
        *(a for r in KNOWLEDGE.red_flags for a in r.actions),
    )
}
fast = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(cases)
def test_advice_never_contradicts_the_urgency(case):
    result = assess(case)
    headline = KNOWLEDGE.meta.urgency[result.urgency].headline
    assert result.actions[0] == headline
    assert len(result.actions) == len(set(result.actions)), "an action repeats"
    if result.urgency != "emergency":
        emergency = KNOWLEDGE.meta.urgency["emergency"]
        assert emergency.headline not in result.actions
        for action in result.actions:
            assert not GO_NOW.search(action), action
    for text in result.actions:
        action = ALL_ACTIONS.get(text)
        if action is not None and action.only_at:
            assert result.urgency in action.only_at, text


@fast
@given(cases)
def test_every_result_says_it_is_not_a_diagnosis(case):
    result = assess(case)
    assert "not a diagnosis" in result.disclaimer


@fast
@given(cases)
def test_what_would_change_lists_only_unknown_facts_that_change_the_urgency(case):
    result = assess(case)
    for change in result.what_would_change:
        assert change.urgency != result.urgency
        assert change.text.startswith("If ")
        if change.field == "signs":
            assert change.value not in case.get("signs", [])
            assert change.value not in case.get("signs_absent", [])
        else:
            # a fact not given, or answered "don't know" (finding it out is what would change)
            section, _, name = change.field.partition(".")
            assert name not in case.get(section, {})
    raising = [LEVEL[c.urgency] > LEVEL[result.urgency] for c in result.what_would_change]
    assert raising == sorted(raising, reverse=True), "raising changes come first"
    # a new sign is never offered as a reason to worry less
    assert not any(
        c.field == "signs" and LEVEL[c.urgency] < LEVEL[result.urgency]
        for c in result.what_would_change
    )


def _with_answer(case: dict, field: str, value: object) -> dict:
    """The case once the owner has found out and answered `field` with `value`."""
    out = {k: (dict(v) if isinstance(v, dict) else list(v)) for k, v in case.items()}
    if field == "signs":
        out["signs"] = [*out.get("signs", []), value]
        out["signs_absent"] = [s for s in out.get("signs_absent", []) if s != value]
        return out
    section, _, name = field.partition(".")
    if field == "episode.body_area":
        value = sorted({*out.get("episode", {}).get("body_area", []), value})
    if field == "episode.count_24h":
        value = {"one": 1, "two_or_more": 2}.get(value, value)  # type: ignore[call-overload]
    out.setdefault(section, {})[name] = value
    out["unknown"] = [u for u in out.get("unknown", []) if u != field]
    return out


@fast
@given(cases)
def test_what_would_change_says_what_the_answer_would_give(case):
    # each line is a promise: the owner who finds out and answers gets that urgency
    for change in assess(case).what_would_change:
        answered = _with_answer(case, change.field, change.value)
        assert assess(answered).urgency == change.urgency, (change.field, change.value)


def test_the_puppies_advice_is_only_for_a_nursing_mother():
    young = assess(
        {
            "dog": {"age_years": 0.6, "sex": "female"},
            "episode": {"looks_like": "trembling_or_shivering", "body_area": ["whole_body"]},
            "signs": ["muscle_stiffness", "anxiety_or_restlessness"],
        }
    )
    assert not any("puppies off her" in a for a in young.actions)
    mother = assess(
        {
            "dog": {"age_years": 3, "sex": "female", "pregnant_or_nursing": True},
            "episode": {"looks_like": "trembling_or_shivering", "body_area": ["whole_body"]},
        }
    )
    assert mother.urgency == "emergency"
    assert any("puppies off her" in a for a in mother.actions)


def test_a_dog_that_cannot_be_woken_is_not_told_to_sleep_on():
    result = assess({"episode": {"context": "asleep", "aware": "no"}})
    assert not any("no need to wake" in a for a in result.actions)


def test_poisoning_advice_leads_and_says_go_now_once():
    result = assess(
        {"history": {"possible_toxin": "yes"}, "episode": {"looks_like": "trembling_or_shivering"}}
    )
    assert result.urgency == "emergency"
    assert result.causes[0].id in {"toxin", "tremorgenic_toxin"}
    assert sum("vet or an emergency clinic now" in a for a in result.actions) == 1
    assert any("poison line" in a for a in result.actions)


def test_a_dreaming_dog_is_sold_nothing():
    result = assess(
        {"episode": {"context": "asleep", "aware": "yes", "looks_like": "twitching_or_jerking"}}
    )
    assert result.urgency == "normal"
    assert result.prevention == []


def test_nothing_known_says_so_and_invents_no_red_flag():
    for case in ({}, {"episode": {"looks_like": "twitching_or_jerking"}}):
        result = assess(case)
        assert result.red_flags == []
        assert result.urgency in ("home_care", "normal")
        assert KNOWLEDGE.meta.too_little_known in result.actions
        assert any(c.urgency == "emergency" for c in result.what_would_change)


def test_trembling_after_exercise_with_nothing_else_known_is_not_an_emergency():
    case = {
        "episode": {"looks_like": "trembling_or_shivering", "context": "during_or_after_exercise"},
        "history": {"recent_heavy_exercise": True},
    }
    result = assess(case)
    assert result.urgency != "emergency"
    assert result.causes[0].id != "heat_stroke"
    heat = [c for c in result.what_would_change if c.field == "history.hot_weather_or_overheated"]
    heat += [c for c in result.what_would_change if c.value == "overheating"]
    assert heat and heat[0].urgency == "emergency"


def test_heat_stroke_stays_in_view_when_the_dog_is_hot_and_panting_after_exercise():
    result = assess(
        {
            "episode": {
                "looks_like": "trembling_or_shivering",
                "context": "during_or_after_exercise",
            },
            "history": {"hot_weather_or_overheated": True, "recent_heavy_exercise": True},
            "signs": ["overheating"],
        }
    )
    heat = next(c for c in result.causes if c.id == "heat_stroke")
    assert heat.probability >= 0.05


def test_eclampsia_does_not_lead_for_a_feverish_female_of_unknown_pregnancy():
    result = assess(
        {
            "dog": {"sex": "female", "age_years": 4},
            "episode": {"looks_like": "trembling_or_shivering", "body_area": ["whole_body"]},
            "signs": ["fever"],
        }
    )
    assert result.causes[0].id != "eclampsia"
    assert any(c.field == "dog.pregnant_or_nursing" for c in result.what_would_change)


def test_a_collapsed_dog_gets_no_invented_dehydration_flag():
    result = assess({"signs": ["collapse"]})
    assert result.urgency == "emergency"
    assert not any("drink" in flag.lower() for flag in result.red_flags)


def test_reasons_are_the_cases_own_facts():
    result = assess({"episode": {"context": "asleep", "aware": "yes"}})
    top = result.causes[0]
    assert top.id == "rem_sleep"
    assert "happens while asleep" in top.reasons


def test_an_emergency_gives_first_aid_not_the_everyday_care_of_a_milder_cause():
    # weak back legs in a dachshund of unknown age: old-age trembling may lead the odds,
    # but its advice (gentle daily walks) contradicts "keep your dog still"
    result = assess(
        {
            "dog": {"breed": "dachshund"},
            "episode": {"looks_like": "trembling_or_shivering", "body_area": ["hind_leg"]},
            "signs": ["weakness_or_paralysis"],
        }
    )
    assert result.urgency == "emergency"
    assert any("Keep your dog still" in a for a in result.actions)
    assert not any("walks" in a for a in result.actions)
