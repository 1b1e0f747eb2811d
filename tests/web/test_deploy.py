"""Finding 4 and the production set-up: the supervisor's units restart what dies and stop
gracefully, gunicorn's config shuts down gracefully and leaves no orphan on the port,
the Procfile runs every process, and docs/deploy.md covers what an operator needs."""

import configparser
import os
import runpy
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy" / "systemd"


def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(UNITS / name)
    return parser


@pytest.mark.parametrize(
    "name", ["twitchcheck-web.service", "twitchcheck-worker.service", "twitchcheck-beat.service"]
)
def test_every_process_is_restarted_when_it_dies(name):
    service = _unit(name)["Service"]
    assert service["Restart"] == "always"
    assert service["EnvironmentFile"] == "/etc/twitchcheck/env"
    assert "twitchcheck" in service["ExecStart"]


def test_the_web_unit_stops_gracefully_and_kills_leftovers():
    service = _unit("twitchcheck-web.service")["Service"]
    assert "deploy/gunicorn.conf.py" in service["ExecStart"]
    assert service["KillMode"] == "mixed"
    assert service["KillSignal"] == "SIGTERM"
    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert int(service["TimeoutStopSec"]) > config["graceful_timeout"]
    assert "HUP" in service["ExecReload"]


def test_gunicorn_config_is_graceful_and_frees_the_port():
    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert config["graceful_timeout"] == 30
    assert config["timeout"] == 30
    assert config["max_requests"] > 0 and config["max_requests_jitter"] > 0
    # one accept queue for all workers: a recycled worker takes no waiting connection with
    # it (test_recycled_workers_drop_no_connection below)
    assert config["reuse_port"] is False
    assert callable(config["post_fork"])  # workers die with the master (PR_SET_PDEATHSIG)


APP = """
import time

def app(environ, start_response):
    time.sleep(0.005)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(port: int) -> str:
    import http.client

    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        connection.request("POST", "/", body=b"x" * 200)
        answer = connection.getresponse()
        answer.read()
        connection.close()
        return str(answer.status)
    except OSError as problem:  # reset, refused, broken pipe: a dropped request
        return type(problem).__name__


def test_recycled_workers_drop_no_connection(tmp_path):
    """Under concurrent requests, workers recycled every few requests (max_requests) lose
    none: every request is answered. With SO_REUSEPORT each worker had a queue of its own,
    reset when it left (the dropped requests of the reliability load)."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not gunicorn.exists() and not shutil.which("gunicorn"):
        pytest.skip("gunicorn is not installed")
    (tmp_path / "tinyapp.py").write_text(APP)
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    env = {
        **os.environ,
        "BIND": f"127.0.0.1:{port}",
        "WORKERS": "2",
        "MAX_REQUESTS": "10",
        "ACCESS_LOG": "/dev/null",
    }
    server = subprocess.Popen(
        [str(gunicorn), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "tinyapp:app"]
        + ["--error-logfile", str(log), "--log-level", "info"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while _post(port) != "200":
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        outcomes: Counter[str] = Counter()
        lock = threading.Lock()

        def client() -> None:
            for _ in range(50):
                outcome = _post(port)
                with lock:
                    outcomes[outcome] += 1

        clients = [threading.Thread(target=client) for _ in range(8)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert outcomes == Counter({"200": 400})
    assert log.read_text().count("Autorestarting worker") >= 10  # it did recycle


def test_a_health_check_restarts_a_web_service_that_stops_answering():
    assert _unit("twitchcheck-health.timer")["Timer"]["OnUnitActiveSec"] == "1min"
    script = (ROOT / "deploy" / "healthcheck.sh").read_text()
    assert "/healthz" in script and "systemctl restart twitchcheck-web" in script


def test_procfile_runs_web_worker_and_beat():
    kinds = {
        line.split(":", 1)[0]
        for line in (ROOT / "Procfile").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert {"web", "worker", "beat", "release"} <= kinds


def test_deploy_doc_covers_what_an_operator_needs():
    doc = (ROOT / "docs" / "deploy.md").read_text()
    for heading in (
        "## PostgreSQL",
        "### Backups, and a restore that is tested",
        "## Redis",
        "## The task worker",
        "## Static and media files",
        "## TLS",
        "## Upgrades and migrations",
        "## Two hosts, and scaling",
    ):
        assert heading in doc
    for path in (
        "deploy/backup.sh",
        "deploy/restore-test.sh",
        "deploy/gunicorn.conf.py",
        "bench/two_hosts.py",
    ):
        assert path in doc and (ROOT / path).exists()
