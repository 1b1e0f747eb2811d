"""The dog itself: age, breed and sex."""

from __future__ import annotations

import re

from .quantities import AGE, age_years

Found = tuple[object, int, int]  # (value, start, end) in the matched text

_SEX_WORDS = re.compile(
    r"\b(?:(?P<female>bitch|female|spayed|(?:our|my|good|little|old|sweet|her) girl|she-dog|"
    r"girl dog|in (?:season|heat)|on heat)|(?P<male>(?:neutered |intact |entire )?male|stud|"
    r"(?:our|my|good|little|old|sweet) boy|boy dog|castrated))\b"
)
_PRONOUNS = re.compile(
    r"\b(?:(?P<female>she|her|hers|herself|she's|she'd|she'll)"
    r"|(?P<male>he|him|his|himself|he's|he'd|he'll))\b"
)
# Another person in the text may own some of the pronouns.
_MEN = re.compile(
    r"\b(?:husband|son|boyfriend|dad|father|brother|grandpa|grandad|granddad|uncle|man|guy"
    r"|gentleman|mr|fiance|stepson|nephew)\b"
)
_WOMEN = re.compile(
    r"\b(?:wife|daughter|girlfriend|mum|mom|mother|sister|grandma|gran|granny|aunt|woman|lady"
    r"|mrs|ms|fiancee|stepdaughter|niece)\b"
)
_OTHERS = re.compile(
    r"\b(?:vet|veterinarian|doctor|neighbou?r|friend|partner|trainer|groomer|walker|sitter"
    r"|breeder|kid|child|someone|somebody|boss|owner|nurse|roommate|flatmate)\b"
)
_PERSON_BY_SEX = {"female": _WOMEN, "male": _MEN}
_FEMALE_FACTS = re.compile(r"\b(?:pregnan\w+|whelp\w*|had (?:\w+ )?puppies|in pup|nursing)\b")


# an age the dog was once, not the age it is: "when he was 7 months old", "we got her at 2"
_PAST_AGE_BEFORE = re.compile(
    r"(?:\b(?:when|since|until|till) (?:he|she|it|they) (?:was|were)"
    r"|\b(?:adopted|rescued|got|bought|brought|took) (?:him|her|it|them)(?: home)?"
    r" at(?: the age of)?)"
    r"(?: (?:about|around|only|just|roughly))? $"
)


def find_age(text: str) -> Found | None:
    for m in AGE.finditer(text):
        years = age_years(m)
        if years is not None and not _PAST_AGE_BEFORE.search(
            text[max(0, m.start() - 50) : m.start()]
        ):
            return years, m.start(), m.end()
    return None


def _group(m: re.Match[str]) -> str:
    """The sex a match of _SEX_WORDS or _PRONOUNS names: every alternative is a named group."""
    assert m.lastgroup is not None
    return m.lastgroup


def find_sex(text: str) -> Found | None:
    """female / male when the text says so unambiguously, else None.

    A word for the sex decides when the text has only one kind ("bitch", "neutered male").
    Otherwise pronouns decide when only one kind is used and no person of that sex is
    named; when someone else is named (the vet, a neighbour), two pronouns are needed.
    """
    words: dict[str, re.Match[str]] = {}
    for m in _SEX_WORDS.finditer(text):
        words.setdefault(_group(m), m)
    if len(words) == 1:
        ((sex, m),) = words.items()
        return sex, m.start(), m.end()
    if words:
        return None
    pronouns: dict[str, list[re.Match[str]]] = {}
    for m in _PRONOUNS.finditer(text):
        pronouns.setdefault(_group(m), []).append(m)
    if len(pronouns) != 1:
        fact = _FEMALE_FACTS.search(text)
        if fact and not pronouns:
            return "female", fact.start(), fact.end()
        return None
    ((sex, found),) = pronouns.items()
    if _PERSON_BY_SEX[sex].search(text):
        return None
    if len(found) < 2 and _OTHERS.search(text):
        return None
    first = found[0]
    return sex, first.start(), first.end()
