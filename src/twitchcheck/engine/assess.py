"""assess(case) -> assessment: urgency, ranked causes with reasons, actions, prevention."""

from __future__ import annotations

from twitchcheck.case import Case
from twitchcheck.engine.facts import facts_of
from twitchcheck.engine.model import LEVELS, Model, get_model, normalise
from twitchcheck.engine.urgency import urgency_of
from twitchcheck.knowledge import CONTRACT_CAUSES

MAX_REASONS = 5
# causes at least this likely contribute their actions and prevention
RELEVANT = 0.12


def assess_case(case: Case, model: Model | None = None) -> dict:
    """The assessment of a validated case, as the contract's JSON-ready dict."""
    model = model or get_model()
    facts = facts_of(case)
    rows = model.rows_for(facts)
    post = normalise(model.log_posterior(rows))
    urgency = urgency_of(model, facts, post)

    reasons: list[list[tuple[float, str]]] = [[] for _ in model.causes]
    for row in rows:
        for c in model.supported[row]:
            reasons[c].append((model.log_ratio[row, c], model.fact_text[row]))

    order = sorted(range(model.n_causes), key=lambda i: -post[i])
    probs = _rounded(post, order)
    causes = []
    for i in order:
        cause = model.causes[i]
        ranked = sorted(reasons[i], key=lambda r: -r[0])
        entry = {
            "id": cause.id,
            "probability": probs[i],
            "reasons": _dedupe(text for _, text in ranked)[:MAX_REASONS],
        }
        if cause.id not in CONTRACT_CAUSES:
            entry["refines"] = cause.refines
        causes.append(entry)

    relevant = [i for i in order if post[i] >= RELEVANT][:3] or order[:1]
    for i in urgency.driving:
        if i not in relevant:
            relevant.append(i)
    return {
        "urgency": LEVELS[urgency.level],
        "causes": causes,
        "red_flags": urgency.red_flags,
        "actions": _actions(model, urgency.level, relevant),
        "prevention": _prevention(model, relevant),
        "disclaimer": model.knowledge.meta.disclaimer,
    }


def _actions(model: Model, level: int, relevant: list[int]) -> list[str]:
    text = model.knowledge.meta.urgency[LEVELS[level]]
    actions = [text.headline, *text.advice]
    for i in relevant:
        cause = model.causes[i]
        actions.extend(cause.actions)
        actions.extend(f"{c.name}: {c.phone} ({c.note})" for c in cause.contacts)
    return _dedupe(actions)


def _prevention(model: Model, relevant: list[int]) -> list[dict]:
    ids = _dedupe(item for i in relevant for item in model.causes[i].prevention)
    if not ids:
        ids = ["water_intake"]
    k = model.knowledge
    return [{"id": item, "text": k.prevention_item(item).text} for item in ids]


def _rounded(post, order) -> list[float]:
    """Probabilities rounded to 4 places that still add up to 1, ties kept in order."""
    probs = [round(float(p), 4) for p in post]
    drift = round(1.0 - sum(probs), 4)
    probs[order[0]] = round(probs[order[0]] + drift, 4)
    return probs


def _dedupe(items) -> list:
    seen = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out

