"""Interviews with "don't know" answers, over several random seeds.

The shared scorer's `--noise` uses one fixed seed, so one lucky or unlucky draw can hide how
often an owner's "don't know" costs a missed emergency. This replays its interviews (its own
answer function, so the owner behaves exactly as there) in process, for each seed, and
prints per file: urgency exact, under-triaged, emergencies missed and mild cases sent to a
vet (with their ids).

    .venv/bin/python bench/vignette_noise.py                  # seeds 1-5 and the scorer's
    .venv/bin/python bench/vignette_noise.py --noise 0.3 --seeds 1,2,3 dev2
    .venv/bin/python bench/vignette_noise.py bench/probes/vet.jsonl   # any vignette file
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any

from twitchcheck import assess, next_question

SHARED = Path(__file__).resolve().parents[2] / "shared"
LEVELS = ["normal", "home_care", "see_vet", "emergency"]
SCORER_SEED = 20261126
MAX_QUESTIONS = 40


def scorer() -> ModuleType:
    path = SHARED / "tools" / "score_vignettes.py"
    spec = importlib.util.spec_from_file_location("score_vignettes", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def interviews(
    rows: list[dict[str, Any]], noise: float, seed: int, sv: ModuleType, paired: bool = False
) -> list[str]:
    """Every interview a round at a time, as the scorer runs them; the final urgencies.

    The scorer draws every owner's "don't know" from one shared generator, so a change that
    alters one interview reshuffles the draws of all the others. `paired` gives each
    vignette its own generator (seeded by seed and id): two builds then meet the same owner
    on every vignette they question alike, and a difference between them is the change's.
    """
    shared = random.Random(seed)
    rngs = [random.Random(f"{seed}:{r['id']}") if paired else shared for r in rows]
    partials: list[dict[str, Any]] = [{} for _ in rows]
    asked = [0] * len(rows)
    live = list(range(len(rows)))
    while live:
        still = []
        for i in live:
            step = next_question(partials[i])
            if step.done or step.question is None or asked[i] >= MAX_QUESTIONS:
                continue
            question = step.question.model_dump(exclude_none=True)
            sv.answer(rows[i]["case"], partials[i], question, rngs[i], noise)
            asked[i] += 1
            still.append(i)
        live = still
    return [assess(p).urgency for p in partials]


def under_triaged(rows: list[dict[str, Any]], got: list[str], want: list[str]) -> list[str]:
    return [r["id"] for r, g, w in zip(rows, got, want, strict=True)
            if LEVELS.index(g) < LEVELS.index(w)]  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", default=["dev", "dev2", "owners"])
    ap.add_argument("--noise", type=float, default=0.2)
    ap.add_argument("--seeds", default=f"1,2,3,4,5,{SCORER_SEED}")
    ap.add_argument(
        "--paired",
        action="store_true",
        help="one generator per vignette, to compare two builds case by case",
    )
    args = ap.parse_args()
    sv = scorer()
    seeds = [int(s) for s in args.seeds.split(",")]
    print(
        "| file | seed | urgency exact | under-triaged | emergencies missed | mild sent to a vet |"
    )
    print("|---|---|---|---|---|---|")
    for name in args.files:
        path = Path(name) if name.endswith(".jsonl") else SHARED / "vignettes" / f"{name}.jsonl"
        name = path.stem
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        for seed in seeds:
            got = interviews(rows, args.noise, seed, sv, args.paired)
            want = [r["expected"]["urgency"] for r in rows]
            exact = sum(g == w for g, w in zip(got, want, strict=True))
            missed = [r["id"] for r, g, w in zip(rows, got, want, strict=True)
                      if w == "emergency" and g != "emergency"]  # fmt: skip
            mild = [i for i, w in enumerate(want) if w in ("normal", "home_care")]
            to_vet = [rows[i]["id"] for i in mild if LEVELS.index(got[i]) >= 2]
            under = under_triaged(rows, got, want)
            print(f"| {name} | {seed} | {exact}/{len(rows)} | {len(under)} {' '.join(under)} "
                  f"| {len(missed)} {' '.join(missed)} "
                  f"| {len(to_vet)}/{len(mild)} {' '.join(to_vet)} |")  # fmt: skip


if __name__ == "__main__":
    main()
