"""Engine benchmarks: assessments per second, next-question latency, batch memory.

    .venv/bin/python bench/bench_engine.py [--quick]

(a) `twitchcheck assess --batch` over random valid cases, through the real command line
    (output to /dev/null), and `assess_case` in-process;
(b) `next_step` latency over random partial cases, in-process;
(c) peak memory (max RSS of the child) of `assess --batch` over a 1,000,000-line file,
    next to the same for the smaller file: a flat, streaming batch uses the same for both.

Cases come from a seeded generator that reads the field types from `twitchcheck.case`, so
it covers every field the contract (and its extensions) has, and only valid values.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path
from typing import Literal, Union, get_args, get_origin

from pydantic import BaseModel

from twitchcheck.case import FIELD_PATHS, SIGN_IDS, Case

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240611
BREEDS = (
    "labrador retriever",
    "border collie",
    "chihuahua",
    "west highland white terrier",
    "cocker spaniel",
    "greyhound",
    "mixed breed",
    "german shepherd",
    "dachshund",
    "scottish terrier",
    "maltese",
    "",
)

GOALS = {"rate": 10_000, "latency_ms": 5.0, "memory_mb": 150}
SIZES = {
    "full": {
        "cli": 200_000,
        "memory": 1_000_000,
        "memory_budget_s": 120,
        "in_process": 20_000,
        "questions": 2_000,
    },
    "quick": {
        "cli": 20_000,
        "memory": 100_000,
        "memory_budget_s": 20,
        "in_process": 3_000,
        "questions": 300,
    },
}


# --- random cases ---------------------------------------------------------------------------


def _choices(annotation) -> tuple[str, object]:
    """What a field takes: ("literal", values), ("list", values), ("float", (lo, hi)),
    ("int", (lo, hi)), ("bool", None) or ("str", None)."""
    args = [a for a in get_args(annotation) if a is not type(None)]
    origin = get_origin(annotation)
    if origin is Literal:
        return "literal", get_args(annotation)
    if origin in (Union, types.UnionType):
        return _choices(args[0])
    if origin is list:
        return "list", _choices(args[0])[1]
    if getattr(annotation, "__metadata__", None) is not None:  # Annotated[float, Field(...)]
        lo, hi = 0.0, 30.0
        for meta in annotation.__metadata__:
            for item in getattr(meta, "metadata", [meta]):
                lo = getattr(item, "ge", None) if getattr(item, "ge", None) is not None else lo
                hi = getattr(item, "le", None) if getattr(item, "le", None) is not None else hi
        base = get_args(annotation)[0]
        if base is int:
            return "int", (int(lo), int(hi))
        return ("float", (lo, hi)) if base is float else ("str", None)
    if annotation is bool:
        return "bool", None
    if annotation is float:
        return "float", (0.0, 30.0)
    return "str", None


def _field_kinds() -> dict[str, tuple[str, object]]:
    kinds = {}
    for path in FIELD_PATHS:
        section, _, name = path.partition(".")
        model: type[BaseModel] = Case.model_fields[section].annotation
        kinds[path] = _choices(model.model_fields[name].annotation)
    return kinds


KINDS = _field_kinds()


def _value(rng: random.Random, kind: str, spec):
    if kind == "literal":
        return rng.choice(spec)
    if kind == "list":
        return rng.sample(spec, rng.randint(1, min(3, len(spec))))
    if kind == "bool":
        return rng.random() < 0.3
    if kind == "int":
        lo, hi = spec
        return rng.choice((lo, lo + 1, rng.randint(lo, hi)))
    if kind == "float":
        lo, hi = spec
        return round(
            rng.choice((rng.uniform(lo, 1.0), rng.uniform(lo, 16.0), rng.uniform(lo, hi))), 1
        )
    return rng.choice(BREEDS)


def random_case(rng: random.Random, known: float = 0.65, sign_rate: float = 0.08) -> dict:
    """A valid case: each field known with probability `known`, sometimes "don't know"."""
    case: dict = {}
    unknown = []
    for path, (kind, spec) in KINDS.items():
        r = rng.random()
        if r < known:
            value = _value(rng, kind, spec)
            if value == "" and kind == "str":
                continue
            section, _, name = path.partition(".")
            case.setdefault(section, {})[name] = value
        elif r < known + 0.08:
            unknown.append(path)
    signs, absent = [], []
    for sign in SIGN_IDS:
        r = rng.random()
        if r < sign_rate:
            signs.append(sign)
        elif r < sign_rate + known * 0.7:
            absent.append(sign)
    if signs:
        case["signs"] = signs
    if absent:
        case["signs_absent"] = absent
    if unknown:
        case["unknown"] = unknown
    return case


def write_cases(paths_and_sizes: list[tuple[Path, int]], seed: int = SEED) -> None:
    """Write the cases once: the first n lines of the biggest file go to each smaller one."""
    rng = random.Random(seed)
    total = max(n for _, n in paths_and_sizes)
    files = [(path.open("w", encoding="utf-8"), n) for path, n in paths_and_sizes]
    try:
        for i in range(total):
            line = json.dumps(random_case(rng), separators=(",", ":")) + "\n"
            for handle, n in files:
                if i < n:
                    handle.write(line)
    finally:
        for handle, _ in files:
            handle.close()


# --- measuring ------------------------------------------------------------------------------


def _twitchcheck() -> list[str]:
    exe = Path(sys.executable).parent / "twitchcheck"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("twitchcheck")
    return [found] if found else [sys.executable, "-m", "twitchcheck.cli"]


def _proc_memory_mb(pid: int) -> tuple[float, float] | None:
    """The child's (current RSS, peak RSS) in MB, from /proc (Linux)."""
    found = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line[:5]] = int(line.split()[1]) / 1000
    except (OSError, ValueError):
        return None
    if len(found) != 2:
        return None
    return found["VmRSS"], found["VmHWM"]


