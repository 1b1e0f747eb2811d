"""The facts a case can state, as columns: every case becomes the set of columns it sets.

A column is one observable fact:
    (path, value)           a choice or yes/no field's value; a number field's named range
    ("area", area, seen)    episode.body_area, once known: each area named or not
    ("sign", sign, seen)    a sign seen, or asked about and not seen
    ("breed", group)        the breed belongs to a breed group
    ("unknown", path)       the owner was asked and does not know
    ("breed given",)        the breed is known (whether or not in a breed group)

The engine reads a case only through these columns, so that many cases, and the hypothetical
answers to many questions, can be weighed at once as rows of one matrix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from twitchcheck.case import FIELD_PATHS, Case
from twitchcheck.knowledge import Knowledge

_SECTIONS = ("dog", "episode", "history")
AREA_PATH = "episode.body_area"
BREED_PATH = "dog.breed"
BREED_GIVEN = ("breed given",)  # a column that only says the breed is known


def value_key(value: object) -> str:
    """A field value as the knowledge files name it (true -> "true")."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


@dataclass(frozen=True)
class Answer:
    """One possible answer to an open question, as the columns it would set.

    field: a case field path or "signs"; value: the contract value (a sign id for signs,
    an area list for body areas); cols: the columns it sets."""

    field: str
    value: object
    cols: tuple[int, ...]


class Features:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        keys: list[tuple] = []
        for path, spec in knowledge.fields.items():
            if spec.kind in ("choice", "boolean", "number"):
                keys += [(path, v) for v in spec.values]
            elif spec.kind == "multi":
                keys += [("area", a, seen) for a in spec.values for seen in (True, False)]
        keys += [("sign", s, seen) for s in knowledge.signs for seen in (True, False)]
        keys += [("breed", g) for g in knowledge.breed_groups]
        keys += [BREED_GIVEN]
        keys += [("unknown", p) for p in FIELD_PATHS]
        self.keys = keys
        self.col = {key: i for i, key in enumerate(keys)}
        self.n = len(keys)
        self.ranges = {
            path: sorted(spec.ranges.items(), key=lambda item: item[1][0])
            for path, spec in knowledge.fields.items()
            if spec.kind == "number"
        }
        self.areas = list(knowledge.fields[AREA_PATH].values)
        self.breed_patterns = [
            (self.col[("breed", gid)], _breed_pattern(group.breeds))
            for gid, group in knowledge.breed_groups.items()
        ]
        self._breed_cache: dict[str, tuple[int, ...]] = {}
        # how to read each field of a case section: (name, kind, lookup), where lookup is
        # value -> column for "value", the field path for "range", unused otherwise
        self._sections: list[tuple[str, list[tuple[str, str, Any]]]] = []
        for section in _SECTIONS:
            readers: list[tuple[str, str, Any]] = []
            for path, spec in knowledge.fields.items():
                if not path.startswith(section + "."):
                    continue
                name = path.partition(".")[2]
                if path == AREA_PATH:
                    readers.append((name, "area", None))
                elif spec.kind == "text":
                    readers.append((name, "breed", None))
                elif spec.kind == "number":
                    readers.append((name, "range", path))
                else:
                    lookup = {
                        {"true": True, "false": False}.get(v, v) if spec.kind == "boolean" else v: (
                            self.col[(path, v)]
                        )
                        for v in spec.values
                    }
                    readers.append((name, "value", lookup))
            self._sections.append((section, readers))
        self._unknown = {p: self.col[("unknown", p)] for p in FIELD_PATHS}
        self._breed_given = self.col[BREED_GIVEN]
        self._seen = {s: self.col[("sign", s, True)] for s in knowledge.signs}
        self._unseen = {s: self.col[("sign", s, False)] for s in knowledge.signs}
        self._area_cols = {
            a: (self.col[("area", a, True)], self.col[("area", a, False)]) for a in self.areas
        }

    # --- a case as columns -----------------------------------------------------------

    def range_of(self, path: str, value: float) -> str:
        """The named range of a number field that holds value (ranges are [low, high))."""
        for name, (low, high) in self.ranges[path]:
            if low <= value < high:
                return name
        return self.ranges[path][-1][0]

    def columns(self, case: Case) -> list[int]:
        """The columns a case sets."""
        unknown = self._unknown
        cols = [unknown[path] for path in case.unknown]
        for section, readers in self._sections:
            values = getattr(case, section).__dict__
            for name, kind, lookup in readers:
                value = values[name]
                if value is None:
                    continue
                if kind == "value":
                    cols.append(lookup[value])
                elif kind == "range":
                    cols.append(self.col[(lookup, self.range_of(lookup, value))])
                elif kind == "area":
                    cols += [
                        seen if a in value else unseen
                        for a, (seen, unseen) in self._area_cols.items()
                    ]
                else:
                    cols += self.breed_columns(value)
                    cols.append(self._breed_given)
        if case.signs:
            seen = self._seen
            cols += [seen[s] for s in case.signs]
        if case.signs_absent:
            unseen, signs = self._unseen, case.signs
            cols += [unseen[s] for s in case.signs_absent if s not in signs]
        return cols

    def _example_breed(self, group_id: str) -> str:
        """A breed that stands for the group in an answer: one in no other group, so that
        a case given that breed is the case the answer describes (a Havanese is a toy
        breed as well as one prone to a liver shunt)."""
        breeds = self.knowledge.breed_groups[group_id].breeds
        only_here = (self.col[("breed", group_id)],)
        return next((b for b in breeds if self.breed_columns(b) == only_here), breeds[0])

    def breed_columns(self, breed: str) -> tuple[int, ...]:
        found = self._breed_cache.get(breed)
        if found is None:
            found = tuple(c for c, pattern in self.breed_patterns if pattern.search(breed))
            if len(self._breed_cache) < 4096:
                self._breed_cache[breed] = found
        return found

    # --- what is still open, and its possible answers ----------------------------------

    def field_answers(self, path: str) -> list[Answer]:
        """Every answer a field's question can get (not "don't know")."""
        spec = self.knowledge.fields[path]
        if spec.kind == "multi":
            return [
                Answer(path, [a], tuple(self.col[("area", b, b == a)] for b in self.areas))
                for a in self.areas
            ]
        if spec.kind == "number":
            return [
                Answer(path, spec.values[name].answer, (self.col[(path, name)],))
                for name, _ in self.ranges[path]
            ]
        if path == BREED_PATH:
            given = self.col[BREED_GIVEN]
            found = [
                Answer(path, self._example_breed(gid), (given, self.col[("breed", gid)]))
                for gid in self.knowledge.breed_groups
            ]
            return [*found, Answer(path, "another breed", (given,))]
        if spec.kind == "text":
            return []
        answers = []
        for value, entry in spec.values.items():
            if not entry.offered:
                continue
            contract_value = {"true": True, "false": False}.get(value, value)
            if spec.kind == "choice":
                contract_value = value
            answers.append(Answer(path, contract_value, (self.col[(path, value)],)))
        return answers

    def sign_answer(self, sign: str, seen: bool) -> Answer:
        return Answer("signs", sign, (self.col[("sign", sign, seen)],))


def _breed_pattern(names: list[str]) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(re.escape(b) for b in names) + r")", re.I)


def answered(case: Case, path: str) -> bool:
    return case.get(path) is not None or path in case.unknown
