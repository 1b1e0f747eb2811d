"""next_question(case): the most useful question to ask next, or done.

1. Once the urgency is an emergency, the interview is done: "go now" comes before any
   further question, never after it.
2. The red-flag screen: while a screening question (`screen: true` in questions.yaml) fits
   the case and is open, one of them is asked, the most useful first. The interview never
   ends with one open: poisoning, collapse and breathing, a pregnant or nursing mother, a
   "sleeping" dog that cannot be woken, how long a fit lasts and how many came today, heat.
3. Then each open question is weighed over its possible answers, each as likely as the
   current posterior makes it: what it is expected to teach about the cause (information
   gain over families of causes, in bits) plus what it may change in the urgency, where a
   more urgent answer counts three times as much as a less urgent one. The interview stops
   once the urgency is settled and the leading family is clear, or nothing is worth asking,
   or the urgency is settled and the owner has said "don't know" to three questions asked
   on their merits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from twitchcheck.case import Case, NextStep, OptionGroup, Question
from twitchcheck.engine import floor
from twitchcheck.engine.answers import Rows, answer_table
from twitchcheck.engine.features import value_key
from twitchcheck.engine.model import EMERGENCY, Model, get_model
from twitchcheck.knowledge.models import QuestionSpec, SignGroup

URGENCY_WEIGHT = 1.0
UP_WEIGHT = 3.0  # an answer that raises the urgency matters this much more than one lowering it
EMERGENCY_WEIGHT = 2.0  # and one that raises it to an emergency twice as much again
SETTLED = 0.3  # expected urgency change below which the urgency counts as settled
CLEAR = 0.75  # posterior of the leading family of causes at which it counts as clear
WORTH_ASKING = 0.06  # a question must be worth at least this much to be asked
GAIN_IF_CLEAR = 0.12  # with a clear leader, only a question this informative is still asked
MIN_OUTCOME = 0.002
MIGHT_LOWER = 0.05  # an emergency is settled once no question is this likely to lower it
MAX_SIGNS_SEEN = 2  # sign answers are weighed up to this many signs seen at once
UNSURE_ENOUGH = 3  # "don't know"s to questions asked on their merits before a settled stop
MAX_KEPT = 1024  # checklists' outcomes kept, by their open signs


@dataclass(frozen=True)
class Plan:
    spec: QuestionSpec
    topics: list[int]  # the topics it fills: one field, or its signs


def _entropy(p: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.nansum(np.where(p > 1e-12, p * np.log2(p), 0.0), axis=-1)


class Planner:
    def __init__(self, model: Model):
        self.model = model
        self.table = table = answer_table(model)
        self.plans = [
            Plan(q, [table.topic_index[t] for t in (q.signs if q.field == "signs" else [q.field])])
            for q in model.knowledge.questions
        ]
        self.log_likelihood = np.log(table.likelihood)
        self._answer_words = _words(table.leaves)  # answers x words: eight leaves a word
        self._sign_outcomes: dict[tuple[str, tuple[int, ...]], tuple[np.ndarray, np.ndarray]] = {}

    def next_step(self, case: Case) -> NextStep:
        model, table = self.model, self.table
        # the urgency now as assess gives it (never lowered by a red-flag sign); the
        # answers' outcomes below are weighed on the odds alone
        rows, now, _ = floor.evaluate(model, table, [case], [model.features.columns(case)])
        level_now = int(now.level[0])
        fits = table.applicable(rows)[0]
        answered = rows.answered[0]
        open_plans = [p for p in self.plans if any(fits[t] and not answered[t] for t in p.topics)]
        if not open_plans:
            return NextStep(done=True)
        if level_now == EMERGENCY:
            return self._settle_emergency(rows, now.post[0], open_plans, answered)
        first = [p for p in open_plans if p.spec.opening] or [
            p for p in open_plans if self._screening(p, rows)
        ]
        if first:  # in the order of questions.yaml
            return NextStep(done=False, question=self._question(first[0], answered))
        # weighed as if enough were known: the few-facts cap of a one-shot result is no
        # reason to ask
        level_uncapped = int(now.uncapped[0])
        values = self._values(rows, now.post[0], level_uncapped, open_plans, answered)
        worth = [(g + u) * p.spec.answerable for (g, u), p in zip(values, open_plans, strict=True)]
        best = max(range(len(open_plans)), key=worth.__getitem__)
        gain = max(g * p.spec.answerable for (g, _), p in zip(values, open_plans, strict=True))
        settled = max(u * p.spec.answerable for (_, u), p in zip(values, open_plans, strict=True))
        clear = gain < WORTH_ASKING or (
            (now.post[0] @ model.family_of).max() >= CLEAR and gain < GAIN_IF_CLEAR
        )
        if (settled < SETTLED and clear) or worth[best] < WORTH_ASKING:
            return NextStep(done=True)
        if settled < SETTLED and self._unsure_weighed(rows) >= UNSURE_ENOUGH:
            # the urgency is settled and the owner cannot say more: the causes are the
            # vet's to tell apart
            return NextStep(done=True)
        return NextStep(done=False, question=self._question(open_plans[best], answered))

    def _unsure_weighed(self, rows: Rows) -> int:
        """How many of the questions asked on their merits got "don't know"."""
        unsure = rows.unsure[0]
        return sum(
            1
            for p in self.plans
            if not (p.spec.opening or p.spec.screen or p.spec.screen_if is not None)
            and any(unsure[t] for t in p.topics)
        )

    def _screening(self, plan: Plan, rows: Rows) -> bool:
        """Whether the question is part of the red-flag screen for this case."""
        if plan.spec.screen:
            return True
        test = self.model.screen_tests.get(plan.spec.id)
        return test is not None and bool(test(np.ascontiguousarray(rows.leaves.T))[0])

    def _settle_emergency(
        self, rows: Rows, post: np.ndarray, open_plans: list[Plan], answered: np.ndarray
    ) -> NextStep:
        """Done once the answer can only be an emergency. While an open question could still
        lower it (a "don't know" treated as a possible yes, odds that an answer would shift),
        the one most likely to settle it is asked; the result already says "go now"."""
        values = self._values(rows, post, EMERGENCY, open_plans, answered)
        lowering = [u * p.spec.answerable for (_, u), p in zip(values, open_plans, strict=True)]
        best = max(range(len(open_plans)), key=lowering.__getitem__)
        if lowering[best] < MIGHT_LOWER:
            return NextStep(done=True)
        return NextStep(done=False, question=self._question(open_plans[best], answered))

    # --- answers and their value -----------------------------------------------------

    def _outcomes(self, plan: Plan, answered: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each possible answer to the question as the answer-table rows it adds, as
        (the rows of every answer one after the other, how many rows each answer adds).
        Kept for each checklist's open signs: building its 232 outcomes took longer than
        weighing them."""
        table = self.table
        if plan.spec.field != "signs":
            answers = np.array(table.of_field.get(plan.spec.field, []), dtype=np.intp)
            return answers, np.ones(len(answers), dtype=np.intp)
        key = (plan.spec.id, tuple(t for t in plan.topics if not answered[t]))
        found = self._sign_outcomes.get(key)
        if found is None:
            open_signs = [table.topics[t] for t in key[1]]
            outcomes = []
            for size in range(min(MAX_SIGNS_SEEN, len(open_signs)) + 1):
                for chosen in combinations(open_signs, size):
                    outcomes.append(
                        [
                            table.sign_seen[s] if s in chosen else table.sign_unseen[s]
                            for s in open_signs
                        ]
                    )
            if len(self._sign_outcomes) >= MAX_KEPT:
                self._sign_outcomes.clear()
            found = self._sign_outcomes[key] = (
                np.array(outcomes, dtype=np.intp).reshape(-1),
                np.full(len(outcomes), len(open_signs), dtype=np.intp),
            )
        return found

    def _values(
        self,
        rows: Rows,
        post: np.ndarray,
        level_now: int,
        plans: list[Plan],
        answered: np.ndarray,
    ) -> list[tuple[float, float]]:
        """(information gain, urgency value) of each question."""
        table, model = self.table, self.model
        outcomes = [self._outcomes(plan, answered) for plan in plans]
        counts = np.fromiter((len(n) for _, n in outcomes), dtype=np.intp, count=len(plans))
        owner_arr = np.repeat(np.arange(len(plans)), counts)
        sizes = np.concatenate([n for _, n in outcomes])
        picks = np.zeros((len(sizes), len(table.answers)))  # outcomes x answers: 1 if added
        answers = np.concatenate([a for a, _ in outcomes])
        picks[np.repeat(np.arange(len(sizes)), sizes), answers] = 1.0
        raw = rows.raw[0] + picks @ table.raw
        # the leaves the outcome's answers turn on, or'ed eight leaves to a word
        starts = np.zeros(len(sizes), dtype=np.intp)
        np.cumsum(sizes[:-1], out=starts[1:])
        words = np.bitwise_or.reduceat(self._answer_words[answers], starts, axis=0)
        words |= _words(rows.leaves[0])
        leaves = np.ascontiguousarray(words.view(bool)[:, : table.leaves.shape[1]])
        evaluated = model.evaluate(raw, leaves, None)
        lik = np.exp(picks @ self.log_likelihood)  # P(outcome | cause), outcomes x causes
        sums = np.zeros((len(plans), model.n_causes))
        np.add.at(sums, owner_arr, lik)
        lik /= sums[owner_arr]  # the answers to one question taken as exclusive
        joint = lik * post
        p_outcome = joint.sum(axis=1)
        family_post = (joint / p_outcome[:, None]) @ model.family_of
        h_now = float(_entropy(post @ model.family_of))
        expected_h = np.zeros(len(plans))
        np.add.at(expected_h, owner_arr, p_outcome * _entropy(family_post))
        levels = evaluated.level
        weight = np.where(levels > level_now, UP_WEIGHT, np.where(levels < level_now, 1.0, 0.0))
        weight[levels == EMERGENCY] *= EMERGENCY_WEIGHT if level_now < EMERGENCY else 1.0
        weight[p_outcome < MIN_OUTCOME] = 0.0
        urgency = np.zeros(len(plans))
        np.add.at(urgency, owner_arr, p_outcome * weight)
        return [
            (max(h_now - float(expected_h[j]), 0.0), URGENCY_WEIGHT * float(urgency[j]))
            for j in range(len(plans))
        ]

    # --- the question as the contract shows it ----------------------------------------

    def _question(self, plan: Plan, answered: np.ndarray) -> Question:
        spec, k, table = plan.spec, self.model.knowledge, self.table
        options: list
        groups: list[OptionGroup] = []
        if spec.field == "signs":
            options = [table.topics[t] for t in plan.topics if not answered[t]]
            labels = {s: k.signs[s].label for s in options}
            groups = option_groups(spec.sign_groups, options)
        elif k.fields[spec.field].kind == "text":  # typed in: the breed
            options, labels = [], {}
        else:
            field = k.fields[spec.field]
            answers = [table.answers[a] for a in table.of_field[spec.field]]
            options = [a.value for a in answers]
            if field.kind == "multi":
                options = [a.value[0] for a in answers]  # type: ignore[index]
                labels = {o: field.values[o].label for o in options}
            elif field.kind == "number":
                labels = {
                    value_key(a.value): field.values[name].label
                    for a, (name, _) in zip(
                        answers, self.model.features.ranges[spec.field], strict=True
                    )
                }
            else:
                labels = {value_key(o): field.values[value_key(o)].label for o in options}
        return Question(
            field=spec.field,
            text=spec.text,
            options=options,
            option_labels=labels,
            option_groups=groups,
            help=spec.help,
        )


def _words(leaves: np.ndarray) -> np.ndarray:
    """Leaves (bool, the last axis) as words of eight, one byte each (uint64)."""
    width = leaves.shape[-1]
    padded = np.zeros((*leaves.shape[:-1], -(-width // 8) * 8), dtype=bool)
    padded[..., :width] = leaves
    return padded.view(np.uint64)


def option_groups(groups: list[SignGroup], options: Iterable[str]) -> list[OptionGroup]:
    """A checklist's headed parts, each with only the options still offered."""
    offered = set(options)
    return [
        OptionGroup(label=g.label, options=[s for s in g.signs if s in offered])
        for g in groups
        if offered.intersection(g.signs)
    ]


_planner: Planner | None = None


def planner() -> Planner:
    """The planner of the knowledge's model, built once."""
    global _planner
    if _planner is None:
        _planner = Planner(get_model())
    return _planner


def next_step(case: Case, model: Model | None = None) -> NextStep:
    if model is not None:
        return Planner(model).next_step(case)
    return planner().next_step(case)
