"""A validated case as the engine reads it: a flat dict of what is known."""

from __future__ import annotations

from twitchcheck.case import Case

_SECTIONS = ("dog", "episode", "history")


def facts_of(case: Case) -> dict:
    """Field path -> value for every known field, plus the sign and unknown sets."""
    facts: dict = {}
    for section in _SECTIONS:
        for name, value in vars(getattr(case, section)).items():
            if value is not None:
                facts[f"{section}.{name}"] = value
    signs = frozenset(case.signs)
    facts["signs"] = signs
    facts["signs_absent"] = frozenset(case.signs_absent) - signs
    facts["unknown"] = frozenset(case.unknown)
    return facts
