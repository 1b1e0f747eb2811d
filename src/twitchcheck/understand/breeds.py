"""Common breeds and the names owners call them by.

The case gets the breed's usual name ("Yorkie" -> "yorkshire terrier", "yellow Lab" ->
"labrador retriever"), so that whatever reads `dog.breed` meets one spelling per breed;
the owner's own words are kept in the evidence. A mix keeps the owner's shape: "lab mix"
-> "labrador mix", "collie x spaniel" -> "collie x spaniel".
"""

from __future__ import annotations

import re

# (usual name, name inside a mix, other names owners use)
BREEDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("labrador retriever", "labrador", ("labrador", "lab", "yellow lab", "black lab",
                                        "chocolate lab", "fox red lab", "labrador retriever")),
    ("golden retriever", "golden retriever", ("golden retriever", "golden", "goldie")),
    ("flat-coated retriever", "flat-coated retriever", ("flat-coated retriever", "flatcoat")),
    ("retriever", "retriever", ("retriever",)),
    ("german shepherd", "german shepherd", ("german shepherd", "german shepherd dog", "gsd",
                                            "alsatian")),
    ("australian shepherd", "australian shepherd", ("australian shepherd", "aussie")),
    ("belgian malinois", "malinois", ("belgian malinois", "malinois", "belgian shepherd")),
    ("border collie", "border collie", ("border collie",)),
    ("rough collie", "rough collie", ("rough collie",)),
    ("collie", "collie", ("collie",)),
    ("shetland sheepdog", "sheltie", ("shetland sheepdog", "sheltie")),
    ("australian cattle dog", "cattle dog", ("australian cattle dog", "cattle dog",
                                             "blue heeler", "red heeler", "heeler")),
    ("kelpie", "kelpie", ("kelpie",)),
    ("cavalier king charles spaniel", "cavalier", ("cavalier king charles spaniel",
                                                   "cavalier king charles", "cavalier", "ckcs")),
    ("king charles spaniel", "king charles spaniel", ("king charles spaniel",)),
    ("english springer spaniel", "springer spaniel", ("english springer spaniel",
                                                      "springer spaniel", "springer")),
    ("cocker spaniel", "cocker spaniel", ("cocker spaniel", "cocker", "english cocker spaniel",
                                          "american cocker spaniel")),
    ("spaniel", "spaniel", ("spaniel",)),
    ("jack russell terrier", "jack russell", ("jack russell terrier", "jack russell", "jrt",
                                              "parson russell terrier")),
    ("yorkshire terrier", "yorkshire terrier", ("yorkshire terrier", "yorkie")),
    ("staffordshire bull terrier", "staffy", ("staffordshire bull terrier", "staffy",
                                              "staffie", "staff")),
    ("west highland white terrier", "westie", ("west highland white terrier", "westie")),
    ("scottish terrier", "scottie", ("scottish terrier", "scottie", "scottie dog")),
    ("border terrier", "border terrier", ("border terrier",)),
    ("cairn terrier", "cairn terrier", ("cairn terrier", "cairn")),
    ("bull terrier", "bull terrier", ("bull terrier",)),
    ("boston terrier", "boston terrier", ("boston terrier",)),
    ("airedale terrier", "airedale", ("airedale terrier", "airedale")),
    ("american pit bull terrier", "pit bull", ("american pit bull terrier", "pit bull",
                                               "pitbull", "pittie")),
    ("terrier", "terrier", ("terrier",)),
    ("miniature schnauzer", "schnauzer", ("miniature schnauzer", "mini schnauzer")),
    ("schnauzer", "schnauzer", ("schnauzer", "standard schnauzer", "giant schnauzer")),
    ("toy poodle", "poodle", ("toy poodle",)),
    ("miniature poodle", "poodle", ("miniature poodle", "mini poodle")),
    ("standard poodle", "poodle", ("standard poodle",)),
    ("poodle", "poodle", ("poodle",)),
    ("french bulldog", "french bulldog", ("french bulldog", "frenchie")),
    ("english bulldog", "bulldog", ("english bulldog", "british bulldog")),
    ("bulldog", "bulldog", ("bulldog",)),
    ("dachshund", "dachshund", ("dachshund", "sausage dog", "doxie", "miniature dachshund",
                                "mini dachshund")),
    ("siberian husky", "husky", ("siberian husky", "husky")),
    ("alaskan malamute", "malamute", ("alaskan malamute", "malamute")),
    ("doberman pinscher", "doberman", ("doberman pinscher", "doberman", "dobermann", "dobie")),
    ("rottweiler", "rottweiler", ("rottweiler", "rottie")),
    ("great dane", "great dane", ("great dane",)),
    ("bernese mountain dog", "bernese", ("bernese mountain dog", "bernese", "berner")),
    ("saint bernard", "saint bernard", ("saint bernard", "st bernard", "st. bernard")),
    ("newfoundland", "newfoundland", ("newfoundland", "newfie")),
    ("mastiff", "mastiff", ("mastiff", "bullmastiff")),
    ("boxer", "boxer", ("boxer",)),
    ("dalmatian", "dalmatian", ("dalmatian",)),
    ("beagle", "beagle", ("beagle",)),
    ("basset hound", "basset", ("basset hound", "basset")),
    ("bloodhound", "bloodhound", ("bloodhound",)),
    ("greyhound", "greyhound", ("greyhound",)),
    ("italian greyhound", "italian greyhound", ("italian greyhound", "iggy")),
    ("whippet", "whippet", ("whippet",)),
    ("lurcher", "lurcher", ("lurcher",)),
    ("weimaraner", "weimaraner", ("weimaraner",)),
    ("vizsla", "vizsla", ("vizsla", "hungarian vizsla")),
    ("german shorthaired pointer", "pointer", ("german shorthaired pointer", "gsp")),
    ("pointer", "pointer", ("pointer",)),
    ("irish setter", "setter", ("irish setter", "red setter")),
    ("english setter", "setter", ("english setter",)),
    ("chihuahua", "chihuahua", ("chihuahua",)),
    ("pomeranian", "pomeranian", ("pomeranian", "pom")),
    ("shih tzu", "shih tzu", ("shih tzu", "shih-tzu", "shitzu")),
    ("lhasa apso", "lhasa apso", ("lhasa apso", "lhasa")),
    ("maltese", "maltese", ("maltese",)),
    ("bichon frise", "bichon", ("bichon frise", "bichon")),
    ("havanese", "havanese", ("havanese",)),
    ("papillon", "papillon", ("papillon",)),
    ("pekingese", "pekingese", ("pekingese", "peke")),
    ("pug", "pug", ("pug",)),
    ("corgi", "corgi", ("corgi", "pembroke welsh corgi", "cardigan welsh corgi")),
    ("shiba inu", "shiba inu", ("shiba inu", "shiba")),
    ("akita", "akita", ("akita",)),
    ("samoyed", "samoyed", ("samoyed",)),
    ("chow chow", "chow", ("chow chow",)),
    ("shar pei", "shar pei", ("shar pei", "shar-pei")),
    ("old english sheepdog", "sheepdog", ("old english sheepdog",)),
    ("cockapoo", "cockapoo", ("cockapoo",)),
    ("cavapoo", "cavapoo", ("cavapoo", "cavoodle")),
    ("labradoodle", "labradoodle", ("labradoodle",)),
    ("goldendoodle", "goldendoodle", ("goldendoodle", "groodle")),
    ("maltipoo", "maltipoo", ("maltipoo",)),
    ("cavachon", "cavachon", ("cavachon",)),
    ("puggle", "puggle", ("puggle",)),
    ("sprocker", "sprocker", ("sprocker",)),
)  # fmt: skip

