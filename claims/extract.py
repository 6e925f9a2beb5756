"""Extraction: every rule's pattern over the text, normalizers on the groups, overlaps resolved.

A rule's pattern is tried only where a match can start (claims/scan.py, built from the
shape of its pattern), and not at all when a word every match needs is absent; the
result is what a scan of the whole text gives. Within a layer (all numeric and date claims
share one), the longest match wins, then the rule with the higher priority, then the
earlier one: "eight allied nations" beats "eight", "Dec 12" beats "12". A match a
normalizer rejects takes no place. Normalizers run only on a match that would be kept (a
third of all matches lose to a longer one), so their cost follows the claims, not the
attempts.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Iterable

from claims.errors import BudgetExceeded, TooManyClaims
from claims.kinds import finish, layer
from claims.mention import Mention
from claims.normalize.registry import NormContext, Reject
from claims.rulebook.compiled import CompiledExtraction
from claims.scan import ScanPlan, TextIndex, near
from claims.text.document import Document

_SOFT_FAILURES = (Reject, ValueError, ArithmeticError, KeyError, IndexError, TypeError)
# Context allowed past the end of a sentence window, for lookaheads and slips of the splitter.
_WINDOW_SLACK = 40
# Past one candidate start in this many characters, the regex engine's own scan is cheaper
# than a Python-level attempt at each start (a megabyte of quote marks, of digits ...).
_DENSE = 8
# News runs a few claims per 1,000 characters (the seed: 6; the corpus median 12, its densest
# short article 33); far past that a text is a table or machine-made, and a report on it
# would take long and help nobody.
_MAX_CLAIMS_PER_1000 = 50
_MIN_CLAIMS_CAP = 2_000


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
    plan: ScanPlan,
    *,
    full_scan: bool = False,
) -> list[Mention]:
    text = doc.text
    index = TextIndex(text, plan)
    bounds = _Bounds(doc)
    cap = max(_MIN_CLAIMS_CAP, len(text) * _MAX_CLAIMS_PER_1000 // 1000)
    candidates: list[tuple] = []
    for rule in rules:
        try:
            timeout = deadline.remaining(rule.id)
            matches = (
                rule.regex.finditer(text, timeout=timeout) if full_scan
                else _matches(rule, text, index, bounds, timeout)
            )
            for n, m in enumerate(matches):
                # Judged as the matches come, on the text read so far: a machine-made
                # megabyte is refused in its first pages, not after all of them.
                if n >= _MIN_CLAIMS_CAP and n * 1000 > _MAX_CLAIMS_PER_1000 * (m.start() + 1):
                    raise TooManyClaims(n, m.start() + 1)
                if n >= cap:
                    raise TooManyClaims(cap, len(text))
                start, end = _span(m, rule.span_group)
                if start < end:
                    candidates.append((start - end, -rule.priority, start, rule.id, end, rule, m))
        except TimeoutError:
            raise BudgetExceeded(deadline.budget_ms, rule.id) from None
    return resolve_overlaps(candidates, len(text), doc, lexicons)


def _matches(rule: CompiledExtraction, text: str, index: TextIndex, bounds, timeout):
    plan = index.plan
    required = plan.required[rule.id]
    for atoms in required:
        if not index.present(atoms):
            return ()
    for atoms in plan.context[rule.id]:
        if not index.present(atoms):
            return ()
    narrowing = plan.narrowing[rule.id]
    first = plan.first[rule.id]
    if first is not None:
        starts = index.union(first)
        if narrowing:
            units = bounds.units(rule.window)
            starts = near(starts, [index.last_before(s, units, _WINDOW_SLACK) for s in narrowing],
                          units)
        anchors = [index.union(narrowing[0])] if narrowing else []
        if len(starts) * _DENSE > len(text):
            return _scan_windows(rule, text, bounds, anchors, timeout)
        return _attempts(rule.regex.match, text, starts, timeout)
    anchors = [index.union(narrowing[0])] if narrowing else []
    return _scan_windows(rule, text, bounds, anchors, timeout)


def _attempts(match, text: str, starts: list[int], timeout):
    """Anchored matches at each start, in order, never overlapping (as finditer gives)."""
    last = -1
    for p in starts:
        if p < last:
            continue
        # Positional: string, pos, endpos, concurrent, partial, timeout. Keywords cost
        # the regex module a parse on every call, a fifth of a cheap attempt.
        m = match(text, p, None, None, False, timeout)
        if m is not None and m.end() > p:
            last = m.end()
            yield m


def _scan_windows(rule, text: str, bounds, anchors, timeout):
    """The pattern scanned by the regex engine over the sentences (or paragraphs) that
    hold its rarest anchor, or over the whole text when it has none."""
    if not anchors:
        return rule.regex.finditer(text, timeout=timeout)
    return _windowed(rule.regex, text, bounds.windows(anchors[0], rule.window), timeout)


def _windowed(pattern, text: str, windows, timeout):
    last = -1
    for start, end in windows:
        stop = min(end + _WINDOW_SLACK, len(text))
        for m in pattern.finditer(text, max(start, last), stop, timeout=timeout):
            if m.start() >= end:
                break
            if m.end() > m.start():
                last = m.end()
                yield m


class _Bounds:
    """Sentence and paragraph limits of positions, for narrowing where rules are tried."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.starts = doc._starts
        self.ends = [s.end for s in doc.sentences]
        self.n = len(doc.text)
        para_end: dict[int, int] = {}
        for s in doc.sentences:
            para_end[s.paragraph] = s.end
        self.para_ends = [para_end[s.paragraph] for s in doc.sentences]
        self._sentences = [(s.start, s.end) for s in doc.sentences]
        self._paragraphs = None

    def _unit_end(self, i: int, window: str) -> int:
        if i < 0:
            return self.ends[0] if self.ends else self.n
        return self.para_ends[i] if window == "paragraph" else self.ends[i]

    def units(self, window: str) -> list[tuple[int, int]]:
        """Sentences, or paragraphs, as (start, end) in order."""
        if window == "paragraph":
            if self._paragraphs is None:
                paras: dict[int, list[int]] = {}
                for s in self.doc.sentences:
                    span = paras.setdefault(s.paragraph, [s.start, s.end])
                    span[1] = s.end
                self._paragraphs = [tuple(v) for v in paras.values()]
            return self._paragraphs
        return self._sentences

    def windows(self, anchors: list[int], window: str) -> list[tuple[int, int]]:
        """The sentences (or paragraphs) that hold an anchor, merged, in order."""
        out: list[tuple[int, int]] = []
        starts = self.starts
        for q in anchors:
            i = bisect_right(starts, q) - 1
            if window == "paragraph" and i >= 0:
                para = self.doc.sentences[i].paragraph
                while i > 0 and self.doc.sentences[i - 1].paragraph == para:
                    i -= 1
            start = starts[i] if i >= 0 else 0
            end = self._unit_end(bisect_right(starts, q) - 1, window)
            if out and start <= out[-1][1]:
                if end > out[-1][1]:
                    out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out


