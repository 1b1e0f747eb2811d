"""twitchcheck.understand: owner's free text to a contract case, with evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twitchcheck.case import Case
from twitchcheck.understand import understand
from twitchcheck.understand.reader import read

VIGNETTES = Path(__file__).resolve().parents[1] / ".." / "shared" / "vignettes" / "dev.jsonl"


def flat(case: Case | dict) -> dict[str, object]:
    """A case as {path: value}: "episode.body_area.hind_leg": True, "signs.cough": True."""
    data = case.to_json_dict() if isinstance(case, Case) else case
    out: dict[str, object] = {}
    for section in ("dog", "episode", "history"):
        for name, value in data.get(section, {}).items():
            if name == "body_area":
                out.update({f"episode.body_area.{area}": True for area in value})
            else:
                out[f"{section}.{name}"] = value
    for key in ("signs", "signs_absent", "unknown"):
        out.update({f"{key}.{item}": True for item in data.get(key, [])})
    return out


def check(text: str, expected: dict[str, object], never: tuple[str, ...] = ()) -> None:
    case, evidence = read(text)
    got = flat(case)
    for key, value in expected.items():
        assert got.get(key) == value, f"{text!r}: {key} = {got.get(key)!r}, want {value!r}"
        assert key in evidence or key.startswith("unknown."), f"{text!r}: no evidence for {key}"
    for key in never:
        assert key not in got, f"{text!r}: {key} = {got[key]!r} should stay unknown"
    for value in evidence.values():
        assert value and value in text


# --- the dog --------------------------------------------------------------------------

AGES = [
    ("Our 8 week old puppy twitches.", 0.15),
    ("my old boy (12, springer spaniel) trembles", 12.0),
    ("our puppy (9 wks, boy) twitches in his sleep", 0.17),
    ("a 10-week-old Yorkie", 0.19),
    ("Our 5-month-old husky cross", 0.42),
    ("She is 3 years old.", 3.0),
    ("our 2-year-old collie", 2.0),
    ("my 10 yo lab", 10.0),
    ("my 12yo terrier", 12.0),
    ("He's a year old.", 1.0),
    ("a one and a half year old spaniel", 1.5),
    ("an 18 month old boxer", 1.5),
    ("aged 7, she has started twitching", 7.0),
    ("a seven-year-old pug", 7.0),
    ("my 45 year old dog", 30.0),
    ("We got him when he was a puppy; he's 6 years old now.", 6.0),
]


@pytest.mark.parametrize(("text", "years"), AGES)
def test_ages(text, years):
    check(text, {"dog.age_years": years})


@pytest.mark.parametrize(
    "text",
    [
        "Our puppy twitches in his sleep.",
        "My 5-year-old son noticed the dog shaking.",
        "It has been going on for 3 years.",
        "She had her 6-week-old puppies with her.",
        "It started 2 years ago.",
        "We adopted him when he was 7 months old; the twitch came with him.",
        "We got her at 10 weeks and she has always shivered in the cold.",
    ],
)
def test_no_age_without_one_for_the_dog(text):
    check(text, {}, never=("dog.age_years",))


BREEDS = [
    ("Our 4-year-old dalmatian", "dalmatian"),
    ("my Yorkie puppy", "yorkshire terrier"),
    ("our yellow Lab", "labrador retriever"),
    ("a 2 year old lab mix", "labrador mix"),
    ("a husky cross", "husky cross"),
    ("our husky", "siberian husky"),
    ("the terrier mix from the shelter", "terrier mix"),
    ("our mixed breed", "mixed breed"),
    ("a Jack Russell", "jack russell terrier"),
    ("a Cavalier King Charles spaniel", "cavalier king charles spaniel"),
    ("our German Shepherd", "german shepherd"),
    ("my miniature schnauzer", "miniature schnauzer"),
    ("a toy poodle", "toy poodle"),
    ("Our Shih-Tzu", "shih tzu"),
    ("a collie x spaniel", "collie x spaniel"),
    ("my dachsund", "dachshund"),
    ("my chihuahua", "chihuahua"),
    ("our 5-year-old boxer", "boxer"),
]


@pytest.mark.parametrize(("text", "breed"), BREEDS)
def test_breeds(text, breed):
    check(text, {"dog.breed": breed})


@pytest.mark.parametrize(
    "text",
    ["We took her sample to the lab.", "The boxer next door scared him.", "Our puppy shakes."],
)
def test_no_breed_from_everyday_words(text):
    check(text, {}, never=("dog.breed",))


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("He twitches in his sleep.", "male"),
        ("Her legs twitch when she rests.", "female"),
        ("Our bitch is trembling.", "female"),
        ("a neutered male, shaking", "male"),
        ("She's a spayed female.", "female"),
        ("The neighbour's cat scared him and he has been shaking since.", "male"),
    ],
)
def test_sex(text, sex):
    check(text, {"dog.sex": sex})


@pytest.mark.parametrize(
    "text",
    [
        "My husband says he twitches.",  # "he" may be the husband
        "She thinks he is twitching.",  # two people or one dog: unclear
        "The vet said he would call back.",  # one pronoun, and another person named
        "The dog is twitching.",
    ],
)
def test_no_sex_when_unclear(text):
    check(text, {}, never=("dog.sex",))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She is nursing a litter of six.", True),
        ("She had puppies three weeks ago.", True),
        ("She whelped on Monday.", True),
        ("She might be pregnant.", None),
        ("She is not pregnant.", False),
    ],
)
def test_pregnant_or_nursing(text, value):
    if value is None:
        check(text, {"unknown.dog.pregnant_or_nursing": True}, never=("dog.pregnant_or_nursing",))
    else:
        check(text, {"dog.pregnant_or_nursing": value})


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He has never been vaccinated.", "not_up_to_date"),
        ("No vaccines yet.", "not_up_to_date"),
        ("She's unvaccinated.", "not_up_to_date"),
        ("She hasn't had any vaccinations.", "not_up_to_date"),
        ("He is overdue for his boosters.", "not_up_to_date"),
        ("She's fully vaccinated.", "up_to_date"),
        ("He is up to date on his shots.", "up_to_date"),
        ("Her vaccinations are up to date.", "up_to_date"),
        ("Not sure if he's vaccinated.", "unknown"),
    ],
)
def test_vaccinations(text, value):
    check(text, {"dog.vaccinations": value})


# --- the episode ----------------------------------------------------------------------

CONTEXTS = [
    ("His legs twitch in his sleep.", "asleep"),
    ("She twitches while napping.", "asleep"),
    ("His paws twitch when he's dreaming.", "asleep"),
    ("Her legs twitch while she is asleep.", "asleep"),
    ("His back legs twitch when he lies down.", "resting_awake"),
    ("She twitches while resting.", "resting_awake"),
    ("On the couch her leg twitches.", "resting_awake"),
    ("Her legs twitch while she's lying around.", "resting_awake"),
    ("After a run his legs twitch.", "during_or_after_exercise"),
    ("She started shaking while playing fetch.", "during_or_after_exercise"),
    ("After the hike his thigh twitched.", "during_or_after_exercise"),
    ("His leg jerks even when lying still.", "any_time"),
    ("She twitches all the time.", "any_time"),
    ("They were taking her for a hike when she started twitching.", "during_or_after_exercise"),
    ("She was just sitting there and started shaking.", "resting_awake"),
    ("His leg twitches day or night.", "any_time"),
]


@pytest.mark.parametrize(("text", "context"), CONTEXTS)
def test_context(text, context):
    check(text, {"episode.context": context})


def test_getting_up_from_a_nap_is_not_shaking_in_its_sleep():
    check(
        "When she first stands up after a long nap her back legs tremble.",
        {"episode.trigger": "standing_or_getting_up"},
        never=("episode.context",),
    )


def test_exercise_in_another_sentence_is_history_not_context():
    text = "We did a 15 km hike yesterday. Today his legs twitch when he lies down."
    check(text, {"episode.context": "resting_awake", "history.recent_heavy_exercise": True})


AREAS = [
    ("His back legs twitch.", ["hind_leg"]),
    ("Her rear leg is twitching.", ["hind_leg"]),
    ("The muscle in his thigh twitches.", ["hind_leg", "single_muscle"]),
    ("Her front leg jerks.", ["front_leg"]),
    ("His shoulders twitch.", ["front_leg"]),
    ("Her legs twitch.", ["front_leg", "hind_leg"]),
    ("The skin along her back twitches.", ["back"]),
    ("His face twitches.", ["face_head"]),
    ("Her head bobs and her jaw trembles.", ["face_head"]),
    ("His ears and eyelids twitch.", ["face_head"]),
    ("He is twitching all over.", ["whole_body"]),
    ("Her whole body shakes.", ["whole_body"]),
    ("Now she's shivering.", ["whole_body"]),
    ("Now she's trembling.", []),  # trembling alone names no place: it may be one leg
    ("One muscle keeps twitching.", ["single_muscle"]),
    ("The muscle above his elbow twitches.", ["front_leg", "single_muscle"]),
    ("His back thigh muscles flicker.", ["hind_leg"]),
]


@pytest.mark.parametrize(("text", "areas"), AREAS)
def test_body_area(text, areas):
    case, evidence = read(text)
    assert sorted(case.episode.body_area or []) == sorted(areas)
    for area in areas:
        assert evidence[f"episode.body_area.{area}"] in text


@pytest.mark.parametrize(
    "text",
    [
        "Her legs are stiff.",  # stiffness, not the twitching
        "He is wobbly on his feet.",
        "She has been limping on her front leg.",
        "He sleeps on his back and his paws twitch.",
        "We came back from a walk.",
    ],
)
def test_body_part_not_about_the_twitching(text):
    case, _ = read(text)
    areas = case.episode.body_area or []
    assert "back" not in areas
    if "twitch" not in text:
        assert areas == []


DURATIONS = [
    ("It lasted about 30 seconds.", "seconds"),
    ("His leg twitches for a few seconds at a time.", "seconds"),
    ("She trembled for a moment.", "seconds"),
    ("He was shaking for a couple of minutes.", "under_5_minutes"),
    ("Her legs went stiff for a minute or so.", "under_5_minutes"),
    ("Each one lasting two or three minutes.", "under_5_minutes"),
    ("He has been convulsing for about seven minutes.", "over_5_minutes"),
    ("She shook for ten minutes.", "over_5_minutes"),
    ("Her head bobs for 5 to 10 minutes.", "over_5_minutes"),
    ("The twitching won't stop.", "constant"),
    ("He is twitching constantly.", "constant"),
]


@pytest.mark.parametrize(("text", "duration"), DURATIONS)
def test_duration(text, duration):
    check(text, {"episode.duration": duration})


@pytest.mark.parametrize(
    "text",
    [
        "After about ten minutes of hard running her legs twitched.",
        "About 20 minutes after his dose he started twitching.",
        "She was wobbly and confused for about 15 minutes.",
        "We walked for 40 minutes, then her legs twitched.",
        "He ate chocolate two hours ago and is shaking.",
    ],
)
def test_not_an_episode_duration(text):
    check(text, {}, never=("episode.duration",))


@pytest.mark.parametrize(
    ("text", "aware"),
    [
        ("He responds to his name during it.", "yes"),
        ("She wakes straight away when called.", "yes"),
        ("He stays alert and watches us.", "yes"),
        ("She will still take a treat.", "yes"),
        ("He looks up as soon as I call him.", "yes"),
        ("He doesn't respond to us.", "no"),
        ("She was unresponsive.", "no"),
        ("He's not with us during them.", "no"),
        ("She didn't respond to her name.", "no"),
    ],
)
def test_aware(text, aware):
    check(text, {"episode.aware": aware})


@pytest.mark.parametrize(
    ("text", "afterwards"),
    [
        ("Afterwards he is back to normal.", "normal"),
        ("She's fine afterwards.", "normal"),
        ("He is his usual self right after.", "normal"),
        ("She's dazed afterwards.", "confused_or_wobbly"),
        ("He seems disoriented.", "confused_or_wobbly"),
        ("She is confused after each one.", "confused_or_wobbly"),
        ("She was wobbly and confused, now she's back to normal.", "confused_or_wobbly"),
    ],
)
def test_afterwards(text, afterwards):
    check(text, {"episode.afterwards": afterwards})


def test_owner_confusion_is_not_the_dog():
    check("I'm confused about what is happening, his leg twitches.", {}, ("episode.afterwards",))


def test_back_to_normal_much_later_is_not_normal_straight_after():
    check("She was back to normal within half an hour.", {}, never=("episode.afterwards",))


PATTERNS = [
    ("It's the first time this has happened.", "first_time"),
    ("This has never happened before.", "first_time"),
    ("It has happened before.", "occasional"),
    ("It's not the first time.", "occasional"),
    ("Her legs twitch every few weeks.", "occasional"),
    ("He twitches now and then.", "occasional"),
    ("His leg twitches sometimes.", "occasional"),
    ("It happened twice this year.", "occasional"),
    ("It's happening more often lately.", "more_often_lately"),
    ("It happened twice today.", "more_often_lately"),
    ("He twitches constantly.", "constant"),
    ("Her leg jerks in a steady rhythm.", "constant"),
]


def test_twitching_that_keeps_coming_back_is_not_said_to_be_constant():
    # "keeps twitching" is again and again, not without a break: a tired thigh the day
    # after a long walk is not a tremor that never stops
    check("After the long walk his thigh keeps twitching.", {}, never=("episode.pattern",))


@pytest.mark.parametrize(("text", "pattern"), PATTERNS)
def test_pattern(text, pattern):
    check(text, {"episode.pattern": pattern})


def test_first_of_something_else_is_not_first_time():
    check(
        "His first dose of the new pills, and her first long beach day.", {}, ("episode.pattern",)
    )
    check("It's the first time on this brand of wormer.", {}, ("episode.pattern",))


def test_coming_closer_together_told_as_then_and_now():
    check(
        "At first they were a month apart but now she has one every few days.",
        {"episode.pattern": "more_often_lately"},
    )


def test_a_new_treatment_named_in_several_words_is_new_medication():
    check(
        "We started a new flea and tick chew on Friday and she has twitched since.",
        {"history.new_food_or_medication": True},
    )


def test_too_much_of_its_own_medicine_is_a_possible_poison():
    check("By mistake we both gave him his insulin, so he had a double dose.",
          {"history.possible_toxin": "yes"})  # fmt: skip
    check("I think she got an overdose of her seizure tablets.",
          {"history.possible_toxin": "yes"})  # fmt: skip


def test_another_dogs_pee_is_not_this_dogs_bladder():
    check("His teeth chatter after he sniffs where another dog has peed.", {},
          ("signs.loss_of_bladder_control",))  # fmt: skip


def test_a_length_told_after_the_fit_in_the_same_sentence():
    check("She went stiff, legs paddling, and didn't answer to her name, maybe 40 seconds.",
          {"episode.duration": "seconds"})  # fmt: skip
    # a new sentence about something else is not the fit's length
    check("His legs twitched. We went for a walk, 20 minutes later he was fine.", {},
          ("episode.duration",))  # fmt: skip


def test_goes_on_for_is_how_long_it_lasts():
    check("The jerking goes on for five or ten minutes, then stops.",
          {"episode.duration": "over_5_minutes"})  # fmt: skip


def test_the_dogs_routine_is_not_how_often_it_twitches():
    check("He has insulin twice a day and now he's trembling.", {}, ("episode.pattern",))


def test_a_dull_coat_is_not_a_dull_dog():
    check("His coat looks dull and his leg twitches.", {}, ("signs.lethargy",))


def test_the_second_guess_in_a_question_is_not_a_fact():
    check("Her paws paddle in her sleep. Is it a dream or a seizure??", {},
          ("episode.looks_like",))  # fmt: skip


def test_a_new_treatment_in_four_words_is_new_medication():
    check("He had a new chewable flea and tick tablet yesterday.",
          {"history.new_food_or_medication": True})  # fmt: skip


def test_even_in_deep_sleep_is_any_time():
    check("His front leg jerks over and over, even when he's fast asleep.",
          {"episode.context": "any_time"})  # fmt: skip


# --- history --------------------------------------------------------------------------

HISTORY = [
    ("We went on a long hike yesterday.", "history.recent_heavy_exercise", True),
    ("She had much more exercise than usual.", "history.recent_heavy_exercise", True),
    ("He did an agility workshop all weekend.", "history.recent_heavy_exercise", True),
    ("She spent the day chasing the ball nonstop.", "history.recent_heavy_exercise", True),
    ("Just his usual walks, nothing more.", "history.recent_heavy_exercise", False),
    ("We started a new food last week.", "history.new_food_or_medication", True),
    ("He's on a new kibble.", "history.new_food_or_medication", True),
    ("We switched her food.", "history.new_food_or_medication", True),
    ("She started a new antibiotic.", "history.new_food_or_medication", True),
    ("He's had a new treat.", "history.new_food_or_medication", True),
    ("No new food or medication.", "history.new_food_or_medication", False),
    ("She hasn't eaten anything new.", "history.new_food_or_medication", False),
    ("Same food as always.", "history.new_food_or_medication", False),
    ("He hasn't been drinking much.", "history.low_water_intake", True),
    ("She's drinking less than usual.", "history.low_water_intake", True),
    ("He was without water all afternoon.", "history.low_water_intake", True),
    ("She isn't drinking.", "history.low_water_intake", True),
    ("He drinks normally.", "history.low_water_intake", False),
    ("She drank plenty.", "history.low_water_intake", False),
    ("He's eating and drinking as usual.", "history.low_water_intake", False),
    ("It was a very hot day.", "history.hot_weather_or_overheated", True),
    ("We were at a summer fair.", "history.hot_weather_or_overheated", True),
    ("He was out in the heat.", "history.hot_weather_or_overheated", True),
    ("She was left in a hot car.", "history.hot_weather_or_overheated", True),
    ("We were out on a cool morning.", "history.hot_weather_or_overheated", False),
    ("It wasn't a hot day.", "history.hot_weather_or_overheated", False),
    ("He ate chocolate.", "history.possible_toxin", "yes"),
    ("She got into the bin.", "history.possible_toxin", "yes"),
    ("The neighbours put down slug pellets.", "history.possible_toxin", "yes"),
    ("He may have found rat poison.", "history.possible_toxin", "unknown"),
    ("He chewed a pack of xylitol gum.", "history.possible_toxin", "yes"),
    ("She ate something in the garden.", "history.possible_toxin", "yes"),
    ("We don't know what he ate.", "history.possible_toxin", "unknown"),
    ("Not sure if she ate anything.", "history.possible_toxin", "unknown"),
    ("He might have eaten something.", "history.possible_toxin", "unknown"),
    ("She hasn't eaten anything odd.", "history.possible_toxin", "no"),
]


@pytest.mark.parametrize(("text", "path", "value"), HISTORY)
def test_history(text, path, value):
    check(text, {path: value})


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("Our chocolate lab twitches.", "history.possible_toxin"),
        ("She's in heat.", "history.hot_weather_or_overheated"),
        ("He feels very hot.", "history.hot_weather_or_overheated"),
        ("After about ten minutes of running her legs twitched.", "history.recent_heavy_exercise"),
        ("He's drinking more than usual.", "history.recent_heavy_exercise"),
        ("She didn't eat her breakfast.", "history.possible_toxin"),
        ("We adopted a new puppy.", "history.new_food_or_medication"),
    ],
)
def test_history_not_read_into_other_words(text, path):
    check(text, {}, never=(path,))


def test_unsure_about_a_yes_no_field_goes_to_unknown():
    check("Not sure if he's been drinking.", {"unknown.history.low_water_intake": True},
          never=("history.low_water_intake",))  # fmt: skip


# --- signs ----------------------------------------------------------------------------

SIGNS = [
    ("He's limping.", "limping_or_pain"),
    ("She yelped when I touched her.", "limping_or_pain"),
    ("He flinches when touched.", "limping_or_pain"),
    ("She's itchy.", "itching"),
    ("He keeps scratching.", "itching"),
    ("She has hives.", "skin_redness_or_hives"),
    ("He's covered in raised bumps.", "skin_redness_or_hives"),
    ("Her face is swollen.", "face_swelling"),
    ("He has a puffy face.", "face_swelling"),
    ("Her breathing is laboured.", "breathing_difficulty"),
    ("He's struggling to breathe.", "breathing_difficulty"),
    ("She has vomited twice.", "vomiting_or_diarrhea"),
    ("He has diarrhoea.", "vomiting_or_diarrhea"),
    ("She threw up.", "vomiting_or_diarrhea"),
    ("Loose stools since yesterday.", "vomiting_or_diarrhea"),
    ("Her gums feel tacky.", "dry_gums_or_sunken_eyes"),
    ("He has dry gums.", "dry_gums_or_sunken_eyes"),
    ("She's lethargic.", "lethargy"),
    ("He is sleepier than normal.", "lethargy"),
    ("She's wobbly.", "wobbling"),
    ("He stumbles.", "wobbling"),
    ("She's drooling.", "drooling"),
    ("He was foaming at the mouth.", "drooling"),
    ("Her legs are stiff.", "muscle_stiffness"),
    ("He went rigid.", "muscle_stiffness"),
    ("She seems weak.", "weakness_or_paralysis"),
    ("He went limp.", "weakness_or_paralysis"),
    ("He collapsed.", "collapse"),
    ("She fell over.", "collapse"),
    ("He keeps falling over to one side.", "wobbling"),
    ("Since lunch she seems dull and won't play.", "lethargy"),
    ("She was sick in her bed after the fit.", "vomiting_or_diarrhea"),
    ("She was sick twice in the night.", "vomiting_or_diarrhea"),
    ("When we lift her onto the bed she yelps.", "limping_or_pain"),
    ("He flopped over onto his side.", "collapse"),
    ("She peed herself.", "loss_of_bladder_control"),
    ("He wet himself.", "loss_of_bladder_control"),
    ("She was paddling her legs.", "paddling_or_chomping"),
    ("He was chomping his jaw.", "paddling_or_chomping"),
    ("She has a runny nose.", "nasal_or_eye_discharge"),
    ("Green discharge from her eyes.", "nasal_or_eye_discharge"),
    ("He has a cough.", "cough"),
    ("She feels warm.", "fever"),
    ("He has a fever.", "fever"),
    ("He's panting hard and feels hot.", "overheating"),
    ("She's very hot to the touch.", "overheating"),
    ("He's restless.", "anxiety_or_restlessness"),
    ("She keeps pacing.", "anxiety_or_restlessness"),
    ("He seems anxious.", "anxiety_or_restlessness"),
    ("He's hyper.", "anxiety_or_restlessness"),
    ("He's not eating.", "poor_appetite"),
    ("She didn't eat her breakfast.", "poor_appetite"),
    ("He's off his food.", "poor_appetite"),
    ("She is eating less.", "poor_appetite"),
]


@pytest.mark.parametrize(("text", "sign"), SIGNS)
def test_sign_seen(text, sign):
    check(text, {f"signs.{sign}": True}, never=(f"signs_absent.{sign}",))


SIGNS_ABSENT = [
    ("No vomiting.", "vomiting_or_diarrhea"),
    ("She isn't scratching at all.", "itching"),
    ("He's not limping.", "limping_or_pain"),
    ("He walks normally.", "limping_or_pain"),
    ("She never collapsed.", "collapse"),
    ("No swelling anywhere.", "face_swelling"),
    ("Her breathing is fine.", "breathing_difficulty"),
    ("His gums feel wet.", "dry_gums_or_sunken_eyes"),
    ("He's still eating.", "poor_appetite"),
    ("She's eating and drinking as usual.", "poor_appetite"),
    ("No cough.", "cough"),
    ("She doesn't have a fever.", "fever"),
    ("No sign of drooling.", "drooling"),
]


@pytest.mark.parametrize(("text", "sign"), SIGNS_ABSENT)
def test_sign_denied(text, sign):
    check(text, {f"signs_absent.{sign}": True}, never=(f"signs.{sign}",))


def test_negation_reaches_a_list_of_signs():
    check(
        "She's not vomiting, coughing or limping.",
        {"signs_absent.vomiting_or_diarrhea": True, "signs_absent.cough": True,
         "signs_absent.limping_or_pain": True},
    )  # fmt: skip


def test_negation_stops_at_a_new_clause():
    check(
        "No swelling anywhere, her breathing is laboured.",
        {"signs_absent.face_swelling": True, "signs.breathing_difficulty": True},
    )
    check("He's not limping but he is vomiting.", {"signs.vomiting_or_diarrhea": True})
    check("Not limping, eating well.", {"signs_absent.poor_appetite": True})


def test_negation_does_not_reach_far():
    check("He doesn't like it when the neighbours visit and he is drooling.",
          {"signs.drooling": True})  # fmt: skip


def test_why_is_not_a_negation():
    check("I don't know why she is limping.", {"signs.limping_or_pain": True})


def test_not_eating_something_is_not_a_poor_appetite():
    check("No, he has not eaten chocolate.", {}, never=("signs.poor_appetite",))
    check("He hasn't eaten since yesterday.", {"signs.poor_appetite": True})


def test_hedged_sign_is_not_a_fact():
    check("She almost fell over.", {}, never=("signs.collapse", "signs_absent.collapse"))


def test_owner_feelings_are_not_signs():
    check("I'm so anxious, he keeps twitching.", {}, never=("signs.anxiety_or_restlessness",))


def test_seen_wins_over_denied():
    check("No vomiting yesterday, but today she vomited.", {"signs.vomiting_or_diarrhea": True},
          never=("signs_absent.vomiting_or_diarrhea",))  # fmt: skip


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("He's been twiching and vomitting.", "signs.vomiting_or_diarrhea", True),
        ("She had a siezure and was droolling.", "signs.drooling", True),
        ("He seems letharic.", "signs.lethargy", True),
        ("Her back legs are trembeling.", "episode.body_area.hind_leg", True),
        ("He collasped.", "signs.collapse", True),
        ("Our dalmation is twitching.", "dog.breed", "dalmatian"),
        ("She's never been vacinated.", "dog.vaccinations", "not_up_to_date"),
        ("He has diarhea.", "signs.vomiting_or_diarrhea", True),
    ],
)
def test_misspellings(text, key, value):
    case, evidence = read(text)
    assert flat(case).get(key) == value
    assert all(v in text for v in evidence.values())


def test_real_words_near_key_words_are_left_alone():
    case, _ = read("We were sharing a painting of the garden.")
    assert flat(case) == {}


# --- the dev vignettes ----------------------------------------------------------------

# Items a vignette leaves empty although its narrative states them plainly.
STATED_BUT_NOT_IN_VIGNETTE = {
    "D001": {"episode.body_area.face_head": "jaw chomping"},
    "D007": {"episode.body_area.front_leg": "his legs twitch",
             "episode.body_area.hind_leg": "his legs twitch"},
    "D008": {"history.low_water_intake": "with water to hand"},
    "D022": {"signs.wobbling": "was wobbly and confused"},
    "D028": {"episode.body_area.front_leg": "her legs twitch",
             "episode.body_area.hind_leg": "her legs twitch"},
    # new since yesterday: the vignette leaves the pattern open
    "D030": {"episode.pattern": "Since yesterday evening"},
}  # fmt: skip


# Items where the owner's own word differs from the vignette's reading of it: the vignette
# records what a vet makes of the whole story ("a seizure"), the reader the owner's word.
OWNER_WORD_NOT_VIGNETTE_LABEL = {
    "D010": {"episode.looks_like": "shakes all over"},
    "D022": {"episode.looks_like": "went stiff"},
}


def _vignettes():
    if not VIGNETTES.exists():
        return []
    with VIGNETTES.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.mark.skipif(not VIGNETTES.exists(), reason="shared/vignettes not beside the repo")
@pytest.mark.parametrize("vignette", _vignettes(), ids=lambda v: v["id"])
def test_vignette_narrative_never_contradicts_its_case(vignette):
    case, evidence = read(vignette["narrative"])
    got, want = flat(case), flat(vignette["case"])
    allowed = STATED_BUT_NOT_IN_VIGNETTE.get(vignette["id"], {})
    own_word = OWNER_WORD_NOT_VIGNETTE_LABEL.get(vignette["id"], {})
    for key, value in got.items():
        if key in own_word:
            assert own_word[key] in vignette["narrative"] and key in want
        elif key in want:
            assert value == want[key], f"{key}: read {value!r}, vignette says {want[key]!r}"
        else:
            assert key in allowed, (
                f"{key} = {value!r} from {evidence.get(key)!r} is not in the case"
            )
            assert allowed[key] in vignette["narrative"]
    assert all(v in vignette["narrative"] for v in evidence.values())


@pytest.mark.skipif(not VIGNETTES.exists(), reason="shared/vignettes not beside the repo")
def test_vignettes_recall():
    """Most of what the vignettes record is read from their narratives."""
    found = total = 0
    for vignette in _vignettes():
        got, want = flat(read(vignette["narrative"])[0]), flat(vignette["case"])
        total += len(want)
        found += sum(got.get(k) == v for k, v in want.items())
    assert found / total >= 0.9


# --- robustness -----------------------------------------------------------------------


def _assert_valid(text: str) -> None:
    case, evidence = read(text)  # without understand()'s safety net: errors must show
    assert isinstance(case, Case)
    Case.model_validate(case.to_json_dict())
    for key, value in evidence.items():
        assert isinstance(key, str) and value
        assert value in text, f"{key}: {value!r} is not in the input"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gives_a_valid_case(text):
    _assert_valid(text)


_WORD_LIST = (
    "no not never twitch twitches twitching legs back leg face all over he she her his "
    "vomiting limping drinking water hot cool minutes seconds for about a few 5 10 "
    "year-old month-old week old lab husky mix sleep resting after run respond normal "
    "dazed first time before chocolate ate vaccinated pregnant , . ; ! ? and but "
    "twiching vomitting siezure '"
)
_WORDS = st.sampled_from([*_WORD_LIST.split(" "), "", "\n"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=80).map(" ".join))
def test_word_salad_gives_a_valid_case(text):
    _assert_valid(text)


# A generous deadline: it catches a runaway pattern, not a busy machine (speed is measured
# by bench/bench_understand.py).
@settings(max_examples=30, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.tuples(st.text(min_size=1, max_size=300) | st.lists(_WORDS, min_size=1).map(" ".join),
              st.integers(20, 400)).map(lambda t: t[0] * t[1])
)  # fmt: skip
def test_long_texts(text):
    _assert_valid(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00\x01\x02",
        "<p>My <b>4-year-old</b> lab's legs twitch</p><script>alert(1)</script>",
        "🐶🐶 twitching 🐾 " * 50,
        "Mein Hund zittert am ganzen Körper.",
        "İİİ twitching İ his back legs",
        "twitching " * 5000,
        "a" * 100_000,
        "\u2019\u2018 he isn\u2019t limping \u2014 no vomiting",
    ],
)
def test_odd_inputs(text):
    _assert_valid(text)


def test_curly_apostrophes_and_markup():
    case, evidence = read("<p>He isn\u2019t limping</p>")
    assert case.signs_absent == ["limping_or_pain"]
    assert evidence["signs_absent.limping_or_pain"] == "isn\u2019t limping"


def test_read_itself_never_looks_past_the_limit():
    case, _ = read("x " * 3000 + "he is vomiting")  # understand() refuses such a text
    assert case.signs == []


def test_understand_is_the_public_entry():
    assert understand("") == (Case(), {})
    assert understand(" \n\t ") == (Case(), {})
    case, evidence = understand("Our 3-year-old beagle twitches in her sleep.")
    assert case.dog.age_years == 3.0 and case.episode.context == "asleep"
    assert evidence["episode.context"] == "in her sleep"


def test_evidence_keys_are_contract_shaped():
    case, evidence = read(
        "Our 2-year-old lab's back legs twitch while he naps; no vomiting, he's drooling."
    )
    assert set(evidence) == {
        "dog.age_years", "dog.breed", "dog.sex", "episode.body_area.hind_leg",
        "episode.context", "episode.looks_like", "signs_absent.vomiting_or_diarrhea",
        "signs.drooling",
    }  # fmt: skip
