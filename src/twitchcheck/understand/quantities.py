"""Numbers as owners write them ("7", "seven", "a couple of", "two and a half"),
and the two quantities built on them: a dog's age and how long one episode lasts."""

from __future__ import annotations

import re
from collections.abc import Iterator

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
    value: float | None
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
_UNIT_NAMES = ("unit1", "unit3", "unit4", "unit5", "unit7")
# People's ages must not become the dog's: "my 5-year-old son".
_PERSON_AFTER = (
    r"(?![- ](?:son|daughter|kid|child|children|boy|girl|grandson|granddaughter|nephew"
    r"|niece|baby|toddler|brother|sister|human|puppies|pups|litter)\b)"
)
# The dog as the subject: "he's 4", "she is about thirteen", "hes 10 weeks".
# The dog as the subject: "he's 4", "she is about thirteen", "Jess is 3", but not "my son
# is 12", "it's 31 degrees", "the time is 5". Written as lookbehinds so that the search
# starts at " is" / "'s", not at every word.
_NOT_THE_DOG = ("it", "this", "that", "there", "what", "which", "time", "weight", "score",
                "count", "number", "rate", "total", "son", "daughter", "kid", "child", "baby",
                "husband", "wife", "brother", "sister", "mum", "mom", "dad", "temperature",
                "temp", "heart", "pulse", "where", "here", "one", "age")  # fmt: skip
_DOG_IS = (
    r"(?=(?:'s| is| was) )(?<=[a-z])"
    + "".join(rf"(?<!\b{w})" for w in _NOT_THE_DOG)
    + r"(?:'s| is| was)"
)
_ABOUT = r"(?:(?:about|around|roughly|nearly|almost|just|only|over|maybe|probably) )?"
# What may follow a bare number that is an age: the end of a clause, or "next month".
_AGE_END = r"(?= ?(?:[,.;:!?)(]|$|\n| (?:now|next|this|and|but|in|on|soon|going|though)\b))"
AGE = re.compile(
    rf"\b(?:(?P<n1>{NUMBER})[- ]?{_UNIT.format('unit1')}[- ]old{_PERSON_AFTER}"
    rf"|(?P<n2>{NUMBER}) ?(?:y/?o|y\.o\.?|yrs? old)\b{_PERSON_AFTER}"
    rf"|(?:aged|age|just turned|turned|turns) (?P<n3>{NUMBER})(?: ?{_UNIT.format('unit3')})?\b"
    r"(?! (?:ago|minutes))"
    rf"|{_DOG_IS} {_ABOUT}(?P<n4>{NUMBER})(?: ?{_UNIT.format('unit4')}(?! ago| after| later))?"
    rf"{_AGE_END}"
    r")"
    # in brackets after a name: "Pip (4)", "Koda (husky, 2)", "Biscuit (cavapoo, 11 wks)"
    rf"|\((?:[a-z' -]+, ?)?(?P<n5>\d{{1,2}}(?:\.\d)?|{_WORD})(?: ?{_UNIT.format('unit5')}"
    r"(?: old)?| ?(?:y/?o|yrs?))?\)"
    # in brackets, the age first: "my old girl (11, cocker spaniel)", "Rex (7, male)"
    rf"|\((?P<n7>\d{{1,2}}(?:\.\d)?)(?: ?{_UNIT.format('unit7')}(?: old)?| ?(?:y/?o|yrs?))?"
    r", ?[a-z][a-z' -]*\)"
    # between commas after a name: "Bruno, 6, German shepherd cross"
    r"|(?<=[a-z], )(?P<n6>\d{1,2}(?:\.\d)?),(?= (?:a|an|the|our|my)? ?[a-z]+)"
)


def age_years(match: re.Match) -> float | None:
    """The age in years, rounded to 2 places and kept within 0..30, of an AGE match."""
    number = next(
        match.group(n) for n in ("n1", "n2", "n3", "n4", "n5", "n6", "n7") if match.group(n)
    )
    value = parse_number(number)
    if value is None or (match.group("n4") and not match.group("unit4") and value > 25):
        return None
    unit = next((match.group(u) for u in _UNIT_NAMES if match.group(u)), "year")
    years = round(value * _AGE_UNIT_YEARS[unit], 2)
    return min(max(years, 0.0), 30.0)


