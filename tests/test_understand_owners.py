"""twitchcheck.understand on owners' own phrasings, written for these tests.

Each table is a veterinary situation told the way owners write it (contractions without
apostrophes, numbers in words, typos, lists, hedges), with what a careful reader records,
and what must stay unknown. None of these are copied from the dev vignettes.
"""

from __future__ import annotations

import pytest

from twitchcheck.case import Case
from twitchcheck.errors import InputError
from twitchcheck.understand import MAX_CHARS, understand
from twitchcheck.understand import reader as reader_module
from twitchcheck.understand.reader import read


def flat(case: Case) -> dict[str, object]:
    """A case as {path: value}: "episode.body_area.hind_leg": True, "signs.cough": True."""
    data = case.to_json_dict()
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
    case, evidence = understand(text)
    got = flat(case)
    for key, value in expected.items():
        assert got.get(key) == value, f"{text!r}: {key} = {got.get(key)!r}, want {value!r}"
        assert key in evidence or key.startswith("unknown."), f"{text!r}: no evidence for {key}"
    for key in never:
        assert key not in got, f"{text!r}: {key} = {got[key]!r} should stay unknown"
    for key, value in evidence.items():
        assert value and value in text, f"{text!r}: evidence {key}={value!r} not in the text"


# --- what it looks like, in the owner's word -------------------------------------------

LOOKS_LIKE = [
    ("Our terrier had a seizure on the kitchen floor.", "seizure_or_fit"),
    ("he's fitting, what do I do", "seizure_or_fit"),
    ("She is convulsing and won't stop.", "seizure_or_fit"),
    ("Rex had another fit last night.", "seizure_or_fit"),
    ("my old boy has been having fits", "seizure_or_fit"),
    ("He shivers whenever we go out.", "trembling_or_shivering"),
    ("she's trembling like mad", "trembling_or_shivering"),
    ("His whole body is shaking.", "trembling_or_shivering"),
    ("There's a tremor in her chin.", "trembling_or_shivering"),
    ("His back leg keeps jerking.", "twitching_or_jerking"),
    ("little spasms along her flank", "twitching_or_jerking"),
    ("my pupy twiches in his slep", "twitching_or_jerking"),
    ("Her hind leg went stiff and locked up.", "cramp_or_stiffening"),
    ("he gets a cramp in his thigh after fetch", "cramp_or_stiffening"),
    ("Her head keeps bobbing up and down.", "head_bobbing"),
    # the vets' name for it, and owners' "spells"
    ("He was diagnosed with idiopathic head tremors last year.", "head_bobbing"),
    ("She had one of her bobbing spells tonight.", "head_bobbing"),
    ("He nods his head over and over like he's saying yes.", "head_bobbing"),
    # a worried question after the word is no hedge on it
    ("he's just shaking, should I worry or no?", "trembling_or_shivering"),
    ("she's just trembling all over, is that ok?", "trembling_or_shivering"),
    # hiccups are seen as a jerk of the chest and belly
    ("our pup has the hiccups again, her whole body jumps", "twitching_or_jerking"),
    ("is it normal for a puppy to get hiccoughs?", "twitching_or_jerking"),
    # a seizure named anywhere wins over the other words
    ("He was shaking all over and then had a full seizure.", "seizure_or_fit"),
    # otherwise the owner's first word for it
    ("She went rigid, then her legs were trembling.", "cramp_or_stiffening"),
    ("little twitches, then some shivering", "twitching_or_jerking"),
]


@pytest.mark.parametrize(("text", "label"), LOOKS_LIKE)
def test_looks_like_is_the_owners_word(text, label):
    check(text, {"episode.looks_like": label})


@pytest.mark.parametrize(
    "text",
    [
        "No seizures, no collapse.",  # denied
        "He has never had a fit.",
        "Is that a seizure?",  # a question
        "Could this be a fit??",
        "I read that old dogs can start having fits.",  # hypothetical
        "We were worried he'd have a seizure in the car.",
        "Our dog is fit and healthy.",  # "fit" the adjective
        "It fits in with what the vet said.",
    ],
)
def test_no_seizure_from_denials_questions_or_other_meanings(text):
    check(text, {}, never=("episode.looks_like",))


