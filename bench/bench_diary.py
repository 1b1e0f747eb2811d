"""The episode diary with 10,000 episodes: how long the dog page, the API's episode list
and the vet report (PDF) take, against the goals of 300 ms, 300 ms and 2 s.

    .venv/bin/python bench/bench_diary.py [--quick]

Runs in a child process with its own SQLite database in a temporary folder (production
settings otherwise: DEBUG off, cached templates), through Django's test client, so it
times the whole request inside Django (middleware, queries, templates, PDF) without
network or server overhead. The folder is removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPISODES = 10_000
GOALS_MS = {"dog page": 300, "API episode list": 300, "report PDF": 2000}


def _child(runs: int) -> dict:
    import django

    django.setup()
    from datetime import UTC, datetime, timedelta

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from twitchcheck.web.diary import services
    from twitchcheck.web.diary.fields import duration_for_seconds
    from twitchcheck.web.diary.models import Episode

    call_command("migrate", verbosity=0)
    owner = services.account_create(
        email="bench@example.org", password="bench-password-long-1", time_zone="Europe/London"
    )
    dog = services.dog_create(owner=owner, name="Bella", breed="border collie", sex="female")
    services.medication_create(
        dog=dog,
        name="Phenobarbital",
        dose="30 mg",
        since=(datetime.now(UTC) - timedelta(days=60)).date(),
    )
    now = datetime.now(UTC)
    kinds = ["twitching_or_jerking", "seizure_or_fit", "trembling_or_shivering"]
    Episode.objects.bulk_create(
        [
            Episode(
                dog=dog,
                logged_by=owner,
                started_at=now - timedelta(minutes=75 * i + 3),
                duration_seconds=15 + (i * 7) % 200,
                duration=duration_for_seconds(15 + (i * 7) % 200),
                looks_like=kinds[i % 3],
                context="asleep",
                body_area=["hind_leg"],
                aware="yes",
                afterwards="normal",
                signs=["drooling"] if i % 5 == 0 else [],
                notes="woke up fine" if i % 4 == 0 else "",
                fit_like=kinds[i % 3] == "seizure_or_fit",
            )
            for i in range(EPISODES)
        ],
        batch_size=2000,
    )
    services.episode_check(episode=Episode.objects.filter(dog=dog).first())
    web = Client()
    web.force_login(owner)
    token = services.api_token_create(user=owner)[1]
    api = Client(headers={"Authorization": f"Bearer {token}"})
    calls = {
        "dog page": lambda: web.get(f"/diary/dogs/{dog.pk}/"),
        "API episode list": lambda: api.get(f"/api/v1/dogs/{dog.pk}/episodes"),
        "report PDF": lambda: web.get(f"/diary/dogs/{dog.pk}/report.pdf"),
    }
    results = {}
    for name, call in calls.items():
        for _ in range(2):  # warm up: imports, template and font caches
            assert call().status_code == 200
        queries = []

        def count(execute, sql, params, many, context, seen=queries):
            seen.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = call()
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = call()
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        times.sort()
        results[name] = {
            "median_ms": round(statistics.median(times), 1),
            "max_ms": round(times[-1], 1),
            "runs": runs,
            "queries": len(queries),
            "bytes": len(response.content),
            "goal_ms": GOALS_MS[name],
        }
    return results


def main(argv: list[str] | None = None, quick: bool | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer timed runs")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else [])
    quick = args.quick if quick is None else quick
    runs = 5 if quick else 15
    folder = Path(tempfile.mkdtemp(prefix="twitchcheck-bench-diary-"))
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DEBUG")}
    env.update(
        DJANGO_SETTINGS_MODULE="twitchcheck.web.settings",
        VAR_DIR=str(folder),
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        SECRET_KEY="bench-" + "x" * 50,
        ALLOWED_HOSTS="testserver",
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        LOG_LEVEL="WARNING",
        # production settings without Redis: a local run's per-process cache is enough here
        LOCAL_RUN="1",
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]),
    )
    print(f"== diary ({EPISODES:,} episodes, {runs} timed runs each, in-process) ==")
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", *(["--quick"] if quick else [])],
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if done.returncode != 0:
            print(done.stderr[-3000:])
            raise RuntimeError("the diary benchmark failed")
        results = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for name, r in results.items():
        verdict = "within" if r["median_ms"] <= r["goal_ms"] else "OVER"
        print(
            f"  {name:<18} median {r['median_ms']:>8.1f} ms   max {r['max_ms']:>8.1f} ms   "
            f"goal {r['goal_ms']:>5} ms ({verdict})   {r['queries']} queries   {r['bytes']:,} bytes"
        )
    return results


if __name__ == "__main__":
    if "--child" in sys.argv:
        quick = "--quick" in sys.argv
        print(json.dumps(_child(5 if quick else 15)))
    else:
        main(sys.argv[1:])
