"""Urgency, safety first.

Two routes, and the more urgent wins:
- hard red flags (collapse, a long fit, possible poisoning, ...) set a level whatever the cause;
- each cause has a level for this case (its base, raised by its own escalation rules), and a
  level is reached when the causes at or above it hold enough of the probability
  (`meta.yaml` thresholds): a serious cause counts once it is no longer unlikely.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from twitchcheck.engine.model import Model


@dataclass(frozen=True)
class UrgencyResult:
    level: int
    red_flags: list[str]
    # the causes whose own level reached the result (their indices)
    driving: list[int]


# A cause this unlikely cannot move the result; its escalation rules are not evaluated.
NEGLIGIBLE = 0.001


def cause_levels(model: Model, facts: dict, post: np.ndarray) -> tuple[list[int], list[list[str]]]:
    levels = list(model.base_level)
    flags: list[list[str]] = [[] for _ in levels]
    for i, rules in model.escalating:
        if post[i] < NEGLIGIBLE:
            continue
        for rule in rules:
            if rule.level > levels[i] and rule.when(facts):
                levels[i] = rule.level
                flags[i] = [rule.flag]
    return levels, flags


def red_flag_level(model: Model, facts: dict) -> tuple[int, list[str]]:
    level, texts = 0, []
    for rule in model.red_flags:
        if rule.when(facts):
            texts.append(rule.text)
            level = max(level, rule.level)
    return level, texts


def level_from_causes(model: Model, post: np.ndarray, levels: list[int]) -> int:
    at = np.asarray(levels)
    for level in (3, 2, 1):
        if post[at >= level].sum() >= model.thresholds[level]:
            return level
    return 0


def quick_level(model: Model, facts: dict, post: np.ndarray) -> int:
    """The urgency level only, for the question planner."""
    levels, _ = cause_levels(model, facts, post)
    flag_level, _ = red_flag_level(model, facts)
    return max(flag_level, level_from_causes(model, post, levels))


def urgency_of(model: Model, facts: dict, post: np.ndarray) -> UrgencyResult:
    levels, flags = cause_levels(model, facts, post)
    flag_level, texts = red_flag_level(model, facts)
    cause_level = level_from_causes(model, post, levels)
    level = max(flag_level, cause_level)
    driving = [i for i, lv in enumerate(levels) if lv >= level and post[i] >= 0.05]
    driving.sort(key=lambda i: -post[i])
    if cause_level == level and level >= 2:
        for i in driving:
            texts.extend(f for f in flags[i] if f not in texts)
        if not any(flags[i] for i in driving) and driving and level > flag_level:
            name = model.causes[driving[0]].name
            texts.append(f"The signs could fit {name.lower()}, which a vet needs to examine.")
    return UrgencyResult(level=level, red_flags=texts, driving=driving)
