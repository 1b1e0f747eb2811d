"""The shape of the veterinary knowledge: pydantic models that the data files must fit.

Cross-checks that need the whole knowledge base (every field, sign, cause and prevention
id a file mentions must exist) live in `loader.py`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Urgency = Literal["emergency", "see_vet", "home_care", "normal"]
Probability = float


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Reference(_Data):
    title: str = Field(min_length=3)
    url: str = Field(pattern=r"^https?://\S+$")


class Contact(_Data):
    name: str
    phone: str
    note: str = ""


class Condition(_Data):
    """A test on a case. Exactly one form is used:
    field + one of is/in/below/at_least/answered_unknown; sign; signs_any; all; any; not."""

    field: str | None = None
    is_: bool | str | None = Field(default=None, alias="is")
    in_: list[str] | None = Field(default=None, alias="in")
    below: float | None = None
    at_least: float | None = None
    answered_unknown: bool | None = None
    sign: str | None = None
    signs_any: list[str] | None = None
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [
            self.field is not None,
            self.sign is not None,
            self.signs_any is not None,
            self.all is not None,
            self.any is not None,
            self.not_ is not None,
        ]
        if sum(forms) != 1:
            raise ValueError(
                "a condition uses exactly one of: field, sign, signs_any, all, any, not"
            )
        if self.field is not None:
            tests = [self.is_, self.in_, self.below, self.at_least, self.answered_unknown]
            if sum(t is not None for t in tests) != 1:
                raise ValueError(
                    "a field condition needs exactly one of: is, in, below, at_least, "
                    "answered_unknown"
                )
        return self


class Escalation(_Data):
    to: Urgency
    when: Condition
    flag: str = Field(min_length=5, description="what raised it, in an owner's words")


class CauseUrgency(_Data):
    base: Urgency
    escalate: list[Escalation] = []


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
    urgency: CauseUrgency
    actions: list[str] = Field(min_length=1)
    see_vet_when: list[str] = Field(min_length=1)
    prevention: list[str] = []
    contacts: list[Contact] = []
    references: list[Reference] = Field(min_length=1)


class FieldValue(_Data):
    label: str
    fact: str = Field(description="the value as a fact about the dog, for reasons")


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
        if self.kind == "number" and set(self.ranges) != set(self.values):
            raise ValueError("a number field needs a range for every value")
        return self


class Sign(_Data):
    label: str
    present: str
    absent: str
    background: Probability = Field(gt=0, lt=1)
    red_flag: bool = False


class QuestionSpec(_Data):
    id: str
    field: str
    text: str
    help: str = ""
    signs: list[str] = []
    # ask only when this holds (for example: the nursing question only for a female dog)
    only_if: Condition | None = None
    # a red-flag check: asked before anything else until the case is already an emergency
    ask_first: bool = False


class PreventionSpec(_Data):
    id: str
    title: str
    text: str


class RedFlag(_Data):
    id: str
    urgency: Urgency
    when: Condition
    text: str


class UrgencyText(_Data):
    label: str
    headline: str
    advice: list[str]


class GuideSection(_Data):
    id: str
    title: str
    paragraphs: list[str]


class Meta(_Data):
    disclaimer: str
    urgency: dict[Urgency, UrgencyText]
    # the share of probability held by causes at or above a level that sets that level
    thresholds: dict[Literal["emergency", "see_vet", "home_care"], float]
    guide: list[GuideSection] = []


class BreedGroup(_Data):
    label: str
    breeds: list[str] = Field(min_length=1)
