"""One interview, shared by the terminal (`twitchcheck interview`) and the web wizard.

Plain Python, no web framework. An `Interview` holds:

- the case so far, as a stack of snapshots (one per answered question, the first being
  the starting point: empty, or the facts read from the owner's words), so that "back"
  is a pop;
- the signs the owner could not say about ("don't know" on a signs question: the contract
  has no place for them in the case, so they are kept here and counted as not seen only
  when choosing the next question, so that the same signs are not asked again);
- whether the "go to a vet now" warning has been shown: once shown it stays, whatever
  later answers or "back" do to the interim urgency;
- the dog's name when the owner gave one (it is kept beside the case, never in it).

Every change returns a new `Interview` (the old one is left as it was). Answers are
validated against the question and the contract; a problem is an `AnswerError` whose
message can be shown to the owner as it is. `to_dict()` / `from_dict()` turn an interview
into plain JSON data and back: the web wizard signs it into its hidden field, the
terminal can save it to a file.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from twitchcheck.case import FIELD_PATHS, SIGN_IDS, Assessment, Case, NextStep, Question

FORMAT = 1
MAX_STEPS = 60  # far more than any interview; a bound on the saved state's size
MAX_NAME = 40


class AnswerError(ValueError):
    """An answer that cannot be used; the message is meant for the owner."""


# --- how answers travel ----------------------------------------------------------------


def option_value(option: object) -> str:
    """An option as it travels in a form or a file: a string as it is, anything else as
    JSON (True -> "true", 4.0 -> "4.0"). Answers are matched against these, never decoded."""
    return option if isinstance(option, str) else json.dumps(option)


def field_kind(field: str) -> str:
    """How a question is answered: "signs", or the field's kind from the knowledge
    (choice, boolean, multi, number, text)."""
    if field == "signs":
        return "signs"
    from twitchcheck.knowledge import load_knowledge

    spec = load_knowledge().fields.get(field)
    return spec.kind if spec else "choice"


def is_checklist(question: Question) -> bool:
    """Several answers may be picked at once (signs, body areas)."""
    return field_kind(question.field) in ("signs", "multi")


def is_typed(question: Question) -> bool:
    """Answered by typing (a number or text) rather than by picking an option."""
    return not question.options and question.field != "signs"


def pick(question: Question, raw: Iterable[str]) -> list:
    """The options named by raw values (as `option_value` writes them), in the order of
    the question; AnswerError for a value the question does not offer."""
    wanted = [r.strip() for r in raw if r and r.strip()]
    by_value = {option_value(o): o for o in question.options}
    unknown = [r for r in wanted if r not in by_value]
    if unknown:
        raise AnswerError("Please choose one of the answers shown.")
    return [o for o in question.options if option_value(o) in wanted]


def _set(case: dict, path: str, value: object) -> None:
    section, _, name = path.partition(".")
    case.setdefault(section, {})[name] = value
    if path in case.get("unknown", []):
        case["unknown"] = [p for p in case["unknown"] if p != path]


def _unset(case: dict, path: str) -> None:
    section, _, name = path.partition(".")
    values = case.get(section, {})
    values.pop(name, None)
    if section in case and not values:
        del case[section]


def _tidy(case: dict) -> dict:
    """The case without empty sections or lists (the contract leaves unknowns out)."""
    return {k: v for k, v in case.items() if v not in ({}, [])}


def _valid(case: dict) -> dict:
    try:
        Case.model_validate(case)
    except ValidationError as error:
        raise AnswerError(_friendly(error.errors()[0])) from None
    return _tidy(case)


def _friendly(error: ErrorDetails) -> str:
    loc = ".".join(str(p) for p in error.get("loc", ()))
    if error["type"] in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        low, high = (1, 100) if loc.endswith("count_24h") else (0, 30)
        return f"Please enter a number between {low} and {high}."
    if error["type"] in ("int_type", "int_from_float"):
        return "Please enter a whole number, such as 2."
    if error["type"] == "string_too_long":
        return "Please keep it shorter."
    return "That answer cannot be used; please check it."


def parse_typed(question: Question, raw: str) -> str | int | float:
    """A typed answer (a number or text) as the value the case holds."""
    text = (raw or "").strip()
    if not text:
        raise AnswerError("Please type an answer, or choose “Don’t know”.")
    if field_kind(question.field) != "number":
        return text
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise AnswerError("Please enter a number, such as 3 or 0.5.") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise AnswerError("Please enter a number, such as 3 or 0.5.")
    if question.field == "episode.count_24h":
        if not number.is_integer():
            raise AnswerError("Please enter a whole number, such as 2.")
        return int(number)
    return number


# --- labels: the case in the owner's words ----------------------------------------------


def value_label(path: str, value: Any) -> str:
    """One value of a field as the questionnaire words it ("While asleep")."""
    from twitchcheck.knowledge import load_knowledge

    spec = load_knowledge().fields.get(path)
    if spec is None:
        return str(value)
    if spec.kind == "number":
        for name, (low, high) in spec.ranges.items():
            if low <= value < high and name in spec.values:
                if path == "dog.age_years":
                    years = f"{value:g} year{'' if value == 1 else 's'}"
                    return f"{years} ({spec.values[name].label.lower()})"
                return f"{value:g} ({spec.values[name].label.lower()})"
        return f"{value:g}"
    entry = spec.values.get(option_value(value) if not isinstance(value, str) else value)
    return entry.label if entry else str(value).replace("_", " ")


def field_label(path: str) -> str:
    from twitchcheck.knowledge import load_knowledge

    spec = load_knowledge().fields.get(path)
    return spec.label if spec else path


def sign_label(sign: str) -> str:
    from twitchcheck.knowledge import load_knowledge

    signs = load_knowledge().signs
    return signs[sign].label if sign in signs else sign.replace("_", " ")


@dataclass(frozen=True)
class Fact:
    """One thing known about the dog, as a chip or a line of "what you told us"."""

    key: str  # "episode.context", "episode.body_area:hind_leg", "signs:collapse", "unknown:..."
    field: str  # the field path, or "signs"
    label: str  # the question's label ("When it happens", "Seen")
    value: str  # the answer in words ("While asleep")

    @property
    def text(self) -> str:
        return f"{self.label}: {self.value}"


def facts_of(case: Case | dict) -> list[Fact]:
    """What the case knows, one fact per value, in the order of the questionnaire."""
    case = case if isinstance(case, Case) else Case.model_validate(case)
    found = []
    for path in FIELD_PATHS:
        if path in case.unknown:
            found.append(Fact(f"unknown:{path}", path, field_label(path), "Not sure"))
            continue
        value = case.get(path)
        if value is None:
            continue
        if isinstance(value, list):
            for item in value:
                found.append(
                    Fact(f"{path}:{item}", path, field_label(path), value_label(path, item))
                )
        else:
            found.append(Fact(path, path, field_label(path), value_label(path, value)))
    for sign in case.signs:
        found.append(Fact(f"signs:{sign}", "signs", "Seen", sign_label(sign)))
    for sign in case.signs_absent:
        found.append(Fact(f"signs_absent:{sign}", "signs", "Not seen", sign_label(sign)))
    return found


def answers_of(case: Case | dict, skipped_signs: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The answers given, one line per question: (label, answers in words)."""
    case = case if isinstance(case, Case) else Case.model_validate(case)
    lines: dict[str, list[str]] = {}
    for fact in facts_of(case):
        if fact.field == "signs":
            continue
        lines.setdefault(fact.label, []).append(fact.value)
    out = [(label, ", ".join(values)) for label, values in lines.items()]
    if case.signs:
        out.append(("Also seen", ", ".join(sign_label(s) for s in case.signs)))
    if case.signs_absent:
        out.append(("Not seen", ", ".join(sign_label(s) for s in case.signs_absent)))
    skipped = [s for s in skipped_signs if not case.sign_known(s)]
    if skipped:
        out.append(("Not sure about", ", ".join(sign_label(s) for s in skipped)))
    return out


