"""A batch worked on by several processes (--jobs) writes the same bytes as one process:
the same results, in the input's order, each bad line with its own error."""

from __future__ import annotations

import itertools
import json
import os
import random

import pytest
from typer.testing import CliRunner

import twitchcheck.cli as cli
from twitchcheck import pool
from twitchcheck.cli import app

runner = CliRunner()
CHUNK = 64  # lines a chunk in these tests (fewer lines than the real chunks, as many chunks)
LINES = CHUNK * pool.MIN_ITEMS + 50


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch):
    monkeypatch.setattr(cli, "CHUNK_LINES", CHUNK)


BAD_LINES = [
    b"{not json",
    b'{"dog": {"breed": "caf\xe9"}}',  # not UTF-8
    b'{"dog": {"age_years": -3}}',
    b'{"episode": {"duration": "forever"}}',
    b"[1, 2]",
    b"",  # blank lines give no result, but count in the line numbers
    b"   ",
]


def _cases(n: int, seed: int, bad: bool = True) -> list[bytes]:
    """Varied valid cases, with the bad lines spread among them."""
    rng = random.Random(seed)
    choices = {
        "episode": {
            "context": ["asleep", "resting_awake", "during_or_after_exercise"],
            "duration": ["seconds", "over_5_minutes"],
            "aware": ["yes", "no", "unknown"],
        },
        "history": {"possible_toxin": ["yes", "no"]},
        "dog": {"age_years": [0.2, 3.0, 12.0], "breed": ["greyhound", "maltese", "mixed"]},
    }
    signs = ["collapse", "drooling", "paddling_or_chomping", "breathing_difficulty"]
    lines = []
    for _ in range(n):
        case: dict = {}
        for section, fields in choices.items():
            for name, values in fields.items():
                if rng.random() < 0.5:
                    case.setdefault(section, {})[name] = rng.choice(values)
        if rng.random() < 0.3:
            case["signs"] = [rng.choice(signs)]
        lines.append(json.dumps(case).encode())
    for line in BAD_LINES if bad else []:
        lines.insert(rng.randrange(len(lines)), line)
    return lines


@pytest.fixture(scope="module")
def batch_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("batch") / "cases.jsonl"
    path.write_bytes(b"\n".join(_cases(LINES, seed=5)) + b"\n")
    return path


@pytest.mark.parametrize("command", ["assess", "next-question"])
def test_parallel_batch_writes_the_same_bytes_as_a_serial_one(batch_file, command):
    serial = runner.invoke(app, [command, "--batch", str(batch_file), "--jobs", "1"])
    parallel = runner.invoke(app, [command, "--batch", str(batch_file), "--jobs", "2"])
    assert serial.exit_code == parallel.exit_code == 1  # some lines are bad
    assert parallel.stdout_bytes == serial.stdout_bytes
    out = serial.stdout_bytes.splitlines()
    assert len(out) == batch_file.read_bytes().count(b"\n") - 2  # the blank lines
    errors = [json.loads(line)["error"] for line in out if line.startswith(b'{"error"')]
    assert len(errors) == 5
    assert sorted(e["line"] for e in errors) == [e["line"] for e in errors]
    assert any("not UTF-8" in e["message"] for e in errors)


def test_parallel_batch_from_standard_input_keeps_the_exit_code():
    good = b"\n".join(_cases(LINES, seed=6, bad=False)) + b"\n"
    serial = runner.invoke(app, ["assess", "--batch", "-", "--exit-code", "--jobs", "1"], good)
    parallel = runner.invoke(app, ["assess", "--batch", "-", "--exit-code", "--jobs", "2"], good)
    assert serial.exit_code == parallel.exit_code == 12
    assert parallel.stdout_bytes == serial.stdout_bytes


def test_jobs_must_be_at_least_one():
    result = runner.invoke(app, ["assess", "--batch", "-", "--jobs", "0"], b"{}\n")
    assert result.exit_code == 2


def _square(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_ordered_map_keeps_order_and_uses_workers():
    prepared = []
    results = list(pool.ordered_map(_square, range(50), 2, lambda: prepared.append(1)))
    assert [r for r, _ in results] == [x * x for x in range(50)]
    assert prepared == [1]  # here, once, before the workers start
    assert os.getpid() not in {pid for _, pid in results}  # all in the workers


def test_ordered_map_works_here_on_a_short_input_or_one_job():
    for items, jobs in ((range(pool.MIN_ITEMS - 1), 2), (range(20), 1)):
        results = list(pool.ordered_map(_square, items, jobs=jobs))
        assert [r for r, _ in results] == [x * x for x in items]
        assert {pid for _, pid in results} == {os.getpid()}


def _fail_on_seven(x: int) -> int:
    if x == 7:
        raise ValueError("seven")
    return x


def test_ordered_map_passes_a_workers_error_on():
    got = []
    with pytest.raises(ValueError, match="seven"):
        for r in pool.ordered_map(_fail_on_seven, range(30), jobs=2):
            got.append(r)
    assert got == list(range(7))


def test_ordered_map_reads_only_a_few_items_ahead():
    """Memory stays flat: the input is read as results are taken, a few items ahead."""
    read = []

    def items():
        for x in itertools.count():
            read.append(x)
            yield x

    results = pool.ordered_map(_square, items(), jobs=2)
    taken = [next(results)[0] for _ in range(10)]
    assert taken == [x * x for x in range(10)]
    assert len(read) <= 10 + pool.AHEAD * 2 + 1
    results.close()  # the workers are stopped
