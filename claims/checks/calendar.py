"""weekday_matches_date: "Thursday, Dec 12" against the calendar; dates that do not exist.

The date normalizer resolves a date without a year to the year nearest the publication
date, marks impossible dates `_invalid` ("April 31") and keeps the weekday written beside
the date. This check only judges: it never re-reads the text.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field

from claims.checks.base import CheckContext, Draft
from claims.checks.registry import check_type

_DAY_DIGIT = regex.compile(r"\d")
_TIMEX_DAY = regex.compile(r"(\d{4})-(\d{2})-(\d{2})")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mode: Literal["weekday", "exists"] = Field(
        default="weekday",
        description="weekday: the weekday written beside a date must be that date's; "
        "exists: the date must exist (no April 31, no Feb 29 in a common year).",
    )


@check_type(
    "weekday_matches_date",
    params=Params,
    variables=("claim", "weekday", "date", "actual", "year_note", "reason"),
    kinds=("date",),
)
def weekday_matches_date(ctx: CheckContext, rule):
    """A weekday written with a date ("Thursday, Dec 12") must be the weekday that date
    falls on; when the year is not written it is the year nearest the publication date,
    and the message says so. With mode `exists`, a date that does not exist is flagged."""
    mode = rule.params.mode
    for m in ctx.of("date"):
        v = m.value
        text = ctx.surface(m)
        if mode == "exists":
            if v.get("_invalid"):
                yield Draft(
                    verdict="inconsistent",
                    claims=[m],
                    evidence=[(m.start, m.end, "date")],
                    variables={"claim": text, "date": text, "reason": v["_invalid"],
                               "weekday": v.get("weekday") or "", "actual": "",
                               "year_note": ""},
                    expected="a date that exists",
                    observed=v.get("timex"),
                )
            continue
        weekday = v.get("weekday")
        # A weekday alone ("on Tuesday") is resolved from the weekday: nothing to check.
        if not weekday or v.get("_invalid") or not _DAY_DIGIT.search(text):
            continue
        if not _written_together(ctx, m, text):
            continue
        day = v.get("_date") or _date_of(v.get("timex", ""))
        if day is None:
            continue
        actual = calendar.day_name[day.weekday()]
        year_note = ""
        if v.get("_year_written") is False and ctx.reference is not None:
            year_note = (f" (in {day.year}, the year nearest the publication date "
                         f"{ctx.reference.isoformat()})")
        ok = actual == weekday
        yield Draft(
            verdict="consistent" if ok else "inconsistent",
            claims=[m],
            evidence=[(m.start, m.end, "date")],
            variables={"claim": text, "weekday": weekday, "date": _date_words(day),
                       "actual": actual, "year_note": year_note, "reason": ""},
            expected=actual,
            observed=weekday,
            suggestion=None if ok else _replace_weekday(text, actual),
        )


# "Edmonton Sun, August 16" and "... until Friday\n\nSeptember 18": a weekday that belongs
# to a name, or to the line above, is not the date's weekday.
_NAME_BEFORE = regex.compile(r"(?r)\p{Lu}[\p{L}.'-]*[ \t]+$")


def _written_together(ctx: CheckContext, m, text: str) -> bool:
    if "\n" in text:
        return False
    first = text.split(maxsplit=1)[0].rstrip(",.")
    abbreviated = len(first) <= 4
    return not (abbreviated and _NAME_BEFORE.search(ctx.doc.text, max(0, m.start - 40), m.start))


def _date_of(timex: str) -> dt.date | None:
    m = _TIMEX_DAY.fullmatch(timex)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _date_words(day: dt.date) -> str:
    return f"{calendar.month_name[day.month]} {day.day}, {day.year}"


_WEEKDAY_WORD = regex.compile(r"^\p{L}+\.?")


def _replace_weekday(text: str, actual: str) -> str:
    """"Thursday, Dec 12" -> "Friday, Dec 12" (the weekday leads the date's text)."""
    return _WEEKDAY_WORD.sub(actual, text, count=1)
