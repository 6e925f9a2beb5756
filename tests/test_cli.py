"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, SEED

SEED_REL = str(SEED.relative_to(ROOT))


def claims(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "claims", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True)


def test_check_prints_a_table_and_exits_zero():
    run = claims("check", SEED_REL, "--published", "2025-12-01")
    assert run.returncode == 0, run.stderr
    assert "us-minerals-supply-chain.txt: 26 claims" in run.stdout.splitlines()[0]
    assert "eight allied nations" in run.stdout
    assert "Says eight nations and lists eight: Japan, South Korea" in run.stdout


def test_check_json_is_the_report():
    run = claims("check", SEED_REL, "--published", "2025-12-01", "--format", "json")
    assert run.returncode == 0
    data = json.loads(run.stdout)
    assert set(data) == {"engine", "article", "claims", "findings", "summary"}
    assert data["article"]["published"] == "2025-12-01"


def test_an_inconsistent_article_exits_one():
    text = SEED.read_text(encoding="utf-8").replace("eight allied", "seven allied")
    run = claims("check", "-", "--published", "2025-12-01", stdin=text)
    assert run.returncode == 1
    assert "WRONG" in run.stdout and "Says seven nations but lists eight" in run.stdout


def test_bad_usage_exits_two():
    assert claims("check", "no/such/file.txt").returncode == 2
    bad_date = claims("check", SEED_REL, "--published", "2025-13-45")
    assert bad_date.returncode == 2 and "is not a date" in bad_date.stderr
    assert claims("check", "-", stdin="   ").returncode == 2


def test_rules_commands():
    listed = claims("rules", "list")
    assert listed.returncode == 0 and "percent.value" in listed.stdout
    shown = claims("rules", "show", "count.noun")
    assert shown.returncode == 0 and "eight allied nations" in shown.stdout
    assert claims("rules", "show", "no.such-rule").returncode == 2
    tested = claims("rules", "test")
    assert tested.returncode == 0 and " 0 failed" in tested.stdout
    linted = claims("rules", "lint")
    assert linted.returncode == 0 and "load cleanly" in linted.stdout
    schema = json.loads(claims("rules", "schema").stdout)
    assert {"ExtractionRule", "CheckRule"} <= set(schema["$defs"])


def test_rules_test_runs_a_users_pack(tmp_path):
    pack = tmp_path / "mypack" / "count"
    pack.mkdir(parents=True)
    (pack / "reactors.yml").write_text(
        "summary: Reactors counted.\n"
        "pattern: '{number:num}\\s+reactors'\n"
        "priority: 5\n"
        "parse:\n  number: num\n"
        "value:\n  noun: reactors\n"
        "examples:\n"
        "  match:\n    - text: 'It runs [[four reactors]].'\n      value: {value: 4}\n"
        "  no_match:\n    - 'No reactor.'\n",
        encoding="utf-8",
    )
    run = claims("rules", "test", str(tmp_path / "mypack"))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 passed, 0 failed" in run.stdout
