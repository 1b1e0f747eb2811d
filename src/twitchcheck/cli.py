"""The twitchcheck command line: one command per function, thin over the engine.

Start-up matters here (a script may call `assess` once per case), so this module imports
only typer at load time; the engine, pydantic, numpy and rich are imported inside the
commands that need them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

if TYPE_CHECKING:  # imported inside the commands that need them (start-up time)
    from rich.console import Console

    from twitchcheck.case import Case
    from twitchcheck.understand.reader import Evidence

# one JSON Lines input line -> its result; the lines of an input -> (line number, result)
LineHandler = Callable[[bytes], dict]
ResultStream = Callable[[Iterable[bytes], int], Iterable[tuple[int, dict]]]
Score = Callable[[dict], int]

EXIT_CODES = """\
Exit status: 0 done; 1 some batch lines were invalid (each has its own {"error": ...}
line), or the interview ended without a result; 2 wrong usage or unreadable input; 3 the
text could not be understood; 130 interrupted. With assess --exit-code: 0 normal, 10 home
care, 11 see a vet, 12 emergency (in a batch, the most urgent line).
"""
URGENCY_EXIT = {"normal": 0, "home_care": 10, "see_vet": 11, "emergency": 12}
NOT_UNDERSTOOD = 3
NOT_UNDERSTOOD_MESSAGE = (
    "I could not understand this. Tell me more (what it looks like, when it happens, how "
    "long it lasts), or answer questions instead: twitchcheck interview"
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"twitchcheck {version('twitchcheck')}")
        raise typer.Exit()


app = typer.Typer(
    help="Is my dog's twitching normal, and what do I do? (Not a diagnosis.)",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
knowledge_app = typer.Typer(help="Read and check the veterinary knowledge.", no_args_is_help=True)
app.add_typer(knowledge_app, name="knowledge")


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Is my dog's twitching normal, and what do I do? (Not a diagnosis.)"""


class Format(StrEnum):
    json = "json"
    table = "table"
    markdown = "markdown"


