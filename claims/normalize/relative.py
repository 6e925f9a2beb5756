"""Dates named from the reference date: "last week", "two years ago", "yesterday", "now",
"Monday morning", "10:35 a.m.".

A date that could instead lean on one the article just gave ("a year earlier", "the
following month") carries `_anchor`; `claims/link/anchors.py` re-resolves it against that
date, and keeps the reference-based value when there is none.

    >>> import datetime as dt
    >>> from claims.rulebook import builtin_lexicons
    >>> ctx = NormContext(builtin_lexicons(), dt.date(1998, 3, 1), 0.1)
    >>> relative(ctx, "week", "last")["timex"]
    '1998-W08'
"""

from __future__ import annotations

import datetime as dt

from claims.normalize import timex
from claims.normalize.registry import NormContext, Reject, normalizer

UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
           "month": "XXXX-XX", "quarter": "XXXX-QX", "half": "XXXX-HX", "season": "XXXX-XX",
           "year": "XXXX", "decade": "XXX", "century": "XX"}
_BACKWARD = ("ago", "earlier", "before", "previously", "prior", "back")


def unit_of(ctx: NormContext, text: str) -> str:
    unit = ctx.lexicons["calendar-units"].get(text)
    if unit is None:
        raise Reject(f"not a calendar unit: {text!r}")
    return unit


def amount(ctx: NormContext, text: str | None) -> int | None:
    """"two" -> 2, "a" -> 1, "a couple of" -> 2; None for "several", "a few"."""
    from claims.normalize.numbers import parse_number

    if not text:
        return 1
    vague = ctx.lexicons["vague-counts"].get(text)
    if vague is not None:
        return None if vague == "X" else int(vague)
    n = parse_number(text, ctx.lexicons)
    if n != int(n):
        raise Reject(f"{text!r} is not a whole number of periods")
    return int(n)


def period(ctx: NormContext, granularity: str, n: int) -> dict:
    """The period `n` units of `granularity` from the reference's own."""
    if ctx.reference is None:
        return {"timex": UNKNOWN[granularity], "granularity": _public(granularity)}
    d = timex.shift(ctx.reference, granularity, n)
    out = {"timex": timex.write(granularity, d), "granularity": _public(granularity)}
    if granularity == "day":
        out["_date"] = d
    return out


def _public(granularity: str) -> str:
    return "week" if granularity == "weekend" else granularity


@normalizer("relative")
def relative(ctx: NormContext, unit: str, direction: str | None = None) -> dict:
    """"last week" -> the reference's week - 1, "this year", "next month", "the latest
    quarter" (the last complete one), "the following year" (anchored to the date before)."""
    gran = unit_of(ctx, unit)
    word = " ".join((direction or "this").lower().split())
    n = ctx.lexicons["relative-words"].get(word)
    if n is None:
        raise Reject(f"unknown relative word {direction!r}")
    n = int(n)
    if gran == "weekend" and n == 0 and ctx.reference and ctx.reference.weekday() < 3:
        n = -1  # early in the week, "the weekend" is the one just past
    out = period(ctx, gran, n)
    if word in ("following", "previous"):
        out["_anchor"] = {"unit": gran, "n": n, "granularity": gran, "mode": "step"}
    return out


@normalizer("offset")
def offset(ctx: NormContext, unit: str, number: str | None = None,
           direction: str = "ago") -> dict:
    """"two years ago" -> the reference's year - 2; "a week ago" -> its week - 1;
    "a year earlier" / "three days later" -> the same, re-anchored to the date the article
    gave just before. "Several years ago" is PAST_REF."""
    gran = unit_of(ctx, unit)
    sign = -1 if direction.lower().split()[0] in _BACKWARD else 1
    # "months ago": a plural with no number says no number
    n = None if number is None and unit.lower().endswith("s") else amount(ctx, number)
    if n is None:
        return {"timex": "PAST_REF" if sign < 0 else "FUTURE_REF", "granularity": "vague"}
    # A date so many decades ago is a year; "a quarter ago" is the quarter before.
    target = {"decade": "year", "century": "year"}.get(gran, gran)
    steps = n * {"decade": 10, "century": 100}.get(gran, 1)
    shift_unit = "year" if gran in ("decade", "century") else gran
    if ctx.reference is None:
        out = {"timex": UNKNOWN[target], "granularity": _public(target)}
    else:
        d = timex.shift(ctx.reference, shift_unit, sign * steps)
        out = {"timex": timex.write(target, d), "granularity": _public(target)}
        if target == "day":
            out["_date"] = d
    mode = "ago" if direction.lower().startswith("ago") else "any"
    out["_anchor"] = {"unit": shift_unit, "n": sign * steps, "granularity": target, "mode": mode,
                      "reported": mode == "ago"}
    return out


@normalizer("deictic")
def deictic(ctx: NormContext, text: str) -> dict:
    """"today", "yesterday", "tomorrow", "tonight" (its night: TNI), "last night"."""
    v = ctx.lexicons["deictic-days"].get(text)
    if v is None:
        raise Reject(f"not a day word: {text!r}")
    days, _, part = v.partition(" ")
    if ctx.reference is None:
        return {"timex": "XXXX-XX-XX" + (f"T{part}" if part else ""),
                "granularity": "part_of_day" if part else "day"}
    d = ctx.reference + dt.timedelta(days=int(days))
    out = {"timex": d.isoformat(), "granularity": "day", "_date": d}
    if part:
        out.update(timex=f"{d.isoformat()}T{part}", granularity="part_of_day")
    return out


def _day_so_far(ctx: NormContext) -> str | None:
    """The day the rule's earlier steps found ("Monday" in "Monday morning"), else the
    reference date, else None."""
    t = ctx.value.get("timex")
    if t and len(t) >= 10 and t[4] == "-" and t[7] == "-" and "W" not in t:
        return t[:10]
    if t:
        return None
    return ctx.reference.isoformat() if ctx.reference else "XXXX-XX-XX"


