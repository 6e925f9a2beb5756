"""The consistency checks end to end, through the real engine and the real rule files: the
seed article as published and with a reporter's slips, and the details a fact-checker
acts on (message, evidence roles, expected against observed, suggestion)."""

from __future__ import annotations

import pytest

from claims import Article
from tests.conftest import SEED_PUBLISHED


def check(engine, text: str, published: str | None = SEED_PUBLISHED):
    return engine.check(Article(text=text, published=published))


def inconsistent(report, rule: str | None = None):
    return [f for f in report.findings if f.verdict == "inconsistent"
            and (rule is None or f.rule == rule)]


def roles(finding) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in finding.evidence:
        out.setdefault(e.role, []).append(e.text)
    return out


def test_the_seed_as_published_is_consistent_and_checked(seed_report):
    assert not inconsistent(seed_report)
    rules = {f.rule for f in seed_report.findings}
    assert {"checks.count-matches-list", "checks.repeated-figure", "checks.shares-of-whole",
            "checks.rank-order"} <= rules
    pct = {c.text: c for c in seed_report.claims if c.kind == "percent"}
    assert pct["more than 90%"].verdict == "consistent"  # the headline, against the body
    assert pct["just 4 per cent"].verdict == "consistent"


def test_a_headline_figure_the_body_contradicts(engine, seed_text):
    text = seed_text.replace("home to more than 90% of", "home to about 70% of", 1)
    report = check(engine, text)
    (f,) = inconsistent(report)
    assert f.rule == "checks.repeated-figure" and f.severity == "error"
    assert f.message == ("Gives global rare earths and permanent magnets refining capacity as "
                         "about 70% (headline) and as more than 90 per cent (paragraph 10).")
    assert roles(f) == {"figure": ["about 70%"], "conflicting figure": ["more than 90 per cent"]}


def test_shares_past_the_whole(engine, seed_text):
    text = seed_text.replace("just 4 per cent", "just 14 per cent", 1)
    (f,) = inconsistent(check(engine, text))
    assert f.rule == "checks.shares-of-whole"
    assert f.message.startswith("Shares of global rare earths and permanent magnets refining "
                                "capacity add up to more than 103.5%: China more than 90 per cent")
    assert roles(f) == {"share": ["more than 90 per cent", "just 14 per cent"]}


def test_second_place_larger_than_the_leader(engine, seed_text):
    text = seed_text.replace("more than 90 per cent of global", "just 4 per cent of global", 1)
    text = text.replace("compared with just 4 per cent", "compared with more than 90 per cent", 1)
    bad = inconsistent(check(engine, text), "checks.rank-order")
    assert len(bad) == 1
    assert bad[0].message == ("Ranks Malaysia second with more than 90 per cent, against China "
                              "just 4 per cent.")
    assert set(roles(bad[0])) == {"rank", "figure", "compared figure"}


def test_market_move_gives_expected_observed_and_a_correction(engine):
    report = check(engine, "The Dow Jones Industrial Average fell 3.8%, or 347.80 points, "
                           "to 10,520.")
    (f,) = inconsistent(report)
    assert f.rule == "checks.market-move"
    assert (round(f.expected, 2), f.observed, f.suggestion) == (3.2, 3.8, "3.2%")
    assert roles(f) == {"change": ["3.8%"], "points": ["347.80 points"], "level": ["10,520"],
                        "direction": ["fell"]}


def test_a_change_in_per_cent_that_is_points(engine):
    (f,) = inconsistent(check(engine, "Turnout rose from 5% to 10%, a 5% rise."))
    assert f.message == ("Says 5% rise from 5% to 10%, but that is a rise of 100.0%; 5 "
                         "percentage points were probably meant.")


def test_conversion_suggests_the_converted_figure(engine):
    (f,) = inconsistent(check(engine, "The storm was 10 miles (26 km) off the coast."))
    assert f.suggestion == "16 km"
    assert roles(f) == {"quantity": ["10 miles"], "conversion": ["26 km"]}


@pytest.mark.parametrize(
    ("text", "published", "message", "suggestion"),
    [
        ("The summit opens on Thursday, Dec 12.", "2025-12-01",
         "Says Thursday, but December 12, 2025 (in 2025, the year nearest the publication date "
         "2025-12-01) is a Friday.", "Friday, Dec 12"),
        ("The summit opens on Thursday, Dec 12.", "2024-12-01", None, None),
    ],
)
def test_weekday_against_the_publication_date(engine, text, published, message, suggestion):
    bad = inconsistent(check(engine, text, published))
    if message is None:
        assert not bad
        return
    (f,) = bad
    assert (f.message, f.suggestion) == (message, suggestion)


def test_impossible_dates(engine):
    (f,) = inconsistent(check(engine, "The law took effect on Feb 29, 2023."))
    assert f.rule == "checks.date-exists"
    assert f.message == "Feb 29, 2023 does not exist: February has 28 days in 2023."


def test_ages_of_one_person_and_a_birth_date(engine):
    (f,) = inconsistent(check(engine, "Helberg, 36, was an adviser. The 38-year-old Helberg "
                                      "said no."))
    assert f.message == "Gives Helberg's age as 36 and as 38."
    report = check(engine, "Jobs, born on February 24, 1955, built Apple. Jobs, 50, resigned.",
                   "2011-08-25")
    (f,) = inconsistent(report)
    assert (f.rule, f.expected, f.observed, f.suggestion) == (
        "checks.age-matches-birth", "56", 50, "56")


def test_a_count_says_what_it_lists(engine):
    (f,) = inconsistent(check(engine, "Four companies bid. They are Ford, General Motors and "
                                      "Fiat."))
    assert f.message == "Says four companies but lists three: Ford, General Motors and Fiat."
    assert f.suggestion == "three companies"
    assert roles(f)["item"] == ["Ford", "General Motors", "Fiat"]


def test_unsourced_statistics_are_flagged_and_counted(engine):
    report = check(engine, "Sales rose 12% last year. Output rose 5%, Acme Corp said.")
    flagged = [c.text for c in report.claims if "unsourced" in c.flags]
    assert flagged == ["12%"]
    assert report.summary.unsourced == 1
    assert report.summary.inconsistent == 0  # a flag, not an inconsistency


def test_two_percentages_about_two_things_never_conflict(engine):
    report = check(engine, "Turnout hits record\nTurnout was 91% in Ohio\n"
                           "Unemployment in Ohio was 4%, officials said. Turnout was 91%.")
    assert not inconsistent(report)


def test_every_evidence_span_is_its_text_and_reports_repeat(engine, seed_text):
    text = seed_text.replace("just 4 per cent", "just 14 per cent", 1)
    a, b = check(engine, text), check(engine, text)
    assert a.model_dump_json() == b.model_dump_json()
    for f in a.findings:
        for e in f.evidence:
            assert text[e.start : e.end] == e.text
