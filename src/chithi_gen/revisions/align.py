"""Aligning two sequences: difflib's matching, with changed items paired by similarity.

``align`` turns difflib's ``replace`` blocks into pairs of similar items ("changed",
diffed further) and lone items (deleted or inserted), by a small dynamic programme
that keeps the order. ``word_opcodes`` is difflib on words, with the lone spaces
between two changes folded into them, so a changed phrase reads as one change.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["equal", "change", "delete", "insert"]
Step = tuple[Op, int | None, int | None]
Opcode = tuple[Literal["equal", "replace", "delete", "insert"], int, int, int, int]

#: Items less similar than this are deleted and inserted, not paired.
THRESHOLD = 0.5
#: Replace blocks larger than this (old × new) are not paired (quadratic cost).
MAX_PAIRING = 40_000


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """How alike two word sequences are, 0..1 (both empty: 1)."""
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _pair(
    olds: range, news: range, score: Callable[[int, int], float], threshold: float
) -> list[Step]:
    n, m = len(olds), len(news)
    if n * m > MAX_PAIRING:
        return [("delete", i, None) for i in olds] + [("insert", None, j) for j in news]
    sims = [[score(olds[i], news[j]) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sims[i][j] + best[i + 1][j + 1] if sims[i][j] >= threshold else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    steps: list[Step] = []
    i = j = 0
    while i < n or j < m:
        if (
            i < n
            and j < m
            and sims[i][j] >= threshold
            and best[i][j] == sims[i][j] + best[i + 1][j + 1]
        ):
            steps.append(("change", olds[i], news[j]))
            i, j = i + 1, j + 1
            continue
        if i < n and (j == m or best[i][j] == best[i + 1][j]):
            steps.append(("delete", olds[i], None))
            i += 1
        else:
            steps.append(("insert", None, news[j]))
            j += 1
    return steps


def align(
    old: Sequence[Hashable],
    new: Sequence[Hashable],
    score: Callable[[int, int], float],
    threshold: float = THRESHOLD,
) -> list[Step]:
    """Steps turning ``old`` into ``new``: equal items (by key), changed pairs (items
    whose ``score(i, j)`` reaches ``threshold``), deletions and insertions, in order."""
    steps: list[Step] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            steps += [("equal", i1 + k, j1 + k) for k in range(i2 - i1)]
        elif op == "delete":
            steps += [("delete", i, None) for i in range(i1, i2)]
        elif op == "insert":
            steps += [("insert", None, j) for j in range(j1, j2)]
        else:
            steps += _pair(range(i1, i2), range(j1, j2), score, threshold)
    return steps


def word_opcodes(old: Sequence[str], new: Sequence[str]) -> list[Opcode]:
    """difflib opcodes between token sequences, with an equal stretch of spaces alone
    between two changes merged into one ``replace``."""
    raw = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    out: list[Opcode] = []
    k = 0
    while k < len(raw):
        op, i1, i2, j1, j2 = raw[k]
        if (
            op == "equal"
            and out
            and out[-1][0] != "equal"
            and k + 1 < len(raw)
            and all(t.isspace() for t in old[i1:i2])
        ):
            op = "replace"
        if out and op != "equal" and out[-1][0] != "equal":
            _, a1, _, b1, _ = out.pop()
            out.append(("replace", a1, i2, b1, j2))
        else:
            out.append((op, i1, i2, j1, j2))
        k += 1
    return [_normalise(o) for o in out]


def _normalise(o: Opcode) -> Opcode:
    op, i1, i2, j1, j2 = o
    if op == "replace" and i1 == i2:
        return ("insert", i1, i2, j1, j2)
    if op == "replace" and j1 == j2:
        return ("delete", i1, i2, j1, j2)
    return o
