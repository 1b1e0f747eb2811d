"""Recall and precision of twitchcheck.understand, per field, on the shared vignette files.

    .venv/bin/python bench/measure_understand.py [--fields] [--misses] [FILE.jsonl ...]

With no files, reads ../shared/vignettes/{owners,dev2,dev}.jsonl. For each file it prints
the totals for the whole file, for folds 1-4 (what the rules may be tuned on) and for the
held-out fold 5 (the scorer's `fold_of(id, 5)`: sha256 of the id mod 5, plus 1), then, with
`--fields`, one line per field. `--misses` lists every false positive and false negative
with its vignette id, for looking at (never for writing a rule that fits one text).

Counting, per field path ("dog.age_years"), body area ("episode.body_area.hind_leg"), sign
("signs.cough", "signs_absent.itching") and unknown ("unknown.episode.aware"): a value read
that equals the vignette's is a true positive; a value read that differs from it, or that
the vignette leaves empty, a false positive; a vignette value not read (or read wrong), a
false negative. Breeds compare lower-cased, ages within half a year (the readers round
"about 13" and "13 and a half" differently). Vignettes leave out some things their
narratives state, so precision here is a lower bound.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

from twitchcheck.understand import understand

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "vignettes"
FILES = ("owners.jsonl", "dev2.jsonl", "dev.jsonl")
HELD_OUT = 5


def fold_of(vignette_id: str, n: int = 5) -> int:
    """The shared scorer's fold: the same split on every machine."""
    return int(hashlib.sha256(vignette_id.encode()).hexdigest(), 16) % n + 1


def flat(data: dict) -> dict[str, object]:
    out: dict[str, object] = {}
    for section in ("dog", "episode", "history"):
        for name, value in data.get(section, {}).items():
            if name == "body_area":
                out.update({f"episode.body_area.{area}": True for area in value})
            else:
                out[f"{section}.{name}"] = value
    for key in ("signs", "signs_absent", "unknown"):
        out.update({f"{key}.{item}": True for item in data.get(key, [])})
    return out


def same(key: str, got: object, want: object) -> bool:
    if key == "dog.breed" and isinstance(got, str) and isinstance(want, str):
        return got.lower() == want.lower()
    if key == "dog.age_years" and got is not None and want is not None:
        return abs(float(got) - float(want)) <= 0.5
    return got == want


class Tally:
    def __init__(self):
        self.tp, self.fp, self.fn = Counter(), Counter(), Counter()
        self.misses: list[tuple[str, str, str, object, object]] = []

    def add(self, vid: str, got: dict, want: dict) -> None:
        for key in sorted(got.keys() | want.keys()):
            if key in got and key in want and same(key, got[key], want[key]):
                self.tp[key] += 1
                continue
            if key in got:
                self.fp[key] += 1
                self.misses.append(("FP", vid, key, got[key], want.get(key)))
            if key in want:
                self.fn[key] += 1
                if key not in got:
                    self.misses.append(("FN", vid, key, None, want[key]))

    def totals(self, keys=None) -> tuple[int, int, int]:
        keys = keys if keys is not None else self.tp.keys() | self.fp.keys() | self.fn.keys()
        return (sum(self.tp[k] for k in keys), sum(self.fp[k] for k in keys),
                sum(self.fn[k] for k in keys))  # fmt: skip


def pr(t: int, p: int, n: int) -> tuple[str, str]:
    prec = f"{t / (t + p):.2f}" if t + p else "-"
    rec = f"{t / (t + n):.2f}" if t + n else "-"
    return prec, rec


def measure(path: Path) -> dict[str, Tally]:
    with path.open(encoding="utf-8") as f:
        vignettes = [json.loads(line) for line in f if line.strip()]
    parts = {"all": Tally(), "folds 1-4": Tally(), "fold 5": Tally()}
    for v in vignettes:
        case, evidence = understand(v["narrative"])
        assert all(value in v["narrative"] for value in evidence.values()), v["id"]
        got, want = flat(case.to_json_dict()), flat(v["case"])
        parts["all"].add(v["id"], got, want)
        held = "fold 5" if fold_of(v["id"]) == HELD_OUT else "folds 1-4"
        parts[held].add(v["id"], got, want)
    parts["all"].count = len(vignettes)  # type: ignore[attr-defined]
    return parts


def group_of(key: str) -> str:
    """Per-field lines group body areas, signs and unknowns under one heading each."""
    for prefix in ("episode.body_area", "signs_absent", "signs", "unknown"):
        if key.startswith(prefix + "."):
            return prefix
    return key


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--fields", action="store_true", help="one line per field")
    ap.add_argument("--misses", action="store_true", help="list false positives and negatives")
    args = ap.parse_args()
    paths = [Path(f) for f in args.files] or [SHARED / f for f in FILES]
    print(f"{'file':14} {'part':10} {'prec':>5} {'recall':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for path in paths:
        parts = measure(path)
        for name, tally in parts.items():
            t, p, n = tally.totals()
            prec, rec = pr(t, p, n)
            print(f"{path.name:14} {name:10} {prec:>5} {rec:>6} {t:>4} {p:>4} {n:>4}")
        if args.fields:
            tally, held = parts["all"], parts["fold 5"]
            groups: dict[str, set[str]] = {}
            for key in tally.tp.keys() | tally.fp.keys() | tally.fn.keys():
                groups.setdefault(group_of(key), set()).add(key)
                groups.setdefault(key, {key})
            print(f"  {'field':38} {'prec':>5} {'recall':>6} {'tp':>4} {'fp':>4} {'fn':>4}"
                  f"   fold 5: {'prec':>5} {'recall':>6}")  # fmt: skip
            for key in sorted(groups):
                t, p, n = tally.totals(groups[key])
                prec, rec = pr(t, p, n)
                hprec, hrec = pr(*held.totals(groups[key]))
                print(f"  {key:38} {prec:>5} {rec:>6} {t:>4} {p:>4} {n:>4}"
                      f"           {hprec:>5} {hrec:>6}")  # fmt: skip
        if args.misses:
            for kind, vid, key, got, want in parts["folds 1-4"].misses:
                print(f"  {kind} {vid} {key}: read {got!r}, case {want!r}")
        print()


if __name__ == "__main__":
    main()
