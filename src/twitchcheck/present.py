"""What a result shows an owner, and in which order: one plan for the web result page,
the terminal's result screen and the Markdown report.

1. What to do now, in the urgency's colour: the headline, then the actions (most urgent
   first, never the headline twice; telephone lines kept apart so that each surface can
   show the ones that fit the owner, as links where it can).
2. Why: the red flags, then the facts of this dog that point to the leading cause.
3. What would change the answer (`what_would_change`), most important first.
4. The likely causes, with a note when the leading cause on its own is less urgent than
   the result (a red flag decides then, whatever the cause), so banner, causes and
   advice never seem to disagree.
5. Prevention.

Plain Python over an `Assessment`; nothing here decides anything the engine did not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from twitchcheck.case import Assessment, CauseResult

if TYPE_CHECKING:
    from twitchcheck.knowledge import Knowledge

LEVELS = ("normal", "home_care", "see_vet", "emergency")
# causes at least this likely are "likely"; at most this many
LIKELY = 0.05
TOP = 4
# what to do now: this many in the lead, the rest under "more"
LEAD_ACTIONS = 6

PHONE = re.compile(r"(?<![\w+])(\+?\(?\d[\d ()./-]{5,}\d)(?![\w])")


def tel_href(phone: str) -> str:
    """A telephone number as a tel: link target (digits, and a leading +)."""
    digits = re.sub(r"[^\d+]", "", phone)
    return "tel:" + (digits[0] + digits[1:].replace("+", "") if digits else "")


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    note: str = ""

    @property
    def href(self) -> str:
        return tel_href(self.phone)


@dataclass(frozen=True)
class CauseView:
    id: str
    name: str
    summary: str
    percent: int
    probability: float
    reasons: list[str]
    refines: str | None
    usual: str  # the cause's usual urgency


@dataclass(frozen=True)
class ChangeView:
    text: str
    urgency: str
    label: str  # the urgency it would give, in words


@dataclass
class Presented:
    urgency: str
    label: str
    headline: str
    actions: list[str]
    more_actions: list[str]
    contacts: list[Contact]
    red_flags: list[str]
    leading: CauseView
    leading_reasons: list[str]
    changes: list[ChangeView]
    likely: list[CauseView]
    less_likely: list[CauseView]
    cause_note: str
    prevention: list[tuple[str, str, str]]  # (id, title, text)
    disclaimer: str
    extra: dict = field(default_factory=dict)

    @property
    def poison_line_fits(self) -> bool:
        """A poison line belongs with this result: a likely cause (or the engine's advice)
        names a telephone line."""
        return bool(self.contacts)


def _contacts_by_line(knowledge: Knowledge) -> dict[str, Contact]:
    """Each contact as the engine writes it into actions ("Name: phone (note)")."""
    lines = {}
    for cause in knowledge.causes:
        for c in cause.contacts:
            contact = Contact(c.name, c.phone, c.note)
            lines[f"{c.name}: {c.phone} ({c.note})"] = contact
            lines[f"{c.name}: {c.phone}"] = contact
    return lines


def present(assessment: Assessment | dict, knowledge: Knowledge | None = None) -> Presented:
    from twitchcheck.knowledge import load_knowledge

    knowledge = knowledge or load_knowledge()
    if isinstance(assessment, dict):
        assessment = Assessment.model_validate(assessment)
    level = assessment.urgency
    text = knowledge.meta.urgency[level]
    said = {text.headline}
    contact_lines = _contacts_by_line(knowledge)
    actions, contacts = [], []
    for line in assessment.actions:
        if line in said:
            continue
        said.add(line)
        if line in contact_lines:
            if contact_lines[line] not in contacts:
                contacts.append(contact_lines[line])
            continue
        actions.append(line)

    def view(c: CauseResult) -> CauseView:
        try:
            cause = knowledge.cause(c.id)
            name, summary, usual = cause.name, cause.summary, cause.urgency.base
        except KeyError:
            name, summary, usual = c.id.replace("_", " ").capitalize(), "", "see_vet"
        return CauseView(
            id=c.id,
            name=name,
            summary=summary,
            percent=round(c.probability * 100),
            probability=c.probability,
            reasons=list(c.reasons),
            refines=c.refines,
            usual=usual,
        )

    rows = [view(c) for c in assessment.causes]
    likely = [r for r in rows[:TOP] if r.probability >= LIKELY] or rows[:1]
    leading = rows[0]
    note = ""
    if LEVELS.index(leading.usual) < LEVELS.index(level):
        if assessment.red_flags:
            note = (
                f"{leading.name} is the most likely cause, and on its own it is seldom "
                f"urgent; but what you describe makes this {text.label.lower()}, "
                "whatever the cause turns out to be."
            )
        else:
            note = (
                f"{leading.name} is the most likely cause, but the more serious causes "
                "below cannot be ruled out from what we know, so we advise the safer course."
            )
    # the telephone lines of the likely causes (a poison line with a likely poisoning)
    for cause in likely:
        try:
            lines = knowledge.cause(cause.id).contacts
        except KeyError:
            lines = []
        for c in lines:
            contact = Contact(c.name, c.phone, c.note)
            if contact not in contacts:
                contacts.append(contact)
    titles = {p.id: p.title for p in knowledge.prevention}
    return Presented(
        urgency=level,
        label=text.label,
        headline=text.headline,
        actions=actions[:LEAD_ACTIONS],
        more_actions=actions[LEAD_ACTIONS:],
        contacts=contacts,
        red_flags=list(assessment.red_flags),
        leading=leading,
        leading_reasons=list(leading.reasons),
        changes=[
            ChangeView(
                text=c.text,
                urgency=c.urgency,
                label=knowledge.meta.urgency[c.urgency].label,
            )
            for c in assessment.what_would_change
        ],
        likely=likely,
        less_likely=rows[len(likely) :],
        cause_note=note,
        prevention=[(p.id, titles.get(p.id, p.id), p.text) for p in assessment.prevention],
        disclaimer=assessment.disclaimer,
    )
