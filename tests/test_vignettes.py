"""The shared vignette scorer on the dev data, holding the floors this build reaches.

The issue on safety with unseen cases asks, on dev.jsonl and dev2.jsonl, for every emergency
caught and nothing under-triaged in every mode, and on owners.jsonl for every emergency
caught and at most one in ten under-triaged. These tests hold what the engine reaches today
(docs/engine.md lists where it still falls short of that, and why), so that a change that
loses ground fails here. They drive the real command line, as the scorer does.
"""

import subprocess
import sys

import pytest
from tests.conftest import ROOT, SHARED

SCORER = SHARED / "tools" / "score_vignettes.py"
VIGNETTES = SHARED / "vignettes"
CLI = ROOT / ".venv" / "bin" / "twitchcheck"

pytestmark = [
    pytest.mark.skipif(
        not (SCORER.exists() and VIGNETTES.exists() and CLI.exists()),
        reason="needs ../shared (scorer and vignettes) and the .venv command line",
    ),
    pytest.mark.slow,
]


def score(name: str, *flags: str) -> str:
    run = subprocess.run(
        [sys.executable, str(SCORER), "--quiet", "--cmd", str(CLI), *flags, str(VIGNETTES / name)],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
    )
    # the scorer fails by itself on any missed emergency
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout


def test_dev_whole_cases():
    score("dev.jsonl", "--min-urgency", "0.95", "--min-top1", "0.95", "--max-under", "0",
          "--max-mild-to-vet", "0.10")  # fmt: skip


def test_dev_interview():
    # median 7: the signs of illness are always screened (a sick dog needs a vet whatever
    # the twitching is), one question more than when they were asked only when useful
    score("dev.jsonl", "--adaptive", "--min-urgency", "0.9", "--max-under", "1",
          "--max-median-questions", "7", "--max-mild-to-vet", "0.10")  # fmt: skip


def test_dev_interview_with_dont_know():
    score("dev.jsonl", "--adaptive", "--noise", "0.2", "--max-mild-to-vet", "0.10")


def test_dev_from_the_owners_words():
    score("dev.jsonl", "--from-narrative", "--min-urgency", "0.95", "--max-under", "0",
          "--max-median-questions", "4", "--max-mild-to-vet", "0.10")  # fmt: skip


def test_dev2_whole_cases():
    score("dev2.jsonl", "--min-urgency", "0.95", "--min-top1", "0.9", "--max-under", "1",
          "--max-mild-to-vet", "0.10")  # fmt: skip


def test_dev2_interview():
    score("dev2.jsonl", "--adaptive", "--min-urgency", "0.93", "--max-under", "2",
          "--max-median-questions", "7", "--max-mild-to-vet", "0.10")  # fmt: skip


def test_dev2_from_the_owners_words():
    score("dev2.jsonl", "--from-narrative", "--min-urgency", "0.93", "--max-under", "2",
          "--max-median-questions", "4", "--max-mild-to-vet", "0.10")  # fmt: skip


def test_real_owners_whole_cases():
    score("owners.jsonl", "--min-urgency", "0.65", "--max-under", "1")


def test_real_owners_interview():
    score("owners.jsonl", "--adaptive", "--max-under", "1")


def test_real_owners_from_their_own_words():
    score("owners.jsonl", "--from-narrative", "--max-under", "2")


def test_dev2_interview_with_dont_know():
    # every emergency caught with one answer in five "don't know" (bench/vignette_noise.py
    # shows other draws of the same noise)
    score("dev2.jsonl", "--adaptive", "--noise", "0.2", "--max-mild-to-vet", "0.15")


def test_real_owners_interview_with_dont_know():
    score("owners.jsonl", "--adaptive", "--noise", "0.2", "--max-under", "1")
