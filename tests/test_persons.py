"""Whose age: names beside an age, and nameless ages the text makes someone's
(claims/link/persons.py). The texts are made up."""

from __future__ import annotations

import pytest

from tests.test_frames import context


def _people(engine, text: str) -> list[tuple[str, str | None]]:
    ctx = context(engine, text)
    return [(ctx.surface(m), m.subject) for m in ctx.mentions if m.kind == "age"]


def test_a_name_before_its_age_may_look_like_a_demonym(engine):
    # "Adrian" ends like "Italian"; a name before the age is a person all the same.
    assert _people(engine, "Moss, 44, was arrested. Adrian, 52, was hurt.") == [
        ("Moss, 44", "Moss"), ("Adrian, 52", "Adrian")]
    # After the age, a people's adjective is no person ("the 9-year-old Guatemalan boy").
    assert _people(engine, "Officials met the 9-year-old Guatemalan boy.")[0][1] is None


@pytest.mark.parametrize("text, expected", [
    # the person named before "aged" / "at the age of" in its sentence
    ("Novella Inc. founder Karen Holt dies aged 71.", ["Karen Holt"]),
    ("The founder of Novella Inc. Karen Holt has died at the age of 71.", ["Karen Holt"]),
    ("She joined the order aged 14.", [None]),
    # a determiner points back to the nearest named age that fits
    ("Relatives of 9-year-old Guatemalan schoolboy Mateo Alvarez met. Doctors worry about "
     "this 9-year-old.", ["Mateo Alvarez", "Mateo Alvarez"]),
    ("Maria Lopez, 52, was held. Carlos Ruiz, 8, was not. Police said the 53-year-old "
     "woman fled.", ["Maria Lopez", "Carlos Ruiz", "Maria Lopez"]),
    ("Carlos Ruiz, 39, waited outside. The 9-year-old boy stayed in.", ["Carlos Ruiz", None]),
    # never a possessive, an indefinite, a noun of relation or a thing
    ("Alvarez, 46, flew in to meet his 9-year-old son.", ["Alvarez", None]),
    ("Alvarez, 46, said toys were put in front of a 9-year-old.", ["Alvarez", None]),
    ("Alvarez, 46, arrived. The 9-year-old son of a fisherman survived.", ["Alvarez", None]),
    ("Smith, 52, sold the 100-year-old building.", ["Smith", None]),
    ("Moss, 44, was arrested. Analysts said that 9-year-old children grow fast.", ["Moss", None]),
])
def test_whose_nameless_age(engine, text, expected):
    assert [p for _, p in _people(engine, text)] == expected
