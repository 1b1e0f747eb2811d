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

AFFIRMED, NEGATED, UNSURE = "affirmed", "negated", "unsure"
MAX_GAP = 4
_LOOKBACK = 90

_BOUNDARY = re.compile(
    r"[.;:!?\n()\"]|\b(?:but|however|though|although|yet|except|and|then|now|so|because"
    r"|while|when|whereas|which|who|after|before|since|until)\b"
    r"|,(?= (?:he|she|it|they|we|i|her|his|its|their|our|my|the|this|that|there|then|now"
    r"|so|but|and|[a-z]+'s)\b)"
)
# Order matters where cues start at the same place: "don't know why" is neutral,
# "don't know" is uncertainty, "don't" alone is negation.
_CUE = re.compile(
    r"(?P<neutral>\b(?:(?:don't|do not|dont|didn't|did not) (?:know|understand|see) (?:why|how)"
    r"|(?:no idea|not sure|unsure) (?:why|how)|not (?:only|just)|no matter"
    r"|never (?:seen|known) (?:him|her|it|them) (?:so|this|like)))"
    r"|(?P<unsure>\b(?:not (?:sure|certain)|unsure|uncertain|(?:don't|do not|dont|didn't|did not)"
    r" know|no idea|can't tell|cannot tell|can't be sure|(?:might|may|could) (?:have|be)"
    r"|possibly|maybe|perhaps|wonder(?:ing)? (?:if|whether)|whether|almost|nearly)\b)"
    r"|(?P<negated>\b(?:no|not|never|without|nor|neither|none|nothing|hardly|barely|cannot"
    r"|dont|doesnt|isnt|wasnt|hasnt|havent|hadnt|didnt|wont|cant|arent|werent|wouldnt"
    r"|couldnt|free of|lack of)\b|\b[a-z]+n't\b)"
)
_WORDS = re.compile(r"[a-z0-9']+")

# "I'm so anxious", "we were confused": the owner, not the dog.
OWNER_SUBJECT = re.compile(
    r"\b(?:i|we)(?:'m|'re| am| are| was| were| feel| felt| got| get| became| have been)?"
    r"(?: (?:so|really|very|a bit|quite|getting|feeling|just|all|a little|pretty|becoming))* $"
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
        if not in_a_list and self.text.rfind(",", cue.end(), start) >= 0:
            return AFFIRMED, start
        if len(_WORDS.findall(self.text, cue.end(), start)) > MAX_GAP:
            return AFFIRMED, start
        return cue.lastgroup, cue.start()


def said_by_owner(text: str, start: int) -> bool:
    return bool(OWNER_SUBJECT.search(text, max(0, start - 40), start))
