"""assess(case) -> assessment: urgency, ranked causes with reasons, actions, prevention."""

from __future__ import annotations

from twitchcheck.case import Case
from twitchcheck.engine.facts import facts_of
from twitchcheck.engine.model import LEVELS, Model, get_model, normalise
from twitchcheck.engine.urgency import urgency_of

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

    # the case's facts that make each cause at least twice as likely: its reasons
    reasons: dict[int, list[tuple[float, str]]] = {}
    for row in rows:
        text = model.fact_text[row]
        ratios = model.log_ratio[row]
        for c in model.supported[row]:
            reasons.setdefault(c, []).append((ratios[c], text))

    order = sorted(range(model.n_causes), key=post.__getitem__, reverse=True)
    probs = _rounded(post, order)
    causes = []
    for i in order:
        entry = {"id": model.cause_ids[i], "probability": probs[i], "reasons": []}
        found = reasons.get(i)
        if found:
            found.sort(reverse=True)
            entry["reasons"] = list(dict.fromkeys(text for _, text in found))[:MAX_REASONS]
        if model.refines_entry[i]:
            entry["refines"] = model.causes[i].refines
        causes.append(entry)

    relevant = [i for i in order[:3] if post[i] >= RELEVANT] or order[:1]
    relevant += [i for i in urgency.driving if i not in relevant]
    return {
        "urgency": LEVELS[urgency.level],
        "causes": causes,
        "red_flags": urgency.red_flags,
        "actions": _actions(model, urgency.level, relevant),
        "prevention": _prevention(model, relevant),
        "disclaimer": model.knowledge.meta.disclaimer,
    }


def _actions(model: Model, level: int, relevant: list[int]) -> list[str]:
    actions = list(model.level_actions[level])
    for i in relevant:
        actions.extend(model.cause_actions[i])
    return list(dict.fromkeys(actions))


def _prevention(model: Model, relevant: list[int]) -> list[dict]:
    ids = dict.fromkeys(item for i in relevant for item in model.causes[i].prevention)
    return [model.prevention_entry[item] for item in ids or ("water_intake",)]


def _rounded(post, order) -> list[float]:
    """Probabilities rounded to 4 places that still add up to 1."""
    probs = [round(p, 4) for p in post.tolist()]
    probs[order[0]] = round(probs[order[0]] + 1.0 - sum(probs), 4)
    return probs