def test_denied_seizure_keeps_the_owners_other_word():
    check("no seizures, no collapse, just shivering when it is cold",
          {"episode.looks_like": "trembling_or_shivering",
           "signs_absent.collapse": True,
           "episode.trigger": "cold_fear_or_excitement"},
          never=("signs.collapse",))  # fmt: skip


# --- episodes in the last 24 hours ------------------------------------------------------

COUNTS = [
    ("He's had two fits today.", 2),
    ("She has had three seizures since this morning.", 3),
    ("It happened twice today.", 2),
    ("She had a second seizure tonight.", 2),
    ("Had a fit this morning and another one just now.", 2),
    ("Bella had a seizure an hour ago.", 1),
    ("Four episodes in the last 24 hours.", 4),
    ("hes had 2 fits today", 2),
]


@pytest.mark.parametrize(("text", "count"), COUNTS)
def test_count_24h(text, count):
    check(text, {"episode.count_24h": count})
    if count >= 2:  # two or more in a day is more often than before
        check(text, {"episode.pattern": "more_often_lately"})


@pytest.mark.parametrize(
    "text",
    [
        "He had a seizure last year.",  # not today
        "She's had seizures since she was a puppy.",
        "No fits today.",  # denied
        "He twitches a few times a week.",
        "She vomited twice today.",  # vomiting, not episodes
        "He yelped once this morning when he jumped off the sofa.",
    ],
)
def test_no_count_without_a_count_for_this_day(text):
    check(text, {}, never=("episode.count_24h",))


# --- stops when distracted, and triggers -------------------------------------------------

DISTRACTED = [
    ("It stops if I call him.", "yes"),
    ("She snaps out of it when offered a treat.", "yes"),
    ("You can distract him out of it.", "yes"),
    ("It doesn't stop when I call her.", "no"),
    ("Nothing stops it, not even food.", "no"),
    ("He keeps shaking even when we call him.", "no"),
    ("Her head was bobbing, so I talked to her and it stopped.", "yes"),
]


@pytest.mark.parametrize(("text", "value"), DISTRACTED)
def test_stops_when_distracted(text, value):
    check(text, {"episode.stops_when_distracted": value}, never=("episode.afterwards",))


TRIGGERS = [
    ("She shivers when it's cold out.", "cold_fear_or_excitement"),
    ("He trembles whenever he gets excited.", "cold_fear_or_excitement"),
    ("Fireworks night and he's been shaking for hours.", "cold_fear_or_excitement"),
    ("He shakes every time we're at the vet's.", "cold_fear_or_excitement"),
    ("Her back legs shake when she stands up.", "standing_or_getting_up"),
    ("When he first gets up after a long nap his hind legs quiver.", "standing_or_getting_up"),
    ("He trembles if he stands still for a while.", "standing_or_getting_up"),
    ("He's been trembling since he skipped breakfast.", "missed_meal"),
    ("Her legs shake right after she eats.", "after_a_meal"),
    ("He gets the twitches after his dinner.", "after_a_meal"),
    ("she gets hiccups after she wolfs down her food", "after_a_meal"),
    ("He jerks like that after nearly every meal.", "after_a_meal"),
    ("she shakes and drools on every car journey", "cold_fear_or_excitement"),
    ("he ate his tea really fast and now he's pacing and shaking", "after_a_meal"),
    ("Wolfed down a huge breakfast, an hour later she started trembling", "after_a_meal"),
    ("Her head bobs after getting really excited.", "cold_fear_or_excitement"),
    ("She started shaking out of the blue.", "none_noticed"),
    ("It happens for no reason that we can see.", "none_noticed"),
]


@pytest.mark.parametrize(("text", "trigger"), TRIGGERS)
def test_trigger(text, trigger):
    check(text, {"episode.trigger": trigger})


@pytest.mark.parametrize(
    "text",
    [
        "She shakes as if she is cold or scared.",  # a comparison is not a fact
        "It gets worse when she's excited.",  # worse, not set off
        "He went out in the cold yesterday and ate his dinner.",  # no episode named
    ],
)
def test_no_trigger_from_comparisons_or_other_sentences(text):
    check(text, {}, never=("episode.trigger",))


# --- negation that stays inside its clause, and lists ------------------------------------