@normalizer("part_of_day")
def part_of_day(ctx: NormContext, text: str) -> dict:
    """"Monday morning" -> 2025-12-08TMO; alone ("this morning") on the reference day."""
    code = ctx.lexicons["parts-of-day"].get(text)
    if code is None:
        raise Reject(f"not a part of the day: {text!r}")
    day = _day_so_far(ctx)
    if day is None:
        raise Reject("a part of the day needs a day")
    return {"timex": f"{day}T{code}", "granularity": "part_of_day"}


@normalizer("clock")
def clock(ctx: NormContext, hour: str | None = None, minute: str | None = None,
          meridiem: str | None = None, word: str | None = None) -> dict:
    """"10:35 a.m." -> T10:35 on the day the rule found or the reference day; "noon" ->
    T12:00, "midnight" -> T24:00 (the end of the day it names), "4 in the morning"."""
    if word:
        w = word.lower()
        h, mi = (12, 0) if w in ("noon", "midday") else (24, 0) if w == "midnight" else (None, 0)
        if h is None:
            raise Reject(f"not a time: {word!r}")
    else:
        if hour is None:
            raise Reject("no hour")
        h, mi = int(hour), int(minute) if minute else 0
        m = (meridiem or "").lower().replace(".", "").replace(" ", "")
        if m in ("pm", "evening", "afternoon", "night") and h < 12:
            h += 12
        elif m in ("am", "morning") and h == 12:
            h = 0
        if not (0 <= h <= 24 and 0 <= mi < 60):
            raise Reject(f"not a time: {hour}:{minute}")
    day = _day_so_far(ctx)
    if day is None:
        raise Reject("a time needs a day")
    return {"timex": f"{day}T{h:02d}:{mi:02d}", "granularity": "time"}


@normalizer("year_ago")
def year_ago(ctx: NormContext, text: str, period: str | None = None) -> dict:
    """"the year-earlier quarter", "year-ago": the period the article reports, a year
    before. Here the publication date's latest quarter (or year) a year back; the anchors
    pass moves it to the period the article named last."""
    quarterly = (period or "").lower() in ("quarter", "period")
    if ctx.reference is None:
        out = {"timex": UNKNOWN["quarter" if quarterly else "year"]}
    elif quarterly:
        d = timex.shift(timex.shift(ctx.reference, "quarter", -1), "year", -1)
        out = {"timex": timex.write("quarter", d)}
    else:
        out = {"timex": f"{ctx.reference.year - 1:04d}"}
    out["granularity"] = "quarter" if quarterly else "year"
    # "the year-ago quarter" leans on a quarter; "the same period" on the month, quarter or
    # half the article reports ("sales rose in February from the same period last year")
    want = {"quarter": ["quarter"], "period": ["month", "quarter", "half"]}
    out["_anchor"] = {"unit": "year", "n": -1, "mode": "any", "reported": True,
                      "want": want.get((period or "").lower()),
                      "near": {"month": 0}}  # a month only from the same sentence
    return out


@normalizer("period_in_year")
def period_in_year(ctx: NormContext, period: str, year: str | None = None,
                   relative: str | None = None) -> dict:
    """"the 1988 quarter", "the 1989 period", "last year's quarter": the period the article
    reports, in that year (the anchors pass finds it); without one, the year itself."""
    from claims.normalize.dates import parse_year

    if year:
        y: int | None = parse_year(year, ctx.lexicons)
    elif ctx.reference is not None:
        shift = ctx.lexicons["relative-words"].get(" ".join((relative or "this").lower().split()))
        if shift is None:
            raise Reject(f"unknown relative word {relative!r}")
        y = ctx.reference.year + int(shift)
    else:
        y = None
    out = {"timex": f"{y:04d}" if y is not None else "XXXX", "granularity": "year"}
    if y is not None:
        want = ["quarter"] if period.lower() == "quarter" else ["month", "quarter", "half"]
        out["_anchor"] = {"mode": "in_year", "year": y, "want": want, "unit": None, "n": 0}
    return out


# "the quarter", "that day": the period of that size the article named last. Without one,
# only "the quarter" has a reading of its own (the latest complete quarter).
_ANAPHOR_DEFAULT = {"quarter": -1}


@normalizer("anaphor")
def anaphor(ctx: NormContext, text: str, unit: str | None = None) -> dict:
    """"that year", "the same day", "the quarter", "the period": the period the article
    named last, found by the anchors pass. `unit` "period" takes any size."""
    u = (unit or "period").lower()
    if u == "period":
        gran = None
    else:
        gran = unit_of(ctx, u)
    out: dict
    latest = gran is None and any(w in text.lower() for w in ("latest", "recent"))
    if latest and ctx.reference is not None:  # "the latest period": the latest quarter
        out = period(ctx, "quarter", -1)
        required = False
    elif gran in _ANAPHOR_DEFAULT and ctx.reference is not None:
        out = period(ctx, gran, _ANAPHOR_DEFAULT[gran])
        required = False
    else:
        out = {"timex": UNKNOWN.get(gran or "day", "XXXX-XX-XX"),
               "granularity": _public(gran or "day")}
        required = True
    out["_anchor"] = {"unit": gran, "n": 0, "mode": "same", "required": required}
    return out


@normalizer("vague_ref")
def vague_ref(ctx: NormContext, past: str | None = None, future: str | None = None) -> dict:
    """"recently" -> PAST_REF, "in the near future" -> FUTURE_REF."""
    return {"timex": "PAST_REF" if past else "FUTURE_REF", "granularity": "vague"}
