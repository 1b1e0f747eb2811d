"""Acknowledged writes against the database: every write the site answered with success
(logged by the locustfile with a unique key) must be found afterwards."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

KEY = re.compile(r"rl[0-9a-f]{16}")


def read(log: Path) -> tuple[list[dict], list[dict]]:
    """(outcomes of requests, acknowledged writes) from a locustfile log. A request the
    client sent again to the other host counts once, by its last attempt; the attempts
    before it are counted as "retried"."""
    outcomes, acks = [], []
    for line in log.read_text().splitlines():
        entry = json.loads(line)
        if "ack" in entry:
            acks.append(entry)
        elif entry.get("final", True):
            outcomes.append(entry)
        else:
            outcomes.append({**entry, "kind": f"retried after {entry['kind']}"})
    return outcomes, acks


def stored() -> dict[str, set[str]]:
    from .stack import sql

    comments = {
        k for (body,) in sql("SELECT body FROM comments_comment") for k in KEY.findall(body)
    }
    episodes = {
        k for (notes,) in sql("SELECT notes FROM diary_episode") for k in KEY.findall(notes)
    }
    results = {rid for (rid,) in sql('SELECT id FROM "check_sharedresult"')}
    return {"comment": comments, "episode": episodes, "result": results}


def missing(acks: list[dict]) -> list[dict]:
    found = stored()
    return [a for a in acks if a["key"] not in found.get(a["ack"], set())]


def kinds(outcomes: list[dict]) -> Counter:
    return Counter(o["kind"] for o in outcomes)
