"""The shape of the veterinary knowledge: pydantic models that the data files must fit.

Cross-checks that need the whole knowledge base (every field, sign, cause and prevention
id a file mentions must exist) live in `loader.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Urgency = Literal["emergency", "see_vet", "home_care", "normal"]
Probability = float


class _Data(BaseModel):
    # validators are built on first use: a process that loads the knowledge from its cache
    # (the command line) never validates it, and building them took a tenth of its start
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Reference(_Data):
    title: str = Field(min_length=3)
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    # a textbook or paper: authors, work, year (and pages); a reference needs a url or this
    citation: str | None = None
    doi: str | None = Field(default=None, pattern=r"^10\.\d{4,9}/\S+$")
    pmid: str | None = Field(default=None, pattern=r"^\d{5,9}$")
    # primary: peer-reviewed studies and case series;
    # authoritative: consensus statements, textbooks, veterinary manuals, vet schools,
    # poison services; extra: further reading only (clinic pages, owner sites)
    strength: Literal["primary", "authoritative", "extra"] = "extra"

    @model_validator(mode="after")
    def _findable(self) -> Reference:
        if not (self.url or self.citation or self.doi or self.pmid):
            raise ValueError("a reference needs a url, a citation, a doi or a pmid")
        return self


class Contact(_Data):
    name: str
    phone: str
    note: str = ""


class Condition(_Data):
    """A test on a case. Exactly one form is used:
    field + one of is/in/answered_unknown; sign; signs_any; signs_two_of; breed; all; any;
    not. `signs_two_of` holds when at least two of its signs are seen.
    A number field is tested by its named ranges ("dog.age_years in [young_puppy]"); the
    breed by breed groups ("breed: [toy]"). `in: [unknown]` is the answer "we don't know";
    `answered_unknown` is that answer or a "don't know" to the question. `or_unsure` makes an
    is/in test hold on a "don't know" too: for a danger criterion that an owner's uncertainty
    must not hide."""

    field: str | None = None
    is_: bool | None = Field(default=None, alias="is")
    in_: list[str] | None = Field(default=None, alias="in")
    answered_unknown: bool | None = None
    or_unsure: bool = False
    sign: str | None = None
    signs_any: list[str] | None = None
    signs_two_of: list[str] | None = Field(default=None, min_length=3)
    breed: list[str] | None = None
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [
            self.field is not None,
            self.sign is not None,
            self.signs_any is not None,
            self.signs_two_of is not None,
            self.breed is not None,
            self.all is not None,
            self.any is not None,
            self.not_ is not None,
        ]
        if sum(forms) != 1:
            raise ValueError(
                "a condition uses exactly one of: field, sign, signs_any, signs_two_of, breed, "
                "all, any, not"
            )
        if self.field is not None:
            tests = [self.is_, self.in_, self.answered_unknown]
            if sum(t is not None for t in tests) != 1:
                raise ValueError("a field condition needs exactly one of: is, in, answered_unknown")
            if self.or_unsure and self.answered_unknown is not None:
                raise ValueError("or_unsure goes with is or in, not with answered_unknown")
        elif self.or_unsure:
            raise ValueError("or_unsure goes with a field condition")
        return self


class Escalation(_Data):
    to: Urgency
    when: Condition
    flag: str = Field(min_length=5, description="what raised it, in an owner's words")


class CauseUrgency(_Data):
    base: Urgency
    escalate: list[Escalation] = []


class Requirement(_Data):
    """A fact a cause hardly ever happens without (heat for heatstroke, a nursing mother for
    eclampsia). While the case does not show it, the cause is `otherwise` times as likely,
    so that an unknown fact is asked about rather than assumed."""

    when: Condition
    otherwise: float = Field(gt=0, lt=1)
    # the fact in an owner's words, for what would change the answer
    text: str = Field(min_length=5)


class Action(str):
    """One piece of advice: its text, and when it applies. `when`: facts that must hold;
    `only_at`: the urgencies it fits (empty: any). A plain string in the data is an action
    that always applies."""

    when: Condition | None
    only_at: tuple[str, ...]

    def __new__(
        cls, text: str, when: Condition | None = None, only_at: Iterable[str] = ()
    ) -> Action:
        action = super().__new__(cls, text)
        action.when = when
        action.only_at = tuple(only_at)
        return action

    @classmethod
    def parse(cls, entry: Any) -> Action:
        if isinstance(entry, Action):
            return entry
        if isinstance(entry, str):
            return cls(entry)
        if not isinstance(entry, dict):
            raise ValueError("an action is a text, or {text, when, only_at}")
        unknown = set(entry) - {"text", "when", "only_at"}
        if unknown:
            raise ValueError(f"unknown keys in an action: {sorted(unknown)}")
        text = entry.get("text")
        if not isinstance(text, str) or len(text) < 5:
            raise ValueError("an action needs a text")
        only_at = entry.get("only_at", [])
        levels = ("emergency", "see_vet", "home_care", "normal")
        if not isinstance(only_at, list) or any(v not in levels for v in only_at):
            raise ValueError(f"only_at: a list of urgencies out of {list(levels)}")
        when = Condition.model_validate(entry["when"]) if "when" in entry else None
        return cls(text, when, only_at)


def _actions(entries: Any) -> list[Action]:
    if not isinstance(entries, list):
        raise ValueError("a list of actions")
    return [Action.parse(e) for e in entries]


class Cause(_Data):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    refines: str | None = None
    summary: str = Field(min_length=20)
    how_it_shows: list[str] = Field(min_length=1)
    prior: Probability = Field(gt=0, le=1)
    # field path -> {value: probability}, or a probability for a yes/no field;
    # "signs" -> {sign: probability present}; "episode.body_area" -> {area: probability};
    # "dog.breed" -> {breed group: likelihood ratio}
    likelihoods: dict[str, dict[str, float] | float] = {}
    requires: Requirement | None = None
    urgency: CauseUrgency
    actions: list[Action] = Field(min_length=1)
    see_vet_when: list[str] = Field(min_length=1)
    prevention: list[str] = []
    contacts: list[Contact] = []
    references: list[Reference] = Field(min_length=1)
    # where the guide lists it: "article" for the source article's nine, otherwise by what
    # an owner sees
    group: Literal[
        "article",
        "everyday_twitches",
        "shivering_and_trembling",
        "fits_and_collapse",
        "stiffness_and_cramps",
        "head_and_face",
        "pain",
        "illness_and_poisoning",
    ]

    model_config = ConfigDict(
        extra="forbid", frozen=True, defer_build=True, arbitrary_types_allowed=True
    )

    _parse_actions = field_validator("actions", mode="before")(_actions)

    def table(self, path: str) -> dict[str, float]:
        """The likelihoods the cause gives for a field, signs or breed groups ({} if none);
        a yes/no field's single probability becomes {"true": p, "false": 1 - p}."""
        given = self.likelihoods.get(path)
        if given is None:
            return {}
        if isinstance(given, dict):
            return {str(k): float(v) for k, v in given.items()}
        return {"true": float(given), "false": 1.0 - float(given)}


