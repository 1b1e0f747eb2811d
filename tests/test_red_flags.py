"""Red flags: veterinary criteria that set the urgency whatever the likely cause.

Each flag must fire from every way a case can show it (all branches of its condition), must
say why in the result, and must never fire on the plain picture of a dreaming dog.
"""

import pytest
from tests.knowledge_ways import ways

from twitchcheck import assess, load_knowledge
from twitchcheck.engine.model import LEVEL

FLAGS = load_knowledge().red_flags
EVERY_WAY = [
    pytest.param(flag, case, id=f"{flag.id}-{n}")
    for flag in FLAGS
    for n, case in enumerate(ways(flag.when))
]


@pytest.mark.parametrize(("flag", "case"), EVERY_WAY)
def test_every_way_a_red_flag_can_show_raises_the_urgency_and_says_why(flag, case):
    result = assess(case)
    assert LEVEL[result.urgency] >= LEVEL[flag.urgency], (case, result.urgency)
    assert flag.text in result.red_flags


@pytest.mark.parametrize("flag", FLAGS, ids=lambda f: f.id)
def test_no_red_flag_fires_on_a_dog_dreaming_quietly(flag):
    dreaming = {
        "dog": {"age_years": 4},
        "episode": {
            "context": "asleep",
            "aware": "yes",
            "afterwards": "normal",
            "duration": "seconds",
            "looks_like": "twitching_or_jerking",
            "body_area": ["hind_leg", "front_leg"],
        },
    }
    result = assess(dreaming)
    assert flag.text not in result.red_flags
    assert result.urgency == "normal"


