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
from .quantities import DURATION, duration_category, not_an_episode_duration

EPISODE_WORD = re.compile(
    r"\b(?:twitch\w*|jerk\w*|spasm\w*|tremor\w*|trembl\w+|shak(?:e|es|ing|y)|shook|shiver\w*"
    r"|quiver\w*|flicker\w*|flutter\w*|tics?|bob(?:s|bing|bed)?|convuls\w*"
    r"|seiz(?:ure|ures|ing|ed)|fits?|episodes?|paddl\w*|cramp\w*|stiffen\w*|jump(?:s|ing)?"
    r"|ripple\w*|nodding|chomp\w*|chewing (?:movements?|motions?)"
    r"|(?:go|goes|went|gone|going|gets|got) (?:stiff|rigid))\b"
)
# With no body part named, these mean the whole dog: "now she's trembling".
_WHOLE_BODY_WORD = re.compile(r"\b(?:trembl\w+|shak(?:e|es|ing|y)|shook|shiver\w*|quiver\w*"
                              r"|convuls\w*)\b")  # fmt: skip
_CLAUSE_END = re.compile(r"[,.;:!?\n()]+| but ")
BOTH_LEGS = "both_legs"

# (area, pattern) tried together, leftmost and then first-listed winning; None claims
# words that look like a body part but are not one here ("on his back", "came back").
_AREAS: tuple[tuple[str | None, str], ...] = (
    (None, r"on (?:his|her|its) back"),
    (None, r"back (?:to|and forth|home|then|in|up|from|again|into|out)\b"),
    ("whole_body", r"paddl\w* (?:(?:his|her|its|the|their|all (?:four|4)|both|with (?:his|her|its))"
                   r" )*(?:legs|paws|feet)|(?:legs|paws|feet) (?:paddling|paddled|paddle)"),
    ("hind_leg", r"(?:back|hind|rear) ?(?:legs?|limbs?|end|quarters|paws?|feet|foot|thighs?|knees?)"
                 r"|hindquarters|hindlegs?|thighs?|hips?|hamstrings?|haunch\w*|stifles?"),
    ("front_leg", r"(?:front|fore) ?(?:legs?|limbs?|paws?|feet|foot)|forelegs?|forelimbs?"
                  r"|shoulders?|elbows?|wrists?|forearms?"),
    (BOTH_LEGS, r"(?:all (?:four|4) |both )?(?:legs|paws|feet|leg muscles|limbs)"),
    ("back", r"(?:(?<=his )|(?<=her )|(?<=its )|(?<=the )|(?<=their )|(?<=lower )|(?<=upper ))"
             r"back\b|spine|spinal"),
    ("face_head", r"face|facial|head|jaw|chin|muzzle|snout|ears?|eyelids?|eyes?|eyebrows?|lips?"
                  r"|cheeks?|whiskers?|nose|temples?"),
    ("whole_body", r"all over|(?:whole|entire) (?:body|dog)|from head to (?:toe|tail)|everywhere"
                   r"|(?:his|her|its) (?:muscles|body)|convuls\w*|paddl\w*"),
)  # fmt: skip
_AREA = re.compile("|".join(rf"(?P<a{i}>\b(?:{p})\b)" for i, (_, p) in enumerate(_AREAS)))
_SINGLE_MUSCLE = re.compile(
    r"\b(?:(?:one|a single|a|the|single|one small|a small|that) muscle"
    r"|(?:shoulder|thigh|leg|neck|back|flank|calf|chest|cheek|jaw) muscle)\b(?!s)"
    r"|\b(?:one|a single|a small) (?:spot|patch)\b"
)


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

    def _mentions_episode(self, start: int, end: int) -> bool:
        for m in EPISODE_WORD.finditer(self.text, start, end):
            if self._cues.polarity(m.start())[0] != NEGATED:
                return True
        return False

    def index(self, pos: int) -> int:
        return bisect_right(self._starts, pos) - 1


def body_areas(clauses: Clauses) -> list[tuple[str, int, int]]:
    """(area, start, end) for each body area named in a clause about the twitching."""
    text, found = clauses.text, []
    for (start, end), about in zip(clauses.spans, clauses.about_episode, strict=True):
        if not about:
            continue
        named = []
        for m in _AREA.finditer(text, start, end):
            area = _AREAS[int(m.lastgroup[1:])][0]
            if area == BOTH_LEGS:
                named += [("front_leg", m.start(), m.end()), ("hind_leg", m.start(), m.end())]
            elif area:
                named.append((area, m.start(), m.end()))
        for m in _SINGLE_MUSCLE.finditer(text, start, end):
            named.append(("single_muscle", m.start(), m.end()))
        if not named:
            m = _WHOLE_BODY_WORD.search(text, start, end)
            if m:
                named.append(("whole_body", m.start(), m.end()))
        found += named
    return found


def durations(clauses: Clauses) -> list[tuple[str, int, int]]:
    """(duration category, start, end) for each stated length of an episode."""
    text, found = clauses.text, []
    for m in DURATION.finditer(text):
        if not_an_episode_duration(text, m):
            continue
        says_it_lasted = m.group("lead") != "for" or text.startswith(" at a time", m.end())
        if not says_it_lasted and not clauses.about_episode[clauses.index(m.start())]:
            continue
        category = duration_category(m)
        if category:
            found.append((category, m.start(), m.end()))
    return found
