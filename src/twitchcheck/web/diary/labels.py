"""Owner-facing words for the contract's values, read from the knowledge (one wording
across the wizard, the diary and the report)."""

from __future__ import annotations

from functools import cache
from typing import cast

from twitchcheck import load_knowledge
from twitchcheck.knowledge.models import Urgency


@cache
def choices(name: str) -> tuple[tuple[str, str], ...]:
    """(value, label) pairs for an episode field such as "looks_like"."""
    spec = load_knowledge().fields[f"episode.{name}"]
    return tuple((value, entry.label) for value, entry in spec.values.items())


@cache
def question(name: str) -> str:
    return load_knowledge().fields[f"episode.{name}"].label


@cache
def sign_choices() -> tuple[tuple[str, str], ...]:
    return tuple((sign_id, sign.label) for sign_id, sign in load_knowledge().signs.items())


def label(name: str, value: str) -> str:
    if not value:
        return ""
    return dict(choices(name)).get(value, value)


def labels(name: str, values) -> str:
    table = dict(sign_choices()) if name == "signs" else dict(choices(name))
    return ", ".join(table.get(v, v) for v in values or [])


def urgency_label(urgency: str) -> str:
    if not urgency:
        return ""
    # a stored assessment's urgency: one of the knowledge's four levels
    return load_knowledge().meta.urgency[cast(Urgency, urgency)].label


def cause_name(cause_id: str) -> str:
    try:
        return load_knowledge().cause(cause_id).name
    except (KeyError, LookupError):
        return cause_id


def seconds_text(seconds: int | float | None) -> str:
    if seconds is None:
        return ""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {rest} s" if rest else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"
