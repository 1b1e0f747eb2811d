"""A red-flag sign never makes a case less urgent.

A sign such as a collapse can shift the odds away from the cause that made the case urgent
(a fall in a short fit makes distemper less likely). The urgency of a case that shows one
of `meta.red_flag_signs` is therefore at least that of the same case without those signs.
`evaluate` applies this to the cases themselves (for `assess` and for the interview's "is it
an emergency yet"); `raise_to_floor` to the same cases with one more answer (what would
change the urgency), so that a line of what would change the answer promises what `assess`
then gives. The interview weighs its questions' outcomes on the odds alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from twitchcheck.case import Case
from twitchcheck.engine.answers import AnswerTable, Rows
from twitchcheck.engine.model import Evaluation, Model


@dataclass(frozen=True)
class Floor:
    """The cases that show a red-flag sign: their positions, and the same cases without
    those signs (as rows, and their urgency)."""

    at: np.ndarray
    position: np.ndarray  # per case: its row in `rows`, or -1 without a red-flag sign
    rows: Rows
    level: np.ndarray
    sign_answers: np.ndarray  # per answer of the table: it is a red-flag sign seen


def evaluate(
    model: Model, table: AnswerTable, cases: list[Case], columns: list[list[int]]
) -> tuple[Rows, Evaluation, Floor | None]:
    """The rows of the cases and their evaluation, no case less urgent than without its
    red-flag signs; where the sign would lower the urgency, the row takes the odds and the
    urgency of the case without it, and keeps every red flag that fired with it."""
    rows = table.rows(columns)
    base = model.evaluate(rows.raw, rows.leaves, rows.known)
    signs = set(model.knowledge.meta.red_flag_signs)
    at = np.array([i for i, c in enumerate(cases) if signs.intersection(c.signs)], dtype=int)
    if len(at) == 0:
        return rows, base, None
    without = [
        cases[i].model_copy(update={"signs": [s for s in cases[i].signs if s not in signs]})
        for i in at
    ]
    floor_rows = table.rows([model.features.columns(c) for c in without])
    other = model.evaluate(floor_rows.raw, floor_rows.leaves, floor_rows.known)
    position = np.full(len(cases), -1)
    position[at] = np.arange(len(at))
    sign_answers = np.zeros(len(table.answers), dtype=bool)
    sign_answers[[table.sign_seen[s] for s in signs if s in table.sign_seen]] = True
    floor = Floor(at, position, floor_rows, other.level, sign_answers)
    higher = other.level > base.level[at]
    if not higher.any():
        return rows, base, floor
    up = at[higher]
    post, cause_level, escalated = base.post.copy(), base.cause_level.copy(), base.escalated.copy()
    level, uncapped = base.level.copy(), base.uncapped.copy()
    post[up], cause_level[up], escalated[up] = (
        other.post[higher],
        other.cause_level[higher],
        other.escalated[higher],
    )
    level[up] = other.level[higher]
    uncapped[up] = np.maximum(base.uncapped[up], other.uncapped[higher])
    floored = Evaluation(
        post=post,
        leaves=base.leaves,
        cause_level=cause_level,
        escalated=escalated,
        fired=base.fired,
        flag_level=base.flag_level,
        level=level,
        uncapped=uncapped,
    )
    return rows, floored, floor


def raise_to_floor(
    table: AnswerTable,
    floor: Floor | None,
    row_idx: np.ndarray,
    answer_idx: np.ndarray,
    levels: np.ndarray,
) -> np.ndarray:
    """`levels` of rows[row_idx] each with answer[answer_idx] added (from
    `table.levels_with`), raised to the level of the same case and answer without its
    red-flag signs; an answer that is itself such a sign leaves the case without signs as
    it was. A case with no red-flag sign yet needs no raising: with the sign added, assess
    gives it at least its own level, so where the odds say lower the answer changes nothing,
    and what would change the answer never lists a sign that lowers."""
    if floor is None or len(row_idx) == 0:
        return levels
    pos = floor.position[row_idx]
    has = pos >= 0
    if not has.any():
        return levels
    raised = levels.copy()
    sign_answer = has & floor.sign_answers[answer_idx]
    raised[sign_answer] = np.maximum(raised[sign_answer], floor.level[pos[sign_answer]])
    other = has & ~floor.sign_answers[answer_idx]
    if other.any():
        p = pos[other]
        without, _ = table.levels_with(floor.rows, p, answer_idx[other], floor.rows.known[p] + 1)
        raised[other] = np.maximum(raised[other], without)
    return raised
