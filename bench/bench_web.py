"""Web benchmarks against gunicorn on 127.0.0.1 (production settings, collected static).

    .venv/bin/python bench/bench_web.py [--quick]

(a) the guide page's weight: every byte a browser transfers for it (HTML, CSS, JS;
    gzip as negotiated; response headers counted too; images aside), against the 64 KB
    budget, and whether any of it comes from another host;
(b) requests per second and p50/p99 latency for GET /healthz (a floor: no database, no
    template), GET / (the guide) and POST /api/v1/assess (a real case).

Loops are bounded by request count and by time; the server is stopped at the end.
main() prints the report and returns it as a dict.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 64 * 1024
HOST = "127.0.0.1"
SIZES = {"quick": {"requests": 200, "concurrency": 4}, "full": {"requests": 1000, "concurrency": 4}}
MAX_SECONDS_PER_ENDPOINT = 60
CASE = {
    "dog": {"age_years": 3.5, "breed": "labrador retriever", "sex": "female"},
    "episode": {"context": "asleep", "body_area": ["hind_leg"], "duration": "seconds"},
    "history": {"possible_toxin": "no"},
    "signs": ["paddling_or_chomping"],
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _environment(var_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DEBUG")}
    env.update(
        DEBUG="0",
        LOCAL_RUN="1",  # plain HTTP on loopback, one machine's cache
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="twitchcheck.web.settings",
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]),
        LOG_LEVEL="WARNING",
    )
    env.pop("STATICFILES_BACKEND", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


class Server:
    """gunicorn on a free loopback port, with its own SQLite and static files."""

    def __init__(self, workers: int = 2):
        self.dir = Path(tempfile.mkdtemp(prefix="twitchcheck-bench-web-"))
        self.env = _environment(self.dir)
        self.port = _free_port()
        self.workers = workers
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        manage = [sys.executable, str(ROOT / "manage.py")]
        for command in (
            ["setup_site", "--starter-content", "-v", "0"],
            ["collectstatic", "--noinput", "-v", "0"],
        ):
            subprocess.run(manage + command, env=self.env, check=True, timeout=120)
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "twitchcheck.web.wsgi",
                "--bind",
                f"{HOST}:{self.port}",
                "--workers",
                str(self.workers),
                "--log-level",
                "warning",
            ],
            env=self.env,
            cwd=self.dir,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if request(self.port, "GET", "/healthz")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("gunicorn did not start within 30 s")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def request(port, method, path, body=None, headers=None):
    """(status, response headers, body as received, bytes on the wire incl. headers)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        head = sum(len(k) + len(v) + 4 for k, v in response.getheaders()) + 17
        return response.status, dict(response.getheaders()), data, head + len(data)
    finally:
        conn.close()


def page_weight(port: int) -> dict:
    gz = {"Accept-Encoding": "gzip"}
    status, headers, body, wire = request(port, "GET", "/", headers=gz)
    assert status == 200, status
    html = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    html = html.decode()
    assets = re.findall(r'<(?:link rel="stylesheet"|script)[^>]*?(?:href|src)="([^"]+)"', html)
    icons = re.findall(r'<link rel="icon" href="([^"]+)"', html)
    parts = {"/": {"bytes": wire, "encoding": headers.get("Content-Encoding", "identity")}}
    for asset in assets + icons:
        s, h, b, w = request(port, "GET", asset, headers=gz)
        assert s == 200, (asset, s)
        parts[asset] = {"bytes": w, "encoding": h.get("Content-Encoding", "identity")}
    third_party = [
        url
        for url in re.findall(r'<(?:link|script|img)[^>]*?(?:href|src)="([^"]+)"', html)
        if re.match(r"(?:https?:)?//", url)
    ]
    total = sum(p["bytes"] for p in parts.values())
    return {
        "total_bytes": total,
        "budget_bytes": BUDGET,
        "within_budget": total <= BUDGET,
        "html_uncompressed_bytes": len(html.encode()),
        "parts": parts,
        "third_party_requests": third_party,
    }


def load(port: int, method: str, path: str, n: int, concurrency: int, body=None, headers=None):
    """n requests from `concurrency` threads (bounded by count and MAX_SECONDS_PER_ENDPOINT)."""
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    counter = iter(range(n))
    deadline = time.monotonic() + MAX_SECONDS_PER_ENDPOINT

    def worker():
        nonlocal failures
        while time.monotonic() < deadline:
            with lock:
                if next(counter, None) is None:
                    return
            start = time.perf_counter()
            try:
                ok = request(port, method, path, body, headers)[0] == 200
            except OSError:
                ok = False
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                failures += not ok

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start
    latencies.sort()
    return {
        "requests": len(latencies),
        "failures": failures,
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 2),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, 2),
    }


def main(argv: list[str] | None = None, quick: bool | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer requests")
    args = parser.parse_args(argv if argv is not None else [])
    quick = args.quick if quick is None else quick
    size = SIZES["quick" if quick else "full"]
    n, c = size["requests"], size["concurrency"]
    print(f"== web ({'quick' if quick else 'full'}: {n} requests per endpoint, {c} at a time) ==")
    report: dict = {}
    with Server() as server:
        weight = page_weight(server.port)
        report["guide_page_weight"] = weight
        print(
            f"(a) guide page: {weight['total_bytes']:,} bytes transferred "
            f"(budget {BUDGET:,}; {'within' if weight['within_budget'] else 'OVER'}), "
            f"HTML {weight['html_uncompressed_bytes']:,} bytes before gzip; "
            f"third-party requests: {len(weight['third_party_requests'])}"
        )
        for path, part in weight["parts"].items():
            print(f"      {path:<48} {part['bytes']:>7,} bytes  {part['encoding']}")
        case = json.dumps(CASE).encode()
        json_headers = {"Content-Type": "application/json"}
        runs = {
            "GET /healthz": ("GET", "/healthz", None, None),
            "GET / (guide)": ("GET", "/", None, {"Accept-Encoding": "gzip"}),
            "POST /api/v1/assess": ("POST", "/api/v1/assess", case, json_headers),
        }
        print(f"(b) throughput, gunicorn with {server.workers} sync workers on {HOST}")
        report["throughput"] = {}
        for name, (method, path, body, headers) in runs.items():
            load(server.port, method, path, min(20, n), c, body, headers)  # warm up
            result = load(server.port, method, path, n, c, body, headers)
            report["throughput"][name] = result
            print(
                f"      {name:<22} {result['rps']:>8,.1f} req/s   p50 {result['p50_ms']:>7.2f} ms"
                f"   p99 {result['p99_ms']:>7.2f} ms   failures {result['failures']}"
            )
        floor = report["throughput"]["GET /healthz"]["rps"]
        assess_rps = report["throughput"]["POST /api/v1/assess"]["rps"]
        report["assess_vs_healthz"] = round(assess_rps / floor, 2) if floor else None
        print(
            f"      assess runs at {report['assess_vs_healthz']:.0%} of the trivial endpoint's rate"
        )
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
