"""Where the twitching is and how long one episode lasts.

Both are read only from a clause that talks about the twitching ("her back legs twitch
while she rests"), never from one that does not ("her legs are stiff", "wobbly on his
feet", "limping on his front leg"), so a body part named for another reason is not taken
for the place of the episode.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .cues import NEGATED, Cues
from .quantities import (
    count_value,
    duration_category,
    find_counts,
    find_durations,
    lasts_each_time,
    not_an_episode_duration,
    same_day,
)
from .tables import load_tables, words_pattern

_TABLES = load_tables()
EPISODE_WORD = re.compile(rf"\b(?:{words_pattern(_TABLES.cues.scopes['episode'])})\b")
# With no body part named, these mean the whole dog: "now she's trembling".
_WHOLE_BODY_WORD = re.compile(rf"\b(?:{words_pattern(_TABLES.episode.whole_body_words)})\b")
_GOES_ON = re.compile(
    r" ?(?:first|then|mostly|mainly|especially|only|just|all|even|starting|spreading|from|in"
    r"|on|over|through|along|around|across|down|up|for|lasting|about|maybe|roughly|each|every"
    r"|a few|a couple|a minute|a second|\d|one|two|three|four|five|ten|twenty|thirty"
    r"|half)\b"
)
# "twice", "three times" count episodes only after a word for one ("it happened twice").
_TIMES_OF_AN_EPISODE = re.compile(
    EPISODE_WORD.pattern[:-3] + r"|happen\w*|did (?:it|this)|done (?:it|this)"
    r"|had (?:it|one|them|this)|it's been|there have been)\b"
)
# "another" is a second episode today only after one episode told of earlier in the text
# ("had a fit this morning and now another"); after a condition ("diagnosed with head
# tremors last year; he had another one tonight") it is one more of those, not two today
_ONE_EPISODE_BEFORE = re.compile(
    r"\b(?:a|an|one|the first|his first|her first)"
    r" (?:[\w-]+ ){0,2}?(?:fit|seizure|episode|attack|convulsion|turn|spell)\b"
)
_CLAUSE_END = re.compile(r"[,.;:!?\n()]+| but ")
BOTH_LEGS = "both_legs"

# (area, pattern) tried together, leftmost and then first-listed winning; None claims
# words that look like a body part but are not one here ("on his back", "came back").
_AREAS: tuple[tuple[str | None, str], ...] = tuple(
    (spec.area, words_pattern(spec.phrases)) for spec in _TABLES.episode.areas
)
_AREA = re.compile(
    r"\b(?:" + "|".join(rf"(?P<a{i}>{p})" for i, (_, p) in enumerate(_AREAS)) + r")\b"
)
_SINGLE_MUSCLE = re.compile(rf"\b(?:{words_pattern(_TABLES.episode.single_muscle)})\b")


class Clauses:
    """The text's clauses, and which of them are about the twitching."""

    def __init__(self, text: str, cues: Cues):
        self.text = text
        self._cues = cues
        self.spans: list[tuple[int, int]] = []
        start = 0
        for m in _CLAUSE_END.finditer(text):
            self.spans.append((start, m.start()))
            start = m.end()
        self.spans.append((start, len(text)))
        self._starts = [s for s, _ in self.spans]
        self.about_episode = [self._mentions_episode(s, e) for s, e in self.spans]
        # "she started shaking, first her head and then her whole body", "his legs were
        # jerking, for maybe two minutes": a clause that goes on from one about the
        # twitching (after a comma, starting with one of these words) is about it too.
        for i in range(1, len(self.spans)):
            start, end = self.spans[i]
            if (not self.about_episode[i] and self.about_episode[i - 1]
                    and text[start - 1 : start] == ","
                    and _GOES_ON.match(text, start, end)):  # fmt: skip
                self.about_episode[i] = True

    def _mentions_episode(self, start: int, end: int) -> bool:
        for m in EPISODE_WORD.finditer(self.text, start, end):
            if self._cues.polarity(m.start())[0] != NEGATED:
                return True
        return False

    def index(self, pos: int) -> int:
        return bisect_right(self._starts, pos) - 1

    def opens_clause_after_episode(self, pos: int) -> bool:
        """An amount of time that opens its clause, after a comma, in a sentence that has
        told of the twitching: "she went rigid, legs paddling, didn't respond, maybe 40
        seconds"."""
        i = self.index(pos)
        start = self.spans[i][0]
        if i == 0 or self.text[start - 1 : start] != "," or self.text[start:pos].strip(" "):
            return False
        for j in range(i - 1, -1, -1):
            if self.about_episode[j]:
                return True
            s = self.spans[j][0]
            if s > 0 and self.text[s - 1 : s] in ".!?\n":  # the sentence began here
                return False
        return False


def body_areas(clauses: Clauses) -> list[tuple[str, int, int]]:
    """(area, start, end) for each body area named in a clause about the twitching."""
    text, found = clauses.text, []
    for (start, end), about in zip(clauses.spans, clauses.about_episode, strict=True):
        if not about:
            continue
        named: list[tuple[str, int, int]] = []
        for m in _AREA.finditer(text, start, end):
            assert m.lastgroup is not None  # every alternative of _AREA is a named group
            area = _AREAS[int(m.lastgroup[1:])][0]
            if area == BOTH_LEGS:
                named += [("front_leg", m.start(), m.end()), ("hind_leg", m.start(), m.end())]
            elif area:
                named.append((area, m.start(), m.end()))
        for m in _SINGLE_MUSCLE.finditer(text, start, end):
            named.append(("single_muscle", m.start(), m.end()))
        if not named:
            whole = _WHOLE_BODY_WORD.search(text, start, end)
            if whole:
                named.append(("whole_body", whole.start(), whole.end()))
        found += named
    return found


def durations(clauses: Clauses) -> list[tuple[str, int, int]]:
    """(duration category, start, end) for each stated length of an episode."""
    text, found = clauses.text, []
    for m in find_durations(text):
        if not_an_episode_duration(text, m, EPISODE_WORD):
            continue
        lead = m.group("lead") or m.group("lead_span")
        says_it_lasted = (lead is not None and lead != "for") or lasts_each_time(text, m)
        about = clauses.about_episode[clauses.index(m.start())]
        if not (says_it_lasted or about or clauses.opens_clause_after_episode(m.start())):
            continue
        category = duration_category(m)
        if category:
            found.append((category, m.start(), m.end()))
    return found


def counts(clauses: Clauses, sentences: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(episodes in the last 24 hours, start, end) for each count the text gives: "twice
    today", "three fits since this morning", "a second seizure tonight", "had a fit an
    hour ago". A count needs a word for this same day in its sentence."""
    text = clauses.text
    found: list[tuple[int, int, int]] = []
    if not same_day(text):
        return found
    for m in find_counts(text):
        if clauses._cues.polarity(m.start())[0] != "affirmed":
            continue
        start, end = next((s, e) for s, e in sentences if s <= m.start() <= e)
        if not same_day(text, start, end):
            continue
        if m.group("times") and not _TIMES_OF_AN_EPISODE.search(
            text, max(start, m.start() - 40), m.start()
        ):
            continue  # "she vomited twice today", "yelped once", "once they put him in"
        if (m.group("another") or m.group("another2")) and not _ONE_EPISODE_BEFORE.search(
            text, 0, m.start()
        ):
            continue
        value = count_value(m)
        if value is not None:
            found.append((value, m.start(), m.end()))
    return found