def _descendants(pid: int) -> list[int]:
    """The process's children, their children, ... (Linux, from /proc)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            for task in os.listdir(f"/proc/{parent}/task"):
                text = Path(f"/proc/{parent}/task/{task}/children").read_text()
                kids = [int(k) for k in text.split()]
                found += kids
                todo += kids
        except (OSError, ValueError):
            pass
    return found


def _tree_memory_mb(pid: int) -> tuple[float, float] | None:
    """The memory of the process and its workers now: (the sum of their RSS, the sum of
    their PSS, where a page shared by n of them counts 1/n: the memory they use
    together), in MB, from /proc (Linux)."""
    rss = pss = 0.0
    for each in [pid, *_descendants(pid)]:
        try:
            for line in Path(f"/proc/{each}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1]) / 1000
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1]) / 1000
        except (OSError, ValueError):
            if each == pid:
                return None
    return rss, pss


def _proc_position(pid: int, path: Path) -> int | None:
    """How far the child has read into `path` (its file offset), from /proc."""
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            if os.readlink(f"/proc/{pid}/fd/{fd}") == str(path):
                for line in Path(f"/proc/{pid}/fdinfo/{fd}").read_text().splitlines():
                    if line.startswith("pos:"):
                        return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def run_batch(path: Path, lines: int, budget: float | None = None) -> dict:
    """`twitchcheck assess --batch path > /dev/null`: seconds, lines done, exit status, peak
    RSS in MB (the child's VmHWM, read every 0.2 s), RSS samples along the way, and the
    peak sums of RSS and PSS over the child and its worker processes (`_tree_memory_mb`).
    With a `budget` in seconds, a run that would take longer is stopped there, and the
    lines done are read from the child's offset in the file."""
    size = path.stat().st_size
    samples: list[tuple[float, float]] = []  # (share of the file read, RSS MB)
    peak = None  # the child's own high-water mark, from /proc
    tree_rss = tree_pss = 0.0  # the most the child and its workers held together
    stopped = False
    with open(os.devnull, "wb") as devnull:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*_twitchcheck(), "assess", "--batch", str(path)],
            stdout=devnull,
            stderr=subprocess.DEVNULL,
        )
        # os.wait4 (not Popen.poll) reaps the child, so that its own rusage can be read
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if budget is not None and time.perf_counter() - start > budget:
                stopped = True
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            position, memory = _proc_position(proc.pid, path), _proc_memory_mb(proc.pid)
            if position is not None and memory is not None:
                samples.append((position / size, memory[0]))
                peak = memory[1]
            tree = _tree_memory_mb(proc.pid)
            if tree is not None:
                tree_rss, tree_pss = max(tree_rss, tree[0]), max(tree_pss, tree[1])
            time.sleep(0.2)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    done = lines
    if stopped:
        done = round(lines * samples[-1][0]) if samples else 0
    if peak is None:
        # without /proc: the kernel's count for the child, in kilobytes on Linux (bytes on
        # macOS); on Linux it can include the parent's size at fork time, hence second choice
        peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024) / 1e6
    return {
        "seconds": elapsed,
        "lines": done,
        "stopped": stopped,
        "status": None if stopped else proc.returncode,
        "rss_mb": peak,
        "tree_rss_mb": tree_rss or peak,
        "tree_pss_mb": tree_pss or peak,
        "samples": samples,
    }


