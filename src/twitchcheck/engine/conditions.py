"""The knowledge's conditions, compiled to tests over many rows of facts at once.

Every condition is built from leaves, and every leaf is a set of columns (see features.py)
that holds when any of its columns is set: "episode.context in [asleep]", "sign collapse",
"age in [young_puppy, puppy]", "episode.aware answered unknown". All leaves of all rules are
found at once with one matrix product; `all`, `any` and `not` then combine leaf values.

Leaves only ever turn on when an open question gets an answer (an answer sets columns, it
never clears one), so the leaves of a hypothetical answer are the case's leaves OR the
answer's own: see `Conditions.leaves_of`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from twitchcheck.engine.features import AREA_PATH, Features, value_key
from twitchcheck.knowledge.models import Condition

Test = Callable[[np.ndarray], np.ndarray]  # leaf values (leaves x rows) -> bool per row


class Conditions:
    """A registry of compiled conditions sharing one set of leaves."""

    def __init__(self, features: Features):
        self.features = features
        self._leaf_of: dict[frozenset[int], int] = {}
        self._leaf_cols: list[frozenset[int]] = []
        self._matrix: np.ndarray | None = None

    def compile(self, cond: Condition) -> Test:
        if cond.all is not None:
            return _combine([self.compile(c) for c in cond.all], np.logical_and)
        if cond.any is not None:
            return _combine([self.compile(c) for c in cond.any], np.logical_or)
        if cond.not_ is not None:
            inner = self.compile(cond.not_)
            return lambda v: ~inner(v)
        if cond.signs_two_of is not None:
            col = self.features.col
            seen = [self._leaf_test(frozenset([col[("sign", s, True)]])) for s in cond.signs_two_of]

            def two_of(v: np.ndarray) -> np.ndarray:
                count = np.zeros(v.shape[1:], dtype=np.int8)
                for test in seen:
                    count += test(v)
                return count >= 2

            return two_of
        if cond.answered_unknown is False:
            inner = self._leaf_test(self._columns(cond))
            return lambda v: ~inner(v)
        return self._leaf_test(self._columns(cond))

    def _leaf_test(self, cols: frozenset[int]) -> Test:
        if self._matrix is not None:
            raise RuntimeError("conditions compiled after the leaves were fixed")
        j = self._leaf_of.get(cols)
        if j is None:
            j = self._leaf_of[cols] = len(self._leaf_cols)
            self._leaf_cols.append(cols)
        return lambda v: v[j]

    def _columns(self, cond: Condition) -> frozenset[int]:
        col = self.features.col
        if cond.sign is not None:
            return frozenset([col[("sign", cond.sign, True)]])
        if cond.signs_any is not None:
            return frozenset(col[("sign", s, True)] for s in cond.signs_any)
        if cond.breed is not None:
            return frozenset(col[("breed", g)] for g in cond.breed)
        path = str(cond.field)
        if cond.answered_unknown is not None:
            return self._unknown_columns(path)
        values = cond.in_ or []
        if path == AREA_PATH:
            cols = frozenset(col[("area", a, True)] for a in values)
        elif cond.is_ is not None:
            cols = frozenset([col[(path, value_key(cond.is_))]])
        else:
            cols = frozenset(col[(path, value_key(v))] for v in values)
        return cols | self._unknown_columns(path) if cond.or_unsure else cols

    def _unknown_columns(self, path: str) -> frozenset[int]:
        """A "don't know" to the question, or the answer "we don't know" where it has one."""
        col = self.features.col
        cols = {col[("unknown", path)]}
        if (path, "unknown") in col:
            cols.add(col[(path, "unknown")])
        return frozenset(cols)

    # --- evaluation --------------------------------------------------------------------

    def fix(self) -> None:
        """No more conditions: build the leaf matrix."""
        m = np.zeros((self.features.n, max(1, len(self._leaf_cols))), dtype=np.float32)
        for j, cols in enumerate(self._leaf_cols):
            m[list(cols), j] = 1.0
        self._matrix = m

    @property
    def matrix(self) -> np.ndarray:
        if self._matrix is None:
            raise RuntimeError("the leaves are not fixed yet")
        return self._matrix

    def leaves(self, x: np.ndarray) -> np.ndarray:
        """Leaf values for rows of facts x (rows x columns, 0/1), as rows x leaves."""
        return np.asarray((x @ self.matrix) > 0)

    def leaves_of(self, cols: tuple[int, ...]) -> np.ndarray:
        """The leaves that setting `cols` turns on, whatever else is set."""
        return np.asarray(self.matrix[list(cols)].any(axis=0))


def _combine(parts: list[Test], op: np.ufunc) -> Test:
    if len(parts) == 1:
        return parts[0]
    first, rest = parts[0], parts[1:]

    def test(v: np.ndarray) -> np.ndarray:
        out = np.array(first(v), copy=True)
        for part in rest:
            op(out, part(v), out=out)
        return out

    return test
