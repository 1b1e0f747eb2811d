"""The optional first step: the owner describes what they saw in their own words.

The words are read once by `understand` and then dropped: only the facts understood go
into the wizard state, as if answered, and nothing typed is stored or shown to anyone
else. Each fact is shown as a chip the owner can remove before the questions begin.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django import forms

from twitchcheck import load_knowledge
from twitchcheck.case import Case
from twitchcheck.understand import understand
from twitchcheck.web.check.result import _value_label
from twitchcheck.web.check.wizard import Snapshot, Wizard

MAX_LENGTH = 2000


class DescribeForm(forms.Form):
    text = forms.CharField(
        label="Describe what you saw",
        help_text=(
            "In your own words: what the twitching looked like, when it happens, how long it "
            "lasts, anything your dog ate or did. We only use it to fill in answers; it is "
            f"not kept. Up to {MAX_LENGTH:,} characters."
        ),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Please describe what you saw, or choose “Skip, just ask me questions”.",
            "max_length": (
                "Please keep it to %(limit_value)s characters or fewer (this has %(show_value)s)."
            ),
        },
    )


@dataclass(frozen=True)
class Fact:
    key: str  # what the remove button sends
    label: str  # the fact in words


def wizard_from_text(text: str) -> Wizard:
    """A wizard whose starting point is what `understand` read in text."""
    case, _evidence = understand(text)
    return Wizard(steps=(Snapshot(case=case.to_json_dict()),))


def facts(case: Case) -> list[Fact]:
    """The facts in case, one per chip, in the order of the questionnaire."""
    knowledge = load_knowledge()
    found = []
    for path, spec in knowledge.fields.items():
        if path in case.unknown:
            found.append(Fact(f"unknown:{path}", f"{spec.label}: not sure"))
            continue
        value = case.get(path)
        if value is None:
            continue
        if isinstance(value, list):
            for item in value:
                found.append(Fact(f"{path}:{item}", f"{spec.label}: {_value_label(spec, item)}"))
        elif spec.kind == "number":
            years = f"{value:g} year{'' if value == 1 else 's'}"
            found.append(Fact(path, f"{spec.label}: {years} ({_value_label(spec, value)})"))
        else:
            found.append(Fact(path, f"{spec.label}: {_value_label(spec, value)}"))
    for sign in case.signs:
        found.append(Fact(f"signs:{sign}", f"Seen: {knowledge.signs[sign].label}"))
    for sign in case.signs_absent:
        found.append(Fact(f"signs_absent:{sign}", f"Not seen: {knowledge.signs[sign].label}"))
    return found


def remove_fact(wizard: Wizard, key: str) -> Wizard:
    """The wizard with one understood fact taken out (an unknown key changes nothing)."""
    case = json.loads(json.dumps(wizard.current.case))  # a deep copy
    path, _, item = key.partition(":")
    if path in ("signs", "signs_absent", "unknown"):
        case[path] = [v for v in case.get(path, []) if v != item]
    else:
        section, _, name = path.partition(".")
        values = case.get(section, {})
        if name in values:
            if item and isinstance(values[name], list):
                values[name] = [v for v in values[name] if str(v) != item]
                if not values[name]:
                    del values[name]
            elif not item:
                del values[name]
    Case.model_validate(case)
    return Wizard(steps=(*wizard.steps[:-1], Snapshot(case, wizard.current.skipped_signs)))
