"""The terminal interview: a thin shell over `twitchcheck.session.Interview`.

Numbers are the way to answer (they work on any terminal, over a pipe and from a test);
`ask` is the input function, so tests can script it. Optionally it starts from the
owner's own words (`--text`): the facts understood are listed, wrong ones can be taken
out, and only what is missing is asked. Once the answers so far make it an emergency, a
"go to a vet now" line stays above every further question.

Answers, at every question:
  a number            pick that option (several at once, "1 3", where several fit)
  n                   none of these (on a checklist of signs)
  d, ?                don't know
  b, 0                back: undo the previous answer and ask it again
  s                   stop and see the result from the answers so far
  q                   quit without a result
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from twitchcheck.case import Question
from twitchcheck.session import (
    AnswerError,
    Interview,
    facts_of,
    is_checklist,
    is_typed,
    option_value,
)

Ask = Callable[[str], str]

_BACK = {"b", "back", "0", "<"}
_UNKNOWN = {"d", "?", "dk", "don't know", "dont know", "not sure", "unknown"}
_NONE = {"n", "none", "none of these"}
_STOP = {"s", "stop", "result", "done"}
_QUIT = {"q", "quit", "exit"}


class Quit(Exception):
    """The person quit: no result."""


# --- reading one answer ------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    kind: str  # "pick", "typed", "unknown", "back", "stop", "quit" or "invalid"
    picks: tuple[int, ...] = ()  # 0-based option indices, for "pick"
    message: str = ""  # for "invalid"
    text: str = ""  # for "typed"


def parse_answer(
    raw: str, n_options: int, multi: bool, allow_unknown: bool = True, typed: bool = False
) -> Answer:
    """One typed answer to a question with `n_options` numbered options (1..n).

    n+1 also means "don't know". A multi-pick question takes several numbers ("1 3",
    "1,3"), or "n" for none of these. A typed question (a number or a breed) takes the
    text as it is."""
    text = raw.strip().lower()
    if text in _BACK:
        return Answer("back")
    if text in _STOP:
        return Answer("stop")
    if text in _QUIT:
        return Answer("quit")
    if allow_unknown and text in _UNKNOWN:
        return Answer("unknown")
    if typed:
        if not text:
            return Answer("invalid", message="Please type an answer, or d for don't know.")
        return Answer("typed", text=raw.strip())
    if multi and text in _NONE:
        return Answer("pick")
    if not text:
        if multi:
            return Answer(
                "invalid", message="Please type the numbers you have seen, or n for none."
            )
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


def apply(interview: Interview, question: Question, answer: Answer) -> Interview:
    """The interview after one parsed answer (AnswerError when it cannot be used)."""
    if answer.kind == "unknown":
        return interview.dont_know(question)
    if answer.kind == "typed":
        return interview.answer_raw(question, [answer.text])
    return interview.answer(question, [question.options[i] for i in answer.picks])


# --- showing a question -------------------------------------------------------------------


def _label(question: Question, option: object) -> str:
    return question.option_labels.get(option_value(option), str(option).replace("_", " "))


def _go_now(console: Console) -> None:
    line = Text(" GO TO A VET NOW ", style="bold white on red")
    line.append(
        "  From your answers this may be an emergency. Type s to see what to do now.",
        style="bold red",
    )
    console.print(line)


def _show_question(console: Console, interview: Interview, question: Question) -> int:
    """Print the question and its numbered options; returns how many options there are."""
    console.print()
    if interview.emergency_shown:
        _go_now(console)
    left = interview.questions_left()
    progress = "nearly done" if left <= 1 else f"about {left} more after this"
    heading = Text(f"Question {interview.number}", style="bold cyan")
    heading.append(f"  ({progress})", style="dim")
    console.print(heading)
    console.print(Text(question.text, style="bold"))
    if question.help:
        console.print(Text(question.help, style="dim"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style="bold")
    grid.add_column()
    heading_before = {
        option_value(g.options[0]): g.label for g in question.option_groups if g.options
    }
    for i, option in enumerate(question.options, start=1):
        part = heading_before.get(option_value(option))
        if part:
            grid.add_row("", Text(part, style="bold underline"))
        grid.add_row(str(i), _label(question, option))
    n = len(question.options)
    if is_checklist(question) and question.field == "signs":
        grid.add_row("n", Text("None of these", style="italic"))
    if not is_typed(question):
        grid.add_row(f"{n + 1}", Text("Don't know  (or d)", style="italic"))
    else:
        grid.add_row("d", Text("Don't know", style="italic"))
    grid.add_row("b", Text("Back: change the previous answer", style="dim"))
    grid.add_row("s", Text("Stop here and see the result", style="dim"))
    console.print(grid)
    return n


def _prompt(question: Question, n: int) -> str:
    if is_typed(question):
        if question.field == "dog.age_years":
            return "Age in years, e.g. 3 or 0.5 [d, b]: "
        return "Your answer [d, b]: "
    if question.field == "signs":
        return f"Numbers of all you have seen, e.g. 1 3, or n for none [1-{n + 1}, n, b]: "
    if is_checklist(question):
        return f"Numbers of all that apply, e.g. 1 3 [1-{n + 1}, b]: "
    return f"Your answer [1-{n + 1}, b]: "


# --- the owner's words first ---------------------------------------------------------------


def from_text(text: str, ask: Ask, console: Console, dog_name: str = "") -> Interview:
    """The interview's starting point read from the owner's words; the facts are listed
    and any the owner says are wrong are taken out (they are asked instead). Raises
    twitchcheck.errors.InputError for text over the limit."""
    from twitchcheck.errors import InputError
    from twitchcheck.understand import understand
    from twitchcheck.understand.text import MAX_CHARS

    if len(text) > MAX_CHARS:
        raise InputError(
            f"the text is {len(text):,} characters long; the limit is {MAX_CHARS:,}",
            [{"field": "text", "message": f"at most {MAX_CHARS:,} characters"}],
        )
    case, _ = understand(text)
    if not case.to_json_dict():
        console.print(
            Text(
                "I could not understand this. Tell me more in other words, or answer the "
                "questions instead; here they come.",
                style="yellow",
            )
        )
        return Interview.start(dog_name=dog_name)
    interview = Interview.start(case, dog_name=dog_name, from_text=True)
    while True:
        facts = facts_of(interview.steps[0].case)
        if not facts:
            return interview
        console.print()
        console.print(Text("What I understood", style="bold"))
        for i, fact in enumerate(facts, start=1):
            console.print(Text.assemble((f"{i:>3}  ", "bold"), fact.text))
        reply = ask(
            "Enter if this is right; or the numbers of any that are wrong, to remove them "
            "(you will be asked instead): "
        ).strip()
        if reply.lower() in _QUIT:
            raise Quit
        if not reply:
            return interview
        parts = [p for p in re.split(r"[\s,;]+", reply) if p]
        if not all(p.isdigit() and 1 <= int(p) <= len(facts) for p in parts):
            console.print(Text(f"Please type numbers from 1 to {len(facts)}.", style="yellow"))
            continue
        for index in sorted({int(p) for p in parts}, reverse=True):
            interview = interview.remove_fact(facts[index - 1].key)


# --- the interview ------------------------------------------------------------------------


def interview(ask: Ask, console: Console, start: Interview | None = None) -> Interview:
    """Ask until the engine is done (or the person stops); the finished interview.
    Raises Quit when the person quits."""
    state = start or Interview.start()
    while True:
        step = state.next_step()
        question = step.question
        if step.done or question is None:
            return state
        n = _show_question(console, state, question)
        while True:
            answer = parse_answer(
                ask(_prompt(question, n)),
                n,
                multi=is_checklist(question),
                typed=is_typed(question),
            )
            if answer.kind == "invalid":
                console.print(Text(answer.message, style="yellow"))
                continue
            if answer.kind == "back" and state.asked == 0:
                console.print(Text("This is the first question; there is nothing to go back to."))
                continue
            if answer.kind in ("back", "stop", "quit"):
                break
            try:
                updated = apply(state, question, answer)
            except AnswerError as problem:
                console.print(Text(str(problem), style="yellow"))
                continue
            break
        if answer.kind == "quit":
            raise Quit
        if answer.kind == "stop":
            return state
        if answer.kind == "back":
            console.print(Text(f"Going back to: {state.current.field or 'the start'}", style="dim"))
            state = state.back()
            continue
        was_emergency = state.emergency_shown
        state = updated
        if state.emergency_shown and not was_emergency:
            console.print()
            _go_now(console)


def _default_ask(console: Console) -> Ask:
    return lambda prompt: console.input(Text(prompt, style="bold"))


def saved(state: Interview, assessment: dict, when: str) -> dict:
    """What `interview --save FILE` writes: the interview (answers, history, name) and
    the result, as JSON."""
    return {
        "twitchcheck_interview": state.to_dict(),
        "dog_name": state.dog_name,
        "checked_at": when,
        "case": state.case_dict,
        "assessment": assessment,
    }


def run_interview(
    as_json: bool = False,
    console: Console | None = None,
    ask: Ask | None = None,
    *,
    text: str | None = None,
    save: Path | None = None,
    dog_name: str = "",
) -> dict:
    """The `twitchcheck interview` command. Questions go to `console` (standard error when
    the result is JSON, so that standard output holds only the assessment). Ctrl-C exits
    with status 130 and end of input with 1, without a traceback."""
    from twitchcheck import assess
    from twitchcheck.errors import InputError
    from twitchcheck.knowledge import load_knowledge

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
        start = from_text(text, ask, console, dog_name) if text else None
        state = interview(ask, console, start or Interview.start(dog_name=dog_name))
    except InputError as problem:
        console.print(Text(f"error: {problem}", style="bold red"))
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        console.print("\nStopped. No result was given.")
        raise SystemExit(130) from None
    except EOFError:
        console.print("\nThe input ended before the questions did. No result was given.")
        raise SystemExit(1) from None
    except Quit:
        console.print("Stopped. No result was given.")
        raise SystemExit(1) from None

    assessment = assess(state.case).model_dump(mode="json")
    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
    if save is not None:
        data = json.dumps(saved(state, assessment, when), ensure_ascii=False, indent=2)
        save.write_text(data + "\n", encoding="utf-8")
    if as_json:
        sys.stdout.write(json.dumps(assessment, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return assessment
    from twitchcheck.render import show_assessment

    console.print()
    show_assessment(
        assessment,
        load_knowledge(),
        console,
        case=state.case_dict,
        dog_name=state.dog_name,
        when=when,
        skipped_signs=state.skipped_signs,
    )
    if save is not None:
        console.print(Text(f"Saved to {save}", style="dim"))
    return assessment