class FieldValue(_Data):
    label: str
    fact: str = Field(description="the value as a fact about the dog, for reasons")
    # the value as a condition in an owner's words ("she is pregnant or nursing puppies"),
    # for what would change the answer; values without it are never suggested
    if_text: str | None = None
    # number fields: the value a question's answer stands for (3 for "one to five years")
    answer: int | float | None = None
    # offered as an answer to the field's question; "not sure" values are not, because
    # every question takes "don't know"
    offered: bool = True


class FieldSpec(_Data):
    label: str
    kind: Literal["choice", "boolean", "number", "text", "multi"]
    values: dict[str, FieldValue] = {}
    # how often each value is seen in dogs brought up for twitching in general
    background: dict[str, float] = {}
    # number fields: named ranges [low, high) used as values
    ranges: dict[str, tuple[float, float]] = {}

    @model_validator(mode="after")
    def _background_covers_values(self) -> FieldSpec:
        if self.kind in ("choice", "boolean", "multi", "number"):
            names = set(self.values)
            if set(self.background) != names:
                raise ValueError(f"background must give every value: {sorted(names)}")
        if self.kind == "number":
            if set(self.ranges) != set(self.values):
                raise ValueError("a number field needs a range for every value")
            for name, value in self.values.items():
                low, high = self.ranges[name]
                if value.answer is None or not low <= value.answer < high:
                    raise ValueError(f"values.{name}.answer: a number inside its range")
        return self


