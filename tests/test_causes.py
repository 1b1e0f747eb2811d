"""Each cause on its typical picture and against its look-alikes, in veterinary words.

A picture names the facts an owner would report; the test checks that the cause (or, for a
form of a contract cause, the cause itself) leads, and that the urgency is what a vet would
give it. Written for these tests, not taken from the dev vignettes.
"""

import pytest

from twitchcheck import assess

PICTURES = [
    pytest.param(
        {
            "dog": {"age_years": 0.2},
            "episode": {
                "looks_like": "twitching_or_jerking",
                "pattern": "constant",
                "duration": "under_5_minutes",
                "trigger": "after_a_meal",
                "afterwards": "normal",
            },
        },
        "hiccups",
        ("normal",),
        id="hiccups: a steady jerk every few seconds, for a few minutes after a gulped meal",
    ),
    pytest.param(
        {
            "dog": {"age_years": 0.25},
            "episode": {"body_area": ["whole_body"], "looks_like": "trembling_or_shivering"},
            "history": {"new_food_or_medication": True},
            "signs": ["lethargy", "limping_or_pain"],
            "signs_absent": ["face_swelling", "vomiting_or_diarrhea"],
        },
        "vaccine_reaction",
        ("home_care",),
        id="after its jabs: a puppy sleepy, shivery and sore where the needle went in",
    ),
    pytest.param(
        {
            "dog": {"age_years": 3},
            "episode": {"body_area": ["whole_body"], "looks_like": "trembling_or_shivering"},
            "history": {"new_food_or_medication": True},
            "signs": ["lethargy", "vomiting_or_diarrhea"],
        },
        "anaphylaxis",
        ("emergency",),
        id="after a booster: shivering and vomiting, a dog's usual form of a severe allergy",
    ),
    pytest.param(
        {
            "dog": {"age_years": 4},
            "episode": {
                "body_area": ["face_head"],
                "looks_like": "trembling_or_shivering",
                "duration": "seconds",
                "aware": "yes",
            },
            "signs": ["itching", "skin_redness_or_hives"],
        },
        "ear_disease",
        ("see_vet",),
        id="ear disease: hard shakes of the head, scratching at a red ear",
    ),
    pytest.param(
        {
            "dog": {"age_years": 2},
            "episode": {
                "body_area": ["face_head"],
                "looks_like": "head_bobbing",
                "aware": "yes",
                "pattern": "occasional",
            },
            "signs_absent": ["itching"],
        },
        "idiopathic_head_tremor",
        ("home_care",),
        id="head tremor, not the ear: bobbing spells in a young dog that is not itchy",
    ),
    pytest.param(
        {
            "dog": {"age_years": 10},
            "episode": {
                "looks_like": "trembling_or_shivering",
                "trigger": "missed_meal",
                "aware": "yes",
                "duration": "constant",
            },
            "signs": ["wobbling", "lethargy"],
        },
        None,
        ("emergency",),
        id="low blood sugar escalation: dull and staggering, and it has not passed",
    ),
    pytest.param(
        {
            "dog": {"age_years": 0.2},
            "episode": {
                "looks_like": "twitching_or_jerking",
                "trigger": "after_a_meal",
                "aware": "yes",
                "duration": "under_5_minutes",
            },
        },
        "hiccups",
        ("normal",),
        id="hiccups: a puppy's chest jerks for a few minutes after it gulps its food",
    ),
    pytest.param(
        {
            "dog": {"age_years": 0.3},
            "episode": {"looks_like": "twitching_or_jerking", "trigger": "after_a_meal"},
            "signs": ["cough"],
        },
        None,
        ("see_vet",),
        id="hiccups escalation: the jerks come with a cough",
    ),
    pytest.param(
        {
            "dog": {"age_years": 6},
            "episode": {"looks_like": "twitching_or_jerking", "trigger": "after_a_meal"},
        },
        "hiccups",
        ("home_care",),
        id="hiccups escalation: a grown dog, watched rather than called normal",
    ),
    pytest.param(
        {
            "dog": {"age_years": 12},
            "episode": {
                "body_area": ["hind_leg"],
                "looks_like": "trembling_or_shivering",
                "trigger": "standing_or_getting_up",
            },
            "signs": ["muscle_stiffness"],
        },
        "old_age_tremor",
        ("see_vet",),
        id="old-age tremor escalation: stiff getting up, the sign of arthritis",
    ),
    pytest.param(
        {
            "dog": {"age_years": 11},
            "episode": {
                "body_area": ["hind_leg"],
                "looks_like": "trembling_or_shivering",
                "context": "resting_awake",
            },
            "history": {"recent_heavy_exercise": True},
            "signs": ["muscle_stiffness"],
            "signs_absent": ["limping_or_pain"],
        },
        None,
        ("home_care",),
        id="old dog stiff after a week of far longer walks: sore muscles, not arthritis",
    ),
    pytest.param(
        {
            "dog": {"age_years": 3, "breed": "labrador retriever", "sex": "male"},
            "episode": {
                "context": "any_time",
                "body_area": ["face_head", "whole_body"],
                "duration": "constant",
                "aware": "yes",
                "pattern": "first_time",
                "looks_like": "cramp_or_stiffening",
                "stops_when_distracted": "no",
                "trigger": "cold_fear_or_excitement",
            },
            "history": {"possible_toxin": "no"},
            "signs": ["muscle_stiffness", "drooling", "poor_appetite", "limping_or_pain"],
            "signs_absent": ["vomiting_or_diarrhea", "fever", "collapse"],
        },
        "tetanus",
        ("emergency",),
        id="tetanus: typical, stiff face and legs days after a paw wound",
    ),
    pytest.param(
        {
            "dog": {
                "age_years": 3,
                "breed": "chihuahua",
                "sex": "female",
                "pregnant_or_nursing": True,
            },
            "episode": {
                "context": "any_time",
                "body_area": ["whole_body"],
                "duration": "constant",
                "aware": "yes",
                "pattern": "first_time",
                "looks_like": "cramp_or_stiffening",
            },
            "signs": ["muscle_stiffness", "anxiety_or_restlessness", "overheating"],
        },
        "eclampsia",
        ("emergency",),
        id="tetanus look-alike: nursing bitch with stiff legs is eclampsia",
    ),
    pytest.param(
        {
            "dog": {"age_years": 0.4, "breed": "yorkshire terrier", "sex": "male"},
            "episode": {
                "context": "resting_awake",
                "body_area": ["whole_body", "face_head"],
                "duration": "over_5_minutes",
                "aware": "yes",
                "afterwards": "confused_or_wobbly",
                "pattern": "more_often_lately",
                "looks_like": "trembling_or_shivering",
                "trigger": "after_a_meal",
            },
            "history": {"possible_toxin": "no"},
            "signs": ["drooling", "lethargy", "wobbling"],
            "signs_absent": ["fever", "vomiting_or_diarrhea", "collapse"],
        },
        "hepatic_encephalopathy",
        ("emergency",),
        id="liver shunt: stunted young Yorkie, dull and head pressing after meals",
    ),
    pytest.param(
        {
            "dog": {"age_years": 1.2, "breed": "havanese", "sex": "female"},
            "episode": {
                "context": "resting_awake",
                "body_area": ["whole_body"],
                "duration": "over_5_minutes",
                "aware": "yes",
                "afterwards": "confused_or_wobbly",
                "pattern": "occasional",
                "looks_like": "trembling_or_shivering",
                "trigger": "after_a_meal",
            },
            "history": {"possible_toxin": "no"},
            "signs": ["drooling", "lethargy"],
            "signs_absent": ["collapse", "paddling_or_chomping", "loss_of_bladder_control"],
        },
        "hepatic_encephalopathy",
        ("see_vet",),
        id="liver shunt, one-year-old Havanese, spells after meals: see a vet",
    ),
    pytest.param(
        {
            "dog": {"age_years": 1.2, "breed": "havanese", "sex": "female"},
            "episode": {
                "aware": "no",
                "afterwards": "confused_or_wobbly",
                "pattern": "more_often_lately",
                "looks_like": "seizure_or_fit",
                "trigger": "after_a_meal",
                "duration": "under_5_minutes",
                "count_24h": 1,
            },
            "history": {"possible_toxin": "no"},
            "signs": ["drooling", "lethargy"],
        },
        None,
        ("see_vet", "emergency"),
        id="liver shunt escalation: a fit",
    ),
    pytest.param(
        {
            "dog": {"age_years": 12, "breed": "cross", "sex": "female"},
            "episode": {
                "context": "any_time",
                "body_area": ["whole_body"],
                "duration": "constant",
                "aware": "yes",
                "pattern": "more_often_lately",
                "looks_like": "trembling_or_shivering",
            },
            "history": {"possible_toxin": "no"},
            "signs": ["poor_appetite", "lethargy", "vomiting_or_diarrhea"],
            "signs_absent": [
                "limping_or_pain",
                "dry_gums_or_sunken_eyes",
                "collapse",
                "weakness_or_paralysis",
            ],
        },
        "uraemia",
        ("see_vet",),
        id="kidney failure: old dog, thirsty, thin, vomiting, trembling",
    ),
    pytest.param(
        {
            "dog": {"age_years": 12, "sex": "female"},
            "episode": {
                "context": "any_time",
                "body_area": ["whole_body"],
                "duration": "constant",
                "aware": "yes",
                "pattern": "more_often_lately",
                "looks_like": "trembling_or_shivering",
            },
            "history": {"possible_toxin": "no"},
            "signs": [
                "poor_appetite",
                "lethargy",
                "vomiting_or_diarrhea",
                "dry_gums_or_sunken_eyes",
            ],
        },
        None,
        ("emergency",),
        id="uraemia escalation: vomiting and dried out",
    ),
    pytest.param(
        {
            "dog": {"age_years": 4, "breed": "standard poodle", "sex": "female"},
            "episode": {
                "context": "any_time",
                "body_area": ["whole_body", "hind_leg"],
                "duration": "over_5_minutes",
                "aware": "yes",
                "pattern": "occasional",
                "looks_like": "trembling_or_shivering",
                "trigger": "cold_fear_or_excitement",
            },
            "history": {"possible_toxin": "no"},
            "signs": ["lethargy", "poor_appetite", "vomiting_or_diarrhea"],
            "signs_absent": ["weakness_or_paralysis", "collapse", "fever"],
        },
        "hypoadrenocorticism",
        ("see_vet",),
        id="Addison's: young standard poodle, shaking with waxing and waning vomiting",
    ),
    pytest.param(
        {
            "dog": {"age_years": 4, "breed": "standard poodle", "sex": "female"},
            "episode": {
                "context": "any_time",
                "body_area": ["whole_body"],
                "aware": "yes",
                "pattern": "occasional",
                "looks_like": "trembling_or_shivering",
            },
            "history": {"possible_toxin": "no"},
            "signs": ["lethargy", "vomiting_or_diarrhea", "weakness_or_paralysis"],
        },
        "hypoadrenocorticism",
        ("emergency",),
        id="Addisonian crisis: weak and vomiting",
    ),
    pytest.param(
        {
            "dog": {"age_years": 9, "breed": "boxer", "sex": "male"},
            "episode": {
                "context": "resting_awake",
                "body_area": ["whole_body"],
                "duration": "under_5_minutes",
                "aware": "no",
                "afterwards": "confused_or_wobbly",
                "pattern": "first_time",
                "looks_like": "seizure_or_fit",
                "count_24h": 1,
            },
            "history": {"possible_toxin": "no"},
            "signs": ["paddling_or_chomping", "wobbling", "lethargy"],
        },
        ("brain_disease", "seizure_disorder"),
        ("emergency",),
        id="brain disease: first fit at 9 years, dull and circling between",
    ),
    pytest.param(
        {
            "dog": {"age_years": 3, "breed": "border collie", "sex": "male"},
            "episode": {
                "context": "resting_awake",
                "body_area": ["whole_body"],
                "duration": "under_5_minutes",
                "aware": "no",
                "afterwards": "confused_or_wobbly",
                "pattern": "first_time",
                "looks_like": "seizure_or_fit",
                "count_24h": 1,
            },
            "history": {"possible_toxin": "no"},
            "signs": ["paddling_or_chomping", "drooling"],
            "signs_absent": [
                "weakness_or_paralysis",
                "lethargy",
                "wobbling",
                "vomiting_or_diarrhea",
                "fever",
            ],
        },
        "seizure_disorder",
        ("see_vet",),
        id="brain disease look-alike: first fit at 3 years, normal after",
    ),
    pytest.param(
        {
            "dog": {"age_years": 0.08, "breed": "english springer spaniel", "sex": "male"},
            "episode": {
                "context": "any_time",
                "body_area": ["whole_body", "face_head"],
                "duration": "constant",
                "aware": "yes",
                "pattern": "constant",
                "looks_like": "trembling_or_shivering",
                "stops_when_distracted": "no",
            },
            "history": {"possible_toxin": "no"},
            "signs": ["wobbling"],
            "signs_absent": ["poor_appetite", "lethargy", "fever", "vomiting_or_diarrhea"],
        },
        "hypomyelination",
        ("see_vet", "emergency"),
        id="hypomyelination: 4-week springer pup shaking when it moves, bright and feeding",
    ),
    pytest.param(
        {
            "dog": {"age_years": 0.2, "breed": "beagle", "sex": "female"},
            "episode": {
                "context": "any_time",
                "body_area": ["face_head"],
                "duration": "seconds",
                "aware": "yes",
                "pattern": "constant",
                "looks_like": "head_bobbing",
                "trigger": "after_a_meal",
            },
            "history": {"possible_toxin": "no"},
            "signs": ["wobbling"],
            "signs_absent": ["poor_appetite", "lethargy", "fever", "vomiting_or_diarrhea"],
        },
        "cerebellar_tremor",
        ("see_vet", "emergency"),
        id="cerebellar: 10-week beagle, head bobs reaching for the bowl, high-stepping",
    ),
    pytest.param(
        {
            "dog": {"age_years": 1.5, "breed": "great dane", "sex": "male"},
            "episode": {
                "context": "resting_awake",
                "body_area": ["hind_leg"],
                "duration": "under_5_minutes",
                "aware": "yes",
                "afterwards": "normal",
                "pattern": "constant",
                "looks_like": "trembling_or_shivering",
                "trigger": "standing_or_getting_up",
            },
            "history": {"possible_toxin": "no"},
            "signs_absent": ["limping_or_pain", "weakness_or_paralysis", "wobbling"],
        },
        "orthostatic_tremor",
        ("see_vet",),
        id="orthostatic tremor: 18-month Great Dane, back legs quiver standing still",
    ),
    pytest.param(
        {
            "dog": {"age_years": 13, "breed": "labrador retriever", "sex": "female"},
            "episode": {
                "context": "resting_awake",
                "body_area": ["hind_leg"],
                "duration": "under_5_minutes",
                "aware": "yes",
                "afterwards": "normal",
                "pattern": "occasional",
                "looks_like": "trembling_or_shivering",
                "trigger": "standing_or_getting_up",
            },
            "history": {"possible_toxin": "no"},
            "signs_absent": ["limping_or_pain", "weakness_or_paralysis", "wobbling"],
        },
        "old_age_tremor",
        ("home_care",),
        id="orthostatic look-alike: old Labrador whose legs shake on standing",
    ),
    pytest.param(
        {
            "dog": {"age_years": 8, "breed": "miniature wire-haired dachshund", "sex": "female"},
            "episode": {
                "context": "any_time",
                "body_area": ["face_head"],
                "duration": "seconds",
                "aware": "yes",
                "afterwards": "normal",
                "pattern": "more_often_lately",
                "looks_like": "twitching_or_jerking",
                "count_24h": 5,
            },
            "history": {"possible_toxin": "no"},
            "signs_absent": ["paddling_or_chomping", "loss_of_bladder_control", "limping_or_pain"],
        },
        "lafora_disease",
        ("see_vet",),
        id="Lafora: 8-year-old wire-haired dachshund, jerks to the TV and on dozing",
    ),
    pytest.param(
        {
            "dog": {"age_years": 8, "breed": "beagle", "sex": "female"},
            "episode": {
                "context": "asleep",
                "body_area": ["hind_leg", "front_leg"],
                "duration": "seconds",
                "aware": "yes",
                "afterwards": "normal",
                "pattern": "occasional",
                "looks_like": "twitching_or_jerking",
            },
        },
        "rem_sleep",
        ("normal",),
        id="Lafora look-alike: twitching only asleep, wakes at once: dreaming",
    ),
    pytest.param(
        {
            "dog": {"age_years": 1.5, "breed": "labrador retriever", "sex": "male"},
            "episode": {
                "context": "during_or_after_exercise",
                "body_area": ["hind_leg"],
                "duration": "under_5_minutes",
                "aware": "yes",
                "afterwards": "normal",
                "pattern": "occasional",
                "looks_like": "cramp_or_stiffening",
                "trigger": "cold_fear_or_excitement",
            },
            "history": {"hot_weather_or_overheated": False, "possible_toxin": "no"},
            "signs": ["weakness_or_paralysis", "wobbling"],
            "signs_absent": ["overheating", "vomiting_or_diarrhea", "collapse"],
        },
        "exercise_induced_collapse",
        ("see_vet",),
        id="EIC: young Labrador, back legs go floppy 10 min into retrieving, cool day, alert",
    ),
    pytest.param(
        {
            "dog": {"age_years": 4, "breed": "labrador retriever", "sex": "male"},
            "episode": {
                "context": "during_or_after_exercise",
                "body_area": ["whole_body"],
                "aware": "yes",
                "afterwards": "confused_or_wobbly",
                "pattern": "first_time",
                "looks_like": "trembling_or_shivering",
            },
            "history": {"hot_weather_or_overheated": True},
            "signs": ["overheating", "vomiting_or_diarrhea", "wobbling"],
        },
        "heat_stroke",
        ("emergency",),
        id="EIC look-alike: collapse after a run in the heat, hot, vomiting: heatstroke emergency",
    ),
    pytest.param(
        {
            "dog": {"age_years": 0.15, "breed": "chow chow", "sex": "male"},
            "episode": {
                "context": "any_time",
                "body_area": ["hind_leg", "front_leg"],
                "duration": "under_5_minutes",
                "aware": "yes",
                "afterwards": "normal",
                "pattern": "constant",
                "looks_like": "cramp_or_stiffening",
                "trigger": "standing_or_getting_up",
                "stops_when_distracted": "yes",
            },
            "history": {"possible_toxin": "no"},
            "signs": ["muscle_stiffness"],
            "signs_absent": [
                "poor_appetite",
                "lethargy",
                "fever",
                "breathing_difficulty",
                "limping_or_pain",
            ],
        },
        "myotonia_congenita",
        ("see_vet",),
        id="myotonia: 8-week chow pup, stiff and bunny-hopping on getting up, loosens with walking",
    ),
    pytest.param(
        {
            "dog": {"age_years": 0.8, "breed": "scottish terrier", "sex": "female"},
            "episode": {
                "context": "during_or_after_exercise",
                "body_area": ["hind_leg", "back"],
                "duration": "under_5_minutes",
                "aware": "yes",
                "afterwards": "normal",
                "pattern": "occasional",
                "looks_like": "cramp_or_stiffening",
                "trigger": "cold_fear_or_excitement",
            },
            "history": {"possible_toxin": "no"},
            "signs": ["muscle_stiffness"],
        },
        "cramping_syndrome",
        ("see_vet",),
        id="myotonia look-alike: Scottish terrier cramps during play: Scottie cramp",
    ),
]


