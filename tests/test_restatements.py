"""Restatements: the cues that tie two body figures together (claims/link/restatements.py),
the reporting period in force, and the frame fixes they rely on. The texts are made up."""

from __future__ import annotations

import pytest

from claims.checks import repeated
from claims.checks.measures import frames
from claims.link.frames import entity_key, same_entity
from claims.link.restatements import (
    Periods,
    Restatements,
    periods_agree,
    phrase,
    points_back,
    shared_phrase,
)
from tests.test_frames import context, frame_of


def _mention(ctx, surface: str, nth: int = 0):
    return [m for m in ctx.mentions if ctx.surface(m) == surface][nth]


@pytest.mark.parametrize("text, surface, noun, strong", [
    ("Guards detained 23 migrants. The 23 migrants were held.", "23 migrants", ("migrant",), False),
    ("Managers said the $410 million reserve will be reviewed.", "$410 million", ("reserve",), False),
    ("Orion says the $42-a-share price is generous.", "$42", ("per share",), False),
    ("It sees the 12% growth rate as a goal.", "12%", ("growth", "rate"), False),
    ('It plans "to stop at that 30%" level for now.', "30%", ("level",), True),
    ("It paid down the original $250 million of bank loans.", "$250 million", ("bank", "loan"), True),
    ("To do this, this 9,000 jobs which make up a tenth will go.", "9,000 jobs", ("job",), True),
])
def test_a_figure_that_points_back(engine, text, surface, noun, strong):
    ctx = context(engine, text)
    nth = 1 if text.count(surface) > 1 else 0
    assert points_back(ctx.doc, _mention(ctx, surface, nth)) == (noun, strong)


@pytest.mark.parametrize("text, surface", [
    ("Analysts said that 15% of the shares were sold.", "15%"),  # "that" is a conjunction
    ("Part of the $300 billion rescue plan approved for the banks.", "$300 billion"),
    ("Orion will lift its holding from the 12% it already holds.", "12%"),
    ("That is less than the 3.9% total return of the Westbrook index.", "3.9%"),
    ("The company cut 9,000 jobs.", "9,000 jobs"),  # no determiner
])
def test_nothing_points_back(engine, text, surface):
    ctx = context(engine, text)
    assert points_back(ctx.doc, _mention(ctx, surface)) is None


def test_the_reporting_period_in_force(engine):
    ctx = context(engine, "Net income for the second quarter fell 4% to $12.3 million. Sales rose "
                          "6%.\nFor the nine months, net was $40.3 million. In the year-earlier "
                          "period, net was $38.8 million.\nSales rose 5% to $610.2 million. Last "
                          "year, Orion had a charge of $3 million.")
    p = Periods(ctx.doc, ctx.lexicons)
    got = [sorted(p.in_force(i)) for i in range(len(ctx.doc.sentences))]
    assert got == [["Q2"], ["Q2"], ["9M"], ["9M", "past"], ["9M"], ["Y-1"]]
    assert periods_agree(frozenset({"Q"}), frozenset({"Q3"}))
    assert not periods_agree(frozenset({"Q3"}), frozenset({"9M"}))
    assert not periods_agree(frozenset({"9M", "past"}), frozenset({"9M"}))
    assert periods_agree(frozenset(), frozenset({"9M"}))


def test_the_words_around_a_figure(engine):
    ctx = context(engine, "Orion wants to lift its holding in Vela Holdings to 40.5%. "
                          "It plans to raise its holding in Vela Holdings to 45.5% by March.")
    a, b = [m for m in ctx.mentions if m.kind == "percent"]
    pa, pb = phrase(ctx.doc, a), phrase(ctx.doc, b)
    assert pa == (["in", "vela", "holdings", "to"], [])
    assert shared_phrase(pa, pb) == ["in", "vela", "holdings", "to"]


def _restatements(ctx):
    fr = frames(ctx)
    groups: dict = {}
    for m in ctx.mentions:
        if m.kind in ("percent", "money", "quantity", "count") and not fr(m).headline:
            groups.setdefault(repeated._sort_of(m, fr(m)), []).append(m)
    finder = Restatements(ctx.doc, fr, Periods(ctx.doc, ctx.lexicons), ctx.lexicons)
    return [(ctx.surface(r.first), ctx.surface(r.second), r.cue)
            for r in finder.find(groups, repeated._agree)]


