"""The terminal interview: one question at a time, then the assessment.

The case is kept as a contract dict and validated with `Case` after every answer. Each
answer is recorded with the case as it was before it, so "back" undoes the last answer
and asks that question again. Numbers are the way to answer (they work on any terminal,
over a pipe and from a test); `ask` is the input function, so tests can script it.

Answers, at every question:
  a number            pick that option (several at once, "1 3", where several fit)
  d, ?                don't know (the field goes into the case's `unknown`)
  b, 0                back: undo the previous answer and ask it again
  s                   stop and see the result from the answers so far
  q                   quit without a result
"""

from __future__ import annotations

import copy
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import ValidationError
from rich.console import Console
from rich.table import Table
from rich.text import Text

from twitchcheck.case import Case, Question
from twitchcheck.engine import assess_case, next_step
from twitchcheck.knowledge import load_knowledge

Ask = Callable[[str], str]

# fields where several options may be picked at once
MULTI_FIELDS = ("signs", "episode.body_area")
# a guard against an engine that keeps asking: no real interview is this long
MAX_QUESTIONS = 80

_BACK = {"b", "back", "0", "<"}
_UNKNOWN = {"d", "?", "dk", "don't know", "dont know", "not sure", "unknown"}
_STOP = {"s", "stop", "result", "done"}
_QUIT = {"q", "quit", "exit"}


# --- reading one answer ------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    kind: str  # "pick", "unknown", "back", "stop", "quit" or "invalid"
    picks: tuple[int, ...] = ()  # 0-based option indices, for "pick"
    message: str = ""  # for "invalid"


def parse_answer(raw: str, n_options: int, multi: bool, allow_unknown: bool) -> Answer:
    """One typed answer to a question with `n_options` numbered options (1..n).

    With `allow_unknown`, n+1 also means "don't know". A multi-pick question takes several
    numbers ("1 3", "1,3"); an empty answer there means none of these (or don't know when
    none cannot be the answer)."""
    text = raw.strip().lower()
    if text in _BACK:
        return Answer("back")
    if text in _STOP:
        return Answer("stop")
    if text in _QUIT:
        return Answer("quit")
    if allow_unknown and text in _UNKNOWN:
        return Answer("unknown")
    if not text:
        if multi:
            return Answer("pick") if not allow_unknown else Answer("unknown")
        return Answer("invalid", message="Please type the number of your answer.")
    parts = [p for p in re.split(r"[\s,;]+", text) if p]
    if not all(p.isdigit() for p in parts):
        return Answer("invalid", message=f"Please answer with a number from 1 to {n_options}.")
    numbers = [int(p) for p in parts]
    if allow_unknown and numbers == [n_options + 1]:
        return Answer("unknown")
    if any(not 1 <= n <= n_options for n in numbers):
        return Answer("invalid", message=f"Please pick numbers from 1 to {n_options}.")
    if len(numbers) > 1 and not multi:
        return Answer("invalid", message="Please pick just one answer.")
    return Answer("pick", tuple(dict.fromkeys(n - 1 for n in numbers)))


# --- the case as answers build it -------------------------------------------------------


def _option_key(value) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def apply_answer(case: dict, question: Question, answer: Answer) -> dict:
    """A new case dict with one answer added (the given dict is left as it was)."""
    case = copy.deepcopy(case)
    path = question.field
    if path == "signs":
        seen = [question.options[i] for i in answer.picks] if answer.kind == "pick" else []
        case["signs"] = [
            *case.get("signs", []),
            *(s for s in seen if s not in case.get("signs", [])),
        ]
        absent = case.get("signs_absent", [])
        not_seen = [s for s in question.options if s not in seen and s not in absent]
        case["signs_absent"] = [*absent, *not_seen]
        return case
    if answer.kind == "unknown":
        if path not in case.get("unknown", []):
            case["unknown"] = [*case.get("unknown", []), path]
        return case
    section, _, name = path.partition(".")
    picked = [question.options[i] for i in answer.picks]
    value = picked if path in MULTI_FIELDS else picked[0]
    case.setdefault(section, {})[name] = value
    return case


# --- showing a question -------------------------------------------------------------------