NEGATION = [
    ("not vomiting, no cough, not limping",
     {"signs_absent.vomiting_or_diarrhea": True, "signs_absent.cough": True,
      "signs_absent.limping_or_pain": True}, ()),
    ("No diarrhoea, drooling or wobbling at all.",
     {"signs_absent.vomiting_or_diarrhea": True, "signs_absent.drooling": True,
      "signs_absent.wobbling": True}, ()),
    ("no vomiting, just drooling a lot",
     {"signs_absent.vomiting_or_diarrhea": True, "signs.drooling": True}, ()),
    ("He's not limping but he yelps when I touch his hip.",
     {"signs.limping_or_pain": True}, ()),
    ("She wasn't immune to the harsh summer heat.",
     {"history.hot_weather_or_overheated": True}, ()),
    ("Every muscle in his body was tensed and his jaw clenched.",
     {"signs.muscle_stiffness": True}, ()),
    # the owner's worry is what "without" denies, not the frightened dog
    ("We can't go out without worrying that our poor scared dog will panic and shake.",
     {"signs.anxiety_or_restlessness": True}, ("signs_absent.anxiety_or_restlessness",)),
    ("The twitching didn't stop for ten minutes.",
     {"episode.duration": "over_5_minutes"}, ()),
    ("Hes not eating, he cant stand up.",
     {"signs.poor_appetite": True, "signs.weakness_or_paralysis": True}, ()),
    ("She doesnt seem to be in any pain.", {"signs_absent.limping_or_pain": True}, ()),
    ("He isnt drinking much.", {"history.low_water_intake": True}, ()),
    # a comma and a new verb start a new clause, the subject left out
    ("He's not vomiting, seems weak and wobbly.",
     {"signs_absent.vomiting_or_diarrhea": True, "signs.weakness_or_paralysis": True,
      "signs.wobbling": True}, ()),
    ("Not limping, not itchy, has a cough.",
     {"signs_absent.limping_or_pain": True, "signs_absent.itching": True, "signs.cough": True},
     ()),
    # a "not" that belongs to what is said ("not eating", "not vaccinated") denies no more
    ("Not eating, runny eyes and twitching.",
     {"signs.poor_appetite": True, "signs.nasal_or_eye_discharge": True},
     ("signs_absent.nasal_or_eye_discharge",)),
    ("Puppy not vaccinated, runny eyes, snotty nose, jaw twitching.",
     {"dog.vaccinations": "not_up_to_date", "signs.nasal_or_eye_discharge": True},
     ("signs_absent.nasal_or_eye_discharge",)),
    ("She won't eat, drooling, shaking.",
     {"signs.poor_appetite": True, "signs.drooling": True}, ("signs_absent.drooling",)),
    ("Our dachshund cant move his back legs and is shaking.",
     {"signs.weakness_or_paralysis": True}, ()),
    ("Her back legs are not working.", {"signs.weakness_or_paralysis": True}, ()),
    ("His legs have gone wobbly.", {"signs.wobbling": True}, ("signs.weakness_or_paralysis",)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected", "never"), NEGATION)
def test_negation_scope(text, expected, never):
    check(text, expected, never)


HEDGES = [
    # hedged: neither a fact nor denied
    ("She might have vomited in the night, not sure.", "signs.vomiting_or_diarrhea"),
    ("Maybe he's a bit wobbly? Hard to say.", "signs.wobbling"),
    ("I thought he was just scratching at first.", "signs.itching"),
    ("Is he having trouble breathing?", "signs.breathing_difficulty"),
    ("In case it's relevant, could she be pregnant?", "dog.pregnant_or_nursing"),
    # comparisons
    ("She shakes as if she is cold or scared.", "signs.anxiety_or_restlessness"),
    ("He shivers like he's frightened of something.", "signs.anxiety_or_restlessness"),
    ("It looks like a horse shaking off a fly.", "episode.trigger"),
    # a guess put as a question
    (
        "his back legs tremble after the long hike, just sore muscles right?",
        "signs.limping_or_pain",
    ),
    # someone else's opinion of what it is, and the owner scratching the dog
    ("My daughter thinks she's having a seizure but she's wagging her tail.", "episode.looks_like"),
    ("When I scratch his belly his back leg kicks away.", "signs.itching"),
]


@pytest.mark.parametrize(("text", "key"), HEDGES)
def test_hedges_and_comparisons_are_not_facts(text, key):
    absent_key = key.replace("signs.", "signs_absent.")
    check(text, {}, never=(key, absent_key))


def test_an_estimate_is_not_a_doubt():
    check("maybe two minutes, perhaps once a week",
          {"episode.pattern": "occasional"})  # fmt: skip
    check("His legs were jerking for maybe two minutes.", {"episode.duration": "under_5_minutes"})


def test_a_comparison_that_is_how_owners_describe_a_sign():
    check("She walks like she's drunk.", {"signs.wobbling": True})


# --- numbers, time spans, ages -----------------------------------------------------------

QUANTITIES = [
    ("Our collie is about 13.", "dog.age_years", 13.0),
    ("Mack (lab, 9) shakes after walks.", "dog.age_years", 9.0),
    ("Poppy (4) trembles.", "dog.age_years", 4.0),
    ("hes 10 weeks and twitches in his sleep", "dog.age_years", 0.19),
    ("She's eleven, a spaniel cross.", "dog.age_years", 11.0),
    ("Rolo, 6, border collie, is twitching.", "dog.age_years", 6.0),
    ("It lasted 20 seconds.", "episode.duration", "seconds"),
    ("his leg twitched twenty seconds then stopped", "episode.duration", "seconds"),
    ("a few seconds at a time", "episode.duration", "seconds"),
    ("He was shaking for a minute and a half.", "episode.duration", "under_5_minutes"),
    ("She shook for a couple of minutes.", "episode.duration", "under_5_minutes"),
    ("about forty seconds of trembling", "episode.duration", "seconds"),
    ("The fit went on for half an hour.", "episode.duration", "over_5_minutes"),
    ("been going about three mins now, the jerking", "episode.duration", "under_5_minutes"),
    ("After a minute or two the fit passed.", "episode.duration", "under_5_minutes"),
    (
        "a twitch in his shoulder for a few minutes after, then nothing",
        "episode.duration",
        "under_5_minutes",
    ),
    ("She has been shaking all day, even by the fire.", "episode.duration", "constant"),
    ("the shivering never lets up", "episode.duration", "constant"),
    ("He had a fit at 7am and now at 1pm he's just had another.", "episode.count_24h", 2),
    ("she had a seizure this morning, then another an hour later", "episode.count_24h", 2),
    ("One fit at breakfast today and another at lunch.", "episode.count_24h", 2),
    ("he's been fitting for the last hour", "episode.duration", "over_5_minutes"),
    ("She has been trembling for the whole afternoon.", "episode.duration", "over_5_minutes"),
    ("He shook for two straight hours at the fireworks.", "episode.duration", "over_5_minutes"),
    ("She trembled for a solid ten minutes.", "episode.duration", "over_5_minutes"),
]


@pytest.mark.parametrize(("text", "key", "value"), QUANTITIES)
def test_numbers_and_time_spans(text, key, value):
    check(text, {key: value})


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("My son is 12 and he says the dog twitches.", "dog.age_years"),
        ("His legs twitch, so today we took him to another vet.", "episode.count_24h"),
        # one more of a known condition, not a second today
        (
            "He was diagnosed with head tremors last year and had another one tonight.",
            "episode.count_24h",
        ),
        ("We walked for the past hour and now he twitches.", "episode.duration"),
        ("It's 31 degrees out.", "dog.age_years"),
        ("Within ten minutes of the shaking he was fine.", "episode.duration"),
        ("We walked for an hour and later he twitched.", "episode.duration"),
        ("She got a second wind after the trembling.", "episode.duration"),
    ],
)
def test_numbers_that_are_something_else(text, key):
    check(text, {}, never=(key,))