def question_for(field: str) -> Question:
    """The question for one field, to correct or add a fact outside the engine's order
    (the wording from the knowledge; the options are the field's values; a number is
    typed; "signs" offers every sign)."""
    from twitchcheck.knowledge import load_knowledge

    knowledge = load_knowledge()
    if field == "signs":
        from twitchcheck.engine.questions import option_groups

        groups = option_groups([g for q in knowledge.questions for g in q.sign_groups], SIGN_IDS)
        grouped = [s for g in groups for s in g.options]
        signs = grouped + [s for s in SIGN_IDS if s not in grouped]
        return Question(
            field="signs",
            text="What else have you seen?",
            options=signs,
            option_labels={s: sign_label(s) for s in signs},
            option_groups=groups,
            help="Tick every one you have seen.",
        )
    if field not in FIELD_PATHS:
        raise AnswerError("There is no such question.")
    spec = knowledge.fields.get(field)
    text = next((q.text for q in knowledge.questions if q.field == field), None)
    text = text or (spec.label if spec else field)
    options: list[str | bool] = []
    labels: dict[str, str] = {}
    if spec and spec.kind in ("choice", "multi"):
        # "not sure" values are not offered: every question takes "don't know"
        offered = [
            v for v, value in spec.values.items() if getattr(value, "offered", v != "unknown")
        ]
        options = list(offered)
        labels = {v: spec.values[v].label for v in offered}
    elif spec and spec.kind == "boolean":
        options = [True, False]
        labels = {"true": spec.values["true"].label, "false": spec.values["false"].label}
    return Question(field=field, text=text, options=options, option_labels=labels)


