"""Faults in the middle of the load (the locustfile's mix, fewer people), each on servers
of its own sharing the run's PostgreSQL and Redis:

- a gunicorn worker SIGKILLed, twice: the master replaces it;
- the gunicorn master SIGKILLed: the supervisor (here a loop doing what systemd's
  Restart=always does in production) starts it again;
- PostgreSQL unreachable for 5 s (a TCP proxy in front of it is cut);
- Redis unreachable for 10 s (the same, in front of Redis);
- one of two hosts stopped (the client spreads over both and goes to the other).

Each must lose no acknowledged write, answer a clean 503 (JSON on the API, the styled page
elsewhere) or nothing at all while a dependency is away, never another 5xx, and serve
again by itself: after the fault, every request answers ok.
Outcomes (locustfile.py): ok, 503 (clean), refused, dropped, error.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from . import ledger, load
from .proxy import Proxy
from .result import Row
from .stack import REDIS_PORT, Gunicorn, Site, Supervisor

SETTLE = 3.0  # seconds after a fault ends within which the site must be back


def _scenario(
    site: Site,
    out: Path,
    name: str,
    tried: str,
    hosts: list[Gunicorn],
    actions: list[tuple[float, Callable[[], None]]],
    *,
    users: int,
    seconds: int,
    fault_end: float,
    settle: float = SETTLE,
) -> Row:
    row = Row(f"Fault: {name}", tried, count=1)
    for host in hosts:
        host.start()
    process, log, _prefix = load.start(site, [h.url for h in hosts], users, seconds, out, name)
    started = time.time()
    try:
        for at, action in actions:
            time.sleep(max(0.0, started + at - time.time()))
            action()
        process.wait(timeout=seconds + 120)
    finally:
        if process.poll() is None:
            process.kill()
        for host in hosts:
            host.stop()
    outcomes, acks = ledger.read(log)
    lost = ledger.missing(acks)
    kinds = ledger.kinds(outcomes)
    row.requests = sum(1 for o in outcomes if not o["kind"].startswith("retried"))
    row.errors = kinds.get("error", 0)
    row.acknowledged = len(acks)
    row.found = len(acks) - len(lost)
    row.failures = len(lost)
    row.note("outcomes: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    back = started + fault_end
    final = [o for o in outcomes if not o["kind"].startswith("retried")]
    late = [o for o in final if o["t"] > back + settle and o["kind"] != "ok"]
    bad = [o for o in final if o["t"] > back and o["kind"] != "ok"]
    recovered = max((o["t"] for o in bad), default=back) - back
    after = [o for o in outcomes if o["t"] > back + settle]
    if late or not after:
        row.failures += 1
        row.note(f"not back {settle:.0f} s after the fault: {len(late)} requests not ok")
    else:
        row.note(f"back to all-ok {max(recovered, 0):.1f} s after the fault ended")
    for entry in outcomes:
        if entry["kind"] in ("error",) and len(row.examples) < 8:
            row.examples.append(
                f"{entry['name']}: {entry['status']} at +{entry['t'] - started:.1f} s"
            )
    for a in lost[:10]:
        row.examples.append(f"lost {a['ack']} {a['key']}")
    return row


def run(site: Site, out: Path, *, quick: bool) -> list[Row]:
    users, seconds = (8, 20) if quick else (24, 30)
    rows = []

    # a worker killed twice
    host = Gunicorn(site, workers=3, name="worker-kill")
    rows.append(
        _scenario(
            site, out, "worker SIGKILL", "SIGKILL a worker twice mid-load", [host],
            [(6, host.kill_worker), (12, host.kill_worker)],
            users=users, seconds=seconds, fault_end=12,
        )
    )  # fmt: skip

    # the master killed; the supervisor restarts it
    host = Gunicorn(site, workers=3, name="master-kill")
    supervisor = Supervisor(host)

    def kill_master():
        supervisor.__enter__()
        host.kill_master()

    try:
        row = _scenario(
            site, out, "master SIGKILL", "SIGKILL the master mid-load (supervised)", [host],
            [(6, kill_master), (6.1, lambda: _wait_up(host, 60))],
            users=users, seconds=seconds, fault_end=6, settle=15,
        )  # fmt: skip
    finally:
        supervisor.__exit__()
    row.note(f"supervisor restarts: {supervisor.restarts}")
    rows.append(row)

    # PostgreSQL away for 5 s
    with Proxy(5432, "postgres") as pg:
        host = Gunicorn(site, workers=3, name="db-down", env=site.environment(db_port=pg.port))
        rows.append(
            _scenario(
                site, out, "database away 5 s", "PostgreSQL unreachable for 5 s mid-load",
                [host], [(6, pg.cut), (11, pg.restore)],
                users=users, seconds=seconds, fault_end=11,
            )
        )  # fmt: skip

    # Redis away for 10 s
    with Proxy(REDIS_PORT, "redis") as rd:
        host = Gunicorn(
            site, workers=3, name="redis-down", env=site.environment(redis_port=rd.port)
        )
        rows.append(
            _scenario(
                site, out, "Redis away 10 s", "Redis unreachable for 10 s mid-load",
                [host], [(6, rd.cut), (16, rd.restore)],
                users=users, seconds=seconds, fault_end=16,
            )
        )  # fmt: skip

    # two hosts, one stopped
    a = Gunicorn(site, workers=2, name="two-hosts-a")
    b = Gunicorn(site, workers=2, name="two-hosts-b")
    rows.append(
        _scenario(
            site, out, "one of two hosts stopped", "stop host B of two mid-load",
            [a, b], [(8, b.stop)],
            users=users, seconds=seconds, fault_end=8,
        )
    )  # fmt: skip
    return rows


def _wait_up(host: Gunicorn, seconds: float) -> None:
    """Waits (bounded) until the restarted host answers again."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            host.wait_ready(1)
            return
        except RuntimeError:
            time.sleep(0.5)
