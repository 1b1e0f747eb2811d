"""Numbers as owners write them ("7", "seven", "a couple of", "two and a half"),
and the two quantities built on them: a dog's age and how long one episode lasts."""

from __future__ import annotations

import re

WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "ninety": 90, "couple": 2, "a couple": 2, "a couple of": 2,
    "couple of": 2, "a few": 3, "few": 3, "half a": 0.5, "half an": 0.5,
}  # fmt: skip
# "several" has no value: several seconds is still seconds, several minutes could be 3 or 8.
VAGUE = {"several", "some", "many"}

_WORD = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
# One number: digits, a number word, and an optional "and a half" / ".5".
NUMBER = rf"(?:\d+(?:\.\d+)?|{_WORD}|several|some)(?: and a half)?"


def parse_number(phrase: str) -> float | None:
    """The value of a NUMBER match; None for a vague one ("several")."""
    phrase = " ".join(phrase.split())
    half = phrase.endswith(" and a half")
    if half:
        phrase = phrase[: -len(" and a half")]
    if phrase in VAGUE:
        return None
    try:
        value = float(phrase)
    except ValueError:
        value = WORD_NUMBERS.get(phrase)
        if value is None:
            return None
    return value + 0.5 if half else value


# --- age -------------------------------------------------------------------------------

_AGE_UNIT_YEARS = {"year": 1.0, "yr": 1.0, "month": 1 / 12, "mo": 1 / 12, "week": 1 / 52,
                   "wk": 1 / 52, "day": 1 / 365}  # fmt: skip
_UNIT = r"(?P<{}>year|yr|month|mo|week|wk|day)s?"
# People's ages must not become the dog's: "my 5-year-old son".
_PERSON_AFTER = (
    r"(?![- ](?:son|daughter|kid|child|children|boy|girl|grandson|granddaughter|nephew"
    r"|niece|baby|toddler|brother|sister|human|puppies|pups|litter)\b)"
)
AGE = re.compile(
    rf"\b(?:(?P<n1>{NUMBER})[- ]?{_UNIT.format('unit1')}[- ]old{_PERSON_AFTER}"
    rf"|(?P<n2>{NUMBER}) ?(?:y/?o|y\.o\.?|yrs? old)\b{_PERSON_AFTER}"
    rf"|(?:aged|age|just turned|turned) (?P<n3>{NUMBER})(?: ?{_UNIT.format('unit3')})?\b"
    r"(?! (?:ago|minutes))"
    r")"
)


def age_years(match: re.Match) -> float | None:
    """The age in years, rounded to 2 places and kept within 0..30, of an AGE match."""
    number = match.group("n1") or match.group("n2") or match.group("n3")
    value = parse_number(number)
    if value is None:
        return None
    unit = match.group("unit1") or match.group("unit3") or "year"
    years = round(value * _AGE_UNIT_YEARS[unit], 2)
    return min(max(years, 0.0), 30.0)


# --- duration of one episode ----------------------------------------------------------

_SECONDS_PER = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600}
_BOUND = r"(?:about|around|roughly|maybe|perhaps|approximately|approx\.?|nearly|almost|just|only"
_BOUND += r"|up to|less than|under|over|more than|at least|at most|a good|a full|well over)"
DURATION = re.compile(
    rf"\b(?P<lead>for|lasting|lasts|lasted|last|takes|took|lasting for)"
    rf"(?: (?P<bound>{_BOUND}))?(?: (?:{_BOUND}))?"
    rf" (?:(?P<n1>{NUMBER})(?:(?: ?(?:to|-|or|–) ?)(?P<n2>{NUMBER}))?[ -]?"
    rf"(?P<unit>second|sec|minute|min|hour|hr)s?\b(?: or (?:so|two|more))?"
    rf"|(?P<split>a split second|a moment|a second or two|an instant|half a minute)"
    r")"
)
# What follows a number of minutes that makes it something other than how long it lasted.
_NOT_AN_EPISODE_AFTER = re.compile(r" (?:ago|after|later|before|of|earlier|beforehand)\b")


def duration_category(match: re.Match) -> str | None:
    """seconds / under_5_minutes / over_5_minutes for a DURATION match, None when vague."""
    if match.group("split"):
        return "seconds"
    unit_seconds = _SECONDS_PER[match.group("unit")]
    low = parse_number(match.group("n1"))
    high = parse_number(match.group("n2")) if match.group("n2") else low
    if high is None:
        high = low
    bound = match.group("bound") or ""
    if high is None:  # "several minutes"
        if unit_seconds == 1:
            return "seconds"
        return "over_5_minutes" if unit_seconds == 3600 else None
    seconds = high * unit_seconds
    if bound in {"less than", "under", "at most", "up to"} and seconds <= 60:
        return "seconds"
    if bound in {"over", "more than", "at least", "well over"} and seconds >= 300:
        return "over_5_minutes"
    if seconds < 60:
        return "seconds"
    return "under_5_minutes" if seconds <= 300 else "over_5_minutes"


def not_an_episode_duration(text: str, match: re.Match) -> bool:
    """True for "ten minutes ago", "twenty minutes after ..." and the like."""
    return bool(_NOT_AN_EPISODE_AFTER.match(text, match.end()))


DURATION_RANK = {"seconds": 0, "under_5_minutes": 1, "over_5_minutes": 2, "constant": 3}
