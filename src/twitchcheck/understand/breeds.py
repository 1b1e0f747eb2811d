"""Common breeds and the names owners call them by.

The case gets the breed's usual name ("Yorkie" -> "yorkshire terrier", "yellow Lab" ->
"labrador retriever"), so that whatever reads `dog.breed` meets one spelling per breed;
the owner's own words are kept in the evidence. A mix keeps the owner's shape: "lab mix"
-> "labrador mix", "collie x spaniel" -> "collie x spaniel".
"""

from __future__ import annotations

import re

from .tables import load_tables

_TABLES = load_tables().breeds
# (usual name, name inside a mix, other names owners use)
BREEDS: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (b.name, b.in_a_mix or b.name, (b.name, *b.also)) for b in _TABLES.breeds
)
# Words that are also everyday English: count only next to a dog word ("our 2-year-old
# lab", "a boxer puppy"), never alone ("took her to the lab").
AMBIGUOUS = frozenset(_TABLES.needs_a_dog_word)
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
    mixed = MIXED_BREED.search(text)
    if mixed:
        return MIXED, mixed.start(), mixed.end()
    return None
