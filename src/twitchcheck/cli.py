"""The twitchcheck command line: one command per function, thin over the engine."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer

from twitchcheck.batch import assess_lines, next_question_lines
from twitchcheck.engine import assess_case, next_step
from twitchcheck.errors import InputError, parse_case

app = typer.Typer(
    help="Is my dog's twitching normal, and what do I do? (Not a diagnosis.)",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
knowledge_app = typer.Typer(help="Read and check the veterinary knowledge.", no_args_is_help=True)
app.add_typer(knowledge_app, name="knowledge")

CaseOption = Annotated[
    str | None, typer.Option("--case", help="a case as JSON: a file, or - for standard input")
]
BatchOption = Annotated[
    Path | None,
    typer.Option(
        "--batch", help="a JSON Lines file: one item per line in, one result per line out"
    ),
]
TextOption = Annotated[str | None, typer.Option("--text", help="the owner's own words")]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def _read_input(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"cannot read {source}: {exc}") from None


def _print_json(data) -> None:
    sys.stdout.buffer.write(orjson.dumps(data) + b"\n")
    sys.stdout.flush()


def _stream(path: Path, handle) -> None:
    """Run `handle(line) -> dict` over a JSON Lines file, one line at a time (constant memory).
    A bad line gives {"error": ...} on its own line; the exit status is then 1."""
    failed = False
    out = sys.stdout.buffer
    try:
        source = path.open(encoding="utf-8")
    except OSError as exc:
        raise _fail(f"cannot read {path}: {exc}") from None
    with source:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                result = handle(line)
            except InputError as exc:
                failed = True
                result = {"error": {**exc.to_json(), "line": number}}
            out.write(orjson.dumps(result) + b"\n")
    out.flush()
    if failed:
        raise typer.Exit(1)


def _stream_results(path: Path, results) -> None:
    """Write `results(lines) -> (line number, result)` over a JSON Lines file as JSON Lines;
    the exit status is 1 when a line was not a valid case."""
    failed = False
    out = sys.stdout.buffer
    try:
        source = path.open("rb")
    except OSError as exc:
        raise _fail(f"cannot read {path}: {exc}") from None
    with source:
        for _, result in results(source):
            failed = failed or "error" in result
            out.write(orjson.dumps(result) + b"\n")
    out.flush()
    if failed:
        raise typer.Exit(1)


def _case_from_text(text: str):
    from twitchcheck.understand import understand

    case, _ = understand(text)
    return case


@app.command()
def assess(case: CaseOption = None, batch: BatchOption = None, text: TextOption = None) -> None:
    """Assess a case: urgency, likely causes with reasons, what to do, prevention."""
    if sum(x is not None for x in (case, batch, text)) != 1:
        raise _fail("give exactly one of --case FILE, --batch FILE.jsonl or --text TEXT")
    if batch is not None:
        _stream_results(batch, assess_lines)
        return
    if text is not None:
        _print_json(assess_case(_case_from_text(text)))
        return
    try:
        parsed = parse_case(_read_input(case))
    except InputError as exc:
        raise _fail(str(exc)) from None
    _print_json(assess_case(parsed))


@app.command("next-question")
def next_question(case: CaseOption = None, batch: BatchOption = None) -> None:
    """The most useful next question for a partial case, or {"done": true}."""
    if (case is None) == (batch is None):
        raise _fail("give exactly one of --case FILE or --batch FILE.jsonl")
    if batch is not None:
        _stream_results(batch, next_question_lines)
        return
    try:
        parsed = parse_case(_read_input(case))
    except InputError as exc:
        raise _fail(str(exc)) from None
    _print_json(next_step(parsed).to_json_dict())


@app.command()
def understand(text: TextOption = None, batch: BatchOption = None) -> None:
    """Read an owner's own words into a case, with the words behind each field."""
    from twitchcheck.understand import understand as read_text

    def one(t: str) -> dict:
        case, evidence = read_text(t)
        return {"case": case.to_json_dict(), "evidence": evidence}

    def from_line(line: str) -> dict:
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc}") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(
                'each line must be {"text": "..."}',
                [{"field": "text", "message": "a string is required"}],
            )
        return one(item["text"])

    if (text is None) == (batch is None):
        raise _fail("give exactly one of --text TEXT or --batch FILE.jsonl")
    if batch is not None:
        _stream(batch, from_line)
        return
    _print_json(one(text))


@app.command()
def interview(
    as_json: Annotated[bool, typer.Option("--json", help="print the assessment as JSON")] = False,
) -> None:
    """Answer one question at a time in the terminal, then see the result."""
    from twitchcheck.interview import run_interview

    run_interview(as_json=as_json)


@knowledge_app.command("check")
def knowledge_check() -> None:
    """Load every knowledge file and check it; report the first problem found."""
    from twitchcheck.knowledge import KnowledgeError, load

    try:
        k = load()
    except KnowledgeError as exc:
        raise _fail(str(exc)) from None
    typer.echo(
        f"knowledge OK: {len(k.causes)} causes, {len(k.signs)} signs, {len(k.fields)} fields, "
        f"{len(k.questions)} questions, {len(k.prevention)} prevention items, "
        f"{len(k.red_flags)} red flags"
    )


@knowledge_app.command("show")
def knowledge_show(cause: Annotated[str, typer.Argument(help="a cause id, e.g. toxin")]) -> None:
    """Print one cause's knowledge and the references it rests on."""
    from twitchcheck.knowledge import load_knowledge
    from twitchcheck.render import show_cause

    k = load_knowledge()
    ids = [c.id for c in k.causes]
    if cause not in ids:
        raise _fail(f"unknown cause {cause!r}; known causes: {', '.join(ids)}")
    show_cause(k, k.cause(cause))


if __name__ == "__main__":  # pragma: no cover
    app()
