"""Dates that depend on more than their own words: the date the article gave before them
(anchors), the tense around them, and the absence of a publication date."""

from __future__ import annotations

import pytest

from claims import Article


def dates(engine, text, published="1989-10-26"):
    report = engine.check(Article(text=text, published=published))
    return [(c.text, c.value.timex) for c in report.claims if c.kind == "date"]


def test_a_year_earlier_is_the_reported_quarter_a_year_back(engine):
    text = ("Third-quarter net income rose to $5 million from $4 million a year earlier. "
            "Sales rose to $9 million from $8 million a year earlier.")
    assert dates(engine, text) == [("Third-quarter", "1989-Q3"),
                                   ("a year earlier", "1988-Q3"),
                                   ("a year earlier", "1988-Q3")]  # not 1987: no chaining


def test_later_counts_from_the_date_before(engine):
    text = "The plant opened in 1992. Two years later it closed."
    assert dates(engine, text, "2025-12-01") == [("1992", "1992"), ("Two years later", "1994")]


def test_ago_counts_from_the_publication_date(engine):
    text = "The plant opened in 1992. Two years ago it closed."
    assert dates(engine, text, "2025-12-01")[1] == ("Two years ago", "2023")


def test_an_anaphor_without_a_date_before_it_is_dropped(engine):
    assert dates(engine, "That year was hard.") == []
    assert dates(engine, "In 1992 the plant opened. That year was hard.") == [
        ("1992", "1992"), ("That year", "1992")]


def test_the_following_month_steps_from_the_date_before(engine):
    text = "The company hired a chief in March 1989. The following month, it was sold."
    assert dates(engine, text)[-1] == ("The following month", "1989-04")


@pytest.mark.parametrize(("text", "timex"), [
    ("The board met Friday.", "1989-10-20"),                    # published Thursday 26th
    ("The board will meet Friday.", "1989-10-27"),
    ("The permit had been scheduled to lapse Friday.", "1989-10-20"),
    ("The deal is scheduled to close Monday, the company said.", "1989-10-30"),
    ("The company said Monday it will cut jobs.", "1989-10-23"),
])
def test_a_weekday_looks_ahead_only_after_a_plan(engine, text, timex):
    assert dates(engine, text)[0][1] == timex


@pytest.mark.parametrize(("text", "timex"), [
    ("It was founded in April.", "1989-04"),       # 6 months back: inside the window
    ("It opens in January.", "1990-01"),            # 3 months ahead
    ("for the fiscal year ended Jan. 31", "1989-01-31"),
])
def test_a_month_without_its_year_is_placed_by_the_window_and_cues(engine, text, timex):
    assert dates(engine, text)[-1][1] == timex


@pytest.mark.parametrize(("text", "timex"), [
    ("It ended on Dec 12.", "XXXX-12-12"),
    ("Shares fell last week.", "XXXX-WXX"),
    ("Shares fell yesterday.", "XXXX-XX-XX"),
    ("Profit rose in the third quarter.", "XXXX-Q3"),
    ("It closed in 1992.", "1992"),
])
def test_without_a_publication_date_what_is_not_written_stays_unknown(engine, text, timex):
    report = engine.check(Article(text=text))
    assert [c.value.timex for c in report.claims if c.kind == "date"] == [timex]
