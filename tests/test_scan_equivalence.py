"""Trying rules only where they can match finds exactly what a full scan finds."""

from __future__ import annotations

import pytest

from claims.extract import Deadline, extract
from claims.rulebook.examples import examples_of, unmark
from claims.text.document import Document
from tests.conftest import SEED

TEXTS = [
    SEED.read_text(encoding="utf-8"),
    "Between 5 and 10 per cent of the 1,200 staff, about two-thirds of them women, left; "
    "US$3 trillion, €500m and 2bn yen were at stake on Thursday, Dec. 11, 2025.",
    "“We will appeal,” said Maria Lopez, 52. He said: “It cost $4.5 million.” "
    "It’s a two-horse race – it’s the US and China.",
    "The 36-year-old ran 10 miles (16 km) in early October, in 2019 and in mid-March.",
]


def _claims(engine, text, full):
    doc = Document.build(text, engine.splitter, published=None)
    found = extract(doc, engine.rulebook.extraction, engine.rulebook.lexicons, Deadline(None),
                    engine.plan, full_scan=full)
    return [(m.rule, m.start, m.end, sorted(m.public_value().items(), key=str)) for m in found]


def _example_texts(engine):
    for rule in engine.rulebook.rules:
        for _, item in examples_of(rule):
            yield unmark(item.text)[0]


def test_narrowed_extraction_equals_full_scan(engine):
    texts = TEXTS + list(_example_texts(engine))
    for text in texts:
        assert _claims(engine, text, full=False) == _claims(engine, text, full=True), text


@pytest.mark.parametrize("rule_id", ["percent.value", "money.symbol", "date.month-day"])
def test_a_rule_whose_words_are_absent_is_not_run(engine, rule_id):
    rule = engine.rulebook.get(rule_id)
    assert rule.required, f"{rule_id} should have required atoms"
