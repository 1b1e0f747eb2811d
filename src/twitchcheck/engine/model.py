"""The knowledge compiled into numbers: one row of log-likelihoods per observable fact.

A fact is a key such as ("episode.context", "asleep"), ("sign", "collapse", True) or
("breed", "toy"). Its row holds log P(fact | cause) for every cause; a cause that says
nothing about a field takes the field's background, so the fact cannot move it.
`support` marks the facts that make a cause at least twice as likely as for a typical
twitching dog: those become the cause's reasons.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

import numpy as np

from twitchcheck.engine.conditions import Predicate, compile_condition
from twitchcheck.knowledge import CONTRACT_CAUSES, Knowledge, load_knowledge
from twitchcheck.knowledge.models import Cause, FieldSpec

LEVELS = ("normal", "home_care", "see_vet", "emergency")
LEVEL = {name: i for i, name in enumerate(LEVELS)}
SUPPORT_RATIO = 2.0
# Body areas the owner did not name are weaker evidence than areas they did.
UNNAMED_AREA_WEIGHT = 0.5
AGE_OPTIONS = {"young_puppy": 0.25, "puppy": 0.75, "adult": 4.0, "senior": 10.0}


@dataclass(frozen=True)
class Escalation:
    level: int
    when: Predicate
    flag: str


@dataclass(frozen=True)
class RedFlagRule:
    level: int
    when: Predicate
    text: str


class Model:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.causes: list[Cause] = list(knowledge.causes)
        self.cause_ids = [c.id for c in self.causes]
        n = len(self.causes)
        priors = np.array([c.prior for c in self.causes])
        self.log_prior = np.log(priors / priors.sum())
        self.base_level = [LEVEL[c.urgency.base] for c in self.causes]
        self.escalations = [
            [Escalation(LEVEL[e.to], compile_condition(e.when), e.flag) for e in c.urgency.escalate]
            for c in self.causes
        ]
        # each cause's family: the contract cause it refines, or itself
        families = list(dict.fromkeys(c.refines or c.id for c in self.causes))
        self.family_of = np.zeros((n, len(families)))
        for i, c in enumerate(self.causes):
            self.family_of[i, families.index(c.refines or c.id)] = 1.0
        self.escalating = [(i, rules) for i, rules in enumerate(self.escalations) if rules]
        self.red_flags = [
            RedFlagRule(LEVEL[r.urgency], compile_condition(r.when), r.text)
            for r in knowledge.red_flags
        ]
        self.thresholds = {LEVEL[k]: v for k, v in knowledge.meta.thresholds.items()}
        # ready-made pieces of every assessment
        self.refines_entry = [c.id not in CONTRACT_CAUSES for c in self.causes]
        self.level_actions = [
            (knowledge.meta.urgency[name].headline, *knowledge.meta.urgency[name].advice)
            for name in LEVELS
        ]
        self.cause_actions = [
            (*c.actions, *(f"{x.name}: {x.phone} ({x.note})" for x in c.contacts))
            for c in self.causes
        ]
        self.prevention_entry = {p.id: {"id": p.id, "text": p.text} for p in knowledge.prevention}

        rows: dict[tuple, np.ndarray] = {}
        backgrounds: dict[tuple, float] = {}
        facts: dict[tuple, str] = {}
        for path, spec in knowledge.fields.items():
            if spec.kind in ("choice", "boolean", "number"):
                self._add_choice_rows(path, spec, rows, backgrounds, facts)
            elif spec.kind == "multi":
                self._add_binary_rows(
                    "area", path, spec.background, spec.values, rows, backgrounds, facts
                )
        sign_bg = {sid: s.background for sid, s in knowledge.signs.items()}
        self._add_binary_rows("sign", "signs", sign_bg, knowledge.signs, rows, backgrounds, facts)
        for gid, group in knowledge.breed_groups.items():
            ratios = [float(c.likelihoods.get("dog.breed", {}).get(gid, 1.0)) for c in self.causes]
            rows[("breed", gid)] = np.log(np.array(ratios))
            backgrounds[("breed", gid)] = 1.0
            facts[("breed", gid)] = f"a breed among {group.label.lower()}"

        self.keys = list(rows)
        self.row_of = {key: i for i, key in enumerate(self.keys)}
        self.matrix = np.vstack([rows[k] for k in self.keys])
        log_bg = np.log(np.array([backgrounds[k] for k in self.keys]))[:, None]
        self.log_ratio = self.matrix - log_bg
        self.fact_text = [facts[k] for k in self.keys]
        support = self.log_ratio >= math.log(SUPPORT_RATIO)
        self.supported = [np.flatnonzero(support[i]).tolist() for i in range(len(self.keys))]
        self.n_causes = n
        self.ranges = {
            path: sorted(spec.ranges.items(), key=lambda item: item[1][0])
            for path, spec in knowledge.fields.items()
            if spec.kind == "number"
        }
        self.breed_patterns = {
            gid: re.compile(r"\b(" + "|".join(re.escape(b) for b in g.breeds) + r")", re.I)
            for gid, g in knowledge.breed_groups.items()
        }

    # --- building rows --------------------------------------------------------------

    def _add_choice_rows(self, path, spec: FieldSpec, rows, backgrounds, facts) -> None:
        table = np.array([self._distribution(c, path, spec) for c in self.causes])
        for j, value in enumerate(spec.values):
            key = (path, _as_value(spec, value))
            rows[key] = np.log(table[:, j])
            backgrounds[key] = spec.background[value]
            facts[key] = spec.values[value].fact

    def _distribution(self, cause: Cause, path: str, spec: FieldSpec) -> list[float]:
        """P(value | cause) for every value of a field, in the field's order."""
        given = cause.likelihoods.get(path)
        values = list(spec.values)
        if given is None:
            given = {}
        elif spec.kind == "boolean":
            given = {"true": float(given), "false": 1.0 - float(given)}
        given = {str(k): float(v) for k, v in given.items()}
        rest = [v for v in values if v not in given]
        left = max(0.0, 1.0 - sum(given.values()))
        rest_bg = sum(spec.background[v] for v in rest)
        dist = [
            given[v] if v in given else left * spec.background[v] / rest_bg if rest_bg else 0.0
            for v in values
        ]
        total = sum(dist)
        return [max(p / total, 1e-4) for p in dist]

    def _add_binary_rows(self, kind, path, background, labels, rows, backgrounds, facts) -> None:
        for item in labels:
            probs = np.array(
                [
                    float(c.likelihoods.get(path, {}).get(item, background[item]))
                    for c in self.causes
                ]
            )
            bg = background[item]
            weight = UNNAMED_AREA_WEIGHT if kind == "area" else 1.0
            rows[(kind, item, True)] = np.log(probs)
            rows[(kind, item, False)] = weight * np.log1p(-probs)
            backgrounds[(kind, item, True)] = bg
            backgrounds[(kind, item, False)] = (1 - bg) ** weight
            if kind == "sign":
                facts[(kind, item, True)] = labels[item].present
                facts[(kind, item, False)] = labels[item].absent
            else:
                facts[(kind, item, True)] = labels[item].fact
                facts[(kind, item, False)] = f"not {labels[item].fact}"

    # --- reading a case ---------------------------------------------------------------

    def rows_for(self, facts: dict) -> list[int]:
        """The rows of the facts a case states."""
        row_of = self.row_of
        rows = []
        for path, value in facts.items():
            if path in ("signs", "signs_absent", "unknown", "dog.breed") or value is None:
                continue
            if path == "episode.body_area":
                named = set(value)
                for area in self.knowledge.fields[path].values:
                    rows.append(row_of[("area", area, area in named)])
            elif path in self.ranges:
                rows.append(row_of[(path, self.range_of(path, value))])
            else:
                rows.append(row_of[(path, value)])
        for sign in facts["signs"]:
            rows.append(row_of[("sign", sign, True)])
        for sign in facts["signs_absent"]:
            if sign not in facts["signs"]:
                rows.append(row_of[("sign", sign, False)])
        breed = facts.get("dog.breed")
        if breed:
            for gid, pattern in self.breed_patterns.items():
                if pattern.search(breed):
                    rows.append(row_of[("breed", gid)])
        return rows

    def range_of(self, path: str, value: float) -> str:
        """The named range of a number field that holds value (ranges are [low, high))."""
        for name, (low, high) in self.ranges[path]:
            if low <= value < high:
                return name
        return self.ranges[path][-1][0]

    def log_posterior(self, rows: list[int]) -> np.ndarray:
        if not rows:
            return self.log_prior.copy()
        return self.log_prior + self.matrix[rows].sum(axis=0)


def _as_value(spec: FieldSpec, value: str):
    if spec.kind == "boolean":
        return value == "true"
    return value


def normalise(log_post: np.ndarray) -> np.ndarray:
    p = np.exp(log_post - log_post.max())
    return p / p.sum()


@functools.cache
def get_model() -> Model:
    return Model(load_knowledge())