CaseOption = Annotated[
    str | None,
    typer.Option("--case", metavar="FILE", help="a case as JSON: a file, or - for standard input"),
]
BatchOption = Annotated[
    str | None,
    typer.Option(
        "--batch",
        metavar="FILE.jsonl",
        help="a JSON Lines file (or - for standard input): one item per line in, one result "
        "per line out, same order",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        min=1,
        help="with --batch: processes working on the lines (default: the CPUs available; "
        "the output is the same, in the same order)",
    ),
]
TextOption = Annotated[
    str | None, typer.Option("--text", metavar="TEXT", help="the owner's own words")
]


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _read_input(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise _fail(f"cannot read {source}: {exc}") from None


def _print_json(data: object) -> None:
    import orjson

    sys.stdout.buffer.write(orjson.dumps(data) + b"\n")
    sys.stdout.flush()


def _open_batch(source: str) -> tuple[BinaryIO, int | None]:
    """The batch input as a binary file (each line is decoded on its own, so that one line
    that is not UTF-8 spoils only itself), and its size when known (for the progress bar)."""
    if source == "-":
        return sys.stdin.buffer, None
    try:
        handle = Path(source).open("rb")  # noqa: SIM115 (closed by _stream)
    except OSError as exc:
        raise _fail(f"cannot read {source}: {exc}") from None
    try:
        size = Path(source).stat().st_size
    except OSError:
        size = None
    return handle, size


def _stream(source: str, handle: LineHandler) -> None:
    """Run `handle(line: bytes) -> dict` over a JSON Lines file, one line at a time."""

    def results(lines: Iterable[bytes], start: int) -> Iterator[tuple[int, dict]]:
        from twitchcheck.errors import InputError

        for number, line in enumerate(lines, start=start):
            if not line.strip():
                continue
            try:
                yield number, handle(line)
            except InputError as exc:
                yield number, {"error": {**exc.to_json(), "line": number}}

    _stream_results(source, results)


def _stream_results(
    source: str,
    results: ResultStream,
    score: Score | None = None,
    jobs: int = 1,
    prepare: Callable[[], object] | None = None,
) -> int:
    """Write `results(lines, first line's number) -> (line number, result)` over a JSON
    Lines input (a file, or - for standard input) as JSON Lines, in constant memory, in
    chunks of CHUNK_LINES lines; with jobs > 1 the chunks are worked on by that many
    processes (`twitchcheck.pool`, after `prepare()` has loaded what they share), and
    written in order. A bad line gives {"error": ...}
    on its own line and the exit status is 1; a line that is not UTF-8 says so. A
    progress bar goes to standard error, only when it is a terminal. Returns the highest
    `score(result)` of the results (0 without `score`)."""
    from functools import partial

    from twitchcheck.pool import ordered_map

    out = sys.stdout.buffer
    source_file, size = _open_batch(source)
    progress = _progress(size) if _stderr_is_terminal() else None
    work = partial(_write_chunk, results, score)
    failed, worst, done = False, 0, 0
    try:
        for written, chunk_failed, chunk_worst, lines in ordered_map(
            work, _chunks(source_file), jobs, prepare
        ):
            out.write(written)
            failed, worst = failed or chunk_failed, max(worst, chunk_worst)
            done += lines
            if progress is not None:
                progress(source_file, done)
    finally:
        if progress is not None:
            progress(None, 0)
        if source_file is not sys.stdin.buffer:
            source_file.close()
    out.flush()
    if failed:
        raise typer.Exit(1)
    return worst


CHUNK_LINES = 512  # lines read, worked on and written together


def _chunks(source_file: BinaryIO) -> Iterator[tuple[int, list[bytes]]]:
    """The input's lines in chunks: (the first line's number, the lines)."""
    from itertools import islice

    start = 1
    while chunk := list(islice(source_file, CHUNK_LINES)):
        yield start, chunk
        start += len(chunk)


def _write_chunk(
    results: ResultStream, score: Score | None, chunk: tuple[int, list[bytes]]
) -> tuple[bytes, bool, int, int]:
    """One chunk of lines, written: (its JSON Lines, whether a line had an error, the
    highest score of its results, its number of results)."""
    import orjson

    start, lines = chunk
    # each line is decoded on its own (by the JSON parser), so one line that is not UTF-8
    # spoils only itself; the rare line that is not ASCII is checked here too, only so
    # that its error can say what is wrong
    not_utf8: dict[int, UnicodeDecodeError] = {}
    for number, line in enumerate(lines, start=start):
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as bad:
                not_utf8[number] = bad
    written: list[bytes] = []
    failed, worst, dumps = False, 0, orjson.dumps
    for number, result in results(lines, start):
        if "error" in result:
            failed = True
            if number in not_utf8:
                result["error"]["message"] = (
                    f"line {number} is not UTF-8 text "
                    f"(byte {not_utf8.pop(number).start + 1} of the line)"
                )
                result["error"]["fields"] = []
        if score is not None:
            worst = max(worst, score(result))
        written.append(dumps(result))
    written.append(b"")
    return b"\n".join(written), failed, worst, len(written) - 1


def _progress(
    size: int | None, console: Console | None = None
) -> Callable[[BinaryIO | None, int], None]:
    """A rich progress bar on standard error: lines done, lines a second, and the time
    left (from the bytes read, when the input's size is known). Returns update(file, n);
    update(None, 0) ends it."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        ProgressColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns: list[ProgressColumn] = [
        TextColumn("{task.fields[lines]:>10,} lines"),
        TextColumn("{task.fields[rate]}"),
    ]
    if size:
        columns = [BarColumn(), TaskProgressColumn(), *columns, TimeRemainingColumn()]
    else:
        columns = [*columns, TimeElapsedColumn()]
    bar = Progress(*columns, console=console or Console(stderr=True), transient=True)
    task = bar.add_task("batch", total=size or None, lines=0, rate="")
    bar.start()

    def update(source_file: BinaryIO | None, lines: int) -> None:
        if source_file is None:
            bar.stop()
            return
        elapsed = bar.tasks[0].elapsed or 0
        rate = f"{lines / elapsed:,.0f}/s" if elapsed > 0 else ""
        position = None
        if size:
            try:
                position = source_file.tell()
            except OSError:
                position = None
        bar.update(task, completed=position, lines=lines, rate=rate)

    return update


def _limit_text(text: str) -> None:
    from twitchcheck.understand.text import MAX_CHARS

    if len(text) > MAX_CHARS:
        raise _fail(
            f"the text is {len(text):,} characters long; the limit is {MAX_CHARS:,} "
            "(it is not cut: shorten it, or split it)"
        )


def _understand(text: str) -> tuple[Case, Evidence]:
    """(case, evidence) from text; InputError for text over the limit."""
    from twitchcheck.understand import understand as read_text
    from twitchcheck.understand.text import MAX_CHARS

    if len(text) > MAX_CHARS:
        from twitchcheck.errors import InputError

        raise InputError(
            f"the text is {len(text):,} characters long; the limit is {MAX_CHARS:,}",
            [{"field": "text", "message": f"at most {MAX_CHARS:,} characters"}],
        )
    return read_text(text)


def _show(assessment: dict, fmt: Format, case: dict | None) -> None:
    if fmt is Format.json:
        _print_json(assessment)
        return
    from twitchcheck.knowledge import load_knowledge

    if fmt is Format.markdown:
        from twitchcheck.render import markdown_report

        sys.stdout.write(markdown_report(assessment, load_knowledge(), case=case))
        sys.stdout.flush()
        return
    from twitchcheck.render import show_assessment

    show_assessment(assessment, load_knowledge(), case=case)


def _urgency_exit(result: dict) -> int:
    """A batch result's --exit-code (0 for a line with an error)."""
    urgency = result.get("urgency")
    return URGENCY_EXIT.get(urgency, 0) if urgency else 0


def _jobs(jobs: int | None) -> int:
    from twitchcheck.pool import available_cpus

    return available_cpus() if jobs is None else jobs


@app.command()
def assess(
    case: CaseOption = None,
    batch: BatchOption = None,
    text: TextOption = None,
    output: Annotated[
        Format | None,
        typer.Option(
            "--format",
            help="json, table or markdown; table on a terminal, JSON when piped "
            "(a batch is always JSON Lines)",
        ),
    ] = None,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code",
            help="exit with the urgency: 0 normal, 10 home care, 11 see a vet, 12 emergency",
        ),
    ] = False,
    jobs: JobsOption = None,
) -> None:
    """Assess a case: what to do now, why, what would change it, likely causes, prevention."""
    from twitchcheck.errors import InputError

    if sum(x is not None for x in (case, batch, text)) != 1:
        raise _fail("give exactly one of --case FILE, --batch FILE.jsonl or --text TEXT")
    if batch is not None:
        if output not in (None, Format.json):
            raise _fail("a batch is written as JSON Lines; leave out --format")
        from twitchcheck.batch import assess_lines, settle

        score = _urgency_exit if exit_code else None
        raise typer.Exit(_stream_results(batch, assess_lines, score, _jobs(jobs), settle))

    fmt = output or (Format.table if _stdout_is_terminal() else Format.json)
    from twitchcheck.engine import assess_case

    if text is not None:
        _limit_text(text)
        try:
            parsed, _ = _understand(text)
        except InputError as exc:
            raise _fail(str(exc)) from None
        if not parsed.to_json_dict():
            raise _fail(NOT_UNDERSTOOD_MESSAGE, NOT_UNDERSTOOD)
    else:
        from twitchcheck.errors import parse_case

        assert case is not None  # exactly one of case, batch and text was given
        try:
            parsed = parse_case(_read_input(case))
        except InputError as exc:
            raise _fail(str(exc)) from None
    assessment = assess_case(parsed)
    _show(assessment, fmt, parsed.to_json_dict())
    if exit_code:
        raise typer.Exit(URGENCY_EXIT[assessment["urgency"]])