def _rss_at(samples: list[tuple[float, float]], share: float) -> float | None:
    """The RSS when about `share` of the run's progress was reached."""
    if not samples:
        return None
    last = samples[-1][0] or 1.0
    return next((rss for pos, rss in samples if pos >= share * last), samples[-1][1])


def in_process_rates(n: int) -> dict:
    from twitchcheck.engine import assess_case
    from twitchcheck.errors import parse_case

    rng = random.Random(SEED + 1)
    lines = [json.dumps(random_case(rng)) for _ in range(n)]
    cases = [Case.model_validate_json(line) for line in lines]
    assess_case(cases[0])  # build the model outside the timing
    start = time.perf_counter()
    for case in cases:
        assess_case(case)
    assess_only = n / (time.perf_counter() - start)
    start = time.perf_counter()
    for line in lines:
        json.dumps(assess_case(parse_case(line)))
    whole = n / (time.perf_counter() - start)
    return {"assess_case": assess_only, "parse_assess_dump": whole}


def question_latency(n: int) -> dict:
    from twitchcheck.engine import next_step

    rng = random.Random(SEED + 2)
    cases = [
        Case.model_validate(
            random_case(rng, known=rng.choice((0.0, 0.1, 0.3, 0.5)), sign_rate=0.04)
        )
        for _ in range(n)
    ]
    next_step(cases[0])  # warm up
    # the garbage left by the benchmarks before this one (hundreds of thousands of
    # assessments) is not this call's: collect it before timing, as a fresh process would
    gc.collect()
    times = []
    done = 0
    for case in cases:
        start = time.perf_counter()
        step = next_step(case)
        times.append((time.perf_counter() - start) * 1000)
        done += step.done
    times.sort()
    return {
        "n": n,
        "median_ms": statistics.median(times),
        "p99_ms": times[min(len(times) - 1, int(0.99 * len(times)))],
        "max_ms": times[-1],
        "done_share": done / n,
    }


# --- the report -----------------------------------------------------------------------------


def _verdict(ok: bool) -> str:
    return "ok  " if ok else "MISS"


