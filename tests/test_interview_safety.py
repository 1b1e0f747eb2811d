"""Interviews of owners who know only the few facts a vet would give in a telephone probe and
say "don't know" to the rest: every emergency is reached by the interview, and the everyday
pictures are not sent to a vet. The cases are written for these tests, in our own words."""

from __future__ import annotations

import pytest
from tests.owner import interview_owner_knowing

from twitchcheck import assess

EMERGENCIES = [
    (
        "a nursing mother trembles",
        {
            "dog": {"sex": "female", "pregnant_or_nursing": True},
            "episode": {"looks_like": "trembling_or_shivering"},
        },
    ),
    (
        "a nursing mother's hind legs twitch",
        {
            "dog": {"pregnant_or_nursing": True},
            "episode": {"looks_like": "twitching_or_jerking", "body_area": ["hind_leg"]},
        },
    ),
    ("it ate something poisonous", {"history": {"possible_toxin": "yes"}}),
    (
        "collapsed on a hot day",
        {"history": {"hot_weather_or_overheated": True}, "signs": ["collapse"]},
    ),
    (
        "staggering and shaking in the heat",
        {
            "history": {"hot_weather_or_overheated": True},
            "signs": ["wobbling"],
            "episode": {"looks_like": "trembling_or_shivering"},
        },
    ),
    (
        "a fit that does not stop",
        {"episode": {"looks_like": "seizure_or_fit", "duration": "constant"}},
    ),
    (
        "a ten-minute fit",
        {"episode": {"looks_like": "seizure_or_fit", "duration": "over_5_minutes"}},
    ),
    ("three fits today", {"episode": {"looks_like": "seizure_or_fit", "count_24h": 3}}),
    (
        "a first fit at ten years old",
        {
            "dog": {"age_years": 10},
            "episode": {"looks_like": "seizure_or_fit", "pattern": "first_time"},
        },
    ),
    (
        "a first fit at four months old",
        {
            "dog": {"age_years": 0.3},
            "episode": {"looks_like": "seizure_or_fit", "pattern": "first_time"},
        },
    ),
    (
        "a dull, shaky eight-week-old puppy",
        {
            "dog": {"age_years": 0.15},
            "signs": ["lethargy"],
            "episode": {"looks_like": "trembling_or_shivering"},
        },
    ),
    (
        "a dachshund whose back legs have stopped working, no pain noticed",
        {
            "dog": {"breed": "dachshund"},
            "episode": {"looks_like": "trembling_or_shivering", "body_area": ["hind_leg"]},
            "signs": ["weakness_or_paralysis"],
        },
    ),
    (
        "a dachshund in pain with weak legs",
        {"dog": {"breed": "dachshund"}, "signs": ["limping_or_pain", "weakness_or_paralysis"]},
    ),
    (
        "a sore back and wobbly legs",
        {"episode": {"body_area": ["back"]}, "signs": ["limping_or_pain", "wobbling"]},
    ),
    ("a swelling face", {"signs": ["face_swelling"]}),
    (
        "shaking and struggling to breathe",
        {"signs": ["breathing_difficulty"], "episode": {"looks_like": "trembling_or_shivering"}},
    ),
    (
        "new shaking after it may have eaten something unseen",
        {
            "history": {"possible_toxin": "unknown"},
            "episode": {"looks_like": "trembling_or_shivering", "pattern": "first_time"},
        },
    ),
    (
        "a wobbly toy-breed puppy",
        {"dog": {"breed": "yorkshire terrier", "age_years": 0.2}, "signs": ["wobbling"]},
    ),
    (
        "a long fit in its sleep it cannot be woken from",
        {
            "episode": {
                "context": "asleep",
                "aware": "no",
                "looks_like": "seizure_or_fit",
                "duration": "over_5_minutes",
            }
        },
    ),
    (
        "an unvaccinated puppy with runny eyes and twitches",
        {
            "dog": {"age_years": 0.3, "vaccinations": "not_up_to_date"},
            "signs": ["nasal_or_eye_discharge"],
            "episode": {"looks_like": "twitching_or_jerking"},
        },
    ),
    (
        "collapsed and shaking",
        {"signs": ["collapse"], "episode": {"looks_like": "trembling_or_shivering"}},
    ),
    ("unresponsive and it does not stop", {"episode": {"aware": "no", "duration": "constant"}}),
    (
        "hot and vomiting after a run, still shaking",
        {
            "episode": {
                "context": "during_or_after_exercise",
                "looks_like": "trembling_or_shivering",
            },
            "signs": ["overheating", "vomiting_or_diarrhea"],
        },
    ),
    (
        "stiff and restless, pregnancy not known",
        {
            "dog": {"sex": "female", "age_years": 3},
            "episode": {"looks_like": "cramp_or_stiffening"},
            "signs": ["muscle_stiffness", "anxiety_or_restlessness"],
            "unknown": ["dog.pregnant_or_nursing"],
        },
    ),
]

