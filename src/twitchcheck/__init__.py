"""twitchcheck: is my dog's twitching normal, and what do I do?

The public Python API:

    from twitchcheck import assess, next_question, understand, load_knowledge

Names are imported on first use (PEP 562), so that `import twitchcheck.cli` and
`twitchcheck --help` do not pay for pydantic, numpy and the knowledge base.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from twitchcheck.case import Assessment, Case, NextStep
    from twitchcheck.knowledge import load_knowledge
    from twitchcheck.understand.reader import Evidence

__all__ = [
    "Assessment",
    "Case",
    "NextStep",
    "assess",
    "load_knowledge",
    "next_question",
    "understand",
]


def __getattr__(name: str) -> Any:
    if name in ("Assessment", "Case", "NextStep"):
        import twitchcheck.case as case

        return getattr(case, name)
    if name == "load_knowledge":
        from twitchcheck.knowledge import load_knowledge

        return load_knowledge
    raise AttributeError(f"module 'twitchcheck' has no attribute {name!r}")


def _as_case(case: Case | dict[str, Any]) -> Case:
    from twitchcheck.case import Case

    return case if isinstance(case, Case) else Case.model_validate(case)


def assess(case: Case | dict[str, Any]) -> Assessment:
    """Urgency, ranked causes with reasons, actions and prevention for one case
    (a Case, or a dict validated first: pydantic.ValidationError names the bad field)."""
    from twitchcheck.case import Assessment
    from twitchcheck.engine import assess_case

    return Assessment.model_validate(assess_case(_as_case(case)))


def next_question(case: Case | dict[str, Any]) -> NextStep:
    """The most useful next question for a partial case, or done."""
    from twitchcheck.engine import next_step

    return next_step(_as_case(case))


def understand(text: str) -> tuple[Case, Evidence]:
    """An owner's own words -> (case, evidence); see twitchcheck.understand."""
    from twitchcheck.understand import understand as _understand

    return _understand(text)
