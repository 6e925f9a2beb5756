"""Frames: what a figure measures, so two figures about different things never conflict."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.checks.base import CheckContext
from claims.checks.measures import frames, wholes
from claims.extract import Deadline, extract
from claims.link import link
from claims.link.frames import CommonWords, entity_key, is_headline, lemma, same_entity
from claims.link.persons import person_key, same_person
from claims.text.document import Document


def context(engine, text: str, published: str = "2025-12-01") -> CheckContext:
    doc = Document.build(text, engine.splitter, published=dt.date.fromisoformat(published))
    lex = engine.rulebook.lexicons
    mentions = extract(doc, engine.rulebook.extraction, lex, Deadline(None), engine.plan)
    link(doc, mentions, lex)
    return CheckContext(doc, mentions, lex)


def frame_of(ctx: CheckContext, surface: str):
    m = next(m for m in ctx.mentions if ctx.surface(m) == surface)
    return m, frames(ctx)(m)


def test_entity_keys_and_aliases():
    assert entity_key("General Motors Corp.'s", frozenset()) == "general motors"
    assert entity_key("Sales", frozenset({"sales"})) is None  # a common word opening a sentence
    assert entity_key("Wednesday", frozenset()) is None
    assert same_entity("gm", "general motors")
    assert same_entity("ford", "ford motor")
    assert same_entity("dreamliners", "dreamliner")
    assert not same_entity("china", "malaysia")
    assert not same_entity(None, "china")
    assert lemma("companies") == "company" and lemma("jobs") == "job" and lemma("gas") == "gas"


def test_common_words_whichever_way_looked_up():
    """Words found one by one (str.find) and, past the budget, from one pass over the text
    must say the same: a whole run of letters written in lower case."""
    text = "Sales rose at salesforce; the salesé team and sales-people. Été sales"
    queries = ["sales", "rose", "salesforce", "team", "people", "té", "été", "force", "ales", "Sales"]
    expected = {q: q in {"rose", "salesforce", "team", "people", "sales"} or q == "Sales" for q in queries}
    by_find = CommonWords(text)
    assert {q: q in by_find for q in queries} == expected
    by_pass = CommonWords(text)
    by_pass._budget = 0  # as after many words asked of a long article
    assert {q: q in by_pass for q in queries} == expected


def test_person_keys():
    assert same_person(person_key("Rosa M. Vidal"), person_key("Vidal"))
    assert not same_person(person_key("Thomas Sam"), person_key("Manju Sam"))
    assert person_key("Vidal's") == ("vidal", "")


def test_headline_and_standfirst_but_not_a_lead_sentence(engine):
    ctx = context(engine, "China dominates rare earths\nThe Asian nation is home to 90% of it\n"
                          "China is home to 90 per cent of capacity. It said so.")
    assert [is_headline(ctx.doc, i) for i in range(len(ctx.doc.sentences))] == [
        True, True, False, False]
    lead = context(engine, "Acme Corp said it would cut 1,200 jobs.\nThe union objected.")
    assert not is_headline(lead.doc, 0)


def test_role_head_subject_and_measure(engine):
    ctx = context(engine, "China is home to more than 90 per cent of global rare earths "
                          "refining capacity, compared with just 4 per cent for second-place "
                          "Malaysia. General Motors automobile sales plunged by 45%. "
                          "Ford will cut 9,000 production jobs.")
    m, f = frame_of(ctx, "more than 90 per cent")
    assert (f.role, f.head, f.subject) == ("level", "capacity", "china")
    assert f.measure == "global rare earth refining capacity"
    _, f = frame_of(ctx, "just 4 per cent")
    assert f.subject == "malaysia"
    assert wholes(ctx)[id(m)] == wholes(ctx)[id(frame_of(ctx, "just 4 per cent")[0])]
    _, f = frame_of(ctx, "45%")
    assert (f.role, f.head) == ("change", "sale")
    _, f = frame_of(ctx, "9,000 production jobs")
    assert (f.head, f.modifiers) == ("job", ("production",))


def test_a_demonym_is_not_a_subject(engine):
    ctx = context(engine, "The Asian nation is home to more than 90% of refining capacity.")
    _, f = frame_of(ctx, "more than 90%")
    assert f.subject is None


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The club named Rosa M. Vidal, a 44-year-old coach, as its chair.", "Rosa M. Vidal"),
        ("Mr. Orsini, 52 years old, resigned.", "Orsini"),
        ("The 44-year-old Vidal left.", "Vidal"),
        ("They were the Boston cousins of 9-year-old Chilean skier Ana Rojas.",
         "Ana Rojas"),
        ("A tribute to Lopez and Ana, the 9-year-old Chilean whose win set off a party.",
         "Ana"),
    ],
)
def test_whose_age(engine, text, person):
    ctx = context(engine, text)
    ages = [m for m in ctx.mentions if m.kind == "age"]
    assert [m.subject for m in ages] == [person]


@pytest.mark.parametrize("text, surface, subject", [
    # A day or a month is when, not who: the clause names no one nearer.
    ("Police said Friday that 12 people died in the fire.", "12 people", None),
    # "New York-based", "state-owned": where or by whom, never who.
    ("Boston-based Corvel paid $2.3 billion for the unit.", "$2.3 billion", "Corvel"),
    # "That's" is a contraction opening a sentence, not a name.
    ("That's up 386 jobs from last year.", "386 jobs", None),
    # A name starts a word: "iTunes" holds no "Tunes".
    ("Acme said eShop now holds 70% of the market.", "70%", "eShop"),
])
def test_figure_subjects_are_names(engine, text, surface, subject):
    ctx = context(engine, text)
    assert next(m for m in ctx.mentions if ctx.surface(m) == surface).subject == subject


@pytest.mark.parametrize("text, surface, subject", [
    # Before a rank a possessive is its scope: what is ranked is named before it.
    ("Valmet, Finland's third-largest paper group, said it would bid.", "third-largest", "Valmet"),
    ("Volvo is the world's ninth-largest truck maker and Sweden's second-largest.",
     "second-largest", "Volvo"),
    # The lister is not the listed.
    ("He was named by Fortune as the 12th most influential banker in Asia.",
     "12th most influential", None),
    ("Along with weaker demand, traders said the region's fourth largest miner was hit.",
     "fourth largest", None),
])
def test_rank_subjects(engine, text, surface, subject):
    ctx = context(engine, text)
    assert next(m for m in ctx.mentions if ctx.surface(m) == surface).subject == subject


def test_the_one_passed_is_not_the_one_ranked(engine):
    ctx = context(engine, "Acme's eShop passes discount retailer Bolt Stores for the "
                          "No. 2 spot among toy sellers.")
    assert next(m for m in ctx.mentions if m.kind == "rank").subject == "Acme's eShop"
