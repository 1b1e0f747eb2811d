"""Start-up time of the command line: `twitchcheck --help` and a one-case `assess`.

    .venv/bin/python bench/bench_startup.py [--quick]

Each command runs RUNS times (after one warm-up run, so the files are in the page cache);
the report gives the median and the fastest wall-clock time of a whole process, start to
exit, against the 0.3 s goal, and the median CPU time (user + system) the process used.
Other work on the machine slows the wall clock (the fastest run is the one least disturbed
by it); the CPU time is what the command itself costs, and moves far less with the load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_S = 0.3
RUNS = 15
QUICK_RUNS = 5
CASE = {"episode": {"context": "asleep", "aware": "yes"}, "dog": {"age_years": 4}}


def _twitchcheck() -> list[str]:
    script = Path(sys.executable).with_name("twitchcheck")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "twitchcheck.cli"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(args: list[str], runs: int) -> tuple[list[float], list[float]]:
    """(wall-clock seconds, CPU seconds) of `runs` runs of args (output discarded), after
    one warm-up run."""
    env = {**os.environ, "NO_COLOR": "1"}
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    walls, cpus = [], []
    for _ in range(runs):
        cpu, start = _children_cpu(), time.perf_counter()
        done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {done.stderr.decode()[-300:]}")
    return walls, cpus


def measure(runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        case = Path(tmp) / "case.json"
        case.write_text(json.dumps(CASE))
        commands = {
            "twitchcheck --help": [*_twitchcheck(), "--help"],
            "twitchcheck assess --case FILE": [*_twitchcheck(), "assess", "--case", str(case)],
            "python -c pass (the floor)": [sys.executable, "-c", "pass"],
        }
        return {name: time_command(args, runs) for name, args in commands.items()}


def _print(results: dict) -> None:
    runs = len(next(iter(results.values()))[0])
    print(f"(d) start-up of a whole process, {runs} runs: wall clock (median, fastest), CPU")
    for name, (walls, cpus) in results.items():
        median, fastest = statistics.median(walls), min(walls)
        goal = (
            ""
            if "floor" in name
            else (
                f"   goal < {GOAL_S:.1f} s: {'met' if median < GOAL_S else 'NOT met'}"
                + ("" if median < GOAL_S or fastest >= GOAL_S else " (the fastest run meets it)")
            )
        )
        print(
            f"  {name:<32} {median * 1000:5.0f} ms {fastest * 1000:5.0f} ms   "
            f"cpu {statistics.median(cpus) * 1000:5.0f} ms{goal}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_RUNS} runs instead of {RUNS}")
    args = parser.parse_args(argv)
    _print(measure(QUICK_RUNS if args.quick else RUNS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
