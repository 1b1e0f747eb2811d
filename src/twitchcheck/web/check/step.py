"""What the step template needs to show one question."""

from __future__ import annotations

from dataclasses import dataclass

from twitchcheck import load_knowledge
from twitchcheck.case import Question
from twitchcheck.web.check.wizard import Wizard, field_kind, option_value


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    checked: bool


def _label(question: Question, option) -> str:
    value = option_value(option)
    if value in question.option_labels:
        return question.option_labels[value]
    if str(option) in question.option_labels:
        return question.option_labels[str(option)]
    knowledge = load_knowledge()
    if question.field == "signs" and option in knowledge.signs:
        return knowledge.signs[option].label
    spec = knowledge.fields.get(question.field)
    if spec and value in spec.values:
        return spec.values[value].label
    return str(option).replace("_", " ").capitalize()


def _field_label(field: str) -> str:
    spec = load_knowledge().fields.get(field)
    return spec.label if spec else "Your answer"


def _previous_answer(question: Question, prefill: dict | None) -> list:
    if not prefill:
        return []
    if question.field == "signs":
        return [s for s in prefill.get("signs", []) if s in question.options]
    section, _, name = question.field.partition(".")
    value = prefill.get(section, {}).get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def step_context(
    wizard: Wizard,
    question: Question,
    *,
    error: str = "",
    emergency: bool = False,
    prefill: dict | None = None,
) -> dict:
    kind = field_kind(question.field)
    previous = _previous_answer(question, prefill)
    options = [
        Option(value=option_value(o), label=_label(question, o), checked=o in previous)
        for o in question.options
    ]
    known, total = wizard.progress()
    if kind in ("signs", "multi"):
        input_type = "checkbox"
    elif options:
        input_type = "radio"
    else:
        input_type = "number" if kind == "number" else "text"
    return {
        "question": question,
        "input_type": input_type,
        "options": options,
        "typed_value": previous[0] if previous and not options else "",
        "is_signs": kind == "signs",
        "field_label": _field_label(question.field),
        "number": wizard.number,
        "known": known,
        "total": total,
        "state": wizard.dumps(),
        "can_go_back": wizard.number > 1,
        "offer_describe": wizard.number == 1 and not wizard.current.case,
        "error": error,
        "emergency": emergency,
    }
