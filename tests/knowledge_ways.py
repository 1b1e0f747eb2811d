"""Every minimal way a knowledge condition can hold, as case fragments.

`ways(condition)` lists small contract cases, each making the condition true through a
different branch: one per value of an `in`, one per sign of `signs_any`, one per breed group,
every combination of the parts of an `all`, and a "don't know" where `or_unsure` allows it.
A `not` is satisfied by leaving its facts unknown. Tests use it to show that a red flag fires
from every way a case can show it.
"""

from __future__ import annotations

import itertools

from twitchcheck import load_knowledge
from twitchcheck.knowledge.models import Condition


def _value(path: str, value: str):
    spec = load_knowledge().fields[path]
    if spec.kind == "number":
        return spec.values[value].answer
    if spec.kind == "boolean":
        return value == "true"
    if spec.kind == "multi":
        return [value]
    return value


def _set(path: str, value) -> dict:
    section, _, name = path.partition(".")
    return {section: {name: value}}


def _merge(a: dict, b: dict) -> dict | None:
    """Two fragments together, or None when they contradict each other."""
    out = {k: (dict(v) if isinstance(v, dict) else list(v)) for k, v in a.items()}
    for key, value in b.items():
        if isinstance(value, dict):
            section = out.setdefault(key, {})
            for name, v in value.items():
                if name in section and section[name] != v:
                    if name == "body_area":
                        section[name] = sorted(set(section[name]) | set(v))
                        continue
                    return None
                section[name] = v
        else:
            out[key] = sorted(set(out.get(key, [])) | set(value))
    if set(out.get("signs", [])) & set(out.get("signs_absent", [])):
        return None
    for path in out.get("unknown", []):
        section, _, name = path.partition(".")
        if name in out.get(section, {}):
            return None
    return out


def ways(cond: Condition) -> list[dict]:
    if cond.all is not None:
        found = [{}]
        for part in cond.all:
            options = ways(part)
            found = [m for a, b in itertools.product(found, options) if (m := _merge(a, b))]
        return found
    if cond.any is not None:
        return [w for part in cond.any for w in ways(part)]
    if cond.not_ is not None:
        return [{}]
    if cond.sign is not None:
        return [{"signs": [cond.sign]}]
    if cond.signs_any is not None:
        return [{"signs": [s]} for s in cond.signs_any]
    if cond.signs_two_of is not None:
        return [{"signs": list(pair)} for pair in itertools.combinations(cond.signs_two_of, 2)]
    if cond.breed is not None:
        groups = load_knowledge().breed_groups
        return [{"dog": {"breed": groups[g].breeds[0]}} for g in cond.breed]
    path = cond.field
    if cond.answered_unknown:
        spec = load_knowledge().fields[path]
        found = [{"unknown": [path]}]
        if "unknown" in spec.values:
            found.append(_set(path, "unknown"))
        return found
    unsure = [{"unknown": [path]}] if cond.or_unsure else []
    if cond.is_ is not None:
        return [_set(path, cond.is_), *unsure]
    return [_set(path, _value(path, value)) for value in cond.in_ or []] + unsure
