"""assess(case) -> assessment: urgency, ranked causes with reasons, what would change the
urgency, actions and prevention. Many cases are assessed together (`assess_cases`), so that
the batch command line and the web API share one vectorised path."""

from __future__ import annotations

import itertools

import numpy as np
import orjson

from twitchcheck.case import Case
from twitchcheck.engine import floor as floor_module
from twitchcheck.engine.answers import AnswerTable, Rows, answer_table
from twitchcheck.engine.model import EMERGENCY, FEW_FACTS, LEVELS, Evaluation, Model, get_model
from twitchcheck.knowledge.models import Action

MAX_REASONS = 5
# causes less likely than this are listed without their reasons (a cause under 1% has
# facts in its favour, but nobody needs to read them)
WITH_REASONS = 0.01
MAX_CHANGES = 8
# causes at least this likely, among the first three, give their advice and prevention
RELEVANT = 0.2
# a cause that drives the urgency gives its advice once at least this likely
DRIVING = 0.05


def assess_case(case: Case, model: Model | None = None) -> dict:
    """The assessment of one validated case, as the contract's JSON-ready dict."""
    return assess_cases([case], model)[0]


def assess_cases(
    cases: list[Case], model: Model | None = None, *, json_causes: bool = False
) -> list[dict]:
    """The assessments of many validated cases, in order. With json_causes (for a caller
    that writes the results with orjson, as the batch does), each result's causes come as
    an orjson.Fragment that orjson writes as the list of dicts it stands for."""
    model = model or get_model()
    table = answer_table(model)
    columns = [model.features.columns(c) for c in cases]
    rows, base, floor = floor_module.evaluate(model, table, cases, columns)
    changes = what_would_change(model, table, rows, base, floor)
    return _assessments(_parts(model), model, columns, rows, base, changes, json_causes)


def what_would_change(
    model: Model,
    table: AnswerTable,
    rows: Rows,
    base: Evaluation,
    floor: floor_module.Floor | None = None,
) -> list[list[dict]]:
    """For each row: the single unknown facts whose answer would change its urgency,
    most urgent first, then most likely first; lowering ones after raising ones. A question
    answered "don't know" counts as unknown: the owner who finds out learns what it changes
    (its "don't know" stays in the row, so only what the answer adds is weighed)."""
    n = len(rows.raw)
    fits = table.applicable(rows)
    unknown = ~rows.answered | rows.unsure
    open_ = unknown[:, table.topic_of] & fits[:, table.topic_of] & table.changeable
    r, k = _nonzero(open_)
    found: list[list[dict]] = [[] for _ in range(n)]
    if len(r) == 0:
        return found
    levels, flag_level = table.levels_with(rows, r, k, rows.known[r] + 1)
    levels = floor_module.raise_to_floor(table, floor, r, k, levels)
    # a sign appearing is never offered as a reason to worry less: "if the jaw chomps, care
    # at home is enough" may be the odds, but it reads as advice to ignore a new sign
    changed = (levels > base.level[r]) | ((levels < base.level[r]) & ~table.is_sign_seen[k])
    r, k, levels = r[changed], k[changed], levels[changed]
    by_rule = flag_level[changed] == levels  # a red flag, not a shift of the odds
    likely = (base.post[r] * table.likelihood[k]).sum(axis=1)
    raising = levels > base.level[r]
    # raising changes first, the most urgent first, those a red flag makes before those the
    # odds make, then the most likely; lowering ones after, the lowest first
    order = np.lexsort((-likely, ~by_rule, np.where(raising, -levels, levels), ~raising, r))
    meta = model.knowledge.meta
    for j in order:
        row = found[r[j]]
        if len(row) >= MAX_CHANGES:
            continue
        answer = table.answers[k[j]]
        level = LEVELS[levels[j]]
        text = f"If {table.if_texts[k[j]]}: {meta.urgency[level].if_then}"
        if any(c["text"] == text for c in row):
            continue
        value = answer.value[0] if isinstance(answer.value, list) else answer.value
        row.append({"field": answer.field, "value": value, "urgency": level, "text": text})
    return found


