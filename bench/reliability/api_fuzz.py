"""schemathesis over /api/v1/openapi.json: every operation, every check (server errors,
status codes, content types, headers, response schemas, negative data rejected, positive
data accepted, authentication ...), all phases (examples, coverage, fuzzing, stateful),
authenticated as an owner whose dog and episode exist."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from .result import Row
from .stack import PYTHON, Gunicorn

ST = str(Path(PYTHON).with_name("st"))


def run(host: Gunicorn, world: dict, out: Path, *, examples: int, minimum: int) -> Row:
    row = Row("API (schemathesis)", "generated API cases, all checks")
    report = out / "schemathesis"
    report.mkdir(parents=True, exist_ok=True)
    for old in report.glob("*"):
        old.unlink()
    command = [
        ST,
        "run",
        f"{host.url}/api/v1/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(examples),
        "--continue-on-failure",  # a failing operation goes on being tested
        "--workers",
        "2",
        "--seed",
        "12",
        "--request-timeout",
        "30",
        "--header",
        f"Authorization: Bearer {world['alice']['token']}",
        "--report",
        "json",
        "--report-dir",
        str(report),
        "--no-color",
        "--output-truncate",
        "false",
    ]
    # the hooks module is imported by `st` from the repository's root
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "bench.reliability.st_hooks"}
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=3600, env=env, cwd=root
    )
    (out / "schemathesis.txt").write_text(result.stdout + result.stderr)
    reports = sorted(report.glob("json-*.json"))
    if not reports:
        row.available = False
        row.note("schemathesis wrote no report: " + (result.stderr or result.stdout)[-300:])
        return row
    data = json.loads(reports[-1].read_text())
    cases = data["test_cases"]
    row.count = row.requests = cases["generated"]
    row.failures = cases["unique_failures"]
    for failure in data["failures"]:
        if failure["code"] == "ST101":
            row.errors += failure["count"]
        ops = ", ".join(failure["operations"][:3])
        more = len(failure["operations"]) - 3
        row.note(
            f"{failure['code']} {failure['title']}: {failure['count']} ({ops}"
            + (f" and {more} more" if more > 0 else "")
            + ")"
        )
    for warning, operations in data.get("warnings", {}).items():
        if operations:
            row.note(f"warning {warning}: {len(operations)} operations")
    if row.count < minimum:
        row.failures += 1
        row.note(f"only {row.count} cases generated, fewer than {minimum}")
    row.note(f"reproductions: {out / 'schemathesis.txt'} (curl lines)")
    row.examples = _curl_lines(result.stdout)
    return row


def _curl_lines(text: str) -> list[str]:
    return re.findall(r"^\s*(curl .+)$", text, flags=re.M)[:10]