EVERYDAY = [
    (
        "a puppy paddles in its sleep and wakes when called",
        {
            "dog": {"age_years": 0.4},
            "episode": {"context": "asleep", "looks_like": "twitching_or_jerking", "aware": "yes"},
            "signs": ["paddling_or_chomping"],
        },
        ("normal",),
    ),
    (
        "an adult flickers for seconds in its sleep",
        {
            "episode": {
                "context": "asleep",
                "looks_like": "twitching_or_jerking",
                "aware": "yes",
                "afterwards": "normal",
                "duration": "seconds",
            }
        },
        ("normal",),
    ),
    (
        "shivering after a bath",
        {
            "episode": {
                "looks_like": "trembling_or_shivering",
                "trigger": "cold_fear_or_excitement",
                "body_area": ["whole_body"],
            }
        },
        ("normal", "home_care"),
    ),
    (
        "trembling with excitement at the door",
        {
            "episode": {
                "looks_like": "trembling_or_shivering",
                "trigger": "cold_fear_or_excitement",
                "stops_when_distracted": "yes",
                "pattern": "occasional",
            }
        },
        ("normal", "home_care"),
    ),
    (
        "a leg twitches after a much longer walk than usual",
        {
            "episode": {
                "looks_like": "twitching_or_jerking",
                "context": "during_or_after_exercise",
                "body_area": ["hind_leg"],
            },
            "history": {"recent_heavy_exercise": True},
        },
        ("normal", "home_care"),
    ),
    (
        "an itchy dog's back twitches",
        {
            "episode": {"looks_like": "twitching_or_jerking", "body_area": ["back"]},
            "signs": ["itching"],
        },
        ("home_care",),
    ),
    (
        "an old dog's back legs shake as it gets up",
        {
            "dog": {"age_years": 14},
            "episode": {
                "looks_like": "trembling_or_shivering",
                "body_area": ["hind_leg"],
                "trigger": "standing_or_getting_up",
            },
        },
        ("home_care", "see_vet"),
    ),
    (
        "shaking at fireworks",
        {
            "episode": {
                "looks_like": "trembling_or_shivering",
                "body_area": ["whole_body"],
                "trigger": "cold_fear_or_excitement",
            },
            "signs": ["anxiety_or_restlessness"],
            "history": {"possible_toxin": "no"},
        },
        ("normal", "home_care"),
    ),
    (
        "the skin of the back flicks when stroked",
        {
            "episode": {
                "looks_like": "twitching_or_jerking",
                "body_area": ["back"],
                "duration": "seconds",
                "context": "resting_awake",
            }
        },
        ("normal", "home_care"),
    ),
    (
        "a chihuahua shivers",
        {
            "dog": {"breed": "chihuahua"},
            "episode": {"looks_like": "trembling_or_shivering", "body_area": ["whole_body"]},
        },
        ("normal", "home_care"),
    ),
]


@pytest.mark.parametrize(("case",), [(c,) for _, c in EMERGENCIES], ids=[n for n, _ in EMERGENCIES])
def test_the_interview_reaches_every_emergency_from_a_few_facts(case):
    assert assess(case).urgency == "emergency"
    _, reached = interview_owner_knowing(case)
    assert assess(reached).urgency == "emergency"


@pytest.mark.parametrize(
    ("case", "urgencies"), [(c, u) for _, c, u in EVERYDAY], ids=[n for n, _, _ in EVERYDAY]
)
def test_everyday_pictures_are_not_sent_to_a_vet_by_the_interview(case, urgencies):
    assert assess(case).urgency in urgencies
    _, reached = interview_owner_knowing(case)
    assert assess(reached).urgency in urgencies
