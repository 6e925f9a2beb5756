"""The one generic test: every example of every rule, parametrized by rule and example.

Ids read like `percent.value[match-2]`; a failure says how the example failed.
"""

from __future__ import annotations

import pytest

from claims import Engine
from claims.rulebook.examples import examples_of, run_example

_ENGINE = Engine.default()
CASES = [
    pytest.param(
        rule, example, item,
        id=f"{rule.id}[{example.label}]",
        marks=[pytest.mark.xfail(reason=example.todo_reason, strict=True)]
        if example.todo_reason else [],
    )
    for rule in _ENGINE.rulebook.rules
    for example, item in examples_of(rule)
]


@pytest.mark.parametrize(("rule", "example", "item"), CASES)
def test_rule_example(rule, example, item):
    outcome = run_example(_ENGINE, rule, example, item)
    assert outcome.ok, outcome.detail


def test_every_rule_has_both_kinds_of_example():
    for rule in _ENGINE.rulebook.rules:
        labels = {ex.label.split("-")[0] for ex, _ in examples_of(rule)}
        wanted = {"flag", "pass"} if rule.kind == "check" else {"match", "no_match"}
        assert wanted <= labels, f"{rule.id} lacks {wanted - labels}"
