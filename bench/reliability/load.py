"""locust, headless: the locustfile's mix against gunicorn on PostgreSQL and Redis; then
every acknowledged write is looked for in the database, and p99 is read per endpoint."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

from . import ledger
from .result import Row
from .stack import PYTHON, ROOT, Gunicorn, Site

LOCUST = str(Path(PYTHON).with_name("locust"))
LOCUSTFILE = ROOT / "bench/reliability/locustfile.py"


def locust_command(targets: list[str], users: int, seconds: int, csv_prefix: Path) -> list[str]:
    return [
        LOCUST,
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(max(1, users // 4)),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "30",
        "--host",
        targets[0],
        "--csv",
        str(csv_prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--exit-code-on-error",
        "0",
    ]


def locust_env(site: Site, targets: list[str], log: Path, out: Path) -> dict:
    world = out / "world.json"
    world.write_text(json.dumps(site.world))
    log.write_text("")
    return {
        **site.environment(),
        "RELIABILITY_WORLD": str(world),
        "RELIABILITY_LOG": str(log),
        "RELIABILITY_TARGETS": ",".join(targets),
    }


def start(site: Site, targets: list[str], users: int, seconds: int, out: Path, name: str):
    """locust in the background; returns (process, log path, csv prefix)."""
    log = out / f"{name}-requests.jsonl"
    prefix = out / name
    process = subprocess.Popen(
        locust_command(targets, users, seconds, prefix),
        env=locust_env(site, targets, log, out),
        stdout=(out / f"{name}-locust.txt").open("w"),
        stderr=subprocess.STDOUT,
        cwd=out,
    )
    return process, log, prefix


def p99s(prefix: Path) -> dict[str, tuple[int, float]]:
    """Per endpoint: (requests, p99 in ms), from locust's CSV."""
    path = Path(f"{prefix}_stats.csv")
    if not path.exists():
        return {}
    rows = {}
    with path.open() as handle:
        for entry in csv.DictReader(handle):
            if entry["Name"] == "Aggregated":
                continue
            p99 = entry.get("99%", "N/A")
            rows[entry["Name"]] = (int(entry["Request Count"]), float(p99) if p99 != "N/A" else 0)
    return rows


def run(host: Gunicorn, site: Site, out: Path, *, users: int, seconds: int) -> Row:
    row = Row("Load (locust)", f"users for {seconds} s, realistic mix")
    process, log, prefix = start(site, [host.url], users, seconds, out, "load")
    process.wait(timeout=seconds + 120)
    outcomes, acks = ledger.read(log)
    kinds = ledger.kinds(outcomes)
    lost = ledger.missing(acks)
    row.count = users
    row.requests = sum(n for k, n in kinds.items() if not k.startswith("retried"))
    row.errors = sum(n for k, n in kinds.items() if k != "ok" and not k.startswith("retried"))
    row.acknowledged = len(acks)
    row.found = len(acks) - len(lost)
    row.failures = len(lost)
    row.note("outcomes: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    row.note(
        "p99 ms: "
        + "; ".join(f"{name} {p99:.0f} ({n})" for name, (n, p99) in sorted(p99s(prefix).items()))
    )
    by_kind = {}
    for a in acks:
        by_kind[a["ack"]] = by_kind.get(a["ack"], 0) + 1
    row.note("writes acknowledged: " + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
    for entry in outcomes:
        if entry["kind"] != "ok" and len(row.examples) < 10:
            detail = entry.get("error") or entry["status"]
            row.examples.append(f"{entry.get('path', entry['name'])}: {entry['kind']} {detail}")
    for a in lost[:10]:
        row.examples.append(f"lost {a['ack']} {a['key']}")
    return row
