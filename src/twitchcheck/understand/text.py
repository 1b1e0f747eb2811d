"""The owner's text made ready for matching: capped, lower-cased, apostrophes and dashes
unified, likely misspellings of key words corrected, and a way back from any span of the
matched text to the exact words the owner typed (the evidence)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .spelling import SHORT_WORDS, correct_word

MAX_CHARS = 5000

# One character for one, so offsets into the matched text stay offsets into the input.
_UNIFY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                        "\u2014": "-", "\u00a0": " ", "\t": " ", "\r": " "})  # fmt: skip
# A word that may be misspelt (five letters or more, or one of the short ones listed in
# spelling.yaml), or a run of spaces (read as one space).
_SHORT_WORDS = "|".join(sorted((w for w in SHORT_WORDS if len(w) < 5), key=len, reverse=True))
_FIXABLE = re.compile(rf"\b(?:{_SHORT_WORDS})\b|[a-z]{{5,}}| {{2,}}")
_SENTENCE_END = re.compile(r"[.!?;\n]+")


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters lower-case to two ("İ"); keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass
class Prepared:
    """`text` is what the patterns read; `original` is the owner's (capped) input."""

    original: str
    text: str
    # (start in text, end in text, start in original, end in original) per corrected word
    _fixes: list[tuple[int, int, int, int]] = field(default_factory=list)
    _fix_starts: list[int] = field(default_factory=list)
    _sentences: list[tuple[int, int]] | None = None

    def _to_original(self, pos: int, is_end: bool) -> int:
        i = bisect_right(self._fix_starts, pos) - 1
        if i < 0:
            return pos
        start, end, ostart, oend = self._fixes[i]
        if pos < end or (is_end and pos == end):
            return oend if is_end else ostart
        return pos - end + oend

    def evidence(self, start: int, end: int) -> str:
        """The owner's own words behind text[start:end]."""
        if not self._fixes:
            return self.original[start:end]
        return self.original[self._to_original(start, False) : self._to_original(end, True)]

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence, split at . ! ? ; and line breaks."""
        if self._sentences is None:
            spans, start = [], 0
            for m in _SENTENCE_END.finditer(self.text):
                spans.append((start, m.start()))
                start = m.end()
            spans.append((start, len(self.text)))
            self._sentences = spans
        return self._sentences


def prepare(raw: object) -> Prepared:
    original = raw[:MAX_CHARS] if isinstance(raw, str) else ""
    unified = _lower_same_length(original.translate(_UNIFY))
    pieces, fixes, last, shift = [], [], 0, 0
    for m in _FIXABLE.finditer(unified):
        fixed = " " if m.group()[0] == " " else correct_word(m.group())
        if fixed is None:
            continue
        pieces.append(unified[last : m.start()])
        start = m.start() + shift
        pieces.append(fixed)
        shift += len(fixed) - len(m.group())
        fixes.append((start, start + len(fixed), m.start(), m.end()))
        last = m.end()
    if not fixes:
        return Prepared(original, unified)
    pieces.append(unified[last:])
    return Prepared(original, "".join(pieces), fixes, [f[0] for f in fixes])