# --- duration of one episode ----------------------------------------------------------

_SECONDS_PER = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600}
_BOUND = r"(?:about|around|roughly|maybe|perhaps|approximately|approx\.?|nearly|almost|just|only"
_BOUND += r"|up to|less than|under|over|more than|at least|at most|a good|a full|well over|like"
_BOUND += r"|the last|the past|a whole|the whole)"
_AMOUNT = (
    rf"(?:(?P<n1>{NUMBER})(?:(?: ?(?:to|-|or|–) ?)(?P<n2>{NUMBER}))?[ -]?"
    r"(?:(?:straight|solid|whole|full|long|good) )?"  # "two straight hours"
    rf"(?P<unit>second|sec|minute|min|hour|hr)s?\b(?P<half> and a half)?(?: or (?:so|two|more))?"
    rf"|(?P<split>a split second|a moment|a second or two|an instant|half a minute))"
)
# "for about two minutes", "lasting 20 seconds", "been going about 3 mins", and (lead
# "bare") an amount of time with no lead word: "twitched 20 seconds", "a few seconds at a
# time", "forty seconds of shaking"; bare ones are checked more strictly (episode.py).
DURATION = re.compile(
    rf"\b(?:(?P<lead>for|lasting|lasts|lasted|last|takes|took|lasting for"
    rf"|(?:been )?going(?: on)?(?: for)?|(?:goes|went|go) on(?: for)?)"
    rf"(?: (?P<bound>{_BOUND}))?(?: (?:{_BOUND}))? {_AMOUNT}"
    # "for the past hour", "for the whole afternoon"
    r"|(?P<lead_span>for|lasted|(?:been )?going(?: on)?(?: for)?)"
    r" (?:the|this) (?:last|past|whole|entire) (?P<span>hour|morning|afternoon|evening)\b"
    rf"|(?P<bare>(?:(?P<bound2>{_BOUND}) )?{_AMOUNT.replace('?P<', '?P<b_')}))"
)
# What follows a number of minutes that makes it something other than how long it lasted.
_NOT_AN_EPISODE_AFTER = re.compile(
    r" (?:ago|after(?! *[,.;:!?)]| *$)|later|before|of|earlier|beforehand|away|walk"
    r"|drive|run|ride|hike|late|early|old)\b"
)
# ... unless the episode is said to end then: "it settled in about twenty minutes", "after
# a minute or two the seizure passed".
_ENDED_IN = re.compile(
    r"\b(?:settled|stopped|passed|ended|eased|calmed|subsided|finished|wore off"
    r"|stops|settles|passes|ends|eases|calms)(?: down| off)? $"
)
_ENDED_AFTER = re.compile(
    r" (?:the |his |her |it |this )?(?:\w+ )?(?:passed|stopped|ended|subsided|eased|settled"
    r"|finished|wore off)\b"
)
# A bare amount of time that is something else: "within ten minutes", "after an hour".
_NOT_AN_EPISODE_BEFORE = re.compile(
    r"\b(?:after|within|in|every|than|by|until|till|about how"
    r"|ago|since|at|of|past|per|once|twice|before) $"
)
# "walked for an hour", "slept for ten minutes": how long something else lasted.
_ANOTHER_ACTIVITY = re.compile(
    r"\b(?:walk|walked|ran|run|played|hiked|swam|exercised|trained|drove|sat|slept|napped"
    r"|waited|rested|worked|fetched|drive|walk|run|hike|swim)"
    r"(?: \w+)? $"
)
# ... and what makes a bare amount of time the length of one episode wherever it stands.
_NEXT_WORDS = re.compile(r"(?: [a-z']+){1,4}")
_EACH_TIME = re.compile(r" (?:at a time|each time|each|every time|here and there|at most)\b")


