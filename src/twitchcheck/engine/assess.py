"""assess(case) -> assessment: urgency, ranked causes with reasons, what would change the
urgency, actions and prevention. Many cases are assessed together (`assess_cases`), so that
the batch command line and the web API share one vectorised path."""

from __future__ import annotations

import numpy as np

from twitchcheck.case import Case
from twitchcheck.engine.answers import AnswerTable, Rows, answer_table
from twitchcheck.engine.model import FEW_FACTS, LEVELS, Evaluation, Model, get_model

MAX_REASONS = 5
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
    return [
        _assessment(model, columns[i], base, i, changes[i], rows.known[i])
        for i in range(len(cases))
    ]


def what_would_change(
    model: Model, table: AnswerTable, rows: Rows, base: Evaluation
) -> list[list[dict]]:
    """For each row: the single unknown facts whose answer would change its urgency,
    most urgent first, then most likely first; lowering ones after raising ones."""
    n = len(rows.raw)
    fits = table.applicable(rows)
    open_ = ~rows.answered[:, table.topic_of] & fits[:, table.topic_of] & table.changeable
    r, k = np.nonzero(open_)
    found: list[list[dict]] = [[] for _ in range(n)]
    if len(r) == 0:
        return found
    raw, leaves = table.with_answers(rows, r, k)
    levels = model.evaluate(raw, leaves, rows.known[r] + 1).level
    changed = levels != base.level[r]
    r, k, levels = r[changed], k[changed], levels[changed]
    likely = (base.post[r] * table.likelihood[k]).sum(axis=1)
    raising = levels > base.level[r]
    # most urgent first for raising changes; for lowering ones, the lowest first
    order = np.lexsort((-likely, np.where(raising, -levels, levels), ~raising, r))
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


def _assessment(model: Model, columns: list[int], ev: Evaluation, i: int, changes, known) -> dict:
    post = ev.post[i]
    level = int(ev.level[i])
    order = np.argsort(-post, kind="stable")
    probs = _rounded(post, order)
    reasons = _reasons(model, columns)
    causes = []
    for c in order.tolist():
        entry = {"id": model.cause_ids[c], "probability": probs[c], "reasons": reasons.get(c, [])}
        if model.refines_entry[c]:
            entry["refines"] = model.causes[c].refines
        causes.append(entry)

    driving = [c for c in order.tolist() if ev.cause_level[i, c] >= level and post[c] >= DRIVING]
    relevant = [c for c in order[:3].tolist() if post[c] >= RELEVANT] or order[:1].tolist()
    relevant += [c for c in driving if c not in relevant]
    flags = [r for j, r in enumerate(model.red_flags) if ev.fired[i, j]]
    flags.sort(key=lambda r: -r.level)
    return {
        "urgency": LEVELS[level],
        "causes": causes,
        "red_flags": _red_flags(model, ev, i, level, flags, driving),
        "what_would_change": changes,
        "actions": _actions(model, ev, i, level, flags, relevant, known=int(known)),
        "prevention": _prevention(model, relevant),
        "disclaimer": model.knowledge.meta.disclaimer,
    }


def _reasons(model: Model, columns: list[int]) -> dict[int, list[str]]:
    """The case's facts that make each cause at least twice as likely, strongest first."""
    found: dict[int, list[tuple[float, str]]] = {}
    for col in columns:
        for c in model.supported[col]:
            found.setdefault(c, []).append((model.log_ratio[col, c], model.fact_text[col]))
    reasons = {}
    for c, items in found.items():
        items.sort(reverse=True)
        reasons[c] = list(dict.fromkeys(text for _, text in items))[:MAX_REASONS]
    return reasons


def _red_flags(model: Model, ev: Evaluation, i: int, level: int, flags, driving) -> list[str]:
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


def _applies(model: Model, action, ev: Evaluation, i: int, level: int, leaves) -> bool:
    if action.only_at and LEVELS[level] not in action.only_at:
        return False
    test = model.action_tests.get(id(action))
    return test is None or bool(test(leaves)[0])


def _actions(model, ev, i, level, flags, relevant, known: int) -> list[str]:
    """What to do: the urgency's own advice, then first aid for each red flag, then the
    advice of the likely causes; each only where its facts and the urgency fit, once."""
    meta = model.knowledge.meta
    urgency = meta.urgency[LEVELS[level]]
    actions = [urgency.headline]
    if known < FEW_FACTS:
        actions.append(meta.too_little_known)
    leaves = ev.leaves[i : i + 1]
    for rule in flags:
        actions += [a for a in rule.actions if _applies(model, a, ev, i, level, leaves)]
    for c in relevant:
        actions += [a for a in model.causes[c].actions if _applies(model, a, ev, i, level, leaves)]
    actions += urgency.advice
    return list(dict.fromkeys(str(a) for a in actions))


def _prevention(model: Model, relevant: list[int]) -> list[dict]:
    ids = dict.fromkeys(item for c in relevant for item in model.causes[c].prevention)
    return [model.prevention_entry[item] for item in ids]


def _rounded(post, order) -> list[float]:
    """Probabilities rounded to 4 places that still add up to 1."""
    probs = [round(p, 4) for p in post.tolist()]
    probs[order[0]] = round(probs[order[0]] + 1.0 - sum(probs), 4)
    return probs