class _Parts:
    """What every assessment of one model reuses, in the form the assembly reads fastest:
    plain lists and tuples indexed by cause, red flag and level, texts as plain str."""

    def __init__(self, model: Model):
        meta = model.knowledge.meta
        self.ids = model.cause_ids
        self.refines = model.refines_of
        self.ids_array = np.array(self.ids, dtype=object)
        self.levels = [LEVELS[lv] for lv in range(len(LEVELS))]
        self.headline = [str(meta.urgency[name].headline) for name in LEVELS]
        self.advice = [[str(a) for a in meta.urgency[name].advice] for name in LEVELS]
        self.too_little_known = str(meta.too_little_known)
        self.disclaimer = meta.disclaimer
        self.flag_level = [r.level for r in model.red_flags]
        self.flag_text = [r.text for r in model.red_flags]
        # the actions of each red flag and cause that fit each level: (text, the key of
        # its facts' test in model.action_tests, or None when it has none)
        self.flag_actions = [
            [_fitting(r.actions, model, lv) for r in model.red_flags] for lv in range(len(LEVELS))
        ]
        self.cause_actions = [
            [_fitting(c.actions, model, lv) for c in model.causes] for lv in range(len(LEVELS))
        ]
        self.prevention = [list(c.prevention) for c in model.causes]
        self.prevention_entry = model.prevention_entry
        self.escalation = [(e.cause, e.level, e.flag) for e in model.escalations]
        self.could_fit = [
            f"The signs could fit {c.name.lower()}, which a vet needs to examine."
            for c in model.causes
        ]
        self.fact_text = np.array(model.fact_text, dtype=object)
        # each cause as orjson writes it in an assessment, around its probability and reasons
        refines = [
            b"" if r is False else b',"refines":' + orjson.dumps(r) for r in model.refines_of
        ]
        head = [b'{"id":' + orjson.dumps(i) + b',"probability":' for i in self.ids]
        self.cause_head = np.array([b"," + h for h in head], dtype=object)
        self.first_head = np.array([b"[" + h for h in head], dtype=object)
        self.cause_tail = np.array([b',"reasons":[]' + r + b"}" for r in refines], dtype=object)
        self.reasons_tail = b',"reasons":'
        self.refines_tail = [r + b"}" for r in refines]


def _fitting(actions: tuple[Action, ...] | list[Action], model: Model, level: int) -> tuple:
    return tuple(
        (str(a), id(a) if id(a) in model.action_tests else None)
        for a in actions
        if not a.only_at or LEVELS[level] in a.only_at
    )


_all_parts: dict[int, _Parts] = {}


def _parts(model: Model) -> _Parts:
    parts = _all_parts.get(id(model))
    if parts is None:
        parts = _all_parts[id(model)] = _Parts(model)
    return parts


def _groups(mask: np.ndarray, values: np.ndarray) -> tuple[list, list[int]]:
    """The values where each row of mask holds, as one list and where each row starts in
    it (row i's are items[starts[i]:starts[i + 1]])."""
    starts = np.zeros(len(mask) + 1, dtype=np.intp)
    np.cumsum(mask.sum(axis=1), out=starts[1:])
    return values[mask].tolist(), starts.tolist()


