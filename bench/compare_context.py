"""Negation and hedging: the hand-written cues (understand/cues.py) against medspaCy's ConText.

Both judge the same mentions: the sign phrases that understand's tables find in a text
(detection is shared, so only the judging differs). A mention is "said", "denied" or
neither (hedged, hypothetical, a comparison). Per sign and text, as `understand` does, a
sign is seen if any mention is said, else absent if any is denied. Gold: the signs and
signs_absent of the shared vignettes (all three files), and a table of owner phrases
written for this comparison. Scored: precision and recall of signs seen and of signs
denied, on the (text, sign) pairs whose gold is known and that the tables find.

medspaCy is not a dependency of twitchcheck (spaCy and its models are large); to rerun:

    python3.11 -m venv /tmp/ms && /tmp/ms/bin/pip install medspacy
    .venv/bin/python bench/compare_context.py export > /tmp/mentions.json
    /tmp/ms/bin/python bench/compare_context.py context < /tmp/mentions.json > /tmp/context.json
    .venv/bin/python bench/compare_context.py score /tmp/mentions.json /tmp/context.json
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "vignettes"
FILES = ("owners.jsonl", "dev2.jsonl", "dev.jsonl")

# Owner phrases written for this comparison: (text, sign, "seen" | "absent" | "none").
PHRASES = [
    ("She isn't vomiting and her breathing is laboured.", "vomiting_or_diarrhea", "absent"),
    ("She isn't vomiting and her breathing is laboured.", "breathing_difficulty", "seen"),
    ("No cough, no drooling, just a bit of shaking.", "cough", "absent"),
    ("No cough, no drooling, just a bit of shaking.", "drooling", "absent"),
    ("not limping, not itchy, eating fine", "limping_or_pain", "absent"),
    ("not limping, not itchy, eating fine", "itching", "absent"),
    ("He hasn't collapsed but he is wobbly.", "collapse", "absent"),
    ("He hasn't collapsed but he is wobbly.", "wobbling", "seen"),
    ("She might have vomited overnight.", "vomiting_or_diarrhea", "none"),
    ("Maybe he is a bit weak, hard to tell.", "weakness_or_paralysis", "none"),
    ("I'm worried he could collapse on the walk.", "collapse", "none"),
    ("If he starts drooling, should I worry?", "drooling", "none"),
    ("She shakes as if she were scared.", "anxiety_or_restlessness", "none"),
    ("He trembles like he's in pain.", "limping_or_pain", "none"),
    ("I don't know why she is limping.", "limping_or_pain", "seen"),
    ("Not only is he drooling, he's wobbly too.", "drooling", "seen"),
    ("Never seen him so restless.", "anxiety_or_restlessness", "seen"),
    ("No vomiting yesterday, but today she vomited twice.", "vomiting_or_diarrhea", "seen"),
    ("He doesn't seem to be in any pain.", "limping_or_pain", "absent"),
    ("Without any drooling or foaming.", "drooling", "absent"),
    ("Free of itching since the new food.", "itching", "absent"),
    ("She wasn't bothered by the fireworks and was not restless.", "anxiety_or_restlessness",
     "absent"),
    ("His breathing is fine, no wheezing.", "breathing_difficulty", "absent"),
    ("It doesn't stop him eating; he's not off his food.", "poor_appetite", "absent"),
    ("He was limping last week and still is.", "limping_or_pain", "seen"),
    ("Not sure if she's lethargic or just tired from the heat.", "lethargy", "none"),
    ("The vet ruled out a fever.", "fever", "none"),
    ("She's drooling, not vomiting.", "drooling", "seen"),
    ("She's drooling, not vomiting.", "vomiting_or_diarrhea", "absent"),
    ("No rash, no hives, nothing on her skin.", "skin_redness_or_hives", "absent"),
    ("There was no collapse and no loss of bladder control.", "collapse", "absent"),
    ("There was no collapse and no loss of bladder control.", "loss_of_bladder_control",
     "absent"),
    ("He could be dehydrated, I'm not sure.", "dry_gums_or_sunken_eyes", "none"),
    ("Is she having trouble breathing?", "breathing_difficulty", "none"),
    ("We thought she was limping but she was fine.", "limping_or_pain", "none"),
    ("Her face is swollen and she keeps scratching.", "face_swelling", "seen"),
    ("Her face is swollen and she keeps scratching.", "itching", "seen"),
    ("Hasnt been sick, hasnt had diarrhoea.", "vomiting_or_diarrhea", "absent"),
    ("he isnt wobbly at all", "wobbling", "absent"),
    ("Denies any coughing.", "cough", "absent"),
]  # fmt: skip


def _texts() -> list[tuple[str, str, dict[str, str]]]:
    """(id, text, {sign: gold}) for the vignettes and the phrase table."""
    out = []
    for name in FILES:
        with (SHARED / name).open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    v = json.loads(line)
                    gold = dict.fromkeys(v["case"].get("signs", []), "seen")
                    gold.update(dict.fromkeys(v["case"].get("signs_absent", []), "absent"))
                    out.append((v["id"], v["narrative"], gold))
    by_text: dict[str, dict[str, str]] = {}
    for text, sign, gold in PHRASES:
        by_text.setdefault(text, {})[sign] = gold
    out += [(f"P{i:02d}", text, gold) for i, (text, gold) in enumerate(by_text.items())]
    return out


def export() -> None:
    """Mentions found by understand's tables, with the hand-written cues' judgement."""
    from twitchcheck.understand.cues import AFFIRMED, NEGATED, Cues
    from twitchcheck.understand.reader import _INDEX, RULES, SEEN
    from twitchcheck.understand.text import prepare

    items = []
    for vid, raw, gold in _texts():
        text = prepare(raw).text
        cues = Cues(text)
        mentions = []
        for rule_index, m in _INDEX.search(text):
            rule = RULES[rule_index]
            if not rule.target.startswith("signs.") or rule.affirmed != SEEN:
                continue
            how, _ = cues.polarity(m.start(), in_a_list=True)
            judged = {AFFIRMED: "said", NEGATED: "denied"}.get(how, "neither")
            mentions.append({"sign": rule.target[6:], "start": m.start(), "end": m.end(),
                             "hand": judged})  # fmt: skip
        items.append({"id": vid, "text": text, "gold": gold, "mentions": mentions})
    json.dump(items, sys.stdout)


def context() -> None:
    """medspaCy's ConText (its default rules) on the same mentions."""
    import medspacy
    from spacy.tokens import Span

    nlp = medspacy.load(enable=["medspacy_pyrush", "medspacy_context"])
    sentencizer, context_pipe = nlp.get_pipe("medspacy_pyrush"), nlp.get_pipe("medspacy_context")
    items = json.load(sys.stdin)
    for item in items:
        doc = sentencizer(nlp.make_doc(item["text"]))
        spans, kept = [], []
        for mention in item["mentions"]:
            span = doc.char_span(mention["start"], mention["end"], label="SIGN",
                                 alignment_mode="expand")  # fmt: skip
            if span is not None and not any(span.start < s.end and s.start < span.end
                                            for s in spans):  # fmt: skip
                spans.append(span)
                kept.append((mention, span))
        doc.ents = [Span(doc, s.start, s.end, label="SIGN") for s in spans]
        doc = context_pipe(doc)
        by_start = {e.start: e for e in doc.ents}
        for mention, span in kept:
            ent = by_start[span.start]
            if ent._.is_negated:
                mention["context"] = "denied"
            elif ent._.is_uncertain or ent._.is_hypothetical:
                mention["context"] = "neither"
            else:
                mention["context"] = "said"  # historical counts: the sign was seen
    json.dump(items, sys.stdout)


