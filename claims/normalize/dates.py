"""Dates and durations to TIMEX3 values, resolved against the reference (publication) date.

The engine never reads the clock: without a reference date, a year that is not written
stays unknown ("XXXX-12-12").

    >>> import datetime as dt
    >>> nearest_year(12, 12, dt.date(2025, 12, 1))
    2025
"""

from __future__ import annotations

import calendar
import datetime as dt

from claims.normalize.registry import NormContext, Reject, normalizer

_DURATION_UNITS = {"Y", "M", "W", "D", "H", "MIN", "S", "DE", "CE"}


def nearest_year(month: int, day: int | None, reference: dt.date) -> int:
    """The year that puts month/day closest to the reference date."""
    best, best_gap = reference.year, None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        d = min(day or 15, calendar.monthrange(year, month)[1])
        gap = abs((dt.date(year, month, d) - reference).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def parse_year(text: str) -> int:
    t = text.strip().lstrip("'\u2019")
    n = int(t)
    if len(t) == 2:  # '98
        n += 1900 if n > 30 else 2000
    return n


@normalizer("calendar_date")
def calendar_date(
    ctx: NormContext,
    month: str,
    day: str | None = None,
    year: str | None = None,
    weekday: str | None = None,
) -> dict:
    """"Dec 12" -> 2025-12-12 (the year nearest the reference), "October 2024" -> 2024-10.
    Impossible dates (Feb 29, 2023) keep their timex and are marked `_invalid`."""
    m = ctx.lexicons["months"].get(month.rstrip("."))
    if m is None:
        raise Reject(f"not a month: {month!r}")
    m = int(m)
    d = int(day) if day else None
    if d is not None and not 1 <= d <= 31:
        raise Reject(f"{d} is not a day of the month")
    if year:
        y: int | None = parse_year(year)
    elif ctx.reference:
        y = nearest_year(m, d, ctx.reference)
    else:
        y = None
    ystr = f"{y:04d}" if y is not None else "XXXX"
    out: dict = {"timex": f"{ystr}-{m:02d}" + (f"-{d:02d}" if d else ""),
                 "granularity": "day" if d else "month"}
    if d is not None:
        max_day = calendar.monthrange(y if y is not None else 2024, m)[1]
        if d > max_day:
            out["_invalid"] = f"{calendar.month_name[m]} has {max_day} days" + (
                f" in {y}" if y is not None and m == 2 else "")
        elif y is not None:
            out["_date"] = dt.date(y, m, d)
    if weekday:
        out["weekday"] = weekday_name(ctx, weekday)
    out["_year_written"] = bool(year)
    return out


@normalizer("date_part")
def date_part(ctx: NormContext, text: str | None = None) -> dict:
    """"early" -> START, "mid" -> MID, "late" -> END."""
    if not text:
        return {}
    mod = ctx.lexicons["date-parts"].get(text.rstrip("-"))
    if mod is None:
        raise Reject(f"unknown part {text!r}")
    return {"mod": mod}


@normalizer("year")
def year(ctx: NormContext, text: str) -> dict:
    """A year on its own: "in 2019" -> 2019."""
    y = parse_year(text)
    if not 1000 <= y <= 2200:
        raise Reject(f"{y} is not a plausible year")
    return {"timex": f"{y:04d}", "granularity": "year"}


def weekday_name(ctx: NormContext, text: str) -> str:
    n = ctx.lexicons["weekdays"].get(text.rstrip("."))
    if n is None:
        raise Reject(f"not a weekday: {text!r}")
    return calendar.day_name[int(n)]


@normalizer("weekday")
def weekday(ctx: NormContext, text: str, direction: str | None = None) -> dict:
    """"on Tuesday" -> the Tuesday of the reference week that news means: the last one on or
    before the reference date, or the next one after "next"/"this coming"."""
    n = ctx.lexicons["weekdays"].get(text.rstrip("."))
    if n is None:
        raise Reject(f"not a weekday: {text!r}")
    n = int(n)
    if ctx.reference is None:
        return {"timex": f"XXXX-WXX-{n + 1}", "granularity": "day"}
    ref = ctx.reference
    if direction and direction.lower() in ("next", "coming", "this coming"):
        delta = (n - ref.weekday()) % 7 or 7
    else:
        delta = -((ref.weekday() - n) % 7)
    day = ref + dt.timedelta(days=delta)
    return {"timex": day.isoformat(), "granularity": "day", "weekday": calendar.day_name[n],
            "_date": day}


@normalizer("duration")
def duration(ctx: NormContext, number: str, unit: str) -> dict:
    """"one-year" -> P1Y, "three decades" -> P30Y, "90 minutes" -> PT90M."""
    from claims.normalize.numbers import parse_number, tidy

    code = ctx.lexicons["duration-units"].get(unit)
    if code is None:
        raise Reject(f"unknown duration unit {unit!r}")
    n = parse_number(number, ctx.lexicons)
    if code == "DE":
        n, code = n * 10, "Y"
    elif code == "CE":
        n, code = n * 100, "Y"
    n = tidy(n)
    if code in ("H", "MIN", "S"):
        return {"timex": f"PT{n}{'M' if code == 'MIN' else code}"}
    return {"timex": f"P{n}{code}"}
