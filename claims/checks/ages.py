"""same_person_same_age: "Helberg, 36" and "the 38-year-old Helberg" in one article; an age
against a stated birth date ("Jobs, born on February 24, 1955, ... Jobs, 50").

Whose age it is comes from linking (claims/link/persons.py). An age told for another time
("Marsh, (example removed: licensed corpus text)") is left out; so is a surname two people share
when the age does not say which of them it is.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from claims.checks.base import CheckContext, Draft, compiled
from claims.checks.registry import check_type
from claims.link.persons import _NAME, person_key, same_person
from claims.mention import Mention

_TIMEX = regex.compile(r"(\d{4})(?:-(\d{2})-(\d{2}))?$")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mode: Literal["repeated", "birth"] = Field(
        default="repeated",
        description="repeated: one person, one age; birth: an age against a stated birth date "
        "and the publication date.",
    )
    other_time: str = Field(
        default=r"\s*(?:years?\s+old\s*)?,?\s*(?:when|at\s+the\s+time|then|in\s+\d{4})\b",
        description="Regex matched right after an age that says it was another time's age.",
    )
    birth: str = Field(
        default=r"(?P<person>{name}),?\s+(?:\d{1,3},\s+)?(?:who\s+was\s+|was\s+)?born\b[^.;\d]{0,40}?"
        r"\b(?:in|on)\s+$",
        description="Regex searched in the sentence before a date that makes it a birth date; "
        "{name} is a person's name, group `person` whose birth it is ('Holt, born on', "
        "'Ana Reyes, 41, was born in Chile in').",
    )

    @field_validator("other_time", "birth")
    @classmethod
    def _compiles(cls, v: str) -> str:
        regex.compile(v.replace("{name}", _NAME))
        return v


@check_type(
    "same_person_same_age",
    params=Params,
    variables=("claim", "person", "first", "second", "born", "expected", "reference"),
    kinds=("age",),
)
def same_person_same_age(ctx: CheckContext, rule):
    """One person has one age in an article, and it agrees with a birth date the article
    gives, reckoned at the publication date."""
    p: Params = rule.params
    other_time = compiled(p.other_time)
    ages = [(m, person_key(m.subject)) for m in ctx.of("age")
            if m.subject and not other_time.match(ctx.doc.text, m.end)]
    ambiguous = _shared_surnames([k for _, k in ages])
    ages = [(m, k) for m, k in ages if k[1] or k[0] not in ambiguous]
    if p.mode == "repeated":
        yield from _repeated(ctx, ages)
    else:
        yield from _births(ctx, ages, compiled(p.birth.replace("{name}", _NAME)))


def _repeated(ctx: CheckContext, ages):
    groups: list[list[tuple[Mention, tuple[str, str]]]] = []
    for m, k in ages:
        for g in groups:
            if same_person(g[0][1], k):
                g.append((m, k))
                break
        else:
            groups.append([(m, k)])
    for g in groups:
        if len(g) < 2:
            continue
        first = g[0][0]
        name = max((m.subject for m, _ in g), key=len)
        for m, _ in g[1:]:
            ok = m.value["years"] == first.value["years"]
            yield Draft(
                verdict="consistent" if ok else "inconsistent",
                claims=[first, m],
                evidence=[(first.start, first.end, "age"), (m.start, m.end, "conflicting age")],
                variables=_vars(ctx, m, name, first=first.value["years"],
                                second=m.value["years"]),
                expected=first.value["years"],
                observed=m.value["years"],
            )


def _births(ctx: CheckContext, ages, birth_re):
    ref = ctx.reference
    if ref is None or not ages:
        return
    text = ctx.doc.text
    for d in ctx.of("date"):
        born = _date(d.value.get("timex", ""))
        if born is None:
            continue
        sent = ctx.doc.sentences[d.sentence]
        cue = birth_re.search(text, sent.start, d.start)
        if not cue:
            continue
        key = person_key(cue.group("person"))
        lo, hi = _age_at(born, ref)
        for m, k in ages:
            if not same_person(k, key):
                continue
            years = m.value["years"]
            ok = lo <= years <= hi
            expected = str(lo) if lo == hi else f"{lo} or {hi}"
            yield Draft(
                verdict="consistent" if ok else "inconsistent",
                claims=[m, d],
                evidence=[(m.start, m.end, "age"), (d.start, d.end, "birth date")],
                variables=_vars(ctx, m, cue.group("person"), born=ctx.surface(d),
                                expected=expected, reference=ref.isoformat(), first=years),
                expected=expected,
                observed=years,
                suggestion=None if ok else (str(lo) if lo == hi else None),
            )


def _vars(ctx, m, name, **kw) -> dict:
    out = {"claim": ctx.surface(m), "person": name, "first": "", "second": "", "born": "",
           "expected": "", "reference": ""}
    out.update(kw)
    return out


def _shared_surnames(keys) -> set[str]:
    """Surnames that come with two different given names ("Thomas Sam", "Manju Sam")."""
    given: dict[str, set[str]] = {}
    for surname, initial in keys:
        if initial:
            given.setdefault(surname, set()).add(initial)
    return {s for s, g in given.items() if len(g) > 1}


def _date(timex: str) -> tuple[int, int | None, int | None] | None:
    m = _TIMEX.match(timex)
    if not m:
        return None
    return int(m[1]), (int(m[2]) if m[2] else None), (int(m[3]) if m[3] else None)


def _age_at(born, ref: dt.date) -> tuple[int, int]:
    """The ages someone born then can have on the reference date: one value when the
    birthday is known, two when only the year is."""
    year, month, day = born
    if month and day:
        n = ref.year - year - ((ref.month, ref.day) < (month, day))
        return n, n
    return ref.year - year - 1, ref.year - year