@dataclass
class _State:
    case: dict = field(default_factory=dict)
    # (question, the case before its answer), so that "back" can undo it
    history: list[tuple[Question, dict]] = field(default_factory=list)


def _show_question(console: Console, number: int, question: Question) -> int:
    """Print the question and its numbered options; returns how many options there are."""
    console.print()
    console.print(Text(f"Question {number}", style="bold cyan"))
    console.print(Text(question.text, style="bold"))
    if question.help:
        console.print(Text(question.help, style="dim"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style="bold")
    grid.add_column()
    for i, option in enumerate(question.options, start=1):
        label = question.option_labels.get(_option_key(option), str(option).replace("_", " "))
        grid.add_row(str(i), label)
    n = len(question.options)
    if question.field != "signs":
        grid.add_row(f"{n + 1}", Text("Don't know  (or d)", style="italic"))
    grid.add_row("b", Text("Back: change the previous answer", style="dim"))
    grid.add_row("s", Text("Stop here and see the result", style="dim"))
    console.print(grid)
    return n


def _prompt(question: Question, n: int) -> str:
    if question.field == "signs":
        return f"Numbers of all you have seen, e.g. 1 3 (Enter if none) [1-{n}, b]: "
    if question.field in MULTI_FIELDS:
        return f"Numbers of all that apply, e.g. 1 3 (Enter if not sure) [1-{n + 1}, b]: "
    return f"Your answer [1-{n + 1}, b]: "


# --- the interview ------------------------------------------------------------------------


def interview(ask: Ask, console: Console) -> dict | None:
    """Ask until the engine is done (or the person stops); the case as a contract dict,
    or None when the person quits."""
    state = _State()
    while True:
        step = next_step(Case.model_validate(state.case))
        if step.done or len(state.history) >= MAX_QUESTIONS:
            return state.case
        question = step.question
        multi = question.field in MULTI_FIELDS
        n = _show_question(console, len(state.history) + 1, question)
        while True:
            answer = parse_answer(
                ask(_prompt(question, n)), n, multi, allow_unknown=question.field != "signs"
            )
            if answer.kind == "invalid":
                console.print(Text(answer.message, style="yellow"))
                continue
            if answer.kind == "back" and not state.history:
                console.print(Text("This is the first question; there is nothing to go back to."))
                continue
            break
        if answer.kind == "quit":
            return None
        if answer.kind == "stop":
            return state.case
        if answer.kind == "back":
            previous, state.case = state.history.pop()
            console.print(Text(f"Going back to: {previous.text}", style="dim"))
            continue
        updated = apply_answer(state.case, question, answer)
        try:
            Case.model_validate(updated)
        except ValidationError as exc:  # an engine/contract mismatch: say so, keep going
            console.print(Text(f"That answer could not be used: {exc.errors()[0]['msg']}"))
            continue
        state.history.append((question, state.case))
        state.case = updated


def _default_ask(console: Console) -> Ask:
    return lambda prompt: console.input(Text(prompt, style="bold"))


def run_interview(as_json: bool = False, console: Console | None = None, ask: Ask | None = None):
    """The `twitchcheck interview` command. Questions go to `console` (standard error when
    the result is JSON, so that standard output holds only the assessment). Ctrl-C exits
    with status 130 and end of input with 1, without a traceback."""
    if console is None:
        console = Console(stderr=as_json)
    ask = ask or _default_ask(console)
    if not as_json:
        console.print(
            Text(
                "Answer with the numbers shown: d = don't know, b = back, s = see the result "
                "now, q = quit. Ctrl-C stops at any time.",
                style="dim",
            )
        )
    try:
        case = interview(ask, console)
    except KeyboardInterrupt:
        console.print("\nStopped. No result was given.")
        raise SystemExit(130) from None
    except EOFError:
        console.print("\nThe input ended before the questions did. No result was given.")
        raise SystemExit(1) from None
    if case is None:
        console.print("Stopped. No result was given.")
        raise SystemExit(1)

    assessment = assess_case(Case.model_validate(case))
    if as_json:
        sys.stdout.write(json.dumps(assessment, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return assessment
    from twitchcheck.render import show_assessment

    console.print()
    show_assessment(assessment, load_knowledge(), console)
    return assessment