def _nonzero(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.nonzero of a 2-d mask, the same (row, column) pairs in the same
    order, several times faster (numpy's 2-d nonzero steps an iterator item by item)."""
    row, column = np.divmod(np.flatnonzero(mask), mask.shape[1])
    return row, column


def _assessments(
    parts: _Parts,
    model: Model,
    columns: list[list[int]],
    rows: Rows,
    ev: Evaluation,
    changes: list[list[dict]],
    json_causes: bool,
) -> list[dict]:
    """The result dicts of a batch: what can be is worked out for all rows at once, with
    numpy, so that each row's own Python only puts its pieces together."""
    n = len(columns)
    post = ev.post
    order = np.argsort(-post, axis=1, kind="stable")
    probs = np.take_along_axis(_rounded(post, order), order, axis=1)  # most likely first
    ranked = order.tolist()
    reasons = _reasons(parts, model, columns, post)
    causes: list[list[dict]] | list[orjson.Fragment]
    if json_causes:
        causes = _causes_json(parts, order, probs, reasons)
    else:
        causes = _causes(parts, ranked, probs.tolist(), reasons)
    levels = ev.level.tolist()
    flag_levels = ev.flag_level.tolist()
    known = rows.known.tolist()
    # the causes likely enough to drive the urgency or matter (`DRIVING`), in order; those
    # of them whose own level reaches the row's; and the first three of them that are
    # `RELEVANT`
    likely = probs >= DRIVING
    reaching = np.take_along_axis(ev.cause_level, order, axis=1) >= ev.level[:, None]
    first3 = likely & (np.cumsum(likely, axis=1) <= 3) & (probs >= RELEVANT)
    driving_all, driving_at = _groups(likely & reaching, order)
    first_all, first_at = _groups(first3, order)
    flag_idx = np.broadcast_to(np.arange(ev.fired.shape[1]), ev.fired.shape)
    fired_all, fired_at = _groups(ev.fired, flag_idx)
    esc_idx = np.broadcast_to(np.arange(ev.escalated.shape[1]), ev.escalated.shape)
    escalated_all, escalated_at = _groups(ev.escalated, esc_idx)
    v = np.ascontiguousarray(rows.leaves.T)
    applies = {key: test(v).tolist() for key, test in model.action_tests.items()}

    flag_level, flag_text, escalation = parts.flag_level, parts.flag_text, parts.escalation
    flag_actions, cause_actions, prevention_of = (
        parts.flag_actions,
        parts.cause_actions,
        parts.prevention,
    )
    headline, advice, entry = parts.headline, parts.advice, parts.prevention_entry
    disclaimer, level_name, too_little = parts.disclaimer, parts.levels, parts.too_little_known
    out = []
    for i in range(n):
        level = levels[i]
        driving = driving_all[driving_at[i] : driving_at[i + 1]]
        relevant = first_all[first_at[i] : first_at[i + 1]] or ranked[i][:1]
        for c in driving:
            if c not in relevant:
                relevant.append(c)
        flags = fired_all[fired_at[i] : fired_at[i + 1]]
        if len(flags) > 1:
            flags.sort(key=lambda j: -flag_level[j])

        red_flags = [flag_text[j] for j in flags if flag_level[j] >= 2]
        if level >= 2 and level > flag_levels[i]:
            escalated = [
                escalation[j][2]
                for j in escalated_all[escalated_at[i] : escalated_at[i + 1]]
                if escalation[j][0] in driving and escalation[j][1] == level
            ]
            if not escalated and driving:
                escalated = [parts.could_fit[driving[0]]]
            red_flags += escalated

        actions = [headline[level]]
        if known[i] < FEW_FACTS:
            actions.append(too_little)
        fitting = flag_actions[level]
        for j in flags:
            actions += [text for text, key in fitting[j] if key is None or applies[key][i]]
        fitting = cause_actions[level]
        # in an emergency only the first aid counts: the advice of the causes that make it
        # one, never the everyday care of a likelier, milder cause ("keep up gentle walks"
        # beside "keep your dog still")
        for c in driving if level == EMERGENCY else relevant:
            actions += [text for text, key in fitting[c] if key is None or applies[key][i]]
        actions += advice[level]

        if len(relevant) == 1:
            prevention = [entry[item] for item in prevention_of[relevant[0]]]
        else:
            ids = dict.fromkeys(item for c in relevant for item in prevention_of[c])
            prevention = [entry[item] for item in ids]
        out.append(
            {
                "urgency": level_name[level],
                "causes": causes[i],
                "red_flags": list(dict.fromkeys(red_flags)),
                "what_would_change": changes[i],
                "actions": list(dict.fromkeys(actions)),
                "prevention": prevention,
                "disclaimer": disclaimer,
            }
        )
    return out


def _causes(
    parts: _Parts,
    ranked: list[list[int]],
    probs: list[list[float]],
    reasons: tuple[list[int], list[int], list[list[str]]],
) -> list[list[dict]]:
    """Each row's causes, most likely first, as dicts."""
    found: list[dict[int, list[str]]] = [{} for _ in ranked]
    for row, cause, texts in zip(*reasons, strict=True):
        found[row][cause] = texts
    ids, refines = parts.ids, parts.refines
    out = []
    for order_i, probs_i, found_i in zip(ranked, probs, found, strict=True):
        get = found_i.get
        out.append(
            [
                {"id": ids[c], "probability": p, "reasons": get(c, [])}
                if refines[c] is False
                else {"id": ids[c], "probability": p, "reasons": get(c, []), "refines": refines[c]}
                for c, p in zip(order_i, probs_i, strict=True)
            ]
        )
    return out


def _causes_json(
    parts: _Parts,
    order: np.ndarray,
    probs: np.ndarray,
    reasons: tuple[list[int], list[int], list[list[str]]],
) -> list[orjson.Fragment]:
    """Each row's causes as `_causes` gives them, already written as orjson writes them
    (an orjson.Fragment, which orjson.dumps copies as it is): the batch writes every
    result with orjson, and building and writing 40-odd dicts a case was a third of its
    time. Each cause is its fixed head, its probability as orjson writes that float, and
    its tail: reasons (mostly none) and refines."""
    n, width = order.shape
    written = orjson.dumps(probs.tolist())  # [[p, p, ...], [...]]
    numbers = written[2:-2].split(b"],[") if n else []
    heads = parts.cause_head[order]  # ',{"id":"...","probability":'
    if n:
        heads[:, 0] = parts.first_head[order[:, 0]]  # '[{"id":...'
    tails = parts.cause_tail[order].tolist()
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(width)[None, :], axis=1)
    rows, causes, texts = reasons
    at = rank[rows, causes].tolist() if rows else []
    reasons_tail, refines_tail = parts.reasons_tail, parts.refines_tail
    for row, position, cause, text in zip(rows, at, causes, texts, strict=True):
        tails[row][position] = reasons_tail + orjson.dumps(text) + refines_tail[cause]
    join, fragment, flat = b"".join, orjson.Fragment, itertools.chain.from_iterable
    return [
        fragment(join(flat(zip(head, number.split(b","), tail, strict=True))) + b"]")
        for head, number, tail in zip(heads.tolist(), numbers, tails, strict=True)
    ]


def _reasons(
    parts: _Parts, model: Model, column_lists: list[list[int]], post: np.ndarray
) -> tuple[list[int], list[int], list[list[str]]]:
    """For each case: the facts that make each cause at least twice as likely, strongest
    first (at most MAX_REASONS; equally strong ones in the case's order), for the causes at
    least WITH_REASONS likely, as three lists (case, cause, its reasons) of the pairs with
    any. Fact texts are unique, so no reason repeats."""
    n = len(column_lists)
    lengths = np.fromiter(map(len, column_lists), dtype=np.intp, count=n)
    facts = np.fromiter(itertools.chain.from_iterable(column_lists), dtype=np.intp)
    case_of = np.repeat(np.arange(n), lengths)
    # every fact of every case against every cause: strong, for a cause likely enough
    ratios = model.log_ratio[facts]  # facts x causes
    strong = (ratios >= model.support_threshold) & (post >= WITH_REASONS)[case_of]
    at, cause = _nonzero(strong)
    if len(at) == 0:
        return [], [], []
    case = case_of[at]
    # by case and cause, then strongest first, then in the case's order (`at` rises with it)
    by = np.lexsort((at, -ratios[at, cause], cause, case))
    at, cause, case = at[by], cause[by], case[by]
    new = np.ones(len(at), dtype=bool)
    new[1:] = (case[1:] != case[:-1]) | (cause[1:] != cause[:-1])
    starts = np.flatnonzero(new)
    # the first MAX_REASONS of each (case, cause)
    rank = np.arange(len(at)) - np.repeat(starts, np.diff(np.append(starts, len(at))))
    keep = rank < MAX_REASONS
    texts = parts.fact_text[facts[at[keep]]].tolist()
    bounds = np.flatnonzero(new[keep]).tolist() + [len(texts)]
    return (
        case[starts].tolist(),
        cause[starts].tolist(),
        [texts[i:j] for i, j in zip(bounds, bounds[1:], strict=False)],
    )


def _rounded(post: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Each row's probabilities rounded to 4 places, still adding up to 1 (the rounding
    error goes to the most likely cause)."""
    rounded = np.round(post, 4)
    first = order[:, 0]
    rows = np.arange(len(post))
    rounded[rows, first] = np.round(rounded[rows, first] + 1.0 - rounded.sum(axis=1), 4)
    return rounded
