"""Calendar dates, years, weekdays and holidays to TIMEX3 values, resolved against the
reference (publication) date.

The engine never reads the clock: without a reference date, a year that is not written
stays unknown ("XXXX-12-12").

    >>> import datetime as dt
    >>> nearest_year(12, 12, dt.date(2025, 12, 1))
    2025
    >>> nearest_year(4, None, dt.date(1989, 10, 26))  # "in April": the April just gone
    1989
"""

from __future__ import annotations

import calendar
import datetime as dt

import regex

from claims.normalize.registry import NormContext, Reject, normalizer
from claims.normalize.tense import FUTURE, NONE, PAST, tense


# A month named without its year lies in the window news writes about: from 7 months
# before the reference month to 4 months after it. News looks back more often than ahead
# (measured on TimeBank and AQUAINT: 71 of 80 bare months, against 64 for the nearest).
_MONTHS_BACK, _MONTHS_AHEAD = 7, 4


def nearest_year(month: int, day: int | None, reference: dt.date) -> int:
    """The year of a month (and day) written without one: the one inside the window from
    7 months before the reference month to 4 months after it."""
    for year in (reference.year - 1, reference.year, reference.year + 1):
        diff = (year - reference.year) * 12 + month - reference.month
        if -_MONTHS_BACK <= diff <= _MONTHS_AHEAD:
            return year
    return reference.year  # unreachable: the window spans 12 months


def parse_year(text: str, lexicons=None) -> int:
    """"1998", "'98", and with the number lexicons "nineteen ninety-four", "two thousand"."""
    t = text.strip().lstrip("'\u2019")
    if not t.isdigit():
        return _year_in_words(t, lexicons)
    n = int(t)
    if len(t) == 2:  # '98
        n += 1900 if n > 30 else 2000
    return n


def _year_in_words(text: str, lexicons) -> int:
    from claims.normalize.numbers import parse_number

    if lexicons is None:
        raise Reject(f"not a year: {text!r}")
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        return int(parse_number(text, lexicons))
    century = int(parse_number(words[0], lexicons))
    rest = [w for w in words[1:] if w != "oh"]
    tail = 0 if rest == ["hundred"] else int(parse_number(" ".join(rest), lexicons))
    return century * 100 + tail


def relative_year(ctx: NormContext, month: int, relative: str) -> int | None:
    """The year of a month named relative to the reference: "last April" is the latest
    April before the reference's month, "next March" the first after it, "this June" and
    "June this year" the reference's own; "July last year" the year before."""
    ref = ctx.reference
    if ref is None:
        return None
    words = " ".join(relative.lower().split())
    if words.endswith("year"):  # last year, this year, next year
        n = ctx.lexicons["relative-words"].get(words[: -len("year")].strip())
        if n is None:
            raise Reject(f"unknown relative year {relative!r}")
        return ref.year + int(n)
    n = ctx.lexicons["relative-words"].get(words.replace("this past", "last"))
    if n is None:
        raise Reject(f"unknown relative word {relative!r}")
    n = int(n)
    if n < 0:
        return ref.year if month < ref.month else ref.year - 1
    if n > 0:
        return ref.year if month > ref.month else ref.year + 1
    return ref.year


@normalizer("calendar_date")
def calendar_date(
    ctx: NormContext,
    month: str,
    day: str | None = None,
    year: str | None = None,
    weekday: str | None = None,
    relative: str | None = None,
) -> dict:
    """"Dec 12" -> 2025-12-12 (the year nearest the reference), "October 2024" -> 2024-10,
    "last April" -> the latest April before the reference. Impossible dates (Feb 29, 2023)
    keep their timex and are marked `_invalid`."""
    m = ctx.lexicons["months"].get(month.rstrip("."))
    if m is None:
        raise Reject(f"not a month: {month!r}")
    m = int(m)
    d = _day_number(ctx, day) if day else None
    if d is not None and not 1 <= d <= 31:
        raise Reject(f"{d} is not a day of the month")
    if year:
        y: int | None = parse_year(year, ctx.lexicons)
    elif relative:
        y = relative_year(ctx, m, relative)
    elif ctx.reference:
        y = nearest_year(m, d, ctx.reference)
        start, end = _extent(ctx)
        ref = ctx.reference
        when = tense(ctx.text, start, end) if ctx.text else NONE
        if ctx.text and looks_back(ctx.text, start):
            y = ref.year if (m, d or 1) <= (ref.month, ref.day) else ref.year - 1
        elif when == PAST:  # by the month: "On Nov. 9 it said" may be a week ahead
            y = ref.year if m <= ref.month else ref.year - 1
        elif when == FUTURE:
            y = ref.year if m >= ref.month else ref.year + 1
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


