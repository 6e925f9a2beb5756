"""rules/COVERAGE.md stays true: for every kind with a `## <kind>` section, each rule of
that kind is listed in it, and each quoted example in its tables gives a claim of that
kind, from one of the row's rules, spanning the quote (or its `[[ ]]` part)."""

from __future__ import annotations

import re

import pytest

from claims import Article, Engine
from claims.rulebook.examples import unmark
from tests.conftest import ROOT

COVERAGE = ROOT / "rules" / "COVERAGE.md"
PUBLISHED = "2025-12-10"  # the page's reference date
_ENGINE = Engine.default()


def _sections() -> dict[str, str]:
    """Sections headed by a bare kind ("## date"); other sections are prose."""
    parts = re.split(r"^## (.+?)\s*$", COVERAGE.read_text(encoding="utf-8"), flags=re.M)
    return {head: body for head, body in zip(parts[1::2], parts[2::2]) if " " not in head}


def _rows():
    for kind, body in _sections().items():
        for line in body.splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 4 or not cells[-1].startswith("`"):
                continue
            rules = re.findall(r"`([\w.-]+)`", cells[-1])
            for example in re.findall(r'"([^"]+)"', cells[1]):
                yield pytest.param(kind, example, rules, id=f"{kind}:{example}")


@pytest.mark.parametrize("kind", sorted(_sections()))
def test_every_rule_of_a_documented_kind_is_listed(kind):
    listed = set(re.findall(r"`(" + re.escape(kind) + r"\.[\w-]+)`", _sections()[kind]))
    rules = {r.id for r in _ENGINE.rulebook.extraction if r.kind == kind}
    assert rules - listed == set(), f"not in COVERAGE.md: {sorted(rules - listed)}"
    assert listed - rules == set(), f"no such rule: {sorted(listed - rules)}"


@pytest.mark.parametrize(("kind", "example", "rules"), list(_rows()))
def test_every_example_in_the_tables_holds(kind, example, rules):
    text, spans = unmark(example)
    start, end = spans[0] if spans else (0, len(text))
    report = _ENGINE.check(Article(text=text, published=PUBLISHED))
    hits = [c for c in report.claims if c.kind == kind and c.rule in rules
            and (c.span.start, c.span.end) == (start, end)]
    found = ", ".join(f"{c.kind} {c.text!r} ({c.rule})" for c in report.claims) or "nothing"
    assert hits, f"{example!r}: want a {kind} from {rules} over {text[start:end]!r}; found {found}"
