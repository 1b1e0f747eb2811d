"""The guide under load against /healthz (issue 12, finding 8): with 1,319 approved
comments, does the cached, paginated guide serve at least 80% of /healthz's rate?

    .venv/bin/python bench/bench_guide.py [--quick] [--seconds 10] [--redis redis://127.0.0.1:6379/4]

Starts gunicorn (production settings, 2 sync workers, collected static files, its own
SQLite) on a free loopback port, adds the comments, and loads /healthz, the guide and a
later page of comments for the same time with the same concurrency: with `wrk` when it is
installed (apt-get install wrk), else with a client in Python processes. With --redis
(or REDIS_URL set) the cache is that Redis, as in production; otherwise each gunicorn
worker's memory. Each endpoint is loaded --rounds times (3), in turn, --seconds each (5; 2 with
--quick); its figure is the median round.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_web import HOST, ROOT, Server, request  # noqa: E402

COMMENTS = 1319
TARGET = 0.80
SEED = f"""
from twitchcheck.web.comments.models import Comment
from twitchcheck.web.pagecache import content_changed
Comment.objects.bulk_create(
    [Comment(name=f"Reader {{i}}", email=f"r{{i}}@example.org", status="approved",
             body=f"Our dog twitches in her sleep too; the vet said it was dreaming. ({{i}})")
     for i in range({COMMENTS})], batch_size=500)
content_changed()
"""


def _wrk(port: int, path: str, seconds: int, connections: int, gzip: bool) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if gzip:
        command += ["-H", "Accept-Encoding: gzip"]
    out = subprocess.run(
        [*command, f"http://{HOST}:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: .*", out)

    def ms(label: str) -> float:
        value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return {
        "rps": round(rps, 1),
        "p50_ms": round(ms("50%"), 2),
        "p99_ms": round(ms("99%"), 2),
        "failures": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(0) if errors else "",
    }


def _client(args) -> tuple[int, int, list[float]]:
    port, path, until, gzip = args
    done = failed = 0
    latencies = []
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    while time.monotonic() < until:
        start = time.perf_counter()
        try:
            ok = request(port, "GET", path, headers=headers)[0] == 200
        except OSError:
            ok = False
        latencies.append(time.perf_counter() - start)
        done += 1
        failed += not ok
    return done, failed, latencies


def _python(port: int, path: str, seconds: int, connections: int, gzip: bool) -> dict:
    until = time.monotonic() + seconds
    with multiprocessing.Pool(connections) as pool:
        parts = pool.map(_client, [(port, path, until, gzip)] * connections)
    latencies = sorted(x for _, _, ls in parts for x in ls)
    done = sum(p[0] for p in parts)
    return {
        "rps": round(done / seconds, 1),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 2),
        "p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 2),
        "failures": sum(p[1] for p in parts),
    }


def main(argv: list[str] | None = None, quick: bool | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=int, default=None)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS_URL", ""))
    args = parser.parse_args(argv if argv is not None else [])
    quick = args.quick if quick is None else quick
    seconds = min(args.seconds or (2 if quick else 5), 30)
    tool = "wrk" if shutil.which("wrk") else "python"
    run = _wrk if tool == "wrk" else _python
    print(
        f"== guide vs /healthz: {COMMENTS:,} approved comments, {args.rounds} rounds of "
        f"{seconds} s per endpoint, "
        f"{args.connections} connections ({tool}), cache: {args.redis or 'per-worker memory'} =="
    )
    report: dict = {"tool": tool, "cache": args.redis or "locmem", "runs": {}}
    server = Server(workers=2)
    if args.redis:
        server.env["REDIS_URL"] = args.redis
    with server:
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "shell", "-c", SEED],
            env=server.env,
            check=True,
            timeout=120,
        )
        runs = {
            "GET /healthz": ("/healthz", False),
            "GET / (guide)": ("/", False),
            "GET /healthz (gzip)": ("/healthz", True),
            "GET / (guide, gzip)": ("/", True),
            "GET guide, comments page 40": ("/guides/dog-muscle-spasms/?comments=40", False),
        }
        sizes = {}
        for name, (path, gzip) in runs.items():
            status, _, _, sizes[name] = request(
                server.port, "GET", path, headers={"Accept-Encoding": "gzip"} if gzip else {}
            )
            assert status == 200, (path, status)
        # rounds in turn, so other work on the machine weighs on each endpoint alike;
        # each endpoint's figure is the median of its rounds
        samples: dict[str, list[dict]] = {name: [] for name in runs}
        for _ in range(args.rounds):
            for name, (path, gzip) in runs.items():
                samples[name].append(run(server.port, path, seconds, args.connections, gzip))
        for name, results in samples.items():
            results.sort(key=lambda r: r["rps"])
            result = {**results[len(results) // 2], "bytes": sizes[name]}
            result["rounds_rps"] = [r["rps"] for r in results]
            report["runs"][name] = result
            print(
                f"  {name:<30} {result['rps']:>8,.1f} req/s  p50 {result['p50_ms']:>6.2f} ms"
                f"  p99 {result['p99_ms']:>7.2f} ms  {sizes[name]:>7,} bytes"
                f"  failures {sum(r['failures'] for r in results)}"
            )
    runs = report["runs"]
    report["guide_vs_healthz"] = round(
        runs["GET / (guide)"]["rps"] / runs["GET /healthz"]["rps"], 2
    )
    report["guide_vs_healthz_gzip"] = round(
        runs["GET / (guide, gzip)"]["rps"] / runs["GET /healthz (gzip)"]["rps"], 2
    )
    ok = report["guide_vs_healthz"] >= TARGET
    print(
        f"  the guide serves {report['guide_vs_healthz']:.0%} of /healthz's rate "
        f"({report['guide_vs_healthz_gzip']:.0%} with gzip); target {TARGET:.0%}: "
        f"{'met' if ok else 'NOT met'}"
    )
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