# --- history, first time, exercise -------------------------------------------------------

HISTORY = [
    ("I've never seen her have a seizure in 2+ years.", "episode.pattern", "first_time"),
    ("First fit he's ever had.", "episode.pattern", "first_time"),
    ("She's never done anything like this.", "episode.pattern", "first_time"),
    ("He's always twitched in his sleep.", "episode.pattern", "occasional"),
    ("I ran her too hard yesterday.", "history.recent_heavy_exercise", True),
    ("It's 30 degrees out today.", "history.hot_weather_or_overheated", True),
    ("we left the pup in the car while we shopped", "history.hot_weather_or_overheated", True),
    ("She's hot to the touch and panting hard.", "signs.overheating", True),
    ("He feels warm and seems lethargic.", "signs.fever", True),
    ("we came back from the booster an hour ago and shes shaking",
     "history.new_food_or_medication", True),
    ("He got hold of some weed brownies.", "history.possible_toxin", "yes"),
    ("She hasn't eaten anything odd.", "history.possible_toxin", "no"),
    ("our pup had her second vaccination yesterday and she's a bit trembly",
     "history.new_food_or_medication", True),
    # fits coming closer together, said as a change from how it used to be
    ("She used to have a fit every few months, but now she's had three this week.",
     "episode.pattern", "more_often_lately"),
    # a spell that started today, told as news, is new
    ("Since this morning he's been trembling and won't settle.", "episode.pattern", "first_time"),
    ("She started shaking about an hour ago.", "episode.pattern", "first_time"),
    # ...unless the owner also says it comes and goes
    ("He's been twitching on and off since yesterday.", "episode.pattern", "occasional"),
    ("Hamish did his usual thing, back legs stiff and goose-stepping.",
     "episode.pattern", "occasional"),
    ("Her head tremors were diagnosed last year; she had another one tonight.",
     "episode.pattern", "occasional"),
    # how the dog is after: "out of it during" is about the episode, not after it
    ("He's out of it during them but recovers fine in between.", "episode.afterwards", "normal"),
    ("Her legs jerked for a minute and a few minutes later she was fine.",
     "episode.afterwards", "normal"),
    ("she's really quiet today and shivering", "signs.lethargy", True),
    ("he's a bit shaky and flat", "signs.lethargy", True),
    ("I called her and she stopped breathing for a second, she was twitching",
     "signs.breathing_difficulty", True),
    ("he was shaking and his tongue went blue", "signs.breathing_difficulty", True),
    ("she's shaking and her breathing is really fast and shallow", "signs.breathing_difficulty",
     True),
    ("he's shaking and his back legs are dragging, he's a dachshund",
     "signs.weakness_or_paralysis", True),
    ("he found my ibuprofen and chewed the packet, now he's trembling",
     "history.possible_toxin", "yes"),
    ("he's shaking and keeps trying to be sick but nothing comes up",
     "signs.vomiting_or_diarrhea", True),
    ("my dog had a seizure and now he's having another one straight after",
     "episode.count_24h", 2),
]  # fmt: skip


