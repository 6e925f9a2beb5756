"""The corpora: one value, many surface forms (Duckling's Corpus.hs, as YAML).

Each `tests/corpus/<kind>.yml` holds

    kind: percent
    published: 2025-12-01          # the fixed reference date
    cases:
      - value: {value: 90, qualifier: more_than}
        forms: ["more than 90%", "over 90 per cent"]
    negative: ["Boeing 747", "COVID-19"]

Every form, checked on its own, must give exactly one claim of that kind, covering the
whole form, with the value fields given (others are not compared); every negative must give
no claim of that kind. The real engine and rule pack run; nothing is mocked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claims import Article, Engine
from claims.rulebook.examples import same_value

CORPUS = Path(__file__).parent / "corpus"
_ENGINE = Engine.default()


def _load():
    for path in sorted(CORPUS.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kind, published = data["kind"], str(data.get("published") or "") or None
        for case in data.get("cases", []):
            for form in case["forms"]:  # YAML reads "2019" as a number: forms are text
                yield pytest.param(kind, published, str(form), case.get("value") or {},
                                   id=f"{kind}:{form}")
        for form in data.get("negative", []):
            yield pytest.param(kind, published, str(form), None, id=f"{kind}:not:{form}")


@pytest.mark.parametrize(("kind", "published", "form", "value"), list(_load()))
def test_corpus_form(kind, published, form, value):
    report = _ENGINE.check(Article(text=form, published=published))
    found = [c for c in report.claims if c.kind == kind]
    if value is None:
        assert not found, f"{form!r} must give no {kind}, got {[c.text for c in found]}"
        return
    assert len(found) == 1, f"{form!r}: expected one {kind}, got {[c.text for c in found]}"
    claim = found[0]
    assert (claim.span.start, claim.span.end) == (0, len(form)), (
        f"{form!r}: the claim covers {claim.text!r}, not the whole form")
    got = claim.value.model_dump()
    for key, want in value.items():
        assert key in got, f"{form!r}: value has no field {key!r}"
        assert same_value(got[key], want), f"{form!r}: {key} is {got[key]!r}, expected {want!r}"


def test_every_corpus_file_names_a_kind_and_has_negatives():
    files = sorted(CORPUS.glob("*.yml"))
    assert files
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("kind") and data.get("cases") and data.get("negative"), path.name