def _mention(rule: CompiledExtraction, m, start: int, end: int, doc: Document,
             lexicons) -> Mention | None:
    value = dict(rule.constants)
    ctx = None
    try:
        for step in rule.steps:
            args = {}
            spans = {}
            for inp, group in step.inputs:
                args[inp] = m.group(group)
                spans[inp] = m.span(group)
            if all(a is None for a in args.values()):
                continue
            if ctx is None:
                ctx = NormContext(lexicons, doc.published, rule.tolerance, doc.text)
                ctx.value = value  # later steps may build on earlier ones ("Monday" + "morning")
            ctx.spans = spans
            value.update(step.fn(ctx, **args))
        finish(rule.kind, value, rule.tolerance)
    except _SOFT_FAILURES:
        return None
    return Mention(rule.kind, rule.id, start, end, value, rule.priority)


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


def resolve_overlaps(candidates: list[tuple], length: int, doc: Document,
                     lexicons) -> list[Mention]:
    """Candidates are (start - end, -priority, start, rule id, end, rule, match): sorted,
    the longest first, then the higher priority, then the earlier, then the rule id."""
    kept: list[Mention] = []
    occupied: dict[str, bytearray] = {}
    candidates.sort(key=lambda c: c[:4])
    for _, _, start, _, end, rule, m in candidates:
        kind_layer = layer(rule.kind)
        taken = occupied.get(kind_layer)
        if taken is None:
            taken = occupied[kind_layer] = bytearray(length)
        elif taken.find(1, start, end) != -1:
            continue
        mention = _mention(rule, m, start, end, doc, lexicons)
        if mention is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append(mention)
    kept.sort(key=lambda c: (c.start, c.end, c.rule))
    return kept
