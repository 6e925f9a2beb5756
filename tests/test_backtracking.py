"""Runaway patterns: `claims rules lint` warns (W201) about the shapes it knows, and the
per-article time budget contains every pattern, including those the lint misses."""

from __future__ import annotations

import time

import httpx
import pytest

from claims import Article, Engine
from claims.errors import BudgetExceeded
from claims.rulebook.backtracking import backtracking_risks
from tests.conftest import LiveServer
from tests.test_cli import claims

RISKY = [r"(?:\w+\s?)+!", r"^(a+)+$", r"(\d+)*,", r"(a*)*", r"(.*?,){11}P", r"(?:\d|\d\d)+x",
         r"(?:a|a)+$", r"x(?:\w+\s?)+y"]
SAFE = [r"(?:\w+,\s+)+", r"(?:\s+\w+){0,3}", r"(?>\w+\s?)+", r"(?:\w++\s?)+",
        r"[a-z]+(?:-[a-z]+)*", r"(?:\d{1,3}(?:,\d{3})+|\d+)", r"(?:,\s*|\s+and\s+)+",
        r"(?:[^,]*,){11}P"]


@pytest.mark.parametrize("pattern", RISKY)
def test_risky_shapes_are_reported(pattern):
    assert backtracking_risks(pattern), pattern


@pytest.mark.parametrize("pattern", SAFE)
def test_delimited_atomic_and_possessive_repeats_are_not(pattern):
    assert backtracking_risks(pattern) == [], pattern


def test_the_built_in_rules_have_no_runaway_shapes(engine):
    from claims.rulebook.lint import lint

    assert [w for w in lint(engine.rulebook) if w.code == "W201"] == []


RULE = """summary: {summary}
pattern: '{pattern}'
parse:
  number: num
examples:
  match:
    - text: "{example}"
      value: {{value: {value}}}
  no_match:
    - "No digits here."
"""

# Alternatives that start alike: the lint reports it.
FLAGGED = RULE.format(summary="Digit groups (backtracks; W201).", pattern=r"(?P<num>(?:\d|\d\d)+)\b(?=x)",
                      example="Size [[12]]x.", value=12)
# Adjacent overlapping repeats: polynomial, a shape the lint does not report.
MISSED = RULE.format(summary="Serial numbers (backtracks; not reported).",
                     pattern=r"(?P<num>\d+)\d+\d+\d+\d+(?!\d)\D", example="Serial [[1234]]5.",
                     value=1234)


def pack(root, name: str, text: str):
    folder = root / name / "number"
    folder.mkdir(parents=True)
    (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return root / name


def test_lint_warns_with_file_line_and_rule(tmp_path):
    run = claims("rules", "lint", str(pack(tmp_path, "flagged", FLAGGED)))
    assert run.returncode == 0, run.stderr
    line = next(x for x in run.stdout.splitlines() if "[W201]" in x)
    assert "flagged/number/flagged.yml:2: number.flagged: pattern: [W201]" in line
    assert "(?:\\d|\\d\\d)+" in line
    missed = claims("rules", "lint", str(pack(tmp_path, "missed", MISSED)))
    assert missed.returncode == 0 and "[W201]" not in missed.stdout


@pytest.mark.parametrize("name", ["flagged", "missed"])
def test_the_budget_contains_what_runs_away(tmp_path, name):
    user_pack = pack(tmp_path, name, FLAGGED if name == "flagged" else MISSED)
    engine = Engine.load([user_pack], budget_ms=250)
    attack = "Serial 1" + "1" * 3000
    start = time.perf_counter()
    with pytest.raises(BudgetExceeded, match=f"250 ms budget \\(in rule number.{name}\\)"):
        engine.check(Article(text=attack))
    # regex's timeout counts CPU time; on a shared machine the wall clock runs longer.
    assert time.perf_counter() - start < 10
    # Ordinary text still goes through the same engine.
    assert engine.check(Article(text="Sales rose 5% to $2.4bn.")).claims


def test_over_http_the_worker_answers_422_and_goes_on(tmp_path):
    from api.app import create_app
    from api.settings import Settings

    engine = Engine.load([pack(tmp_path, "missed", MISSED)])
    app = create_app(Settings(budget_ms=250, access_log=False), engine=engine)
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=30) as client:
        r = client.post("/v1/check", json={"text": "Serial 1" + "1" * 3000})
        assert r.status_code == 422
        body = r.json()
        assert body["type"].endswith("/time-budget-exceeded") and body["budget_ms"] == 250
        assert "number.missed" in body["detail"]
        assert client.get("/healthz").status_code == 200
        ok = client.post("/v1/check", json={"text": "Sales rose 5% to $2.4bn."})
        assert ok.status_code == 200 and ok.json()["claims"]
