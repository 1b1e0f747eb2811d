"""Many cases at once: lines of JSON in, one result per line out, in order, in chunks so the
engine weighs a chunk of cases together (the batch command line and the scorer use this)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from functools import partial

from twitchcheck.case import Case
from twitchcheck.engine.answers import answer_table
from twitchcheck.engine.assess import assess_cases
from twitchcheck.engine.model import get_model
from twitchcheck.engine.questions import next_step, planner
from twitchcheck.errors import InputError, parse_case

CHUNK = 512


def _chunked(
    lines: Iterable[str | bytes], run: Callable[[list[Case]], list[dict]], start: int
) -> Iterator[tuple[int, dict]]:
    """(line number, result) for every non-blank line, the first line numbered `start`; a
    line that is not a valid case gives {"error": {...}} in its place."""
    settle()
    pending: list[tuple[int, Case | dict]] = []

    def flush() -> Iterator[tuple[int, dict]]:
        cases = [c for _, c in pending if isinstance(c, Case)]
        results = iter(run(cases)) if cases else iter(())
        for number, item in pending:
            yield number, next(results) if isinstance(item, Case) else item
        pending.clear()

    for number, line in enumerate(lines, start=start):
        if not line or line.isspace():  # blank (as `not line.strip()`, without a copy)
            continue
        try:
            pending.append((number, parse_case(line)))
        except InputError as exc:
            pending.append((number, {"error": {**exc.to_json(), "line": number}}))
        if len(pending) >= CHUNK:
            yield from flush()
    yield from flush()


def assess_lines(lines: Iterable[str | bytes], start: int = 1) -> Iterator[tuple[int, dict]]:
    """Assessments of JSON case lines, in order, to be written with orjson: each result's
    causes are an orjson.Fragment (see `assess_cases`)."""
    return _chunked(lines, partial(assess_cases, json_causes=True), start)


def next_question_lines(lines: Iterable[str | bytes], start: int = 1) -> Iterator[tuple[int, dict]]:
    """Next-question steps of JSON partial-case lines, in order."""
    return _chunked(lines, lambda cases: [next_step(c).to_json_dict() for c in cases], start)


_settled = False


def settle() -> None:
    """Build the model, then take it and everything else alive out of the garbage
    collector's sight: a batch makes millions of short-lived objects, and each collection
    would otherwise walk the whole model again (about a third of the time per case). Once
    per process: workers forked after it inherit the settled heap (and share its pages)."""
    global _settled
    if _settled:
        return
    _settled = True
    answer_table(get_model())
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def settle_questions() -> None:
    """`settle`, with the next-question planner built too."""
    planner()
    settle()
