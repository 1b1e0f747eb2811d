"""The prefilter makes understand faster without changing what it finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from twitchcheck.understand.prefilter import PhraseIndex, beginnings, split_alternatives
from twitchcheck.understand.tables import load_tables

RULES = load_tables().rules
VIGNETTES = Path(__file__).resolve().parents[1] / ".." / "shared" / "vignettes" / "dev.jsonl"


def test_split_alternatives_keeps_groups_and_classes_whole():
    assert split_alternatives(r"a|(b|c)|[|x]|d\|e") == ["a", "(b|c)", "[|x]", r"d\|e"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"vomit\w*", {"vom"}),
        (r"(?:threw|throws?) up", {"thr"}),
        (r"(?<=no )limp", {"lim"}),
        (r"lame(?:ness)?", {"lam"}),
        (r"\w+ times", None),
    ],
)
def test_beginnings(pattern, expected):
    assert beginnings(pattern) == (None if expected is None else frozenset(expected))


def _plain_search(text: str) -> set[tuple[str, int, int]]:
    """What one alternation per target finds, without any prefilter."""
    by_target: dict[str, list[str]] = {}
    for rule in RULES:
        by_target.setdefault(rule.target, []).append(rule.pattern)
    found = set()
    for target, patterns in by_target.items():
        pattern = re.compile("|".join(rf"\b(?:{p})\b" for p in patterns))
        found |= {(target, m.start(), m.end()) for m in pattern.finditer(text)}
    return found


NARRATIVES = (
    [json.loads(line)["narrative"].lower() for line in VIGNETTES.open() if line.strip()]
    if VIGNETTES.exists()
    else []
)
TEXTS = NARRATIVES + [
    "she isn't vomiting, coughing or limping; he's drinking less and eating well.",
    "no new food, but he ate chocolate. it happened twice today, first time ever.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_index_finds_what_a_plain_search_finds(text):
    index = PhraseIndex([r.target for r in RULES], [r.pattern for r in RULES])
    got = {(RULES[i].target, m.start(), m.end()) for i, m in index.search(text)}
    assert got == _plain_search(text)
