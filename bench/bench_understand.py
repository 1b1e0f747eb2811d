"""How fast and how right twitchcheck.understand is.

    .venv/bin/python bench/bench_understand.py [path/to/vignettes.jsonl]

Prints texts understood per second on one core (the dev narratives cycled, and synthetic
texts, one of them 5,000 characters long), and per-field precision and recall against the
vignettes' cases (bench/measure_understand.py does this for every vignette file, with the
held-out fold apart). `main()` returns the same numbers as a dict, for `make bench`.

Counting, per field path ("dog.age_years"), body area ("episode.body_area.hind_leg") and
sign ("signs.cough", "signs_absent.itching"): a value read that equals the vignette's is a
true positive; a value read that differs from it, or that the vignette leaves empty, is a
false positive; a vignette value not read (or read wrong) is a false negative. Vignettes
leave out some things their narratives state, so precision here is a lower bound.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from twitchcheck.case import Case
from twitchcheck.understand import MAX_CHARS, understand

DEFAULT_VIGNETTES = Path(__file__).resolve().parents[1] / ".." / "shared" / "vignettes"
DEFAULT_VIGNETTES = DEFAULT_VIGNETTES / "dev.jsonl"
SECONDS = 2.0

_OPENINGS = ["Our {age} {breed}", "My {breed}, {age},", "{name}, our {age} {breed},", "The dog"]
_AGES = ["3-year-old", "8 week old", "5 month old", "10 yo", "two-year-old", "12 year old"]
_BREEDS = ["lab", "beagle", "border collie", "yorkie", "terrier mix", "pug", "husky cross"]
_NAMES = ["Bella", "Max", "Luna", "Rufus", "Coco"]
_PHRASES = [
    "twitches in {his} sleep", "has back legs that twitch when {he} lies down",
    "is shaking all over", "keeps twitching", "had a seizure for about two minutes",
    "is not vomiting", "has been drinking less", "ate chocolate an hour ago",
    "is limping on the front leg", "doesn't respond to {his} name", "is back to normal",
    "started a new food last week", "was out on a hot day", "is wobbly and confused",
    "twiches now and then", "hasn't been vacinated", "is panting hard and feels hot",
    "had much more exercise than usual", "has a runny nose and a cough",
]  # fmt: skip


def synthetic_texts(count: int, seed: int = 7) -> list[str]:
    """Owner-like texts from templates, plus a few long and odd ones."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        he, his = rng.choice([("he", "his"), ("she", "her")])
        opening = rng.choice(_OPENINGS).format(
            age=rng.choice(_AGES), breed=rng.choice(_BREEDS), name=rng.choice(_NAMES)
        )
        phrases = rng.sample(_PHRASES, rng.randint(2, 6))
        body = ", and ".join(p.format(he=he, his=his) for p in phrases)
        texts.append(f"{opening} {body}.")
    texts.append(" ".join(texts[:60])[:MAX_CHARS])  # a long one, up to the limit
    texts.append("<p>🐶 twitching &amp; shaking</p>" * 20)
    return texts


def texts_per_second(texts: list[str], seconds: float = SECONDS) -> float:
    done, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        for text in texts:
            understand(text)
        done += len(texts)
    return done / (time.process_time() - start)


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


def field_scores(vignettes: list[dict]) -> dict[str, dict[str, float]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for vignette in vignettes:
        case, _ = understand(vignette["narrative"])
        got = flat(case.to_json_dict())
        want = flat(Case.model_validate(vignette["case"]).to_json_dict())
        for key in got.keys() | want.keys():
            if key in got and got[key] == want.get(key):
                tp[key] += 1
                continue
            if key in got:
                fp[key] += 1
            if key in want:
                fn[key] += 1
    scores = {}
    for key in sorted(tp.keys() | fp.keys() | fn.keys()):
        t, p, n = tp[key], fp[key], fn[key]
        scores[key] = {
            "tp": t, "fp": p, "fn": n,
            "precision": round(t / (t + p), 3) if t + p else None,
            "recall": round(t / (t + n), 3) if t + n else None,
        }  # fmt: skip
    t, p, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    scores["ALL"] = {"tp": t, "fp": p, "fn": n, "precision": round(t / (t + p), 3),
                     "recall": round(t / (t + n), 3)}  # fmt: skip
    return scores


def main(vignettes_path: str | Path = DEFAULT_VIGNETTES, seconds: float = SECONDS) -> dict:
    with open(vignettes_path, encoding="utf-8") as f:
        vignettes = [json.loads(line) for line in f if line.strip()]
    narratives = [v["narrative"] for v in vignettes]
    return {
        "texts_per_second_dev": round(texts_per_second(narratives, seconds)),
        "texts_per_second_synthetic": round(texts_per_second(synthetic_texts(300), seconds)),
        "fields": field_scores(vignettes),
    }


def _print(results: dict) -> None:
    print(f"understand: {results['texts_per_second_dev']} texts/s (dev narratives), "
          f"{results['texts_per_second_synthetic']} texts/s (synthetic), one core")  # fmt: skip
    print(f"{'field':44} {'prec':>6} {'recall':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for key, s in results["fields"].items():
        prec = "-" if s["precision"] is None else f"{s['precision']:.2f}"
        rec = "-" if s["recall"] is None else f"{s['recall']:.2f}"
        print(f"{key:44} {prec:>6} {rec:>6} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4}")


if __name__ == "__main__":
    _print(main(*sys.argv[1:2]))
