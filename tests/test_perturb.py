"""The perturbation harness on a small corpus of its own (no ../shared at test time): it
injects real inconsistencies, finds them flagged, repeats itself exactly, and counts false
alarms against the reviewed list of real errors."""

from __future__ import annotations

import json

import pytest
import yaml

from claims.evaluation import load_corpus
from claims.evaluation.slips import DATA, SLIPS
from claims.evaluation.task_perturb import run, score_perturbations

ARTICLES = [
    {"id": "t:markets", "published": "2010-05-07", "title": None,
     "text": "Stocks fall\n\nMay 07, 2010\n\nThe Dow Jones Industrial Average fell 3.2%, or "
             "347.80 points, to 10,520. Revenue rose 12% to $1.68 billion from $1.5 billion."},
    {"id": "t:storm", "published": "2017-07-21", "title": None,
     "text": "Storm nears coast\n\nFriday, July 21, 2017\n\nThe storm was 10 miles (16 km) off "
             "the coast on Friday, officials said."},
    {"id": "t:clean", "published": "2017-07-21", "title": None,
     "text": "Nothing to see\n\nFriday, July 21, 2017\n\nThe council met and adjourned."},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus") / "mini"
    folder.mkdir()
    (folder / "articles.jsonl").write_text(
        "".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return load_corpus(folder.parent)


def test_injections_are_made_and_flagged(engine, corpus):
    r = run(engine, corpus, seed=4)
    by_slip = {k: dict(v) for k, v in r["by_slip"].items()}
    assert by_slip == {
        "market": {"tried": 1, "hit": 1},
        "change": {"tried": 1, "hit": 1},
        "conversion": {"tried": 1, "hit": 1},
        "weekday": {"tried": 2, "hit": 2},
    }
    assert r["false_alarms"] == [] and r["misses"] == []


def test_the_same_seed_gives_the_same_injections(engine, corpus):
    from claims import Article
    from claims.evaluation.slips import all_injections

    doc = corpus.docs[0]
    report = engine.check(Article(text=doc.text, published=doc.published))
    first = all_injections(doc, report, 4)
    assert first == all_injections(doc, report, 4)
    assert {i.slip for i in first} == {"market", "change"}
    market = next(i for i in first if i.slip == "market")
    assert market.text != doc.text and market.text[market.span[0]:market.span[1]] in market.what


def test_scores_name_every_check_type_and_the_false_alarm_rate(engine, corpus):
    scores = score_perturbations(engine, corpus)
    measures = [s.measure for s in scores]
    assert measures[-1] == "false alarms per 100 unmodified articles"
    assert {m.removeprefix("recall: ") for m in measures[:-1]} == {s.check for s in SLIPS.values()}
    alarms = scores[-1]
    assert alarms.figure == 0 and alarms.met


def test_a_published_inconsistency_not_on_the_list_is_a_false_alarm(engine, tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    article = {"id": "t:bad", "published": "2025-12-01", "title": None,
               "text": "The storm was 10 miles (26 km) off the coast."}
    (folder / "articles.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    r = run(engine, load_corpus(tmp_path), seed=4)
    assert [a["rule"] for a in r["false_alarms"]] == ["checks.unit-conversion"]
    # `claims eval --errors` locates it, with its words in context
    alarms = score_perturbations(engine, load_corpus(tmp_path))[-1]
    [error] = alarms.errors
    assert error["category"] == "false alarm: checks.unit-conversion" and error["doc"] == "t:bad"
    assert "[[" in error["context"] and error["message"]


@pytest.mark.parametrize(("name", "key", "fields"), [
    ("repeated-figures.yml", "pairs", {"article", "first", "second", "same", "where"}),
    ("same-person-ages.yml", "pairs", {"article", "first", "second", "person"}),
    ("count-lists.yml", "sites", {"article", "count", "list", "related"}),
    ("real-errors.yml", "errors", {"article", "rule", "at", "what"}),
])
def test_reviewed_lists_are_well_formed(name, key, fields):
    entries = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))[key]
    assert entries
    for e in entries:
        assert set(e) == fields, e
        for span in ("first", "second", "count", "list"):
            if span in e:
                start, end = e[span]
                assert 0 <= start < end
