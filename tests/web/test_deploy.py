"""Finding 4 and the production set-up: the supervisor's units restart what dies and stop
gracefully, gunicorn's config shuts down gracefully and leaves no orphan on the port,
the Procfile runs every process, and docs/deploy.md covers what an operator needs."""

import configparser
import runpy
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
    assert config["reuse_port"] is True
    assert callable(config["post_fork"])  # workers die with the master (PR_SET_PDEATHSIG)


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
