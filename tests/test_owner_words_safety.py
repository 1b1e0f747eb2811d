"""Owners' own words, read by `understand` and then interviewed with an owner who knows no
more than they wrote: every emergency ends as one, and every everyday account is kept
from the vet's waiting room. Written for these tests, in owners' styles (no capitals,
typos, hedges); none is taken from the dev vignettes."""

from __future__ import annotations

import pytest
from tests.owner import interview_owner_knowing

from twitchcheck import assess
from twitchcheck.understand import understand

EMERGENCIES = [
    "my dog ate a whole bar of dark chocolate an hour ago and now he's shaking",
    "she's diabetic and we both gave her insulin this morning, a double dose by mistake; now "
    "she's trembling, wobbly and seems dull",
    "our great dane scoffed his dinner and now he's pacing, shaking and drooling and keeps "
    "trying to be sick but nothing comes up",
    "She's been seizing for ten minutes and it won't stop",
    "our girl had puppies 2 weeks ago and now she's panting, trembling and walking stiff",
    "He has had 3 seizures today",
    "found him collapsed in the garden, twitching, it's really hot today",
    "my puppy is 8 weeks old, shaking and won't eat, very floppy",
    "my dachshund yelps when I touch his back and his back legs are wobbly",
    "her face is swelling up after a bee sting and she's trembling",
    "he got into the rat poison in the shed and now he's twitching",
    "she was licking at an antifreeze puddle and now she's staggering and twitching",
    "we found a chewed blister pack of ibuprofen and he is trembling",
    "he's been shaking non-stop since the walk in the heat, panting heavily and drooling",
    "my dog is having a fit and has been for about 6 minutes",
    "she keeps having seizures one after another",
    "he can't stand up and his legs are twitching",
    "my dog is struggling to breathe and shaking",
    "puppy not vaccinated, runny eyes, snotty nose and his jaw keeps twitching",
    "my old boy (11) just had his first ever seizure",
    "she had a fit, came round, and an hour later had another one",
    "my dog is twitching in her sleep and I can't wake her up",
    "pls help my dog is shaking really bad and foaming at the mouth, i think he ate something"
    " in the park",
    "she's been convulsing on and off for 20 mins",
    "my dog keeps having fits, this is the 4th today",
    "mum dog gave birth 10 days ago now shes shaking and panting loads and walking funny",
    "hes twitchin all over and cant walk straight, we use slug pellets in the garden",
    "my 12 week old yorkie is wobbly and trembling and hasnt eaten since yesterday",
    "dog collapsed on a hot walk, now twitching and vomiting",
    "my dog's face is puffed up and he is shaking",
    "he had a seizure that lasted more than five minutes",
    "she is breathing really heavy and fast and trembling, gums look pale",
    "my staffy just had a fit and now hes having another one",
    "I think my dog ate my xylitol gum, she's now trembling",
    "our spaniel ate some mouldy bread from the compost and is now shaking all over",
    "my dog fell down the stairs, is crying and shaking and won't put weight on his leg",
    "dachshund cant move his back legs and is shaking",
    "he's shaking and his back legs are dragging, he's a dachshund",
    "she's shaking and her breathing is really fast and shallow, it's 30 degrees out",
    "my dog had a seizure and now he's having another one straight after",
    "my diabetic dog had her insulin but didnt eat, now shes trembling and staggering and"
    " it isnt passing",
    "our little dog got shut out all night in the frost, now she's limp and not shivering",
]

EVERYDAY = [
    "my puppy twitches and paddles his legs in his sleep, is that normal? he wakes up fine",
    "she shivers when we get her out of the bath",
    "my chihuahua trembles when she's excited to see us",
    "he shakes during thunderstorms and hides under the bed",
    "after a really long hike yesterday his back leg muscle keeps twitching a bit,"
    " he's fine otherwise",
    "her skin twitches on her back when I stroke her, no itching",
    "my old lab's back legs tremble a little when he stands up, he's 13 and otherwise happy",
    "my dog's leg jerks while she's dreaming, she woofs softly",
    "he's itchy since we changed his food and the skin on his back twitches",
    "my dog trembles at the vet every time",
    "She twitches in her sleep every night, is it normal?",
    "my dog shivers when it's cold outside on walks",
    "my dog shakes a bit when he's cold after a swim",
    "my puppys leg twitches when hes asleep, he wakes up ok",
    "when i scratch her back her leg kicks, is that normal",
    "after agility today his leg muscle is twitching, he is eating and happy",
    "my greyhound shivers a lot, especially in winter",
    "she trembles with excitement when we get the lead out",
    "my old dog has a little tremor in his back legs when he stands for a while",
    "his lip twitches in his sleep",
    "my 10 week old puppy gets hiccups after she gulps her food, her whole body jerks",
    "the pup hiccups for a few minutes after every meal then goes back to playing",
]


def _after_interview(text: str) -> str:
    case, _ = understand(text)
    _, reached = interview_owner_knowing(case.model_dump(mode="json", exclude_none=True))
    return assess(reached).urgency


@pytest.mark.parametrize("text", EMERGENCIES)
def test_an_emergency_in_an_owners_words_ends_as_one(text):
    assert _after_interview(text) == "emergency"


@pytest.mark.parametrize("text", EVERYDAY)
def test_an_everyday_account_is_not_sent_to_a_vet(text):
    assert _after_interview(text) in ("normal", "home_care")
