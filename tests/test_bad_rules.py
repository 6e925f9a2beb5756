"""Broken rule files are refused at load, every problem at once, with exact messages."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claims.checks import CHECK_TYPES
from claims.errors import RulebookError
from claims.rulebook import load_rulebook
from tests.conftest import ROOT

PACK = "tests/bad_rules/pack"

EXPECTED = [
    f"{PACK}/checks/bad-check.yml:2: checks.bad-check: check: [R108] unknown check type "
    "'count_matches_list' (did you mean 'count_matches_enumeration'?); known: "
    + ", ".join(sorted(CHECK_TYPES)),
    f"{PACK}/checks/bad-params.yml:3: checks.bad-params: level: [R105] input should be "
    "'info', 'warning' or 'error', got 'fatal'",
    f"{PACK}/count/wrong-kind.yml:2: count.wrong-kind: kind: [R115] kind 'percent' disagrees "
    "with the folder 'count'",
    f"{PACK}/percent/Bad_Name.yml: percent.Bad_Name: [R116] a rule file name must be kebab-case "
    "(lower-case words joined by '-')",
    f"{PACK}/percent/bad-parse.yml:4: percent.bad-parse: parse.numbr: [R106] unknown normalizer "
    "'numbr' (did you mean 'number'?)",
    f"{PACK}/percent/bad-parse.yml:5: percent.bad-parse: parse.percent_unit: [R107] group "
    "'units' is not in the pattern (did you mean 'unit'?)",
    f"{PACK}/percent/bad-regex.yml:2: percent.bad-regex: pattern: [R104] pattern does not "
    "compile: missing )",
    f"{PACK}/percent/broken-yaml.yml:3: percent.broken-yaml: [R001] YAML syntax: while "
    "parsing a block mapping, did not find expected key",
    f"{PACK}/percent/no-examples.yml:7: percent.no-examples: examples.match[0].text: [R113] "
    "mark the claim's span once with [[ and ]]",
    f"{PACK}/percent/no-examples.yml:8: percent.no-examples: examples.no_match: [R112] a rule "
    "needs at least one no_match example",
    f"{PACK}/percent/typo-field.yml:1: percent.typo-field: summary: [R102] missing field "
    "'summary'",
    f"{PACK}/percent/typo-field.yml:1: percent.typo-field: summry: [R101] unknown field "
    "'summry' (did you mean 'summary'?); allowed: case_sensitive, description, examples, kind, "
    "link, parse, pattern, priority, span, summary, tolerance, value",
    f"{PACK}/percent/unknown-fragment.yml:2: percent.unknown-fragment: pattern: [R103] unknown "
    "fragment {numbr} (did you mean {number}?)",
    f"{PACK}/percent/value.yml:1: percent.value: [R111] duplicate rule id; already defined in "
    "rules/en/percent/value.yml",
    f"{PACK}/widgets/gadget.yml: widgets.gadget: [R115] folder 'widgets' is neither a claim "
    "kind nor 'checks'; expected one of: number, count, percent, money, quantity, date, "
    "duration, age, rank, enumeration, quote, attribution, checks",
]
PARAM_PROBLEMS = [
    f"{PACK}/checks/bad-params.yml:5: checks.bad-params: params.window: [R109] input should "
    "be less than or equal to 5",
    f"{PACK}/checks/bad-params.yml:6: checks.bad-params: params.radius: [R109] unknown field "
    "'radius'; allowed: back_window, min_class_share, window",
]


@pytest.fixture()
def problems(monkeypatch):
    monkeypatch.chdir(ROOT)
    with pytest.raises(RulebookError) as info:
        load_rulebook([ROOT / PACK])
    return [p.format() for p in info.value.problems]


def test_every_problem_is_reported_at_once_with_its_place(problems):
    got = [p for p in problems if "[R110]" not in p]
    assert sorted(got) == sorted(EXPECTED + PARAM_PROBLEMS)


def test_unknown_message_variable_names_the_choices(problems):
    line = next(p for p in problems if "[R110]" in p)
    assert line == (
        f"{PACK}/checks/bad-params.yml:7: checks.bad-params: message: [R110] unknown variable "
        "{count}; check type 'count_matches_enumeration' offers: {claim}, {stated}, {value}, "
        "{noun}, {listed}, {items}"
    )


def test_the_command_line_shows_every_problem_and_no_traceback():
    run = subprocess.run(
        [sys.executable, "-m", "claims", "rules", "lint", PACK],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert f"{len(EXPECTED) + len(PARAM_PROBLEMS) + 1} problems in the rules:" in run.stderr
    assert EXPECTED[0] in run.stderr
