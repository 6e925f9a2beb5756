"""Weekdays written with their dates."""

from __future__ import annotations

import calendar

import regex

from claims.evaluation import numbers_in_text as nt
from claims.evaluation.slips import Injection, claims_of, rng_for, slip


_WEEKDAY = regex.compile(r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")


@slip("weekday", "weekday_matches_date", "the weekday written with a date changed")
def weekday(doc, report, seed):
    out = []
    for c in claims_of(report, "date"):
        name = c.value.weekday
        m = _WEEKDAY.match(c.text)
        if not name or not m or "\n" in c.text or not any(ch.isdigit() for ch in c.text):
            continue
        rng = rng_for(seed, doc.id, "weekday", c.span.start)
        days = list(calendar.day_name)
        new = days[(days.index(m.group()) + rng.randrange(1, 7)) % 7]
        text, span = nt.replace(doc.text, c.span.start, c.span.start + len(m.group()), new)
        out.append(Injection("weekday", "weekday_matches_date", doc.id, text, span,
                             f"{m.group()} -> {new}"))
    return out
