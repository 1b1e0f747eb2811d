"""twitchcheck: is my dog's twitching normal, and what do I do?

The public Python API:

    from twitchcheck import assess, next_question, understand, load_knowledge
"""

from __future__ import annotations

from twitchcheck.case import Assessment, Case, NextStep
from twitchcheck.engine import assess_case, next_step
from twitchcheck.knowledge import load_knowledge

__all__ = [
    "Assessment",
    "Case",
    "NextStep",
    "assess",
    "load_knowledge",
    "next_question",
    "understand",
]


def _as_case(case: Case | dict) -> Case:
    return case if isinstance(case, Case) else Case.model_validate(case)


def assess(case: Case | dict) -> Assessment:
    """Urgency, ranked causes with reasons, actions and prevention for one case.

    A dict is validated first (pydantic.ValidationError names the bad field)."""
    return Assessment.model_validate(assess_case(_as_case(case)))


def next_question(case: Case | dict) -> NextStep:
    """The most useful next question for a partial case, or done."""
    return next_step(_as_case(case))


def understand(text: str):
    """An owner's own words -> (case, evidence); see twitchcheck.understand."""
    from twitchcheck.understand import understand as _understand

    return _understand(text)
