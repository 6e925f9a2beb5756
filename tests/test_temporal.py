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
    ("On Tuesday, the union plans to strike.", "1989-10-31"),    # the cue after the date
    ("The ferry will sail at 6 a.m. EDT Friday.", "1989-10-27T06:00"),
    ("They did not plan to act on Friday.", "1989-10-27"),
    ("The vote is expected Thursday.", "1989-10-26"),           # a plan: today, or ahead
    ("The mayor said Friday that he would resign.", "1989-10-20"),   # the report's day
    ("Rebels were planning to rally on Monday.", "1989-10-30"),   # a plan reported
    ("On Friday, the council planned to vote on the budget.", "1989-10-20"),
    ("They will appeal Friday's ruling.", "1989-10-20"),         # a date of a noun
])
def test_a_weekday_takes_the_tense_of_its_clause(engine, text, timex):
    assert dates(engine, text)[0][1] == timex


@pytest.mark.parametrize(("text", "timex"), [
    ("It was founded in April.", "1989-04"),       # 6 months back: inside the window
    ("It opens in January.", "1990-01"),            # 3 months ahead
    ("for the fiscal year ended Jan. 31", "1989-01-31"),
    ("After the group sold the mill in February, it cut jobs.", "1989-02"),
    ("In January, the mayor took office.", "1989-01"),
    ("The chief, who stepped down in January, left.", "1989-01"),  # -ed after "who"
    # the verb after a long subject
    ("In January, two weeks after the vote on the new city budget, a fire at the town "
     "hall destroyed the records.", "1989-01"),
    # a future auxiliary far from the date is in a clause of its own
    ("On Jan. 8, police officers, asking themselves how any man could carry a rifle "
     "there if he would be seen, searched the woods.", "1989-01-08"),
    ("It said it closed the plant in December.", "1988-12"),
    ("The crew will launch in April.", "1990-04"),
    ("The port will reopen by August.", "1990-08"),
    ("The deadline was extended until Nov. 8.", "1989-11-08"),  # an end point, not a past
    ("The firm bought it on Oct. 30.", "1989-10-30"),           # past, but by the month
    ("She gave no reason for the Jan. 20 deadline.", "1990-01-20"),
    ("The dividend is payable Dec. 4 to holders of record Nov. 13.", "1989-11-13"),
    ("Sales were weaker than expected in January.", "1989-01"),  # a comparison, not a plan
    ("Sales fell due to the strike in January.", "1989-01"),     # a cause, not a plan
    ("The plant is due to open in January.", "1990-01"),
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


def test_the_end_date_of_a_period_does_not_replace_it_as_the_anchor(engine):
    text = ("Sales for the quarter ended Sept. 30 rose to $9 million from $8 million "
            "a year earlier.")
    assert dates(engine, text, "1989-10-26") == [
        ("the quarter", "1989-Q3"), ("Sept. 30", "1989-09-30"), ("a year earlier", "1988-Q3")]


def test_a_fiscal_quarter_keeps_its_number(engine):
    text = "It lost money in its fourth quarter ended Sept. 30. Results for that quarter fell."
    assert dates(engine, text, "1989-11-02") == [
        ("its fourth quarter", "1989-Q4"), ("Sept. 30", "1989-09-30"), ("that quarter", "1989-Q4")]


def test_a_comparison_with_the_reported_period_leans_on_the_first_quarter_named(engine):
    text = ("Net rose 20% in the third quarter. Despite a weak second quarter, margins "
            "held. Charges were taken in the year-earlier period. Costs in the 1989 period "
            "fell.")
    assert dates(engine, text, "1989-11-01") == [
        ("the third quarter", "1989-Q3"), ("a weak second quarter", "1989-Q2"),
        ("the year-earlier period", "1988-Q3"), ("the 1989 period", "1989-Q3")]
