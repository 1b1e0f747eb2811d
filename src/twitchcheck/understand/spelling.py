"""Conservative correction of misspelt key words ("twiching", "siezure", "vomitting").

Only words of five letters or more are looked at, only against the small vocabulary
below, only with the same first letter, and only within one edit (two for words of nine
letters or more, a swap of neighbours counting as one). Real English words that lie that
close to a vocabulary word (``sharing`` near ``shaking``) are never changed: they are listed
in ``REAL_WORDS_NEARBY``, made once from a system word list (see docs/understand.md).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

VOCABULARY: tuple[str, ...] = (
    # the episode
    "twitch", "twitches", "twitching", "twitched", "trembling", "trembles", "shivering",
    "shaking", "jerking", "convulsing", "convulsions", "seizure", "seizures", "seizing",
    "spasms", "tremors", "paddling", "flickering", "quivering",
    # signs
    "vomiting", "vomited", "diarrhea", "diarrhoea", "drooling", "foaming", "limping",
    "lethargic", "scratching", "itching", "collapsed", "collapsing", "wobbly", "wobbling",
    "stumbling", "staggering", "restless", "anxious", "panting", "coughing", "swollen",
    "swelling", "discharge", "stiffness", "weakness", "paralysed", "paralyzed", "incontinent",
    "fever", "feverish", "breathing", "dehydrated", "appetite", "unsteady", "overheated",
    # circumstances and history
    "asleep", "sleeping", "napping", "dreaming", "resting", "respond", "responds",
    "responding", "unresponsive", "disoriented", "disorientated", "confused", "vaccinated",
    "unvaccinated", "vaccines", "vaccinations", "chocolate", "poison", "poisoned", "pellets",
    "xylitol", "antibiotic", "antibiotics", "medication", "pregnant", "nursing", "puppies",
    "whelped", "drinking", "exercise", "agility", "constantly", "occasionally", "sometimes",
    "seconds", "minutes",
    # breeds
    "dalmatian", "chihuahua", "schnauzer", "dachshund", "labrador", "retriever",
    "rottweiler", "weimaraner", "pomeranian", "yorkshire", "staffordshire", "cavalier",
    "spaniel", "terrier", "poodle", "beagle", "collie", "shepherd", "husky", "greyhound",
    "doberman", "vizsla", "malinois", "springer", "cockapoo", "labradoodle",
)  # fmt: skip

# English words within reach of a vocabulary word: left alone.
REAL_WORDS_NEARBY: frozenset[str] = frozenset(
    {
     "ability", "anxiously", "appetites", "appetizer", "beadle", "beagles", "bleaching",
     "breaching", "breasting", "breathier", "broaching", "callie", "cavaliers", "cavalries",
     "chevalier", "chihuahuas", "chocolates", "cockatoo", "cockatoos", "collapse", "collapses",
     "collaring", "collating", "collide", "collier", "collies", "collin", "compulsions",
     "conclusions", "concussions", "confessed", "confuse", "confusedly", "confuser", "confusers",
     "confuses", "confusing", "confusions", "confuted", "constancy", "constants", "consulting",
     "contused", "contusing", "contusions", "conversing", "conversions", "convulsed",
     "convulsion", "convulsive", "coolie", "couching", "crouching", "dachshunds", "dalmatians",
     "dehydrate", "dehydrates", "discharged", "discharges", "disorient", "disorients",
     "dreading", "drinkings", "drooping", "exercised", "exercises", "exorcise", "exorcised",
     "exorcises", "expertise", "feverishly", "fevers", "fewer", "fiver", "flaming", "foaling",
     "forming", "framing", "greyhounds", "husks", "hussy", "inching", "incontinence", "jerkin",
     "jerkins", "labradors", "liming", "limning", "lisping", "lumping", "mediation",
     "medicating", "medications", "meditation", "meditations", "metrication", "minuets",
     "minuses", "minute", "minuted", "minuter", "minutest", "nipping", "occasional", "overeaten",
     "overheard", "overheats", "overrated", "overreacted", "overstated", "padding", "painting",
     "paintings", "pallets", "panning", "paralyses", "paralysis", "paralyze", "paralyzes",
     "parenting", "parting", "pasting", "patenting", "patting", "peddling", "pellet", "piddling",
     "planting", "plantings", "poisoner", "poisoners", "poisons", "poisson", "pomerania",
     "poodles", "poole", "poppies", "pregnancy", "prison", "puddling", "pullets", "punting",
     "quavering", "recasting", "renting", "reprieved", "reprieves", "rescinding", "resenting",
     "resetting", "resisting", "resorting", "resounding", "responded", "respondent", "responses",
     "restating", "restlessly", "restoring", "resulting", "retrieval", "retrieve", "retrieved",
     "retrievers", "retrieves", "rusting", "schelling", "schnauzers", "scotching", "scratchier",
     "screeching", "scrunching", "second", "seeping", "selling", "shackling", "shading",
     "shambling", "shaming", "shaping", "sharing", "sharking", "shaving", "shelling",
     "shepherded", "shepherds", "shimmering", "shlepping", "shoveling", "showering",
     "shriveling", "silvering", "sizing", "slaking", "slavering", "sleeking", "sleeting",
     "slivering", "smelling", "snaking", "snatching", "sniggering", "sniveling", "soaking",
     "sometime", "spams", "spaniels", "spasm", "spelling", "spellings", "springier", "sprinkler",
     "sprinter", "sprinters", "staggeringly", "staking", "stammering", "steeping", "stiffeners",
     "stillness", "stretching", "stringer", "stringers", "stringier", "stuffiness", "swaggering",
     "sweeping", "sweepings", "swellings", "swiftness", "swilling", "swiveling", "swivelling",
     "tarrier", "tearier", "terrie", "terriers", "thatching", "trampling", "treadling",
     "trebles", "trebling", "tremble", "trembled", "tremor", "troubling", "unsteadily",
     "vaccinate", "vaccinates", "vaccinating", "vaccination", "vaccine", "weaknesses",
     "weariness", "whelked", "wobble",
    }
)  # fmt: skip

_KNOWN = frozenset(VOCABULARY)
_BY_FIRST_LETTER: dict[str, tuple[str, ...]] = {}
for _word in VOCABULARY:
    _BY_FIRST_LETTER[_word[0]] = (*_BY_FIRST_LETTER.get(_word[0], ()), _word)


def max_edits(word: str) -> int:
    return 2 if len(word) >= 9 else 1


@lru_cache(maxsize=8192)
def correct_word(word: str) -> str | None:
    """The vocabulary word a lower-case `word` is a likely misspelling of, else None."""
    if len(word) < 5 or word in _KNOWN or word in REAL_WORDS_NEARBY:
        return None
    candidates = _BY_FIRST_LETTER.get(word[0])
    if not candidates:
        return None
    limit = max_edits(word)
    found = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=limit)
    if found is None or abs(len(found[0]) - len(word)) > limit:
        return None
    return found[0]