# The same criteria, as an owner would describe them.
SITUATIONS = [
    ("a dog lying on its side that cannot stand up", {"signs": ["collapse"]}, "emergency"),
    (
        "a Weimaraner pacing and shaking an hour after wolfing a large dinner",
        {
            "dog": {"breed": "weimaraner", "age_years": 6},
            "episode": {"trigger": "after_a_meal", "looks_like": "trembling_or_shivering"},
            "signs": ["anxiety_or_restlessness"],
        },
        "emergency",
    ),
    (
        "a German shepherd retching up only froth, drooling and unable to settle",
        {
            "dog": {"breed": "german shepherd"},
            "episode": {"body_area": ["whole_body"]},
            "signs": ["vomiting_or_diarrhea", "drooling", "anxiety_or_restlessness"],
            "history": {"possible_toxin": "no"},
        },
        "emergency",
    ),
    (
        "a Saint Bernard drooling after his dinner, as he always does, with a twitching lip",
        {
            "dog": {"breed": "saint bernard", "age_years": 5},
            "episode": {
                "trigger": "after_a_meal",
                "body_area": ["face_head"],
                "looks_like": "twitching_or_jerking",
                "aware": "yes",
            },
            "signs": ["drooling"],
            "signs_absent": ["anxiety_or_restlessness", "vomiting_or_diarrhea"],
        },
        "not emergency",
    ),
    (
        "a ten-week-old puppy sleepy, shivery and picky with food the evening after its jabs",
        {
            "dog": {"age_years": 0.19},
            "episode": {"looks_like": "trembling_or_shivering"},
            "history": {"new_food_or_medication": True},
            "signs": ["lethargy", "poor_appetite"],
        },
        "see_vet",
    ),
    (
        "a ten-week-old puppy dull and vomiting the day after its jabs",
        {
            "dog": {"age_years": 0.19},
            "episode": {"looks_like": "trembling_or_shivering"},
            "history": {"new_food_or_medication": True},
            "signs": ["lethargy", "vomiting_or_diarrhea"],
        },
        "emergency",
    ),
    (
        "wobbly back legs and hard panting at the end of a jog on a warm morning, fully "
        "herself again after shade and cool water",
        {
            "episode": {"context": "during_or_after_exercise", "afterwards": "normal"},
            "history": {"hot_weather_or_overheated": True},
            "signs": ["overheating", "wobbling"],
        },
        "see_vet",
    ),
    (
        "collapsed on a hot walk and came round once cooled: heatstroke, however well he looks",
        {
            "episode": {"context": "during_or_after_exercise", "afterwards": "normal"},
            "history": {"hot_weather_or_overheated": True},
            "signs": ["overheating", "collapse"],
        },
        "emergency",
    ),
    (
        "muscle flickers along the back and a wobble on the stairs since a first flea chew",
        {
            "dog": {"age_years": 4},
            "episode": {"body_area": ["back"], "looks_like": "twitching_or_jerking"},
            "history": {"new_food_or_medication": True, "possible_toxin": "no"},
            "signs": ["wobbling"],
            "signs_absent": ["vomiting_or_diarrhea", "weakness_or_paralysis"],
        },
        "see_vet",
    ),
    (
        "hours after its usual insulin on a skipped breakfast, a dog dull, trembling and "
        "staggering",
        {
            "dog": {"age_years": 10},
            "episode": {"looks_like": "trembling_or_shivering", "trigger": "missed_meal"},
            "signs": ["wobbling", "lethargy"],
        },
        "emergency",
    ),
    (
        "a young gundog wobbly and weak on a long day without breakfast, right again after a snack",
        {
            "dog": {"age_years": 2},
            "episode": {
                "looks_like": "trembling_or_shivering",
                "trigger": "missed_meal",
                "afterwards": "normal",
                "context": "during_or_after_exercise",
            },
            "signs": ["wobbling", "weakness_or_paralysis"],
        },
        "not emergency",
    ),
    (
        "trembling, drooling and sick on every car trip, herself again the moment she is out",
        {
            "dog": {"age_years": 1},
            "episode": {
                "looks_like": "trembling_or_shivering",
                "trigger": "cold_fear_or_excitement",
                "afterwards": "normal",
                "pattern": "occasional",
            },
            "signs": ["drooling", "vomiting_or_diarrhea"],
        },
        "home_care",
    ),
    (
        "shivering in the cold and sick since yesterday, still quiet and off colour",
        {
            "dog": {"age_years": 6},
            "episode": {
                "looks_like": "trembling_or_shivering",
                "trigger": "cold_fear_or_excitement",
            },
            "signs": ["vomiting_or_diarrhea"],
        },
        "see_vet",
    ),
    (
        "a toy poodle restless after her meal (too small a dog for bloat)",
        {
            "dog": {"breed": "toy poodle", "age_years": 3},
            "episode": {"trigger": "after_a_meal", "looks_like": "trembling_or_shivering"},
            "signs": ["anxiety_or_restlessness"],
            "history": {"possible_toxin": "no"},
        },
        "not emergency",
    ),
    (
        "a fit that has gone on for more than five minutes",
        {"episode": {"looks_like": "seizure_or_fit", "duration": "over_5_minutes"}},
        "emergency",
    ),
    (
        "a second fit this evening after a full recovery from the first",
        {
            "episode": {
                "looks_like": "seizure_or_fit",
                "count_24h": 2,
                "afterwards": "normal",
                "duration": "under_5_minutes",
            }
        },
        "emergency",
    ),
    (
        "a bitch feeding a week-old litter whose back legs tremble",
        {
            "dog": {"sex": "female", "pregnant_or_nursing": True},
            "episode": {"body_area": ["hind_leg"], "looks_like": "trembling_or_shivering"},
        },
        "emergency",
    ),
    (
        "a dachshund with a sore back that has started to wobble",
        {
            "dog": {"breed": "miniature dachshund"},
            "episode": {"body_area": ["back"]},
            "signs": ["limping_or_pain", "wobbling"],
        },
        "emergency",
    ),
    (
        "a ten-week-old puppy that is twitching and will not eat",
        {"dog": {"age_years": 0.2}, "signs": ["poor_appetite"]},
        "emergency",
    ),
    (
        "a chihuahua puppy that is weak and wobbly",
        {"dog": {"age_years": 0.7, "breed": "chihuahua"}, "signs": ["weakness_or_paralysis"]},
        "emergency",
    ),
    (
        "a dog that chewed through a blister pack of tablets",
        {"history": {"possible_toxin": "yes"}, "episode": {"looks_like": "trembling_or_shivering"}},
        "emergency",
    ),
    (
        "a first fit in a nine-year-old dog",
        {
            "dog": {"age_years": 9},
            "episode": {"looks_like": "seizure_or_fit", "pattern": "first_time"},
        },
        "emergency",
    ),
    (
        "a first short fit in a three-year-old dog that is back to itself",
        {
            "dog": {"age_years": 3},
            "episode": {
                "looks_like": "seizure_or_fit",
                "pattern": "first_time",
                "duration": "under_5_minutes",
                "afterwards": "normal",
                "count_24h": 1,
            },
        },
        "see_vet",
    ),
    (
        "a dog panting hard on a hot day that has started to stagger",
        {"history": {"hot_weather_or_overheated": True}, "signs": ["overheating", "wobbling"]},
        "emergency",
    ),
    (
        "a young adult that fell over in a one-minute fit and was itself again within the hour",
        {
            "dog": {"age_years": 4},
            "episode": {
                "looks_like": "seizure_or_fit",
                "pattern": "first_time",
                "count_24h": 1,
                "duration": "under_5_minutes",
                "afterwards": "confused_or_wobbly",
            },
            "history": {"possible_toxin": "no"},
            "signs": ["collapse"],
        },
        "see_vet",
    ),
    (
        "a fit that is over but the dog still lies flat and cannot get up",
        {
            "dog": {"age_years": 4},
            "episode": {"looks_like": "seizure_or_fit", "duration": "under_5_minutes"},
            "signs": ["collapse"],
        },
        "emergency",
    ),
    (
        "a dog that went down during a run and is wobbly after a short shaking spell",
        {
            "dog": {"age_years": 4},
            "episode": {
                "context": "during_or_after_exercise",
                "looks_like": "seizure_or_fit",
                "duration": "seconds",
                "afterwards": "confused_or_wobbly",
            },
            "signs": ["collapse"],
        },
        "emergency",
    ),
    (
        "a spaniel's legs cramp and stiffen on a long run in the summer heat, still panting hard",
        {
            "dog": {"age_years": 6},
            "episode": {"context": "during_or_after_exercise", "looks_like": "cramp_or_stiffening"},
            "history": {"hot_weather_or_overheated": True},
            "signs": ["muscle_stiffness", "overheating"],
        },
        "emergency",
    ),
    (
        "the same cramp on a cool morning's sprint, over in a minute, no panting",
        {
            "dog": {"age_years": 6},
            "episode": {
                "context": "during_or_after_exercise",
                "looks_like": "cramp_or_stiffening",
                "duration": "under_5_minutes",
                "afterwards": "normal",
            },
            "history": {"hot_weather_or_overheated": False, "recent_heavy_exercise": True},
            "signs": ["muscle_stiffness"],
            "signs_absent": ["overheating"],
        },
        "home_care",
    ),
    (
        "a young retriever's back end has given way during fetch a few times, alert throughout "
        "and itself again after a rest, on cool days",
        {
            "dog": {"age_years": 2},
            "episode": {
                "context": "during_or_after_exercise",
                "pattern": "occasional",
                "aware": "yes",
                "afterwards": "normal",
            },
            "history": {"hot_weather_or_overheated": False},
            "signs": ["collapse", "weakness_or_paralysis"],
        },
        "see_vet",
    ),
    (
        "the same going down for the first time",
        {
            "dog": {"age_years": 2},
            "episode": {"context": "during_or_after_exercise", "pattern": "first_time"},
            "signs": ["collapse"],
        },
        "emergency",
    ),
    (
        "the same recurring collapse, but on a hot afternoon",
        {
            "dog": {"age_years": 2},
            "episode": {
                "context": "during_or_after_exercise",
                "pattern": "occasional",
                "aware": "yes",
                "afterwards": "normal",
            },
            "history": {"hot_weather_or_overheated": True},
            "signs": ["collapse"],
        },
        "emergency",
    ),
    (
        "an adult dog found this morning unsteady and weak in the back legs, trembling",
        {
            "dog": {"age_years": 5},
            "episode": {"body_area": ["hind_leg"], "looks_like": "trembling_or_shivering"},
            "signs": ["weakness_or_paralysis", "wobbling"],
        },
        "emergency",
    ),
    (
        "an old dog's back legs have grown weaker and wobblier over months",
        {
            "dog": {"age_years": 12},
            "episode": {"body_area": ["hind_leg"], "pattern": "more_often_lately"},
            "signs": ["weakness_or_paralysis", "wobbling"],
        },
        "see_vet",
    ),
    (
        "two days of loose stools, drinking little, tacky gums and quiet, but still eating",
        {
            "dog": {"age_years": 4},
            "episode": {"looks_like": "trembling_or_shivering"},
            "history": {"low_water_intake": True},
            "signs": ["vomiting_or_diarrhea", "dry_gums_or_sunken_eyes", "lethargy"],
            "signs_absent": ["poor_appetite", "weakness_or_paralysis", "collapse"],
        },
        "see_vet",
    ),
    (
        "a small dog shut out on a frosty night has stopped shivering and is limp",
        {
            "episode": {
                "looks_like": "trembling_or_shivering",
                "trigger": "cold_fear_or_excitement",
            },
            "signs": ["weakness_or_paralysis", "lethargy"],
        },
        "emergency",
    ),
    (
        "a dog whose legs go weak whenever it gets excited, again and again, and then recovers",
        {
            "dog": {"age_years": 2},
            "episode": {
                "trigger": "cold_fear_or_excitement",
                "pattern": "occasional",
                "aware": "yes",
                "afterwards": "normal",
                "duration": "under_5_minutes",
            },
            "signs": ["weakness_or_paralysis"],
        },
        "see_vet",
    ),
]