def test_each_cue_ties_its_pair(engine):
    ctx = context(engine, "Guards detained 23 migrants on Monday. The 32 migrants were held. "
                          "Orion wants to lift its holding in Vela Corp to 40.5% this year. "
                          "Orion said it plans to raise its holding in Vela Corp to 45.5% soon.")
    assert set(_restatements(ctx)) == {
        ("23 migrants", "32 migrants", "points back"),
        ("40.5%", "45.5%", "same phrase"),
    }
    ctx = context(engine, "The deal lifts Orion's 12% share of the juice market. It was "
                          "cheap. Orion's share of 15% is far below the leaders'.")
    assert ("12%", "15%", "same measure") in _restatements(ctx)
    ctx = context(engine, "The vote drew about 3 million voters and a turnout rate of 61%. "
                          "Counting went on. It saw about 5 million voters and a turnout "
                          "rate of 61%.")
    assert ("about 3 million voters", "about 5 million voters", "restated sentence") in \
        _restatements(ctx)


def test_what_parts_two_figures(engine):
    # Two reporting periods, two named subjects, the template of every index, a restated
    # sentence whose other figures share only the anchor's own word.
    for text in (
        "In the second quarter, sales rose 6% to $211.4 million. For the nine months, "
        "sales rose 6% to $610.2 million.",
        "Orion owns a 20 percent share in Vela. The state holds a 25 percent share in Vela.",
        "The Hang Seng lost 2.21%, or 410.5 points. The Nikkei lost 1.64%, or 210.2 points.",
        "Over the past quarter the country's 64 bond funds have lost about $4 billion. The "
        "64 funds hold assets of about $21 billion.",
    ):
        ctx = context(engine, text)
        assert [r for r in _restatements(ctx) if r[0] != r[1] and r[2] != "points back"] == [], text


def test_a_phrase_many_figures_share_is_a_template(engine):
    # Many figures sharing one phrase are the article's template, not restatements; the
    # index never compares a bucket that large.
    text = " ".join(f"Unit {i} sales rose {i + 1}% to ${i + 10} million." for i in range(40))
    ctx = context(engine, text)
    assert [r for r in _restatements(ctx) if r[2] == "same phrase"] == []


def test_frame_fixes_the_cues_rely_on(engine):
    ctx = context(engine, "A unit (example removed: licensed corpus text). Orion, the U.S. maker, "
                          "will pay €50 million (US$68 million) for a 38.6 percent stake.")
    _, f = frame_of(ctx, "$10")
    assert f.head == "per share"  # a hyphenated rate
    _, f = frame_of(ctx, "38.6 percent")
    assert f.subject != "us"  # "US$": a currency's country
    assert entity_key("Orion's North American") == "orion"
    assert same_entity(entity_key("Orion's North American"), entity_key("Orion Motor Co."))
    ctx = context(engine, "Orion offers US$90 million for Chilean copper mine")
    assert frame_of(ctx, "US$90 million")[1].subject == "orion"  # "Chilean" is an adjective


def test_a_possessive_names_the_owner(engine):
    ctx = context(engine, "The deal lifts Orion's 12% share. In the country's largest 10 cities, "
                          "Vela has 80%. Orion said the company's 9,000 jobs go. It's 5% higher.")
    owners = {ctx.surface(m): m.subject for m in ctx.mentions if m.kind in ("percent", "count")}
    assert owners["12%"] == "Orion"
    assert owners["10 cities"] is None  # a common noun owns them: no name from the clause
    assert owners["9,000 jobs"] is None
    assert owners["80%"] == "Vela"
    assert owners["5%"] != "It"  # a contraction, not a possessive


def test_the_noun_a_figure_is_of(engine):
    ctx = context(engine, "The vote had a turnout rate of 61%. Orion's share of 12% is low.")
    assert frame_of(ctx, "61%")[1].head == "rate"
    assert frame_of(ctx, "12%")[1].head == "share"
