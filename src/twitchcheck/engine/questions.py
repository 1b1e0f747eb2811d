"""next_question(case): the most useful question to ask next, or done.

For every question not yet answered, each possible answer is weighed by how likely the
owner is to give it (the current posterior over causes times P(answer | cause)). A
question's value is what it is expected to teach about the cause (information gain, in
bits) plus what it may change in the urgency, where finding a more urgent answer counts
three times as much as finding a less urgent one: red flags come first while they are
still possible. The interview stops once the urgency is settled and the leading cause is
clear, or when no question is worth asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from twitchcheck.case import FIELD_PATHS, Case, NextStep, Question
from twitchcheck.engine.conditions import Predicate, compile_condition
from twitchcheck.engine.facts import facts_of
from twitchcheck.engine.model import AGE_OPTIONS, LEVEL, Model, get_model, normalise
from twitchcheck.engine.urgency import quick_level
from twitchcheck.knowledge.models import QuestionSpec

URGENCY_WEIGHT = 1.0
UP_WEIGHT = 3.0  # an answer that raises the urgency matters this much more than one lowering it
SETTLED = 0.12  # expected urgency change below which the urgency counts as settled
CLEAR = 0.75  # posterior of the leading family of causes at which it counts as clear
WORTH_ASKING = 0.06  # a question must be worth at least this much to be asked
GAIN_IF_CLEAR = 0.12  # with a clear leader, only a question this informative is still asked
# An extra (non-contract) question may well be answered "don't know".
EXTENSION_DISCOUNT = 0.3
MIN_OUTCOME = 0.002
EMERGENCY = LEVEL["emergency"]
# Sign answers are weighed up to this many signs seen at once; more together are rare.
MAX_SIGNS_SEEN = 2


@dataclass(frozen=True)
class Outcome:
    rows: list[int]
    update: dict  # facts to change for this answer


@dataclass(frozen=True)
class Plan:
    spec: QuestionSpec
    only_if: Predicate | None
    discount: float


def _entropy(p: np.ndarray) -> float:
    q = p[p > 1e-12]
    return float(-(q * np.log2(q)).sum())


class Planner:
    def __init__(self, model: Model):
        self.model = model
        self.plans = [
            Plan(
                spec=q,
                only_if=compile_condition(q.only_if) if q.only_if else None,
                discount=1.0
                if q.field == "signs" or q.field in FIELD_PATHS
                else EXTENSION_DISCOUNT,
            )
            for q in model.knowledge.questions
        ]

    def next_step(self, case: Case) -> NextStep:
        model = self.model
        facts = facts_of(case)
        log_post = model.log_posterior(model.rows_for(facts))
        post = normalise(log_post)
        level_now = quick_level(model, facts, post)
        # what is to be learnt is which family of causes (a refined cause with the cause it
        # refines); telling apart causes within a family only matters through the urgency
        family_post = post @ model.family_of
        h_now = _entropy(family_post)

        if level_now < EMERGENCY:
            for plan in self.plans:
                if plan.spec.ask_first and self._outcomes(plan, facts):
                    return NextStep(done=False, question=self._question(plan, facts))

        best = None
        best_urgency = 0.0
        best_gain = 0.0
        for plan in self.plans:
            outcomes = self._outcomes(plan, facts)
            if not outcomes:
                continue
            gain, urgency = self._value(facts, post, h_now, level_now, outcomes)
            best_urgency = max(best_urgency, urgency)
            best_gain = max(best_gain, gain * plan.discount)
            score = (gain + URGENCY_WEIGHT * urgency) * plan.discount
            if best is None or score > best[0]:
                best = (score, plan, outcomes)

        if best is None:
            return NextStep(done=True)
        settled = best_urgency < SETTLED
        clear = best_gain < WORTH_ASKING or (
            family_post.max() >= CLEAR and best_gain < GAIN_IF_CLEAR
        )
        if (settled and clear) or best[0] < WORTH_ASKING:
            return NextStep(done=True)
        return NextStep(done=False, question=self._question(best[1], facts))

    # --- answers and their value -----------------------------------------------------

    def _outcomes(self, plan: Plan, facts: dict) -> list[Outcome]:
        spec, model = plan.spec, self.model
        if spec.field == "signs":
            open_signs = _open_signs(spec, facts)
            if not open_signs:
                return []
            outcomes = []
            for size in range(min(MAX_SIGNS_SEEN, len(open_signs)) + 1):
                for chosen in combinations(open_signs, size):
                    present = set(chosen)
                    rows = [model.row_of[("sign", s, s in present)] for s in open_signs]
                    update = {
                        "signs": facts["signs"] | present,
                        "signs_absent": facts["signs_absent"] | (set(open_signs) - present),
                    }
                    outcomes.append(Outcome(rows, update))
            return outcomes
        path = spec.field
        if path in facts or path in facts["unknown"]:
            return []
        if plan.only_if is not None and not plan.only_if(facts):
            return []
        field = model.knowledge.fields[path]
        if field.kind == "multi":
            areas = list(field.values)
            return [
                Outcome(
                    [model.row_of[("area", a, a == named)] for a in areas],
                    {path: [named]},
                )
                for named in areas
            ]
        if field.kind == "number":
            return [
                Outcome([model.row_of[(path, name)]], {path: value})
                for name, value in AGE_OPTIONS.items()
            ]
        if field.kind == "text":
            return []
        return [
            Outcome([model.row_of[(path, value)]], {path: value})
            for value in self._values(path)
            if value != "unknown"
        ]

    def _values(self, path: str) -> list:
        field = self.model.knowledge.fields[path]
        if field.kind == "boolean":
            return [True, False]
        return list(field.values)

    def _value(self, facts, post, h_now, level_now, outcomes) -> tuple[float, float]:
        model = self.model
        lik = np.exp(np.array([model.matrix[o.rows].sum(axis=0) for o in outcomes]))
        lik /= lik.sum(axis=0, keepdims=True)  # the answers considered are taken as exclusive
        joint = lik * post
        p_outcome = joint.sum(axis=1)
        posts = joint / p_outcome[:, None]
        families = posts @ model.family_of
        with np.errstate(divide="ignore", invalid="ignore"):
            entropies = -np.nansum(families * np.log2(families), axis=1)
        gain = h_now - float(p_outcome @ entropies)
        urgency = 0.0
        for o, p_o, post_o in zip(outcomes, p_outcome.tolist(), posts, strict=True):
            if p_o < MIN_OUTCOME:
                continue
            level = quick_level(model, {**facts, **o.update}, post_o)
            if level > level_now:
                urgency += p_o * UP_WEIGHT
            elif level < level_now:
                urgency += p_o
        return max(gain, 0.0), urgency

    # --- the question as the contract shows it ----------------------------------------

    def _question(self, plan: Plan, facts: dict) -> Question:
        spec, k = plan.spec, self.model.knowledge
        if spec.field == "signs":
            options = _open_signs(spec, facts)
            labels = {s: k.signs[s].label for s in options}
        else:
            field = k.fields[spec.field]
            if field.kind == "number":
                options = list(AGE_OPTIONS.values())
                labels = {str(v): field.values[name].label for name, v in AGE_OPTIONS.items()}
            else:
                options = [v for v in self._values(spec.field) if v != "unknown"]
                labels = {_option_key(v): field.values[_option_key(v)].label for v in options}
        return Question(
            field=spec.field, text=spec.text, options=options, option_labels=labels, help=spec.help
        )


def _open_signs(spec: QuestionSpec, facts: dict) -> list[str]:
    """The signs of a sign question that the case has not answered yet."""
    return [s for s in spec.signs if s not in facts["signs"] and s not in facts["signs_absent"]]


def _option_key(value) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


_planner: Planner | None = None


def next_step(case: Case, model: Model | None = None) -> NextStep:
    global _planner
    if model is not None:
        return Planner(model).next_step(case)
    if _planner is None:
        _planner = Planner(get_model())
    return _planner.next_step(case)
