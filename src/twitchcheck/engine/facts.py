"""A validated case as the engine reads it: a flat dict of what is known."""

from __future__ import annotations

from twitchcheck.case import FIELD_PATHS, Case


def facts_of(case: Case) -> dict:
    """Field path -> value for every known field, plus the sign and unknown sets."""
    facts: dict = {}
    for path in FIELD_PATHS:
        value = case.get(path)
        if value is not None:
            facts[path] = value
    facts["signs"] = frozenset(case.signs)
    facts["signs_absent"] = frozenset(case.signs_absent) - facts["signs"]
    facts["unknown"] = frozenset(case.unknown)
    return facts
