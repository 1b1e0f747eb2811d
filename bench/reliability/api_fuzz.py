"""schemathesis over /api/v1/openapi.json: every operation, every check (server errors,
status codes, content types, headers, response schemas, negative data rejected, positive
data accepted, authentication ...), all phases (examples, coverage, fuzzing, stateful),
authenticated as an owner whose dog and episode exist; revoking the token is tested last,
in a pass of its own (with a second token), so it cannot leave the rest unauthenticated."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from .result import Row
from .stack import PYTHON, Gunicorn

ST = str(Path(PYTHON).with_name("st"))


# Revoking the token schemathesis sends (DELETE /api/v1/token) makes every later request of
# the run a 401, so the rest of the API would go untested: that operation is tested in a
# pass of its own, after every other one.
REVOKE = "DELETE /api/v1/token"


def run(host: Gunicorn, world: dict, out: Path, *, examples: int, minimum: int) -> Row:
    row = Row("API (schemathesis)", "generated API cases, all checks")
    report = out / "schemathesis"
    report.mkdir(parents=True, exist_ok=True)
    for old in report.glob("**/*"):
        if old.is_file():
            old.unlink()
    outputs = []
    for number, (selection, token) in enumerate(
        [
            (["--exclude-name", REVOKE], world["alice"]["token"]),
            (["--include-name", REVOKE], world["alice"]["spare_token"]),
        ]
    ):
        folder = report / str(number)
        folder.mkdir(exist_ok=True)
        result = _st(host, selection, token, folder, examples)
        outputs.append(result.stdout + result.stderr)
        reports = sorted(folder.glob("json-*.json"))
        if not reports:
            row.available = False
            row.note("schemathesis wrote no report: " + (result.stderr or result.stdout)[-300:])
            (out / "schemathesis.txt").write_text("\n".join(outputs))
            return row
        _count(row, json.loads(reports[-1].read_text()))
    (out / "schemathesis.txt").write_text("\n".join(outputs))
    if row.count < minimum:
        row.failures += 1
        row.note(f"only {row.count} cases generated, fewer than {minimum}")
    row.note(f"reproductions: {out / 'schemathesis.txt'} (curl lines)")
    row.examples = _curl_lines("\n".join(outputs))
    return row


def _st(host: Gunicorn, selection: list[str], token: str, folder: Path, examples: int):
    command = [
        ST,
        "--config-file",  # an option of `st` itself, before the command
        str(Path(__file__).with_name("schemathesis.toml")),
        "run",
        f"{host.url}/api/v1/openapi.json",
        *selection,
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
        f"Authorization: Bearer {token}",
        "--report",
        "json",
        "--report-dir",
        str(folder),
        "--no-color",
        "--output-truncate",
        "false",
    ]
    # the hooks module is imported by `st` from the repository's root
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "bench.reliability.st_hooks"}
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    return subprocess.run(command, capture_output=True, text=True, timeout=3600, env=env, cwd=root)


def _count(row: Row, data: dict) -> None:
    cases = data["test_cases"]
    row.count += cases["generated"]
    row.requests += cases["generated"]
    row.failures += cases["unique_failures"]
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
            row.note(
                f"warning {warning}: {len(operations)} operations ({', '.join(operations[:4])})"
            )


def _curl_lines(text: str) -> list[str]:
    return re.findall(r"^\s*(curl .+)$", text, flags=re.M)[:10]
