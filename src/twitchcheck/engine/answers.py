"""Every answer an open question could get, ready to be weighed for many cases at once.

A "topic" is what one answer fills: a case field, or one sign. A case has a topic open while
the field is absent and not in `unknown` (for a sign: neither seen nor denied). For each
answer the table holds what it adds to a row (tempered log-likelihoods, leaves it turns on),
so a hypothetical answer is the case's row plus the answer's row: see `Model.evaluate`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from twitchcheck.engine.features import AREA_PATH, BREED_GIVEN, BREED_PATH, Answer, value_key
from twitchcheck.engine.model import Model

# A breed group's share of twitching dogs when its cause-specific ratio is 1: how likely an
# owner's answer to "what breed?" falls in one group (groups are small and overlap).
BREED_SHARE = 0.05


@dataclass(frozen=True)
class Rows:
    """Cases as rows: raw log posteriors, leaf values, and which topics are answered."""

    raw: np.ndarray
    leaves: np.ndarray
    answered: np.ndarray  # rows x topics
    unsure: np.ndarray  # rows x topics: answered "don't know" (and with no value given)
    known: np.ndarray  # how many topics each row answers with a fact (not "don't know")


class AnswerTable:
    def __init__(self, model: Model):
        self.model = model
        f, k = model.features, model.knowledge
        answers: list[Answer] = []
        self.topics: list[str] = list(k.fields)
        self.topics += list(k.signs)
        self.topic_index = {t: i for i, t in enumerate(self.topics)}
        topic_of: list[int] = []
        if_texts: list[str | None] = []
        for path in self.topics[: -len(k.signs)]:
            spec = k.fields[path]
            for a in f.field_answers(path):
                answers.append(a)
                topic_of.append(self.topic_index[path])
                if path == BREED_PATH:
                    group = [key[1] for key in map(f.keys.__getitem__, a.cols) if key[0] == "breed"]
                    label = k.breed_groups[group[0]].label.lower() if group else None
                    if_texts.append(f"your dog is one of the {label}" if label else None)
                    continue
                if path == AREA_PATH:
                    entry = spec.values[a.value[0]]  # type: ignore[index]
                elif spec.kind == "number":
                    entry = spec.values[f.range_of(path, a.value)]  # type: ignore[arg-type]
                else:
                    entry = spec.values[value_key(a.value)]
                if_texts.append(entry.if_text)
        self.sign_seen: dict[str, int] = {}
        self.sign_unseen: dict[str, int] = {}
        for sid, sign in k.signs.items():
            for seen in (True, False):
                (self.sign_seen if seen else self.sign_unseen)[sid] = len(answers)
                answers.append(f.sign_answer(sid, seen))
                topic_of.append(self.topic_index[sid])
                if_texts.append(sign.if_seen if seen else None)
        self.answers = answers
        self.topic_of = np.array(topic_of)
        self.if_texts = if_texts
        self.raw, self.leaves = model.answer_rows(answers)
        # the same for `levels_with`: what each answer multiplies a row's weights by (up to
        # a factor of the answer), answers x causes; and its leaves packed eight to a word
        self._weight = np.exp(self.raw - self.raw.max(axis=1, keepdims=True))
        self._packed = _pack(self.leaves)
        # P(answer | cause), untempered: how likely the owner is to give each answer
        self.likelihood = np.exp(
            np.array([model.loglik[list(a.cols)].sum(axis=0) for a in answers])
        )
        # a breed group's row holds likelihood ratios, not probabilities: turn them into the
        # chance of naming a breed in the group, and the rest into "another breed"
        breed = [i for i, a in enumerate(answers) if a.field == BREED_PATH]
        if breed:
            groups, other = breed[:-1], breed[-1]
            self.likelihood[groups] = np.minimum(self.likelihood[groups] * BREED_SHARE, 0.9)
            rest = 1.0 - self.likelihood[groups].sum(axis=0)
            self.likelihood[other] = np.clip(rest, 0.05, 1.0)
        # the answers of each field topic, for questions
        self.of_field: dict[str, list[int]] = {}
        for i, a in enumerate(answers):
            if a.field != "signs":
                self.of_field.setdefault(a.field, []).append(i)
        # columns that show a topic answered
        topic_cols = np.zeros((f.n, len(self.topics)), dtype=np.float32)
        for key, c in f.col.items():
            kind = key[0]
            if kind == "sign":
                topic_cols[c, self.topic_index[key[1]]] = 1
            elif kind == "area":
                topic_cols[c, self.topic_index[AREA_PATH]] = 1
            elif kind == "unknown" and key[1] in self.topic_index:
                topic_cols[c, self.topic_index[key[1]]] = 1
            elif key == BREED_GIVEN:
                topic_cols[c, self.topic_index[BREED_PATH]] = 1
            elif kind in self.topic_index:
                topic_cols[c, self.topic_index[kind]] = 1
        self._topic_cols = topic_cols
        fact_cols = topic_cols.copy()
        value_cols = topic_cols.copy()  # any value given, "we don't know" included
        for key, c in f.col.items():
            if key[0] == "unknown":
                fact_cols[c] = value_cols[c] = 0
            elif len(key) == 2 and key[1] == "unknown":
                fact_cols[c] = 0
        self._fact_cols = fact_cols
        self._value_cols = value_cols
        unsure_cols = np.zeros_like(topic_cols)
        for key, c in f.col.items():
            if key[0] == "unknown" and key[1] in self.topic_index:
                unsure_cols[c, self.topic_index[key[1]]] = 1
        self._unsure_cols = unsure_cols
        self.changeable = np.array([t is not None for t in if_texts])
        self.is_sign_seen = np.zeros(len(answers), dtype=bool)
        self.is_sign_seen[list(self.sign_seen.values())] = True
        self._topic_tests = []
        for q in k.questions:
            test = model.question_tests.get(q.id)
            if test is None:
                continue
            for topic in q.signs if q.field == "signs" else [q.field]:
                if topic in self.topic_index:
                    self._topic_tests.append((self.topic_index[topic], test))

    def rows(self, column_lists: list[list[int]]) -> Rows:
        m = self.model
        x = np.zeros((len(column_lists), m.features.n), dtype=np.float32)
        lengths = [len(cols) for cols in column_lists]
        if sum(lengths):
            cols = np.fromiter(itertools.chain.from_iterable(column_lists), dtype=np.intp)
            x[np.repeat(np.arange(len(column_lists)), lengths), cols] = 1.0
        factual = (x @ self._fact_cols) > 0
        return Rows(
            raw=m.log_prior + x @ m.matrix,
            leaves=m.conditions.leaves(x),
            answered=(x @ self._topic_cols) > 0,
            unsure=((x @ self._unsure_cols) > 0) & ~((x @ self._value_cols) > 0),
            known=factual.sum(axis=1),
        )

    def with_answers(
        self, rows: Rows, row_idx: np.ndarray, answer_idx: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """(raw, leaves) of rows[row_idx] each with answer[answer_idx] added."""
        raw = rows.raw[row_idx] + self.raw[answer_idx]
        leaves = rows.leaves[row_idx] | self.leaves[answer_idx]
        return raw, leaves

    def levels_with(
        self, rows: Rows, row_idx: np.ndarray, answer_idx: np.ndarray, known: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """(urgency, red flags' level) of rows[row_idx] each with answer[answer_idx] added,
        as `model.evaluate(*self.with_answers(...), known)` gives them, much faster: weights
        multiplied instead of logs added (`Model.levels`), and only the rows it leaves
        unsettled weighed by `evaluate`."""
        m, n = self.model, len(row_idx)
        weight = np.exp(rows.raw - rows.raw.max(axis=1, keepdims=True))[row_idx]
        weight *= self._weight[answer_idx]
        weight = np.ascontiguousarray(weight.T)  # causes x rows
        packed = np.take(_pack(rows.leaves), row_idx, axis=1)
        packed |= np.take(self._packed, answer_idx, axis=1)
        # the words back to leaves x rows (leaves padded to a multiple of 8)
        bytes_ = packed.view(np.uint8).reshape(len(packed), n, 8)
        v = np.ascontiguousarray(bytes_.transpose(0, 2, 1)).reshape(-1, n).view(bool)
        level, flag_level, unsettled = m.levels(weight, v, known)
        if unsettled.any():
            redo = np.flatnonzero(unsettled)
            # evaluate sums over causes the same way for any number of rows from two up
            pick = np.repeat(redo, 2) if len(redo) == 1 else redo
            raw, leaves = self.with_answers(rows, row_idx[pick], answer_idx[pick])
            level[pick] = m.evaluate(raw, leaves, known[pick]).level
        return level, flag_level

    def applicable(self, rows: Rows) -> np.ndarray:
        """rows x topics: the topic's question fits the case (its `only_if` holds)."""
        fits = np.ones((len(rows.raw), len(self.topics)), dtype=bool)
        v = np.ascontiguousarray(rows.leaves.T)
        for topic, test in self._topic_tests:
            fits[:, topic] = test(v)
        return fits


def _pack(leaves: np.ndarray) -> np.ndarray:
    """Rows of leaves (rows x leaves, bool) as words of eight leaves (words x rows, uint64),
    so that taking rows moves an eighth of the items."""
    n, width = leaves.shape
    padded = np.zeros((n, -(-width // 8) * 8), dtype=bool)
    padded[:, :width] = leaves
    return np.ascontiguousarray(padded.view(np.uint64).T)


_tables: dict[int, AnswerTable] = {}


def answer_table(model: Model) -> AnswerTable:
    """The answer table of a model, built once."""
    table = _tables.get(id(model))
    if table is None or table.model is not model:
        table = _tables[id(model)] = AnswerTable(model)
    return table
