"""`make check-reliability`: every check against a site set up for the run, one table.

    .venv/bin/python -m bench.reliability            # the full size (issue 12)
    .venv/bin/python -m bench.reliability --quick    # small counts, for development
    .venv/bin/python -m bench.reliability --only xss,access

Exit status 0 when every check passed, 1 when one failed, 2 when one could not run.
The table, the notes and the failing requests or payloads are also written to
var/reliability/ (report.md, report.json and each tool's own output).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from dataclasses import asdict

from rich.console import Console
from rich.table import Table

from . import access, api_fuzz, faults, load, xss
from .result import Row
from .stack import ROOT, Gunicorn, Site

SIZES = {
    "full": {"examples": 400, "cases": 5000, "payloads": 240, "users": 64, "seconds": 60},
    "quick": {"examples": 5, "cases": 200, "payloads": 20, "users": 8, "seconds": 10},
}
CHECKS = ["api", "xss", "access", "load", "faults"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reliability")
    parser.add_argument("--quick", action="store_true", help="small counts, for development")
    parser.add_argument(
        "--only", default=",".join(CHECKS), help="comma-separated: " + ", ".join(CHECKS)
    )
    args = parser.parse_args(argv)
    size = SIZES["quick" if args.quick else "full"]
    only = [c.strip() for c in args.only.split(",") if c.strip()]
    out = ROOT / "var" / "reliability"
    out.mkdir(parents=True, exist_ok=True)
    console = Console(width=max(Console().width, 150))

    rows: list[Row] = []
    started = time.monotonic()
    site = Site()
    console.print(f"[bold]Setting up[/]: PostgreSQL database, Redis db, {site.var_dir}")
    try:
        site.create()
        host = Gunicorn(site, workers=3, name="main").start()
        try:
            for check in only:
                console.print(f"[bold]Running[/] {check} ...")
                t = time.monotonic()
                try:
                    rows.extend(_run(check, host, site, size, out))
                except Exception as problem:  # one broken check must not hide the others
                    row = Row(check, "crashed", available=False)
                    row.note(f"{type(problem).__name__}: {problem}")
                    (out / f"{check}-crash.txt").write_text(traceback.format_exc())
                    rows.append(row)
                console.print(f"  {check}: {time.monotonic() - t:.0f} s")
        finally:
            host.stop()
    finally:
        for old in out.glob("gunicorn-*.log"):
            old.unlink()
        site.keep_logs(out)
        site.destroy()

    table = render(rows)
    console.print(table)
    for row in rows:
        for line in row.notes:
            console.print(f"[dim]{row.check}:[/] {line}")
        for line in row.examples[:15]:
            console.print(f"[red]{row.check}:[/] {line}")
    elapsed = time.monotonic() - started
    console.print(f"{'quick' if args.quick else 'full'} run, {elapsed / 60:.1f} min")
    (out / "report.json").write_text(json.dumps([asdict(r) for r in rows], indent=2, default=str))
    (out / "report.md").write_text(markdown(rows, elapsed, args.quick))
    if any(not r.available for r in rows):
        return 2
    return 0 if all(r.passed for r in rows) else 1


def _run(check: str, host: Gunicorn, site: Site, size: dict, out) -> list[Row]:
    if check == "api":
        return [
            api_fuzz.run(host, site.world, out, examples=size["examples"], minimum=size["cases"])
        ]
    if check == "xss":
        return [xss.run(host, site, count=size["payloads"])]
    if check == "access":
        return [access.run(host, site)]
    if check == "load":
        return [load.run(host, site, out, users=size["users"], seconds=size["seconds"])]
    if check == "faults":
        return faults.run(site, out, quick=size is SIZES["quick"])
    raise SystemExit(f"unknown check {check!r}: choose from {', '.join(CHECKS)}")


COLUMNS = [
    "check",
    "tried",
    "how many",
    "failures",
    "requests",
    "errors",
    "writes ack.",
    "found",
    "result",
]


def _cells(row: Row) -> list[str]:
    result = "not available" if not row.available else ("pass" if row.passed else "FAIL")
    return [
        row.check,
        row.tried,
        f"{row.count:,}",
        f"{row.failures:,}",
        f"{row.requests:,}",
        f"{row.errors:,}",
        "" if row.acknowledged is None else f"{row.acknowledged:,}",
        "" if row.found is None else f"{row.found:,}",
        result,
    ]


def render(rows: list[Row]) -> Table:
    table = Table(title="twitchcheck reliability")
    for column in COLUMNS:
        table.add_column(column, justify="right" if column not in ("check", "tried") else "left")
    for row in rows:
        cells = _cells(row)
        style = {"pass": "green", "FAIL": "red"}.get(cells[-1], "yellow")
        table.add_row(*cells[:-1], f"[{style}]{cells[-1]}[/]")
    return table


def markdown(rows: list[Row], elapsed: float, quick: bool) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_cells(r)) + " |" for r in rows]
    lines.append("")
    lines.append(f"{'Quick' if quick else 'Full'} run, {elapsed / 60:.1f} minutes.")
    for row in rows:
        if row.notes or row.examples:
            lines.append(f"\n**{row.check}**\n")
            lines += [f"- {n}" for n in row.notes]
            lines += [f"- `{e}`" for e in row.examples[:30]]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
