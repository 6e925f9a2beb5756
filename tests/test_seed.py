"""The seed article comes out right, against its golden report and the issue's list."""

from __future__ import annotations

import json

import pytest

from claims import Article
from tests.conftest import SEED, SEED_PUBLISHED, load_json

GOLDEN = SEED.with_suffix(".expected.json")


def comparable(report) -> dict:
    """The report without the engine block, which changes with every rule edit."""
    data = json.loads(report.model_dump_json())
    data.pop("engine")
    return data


def test_seed_matches_golden_report(seed_report):
    expected = load_json(GOLDEN)
    expected.pop("engine")
    assert comparable(seed_report) == expected, (
        "the seed report changed; review it and run `make goldens` if the change is right"
    )


def claims_by_text(report, kind):
    return {c.text: c for c in report.claims if c.kind == kind}


def test_every_span_is_its_text(seed_report, seed_text):
    for c in seed_report.claims:
        assert seed_text[c.span.start : c.span.end] == c.text
        assert c.sentence.start <= c.span.start and c.span.end <= c.sentence.end
    for f in seed_report.findings:
        for e in f.evidence:
            assert seed_text[e.start : e.end] == e.text


def test_percentages(seed_report):
    pct = claims_by_text(seed_report, "percent")
    for text in ("more than 90%", "more than 90 per cent"):
        v = pct[text].value
        assert (v.value, v.qualifier, v.lower, v.upper, v.unit) == (90, "more_than", 90, None, "percent")
    v = pct["just 4 per cent"].value
    assert (v.value, v.qualifier) == (4, "exact")
    assert pct["more than 90 per cent"].source.name == "International Energy Agency"
    assert pct["just 4 per cent"].source.name == "International Energy Agency"
    assert pct["just 4 per cent"].subject == "Malaysia"
    assert pct["more than 90 per cent"].subject == "China"


def test_counts_and_the_list(seed_report):
    counts = claims_by_text(seed_report, "count")
    eight = counts["eight allied nations"]
    assert (eight.value.value, eight.value.noun) == (8, "nations")
    dozen = counts["more than a dozen core countries"]
    assert (dozen.value.value, dozen.value.qualifier, dozen.value.lower) == (12, "more_than", 12)
    lists = claims_by_text(seed_report, "enumeration")
    countries = lists[
        "Japan, South Korea, Singapore, the Netherlands, the UK, Israel, the United Arab Emirates and Australia"
    ]
    assert countries.value.size == 8 and countries.value.exhaustive
    finding = next(f for f in seed_report.findings if eight.id in f.claims)
    assert finding.rule == "checks.count-matches-list"
    assert finding.verdict == "consistent"
    assert countries.id in finding.claims
    assert eight.verdict == countries.verdict == "consistent"


def test_dates_duration_age_rank(seed_report):
    dates = claims_by_text(seed_report, "date")
    assert dates["Dec 12"].value.timex == "2025-12-12"
    assert (dates["early October"].value.timex, dates["early October"].value.mod) == ("2025-10", "START")
    assert claims_by_text(seed_report, "duration")["one-year"].value.timex == "P1Y"
    age = claims_by_text(seed_report, "age")["Helberg, 36"]
    assert (age.value.years, age.value.person) == (36, "Helberg")
    rank = claims_by_text(seed_report, "rank")["second-place Malaysia"]
    assert (rank.value.rank, rank.value.subject) == (2, "Malaysia")


def test_attribution_and_quotes(seed_report):
    sources = [c.value.source for c in seed_report.claims if c.kind == "attribution"]
    assert "International Energy Agency" in sources
    quotes = [c for c in seed_report.claims if c.kind == "quote"]
    assert len(quotes) == 4
    assert all(q.value.speaker == "Helberg" for q in quotes)


def test_no_inconsistent_finding_as_published(seed_report):
    assert seed_report.summary.inconsistent == 0
    assert not [f for f in seed_report.findings if f.verdict == "inconsistent"]


@pytest.mark.parametrize(
    ("old", "new", "stated", "listed"),
    [
        ("eight allied nations", "seven allied nations", "seven", "eight"),
        ("the UK, Israel,", "the UK,", "eight", "seven"),
    ],
    ids=["count-changed", "country-dropped"],
)
def test_an_edit_flips_the_verdict(engine, seed_text, old, new, stated, listed):
    assert old in seed_text
    text = seed_text.replace(old, new, 1)
    report = engine.check(Article(text=text, published=SEED_PUBLISHED))
    bad = [f for f in report.findings if f.verdict == "inconsistent"]
    assert len(bad) == 1
    f = bad[0]
    assert f.rule == "checks.count-matches-list" and f.severity == "error"
    assert f.message.startswith(f"Says {stated} nations but lists {listed}: Japan, South Korea")
    roles = {e.role for e in f.evidence}
    assert {"count", "list", "item"} <= roles
    count_span = next(e for e in f.evidence if e.role == "count")
    assert text[count_span.start : count_span.end].endswith("allied nations")
    list_span = next(e for e in f.evidence if e.role == "list")
    assert text[list_span.start : list_span.end].startswith("Japan") and text[
        list_span.start : list_span.end].endswith("Australia")
    assert report.summary.inconsistent == 2