def duration_category(match: re.Match) -> str | None:
    """seconds / under_5_minutes / over_5_minutes for a DURATION match, None when vague."""
    if match.group("span"):
        return "over_5_minutes"
    p = "b_" if match.group("bare") else ""
    if match.group(p + "split"):
        return "seconds"
    unit_seconds = _SECONDS_PER[match.group(p + "unit")]
    low = parse_number(match.group(p + "n1"))
    high = parse_number(match.group(p + "n2")) if match.group(p + "n2") else low
    if high is None:
        high = low
    if high is not None and match.group(p + "half"):
        high += 0.5
    bound = match.group("bound2" if p else "bound") or ""
    if high is None:  # "several minutes"
        if unit_seconds == 1:
            return "seconds"
        return "over_5_minutes" if unit_seconds == 3600 else None
    seconds = high * unit_seconds
    if bound in {"less than", "under", "at most", "up to"}:
        if seconds <= 60:
            return "seconds"
        # "less than ten minutes" says nothing about whether it passed five
        return "under_5_minutes" if seconds <= 300 else None
    if bound in {"over", "more than", "at least", "well over"} and seconds >= 300:
        return "over_5_minutes"
    if seconds < 60:
        return "seconds"
    return "under_5_minutes" if seconds <= 300 else "over_5_minutes"


def not_an_episode_duration(text: str, match: re.Match, episode_word: re.Pattern) -> bool:
    """True for "ten minutes ago", "twenty minutes after ...", "within an hour" and the like.
    "forty seconds of shaking" is one ("of" and a word for the twitching)."""
    if _ANOTHER_ACTIVITY.search(text, max(0, match.start() - 20), match.start()):
        return True
    if match.group("bare"):
        before = _NOT_AN_EPISODE_BEFORE.search(text, max(0, match.start() - 12), match.start())
        if before and not (
            _ENDED_IN.search(text, max(0, before.start() - 20), before.start())
            or _ENDED_AFTER.match(text, match.end())
        ):
            return True
        if match.group("b_n1") in ("a", "an") and match.group("b_unit") in ("second", "sec"):
            return not _EACH_TIME.match(text, match.end())  # "a second seizure"
    after = _NOT_AN_EPISODE_AFTER.match(text, match.end())
    if after and after.group().strip() == "of":
        following = _NEXT_WORDS.match(text, after.end())
        return not (following and episode_word.search(following.group()))
    return bool(after)


def lasts_each_time(text: str, match: re.Match) -> bool:
    """A bare amount of time said to be each episode's length: "a few seconds at a time"."""
    return bool(_EACH_TIME.match(text, match.end()))


DURATION_RANK = {"seconds": 0, "under_5_minutes": 1, "over_5_minutes": 2, "constant": 3}


# A cheap search that spares the costlier one: a duration ends at a time unit, so the
# full pattern runs only in windows around them.
HAS_TIME_UNIT = re.compile(r"\b(?:sec|min|hour|hr|moment|instant|morning|afternoon|evening)")


def windows(anchor: re.Pattern[str], text: str, before: int, after: int) -> list[list[int]]:
    """(start, end) spans of text around each match of anchor, overlapping ones merged."""
    spans: list[list[int]] = []
    for m in anchor.finditer(text):
        start, end = max(0, m.start() - before), min(len(text), m.end() + after)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return spans


def find_durations(text: str) -> Iterator[re.Match[str]]:
    """DURATION matches, searched only near time units (the same matches, faster)."""
    last = 0
    for start, end in windows(HAS_TIME_UNIT, text, 70, 40):
        for m in DURATION.finditer(text, max(start, last), end):
            last = m.end()
            yield m


# --- episodes in the last 24 hours -------------------------------------------------------

_EPISODE_NOUN = r"(?:seizures?|fits?|episodes?|attacks?|convulsions?|turns?|spells?|ones?|of them)"
_ORDINALS = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
             "5th": 5, "another": 2}  # fmt: skip
