"""Extraction: every rule's pattern over the text, normalizers on the groups, overlaps resolved.

Within a layer (all numeric and date claims share one), the longest match wins, then
the rule with the higher priority, then the earlier one: "eight allied nations" beats
"eight", "Dec 12" beats "12".
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from claims.errors import BudgetExceeded
from claims.kinds import finish, layer
from claims.mention import Mention
from claims.normalize.registry import NormContext, Reject
from claims.rulebook.compiled import CompiledExtraction
from claims.text.document import Document

_SOFT_FAILURES = (Reject, ValueError, ArithmeticError, KeyError, IndexError, TypeError)


class Deadline:
    """The time budget of one article, shared by every pattern run on it."""

    __slots__ = ("at", "budget_ms")

    def __init__(self, budget_ms: float | None):
        self.budget_ms = budget_ms
        self.at = None if budget_ms is None else time.perf_counter() + budget_ms / 1000

    def remaining(self, rule: str) -> float | None:
        if self.at is None:
            return None
        left = self.at - time.perf_counter()
        if left <= 0:
            raise BudgetExceeded(self.budget_ms, rule)
        return left


def extract(
    doc: Document,
    rules: Iterable[CompiledExtraction],
    lexicons,
    deadline: Deadline,
) -> list[Mention]:
    text = doc.text
    candidates: list[Mention] = []
    for rule in rules:
        ctx = NormContext(lexicons, doc.published, rule.tolerance, text)
        try:
            matches = list(rule.regex.finditer(text, timeout=deadline.remaining(rule.id)))
        except TimeoutError:
            raise BudgetExceeded(deadline.budget_ms, rule.id) from None
        for m in matches:
            start, end = _span(m, rule.span_group)
            if start >= end:
                continue
            value = dict(rule.constants)
            try:
                for step in rule.steps:
                    args = {}
                    spans = {}
                    for inp, group in step.inputs:
                        args[inp] = m.group(group)
                        spans[inp] = m.span(group)
                    if all(a is None for a in args.values()):
                        continue
                    ctx.spans = spans
                    value.update(step.fn(ctx, **args))
                finish(rule.kind, value, rule.tolerance)
            except _SOFT_FAILURES:
                continue
            candidates.append(Mention(rule.kind, rule.id, start, end, value, rule.priority))
    return resolve_overlaps(candidates, len(text))


def _span(m, group) -> tuple[int, int]:
    """The claim's span: the match, one group, or from the first of several groups that
    matched to the end of the last (groups may sit in a lookbehind)."""
    if group is None:
        return m.span()
    if isinstance(group, str):
        return m.span(group)
    spans = [m.span(g) for g in group if m.start(g) >= 0]
    if not spans:
        return m.span()
    return min(s for s, _ in spans), max(e for _, e in spans)


def resolve_overlaps(candidates: list[Mention], length: int) -> list[Mention]:
    kept: list[Mention] = []
    occupied: dict[str, bytearray] = {}
    order = sorted(candidates, key=lambda c: (c.start - c.end, -c.priority, c.start, c.rule))
    for c in order:
        taken = occupied.setdefault(layer(c.kind), bytearray(length))
        if taken.find(1, c.start, c.end) != -1:
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    kept.sort(key=lambda c: (c.start, c.end, c.rule))
    return kept