# Words that are also everyday English: count only next to a dog word ("our 2-year-old
# lab", "a boxer puppy"), never alone ("took her to the lab").
AMBIGUOUS = frozenset({"lab", "golden", "goldie", "aussie", "boxer", "pointer", "maltese",
                       "newfoundland", "pom", "heeler", "staff", "cocker", "springer", "cairn",
                       "lhasa", "shiba", "peke", "iggy", "dobie", "berner", "chow", "cavalier",
                       "basset", "gsd", "gsp", "jrt", "ckcs", "sheltie", "newfie", "pittie",
                       "rottie", "doxie", "lurcher", "papillon"})  # fmt: skip
MIXED = "mixed breed"

_ALIAS_TO_BREED = {alias: (usual, mix) for usual, mix, aliases in BREEDS for alias in aliases}
_ALIASES = sorted(_ALIAS_TO_BREED, key=len, reverse=True)
_ONE = "|".join(re.escape(a).replace(r"\ ", "[ -]") for a in _ALIASES)
_MIX_WORD = r"(?:mix|mixed|cross|crossbreed|cross-breed|x)"
BREED = re.compile(
    rf"\b(?P<first>{_ONE})\b(?:(?: ?[/&x+-] ?| and | or | cross | mix )(?P<second>{_ONE})\b)?"
    rf"(?P<mix>[ -]{_MIX_WORD}\b)?"
)
MIXED_BREED = re.compile(
    r"\b(?:mixed[ -]breed|cross[ -]?breed|mutt|mongrel|heinz 57|bitsa|mixed|crossbred)\b"
)
_DOG_BEFORE = re.compile(
    r"(?:\b(?:our|my|a|an|his|her|their|young|old|little|big|yellow|black|chocolate|red|"
    r"rescue|senior|sweet|\w+-old|old)|year old|month old|week old|years old|yo) $"
)
_DOG_AFTER = re.compile(r" (?:puppy|pup|dog|bitch|mix|cross|x|boy|girl|female|male)\b")


def _in_dog_context(text: str, m: re.Match) -> bool:
    return bool(
        _DOG_BEFORE.search(text, max(0, m.start() - 20), m.start())
        or _DOG_AFTER.match(text, m.end())
        or m.group("mix")
        or m.group("second")
    )


def find_breed(text: str) -> tuple[str, int, int] | None:
    """(breed for the case, start, end) of the first breed named in lower-cased `text`."""
    for m in BREED.finditer(text):
        first = " ".join(m.group("first").replace("-", " ").split())
        if first not in _ALIAS_TO_BREED:
            first = m.group("first")
        if first in AMBIGUOUS and not _in_dog_context(text, m):
            continue
        usual, mix_name = _ALIAS_TO_BREED.get(first, (first, first))
        if m.group("second"):
            return " ".join(m.group().split())[:80], m.start(), m.end()
        if m.group("mix"):
            word = m.group("mix").strip(" -")
            word = "mix" if word in {"mix", "mixed"} else "cross"
            return f"{mix_name} {word}", m.start(), m.end()
        return usual, m.start(), m.end()
    m = MIXED_BREED.search(text)
    if m:
        return MIXED, m.start(), m.end()
    return None