@app.command("next-question")
def next_question(
    case: CaseOption = None, batch: BatchOption = None, jobs: JobsOption = None
) -> None:
    """The most useful next question for a partial case, or {"done": true}."""
    from twitchcheck.engine import next_step
    from twitchcheck.errors import InputError, parse_case

    if (case is None) == (batch is None):
        raise _fail("give exactly one of --case FILE or --batch FILE.jsonl")
    if batch is not None:
        from twitchcheck.batch import next_question_lines, settle_questions

        _stream_results(batch, next_question_lines, jobs=_jobs(jobs), prepare=settle_questions)
        return
    assert case is not None  # exactly one of case and batch was given
    try:
        parsed = parse_case(_read_input(case))
    except InputError as exc:
        raise _fail(str(exc)) from None
    _print_json(next_step(parsed).to_json_dict())


@app.command()
def understand(text: TextOption = None, batch: BatchOption = None) -> None:
    """Read an owner's own words into a case, with the words behind each field.

    Text over the limit (5,000 characters) is refused, never cut. When nothing is
    understood the case is empty ({}), and standard error says so."""
    import orjson

    from twitchcheck.errors import InputError

    def one(t: str) -> dict:
        case, evidence = _understand(t)
        return {"case": case.to_json_dict(), "evidence": evidence}

    def from_line(line: bytes) -> dict:
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
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
    assert text is not None  # exactly one of text and batch was given
    _limit_text(text)
    try:
        result = one(text)
    except InputError as exc:
        raise _fail(str(exc)) from None
    _print_json(result)
    if not result["case"]:
        typer.echo(NOT_UNDERSTOOD_MESSAGE, err=True)


@app.command()
def interview(
    as_json: Annotated[bool, typer.Option("--json", help="print the assessment as JSON")] = False,
    text: Annotated[
        str | None,
        typer.Option(
            "--text", help="start from the owner's own words; only what is missing is asked"
        ),
    ] = None,
    save: Annotated[
        Path | None,
        typer.Option("--save", help="write the answers and the result to this JSON file"),
    ] = None,
    name: Annotated[str, typer.Option("--name", help="the dog's name, shown on the result")] = "",
) -> None:
    """Answer one question at a time in the terminal, then see the result."""
    from twitchcheck.interview import run_interview

    if text is not None:
        _limit_text(text)
    run_interview(as_json=as_json, text=text, save=save, dog_name=name)


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