@pytest.mark.parametrize(("text", "key", "value"), HISTORY)
def test_history_and_pattern(text, key, value):
    check(text, {key: value})


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a vaccination status, not a new medicine
        ("He's had all his jabs and shakes when he's cold.", "history.new_food_or_medication"),
        ("He is not breathing hard, just shaking.", "signs.breathing_difficulty"),
        # the house, not the dog
        ("It's been really quiet at home since the kids left, and he shivers.", "signs.lethargy"),
        # used to, and now less often: not coming closer together
        ("She used to shake a lot but now she hardly ever does.", "episode.pattern"),
    ],
)
def test_history_and_pattern_not_read_into_other_words(text, key):
    case, _ = understand(text)
    assert flat(case).get(key) != ("more_often_lately" if key == "episode.pattern" else True)


# --- text with nothing understood ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mein Hund zittert seit heute Morgen am ganzen Körper und frisst nicht.",
        "Mon chien tremble depuis ce matin, il ne mange plus.",
        "Mi perro tiembla y no quiere comer desde ayer.",
        "asdf qwerty zxcv",
        "Hello, I have a question about my account.",
        "🐶🐶🐶",
    ],
)
def test_nothing_understood_gives_the_empty_case(text):
    case, evidence = understand(text)
    assert case == Case() and evidence == {}


def test_twitching_alone_is_only_what_it_looks_like():
    case, evidence = understand("my dog is twitching")
    assert case.to_json_dict() == {"episode": {"looks_like": "twitching_or_jerking"}}
    assert evidence == {"episode.looks_like": "twitching"}


# --- input checks ------------------------------------------------------------------------