COUNT = re.compile(
    rf"\b(?:(?P<times>once|twice|(?:{NUMBER}) times)"
    rf"|(?:had|has had|'s had|having|have had|there have been|there were) (?:(?:about|maybe"
    rf"|already|at least) )?(?P<n>{NUMBER}) (?:(?:more|short|long|big|small|bad|little) )?"
    rf"(?:{_EPISODE_NOUN}|already|so far|today|since)"
    rf"|(?P<nn>{NUMBER}) (?:(?:more|short|long|big|small|bad|little|separate) )?{_EPISODE_NOUN}"
    rf" (?:today|tonight|since|this|in the (?:last|past)|in (?:\w+ )?hours|already|so far)"
    rf"|(?:a|the|his|her|its) (?P<ord>second|third|fourth|fifth|2nd|3rd|4th|5th)"
    rf" (?:(?:\w+ ){{0,2}}?){_EPISODE_NOUN}"
    rf"|(?P<ord2>second|third|fourth|fifth|2nd|3rd|4th|5th)(?: one)?"
    r"(?= (?:today|tonight|this (?:morning|afternoon|evening)|since|in 24 hours))"
    rf"|(?P<another>another) (?:(?:\w+ ){{0,2}}?){_EPISODE_NOUN}"
    r"(?= (?:today|tonight|this|since|now|just))"
    # the fit left unsaid: "now he's just had another", "another at lunch", "and then
    # another an hour later", "another exactly the same"
    r"|(?:(?<=had )|(?<=and )|(?<=then )|(?<=, )|(?<=having ))(?P<another2>another)"
    r"(?=[.,;!?]|$| (?:one|today|tonight|this|now|just|exactly|straight|at|an? (?:hour|minute)"
    r"|\w+ (?:hours?|minutes?|mins?) (?:later|after)|later|soon after|right after|after that))"
    rf"|(?:had|has had|'s had|having|'s having|is having|was having|had had) (?P<one>a|an|one)"
    rf" (?!(?:second|third|fourth|fifth|2nd|3rd|4th|5th|other)\b)"
    rf"(?:(?:\w+ ){{0,2}}?)(?:seizure|fit|episode|attack|convulsion)\b)"
)
_SAME_DAY = re.compile(
    r"\b(?:today|tonight|this (?:morning|afternoon|evening)|last night|earlier|just now"
    r"|(?:an|one|two|three|four|five|\d+|a few|a couple of|couple of) (?:hours?|minutes?|mins?)"
    r" ago|since (?:this morning|last night|yesterday|\d)|in (?:the (?:last|past) )?(?:24"
    r"|twenty-four) hours|in (?:a|one) day|at \d{1,2}(?::\d\d)? ?(?:am|pm)|right now|currently"
    r"|(?:straight|right|soon|just) after(?:wards)?)\b"
)


# Every count names episodes or times, or a number of them today: search only near those.
_COUNT_ANCHOR = re.compile(
    r"\b(?:once|twice|times|already|so far|seizures?|fits?|episodes?|attacks?|convulsions?"
    r"|turns?|spells?|ones?|of them|today|tonight|another)\b"
)


def find_counts(text: str) -> Iterator[re.Match[str]]:
    """COUNT matches, searched only near the words every count has (the same matches)."""
    last = 0
    for start, end in windows(_COUNT_ANCHOR, text, 50, 50):
        for m in COUNT.finditer(text, max(start, last), end):
            last = m.end()
            yield m


def same_day(text: str, start: int = 0, end: int | None = None) -> bool:
    return bool(_SAME_DAY.search(text, start, len(text) if end is None else end))


def count_value(match: re.Match) -> int | None:
    """The number of episodes a COUNT match says, 1..100, or None."""
    if match.group("times"):
        word = match.group("times")
        value = {"once": 1, "twice": 2}.get(word) or parse_number(word[: -len(" times")])
    elif match.group("n") or match.group("nn"):
        value = parse_number(match.group("n") or match.group("nn"))
    elif match.group("another2"):
        value = 2
    elif match.group("ord") or match.group("ord2") or match.group("another"):
        value = _ORDINALS[match.group("ord") or match.group("ord2") or match.group("another")]
    else:
        value = 1
    if value is None or value != int(value) or not 1 <= value <= 100:
        return None
    return int(value)