def _part_of(item_id: str) -> str:
    if item_id.startswith("P") and item_id[1:].isdigit():
        return "phrases"
    fold = int(hashlib.sha256(item_id.encode()).hexdigest(), 16) % 5 + 1
    return "  fold 5" if fold == 5 else "  folds 1-4"


def _outcome(mentions: list[dict], sign: str, key: str) -> str:
    judged = [m[key] for m in mentions if m["sign"] == sign and key in m]
    if "said" in judged:
        return "seen"
    if "denied" in judged:
        return "absent"
    return "none"


def score(mentions_path: str, context_path: str) -> dict:
    with open(mentions_path, encoding="utf-8") as f:
        hand_items = json.load(f)
    with open(context_path, encoding="utf-8") as f:
        ctx_items = {i["id"]: i for i in json.load(f)}
    results = {}
    for key in ("hand", "context"):
        for part in ("vignettes", "  folds 1-4", "  fold 5", "phrases"):
            tally = Counter()
            for item in hand_items:
                if (
                    _part_of(item["id"]) not in part
                    and part != "vignettes"
                    or (part == "vignettes" and item["id"].startswith("P"))
                ):
                    continue
                mentions = (
                    ctx_items[item["id"]]["mentions"] if key == "context" else item["mentions"]
                )
                found = {m["sign"] for m in mentions}
                for sign, gold in item["gold"].items():
                    if sign not in found:
                        continue  # detection is shared: score the judging only
                    got = _outcome(mentions, sign, key)
                    for cls in ("seen", "absent", "none"):
                        tally[(cls, "tp")] += got == cls and gold == cls
                        tally[(cls, "fp")] += got == cls and gold != cls
                        tally[(cls, "fn")] += got != cls and gold == cls
                    tally["n"] += 1
                    tally["right"] += got == gold
            results[(key, part)] = tally
    print(f"{'judge':8} {'data':12} {'n':>4} {'right':>6}   seen: P / R    absent: P / R"
          f"   neither: P / R")  # fmt: skip
    for (key, part), t in results.items():

        def pr(cls, t=t):
            tp, fp, fn = t[(cls, "tp")], t[(cls, "fp")], t[(cls, "fn")]
            p = f"{tp / (tp + fp):.2f}" if tp + fp else "  - "
            r = f"{tp / (tp + fn):.2f}" if tp + fn else "  - "
            return f"{p} / {r}"

        print(f"{key:8} {part:12} {t['n']:>4} {t['right'] / max(t['n'], 1):>6.2f}"
              f"   {pr('seen')}   {pr('absent')}   {pr('none')}")  # fmt: skip
    return results


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "score"
    if mode == "export":
        export()
    elif mode == "context":
        context()
    else:
        score(*sys.argv[2:4])
