"""What the result page shows: urgency first, then causes, actions, prevention."""

from __future__ import annotations

from dataclasses import dataclass

from twitchcheck import assess, load_knowledge
from twitchcheck.case import FIELD_PATHS, Case
from twitchcheck.web.guide.article import cause_anchor
from twitchcheck.web.store.selectors import products_by_prevention

# causes below this share go under "less likely"
LIKELY = 0.05
TOP = 4


@dataclass(frozen=True)
class CauseRow:
    id: str
    name: str
    summary: str
    anchor: str
    percent: int
    probability: float
    reasons: list[str]


def _value_label(spec, value) -> str:
    if spec.kind == "number":
        for name, (low, high) in spec.ranges.items():
            if low <= value < high:
                return spec.values[name].label
        return str(value)
    entry = spec.values.get(value if isinstance(value, str) else str(value).lower())
    return entry.label if entry else str(value)


def _answers(case: Case) -> list[tuple[str, str]]:
    """What the owner told us, as (question label, answer) lines."""
    knowledge = load_knowledge()
    lines = []
    for path in FIELD_PATHS:
        spec = knowledge.fields[path]
        if path in case.unknown:
            lines.append((spec.label, "Not known"))
            continue
        value = case.get(path)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        lines.append((spec.label, ", ".join(_value_label(spec, v) for v in values)))
    if case.signs:
        lines.append(("Also seen", ", ".join(knowledge.signs[s].label for s in case.signs)))
    if case.signs_absent:
        lines.append(("Not seen", ", ".join(knowledge.signs[s].label for s in case.signs_absent)))
    return lines


def result_page_context(case: Case, request) -> dict:
    knowledge = load_knowledge()
    assessment = assess(case)
    rows = [
        CauseRow(
            id=c.id,
            name=knowledge.cause(c.id).name,
            summary=knowledge.cause(c.id).summary,
            anchor=cause_anchor(c.id),
            percent=round(c.probability * 100),
            probability=c.probability,
            reasons=c.reasons,
        )
        for c in assessment.causes
    ]
    likely = [r for r in rows[:TOP] if r.probability >= LIKELY] or rows[:1]
    urgency = knowledge.meta.urgency[assessment.urgency]
    said_above = {urgency.headline, *urgency.advice}
    products = products_by_prevention()
    titles = {p.id: p.title for p in knowledge.prevention}
    return {
        "assessment": assessment,
        "urgency": urgency,
        "actions": [a for a in assessment.actions if a not in said_above],
        "likely": likely,
        "less_likely": rows[len(likely) :],
        "prevention": [
            (titles.get(item.id, item.id), item, products.get(item.id, []))
            for item in assessment.prevention
        ],
        "answers": _answers(case),
        "share_url": request.build_absolute_uri(),
    }