@pytest.mark.parametrize(
    ("case", "urgency"), [s[1:] for s in SITUATIONS], ids=[s[0] for s in SITUATIONS]
)
def test_owner_situations_get_the_urgency_vets_give_them(case, urgency):
    if urgency == "not emergency":
        assert assess(case).urgency != "emergency"
    else:
        assert assess(case).urgency == urgency


# "Don't know" must not hide a danger when the rest of the picture fits it, and must not
# turn an everyday picture into an emergency.
UNSURE_SITUATIONS = [
    (
        "back legs gone weak and wobbly ten minutes into hard retrieving, the dog alert and "
        "keen; nobody knows whether it picked anything up",
        {
            "episode": {"context": "during_or_after_exercise", "aware": "yes"},
            "signs": ["weakness_or_paralysis", "wobbling"],
            "unknown": ["history.possible_toxin", "episode.looks_like"],
        },
        "not emergency",
    ),
    (
        "drooling and wobbly after a swim in a green pond; nobody knows what it swallowed",
        {
            "episode": {"context": "during_or_after_exercise"},
            "signs": ["drooling", "wobbling"],
            "unknown": ["history.possible_toxin", "episode.looks_like"],
        },
        "emergency",
    ),
    (
        "shivering all over after two days of loose stools, gums tacky and the dog dull; "
        "nobody knows whether it ate anything",
        {
            "episode": {"body_area": ["whole_body"], "looks_like": "trembling_or_shivering"},
            "signs": ["vomiting_or_diarrhea", "dry_gums_or_sunken_eyes", "lethargy"],
            "unknown": ["history.possible_toxin"],
        },
        "see_vet",
    ),
    (
        "shivering all over since this morning with vomiting and drooling, gums still moist, "
        "and nobody knows whether it ate anything",
        {
            "episode": {"body_area": ["whole_body"], "looks_like": "trembling_or_shivering"},
            "signs": ["vomiting_or_diarrhea", "drooling"],
            "signs_absent": ["dry_gums_or_sunken_eyes"],
            "unknown": ["history.possible_toxin"],
        },
        "emergency",
    ),
    (
        "the muscles along a dog's back twitch, it has been sick and cannot settle, and "
        "nobody knows what it got into",
        {
            "episode": {"body_area": ["back"], "looks_like": "twitching_or_jerking"},
            "signs": ["vomiting_or_diarrhea", "anxiety_or_restlessness"],
            "unknown": ["history.possible_toxin"],
        },
        "emergency",
    ),
    (
        "jaw champing twice today in a dog whose owner could not tell if it heard them",
        {
            "episode": {"count_24h": 2, "looks_like": "twitching_or_jerking"},
            "signs": ["paddling_or_chomping"],
            "unknown": ["episode.aware"],
        },
        "emergency",
    ),
    (
        "legs paddling twice tonight in a sleeping dog that wakes at once when called",
        {
            "episode": {"count_24h": 2, "context": "asleep", "aware": "yes"},
            "signs": ["paddling_or_chomping"],
        },
        "normal",
    ),
    (
        "a first fit in a rescue dog whose age nobody knows",
        {
            "episode": {"looks_like": "seizure_or_fit", "pattern": "first_time", "count_24h": 1},
            "unknown": ["dog.age_years"],
        },
        "emergency",
    ),
    (
        "a first short fit in a three-year-old, fully recovered",
        {
            "dog": {"age_years": 3},
            "episode": {
                "looks_like": "seizure_or_fit",
                "pattern": "first_time",
                "count_24h": 1,
                "duration": "under_5_minutes",
                "afterwards": "normal",
            },
            "history": {"possible_toxin": "no"},
        },
        "see_vet",
    ),
    (
        "wobbly and shaking all over, the owner cannot say what it looked like or rule out poison",
        {
            "episode": {"body_area": ["whole_body"]},
            "signs": ["wobbling"],
            "unknown": ["episode.looks_like", "history.possible_toxin"],
        },
        "emergency",
    ),
    (
        "drooling and staggering, the owner can say neither where it shakes, what it looked "
        "like, nor whether it ate something",
        {
            "dog": {"age_years": 2},
            "signs": ["drooling", "wobbling"],
            "unknown": ["episode.looks_like", "episode.body_area", "history.possible_toxin"],
        },
        "emergency",
    ),
    (
        "restless only, with where, what and any poison all unknown: not enough for a poisoning",
        {
            "dog": {"age_years": 2},
            "signs": ["anxiety_or_restlessness"],
            "signs_absent": ["drooling", "wobbling", "vomiting_or_diarrhea"],
            "unknown": ["episode.looks_like", "episode.body_area", "history.possible_toxin"],
        },
        "not emergency",
    ),
    (
        "shivering in the cold, poison neither known nor ruled out",
        {
            "episode": {
                "looks_like": "trembling_or_shivering",
                "body_area": ["whole_body"],
                "trigger": "cold_fear_or_excitement",
                "stops_when_distracted": "yes",
                "afterwards": "normal",
            },
            "unknown": ["history.possible_toxin"],
        },
        "normal",
    ),
    (
        "crying with pain and shaking, the owner unsure whether it is the whole body",
        {
            "episode": {"looks_like": "trembling_or_shivering", "aware": "yes"},
            "signs": ["limping_or_pain"],
            "unknown": ["episode.body_area"],
        },
        "emergency",
    ),
    (
        "a bright dog that trembles along its back, nothing else known",
        {
            "episode": {
                "looks_like": "trembling_or_shivering",
                "body_area": ["back"],
                "context": "resting_awake",
            },
            "signs_absent": ["itching", "limping_or_pain"],
        },
        "home_care",
    ),
    (
        "an old beagle whose back legs have been getting weaker and shakier over the months",
        {
            "dog": {"breed": "beagle", "age_years": 12},
            "episode": {
                "looks_like": "trembling_or_shivering",
                "body_area": ["hind_leg"],
                "pattern": "more_often_lately",
            },
            "signs": ["weakness_or_paralysis"],
            "signs_absent": ["limping_or_pain", "collapse"],
        },
        "see_vet",
    ),
    (
        "a four-month-old rescue puppy, jabs not finished, with runny eyes and a twitching jaw",
        {
            "dog": {"age_years": 0.33, "vaccinations": "not_up_to_date"},
            "episode": {"looks_like": "twitching_or_jerking", "body_area": ["face_head"]},
            "signs": ["nasal_or_eye_discharge"],
            "signs_absent": ["fever", "lethargy", "poor_appetite", "cough"],
        },
        "emergency",
    ),
    (
        "a fully vaccinated three-year-old with a weepy eye whose eyelid twitches",
        {
            "dog": {"age_years": 3, "vaccinations": "up_to_date"},
            "episode": {"looks_like": "twitching_or_jerking", "body_area": ["face_head"]},
            "signs": ["nasal_or_eye_discharge"],
            "signs_absent": ["fever", "lethargy", "poor_appetite", "cough"],
        },
        "not emergency",
    ),
    (
        "restless and shaking all over, poison not ruled out, nobody says whether it is new",
        {
            "episode": {"looks_like": "trembling_or_shivering", "body_area": ["whole_body"]},
            "signs": ["anxiety_or_restlessness"],
            "unknown": ["history.possible_toxin", "episode.pattern", "episode.trigger"],
        },
        "not emergency",
    ),
    (
        "racing about with little twitches all over, and it may have found a dropped pill",
        {
            "episode": {"looks_like": "twitching_or_jerking", "body_area": ["whole_body"]},
            "signs": ["anxiety_or_restlessness"],
            "unknown": ["history.possible_toxin", "episode.pattern"],
        },
        "emergency",
    ),
    (
        "restless and shaking all over for the first time, poison not ruled out",
        {
            "episode": {
                "looks_like": "trembling_or_shivering",
                "body_area": ["whole_body"],
                "pattern": "first_time",
            },
            "signs": ["anxiety_or_restlessness"],
            "unknown": ["history.possible_toxin"],
        },
        "emergency",
    ),
    (
        "a restless, frightened dog's long spell its owner cannot describe",
        {
            "dog": {"age_years": 6},
            "episode": {"duration": "over_5_minutes"},
            "signs": ["anxiety_or_restlessness"],
            "unknown": ["episode.looks_like", "episode.aware", "episode.trigger"],
        },
        "not emergency",
    ),
    (
        "a spell of over five minutes nobody can describe, nor say whether the dog responded",
        {
            "dog": {"age_years": 2},
            "episode": {"duration": "over_5_minutes"},
            "unknown": ["episode.looks_like", "episode.aware"],
        },
        "emergency",
    ),
    (
        "a feverish young dog with a cough, runny eyes and a twitching leg, vaccinations unknown",
        {
            "dog": {"age_years": 0.4},
            "episode": {"looks_like": "twitching_or_jerking", "body_area": ["front_leg"]},
            "signs": ["fever", "cough", "nasal_or_eye_discharge"],
            "unknown": ["dog.vaccinations"],
        },
        "emergency",
    ),
    (
        "wobbly and trembling after a missed meal, the owner unsure whether it responds",
        {
            "dog": {"age_years": 8},
            "episode": {"looks_like": "trembling_or_shivering", "trigger": "missed_meal"},
            "signs": ["wobbling"],
            "unknown": ["episode.aware"],
        },
        "emergency",
    ),
]


