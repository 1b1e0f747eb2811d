"""Conservative correction of misspelt key words ("twiching", "siezure", "vomitting").

Only words of five letters or more are looked at, only against the small vocabulary
below, only with the same first letter, and only within one edit (two for words of nine
letters or more, a swap of neighbours counting as one). Real English words that lie that
close to a vocabulary word (``sharing`` near ``shaking``) are never changed: they are listed
in data/spelling.yaml, made once from a system word list (see docs/understand.md).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .tables import load_tables

_TABLES = load_tables().spelling
VOCABULARY: tuple[str, ...] = tuple(_TABLES.key_words)
# English words within reach of a vocabulary word: left alone.
REAL_WORDS_NEARBY: frozenset[str] = frozenset(_TABLES.real_words_nearby)

_WORDS: dict[str, str] = dict(_TABLES.words)
SHORT_WORDS = frozenset(_WORDS)
_KNOWN = frozenset(VOCABULARY)
_BY_FIRST_LETTER: dict[str, tuple[str, ...]] = {}
for _word in VOCABULARY:
    _BY_FIRST_LETTER[_word[0]] = (*_BY_FIRST_LETTER.get(_word[0], ()), _word)


def max_edits(word: str) -> int:
    return 2 if len(word) >= 9 else 1


@lru_cache(maxsize=8192)
def correct_word(word: str) -> str | None:
    """The vocabulary word a lower-case `word` is a likely misspelling of, else None."""
    meant = _WORDS.get(word)
    if meant is not None:
        return meant
    if len(word) < 5 or word in _KNOWN or word in REAL_WORDS_NEARBY:
        return None
    candidates = _BY_FIRST_LETTER.get(word[0])
    if not candidates:
        return None
    limit = max_edits(word)
    found = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=limit)
    if found is None or abs(len(found[0]) - len(word)) > limit:
        return None
    return found[0]