# --- the interview ---------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    case: dict
    skipped_signs: tuple[str, ...] = ()
    field: str = ""  # the question whose answer made this snapshot ("" for the start)


@dataclass(frozen=True)
class Interview:
    steps: tuple[Snapshot, ...] = (Snapshot(case={}),)
    emergency_shown: bool = False
    dog_name: str = ""
    from_text: bool = False

    # ---- starting
    @classmethod
    def start(
        cls, case: Case | dict | None = None, *, dog_name: str = "", from_text: bool = False
    ) -> Interview:
        data = case.to_json_dict() if isinstance(case, Case) else copy.deepcopy(case or {})
        Case.model_validate(data)
        interview = cls(
            steps=(Snapshot(case=data),), dog_name=clean_name(dog_name), from_text=from_text
        )
        return interview.checked()

    # ---- reading
    @property
    def current(self) -> Snapshot:
        return self.steps[-1]

    @property
    def case_dict(self) -> dict:
        return self.current.case

    @property
    def case(self) -> Case:
        return Case.model_validate(self.current.case)

    @property
    def skipped_signs(self) -> tuple[str, ...]:
        return self.current.skipped_signs

    @property
    def asked(self) -> int:
        """How many questions have been answered (or "don't know") so far."""
        return len(self.steps) - 1

    @property
    def number(self) -> int:
        """The number of the question now shown (1 for the first)."""
        return len(self.steps)

    @property
    def has_facts(self) -> bool:
        return bool(self.steps[0].case)

    def asking_case(self) -> Case:
        """The case as the engine is asked for the next question: signs the owner skipped
        count as not seen, so that they are not asked again."""
        snapshot = self.current
        if not snapshot.skipped_signs:
            return self.case
        asking = copy.deepcopy(snapshot.case)
        absent = asking.get("signs_absent", [])
        extra = [
            s
            for s in snapshot.skipped_signs
            if s not in absent and s not in asking.get("signs", [])
        ]
        asking["signs_absent"] = [*absent, *extra]
        return Case.model_validate(asking)

    def next_step(self) -> NextStep:
        from twitchcheck import next_question

        if len(self.steps) >= MAX_STEPS:
            return NextStep(done=True)
        return next_question(self.asking_case())

    def assessment(self) -> Assessment:
        from twitchcheck import assess

        return assess(self.case)

    def is_emergency_now(self) -> bool:
        """The case as known so far is already an emergency."""
        if not self.current.case:
            return False
        return self.assessment().urgency == "emergency"

    def checked(self) -> Interview:
        """The interview with `emergency_shown` set when the case so far is an emergency;
        it is never unset."""
        if self.emergency_shown or not self.is_emergency_now():
            return self
        return replace(self, emergency_shown=True)

    def questions_left(self) -> int:
        """An estimate (at least 1 while the interview goes on) of the questions still to
        come: a typical interview's length, less what has been asked and known."""
        known = len(facts_of(self.steps[0].case)) if self.has_facts else 0
        left = typical_length() - self.asked - known // 2
        return max(1, left)

    # ---- changing
    def answer(self, question: Question, values: list) -> Interview:
        """The interview after an answer given as option values (several for a checklist;
        none on a signs question means none of these was seen)."""
        kind = field_kind(question.field)
        offered = [o for o in question.options if o in values] if question.options else values
        if question.options and len(offered) != len(values):
            raise AnswerError("Please choose one of the answers shown.")
        case = copy.deepcopy(self.current.case)
        skipped = self.current.skipped_signs
        if kind == "signs":
            not_seen = [s for s in question.options if s not in offered]
            case["signs"] = list(dict.fromkeys([*case.get("signs", []), *offered]))
            absent = [s for s in case.get("signs_absent", []) if s not in offered]
            case["signs_absent"] = list(dict.fromkeys([*absent, *not_seen]))
            skipped = tuple(s for s in skipped if s not in question.options)
        elif not offered:
            raise AnswerError("Please choose an answer, or choose “Don’t know”.")
        elif kind == "multi":
            _set(case, question.field, list(dict.fromkeys(offered)))
        else:
            if len(offered) > 1:
                raise AnswerError("Please choose just one answer.")
            _set(case, question.field, offered[0])
        return self._push(Snapshot(_valid(case), skipped, question.field))

    def answer_raw(self, question: Question, raw: list[str]) -> Interview:
        """An answer as a form or a file sends it: option values, or one typed text."""
        if is_typed(question):
            value = parse_typed(question, raw[0] if raw else "")
            case = copy.deepcopy(self.current.case)
            _set(case, question.field, value)
            return self._push(Snapshot(_valid(case), self.current.skipped_signs, question.field))
        return self.answer(question, pick(question, raw))

    def dont_know(self, question: Question) -> Interview:
        case = copy.deepcopy(self.current.case)
        skipped = self.current.skipped_signs
        if question.field == "signs":
            skipped = tuple(dict.fromkeys([*skipped, *question.options]))
        elif question.field not in case.get("unknown", []):
            case["unknown"] = [*case.get("unknown", []), question.field]
        return self._push(Snapshot(_valid(case), skipped, question.field))

    def back(self) -> Interview:
        """The interview before the last answer (the same one at the start). The go-now
        warning, once shown, stays."""
        if len(self.steps) == 1:
            return self
        return replace(self, steps=self.steps[:-1])

    def _push(self, snapshot: Snapshot) -> Interview:
        if len(self.steps) >= MAX_STEPS:
            raise AnswerError("This check has gone on too long; please start again.")
        return replace(self, steps=(*self.steps, snapshot)).checked()

    # ---- the facts at the start (chips): remove, correct, add
    def _restart(self, case: dict) -> Interview:
        _valid(case)
        start = Snapshot(case=_tidy(case), skipped_signs=self.steps[0].skipped_signs)
        return replace(self, steps=(start,)).checked()

    def remove_fact(self, key: str) -> Interview:
        """The starting facts with one fact taken out (an unknown key changes nothing);
        the questions start again from there."""
        case = copy.deepcopy(self.steps[0].case)
        path, _, item = key.partition(":")
        if path in ("signs", "signs_absent", "unknown"):
            case[path] = [v for v in case.get(path, []) if v != item]
        elif path in FIELD_PATHS:
            value = Case.model_validate(case).get(path)
            if item and isinstance(value, list):
                rest = [v for v in value if str(v) != item]
                if rest:
                    _set(case, path, rest)
                else:
                    _unset(case, path)
            elif not item:
                _unset(case, path)
        return self._restart(case)

    def set_fact(self, question: Question, raw: list[str]) -> Interview:
        """The starting facts with one field answered (or corrected) as raw form values;
        for "signs", the signs ticked are seen and the others offered are not."""
        case = copy.deepcopy(self.steps[0].case)
        if question.field == "signs":
            seen = pick(question, raw)
            case["signs"] = list(dict.fromkeys([*case.get("signs", []), *seen]))
            case["signs_absent"] = [s for s in case.get("signs_absent", []) if s not in seen]
            return self._restart(case)
        probe = Interview(steps=(Snapshot(case=case),))
        answered = probe.answer_raw(question, raw).current.case
        return self._restart(answered)

    def flip_sign(self, sign: str) -> Interview:
        """A sign understood as seen becomes not seen, and the other way round."""
        case = copy.deepcopy(self.steps[0].case)
        seen, absent = case.get("signs", []), case.get("signs_absent", [])
        if sign in seen:
            case["signs"] = [s for s in seen if s != sign]
            case["signs_absent"] = [*absent, sign]
        elif sign in absent:
            case["signs_absent"] = [s for s in absent if s != sign]
            case["signs"] = [*seen, sign]
        return self._restart(case)

    def with_name(self, name: str) -> Interview:
        return replace(self, dog_name=clean_name(name))

    # ---- saving
    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "steps": [
                {"case": s.case, "skipped_signs": list(s.skipped_signs), "field": s.field}
                for s in self.steps
            ],
            "emergency_shown": self.emergency_shown,
            "dog_name": self.dog_name,
            "from_text": self.from_text,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Interview:
        """An interview from `to_dict()` data; ValueError when it is not one."""
        try:
            if data.get("format") != FORMAT:
                raise ValueError("not a saved interview of a known format")
            steps = tuple(
                Snapshot(
                    case=dict(s["case"]),
                    skipped_signs=tuple(str(x) for x in s.get("skipped_signs", [])),
                    field=str(s.get("field", "")),
                )
                for s in data["steps"]
            )
            if not steps or len(steps) > MAX_STEPS:
                raise ValueError("no steps, or too many")
            for step in steps:
                Case.model_validate(step.case)
                if not set(step.skipped_signs) <= set(SIGN_IDS):
                    raise ValueError("unknown sign")
            return cls(
                steps=steps,
                emergency_shown=bool(data.get("emergency_shown", False)),
                dog_name=clean_name(str(data.get("dog_name", ""))),
                from_text=bool(data.get("from_text", False)),
            )
        except (AttributeError, KeyError, TypeError, ValidationError) as error:
            raise ValueError(f"not a saved interview: {error}") from None


