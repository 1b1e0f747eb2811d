"""The shared vignette scorer on the dev set, holding the engine issue's floors."""

import subprocess
import sys

import pytest
from tests.conftest import ROOT, SHARED

SCORER = SHARED / "tools" / "score_vignettes.py"
DEV = SHARED / "vignettes" / "dev.jsonl"
CLI = ROOT / ".venv" / "bin" / "twitchcheck"

pytestmark = pytest.mark.skipif(
    not (SCORER.exists() and DEV.exists() and CLI.exists()),
    reason="needs ../shared (scorer and dev vignettes) and the .venv command line",
)


def score(*flags: str) -> str:
    run = subprocess.run(
        [sys.executable, str(SCORER), "--quiet", "--cmd", str(CLI), *flags, str(DEV)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout


def test_static_floors():
    score("--min-urgency", "0.95", "--min-top1", "0.90", "--min-top3", "0.97", "--max-under", "0")


def test_adaptive_floors():
    score("--adaptive", "--min-urgency", "0.93", "--max-under", "0", "--max-median-questions", "6")


def test_adaptive_with_dont_know_still_catches_every_emergency():
    score("--adaptive", "--noise", "0.2")


def test_from_narrative_floors():
    score(
        "--from-narrative",
        "--min-urgency",
        "0.95",
        "--max-under",
        "0",
        "--max-median-questions",
        "4",
    )
