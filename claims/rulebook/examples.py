"""Runs the examples every rule carries: the one generic test behind `make test` and
`claims rules test`. A failure says how it failed, expected against actual.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from claims.model.article import Article
from claims.rulebook.compiled import CompiledCheck, CompiledExtraction

OPEN, CLOSE = "[[", "]]"


@dataclass(frozen=True, slots=True)
class Example:
    rule: str
    label: str  # match-1, no_match-2, flag-1, pass-1, todo-1
    text: str
    todo_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    example: Example
    ok: bool
    detail: str = ""

    @property
    def todo(self) -> bool:
        return self.example.todo_reason is not None


def unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Text without [[ ]] markers, and the spans they marked."""
    out, spans, pos = [], [], 0
    while True:
        i = marked.find(OPEN, pos)
        if i < 0:
            out.append(marked[pos:])
            break
        j = marked.find(CLOSE, i)
        out.append(marked[pos:i])
        start = sum(len(p) for p in out)
        out.append(marked[i + 2 : j])
        spans.append((start, start + j - i - 2))
        pos = j + 2
    return "".join(out), spans


def examples_of(rule) -> Iterator[tuple[Example, object]]:
    ex = rule.spec.examples
    if isinstance(rule, CompiledExtraction):
        groups = (("match", ex.match), ("no_match", ex.no_match), ("todo", ex.todo))
    else:
        groups = (("flag", ex.flag), ("pass", ex.pass_), ("todo", ex.todo))
    for name, items in groups:
        for i, item in enumerate(items, 1):
            reason = getattr(item, "reason", None) if name == "todo" else None
            yield Example(rule.id, f"{name}-{i}", item.text, reason), item


def run_examples(engine, rule) -> list[Outcome]:
    return [run_example(engine, rule, ex, item) for ex, item in examples_of(rule)]


def run_example(engine, rule, example: Example, item) -> Outcome:
    text, spans = unmark(item.text)
    published = getattr(item, "published", None) or rule.examples_published
    report = engine.check(Article(text=text, published=published))
    kind = example.label.split("-")[0]
    if isinstance(rule, CompiledCheck):
        should = getattr(item, "should", "flag") if kind == "todo" else kind
        ok, detail = _check_outcome(report, rule, should, spans, item)
    elif kind == "no_match":
        ok, detail = _no_match(report, rule, text)
    else:
        ok, detail = _match(report, rule, text, spans, item)
    return Outcome(example, ok, detail)


def _match(report, rule, text, spans, item) -> tuple[bool, str]:
    (start, end), = spans
    mine = [c for c in report.claims if c.rule == rule.id]
    if not mine:
        found = ", ".join(f"{c.kind} {c.text!r} ({c.rule})" for c in report.claims) or "nothing"
        return False, f"no claim from {rule.id} in {text!r}; found {found}"
    exact = [c for c in mine if c.span.start == start and c.span.end == end]
    if not exact:
        got = ", ".join(f"{c.text!r} [{c.span.start}, {c.span.end})" for c in mine)
        return False, f"span differs: expected {text[start:end]!r} [{start}, {end}), got {got}"
    claim = exact[0]
    if len(mine) > 1:
        others = ", ".join(repr(c.text) for c in mine if c is not claim)
        return False, f"two claims from {rule.id}: {claim.text!r} and {others}"
    value = claim.value.model_dump()
    for key, want in (item.value or {}).items():
        if key not in value:
            return False, f"value has no field {key!r}; it has {sorted(value)}"
        if not same_value(value[key], want):
            return False, f"value differs: {key}: expected {want!r}, got {value[key]!r}"
    if item.subject is not None and claim.subject != item.subject:
        return False, f"subject differs: expected {item.subject!r}, got {claim.subject!r}"
    if item.source is not None:
        got = claim.source.name if claim.source else None
        if got != item.source:
            return False, f"source differs: expected {item.source!r}, got {got!r}"
    return True, ""


def _no_match(report, rule, text) -> tuple[bool, str]:
    mine = [c for c in report.claims if c.rule == rule.id]
    if mine:
        return False, f"must not match, but found {', '.join(repr(c.text) for c in mine)} in {text!r}"
    return True, ""


def _check_outcome(report, rule, should, spans, item) -> tuple[bool, str]:
    if rule.type.flags:
        return _flag_outcome(report, rule.type.flags, should, spans)
    mine = [f for f in report.findings if f.rule == rule.id]
    bad = [f for f in mine if f.verdict == "inconsistent"]
    if should == "pass":
        if bad:
            return False, f"must pass, but flagged: {bad[0].message}"
        return True, ""
    if not bad:
        said = "; ".join(f.message for f in mine) or "no finding at all"
        return False, f"must be flagged, but was not ({said})"
    finding = bad[0]
    have = {(e.start, e.end) for e in finding.evidence}
    for s, e in spans:
        if (s, e) not in have:
            got = ", ".join(f"{x.text!r}" for x in finding.evidence)
            return False, f"evidence lacks the marked span [{s}, {e}); it has {got}"
    if item.message and item.message not in finding.message:
        return False, f"message {finding.message!r} does not contain {item.message!r}"
    return True, ""


def _flag_outcome(report, flags, should, spans) -> tuple[bool, str]:
    """A check that only flags claims ("unsourced"): a flag example needs every marked span
    to be a flagged claim; a pass example must leave every claim unflagged."""
    flagged = [c for c in report.claims if set(c.flags) & set(flags)]
    if should == "pass":
        if flagged:
            return False, f"must pass, but flagged {', '.join(repr(c.text) for c in flagged)}"
        return True, ""
    if not flagged:
        return False, "must be flagged, but no claim was"
    have = {(c.span.start, c.span.end) for c in flagged}
    for s, e in spans:
        if (s, e) not in have:
            got = ", ".join(repr(c.text) for c in flagged)
            return False, f"the marked span [{s}, {e}) is not a flagged claim; flagged: {got}"
    return True, ""


def same_value(got, want) -> bool:
    """A normalized value as the example states it: numbers within rounding, dates as ISO text."""
    if isinstance(want, bool) or isinstance(got, bool):
        return got == want
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(got, want, rel_tol=1e-4, abs_tol=1e-9)
    if isinstance(want, list) and isinstance(got, list):
        return len(want) == len(got) and all(same_value(g, w) for g, w in zip(got, want))
    if hasattr(got, "isoformat") and isinstance(want, str):
        return got.isoformat() == want
    return got == want