def _day_number(ctx: NormContext, text: str) -> int:
    """"12", "12th", "twelfth", "eighth"."""
    t = text.strip().lower()
    digits = t.rstrip("stndrh")
    if digits.isdigit():
        return int(digits)
    v = ctx.lexicons["ordinals"].get(t)
    if v is None:
        raise Reject(f"not a day of the month: {text!r}")
    return int(v)


@normalizer("date_part")
def date_part(ctx: NormContext, text: str | None = None) -> dict:
    """"early" -> START, "mid" -> MID, "late" -> END."""
    if not text:
        return {}
    mod = ctx.lexicons["date-parts"].get(text.rstrip("-").strip())
    if mod is None:
        raise Reject(f"unknown part {text!r}")
    return {"mod": mod}


@normalizer("year")
def year(ctx: NormContext, text: str) -> dict:
    """A year on its own: "in 2019" -> 2019, "fiscal '98" -> 1998."""
    y = parse_year(text, ctx.lexicons)
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
    """"on Tuesday" -> the Tuesday news means: the last one on or before the reference
    date; "last Tuesday" the last one before it; "next Tuesday" and "this coming Tuesday"
    the first one after it; "will meet Tuesday" the first one on or after it (see tense);
    "the previous Friday" the one before the day the article gave last (see anchors)."""
    n = ctx.lexicons["weekdays"].get(text.rstrip("."))
    if n is None:
        raise Reject(f"not a weekday: {text!r}")
    n = int(n)
    if ctx.reference is None:
        return {"timex": f"XXXX-WXX-{n + 1}", "granularity": "day"}
    ref = ctx.reference
    step = 0
    word = None
    if direction:
        word = " ".join(direction.lower().split()).removeprefix("the ")
        step = int(ctx.lexicons["relative-words"].get(word, 0))
    elif "text" in ctx.spans and tense(ctx.text, *ctx.spans["text"]) == FUTURE:
        step = 1
    if step > 0 and not direction:  # a plan: today, or the coming one
        delta = (n - ref.weekday()) % 7
    elif step > 0:
        delta = (n - ref.weekday()) % 7 or 7
    elif step < 0:
        delta = -((ref.weekday() - n) % 7 or 7)
    else:
        delta = -((ref.weekday() - n) % 7)
    day = ref + dt.timedelta(days=delta)
    out = {"timex": day.isoformat(), "granularity": "day", "weekday": calendar.day_name[n],
           "_date": day}
    if word in _ANAPHORIC:  # "the previous Friday": before the day the article gave last
        out["_anchor"] = {"mode": "weekday", "weekday": n, "n": step, "want": "day"}
    return out


# Directions that count from the date the article gave last, not from publication.
_ANAPHORIC = ("previous", "preceding", "following")


# Words right before a date that put it in the past: "the year ended Jan. 31", "since May 5".
_PAST_BEFORE = regex.compile(
    r"\b(?:ended|since|began|started|expired|took\s+place|was\s+held|were\s+held)\s+(?:on\s+)?$",
    regex.I)


def looks_back(text: str, start: int, window: int = 40) -> bool:
    """Whether the words right before `start` put a date in the past ("ended Jan. 31")."""
    return bool(_PAST_BEFORE.search(text[max(0, start - window) : start]))


def _extent(ctx: NormContext) -> tuple[int, int]:
    """Where the groups this step reads start and end in the text."""
    spans = [s for s in ctx.spans.values() if s and s[0] >= 0]
    if not spans:
        return 0, 0
    return min(s[0] for s in spans), max(s[1] for s in spans)


@normalizer("holiday")
def holiday(ctx: NormContext, name: str, year: str | None = None) -> dict:
    """"Christmas" -> 2025-12-25, "Thanksgiving 1998" -> 1998-11-26, "Easter" ->
    the Easter nearest the reference."""
    rule = ctx.lexicons["holidays"].get(name)
    if rule is None:
        raise Reject(f"unknown holiday {name!r}")
    if year:
        return _holiday(rule, parse_year(year))
    if ctx.reference is None:
        if rule[:2].isdigit() and "/" not in rule:
            return {"timex": f"XXXX-{rule}", "granularity": "day"}
        raise Reject("a movable holiday needs a year")
    ref = ctx.reference
    candidates = [_holiday(rule, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    return min(candidates, key=lambda v: abs((v["_date"] - ref).days))


def _holiday(rule: str, y: int) -> dict:
    if rule.startswith("easter"):
        d = easter(y) + dt.timedelta(days=int(rule[len("easter"):] or 0))
    else:
        md, _, wd = rule.partition("/")
        month, day = (int(x) for x in md.split("-"))
        d = dt.date(y, month, day)
        if wd:
            d += dt.timedelta(days=(list(calendar.day_name).index(wd) - d.weekday()) % 7)
    return {"timex": d.isoformat(), "granularity": "day", "_date": d}


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