@pytest.mark.parametrize(
    ("case", "urgency"),
    [s[1:] for s in UNSURE_SITUATIONS],
    ids=[s[0] for s in UNSURE_SITUATIONS],
)
def test_dont_know_neither_hides_a_danger_nor_invents_one(case, urgency):
    if urgency == "not emergency":
        assert assess(case).urgency != "emergency"
    else:
        assert assess(case).urgency == urgency


def test_a_feverish_dog_twitching_in_its_sleep_still_needs_a_vet():
    feverish = {
        "episode": {"context": "asleep", "looks_like": "twitching_or_jerking"},
        "signs": ["fever", "lethargy"],
    }
    assert LEVEL[assess(feverish).urgency] >= LEVEL["see_vet"]


def test_what_would_change_names_a_question_answered_dont_know():
    # "don't know" to the poison question: the owner who finds out must learn what it means
    case = {
        "dog": {"age_years": 4},
        "episode": {"looks_like": "twitching_or_jerking", "body_area": ["hind_leg"]},
        "unknown": ["history.possible_toxin"],
    }
    changes = assess(case).what_would_change
    assert any(c.field == "history.possible_toxin" and c.urgency == "emergency" for c in changes)


def test_a_dog_that_cannot_be_woken_is_not_said_to_be_dreaming():
    # the red flag says a dog that cannot be roused is not dreaming: the causes agree with it
    result = assess(
        {"episode": {"context": "asleep", "aware": "no", "looks_like": "twitching_or_jerking"}}
    )
    assert result.causes[0].id != "rem_sleep"
    assert LEVEL[result.urgency] >= LEVEL["see_vet"]


def test_a_red_flag_sign_never_lowers_the_urgency_through_the_odds():
    # a short fit in an unvaccinated dog is urgent for distemper; that the dog fell during
    # it makes distemper a little less likely, but must not make the case less urgent
    fit = {
        "dog": {"vaccinations": "not_up_to_date"},
        "episode": {
            "looks_like": "seizure_or_fit",
            "duration": "seconds",
            "aware": "no",
            "afterwards": "normal",
        },
    }
    before = assess(fit)
    fell = assess({**fit, "signs": ["collapse"]})
    assert LEVEL[fell.urgency] >= LEVEL[before.urgency] == LEVEL["emergency"]
    assert set(before.red_flags) <= set(fell.red_flags)