def main(argv: list[str] | None = None, quick: bool | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a quick look")
    args = parser.parse_args(argv if argv is not None else [])
    quick = args.quick if quick is None else quick
    sizes = SIZES["quick" if quick else "full"]
    print(f"== engine ({'quick' if quick else 'full'} sizes) ==")

    with tempfile.TemporaryDirectory(prefix="twitchcheck-bench-") as tmp:
        small = Path(tmp) / f"cases-{sizes['cli']}.jsonl"
        big = Path(tmp) / f"cases-{sizes['memory']}.jsonl"
        start = time.perf_counter()
        write_cases([(small, sizes["cli"]), (big, sizes["memory"])])
        print(
            f"generated {sizes['memory']:,} random valid cases (seed {SEED}) "
            f"in {time.perf_counter() - start:.1f}s; {big.stat().st_size / 1e6:.0f} MB"
        )

        # (a) throughput
        run = run_batch(small, sizes["cli"])
        rate = run["lines"] / run["seconds"]
        print()
        print("(a) assessments per second")
        print(
            f"  CLI assess --batch   {rate:>10,.0f}/s   {run['lines']:,} cases in "
            f"{run['seconds']:.1f}s (startup included)   goal >= {GOALS['rate']:,}/s   "
            f"{_verdict(rate >= GOALS['rate'])}"
        )
        if run["status"] != 0:
            print(f"  ! exit status {run['status']}: some lines were not assessed")
        rates = in_process_rates(sizes["in_process"])
        print(f"  in-process assess_case          {rates['assess_case']:>10,.0f}/s")
        print(f"  in-process parse+assess+dump    {rates['parse_assess_dump']:>10,.0f}/s")

        # (b) next question latency
        lat = question_latency(sizes["questions"])
        print()
        print(f"(b) next_question latency over {lat['n']:,} random partial cases (in-process)")
        print(
            f"  median {lat['median_ms']:.2f} ms   p99 {lat['p99_ms']:.2f} ms   "
            f"max {lat['max_ms']:.2f} ms   goal p99 < {GOALS['latency_ms']:.0f} ms   "
            f"{_verdict(lat['p99_ms'] < GOALS['latency_ms'])}   ({lat['done_share']:.0%} were done)"
        )

        # (c) memory
        big_run = run_batch(big, sizes["memory"], budget=sizes["memory_budget_s"])
        print()
        print(
            "(c) peak memory of assess --batch: the process (VmHWM), and it with its "
            "workers (sums of RSS and of PSS, sampled)"
        )
        print(
            f"  {run['lines']:>9,} lines   {run['rss_mb']:6.1f} MB   with workers: RSS "
            f"{run['tree_rss_mb']:6.1f} MB, PSS {run['tree_pss_mb']:6.1f} MB"
        )
        if big_run["stopped"]:
            note = f"stopped at the {sizes['memory_budget_s']}s budget"
        else:
            note = "the whole file"
        print(
            f"  {big_run['lines']:>9,} lines   {big_run['rss_mb']:6.1f} MB   with workers: RSS "
            f"{big_run['tree_rss_mb']:6.1f} MB, PSS {big_run['tree_pss_mb']:6.1f} MB   "
            f"({note}; {big_run['lines'] / big_run['seconds']:,.0f}/s over "
            f"{big_run['seconds']:.0f}s)"
        )
        trend = [(share, _rss_at(big_run["samples"], share)) for share in (0.1, 0.5, 1.0)]
        if trend[0][1] is not None:
            print(
                "  RSS along the way: "
                + ", ".join(f"{rss:.1f} MB at {share:.0%}" for share, rss in trend)
            )
            growth = trend[-1][1] - trend[0][1]
        else:
            growth = big_run["rss_mb"] - run["rss_mb"]
        flat = growth <= 10
        print(
            f"  goal: flat, and < {GOALS['memory_mb']} MB with the workers (PSS)   "
            f"{_verdict(flat and big_run['tree_pss_mb'] < GOALS['memory_mb'])}   "
            f"({'flat' if flat else 'grows'}: {growth:+.1f} MB from 10% of the run to its end)"
        )
        if big_run["status"] not in (0, None):
            print(f"  ! exit status {big_run['status']}: some lines were not assessed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
