"""The Duckling-style corpus: tests/corpus/<kind>.yml gives, for one claim kind, values
with the many surface forms that must each give exactly that value, and texts that must
give no claim of that kind, all against a fixed reference date.

    kind: date
    published: 2025-12-10
    cases:
      - value: {timex: "2025-12-12"}          # only the fields given are compared
        forms: [Dec 12, 12 December, ...]     # each alone: one claim spanning all of it
    negative: [May I help you?, ...]          # each: no claim of this kind
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from claims import Article, Engine

CORPUS = Path(__file__).parent / "corpus"
_ENGINE = Engine.default()


def _load():
    for path in sorted(CORPUS.glob("*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        kind, published = spec["kind"], str(spec["published"])
        for i, case in enumerate(spec.get("cases", []), 1):
            for form in case["forms"]:
                yield pytest.param(kind, published, str(form), case["value"],
                                   id=f"{path.stem}[{i}]:{form}")
        for text in spec.get("negative", []):
            yield pytest.param(kind, published, str(text), None, id=f"{path.stem}[no]:{text}")


def _same(got, want) -> bool:
    if isinstance(want, bool) or isinstance(got, bool):
        return got == want
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(got, want, rel_tol=1e-4, abs_tol=1e-9)
    return got == want


@pytest.mark.parametrize(("kind", "published", "text", "value"), list(_load()))
def test_corpus(kind, published, text, value):
    report = _ENGINE.check(Article(text=text, published=published))
    mine = [c for c in report.claims if c.kind == kind]
    if value is None:
        assert not mine, f"must give no {kind}, got " + ", ".join(
            f"{c.text!r} ({c.rule})" for c in mine)
        return
    assert len(mine) == 1, f"want one {kind} claim, got " + (", ".join(
        f"{c.text!r} ({c.rule})" for c in mine) or "none: " + ", ".join(
        f"{c.kind} {c.text!r}" for c in report.claims))
    claim = mine[0]
    assert (claim.span.start, claim.span.end) == (0, len(text)), \
        f"the claim {claim.text!r} ({claim.rule}) does not cover {text!r}"
    got = claim.value.model_dump()
    for key, want in value.items():
        assert key in got, f"value has no field {key!r}"
        assert _same(got[key], want), f"{key}: want {want!r}, got {got[key]!r} ({claim.rule})"