def clean_name(name: str) -> str:
    """A dog's name as shown: one line, trimmed, at most MAX_NAME characters."""
    return " ".join((name or "").split())[:MAX_NAME]


# --- how long an interview usually is ---------------------------------------------------

# A few typical dogs, answered truthfully (a field they leave out is "don't know"); the
# median length of their interviews is the typical length the progress estimate uses.
_PROTOTYPES = (
    {  # dreaming
        "dog": {"age_years": 3.0, "sex": "male"},
        "episode": {
            "context": "asleep",
            "aware": "yes",
            "duration": "seconds",
            "afterwards": "normal",
            "pattern": "occasional",
            "body_area": ["hind_leg"],
        },
        "history": {"possible_toxin": "no"},
    },
    {  # tired after a long walk
        "dog": {"age_years": 6.0, "sex": "female", "pregnant_or_nursing": False},
        "episode": {
            "context": "during_or_after_exercise",
            "aware": "yes",
            "duration": "under_5_minutes",
            "afterwards": "normal",
            "pattern": "first_time",
            "body_area": ["hind_leg"],
        },
        "history": {"recent_heavy_exercise": True, "possible_toxin": "no"},
    },
    {  # an old dog trembling at rest
        "dog": {"age_years": 12.0, "sex": "male"},
        "episode": {
            "context": "resting_awake",
            "aware": "yes",
            "duration": "constant",
            "pattern": "more_often_lately",
            "body_area": ["hind_leg"],
        },
        "signs": ["weakness_or_paralysis"],
    },
    {  # itchy after a new food
        "dog": {"age_years": 2.0},
        "episode": {
            "context": "any_time",
            "aware": "yes",
            "duration": "seconds",
            "pattern": "more_often_lately",
            "body_area": ["face_head"],
        },
        "history": {"new_food_or_medication": True, "possible_toxin": "no"},
        "signs": ["itching", "skin_redness_or_hives"],
    },
    {  # a first fit
        "dog": {"age_years": 4.0},
        "episode": {
            "context": "resting_awake",
            "aware": "no",
            "duration": "under_5_minutes",
            "afterwards": "confused_or_wobbly",
            "pattern": "first_time",
            "body_area": ["whole_body"],
        },
        "signs": ["paddling_or_chomping"],
    },
)


