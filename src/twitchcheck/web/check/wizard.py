"""The "Check my dog" wizard's state and how each answer changes it.

The state travels in a signed hidden field, so the wizard needs no session and works
without JavaScript: a stack of snapshots, one per answered step, so that "back" is a pop.
Each snapshot holds the case so far and the signs the owner could not say about
("don't know" on a signs question; the contract has no place for them in the case, so
they are kept here and counted as not seen only when choosing the next question).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.core import signing
from pydantic import ValidationError

from twitchcheck import load_knowledge, next_question
from twitchcheck.case import FIELD_PATHS, SIGN_IDS, Case, NextStep, Question

_SALT = "twitchcheck.check.wizard"
MAX_STEPS = 60  # far more than any interview; a bound on the token's size


class AnswerError(ValueError):
    """An answer that cannot be used; the message is shown to the owner."""


@dataclass(frozen=True)
class Snapshot:
    case: dict
    skipped_signs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Wizard:
    steps: tuple[Snapshot, ...] = (Snapshot(case={}),)

    # ---- the token in the form
    def dumps(self) -> str:
        data = [[s.case, list(s.skipped_signs)] for s in self.steps]
        return signing.dumps(data, salt=_SALT, compress=True)

    @classmethod
    def loads(cls, token: str) -> Wizard:
        """The wizard from a token; a fresh one when the token is missing or tampered with."""
        try:
            data = signing.loads(token, salt=_SALT)
            steps = tuple(Snapshot(case=c, skipped_signs=tuple(s)) for c, s in data)
        except (signing.BadSignature, TypeError, ValueError):
            return cls()
        return cls(steps=steps) if steps else cls()

    # ---- reading
    @property
    def current(self) -> Snapshot:
        return self.steps[-1]

    @property
    def case(self) -> Case:
        return Case.model_validate(self.current.case)

    @property
    def number(self) -> int:
        """The number of the question now shown (1 for the first)."""
        return len(self.steps)

    def next_step(self) -> NextStep:
        """The engine's next question; signs the owner skipped count as not seen here so
        that the same signs are not asked again."""
        snapshot = self.current
        asking = dict(snapshot.case)
        if snapshot.skipped_signs:
            asking["signs_absent"] = [*asking.get("signs_absent", []), *snapshot.skipped_signs]
        return next_question(asking)

    def progress(self) -> tuple[int, int]:
        """(details known, details there are): answered fields plus signs known."""
        case = self.case
        known = sum(case.is_answered(p) for p in FIELD_PATHS)
        known += len(case.signs) + len(case.signs_absent) + len(self.current.skipped_signs)
        return known, len(FIELD_PATHS) + len(SIGN_IDS)

    # ---- changing
    def back(self) -> Wizard:
        return Wizard(steps=self.steps[:-1]) if len(self.steps) > 1 else self

    def answer(self, question: Question, raw: list[str]) -> Wizard:
        """The wizard after an answer from the form (raw: the submitted values)."""
        case = answer_apply(self.current.case, question, raw)
        return self._push(Snapshot(case=case, skipped_signs=self.current.skipped_signs))

    def dont_know(self, question: Question) -> Wizard:
        case = dict(self.current.case)
        skipped = self.current.skipped_signs
        if question.field == "signs":
            skipped = tuple(dict.fromkeys([*skipped, *question.options]))
        else:
            case["unknown"] = [*case.get("unknown", []), question.field]
            Case.model_validate(case)
        return self._push(Snapshot(case=case, skipped_signs=skipped))

    def _push(self, snapshot: Snapshot) -> Wizard:
        if len(self.steps) >= MAX_STEPS:
            raise AnswerError("This check has gone on too long; please start again.")
        return Wizard(steps=(*self.steps, snapshot))


def field_kind(field: str) -> str:
    """How a question is answered: "signs", or the field's kind (choice, boolean, multi,
    number, text)."""
    if field == "signs":
        return "signs"
    spec = load_knowledge().fields.get(field)
    return spec.kind if spec else "choice"


def option_value(option) -> str:
    """An option as it travels in a form: a string as it is, anything else as JSON
    (true -> "true"). Answers are matched against these, never decoded."""
    return option if isinstance(option, str) else json.dumps(option)


def _parse_choice(question: Question, raw: str):
    for option in question.options:
        if option_value(option) == raw:
            return option
    raise AnswerError("Please choose one of the answers shown.")


def answer_apply(case: dict, question: Question, raw: list[str]) -> dict:
    """A new case dict with the answer to question set (the old one is not changed)."""
    kind = field_kind(question.field)
    new = json.loads(json.dumps(case))  # a deep copy
    raw = [r.strip() for r in raw if r.strip()]
    if kind == "signs":
        seen = [_parse_choice(question, r) for r in raw]
        not_seen = [s for s in question.options if s not in seen]
        new["signs"] = list(dict.fromkeys([*new.get("signs", []), *seen]))
        absent = [s for s in new.get("signs_absent", []) if s not in seen]
        new["signs_absent"] = list(dict.fromkeys([*absent, *not_seen]))
        return _valid(new)
    if not raw:
        raise AnswerError("Please choose an answer, or choose “Don’t know”.")
    if kind == "multi":
        value = list(dict.fromkeys(_parse_choice(question, r) for r in raw))
    elif question.options:
        value = _parse_choice(question, raw[0])
    elif kind == "number":
        try:
            value = float(raw[0].replace(",", "."))
        except ValueError:
            raise AnswerError("Please enter a number, such as 3 or 0.5.") from None
    else:
        value = raw[0]
    section, _, name = question.field.partition(".")
    new.setdefault(section, {})[name] = value
    if question.field in new.get("unknown", []):
        new["unknown"] = [p for p in new["unknown"] if p != question.field]
    return _valid(new)


def _valid(case: dict) -> dict:
    try:
        Case.model_validate(case)
    except ValidationError as error:
        first = error.errors()[0]
        raise AnswerError(_friendly(first)) from None
    return case


def _friendly(error: dict) -> str:
    if error["type"] in ("less_than_equal", "greater_than_equal"):
        return "Please enter a value between 0 and 30."
    if error["type"] == "string_too_long":
        return "Please keep it shorter."
    return "That answer cannot be used; please check it."
