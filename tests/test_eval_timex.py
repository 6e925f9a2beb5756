"""`claims eval --task timex` on a small corpus written here (the shared corpus is not
read by unit tests): the counts TempEval-3 scoring gives, computed by hand."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from claims.evaluation import load_corpus
from claims.evaluation.task_timex import (
    Item, compare, same_timex, same_timex_allowed, score_timex, timex_interval,
)
from tests.conftest import ROOT

TIMEML_TEXT = "Profit rose in the third quarter. Shares fell yesterday, and the CEO left now."
GUM_TEXT = "Thursday, March 5, 2015\n\nThe rally was held on Tuesday and lasted two hours."


def _span(text: str, part: str) -> dict:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    timeml = root / "newswire"
    timeml.mkdir()
    (timeml / "articles.jsonl").write_text(json.dumps(
        {"id": "n1", "source": "newswire", "title": None, "published": "1989-10-26",
         "text": TIMEML_TEXT}) + "\n", encoding="utf-8")
    gold = [
        {**_span(TIMEML_TEXT, "the third quarter"), "type": "DATE", "value": "1989-Q3"},
        {**_span(TIMEML_TEXT, "yesterday"), "type": "DATE", "value": "1989-10-24"},  # wrong on purpose
        {**_span(TIMEML_TEXT, "CEO left"), "type": "DATE", "value": "1989"},        # not a date
    ]
    (timeml / "gold.jsonl").write_text(json.dumps(
        {"id": "n1", "dct": {"value": "1989-10-26", "type": "DATE", "text": "19891026"},
         "timex": gold}) + "\n", encoding="utf-8")
    gum = root / "wiki"
    gum.mkdir()
    (gum / "articles.jsonl").write_text(json.dumps(
        {"id": "w1", "source": "wiki", "title": "Rally", "published": "2015-03-05",
         "text": GUM_TEXT}) + "\n", encoding="utf-8")
    dates = [
        {**_span(GUM_TEXT, "Thursday, March 5, 2015"), "tag": "date", "when": "2015-03-05"},
        {**_span(GUM_TEXT, "Tuesday"), "tag": "date", "when": "2015-03-03"},
    ]
    (gum / "gold.jsonl").write_text(json.dumps({"id": "w1", "dates": dates}) + "\n",
                                    encoding="utf-8")
    return root


def _row(scores, measure, corpus_name):
    return next(s for s in scores if s.measure == measure and s.corpus == corpus_name)


def test_timeml_rows_count_spans_and_values(engine, corpus):
    scores = score_timex(engine, load_corpus(corpus))
    # found: "the third quarter", "yesterday", "now"; gold: three spans, one not a date
    strict = _row(scores, "TIMEX3 strict span F1", "newswire").prf
    assert (strict.tp, strict.fp, strict.fn) == (2, 1, 1)
    relaxed = _row(scores, "TIMEX3 relaxed span F1", "newswire").prf
    assert (relaxed.tp, relaxed.fp, relaxed.fn) == (2, 1, 1)
    value = _row(scores, "TIMEX3 value F1", "newswire").prf  # yesterday: 1989-10-25 != gold
    assert (value.tp, value.fp, value.fn) == (1, 2, 2)
    no_ref = _row(scores, "TIMEX3 value F1, no REF", "newswire").prf  # "now" left out
    assert (no_ref.tp, no_ref.fp, no_ref.fn) == (1, 1, 2)


def test_gum_rows_compare_days(engine, corpus):
    scores = score_timex(engine, load_corpus(corpus))
    relaxed = _row(scores, "dates relaxed span F1", "wiki").prf  # "two hours" is not a date
    assert (relaxed.tp, relaxed.fp, relaxed.fn) == (2, 0, 0)
    value = _row(scores, "dates value F1", "wiki").prf
    assert (value.tp, value.fp, value.fn) == (2, 0, 0)
    every = _row(scores, "dates relaxed span F1, every claim", "wiki").prf
    assert (every.tp, every.fp, every.fn) == (2, 1, 0)


def test_the_command_prints_the_table(corpus):
    run = subprocess.run([sys.executable, "-m", "claims", "eval", "--task", "timex",
                          "--corpus", str(corpus), "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert {r["corpus"] for r in rows} == {"newswire", "wiki"}
    assert all(r["task"] == "timex" for r in rows)


def test_value_errors_are_located_and_add_up_to_the_counts(engine, corpus):
    scores = score_timex(engine, load_corpus(corpus))
    row = _row(scores, "TIMEX3 value F1", "newswire")
    by = {e["category"]: e for e in row.errors}
    assert set(by) == {"wrong value: same granularity", "missed", "spurious REF"}
    wrong = by["wrong value: same granularity"]
    assert (wrong["gold"], wrong["found"]) == ("1989-10-24", "1989-10-25")
    assert "[[yesterday]]" in wrong["context"]
    assert by["missed"]["gold_text"] == "CEO left" and by["spurious REF"]["found"] == "PRESENT_REF"
    # a wrong value is a false positive and a false negative; the others one each
    assert 2 * 1 + 1 + 1 == row.prf.fp + row.prf.fn


def test_the_command_lists_errors_by_category(corpus):
    run = subprocess.run([sys.executable, "-m", "claims", "eval", "--task", "timex",
                          "--corpus", str(corpus), "--errors", "1"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "TIMEX3 value F1 (newswire): 3 errors" in run.stdout
    assert "gold: 1989-10-24  found: 1989-10-25" in run.stdout
    as_json = subprocess.run([sys.executable, "-m", "claims", "eval", "--task", "timex",
                              "--corpus", str(corpus), "--format", "json", "--errors", "1"],
                             cwd=ROOT, capture_output=True, text=True)
    rows = json.loads(as_json.stdout)
    value = next(r for r in rows if r["measure"] == "TIMEX3 value F1")
    assert len(value["errors"]) == 3


def test_compare_matches_one_to_one():
    gold = [Item(0, 10, "", "2025", "DATE"), Item(20, 25, "", "P1Y", "DURATION")]
    found = [Item(5, 12, "", "2025", "date"), Item(8, 9, "", "2025", "date")]
    r = compare(gold, found, same_timex)
    assert (r.strict.tp, r.relaxed.tp, r.relaxed.fp, r.relaxed.fn) == (0, 1, 1, 1)
    assert (r.value.tp, r.value.fp, r.value.fn) == (1, 1, 1)


@pytest.mark.parametrize(("gold", "found", "same"), [
    ("1989-WXX", "1989-W43", True),
    ("1949-XX", "1949", True),
    ("1989-11-06T17", "1989-11-06T17:00", True),
    ("199X", "199", True),
    ("2000-W2", "2000-W02", True),
    ("1998-10-XX", "1998-W43", False),
    ("PRESENT_REF", "PRESENT_REF", True),
    ("PAST_REF", "1998", False),
])
def test_underspecified_gold_allows_values(gold, found, same):
    assert same_timex_allowed(gold, found) is same


@pytest.mark.parametrize(("value", "days"), [
    ("2017-W28", ("2017-07-10", "2017-07-16")),
    ("2017-W28-WE", ("2017-07-15", "2017-07-16")),
    ("2017-07", ("2017-07-01", "2017-07-31")),
    ("2017-Q3", ("2017-07-01", "2017-09-30")),
    ("2022-SU", ("2022-06-01", "2022-08-31")),
    ("196", ("1960-01-01", "1969-12-31")),
    ("2010-09-04T22:30", ("2010-09-04T22:30", "2010-09-04T22:30")),
    ("PXY", None),
])
def test_timex_values_as_days(value, days):
    assert timex_interval(value) == days
