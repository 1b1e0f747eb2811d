"""The system under test, on this machine: a fresh PostgreSQL database, a Redis database
number of its own, a folder for static files and uploads, and gunicorn servers with
production settings (DEBUG off) pointed at them, directly or through a cuttable proxy.

Every process started here is stopped by the code that started it; nothing outside
127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import redis
import requests

from .net import HOST, free_port

ROOT = Path(__file__).resolve().parents[2]
PG = {"host": HOST, "port": 5432, "user": "postgres"}
DB_NAME = "twitchcheck_reliability"
REDIS_PORT = 6379
REDIS_DB = 11  # a database number of its own, flushed at the start of a run
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))


def db_url(port: int = 5432) -> str:
    return f"postgres://postgres@{HOST}:{port}/{DB_NAME}"


def redis_url(port: int = REDIS_PORT) -> str:
    return f"redis://{HOST}:{port}/{REDIS_DB}"


def sql(query: str, params: tuple = ()) -> list[tuple]:
    """A query on the site's database, straight to PostgreSQL (never through a proxy)."""
    with psycopg.connect(dbname=DB_NAME, **PG, autocommit=True) as conn:
        cursor = conn.execute(query, params)
        return cursor.fetchall() if cursor.description else []


@dataclass
class Site:
    """The database, the Redis database and the folder every server of a run shares."""

    var_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="tc-reliab-")))
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(50))
    world: dict = field(default_factory=dict)

    def environment(self, *, db_port: int = 5432, redis_port: int = REDIS_PORT) -> dict:
        """Production settings for a local run over plain HTTP.

        DEBUG is off, so the fail-closed settings apply: the secret, the hosts and the shared
        cache are given; the HTTPS redirect and secure cookies are turned off (LOCAL_RUN=1,
        and each setting by its own name too). Rate limits are raised because every simulated
        visitor comes from 127.0.0.1.
        """
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "REDIS_URL", "DEBUG", "STATICFILES_BACKEND")
            and not k.startswith("DJANGO_")
        }
        env.update(
            DEBUG="0",
            SECRET_KEY=self.secret_key,
            ALLOWED_HOSTS=f"{HOST},localhost",
            CSRF_TRUSTED_ORIGINS=f"http://{HOST},http://localhost",
            DATABASE_URL=db_url(db_port),
            REDIS_URL=redis_url(redis_port),
            VAR_DIR=str(self.var_dir),
            DJANGO_SETTINGS_MODULE="twitchcheck.web.settings",
            PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
            LOG_LEVEL="WARNING",
            # plain HTTP on the loopback: the local-run flag, and each setting it covers
            LOCAL_RUN="1",
            SECURE_SSL_REDIRECT="0",
            SESSION_COOKIE_SECURE="0",
            CSRF_COOKIE_SECURE="0",
            SECURE_HSTS_SECONDS="0",
            BEHIND_HTTPS_PROXY="0",
            # one address is every visitor here
            COMMENT_RATE="1000000/m",
            COMMENT_EMAIL_RATE="1000000/m",
            COMMENT_PAGE_RATE="1000000/m",
            PASSWORD_RESET_RATE="1000000/m",
            # log-in lock-out (django-axes) counts failures per address too: schemathesis
            # alone sends hundreds of wrong passwords to POST /api/v1/token from 127.0.0.1,
            # which would lock every later log-in of the run out (429)
            LOGIN_FAILURE_LIMIT="1000000",
            COMMENT_MIN_SECONDS="0",
            DIARY_TOKEN_RATE="1000000/m",
            # mail stays in memory of the process; tasks run where the queue says
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            CONN_MAX_AGE="60",
        )
        return env

    def manage(self, *args: str, env: dict | None = None, timeout: float = 300) -> str:
        result = subprocess.run(
            [PYTHON, str(ROOT / "manage.py"), *args],
            env=env or self.environment(),
            cwd=self.var_dir,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def create(self) -> Site:
        with psycopg.connect(dbname="postgres", **PG, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {DB_NAME}")
        redis.Redis(host=HOST, port=REDIS_PORT, db=REDIS_DB).flushdb()
        self.manage("migrate", "--noinput", "-v", "0")
        try:  # starter content: only on an explicit flag once production fails closed
            self.manage("setup_site", "-v", "0", "--starter-content")
        except RuntimeError:
            self.manage("setup_site", "-v", "0")
        self.manage("collectstatic", "--noinput", "-v", "0")
        self.world = json.loads(self.django(ROOT / "bench/reliability/seed.py"))
        return self

    def django(self, script: Path, *args: str, stdin: str = "", env: dict | None = None) -> str:
        """Runs a script inside the site's Django (settings from the environment)."""
        result = subprocess.run(
            [PYTHON, str(script), *args],
            input=stdin,
            env=env or self.environment(),
            cwd=self.var_dir,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode:
            raise RuntimeError(f"{script.name} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def keep_logs(self, out: Path) -> list[Path]:
        """The servers' error logs (worker timeouts, kills, recycling) copied to `out`
        before the run's folder is removed, so a dropped request can be explained."""
        kept = []
        for log in sorted(self.var_dir.glob("gunicorn-*.log")):
            kept.append(Path(shutil.copy(log, out / log.name)))
        return kept

    def destroy(self) -> None:
        shutil.rmtree(self.var_dir, ignore_errors=True)
        try:
            with psycopg.connect(dbname="postgres", **PG, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        except psycopg.Error:
            pass


def alive(url: str) -> bool:
    """The process answers HTTP at all (any status): /livez when there is one."""
    for path in ("/livez", "/healthz"):
        try:
            status = requests.get(url + path, timeout=2).status_code
        except requests.RequestException:
            return False
        if status != 404:
            return True
    return True


class Gunicorn:
    """One app host: gunicorn with sync workers on a port of its own."""

    def __init__(self, site: Site, *, workers: int = 3, env: dict | None = None, name="host"):
        self.site = site
        self.env = env or site.environment()
        self.workers = workers
        self.port = free_port()
        self.name = name
        self.process: subprocess.Popen | None = None
        self.groups: list[int] = []  # every process group started, for the final clean-up
        self.log = site.var_dir / f"gunicorn-{name}-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def command(self) -> list[str]:
        """The production configuration when there is one (deploy/gunicorn.conf.py: port
        reuse, workers that die with the master); the options given here override it."""
        config = ROOT / "deploy" / "gunicorn.conf.py"
        return [
            GUNICORN,
            *(["--config", str(config)] if config.is_file() else []),
            "twitchcheck.web.wsgi",
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(self.workers),
            "--timeout",
            "30",
            "--graceful-timeout",
            "10",
            # info: worker boots, recycling ("Autorestarting worker") and timeouts are
            # all in the log, which the run keeps (var/reliability/gunicorn-*.log)
            "--log-level",
            "info",
            "--error-logfile",
            str(self.log),
        ]

    def start(self, wait: float = 60) -> Gunicorn:
        self.process = subprocess.Popen(
            self.command(),
            env=self.env,
            cwd=self.site.var_dir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.groups.append(self.process.pid)
        if wait:
            try:
                self.wait_ready(wait)
            except RuntimeError:  # never left running by a check that then crashes
                self.stop()
                raise
        return self

    def wait_ready(self, seconds: float) -> float:
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            if self.process and self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: see {self.log}")
            try:
                if requests.get(self.url + "/", timeout=5).status_code == 200:
                    return time.monotonic() - started
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn on {self.port} not ready in {seconds:.0f} s: see {self.log}")

    def worker_pids(self) -> list[int]:
        import psutil

        if not self.process:
            return []
        try:
            return [c.pid for c in psutil.Process(self.process.pid).children()]
        except psutil.NoSuchProcess:
            return []

    def kill_worker(self) -> int | None:
        pids = self.worker_pids()
        if pids:
            os.kill(pids[0], signal.SIGKILL)
            return pids[0]
        return None

    def kill_master(self) -> None:
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        """Graceful stop (SIGTERM), then whatever is left of the process group is killed."""
        if not self.process:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for group in self.groups:  # orphaned workers of a killed master share its group
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)


class Supervisor:
    """Restarts a host whose master died, as systemd's Restart=always (RestartSec=1)
    would in production: the recovery measured is the set-up's, not the harness's."""

    def __init__(self, host: Gunicorn):
        self.host = host
        self.restarts = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> Supervisor:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _watch(self) -> None:
        while not self._stop.wait(0.2):
            process = self.host.process
            if process and process.poll() is not None:
                if self._stop.wait(1.0):
                    return
                self.host.start(wait=0)
                self.restarts += 1
