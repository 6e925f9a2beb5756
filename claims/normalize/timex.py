"""TIMEX3 values as periods of the calendar: write them, shift them, read them back.

A period is a granularity and any day inside it. That is enough to write its TIMEX3 value
and to move it: "last week" is the reference's week shifted by -1, "a year earlier" the
quarter just mentioned shifted by a year.

    >>> import datetime as dt
    >>> write("week", dt.date(1998, 3, 1))
    '1998-W09'
    >>> write("quarter", shift(dt.date(1989, 8, 15), "year", -1))
    '1988-Q3'
    >>> read("1989-Q3")
    ('quarter', datetime.date(1989, 7, 1))
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

# TIMEX3 season codes by the month a season starts in (meteorological seasons).
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                    6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}
PARTS_OF_DAY = ("MO", "AF", "EV", "NI")


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return d.replace(year=year, month=month, day=min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """Move a day by n units: day, week, weekend, month, quarter, half, season, year,
    decade, century."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120,
              "century": 1200}.get(unit)
    if months is None:
        raise ValueError(f"cannot shift by {unit!r}")
    if unit == "season":  # seasons are not aligned to quarters: land on the season's month
        return add_months(d, 3 * n)
    return add_months(d, months * n)


def write(granularity: str, d: dt.date) -> str:
    """The TIMEX3 value of the period of `granularity` that contains `d`."""
    if granularity == "day":
        return d.isoformat()
    if granularity in ("week", "weekend"):
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if granularity == "weekend" else "")
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if granularity == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if granularity == "season":
        code = _SEASON_OF_MONTH[d.month]
        # Winter belongs to the year it starts in: January 1999 is in the winter of 1998.
        year = d.year - 1 if code == "WI" and d.month < 12 else d.year
        return f"{year:04d}-{code}"
    if granularity == "year":
        return f"{d.year:04d}"
    if granularity == "decade":
        return f"{d.year // 10:03d}"
    if granularity == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(f"no TIMEX3 form for {granularity!r}")


def start_of(granularity: str, d: dt.date) -> dt.date:
    """The first day of the period containing `d`."""
    if granularity in ("week", "weekend"):
        return d - dt.timedelta(days=d.weekday())
    if granularity == "month":
        return d.replace(day=1)
    if granularity == "quarter":
        return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if granularity == "half":
        return dt.date(d.year, 1 if d.month <= 6 else 7, 1)
    if granularity == "year":
        return dt.date(d.year, 1, 1)
    return d


_READERS = (
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?$"), "day"),
    (re.compile(r"(\d{4})-W(\d\d)-WE$"), "weekend"),
    (re.compile(r"(\d{4})-W(\d\d)$"), "week"),
    (re.compile(r"(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"(\d{4})-H([12])$"), "half"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"(\d{4})-(\d\d)$"), "month"),
    (re.compile(r"(\d{4})$"), "year"),
    (re.compile(r"(\d{3})$"), "decade"),
    (re.compile(r"(\d{2})$"), "century"),
)


def read(timex: str) -> tuple[str, dt.date] | None:
    """The granularity and first day of a TIMEX3 date value we wrote; None for values with
    unknown parts ("XXXX-12-12") and references ("PRESENT_REF")."""
    for pattern, gran in _READERS:
        m = pattern.match(timex)
        if not m:
            continue
        a = int(m.group(1))
        try:
            if gran == "day":
                return gran, dt.date(a, int(m.group(2)), int(m.group(3)))
            if gran in ("week", "weekend"):
                return gran, dt.date.fromisocalendar(a, int(m.group(2)), 1)
            if gran == "quarter":
                return gran, dt.date(a, 3 * int(m.group(2)) - 2, 1)
            if gran == "half":
                return gran, dt.date(a, 6 * int(m.group(2)) - 5, 1)
            if gran == "season":
                return gran, dt.date(a, SEASONS[m.group(2)], 1)
            if gran == "month":
                return gran, dt.date(a, int(m.group(2)), 1)
            if gran == "year":
                return gran, dt.date(a, 1, 1)
            if gran == "decade":
                return gran, dt.date(a * 10, 1, 1)
            return gran, dt.date(max(a * 100, 1), 1, 1)
        except ValueError:
            return None
    return None
