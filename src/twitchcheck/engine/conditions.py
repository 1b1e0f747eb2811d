"""Compile the knowledge's conditions into predicates over a case's facts.

Facts are a plain dict (see `facts.py`): field path -> value, plus "signs",
"signs_absent" and "unknown" as sets. Predicates are plain closures so that the
question planner can test many hypothetical answers quickly.
"""

from __future__ import annotations

from collections.abc import Callable

from twitchcheck.knowledge.models import Condition

Facts = dict
Predicate = Callable[[Facts], bool]

_BOOLEAN_WORDS = {"true": True, "false": False}


def compile_condition(cond: Condition) -> Predicate:
    if cond.all is not None:
        parts = [compile_condition(c) for c in cond.all]
        return lambda f: all(p(f) for p in parts)
    if cond.any is not None:
        parts = [compile_condition(c) for c in cond.any]
        return lambda f: any(p(f) for p in parts)
    if cond.not_ is not None:
        inner = compile_condition(cond.not_)
        return lambda f: not inner(f)
    if cond.sign is not None:
        sign = cond.sign
        return lambda f: sign in f["signs"]
    if cond.signs_any is not None:
        wanted = frozenset(cond.signs_any)
        return lambda f: not wanted.isdisjoint(f["signs"])
    return _field_predicate(cond)


def _field_predicate(cond: Condition) -> Predicate:
    path = cond.field
    if cond.answered_unknown is not None:
        expect = cond.answered_unknown
        return lambda f: (path in f["unknown"] or f.get(path) == "unknown") == expect
    if cond.is_ is not None:
        value = cond.is_
        return lambda f: f.get(path) is value
    if cond.below is not None:
        limit = cond.below
        return lambda f: (v := f.get(path)) is not None and v < limit
    if cond.at_least is not None:
        limit = cond.at_least
        return lambda f: (v := f.get(path)) is not None and v >= limit
    wanted = frozenset(_BOOLEAN_WORDS.get(v, v) if isinstance(v, str) else v for v in cond.in_)

    def _in(f: Facts) -> bool:
        v = f.get(path)
        if v is None:
            return False
        if isinstance(v, list | tuple):
            return not wanted.isdisjoint(v)
        return v in wanted

    return _in
