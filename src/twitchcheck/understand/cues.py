"""Is a phrase said, denied, or hedged? Negation and uncertainty with a scope.

A cue ("no", "isn't", "never", "not sure if", "might have") acts on a phrase that follows
it within the same clause and at most ``MAX_GAP`` words later: "she isn't scratching",
"no sign of vomiting", "hasn't had any vaccines". A clause ends at punctuation, at words
that start a new statement ("but", "and", "then", "when", ...), and at a comma followed by
a new subject ("no swelling anywhere, her breathing is fine"); so "isn't vomiting,
coughing or limping" denies all three, while "not limping and eating well" denies one.
Only signs are read as items of a denied list; for anything else a comma ends the reach.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .tables import load_tables, words_pattern

AFFIRMED, NEGATED, UNSURE = "affirmed", "negated", "unsure"
HYPOTHETICAL, COMPARED = "hypothetical", "compared"
_CUES = load_tables().cues
MAX_GAP = _CUES.max_gap
_LOOKBACK = _CUES.lookback

_BOUNDARY = re.compile(
    rf"[{re.escape(_CUES.boundary_characters.replace(chr(92) + 'n', chr(10)))}]"
    rf"|\b(?:{words_pattern(_CUES.boundary_words)})\b"
    rf"|,(?= (?:{words_pattern(_CUES.new_subject)}|[a-z]+'s)\b)"
)
# Order matters where cues start at the same place: "don't know why" is neutral,
# "don't know" is uncertainty, "don't" alone is negation.
# (One word edge around the whole alternation: checked once per position, not per kind.)
_CUE = re.compile(
    rf"\b(?:(?P<neutral>{words_pattern(_CUES.neutral)})"
    rf"|(?P<unsure>{words_pattern(_CUES.hedged)})"
    rf"|(?P<hypothetical>{words_pattern(_CUES.hypothetical) or '(?!)'})"
    rf"|(?P<compared>{words_pattern(_CUES.compared) or '(?!)'})"
    rf"|(?P<negated>{words_pattern(_CUES.denied)}))\b"
)
_WORDS = re.compile(r"[a-z0-9']+")
# Words that end a cue's reach before the phrase: "wasn't immune to the summer heat",
# "didn't stop shaking"; and words that end a denied list: "no seizures, just shivering".
_ENDS_NEGATION = re.compile(rf"\b(?:{words_pattern(_CUES.ends_negation) or '(?!)'})\b")
_ENDS_A_LIST = re.compile(rf"\b(?:{words_pattern(_CUES.ends_a_list) or '(?!)'})\b")
_LIST_ITEM_WORDS = 4

# "I'm so anxious", "we were confused": the owner, not the dog.
OWNER_SUBJECT = re.compile(
    rf"\b{_CUES.owner_subject}(?: (?:{words_pattern(_CUES.owner_fillers)}))* $"
)


class Cues:
    """The cues and clause boundaries of one text, found once, asked about many times."""

    def __init__(self, text: str):
        self.text = text
        self._boundary_ends = [m.end() for m in _BOUNDARY.finditer(text)]
        self._cues = list(_CUE.finditer(text))
        self._cue_starts = [m.start() for m in self._cues]

    def polarity(self, start: int, in_a_list: bool = False) -> tuple[str, int]:
        """How the phrase at `start` is said, and where its cue starts (or `start`).

        `in_a_list`: the phrase may be one item of a denied list ("no vomiting, coughing
        or limping"); otherwise a comma ends the cue's reach ("not limping, eating well").
        A list's items are short, and a word such as "just" ends it ("no seizures, no
        collapse, just shivering").
        """
        i = bisect_right(self._cue_starts, start) - 1
        while i >= 0 and self._cues[i].end() > start:  # a cue inside the phrase itself
            i -= 1
        if i < 0:
            return AFFIRMED, start
        cue = self._cues[i]
        if cue.start() < start - _LOOKBACK or cue.lastgroup == "neutral":
            return AFFIRMED, start
        b = bisect_right(self._boundary_ends, start) - 1
        if b >= 0 and self._boundary_ends[b] > cue.start():
            return AFFIRMED, start
        between = self.text[cue.end() : start]
        if "," in between:
            if not in_a_list or _ENDS_A_LIST.search(between):
                return AFFIRMED, start
            items = between.split(",")
            if any(len(_WORDS.findall(item)) > _LIST_ITEM_WORDS for item in items[1:]):
                return AFFIRMED, start
            between = items[0]  # the gap that counts: from the cue to its first item
        if len(_WORDS.findall(between)) > MAX_GAP:
            return AFFIRMED, start
        if _ENDS_NEGATION.search(between):
            return AFFIRMED, start
        assert cue.lastgroup is not None  # every alternative of _CUE is a named group
        return cue.lastgroup, cue.start()


def said_by_owner(text: str, start: int) -> bool:
    return bool(OWNER_SUBJECT.search(text, max(0, start - 40), start))
