"""assess(case) -> assessment: urgency, ranked causes with reasons, what would change the
urgency, actions and prevention. Many cases are assessed together (`assess_cases`), so that
the batch command line and the web API share one vectorised path."""

from __future__ import annotations

import numpy as np

from twitchcheck.case import Case
from twitchcheck.engine.answers import AnswerTable, Rows, answer_table
from twitchcheck.engine.model import (
    FEW_FACTS,
    LEVELS,
    Evaluation,
    Model,
    RedFlagRule,
    get_model,
)
from twitchcheck.knowledge.models import Action

MAX_REASONS = 5
# causes less likely than this are listed without their reasons (a cause under 1% has
# facts in its favour, but nobody needs to read them)
WITH_REASONS = 0.01
MAX_CHANGES = 8
# causes at least this likely, among the first three, give their advice and prevention
RELEVANT = 0.2
# a cause that drives the urgency gives its advice once at least this likely
DRIVING = 0.05


def assess_case(case: Case, model: Model | None = None) -> dict:
    """The assessment of one validated case, as the contract's JSON-ready dict."""
    return assess_cases([case], model)[0]


def assess_cases(cases: list[Case], model: Model | None = None) -> list[dict]:
    """The assessments of many validated cases, in order."""
    model = model or get_model()
    table = answer_table(model)
    columns = [model.features.columns(c) for c in cases]
    rows = table.rows(columns)
    base = model.evaluate(rows.raw, rows.leaves, rows.known)
    changes = what_would_change(model, table, rows, base)
    v = np.ascontiguousarray(base.leaves.T)
    applies = {key: test(v) for key, test in model.action_tests.items()}
    reasons = _reasons(model, columns, base.post)
    order = np.argsort(-base.post, axis=1, kind="stable")
    probs = _rounded(base.post, order)
    return [
        _assessment(
            model,
            reasons[i],
            base,
            i,
            order[i].tolist(),
            probs[i],
            changes[i],
            rows.known[i],
            applies,
        )
        for i in range(len(cases))
    ]


def what_would_change(
    model: Model, table: AnswerTable, rows: Rows, base: Evaluation
) -> list[list[dict]]:
    """For each row: the single unknown facts whose answer would change its urgency,
    most urgent first, then most likely first; lowering ones after raising ones. A question
    answered "don't know" counts as unknown: the owner who finds out learns what it changes
    (its "don't know" stays in the row, so only what the answer adds is weighed)."""
    n = len(rows.raw)
    fits = table.applicable(rows)
    unknown = ~rows.answered | rows.unsure
    open_ = unknown[:, table.topic_of] & fits[:, table.topic_of] & table.changeable
    r, k = np.nonzero(open_)
    found: list[list[dict]] = [[] for _ in range(n)]
    if len(r) == 0:
        return found
    raw, leaves = table.with_answers(rows, r, k)
    evaluated = model.evaluate(raw, leaves, rows.known[r] + 1)
    levels = evaluated.level
    changed = levels != base.level[r]
    r, k, levels = r[changed], k[changed], levels[changed]
    by_rule = evaluated.flag_level[changed] == levels  # a red flag, not a shift of the odds
    likely = (base.post[r] * table.likelihood[k]).sum(axis=1)
    raising = levels > base.level[r]
    # raising changes first, the most urgent first, those a red flag makes before those the
    # odds make, then the most likely; lowering ones after, the lowest first
    order = np.lexsort((-likely, ~by_rule, np.where(raising, -levels, levels), ~raising, r))
    meta = model.knowledge.meta
    for j in order:
        row = found[r[j]]
        if len(row) >= MAX_CHANGES:
            continue
        answer = table.answers[k[j]]
        level = LEVELS[levels[j]]
        text = f"If {table.if_texts[k[j]]}: {meta.urgency[level].if_then}"
        if any(c["text"] == text for c in row):
            continue
        value = answer.value[0] if isinstance(answer.value, list) else answer.value
        row.append({"field": answer.field, "value": value, "urgency": level, "text": text})
    return found