@pytest.mark.parametrize(("case", "top", "urgency"), PICTURES)
def test_a_picture_leads_to_its_cause_and_urgency(case, top, urgency):
    result = assess(case)
    assert result.urgency in urgency, [c.id for c in result.causes[:3]]
    if top is not None:
        tops = top if isinstance(top, tuple) else (top,)
        assert result.causes[0].id in tops, [(c.id, c.probability) for c in result.causes[:3]]


# The older causes, each on the picture an owner would describe.
A_FIT = {"looks_like": "seizure_or_fit", "aware": "no", "afterwards": "confused_or_wobbly"}
EVERYDAY = [
    pytest.param(
        {
            "episode": {
                "context": "asleep",
                "aware": "yes",
                "afterwards": "normal",
                "duration": "seconds",
                "looks_like": "twitching_or_jerking",
                "body_area": ["front_leg", "hind_leg"],
            }
        },
        "rem_sleep",
        ("normal",),
        id="paws paddling in sleep, wakes at once",
    ),
    pytest.param(
        {
            "episode": {
                "context": "resting_awake",
                "aware": "yes",
                "looks_like": "twitching_or_jerking",
                "body_area": ["hind_leg"],
            },
            "history": {"recent_heavy_exercise": True},
            "signs_absent": ["limping_or_pain"],
        },
        "overexertion",
        ("home_care",),
        id="thighs flicker the evening after a long hike",
    ),
    pytest.param(
        {
            "episode": {
                "looks_like": "twitching_or_jerking",
                "body_area": ["front_leg", "single_muscle"],
            },
            "signs": ["limping_or_pain"],
        },
        "injury",
        ("see_vet",),
        id="one shoulder muscle twitches and the dog limps",
    ),
    pytest.param(
        {
            "episode": {
                "looks_like": "twitching_or_jerking",
                "context": "resting_awake",
                "body_area": ["hind_leg"],
                "aware": "yes",
            },
            "history": {"low_water_intake": True},
            "signs_absent": ["dry_gums_or_sunken_eyes", "lethargy"],
        },
        "dehydration",
        ("home_care",),
        id="legs twitch on a day it has hardly drunk",
    ),
    pytest.param(
        {
            "episode": {
                "looks_like": "twitching_or_jerking",
                "body_area": ["back"],
                "duration": "seconds",
                "context": "resting_awake",
                "aware": "yes",
            },
            "signs_absent": ["itching", "limping_or_pain"],
        },
        "skin_twitch_reflex",
        ("normal",),
        id="the skin of the back ripples when stroked",
    ),
    pytest.param(
        {
            "dog": {"age_years": 3, "breed": "chihuahua"},
            "episode": {
                "looks_like": "trembling_or_shivering",
                "body_area": ["whole_body"],
                "trigger": "cold_fear_or_excitement",
                "stops_when_distracted": "yes",
                "pattern": "occasional",
            },
        },
        "fear_cold_shivering",
        ("normal",),
        id="a chihuahua shivers on a cold walk",
    ),
    pytest.param(
        {
            "episode": {
                "looks_like": "trembling_or_shivering",
                "context": "during_or_after_exercise",
                "afterwards": "normal",
            },
            "history": {"hot_weather_or_overheated": True},
            "signs": ["overheating"],
            "signs_absent": ["wobbling", "vomiting_or_diarrhea", "collapse"],
        },
        "heat_stress",
        ("home_care",),
        id="panting and shaky on a warm walk, fine in the shade",
    ),
]
SERIOUS = [
    pytest.param(
        {
            "dog": {"age_years": 2, "breed": "maltese"},
            "episode": {
                "looks_like": "trembling_or_shivering",
                "body_area": ["whole_body"],
                "duration": "constant",
                "context": "any_time",
            },
            "history": {"possible_toxin": "no"},
            "signs_absent": ["lethargy", "poor_appetite", "wobbling"],
        },
        None,
        ("see_vet",),
        id="a small dog shivers all day long, even in a warm room",
    ),
    pytest.param(
        {
            "dog": {"age_years": 4},
            "episode": {
                **A_FIT,
                "duration": "under_5_minutes",
                "pattern": "first_time",
                "count_24h": 1,
            },
            "signs": ["paddling_or_chomping", "loss_of_bladder_control"],
        },
        "seizure_disorder",
        ("see_vet",),
        id="a first short fit in a young adult",
    ),
    pytest.param(
        {"episode": {**A_FIT, "duration": "over_5_minutes"}, "signs": ["paddling_or_chomping"]},
        ("seizure_disorder", "cluster_seizures_status"),
        ("emergency",),
        id="a fit lasting ten minutes",
    ),
    pytest.param(
        {
            "episode": {
                "looks_like": "twitching_or_jerking",
                "body_area": ["face_head"],
                "duration": "seconds",
                "aware": "no",
                "afterwards": "confused_or_wobbly",
            },
            "signs": ["drooling", "paddling_or_chomping"],
        },
        ("focal_seizure", "seizure_disorder"),
        ("see_vet",),
        id="one side of the face twitches, dazed after",
    ),
    pytest.param(
        {
            "episode": {"looks_like": "trembling_or_shivering", "body_area": ["whole_body"]},
            "history": {"possible_toxin": "yes"},
            "signs": ["drooling", "vomiting_or_diarrhea"],
        },
        ("toxin", "tremorgenic_toxin"),
        ("emergency",),
        id="shaking and sick after raiding the bin",
    ),
    pytest.param(
        {
            "dog": {"age_years": 0.3, "vaccinations": "not_up_to_date"},
            "episode": {
                "looks_like": "twitching_or_jerking",
                "pattern": "constant",
                "context": "any_time",
            },
            "signs": ["nasal_or_eye_discharge", "cough", "fever"],
        },
        "distemper",
        ("emergency",),
        id="an unvaccinated pup with a cough and a jerking leg",
    ),
    pytest.param(
        {
            "dog": {
                "age_years": 3,
                "sex": "female",
                "pregnant_or_nursing": True,
                "breed": "chihuahua",
            },
            "episode": {"looks_like": "trembling_or_shivering", "body_area": ["whole_body"]},
            "signs": ["anxiety_or_restlessness", "overheating", "muscle_stiffness"],
        },
        "eclampsia",
        ("emergency",),
        id="a nursing mother pants, paces and stiffens",
    ),
    pytest.param(
        {
            "dog": {"age_years": 0.2, "breed": "yorkshire terrier"},
            "episode": {"looks_like": "trembling_or_shivering", "trigger": "missed_meal"},
            "signs": ["weakness_or_paralysis", "lethargy"],
        },
        "hypoglycaemia",
        ("emergency",),
        id="a toy pup weak and trembling after missing breakfast",
    ),
    pytest.param(
        {
            "episode": {
                "looks_like": "trembling_or_shivering",
                "context": "during_or_after_exercise",
            },
            "history": {"hot_weather_or_overheated": True},
            "signs": ["overheating", "wobbling", "vomiting_or_diarrhea"],
        },
        "heat_stroke",
        ("emergency",),
        id="staggering and sick after a run on a hot day",
    ),
    pytest.param(
        {
            "dog": {"age_years": 2, "breed": "english bulldog"},
            "episode": {
                "looks_like": "head_bobbing",
                "body_area": ["face_head"],
                "aware": "yes",
                "stops_when_distracted": "yes",
                "duration": "under_5_minutes",
            },
        },
        "idiopathic_head_tremor",
        ("see_vet",),
        id="a bulldog's head nods, stops for a treat",
    ),
    pytest.param(
        {
            "dog": {"age_years": 2, "breed": "west highland white terrier"},
            "episode": {
                "looks_like": "trembling_or_shivering",
                "body_area": ["whole_body"],
                "duration": "constant",
                "aware": "yes",
                "stops_when_distracted": "no",
            },
        },
        "generalized_tremor_syndrome",
        ("see_vet",),
        id="a young westie shakes all the time",
    ),
    pytest.param(
        {
            "dog": {"age_years": 6, "breed": "miniature dachshund"},
            "episode": {"looks_like": "trembling_or_shivering", "body_area": ["back"]},
            "signs": ["limping_or_pain", "wobbling"],
        },
        ("intervertebral_disc_disease", "pain_trembling"),
        ("emergency",),
        id="a dachshund with a sore back starts to wobble",
    ),
    pytest.param(
        {
            "dog": {"age_years": 4, "breed": "border terrier"},
            "episode": {
                "looks_like": "cramp_or_stiffening",
                "aware": "yes",
                "afterwards": "normal",
                "duration": "under_5_minutes",
                "pattern": "occasional",
            },
            "signs": ["muscle_stiffness", "wobbling"],
        },
        ("paroxysmal_dyskinesia", "cramping_syndrome", "dystonia"),
        ("see_vet",),
        id="a border terrier has stiff wobbly spells, fully aware",
    ),
    pytest.param(
        {
            "history": {"new_food_or_medication": True},
            "episode": {"looks_like": "trembling_or_shivering", "pattern": "first_time"},
            "signs": ["face_swelling", "vomiting_or_diarrhea", "skin_redness_or_hives"],
        },
        ("anaphylaxis", "allergic_reaction"),
        ("emergency",),
        id="face swells and vomits after a new tablet",
    ),
]


@pytest.mark.parametrize(("case", "top", "urgency"), EVERYDAY + SERIOUS)
def test_everyday_and_serious_causes_on_their_own_pictures(case, top, urgency):
    test_a_picture_leads_to_its_cause_and_urgency(case, top, urgency)


def test_anaphylaxis_needs_something_to_react_to():
    # sickness and staggering in an old dog, with no sting, vaccine, medicine or new food
    nothing_to_react_to = {
        "dog": {"age_years": 13},
        "episode": {"body_area": ["face_head"], "pattern": "first_time", "duration": "constant"},
        "history": {"new_food_or_medication": False, "possible_toxin": "no"},
        "signs": ["wobbling", "vomiting_or_diarrhea"],
    }
    assert assess(nothing_to_react_to).causes[0].id != "anaphylaxis"
    # the same sickness and weakness minutes after an injection of a new medicine
    after_an_injection = {
        "dog": {"age_years": 5},
        "episode": {"body_area": ["whole_body"], "pattern": "first_time"},
        "history": {"new_food_or_medication": True},
        "signs": ["weakness_or_paralysis", "vomiting_or_diarrhea"],
    }
    result = assess(after_an_injection)
    assert result.causes[0].id == "anaphylaxis"
    assert result.urgency == "emergency"