def simulate(target: dict, start: dict | None = None, limit: int = MAX_STEPS) -> Interview:
    """The interview an owner whose dog is `target` would have: each question answered
    from the target, "don't know" where it says nothing."""
    interview = Interview.start(start or {})
    for _ in range(limit):
        step = interview.next_step()
        question = step.question
        if step.done or question is None:
            break
        if question.field == "signs":
            seen = [s for s in question.options if s in target.get("signs", [])]
            interview = interview.answer(question, seen)
            continue
        section, _, name = question.field.partition(".")
        value = target.get(section, {}).get(name)
        if value is None:
            interview = interview.dont_know(question)
        elif is_typed(question):
            interview = interview.answer_raw(question, [str(value)])
        elif question.field == "dog.age_years":
            interview = interview.answer(
                question, [min(question.options, key=lambda o: abs(o - value))]
            )
        else:
            wanted = value if isinstance(value, list) else [value]
            chosen = [o for o in question.options if o in wanted]
            interview = (
                interview.answer(question, chosen) if chosen else interview.dont_know(question)
            )
    return interview


@functools.cache
def typical_length() -> int:
    """The median number of questions over the prototype dogs (worked out once)."""
    lengths = sorted(simulate(p).asked for p in _PROTOTYPES)
    return max(1, lengths[len(lengths) // 2])
