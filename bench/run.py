"""What `make bench` runs: every benchmark, one readable report, exit status 0.

    .venv/bin/python bench/run.py [--quick]

Runs bench_engine.py, bench_startup.py (start-up of the command line), then
bench_understand.py, bench_web.py, bench_guide.py and bench_diary.py when they are present.
A benchmark that is missing or fails is reported as skipped; the report carries on.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
import platform
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = (
    "bench_engine",
    "bench_startup",
    "bench_understand",
    "bench_web",
    "bench_guide",
    "bench_diary",
)


def _call_main(module, quick: bool):
    main = module.main
    params = inspect.signature(main).parameters
    if "quick" in params:
        return main(quick=quick)
    if "argv" in params:
        return main(["--quick"] if quick else [])
    return main()


def run_one(name: str, quick: bool) -> str:
    """Run one benchmark module's main(); a short status for the summary. A main() that
    returns its results (a dict) rather than printing them is printed with the module's
    own `_print` when it has one."""
    print(f"--- bench/{name}.py ---")
    if not (HERE / f"{name}.py").exists():
        print(f"skipped: bench/{name}.py is not there yet")
        return "skipped: missing"
    start = time.perf_counter()
    try:
        module = importlib.import_module(name)
        result = _call_main(module, quick)
        if isinstance(result, dict) and callable(getattr(module, "_print", None)):
            module._print(result)
    except SystemExit as exc:
        result = exc.code
    except Exception as exc:  # a failing benchmark must not stop the others
        traceback.print_exc(limit=3, file=sys.stdout)
        print(f"skipped after an error: {type(exc).__name__}: {exc}")
        return "skipped: error"
    elapsed = time.perf_counter() - start
    if isinstance(result, int) and not isinstance(result, bool) and result != 0:
        return f"finished with status {result} in {elapsed:.0f}s"
    return f"ok in {elapsed:.0f}s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every twitchcheck benchmark.")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a quick look")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    print(
        f"twitchcheck benchmarks ({'quick' if args.quick else 'full'}) on "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {platform.system()}"
    )
    if hasattr(os, "getloadavg"):
        load = os.getloadavg()[0]
        print(
            f"load average {load:.1f} on {os.cpu_count()} CPUs at the start"
            + ("; other work is running, so expect lower numbers" if load > 0.5 else "")
        )
    print()
    start = time.perf_counter()
    summary = {}
    for name in BENCHMARKS:
        summary[name] = run_one(name, args.quick)
        sys.stdout.flush()
        print()
    print("== summary ==")
    for name, status in summary.items():
        print(f"  {name:<18} {status}")
    print(f"  total {time.perf_counter() - start:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
