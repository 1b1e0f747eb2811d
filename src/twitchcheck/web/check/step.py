"""What the templates need to show one question: options with labels, the kind of
input, the answer given before (after "back"), and the questions left."""

from __future__ import annotations

from dataclasses import dataclass

from twitchcheck.case import Question
from twitchcheck.session import Interview, field_kind, field_label, is_typed, option_value

NONE_OF_THESE = "__none__"


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    checked: bool
    number: int  # its place in the question's options, from 1: the input's id


@dataclass(frozen=True)
class Group:
    label: str  # "" for a question whose options have no headings
    options: list[Option]


def _label(question: Question, option) -> str:
    value = option_value(option)
    if value in question.option_labels:
        return question.option_labels[value]
    if str(option) in question.option_labels:
        return question.option_labels[str(option)]
    return str(option).replace("_", " ").capitalize()


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


def question_context(question: Question, prefill: dict | None = None) -> dict:
    """The question's own parts, for the step and for correcting a fact."""
    kind = field_kind(question.field)
    previous = _previous_answer(question, prefill)
    options = [
        Option(value=option_value(o), label=_label(question, o), checked=o in previous, number=i)
        for i, o in enumerate(question.options, start=1)
    ]
    by_value = {option.value: option for option in options}
    groups = [
        Group(g.label, [by_value[v] for v in map(option_value, g.options) if v in by_value])
        for g in question.option_groups
    ]
    grouped = {option.value for group in groups for option in group.options}
    rest = [option for option in options if option.value not in grouped]
    if rest:
        groups.append(Group("Other" if groups else "", rest))
    if kind in ("signs", "multi"):
        input_type = "checkbox"
    elif options:
        input_type = "radio"
    else:
        input_type = "number" if kind == "number" else "text"
    typed = previous[0] if previous and is_typed(question) else ""
    if isinstance(typed, float):
        typed = f"{typed:g}"
    return {
        "question": question,
        "input_type": input_type,
        "options": options,
        "groups": groups,
        "typed_value": typed,
        "is_signs": kind == "signs",
        "none_of_these": NONE_OF_THESE if kind == "signs" else "",
        "none_checked": kind == "signs" and prefill is not None and not previous,
        "field_label": field_label(question.field),
        "is_age": question.field == "dog.age_years",
        "is_count": question.field == "episode.count_24h",
    }


def step_context(
    interview: Interview,
    question: Question,
    *,
    state: str,
    error: str = "",
    prefill: dict | None = None,
) -> dict:
    left = interview.questions_left()
    asked = interview.asked
    return {
        **question_context(question, prefill),
        "number": interview.number,
        "questions_left": left,
        "progress_max": asked + left + 1,
        "progress_value": asked,
        "state": state,
        "error": error,
        "emergency": interview.emergency_shown,
        "dog_name": interview.dog_name,
    }
