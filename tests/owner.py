"""An owner in an interview who knows some facts about the dog and says "don't know" to
every other question: the tests' stand-in for a person at the wizard or the terminal."""

from __future__ import annotations

from twitchcheck import next_question


def interview_owner_knowing(full: dict, limit: int = 30) -> tuple[list[str], dict]:
    """The fields asked of an owner who knows `full` and says "don't know" to the rest."""
    case: dict = {}
    asked = []
    for _ in range(limit):
        step = next_question(case)
        if step.done:
            return asked, case
        q = step.question
        asked.append(q.field)
        if q.field == "signs":
            seen = set(full.get("signs", []))
            case["signs"] = [*case.get("signs", []), *(s for s in q.options if s in seen)]
            case["signs_absent"] = [
                *case.get("signs_absent", []),
                *(s for s in q.options if s not in seen),
            ]
        else:
            head, _, tail = q.field.partition(".")
            value = full.get(head, {}).get(tail)
            if value is None:
                case["unknown"] = [*case.get("unknown", []), q.field]
            else:
                case.setdefault(head, {})[tail] = value
    raise AssertionError("the interview did not end")