def test_empty_or_blank_text_is_the_empty_case():
    for text in ("", " ", "\n\t  \n"):
        assert understand(text) == (Case(), {})


def test_text_at_the_limit_is_read():
    text = "He is vomiting. " + "x" * (MAX_CHARS - 16)
    assert len(text) == MAX_CHARS
    case, _ = understand(text)
    assert case.signs == ["vomiting_or_diarrhea"]


def test_text_over_the_limit_is_refused_not_cut():
    text = "She is vomiting. " * 400
    with pytest.raises(InputError) as raised:
        understand(text)
    error = raised.value
    assert "5,000" in str(error) and f"{len(text):,}" in str(error)
    assert error.problems and error.problems[0]["field"] == "text"
    assert "5,000" in error.problems[0]["message"]


@pytest.mark.parametrize("value", [None, 42, b"bytes", ["text"]])
def test_text_that_is_not_a_string_is_refused(value):
    with pytest.raises(InputError) as raised:
        understand(value)  # type: ignore[arg-type]
    assert raised.value.problems[0]["field"] == "text"


def test_an_internal_error_is_not_hidden(monkeypatch):
    def broken(text):
        raise RuntimeError("a bug")

    monkeypatch.setattr(reader_module, "read", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        understand("He is twitching.")


def test_every_evidence_value_is_the_owners_own_words():
    texts = [t for t, _ in LOOKS_LIKE] + [t for t, _, _ in QUANTITIES] + [t for t, _ in HEDGES]
    for text in texts:
        _, evidence = read(text)
        for key, value in evidence.items():
            assert value in text, (text, key, value)


# --- whole stories, told as owners tell them ---------------------------------------------

STORIES = [
    (
        "My 9yo lab Ben started shaking really badly about half an hour ago, he's drooling "
        "and keeps being sick. He got into the kitchen bin earlier. He still knows me.",
        {"dog.age_years": 9.0, "dog.breed": "labrador retriever",
         "episode.looks_like": "trembling_or_shivering", "episode.aware": "yes",
         "history.possible_toxin": "yes", "signs.drooling": True,
         "signs.vomiting_or_diarrhea": True},
    ),
    (
        "Help!! my dog is having a seizure right now its been going on for 6 minutes he is "
        "not responding",
        {"episode.looks_like": "seizure_or_fit", "episode.duration": "over_5_minutes",
         "episode.aware": "no", "episode.count_24h": 1},
    ),
    (
        "Shes had 3 seizures since last night, each about 2 minutes, and she's really wobbly "
        "in between. She's 5.",
        {"dog.age_years": 5.0, "episode.count_24h": 3, "episode.duration": "under_5_minutes",
         "episode.pattern": "more_often_lately", "signs.wobbling": True},
    ),
    (
        "She gets these little head tremors like she's saying no no no, lasts a couple of "
        "minutes, she can still look at me and take a treat during it. It stops if I "
        "distract her.",
        {"episode.body_area.face_head": True, "episode.duration": "under_5_minutes",
         "episode.aware": "yes", "episode.stops_when_distracted": "yes"},
    ),
    (
        "After our 10 mile hike in the heat yesterday his back legs keep cramping up, he's "
        "hot and panting a lot and hasn't drunk much.",
        {"episode.context": "during_or_after_exercise", "episode.body_area.hind_leg": True,
         "episode.looks_like": "cramp_or_stiffening", "history.recent_heavy_exercise": True,
         "history.hot_weather_or_overheated": True, "history.low_water_intake": True,
         "signs.overheating": True},
    ),
    (
        "Not sure if it's relevant but we changed his food last week. He has had no "
        "vomiting, no diarrhoea and no collapse, just a twitchy lip now and then.",
        {"history.new_food_or_medication": True, "signs_absent.vomiting_or_diarrhea": True,
         "signs_absent.collapse": True, "episode.looks_like": "twitching_or_jerking",
         "episode.body_area.face_head": True, "episode.pattern": "occasional"},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STORIES, ids=[s[0][:40] for s in STORIES])
def test_whole_stories(text, expected):
    check(text, expected, never=("signs.collapse", "signs.vomiting_or_diarrhea")
          if "no vomiting" in text else ())  # fmt: skip
