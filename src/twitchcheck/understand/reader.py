"""understand(): an owner's words in, a contract case and its evidence out."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, NamedTuple

from twitchcheck.case import Case, Dog, Episode, History
from twitchcheck.errors import InputError

from .breeds import find_breed
from .cues import AFFIRMED, COMPARED, HYPOTHETICAL, NEGATED, UNSURE, Cues, said_by_owner
from .dog import find_age, find_sex
from .episode import Clauses, body_areas, counts, durations
from .prefilter import PhraseIndex
from .tables import ABSENT, SEEN, load_tables, words_pattern
from .text import MAX_CHARS, Prepared, prepare

Evidence = dict[str, str]

_TABLES = load_tables()
RULES, PREFERENCE = _TABLES.rules, _TABLES.preference
_SCOPE_WORD = {
    name: re.compile(rf"\b(?:{words_pattern(words)})\b")
    for name, words in _TABLES.cues.scopes.items()
}


class Finding(NamedTuple):
    target: str
    value: object
    start: int
    end: int


_INDEX = PhraseIndex([r.target for r in RULES], [r.pattern for r in RULES])
_LANGUAGES = _TABLES.languages
_WORD = re.compile(r"[^\W\d_]+")
# word -> the languages it is an everyday word of (0: English, 1...: the others)
_LANGUAGE_OF: dict[str, list[int]] = {w: [0] for w in _LANGUAGES.english}
for _i, _words in enumerate(_LANGUAGES.others.values(), 1):
    for _w in _words:
        _LANGUAGE_OF.setdefault(_w, []).append(_i)


def in_another_language(text: str) -> bool:
    """True when the text's everyday words are mostly another language's ("Mein Hund...");
    its first 400 characters tell."""
    counts = [0] * (len(_LANGUAGES.others) + 1)
    for word in _WORD.findall(text[:400].lower()):
        for language in _LANGUAGE_OF.get(word, ()):
            counts[language] += 1
    english = counts[0]
    return any(n >= _LANGUAGES.at_least and n > english for n in counts[1:])


_YES_NO_FIELDS = {path for path, values in PREFERENCE.items() if True in values}


class _Sentences:
    """Which sentences mention the twitching, or exercise (for a Rule's scope)."""

    def __init__(self, prepared: Prepared):
        self.text = prepared.text
        self.spans = prepared.sentences()
        self._starts = [s for s, _ in self.spans]
        self._cache: dict[tuple[str, int], bool] = {}

    def in_scope(self, scope: str, pos: int) -> bool:
        if scope == "any":
            return True
        i = bisect_right(self._starts, pos) - 1
        key = (scope, i)
        if key not in self._cache:
            start, end = self.spans[i]
            self._cache[key] = bool(_SCOPE_WORD[scope].search(self.text, start, end))
        return self._cache[key]


def _phrase_findings(text: str, sentences: _Sentences, cues: Cues) -> list[Finding]:
    matches = [
        (RULES[i], m)
        for i, m in _INDEX.search(text)
        if sentences.in_scope(RULES[i].scope, m.start())
        and not (RULES[i].owner_guard and said_by_owner(text, m.start()))
    ]
    said = [cues.polarity(m.start(), in_a_list=rule.affirmed == SEEN) for rule, m in matches]
    # A cue that is part of a phrase said as a fact ("not eating" is off its food) is used
    # up there: it does not deny the next item ("not eating, runny eyes" has runny eyes).
    used_up = [
        (m.start(), m.end())
        for (_, m), (how, _) in zip(matches, said, strict=True)
        if how == AFFIRMED
    ]
    found = []
    for (rule, m), (how, cue_start) in zip(matches, said, strict=True):
        if how != AFFIRMED and any(s <= cue_start < e <= m.start() for s, e in used_up):
            how, cue_start = AFFIRMED, m.start()
        value = {AFFIRMED: rule.affirmed, NEGATED: rule.negated, UNSURE: rule.unsure,
                 HYPOTHETICAL: rule.unsure, COMPARED: rule.compared}[how]  # fmt: skip
        if value is not None:
            found.append(Finding(rule.target, value, cue_start, m.end()))
    return found


def _episode_findings(text: str, cues: Cues, sentences: _Sentences) -> list[Finding]:
    clauses = Clauses(text, cues)
    found = [Finding(f"episode.body_area.{a}", True, s, e) for a, s, e in body_areas(clauses)]
    found += [Finding("episode.duration", d, s, e) for d, s, e in durations(clauses)]
    for n, s, e in counts(clauses, sentences.spans):
        found.append(Finding("episode.count_24h", n, s, e))
        if n >= 2:  # two or more in a day: happening more often than it did
            found.append(Finding("episode.pattern", "more_often_lately", s, e))
    return found


def _dog_findings(text: str) -> list[Finding]:
    found = []
    for path, finder in (("dog.age_years", find_age), ("dog.breed", find_breed),
                         ("dog.sex", find_sex)):  # fmt: skip
        hit = finder(text)
        if hit is not None:
            found.append(Finding(path, *hit))
    return found


def _choose(values: list[Any], path: str) -> Any:
    """The value kept when a text says several: the best-ranked, then the first said."""
    if path == "episode.count_24h":
        return max(values)  # "a fit this morning ... now a second one": two
    ranks = PREFERENCE.get(path)
    if ranks is None:
        return values[0]
    return min(values, key=lambda v: ranks.get(v, len(ranks)))  # min keeps the first of equals


def _assemble(findings: list[Finding], prepared: Prepared) -> tuple[Case, Evidence]:
    by_target: dict[str, list[Finding]] = {}
    for f in sorted(findings, key=lambda f: f.start):
        by_target.setdefault(f.target, []).append(f)
    sections: dict[str, dict] = {"dog": {}, "episode": {}, "history": {}}
    evidence: Evidence = {}
    # ids and paths as the tables name them: the contract checks them when the case is built
    signs: list[str] = []
    signs_absent: list[str] = []
    unknown: list[str] = []
    areas: list[str] = []

    for target, found in by_target.items():
        section, _, name = target.partition(".")
        if section == "signs":
            seen = [f for f in found if f.value == SEEN]
            kept = seen or [f for f in found if f.value == ABSENT]
            (signs if seen else signs_absent).append(name)
            key = f"signs.{name}" if seen else f"signs_absent.{name}"
            evidence[key] = prepared.evidence(kept[0].start, kept[0].end)
            continue
        if name.startswith("body_area."):
            areas.append(name.partition(".")[2])
            evidence[target] = prepared.evidence(found[0].start, found[0].end)
            continue
        value = _choose([f.value for f in found], target)
        first = next(f for f in found if f.value == value)
        evidence[target] = prepared.evidence(first.start, first.end)
        if value == "unknown" and target in _YES_NO_FIELDS:  # a boolean has no "unknown"
            unknown.append(target)
        else:
            sections[section][name] = value

    if areas:
        sections["episode"]["body_area"] = areas
    case = Case.model_validate(
        {
            "dog": Dog(**sections["dog"]),
            "episode": Episode(**sections["episode"]),
            "history": History(**sections["history"]),
            "signs": signs,
            "signs_absent": signs_absent,
            "unknown": unknown,
        }
    )
    return case, evidence


def read(text: str) -> tuple[Case, Evidence]:
    """The case and evidence of `text` (at most MAX_CHARS are read), without the input checks
    of `understand`: for tests that feed it anything."""
    prepared = prepare(text)
    sentences, cues = _Sentences(prepared), Cues(prepared.text)
    findings = _phrase_findings(prepared.text, sentences, cues)
    findings += _episode_findings(prepared.text, cues, sentences)
    findings += _dog_findings(prepared.text)
    return _assemble(findings, prepared)


def understand(text: str) -> tuple[Case, Evidence]:
    """The case an owner's free text describes, and the words behind each filled item.

    Evidence keys: a field path ("dog.age_years"), "episode.body_area.<area>",
    "signs.<id>", "signs_absent.<id>", and the path of a field the owner is unsure of
    (listed in the case's `unknown`). Values are exact substrings of the input.

    Empty text, text in another language, or text with nothing understood gives an
    empty `Case()`, which the caller can tell by `case == Case()`. Text that is not a string, or
    longer than MAX_CHARS characters, is refused with an `InputError` (field `text`); it
    is never cut. Any other exception is a bug and is not hidden.
    """
    if not isinstance(text, str):
        kind = "nothing" if text is None else type(text).__name__
        raise InputError(f"the text must be a string, not {kind}",
                         [{"field": "text", "message": "a string is required"}])  # fmt: skip
    if len(text) > MAX_CHARS:
        message = (f"the text is {len(text):,} characters long; at most {MAX_CHARS:,} are "
                   "read: please shorten it")  # fmt: skip
        raise InputError(message, [{"field": "text", "message": message}])
    if not text.strip() or in_another_language(text):
        return Case(), {}
    return read(text)