class Sign(_Data):
    label: str
    present: str
    absent: str
    background: Probability = Field(gt=0, lt=1)
    # the sign as a condition in an owner's words ("your dog collapses or cannot stand")
    if_seen: str = Field(min_length=5)


class SignGroup(_Data):
    """A heading over some of a checklist's signs, so that a long list reads in parts."""

    label: str = Field(min_length=1)
    signs: list[str] = Field(min_length=1)


class QuestionSpec(_Data):
    id: str
    field: str
    text: str
    help: str = ""
    signs: list[str] = []
    # a long checklist in headed parts; `signs` is then their signs, in order
    sign_groups: list[SignGroup] = []
    # ask only when this holds (for example: the nursing question only for a female dog)
    only_if: Condition | None = None
    # part of the red-flag screen: the interview is not done while it applies and is open;
    # `screen_if`: part of the screen only when this holds (asked on its merits otherwise)
    screen: bool = False
    screen_if: Condition | None = None
    # asked first, in the file's order, while open: what the owner saw and when, the way a
    # vet's telephone triage starts
    opening: bool = False
    # how often an owner can answer it rather than "don't know": a question's value is
    # weighed by it (ticked checklists are always answered)
    answerable: float = Field(default=1.0, gt=0, le=1)

    @model_validator(mode="before")
    @classmethod
    def _signs_from_groups(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("sign_groups"):
            if data.get("signs"):
                raise ValueError("give either signs or sign_groups, not both")
            groups = data["sign_groups"]
            if isinstance(groups, list):
                data = {
                    **data,
                    "signs": [s for g in groups if isinstance(g, dict) for s in g.get("signs", [])],
                }
        return data


class PreventionSpec(_Data):
    id: str
    title: str
    text: str


class RedFlag(_Data):
    id: str
    urgency: Urgency
    when: Condition
    text: str
    # first aid for this danger, shown before any cause's advice
    actions: list[Action] = []

    model_config = ConfigDict(
        extra="forbid", frozen=True, defer_build=True, arbitrary_types_allowed=True
    )

    _parse_actions = field_validator("actions", mode="before")(_actions)


class UrgencyText(_Data):
    label: str
    headline: str
    advice: list[str]
    # what to do, after "If ...: " in what would change the answer
    if_then: str


class GuideSection(_Data):
    id: str
    title: str
    paragraphs: list[str]


class Meta(_Data):
    disclaimer: str
    urgency: dict[Urgency, UrgencyText]
    # the share of probability held by causes at or above a level that sets that level
    thresholds: dict[Literal["emergency", "see_vet", "home_care"], float]
    # how much each fact counts: below 1, because the facts an owner gives are not
    # independent of each other as naive Bayes assumes
    evidence_weight: float = Field(default=1.0, gt=0, le=1)
    # when the case says too little to go on, the first action says so
    too_little_known: str
    # signs that are red flags in themselves: seeing one never lowers the urgency
    red_flag_signs: list[str] = []
    guide: list[GuideSection] = []


class BreedGroup(_Data):
    label: str
    breeds: list[str] = Field(min_length=1)
