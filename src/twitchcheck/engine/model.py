"""The knowledge compiled into numbers and tests, and the urgency of many rows at once.

Causes (naive Bayes): each column has a row of log P(fact | cause); a cause that says
nothing about a field takes the field's background there, so the fact cannot move it. The
posterior of a row of facts is log prior + weight * sum of its columns' rows, where the
evidence weight (below 1) tempers the naive assumption that an owner's facts are
independent. A cause's requirement (heat for heatstroke) divides it while the case does not
show the requirement.

Urgency, safety first; the more urgent of two routes wins:
- red flags, veterinary criteria that set a level whatever the cause (collapse, a fit over
  five minutes, possible poisoning, a nursing mother trembling, ...);
- the causes: each has a level for this case (its base, raised by its own escalation rules),
  and a level is reached once the causes at or above it hold that level's share of the
  probability (`meta.yaml` thresholds).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from twitchcheck.engine.conditions import Conditions, Test
from twitchcheck.engine.features import Answer, Features
from twitchcheck.knowledge import CONTRACT_CAUSES, Knowledge, load_knowledge
from twitchcheck.knowledge.models import Action, Cause, FieldSpec, Urgency

LEVELS: tuple[Urgency, ...] = ("normal", "home_care", "see_vet", "emergency")
LEVEL = {name: i for i, name in enumerate(LEVELS)}
EMERGENCY = LEVEL["emergency"]
SUPPORT_RATIO = 2.0  # a fact this many times likelier under a cause is one of its reasons
# Body areas the owner did not name are weaker evidence than areas they did.
UNNAMED_AREA_WEIGHT = 0.5
FLOOR = 1e-4  # no fact rules a cause out completely
# A case stating fewer facts than this cannot be sent to a vet by the causes alone (red flags
# still can): with almost nothing known, the posterior is the base rates, not this dog.
FEW_FACTS = 2
# `Model.levels` leaves to `evaluate` a row whose share of a level is this close to the
# threshold: its products differ from evaluate's exp of sums by about 1e-13 at most
MARGIN = 1e-9
TINY = 1e-250  # weights summing to less than this may have underflowed


@dataclass(frozen=True)
class Escalation:
    cause: int
    level: int
    when: Test
    flag: str


@dataclass(frozen=True)
class RedFlagRule:
    level: int
    when: Test
    text: str
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class Requirement:
    cause: int
    when: Test
    log_factor: float
    factor: float  # exp(log_factor): the same division, as a product


@dataclass
class Evaluation:
    """The urgency of rows of facts: posterior (rows x causes), each cause's level for the
    row, which red flags fired (rows x flags), and the resulting level per row."""

    post: np.ndarray
    leaves: np.ndarray
    cause_level: np.ndarray
    escalated: np.ndarray  # rows x escalation rules: which fired
    fired: np.ndarray
    flag_level: np.ndarray
    level: np.ndarray
    uncapped: np.ndarray  # the level as if enough facts were known (the few-facts cap off)


class Model:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.features = features = Features(knowledge)
        self.causes: list[Cause] = list(knowledge.causes)
        self.cause_ids = [c.id for c in self.causes]
        self.n_causes = n = len(self.causes)
        priors = np.array([c.prior for c in self.causes])
        self.log_prior = np.log(priors / priors.sum())
        self.weight = knowledge.meta.evidence_weight
        self.base_level = np.array([LEVEL[c.urgency.base] for c in self.causes])
        self.base_level8 = self.base_level.astype(np.int8)
        # the "refines" entry of each cause in an assessment, False for a contract cause
        self.refines_of = [False if c.id in CONTRACT_CAUSES else c.refines for c in self.causes]
        self.prevention_entry = {p.id: {"id": p.id, "text": p.text} for p in knowledge.prevention}
        families = list(dict.fromkeys(c.refines or c.id for c in self.causes))
        self.family_of = np.zeros((n, len(families)))
        for i, c in enumerate(self.causes):
            self.family_of[i, families.index(c.refines or c.id)] = 1.0
        thresholds = knowledge.meta.thresholds
        self.thresholds = np.array(
            [thresholds["home_care"], thresholds["see_vet"], thresholds["emergency"]]
        )

        loglik, background, texts = self._likelihoods()
        self.loglik = loglik  # columns x causes, untempered
        self.matrix = self.weight * loglik
        # one more row, no fact at all: padding when many cases' facts are stacked
        self.no_fact = features.n
        self.log_ratio = np.vstack([loglik - np.log(background)[:, None], np.zeros(n)])
        self.fact_text = [*texts, ""]
        self.support_threshold = math.log(SUPPORT_RATIO)

        self.conditions = cond = Conditions(features)
        self.escalations = [
            Escalation(i, LEVEL[e.to], cond.compile(e.when), e.flag)
            for i, c in enumerate(self.causes)
            for e in c.urgency.escalate
        ]
        self.requirements = [
            Requirement(
                i,
                cond.compile(c.requires.when),
                math.log(c.requires.otherwise),
                math.exp(math.log(c.requires.otherwise)),
            )
            for i, c in enumerate(self.causes)
            if c.requires is not None
        ]
        self.red_flags = [
            RedFlagRule(LEVEL[r.urgency], cond.compile(r.when), r.text, tuple(r.actions))
            for r in knowledge.red_flags
        ]
        self.action_tests = {
            id(a): cond.compile(a.when)
            for a in (
                *(a for c in self.causes for a in c.actions),
                *(a for r in knowledge.red_flags for a in r.actions),
            )
            if a.when is not None
        }
        self.question_tests = {
            q.id: cond.compile(q.only_if) for q in knowledge.questions if q.only_if is not None
        }
        self.screen_tests = {
            q.id: cond.compile(q.screen_if) for q in knowledge.questions if q.screen_if is not None
        }
        cond.fix()
        self.flag_levels = np.array([r.level for r in self.red_flags])

    # --- building the likelihood matrix ------------------------------------------------

    def _likelihoods(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        f, k = self.features, self.knowledge
        loglik = np.zeros((f.n, self.n_causes))
        background = np.ones(f.n)
        texts = [""] * f.n
        for path, spec in k.fields.items():
            if spec.kind in ("choice", "boolean", "number"):
                table = np.array([_distribution(c, path, spec) for c in self.causes])
                for j, value in enumerate(spec.values):
                    i = f.col[(path, value)]
                    loglik[i] = np.log(table[:, j])
                    background[i] = spec.background[value]
                    texts[i] = spec.values[value].fact
            elif spec.kind == "multi":
                for area, entry in spec.values.items():
                    bg = spec.background[area]
                    p = np.array([c.table(path).get(area, bg) for c in self.causes])
                    seen, unseen = f.col[("area", area, True)], f.col[("area", area, False)]
                    loglik[seen] = np.log(p)
                    loglik[unseen] = UNNAMED_AREA_WEIGHT * np.log1p(-p)
                    background[seen], background[unseen] = bg, (1 - bg) ** UNNAMED_AREA_WEIGHT
                    texts[seen], texts[unseen] = entry.fact, f"not {entry.fact}"
        for sid, sign in k.signs.items():
            bg = sign.background
            p = np.array([c.table("signs").get(sid, bg) for c in self.causes])
            seen, unseen = f.col[("sign", sid, True)], f.col[("sign", sid, False)]
            loglik[seen], loglik[unseen] = np.log(p), np.log1p(-p)
            background[seen], background[unseen] = bg, 1 - bg
            texts[seen], texts[unseen] = sign.present, sign.absent
        for gid, group in k.breed_groups.items():
            i = f.col[("breed", gid)]
            ratios = [c.table("dog.breed").get(gid, 1.0) for c in self.causes]
            loglik[i] = np.log(np.array(ratios))
            texts[i] = f"a breed among {group.label.lower()}"
        return loglik, background, texts

    # --- rows of facts -------------------------------------------------------------------

    def answer_rows(self, answers: list[Answer]) -> tuple[np.ndarray, np.ndarray]:
        """What each answer adds: (tempered log-likelihood per cause, leaves it turns on)."""
        raw = np.array([self.matrix[list(a.cols)].sum(axis=0) for a in answers])
        leaves = np.array([self.conditions.leaves_of(a.cols) for a in answers])
        return raw.reshape(len(answers), self.n_causes), leaves

    def evaluate(self, raw: np.ndarray, leaves: np.ndarray, known: np.ndarray | None) -> Evaluation:
        """The urgency of each row, from its raw log posterior, its leaf values and how many
        facts it states (None: as if enough were known, for weighing questions)."""
        v = np.ascontiguousarray(leaves.T)  # leaves x rows: each test reads one whole row
        logp = np.array(raw.T)  # causes x rows
        unmet = []
        for req in self.requirements:
            missing = ~req.when(v)
            logp[req.cause] += req.log_factor * missing
            unmet.append((req.cause, missing))
        logp -= logp.max(axis=0)
        post = np.exp(logp)
        post /= post.sum(axis=0)
        n = raw.shape[0]
        escalated = np.zeros((len(self.escalations), n), dtype=bool)
        cause_level = self._cause_levels(v, n, unmet, escalated)
        level = np.zeros(n, dtype=int)
        for lv in (1, 2, 3):
            mass = np.einsum("cr,cr->r", post, cause_level >= lv)
            level[mass >= self.thresholds[lv - 1]] = lv
        fired, flag_level = self._red_flags(v, n)
        uncapped = np.maximum(level, flag_level)
        _cap_few_facts(level, known)
        return Evaluation(
            post=post.T,
            leaves=leaves,
            cause_level=cause_level.T,
            escalated=escalated.T,
            fired=fired.T,
            flag_level=flag_level,
            level=np.maximum(level, flag_level),
            uncapped=uncapped,
        )

    def levels(
        self, weight: np.ndarray, v: np.ndarray, known: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The urgency `evaluate` gives, for many rows, without their posteriors: weight
        (causes x rows, overwritten) is each row's posterior up to a factor of the row, such
        as exp of its raw log posterior less a constant; v is its leaves (leaves x rows,
        C-contiguous). Products instead of sums of logs, and no exp, round differently: a
        row where a level's share comes within MARGIN of its threshold (or whose weights
        underflow) is returned as unsettled, for `evaluate` to weigh exactly.
        Returns (level, red flags' level, unsettled), per row."""
        n = weight.shape[1]
        unmet = []
        for req in self.requirements:
            missing = ~req.when(v)
            weight[req.cause] *= np.where(missing, req.factor, 1.0)
            unmet.append((req.cause, missing))
        cause_level = self._cause_levels(v, n, unmet, None)
        total = weight.sum(axis=0)
        unsettled = ~(total >= TINY)  # also NaN
        level = np.zeros(n, dtype=int)
        for lv in (1, 2, 3):
            share = np.einsum("cr,cr->r", weight, cause_level >= lv) / total
            threshold = self.thresholds[lv - 1]
            level[share >= threshold] = lv
            unsettled |= np.abs(share - threshold) < MARGIN
        _cap_few_facts(level, known)
        _, flag_level = self._red_flags(v, n)
        return np.maximum(level, flag_level), flag_level, unsettled

    def _cause_levels(
        self,
        v: np.ndarray,
        n: int,
        unmet: list[tuple[int, np.ndarray]],
        escalated: np.ndarray | None,
    ) -> np.ndarray:
        """Each cause's level for each row (causes x rows): its base, raised by the
        escalation rules that hold (noted in `escalated`, rules x rows, when given)."""
        cause_level = np.empty((self.n_causes, n), dtype=np.int8)
        cause_level[:] = self.base_level8[:, None]
        for j, esc in enumerate(self.escalations):
            hit = esc.when(v)
            if escalated is not None:
                escalated[j] = hit
            # the level where it holds, 0 elsewhere (no masked loop: those step item by item)
            raised = hit.view(np.int8) * np.int8(esc.level)
            np.maximum(cause_level[esc.cause], raised, out=cause_level[esc.cause])
        # a cause still missing the fact it hardly occurs without cannot by itself make an
        # emergency: that fact is asked, or named in what would change the answer
        for cause, missing in unmet:
            np.minimum(cause_level[cause], 3 - missing.view(np.int8), out=cause_level[cause])
        return cause_level

    def _red_flags(self, v: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Which red flags fire (flags x rows), and the highest level among them per row."""
        fired = np.array([r.when(v) for r in self.red_flags], dtype=bool).reshape(-1, n)
        flag_level = (fired * self.flag_levels[:, None]).max(axis=0, initial=0)
        return fired, flag_level


def _cap_few_facts(level: np.ndarray, known: np.ndarray | None) -> None:
    """With fewer than FEW_FACTS facts known, the causes alone go no higher than home care
    (in place; red flags are added after). None: as if enough were known."""
    if known is not None:
        np.minimum(level, np.where(known < FEW_FACTS, 1, 3), out=level)


def _distribution(cause: Cause, path: str, spec: FieldSpec) -> list[float]:
    """P(value | cause) for every value of a field, in the field's order: the values the
    cause gives, and the rest of the probability spread as the background spreads it."""
    given = cause.table(path)
    values = list(spec.values)
    rest = [v for v in values if v not in given]
    left = max(0.0, 1.0 - sum(given.values()))
    rest_bg = sum(spec.background[v] for v in rest)
    dist = [
        given[v] if v in given else left * spec.background[v] / rest_bg if rest_bg else 0.0
        for v in values
    ]
    total = sum(dist)
    return [max(p / total, FLOOR) for p in dist]


@functools.cache
def get_model() -> Model:
    return Model(load_knowledge())
