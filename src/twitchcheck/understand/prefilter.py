"""Find every rule's phrases in a text quickly, without changing what is found.

Python's regex engine tries every alternative of a pattern at every position of the text,
and nearly all of the vocabulary's phrases are absent from any one text. So each rule's
pattern is split into its top-level alternatives, and for each alternative we work out,
once, the three-character beginnings a match can have ("vom", "thr", "dia", ...). A text
is then searched only with the alternatives one of whose beginnings occurs in it. An
alternative whose beginnings cannot be listed (it starts with \\w+, say) is always tried.

Within one target the result is what a single alternation would give: matches may not
overlap, and the leftmost wins, then the one listed first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # typeshed knows the stdlib regex parser by its old public names
    import sre_constants as C
    import sre_parse as _parser
else:  # the stdlib regex parser (the old names warn that they are deprecated)
    from re import _constants as C
    from re import _parser

K = 3
_LIMIT = 5000  # more beginnings than this: always try the alternative
_DIGITS = "0123456789"


class Piece(NamedTuple):
    pattern: re.Pattern[str]
    rule_index: int
    order: int  # position among all pieces of the same target
    required: str  # a piece of text every match contains ("" if none is known)


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex source: "a|(b|c)|d" -> ["a", "(b|c)", "d"]."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern.startswith("]", i + 1) or pattern.startswith("^]", i + 1):
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def beginnings(pattern: str) -> frozenset[str] | None:
    """The K-character beginnings of the matches of `pattern`, or None if not listable."""
    try:
        found = _sequence(_items(pattern))
    except Exception:  # a private stdlib module: if it ever changes, just search always
        return None
    if found is None or any(len(s) < K for s in found):
        return None
    return frozenset(found)


def required_text(pattern: str) -> str:
    """The longest run of plain characters that every match of `pattern` contains, or ""
    ("(?:went|goes) limp\\b" -> " limp"): a text without it cannot match."""
    try:
        items = _items(pattern)
    except Exception:  # a private stdlib module: if it ever changes, require nothing
        return ""
    best, run = "", ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        best = max(best, run, key=len)
        run = ""
        if op is C.SUBPATTERN and av[-1] is not None:
            inner = list(av[-1])
            if all(o is C.LITERAL for o, _ in inner):  # a plain group: "(?:limp)"
                run = "".join(chr(a) for _, a in inner)
    return max(best, run, key=len)


def _items(pattern: str) -> list[tuple[object, Any]]:
    """The top-level items (opcode, argument) of a regex, as the stdlib parser reads it."""
    return list(_parser.parse(pattern).data)


def _sequence(items: Sequence[tuple[object, Any]], need: int = K) -> set[str] | None:
    """The beginnings, up to `need` characters long, of a sequence of regex items."""
    results = {""}
    for op, av in items:
        pending = {r for r in results if len(r) < need}
        if not pending:
            break
        # only the first characters matter: ask each item for no more than are missing
        options = _item(op, av, need - min(len(r) for r in pending))
        if options is None:
            return None
        results = {r for r in results if len(r) >= need} | {
            (r + o)[:need] for r in pending for o in options
        }
        if len(results) > _LIMIT:
            return None
    return results


def _item(op: object, av: Any, need: int = K) -> set[str] | None:
    if op is C.LITERAL:
        return {chr(av)}
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {""}
    if op is C.SUBPATTERN:
        return _sequence(list(av[-1]), need)
    if op is C.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            part = _sequence(list(branch), need)
            if part is None:
                return None
            union |= part
        return union
    if op is C.IN:
        return _charset(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av
        once = _sequence(list(body), need)
        if once is None:
            return None
        results = {""} if low == 0 else set()
        current = {""}
        for count in range(1, min(high, need) + 1):
            current = {(c + o)[:need] for c in current for o in once}
            if count >= low:
                results |= current
        if high > need:
            results |= current
        return results
    return None


def _charset(av: Any) -> set[str] | None:
    chars: set[str] = set()
    for op, value in av:
        if op is C.LITERAL:
            chars.add(chr(value))
        elif op is C.RANGE and value[1] - value[0] < 40:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        elif op is C.CATEGORY and value is C.CATEGORY_DIGIT:
            chars.update(_DIGITS)
        else:
            return None
    return chars


_WORD_EDGE = re.compile(r"\b")


class PhraseIndex:
    """All alternatives of a list of patterns, indexed by their beginnings."""

    def __init__(self, targets: Sequence[str], patterns: Sequence[str]):
        self.always: list[Piece] = []
        self.by_beginning: dict[str, list[Piece]] = {}
        orders: dict[str, int] = {}
        for rule_index, (target, source) in enumerate(zip(targets, patterns, strict=True)):
            for alternative in split_alternatives(source):
                order = orders[target] = orders.get(target, -1) + 1
                # No leading \b: search() tries word edges only.
                required = required_text(alternative)
                piece = Piece(
                    re.compile(rf"(?:{alternative})\b"),
                    rule_index,
                    order,
                    required if len(required) >= K else "",
                )
                starts = beginnings(alternative)
                if starts is None:
                    self.always.append(piece)
                for start in starts or ():
                    self.by_beginning.setdefault(start, []).append(piece)
        self.targets = list(targets)
        self._beginning_set = frozenset(self.by_beginning)
        # only the word edges a beginning can start at (not a word's end before a space)
        firsts = sorted({b[0] for b in self.by_beginning})
        self._edges = (
            re.compile(rf"\b(?=[{re.escape(''.join(firsts))}])") if firsts and not self.always
            else _WORD_EDGE
        )  # fmt: skip

    def search(self, text: str) -> list[tuple[int, re.Match[str]]]:
        """(rule index, match) for every phrase found, non-overlapping within a target."""
        edges = [m.start() for m in self._edges.finditer(text)]
        at: dict[str, list[int]] = {}  # where each beginning occurs, at word edges only
        for i in edges:
            at.setdefault(text[i : i + K], []).append(i)
        candidates: list[tuple[int, int, int, re.Match[str]]] = []
        if self.always:
            edge_set = set(edges)
            for piece in self.always:
                for m in piece.pattern.finditer(text):
                    if m.start() in edge_set:
                        candidates.append((m.start(), piece.order, piece.rule_index, m))
        present: dict[str, bool] = {}
        for beginning in self._beginning_set.intersection(at):
            positions = at[beginning]
            for piece in self.by_beginning[beginning]:
                if piece.required:
                    found = present.get(piece.required)
                    if found is None:
                        found = present[piece.required] = piece.required in text
                    if not found:
                        continue
                for pos in positions:
                    if match := piece.pattern.match(text, pos):
                        candidates.append((pos, piece.order, piece.rule_index, match))
        candidates.sort(key=lambda c: (c[0], c[1]))
        taken: list[tuple[int, re.Match[str]]] = []
        end_by_target: dict[str, int] = {}
        for start, _, rule_index, m in candidates:
            target = self.targets[rule_index]
            if start < end_by_target.get(target, 0):
                continue
            end_by_target[target] = m.end()
            taken.append((rule_index, m))
        return taken