def _assessment(
    model: Model,
    reasons: dict[int, list[str]],
    ev: Evaluation,
    i: int,
    order: list[int],
    probs: list[float],
    changes: list[dict],
    known: int,
    applies: dict[int, np.ndarray],
) -> dict:
    level = int(ev.level[i])
    ids, refines, get = model.cause_ids, model.refines_of, reasons.get
    causes = [
        {"id": ids[c], "probability": probs[c], "reasons": get(c, [])}
        if refines[c] is False
        else {"id": ids[c], "probability": probs[c], "reasons": get(c, []), "refines": refines[c]}
        for c in order
    ]
    likely = [c for c in order if probs[c] >= DRIVING]  # the rest cannot drive or matter
    cause_level = ev.cause_level[i]
    driving = [c for c in likely if cause_level[c] >= level]
    relevant = [c for c in likely[:3] if probs[c] >= RELEVANT] or order[:1]
    relevant += [c for c in driving if c not in relevant]
    flags = [model.red_flags[j] for j in np.flatnonzero(ev.fired[i])]
    flags.sort(key=lambda r: -r.level)
    return {
        "urgency": LEVELS[level],
        "causes": causes,
        "red_flags": _red_flags(model, ev, i, level, flags, driving),
        "what_would_change": changes,
        "actions": _actions(model, i, level, flags, relevant, int(known), applies),
        "prevention": _prevention(model, relevant),
        "disclaimer": model.knowledge.meta.disclaimer,
    }


def _reasons(
    model: Model, column_lists: list[list[int]], post: np.ndarray
) -> list[dict[int, list[str]]]:
    """For each case: the facts that make each cause at least twice as likely, strongest
    first (at most MAX_REASONS), for the causes at least WITH_REASONS likely. Fact texts are
    unique, so no reason repeats."""
    n = len(column_lists)
    width = max((len(cols) for cols in column_lists), default=0)
    found: list[dict[int, list[str]]] = [{} for _ in range(n)]
    if width == 0:
        return found
    padded = np.full((n, width), model.no_fact, dtype=np.intp)
    for r, cols in enumerate(column_lists):
        padded[r, : len(cols)] = cols
    rows, causes = np.nonzero(post >= WITH_REASONS)  # the (case, cause) pairs to explain
    facts = padded[rows]  # pairs x facts
    ratios = model.log_ratio[facts, causes[:, None]]
    order = np.argsort(-ratios, axis=1, kind="stable")[:, :MAX_REASONS]
    strong = np.take_along_axis(ratios, order, axis=1) >= model.support_threshold
    texts = model.fact_text
    for pair, rank in zip(*np.nonzero(strong), strict=True):
        fact = facts[pair, order[pair, rank]]
        found[rows[pair]].setdefault(int(causes[pair]), []).append(texts[fact])
    return found


def _red_flags(
    model: Model,
    ev: Evaluation,
    i: int,
    level: int,
    flags: list[RedFlagRule],
    driving: list[int],
) -> list[str]:
    """The facts that raised the urgency: red flags at the result's level or above see_vet,
    and the escalation rules of the causes that drive it."""
    texts = [r.text for r in flags if r.level >= 2]
    if level >= 2 and level > int(ev.flag_level[i]):
        escalated = [
            esc.flag
            for j, esc in enumerate(model.escalations)
            if ev.escalated[i, j] and esc.cause in driving and esc.level == level
        ]
        if not escalated and driving:
            name = model.causes[driving[0]].name
            escalated = [f"The signs could fit {name.lower()}, which a vet needs to examine."]
        texts += escalated
    return list(dict.fromkeys(texts))


def _applies(
    model: Model, action: Action, i: int, level: int, applies: dict[int, np.ndarray]
) -> bool:
    if action.only_at and LEVELS[level] not in action.only_at:
        return False
    hits = applies.get(id(action))
    return hits is None or bool(hits[i])


def _actions(
    model: Model,
    i: int,
    level: int,
    flags: list[RedFlagRule],
    relevant: list[int],
    known: int,
    applies: dict[int, np.ndarray],
) -> list[str]:
    """What to do: the urgency's own advice, then first aid for each red flag, then the
    advice of the likely causes; each only where its facts and the urgency fit, once."""
    meta = model.knowledge.meta
    urgency = meta.urgency[LEVELS[level]]
    actions = [urgency.headline]
    if known < FEW_FACTS:
        actions.append(meta.too_little_known)
    for rule in flags:
        actions += [a for a in rule.actions if _applies(model, a, i, level, applies)]
    for c in relevant:
        actions += [a for a in model.causes[c].actions if _applies(model, a, i, level, applies)]
    actions += urgency.advice
    return list(dict.fromkeys(str(a) for a in actions))


def _prevention(model: Model, relevant: list[int]) -> list[dict]:
    ids = dict.fromkeys(item for c in relevant for item in model.causes[c].prevention)
    return [model.prevention_entry[item] for item in ids]


def _rounded(post: np.ndarray, order: np.ndarray) -> list[list[float]]:
    """Each row's probabilities rounded to 4 places, still adding up to 1 (the rounding
    error goes to the most likely cause)."""
    rounded = np.round(post, 4)
    first = order[:, 0]
    rows = np.arange(len(post))
    rounded[rows, first] = np.round(rounded[rows, first] + 1.0 - rounded.sum(axis=1), 4)
    return rounded.tolist()
