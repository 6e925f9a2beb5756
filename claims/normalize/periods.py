"""Periods longer than a month: quarters, halves, seasons, decades and centuries.

A period named without its year is the one news means: the latest that has begun by the
reference date ("the fourth quarter" in February is last year's, in October this year's);
a season, the nearest one.

    >>> import datetime as dt
    >>> from claims.rulebook import builtin_lexicons
    >>> ctx = NormContext(builtin_lexicons(), dt.date(1998, 1, 26), 0.1)
    >>> quarter(ctx, "fourth")["timex"]
    '1997-Q4'
"""

from __future__ import annotations

import datetime as dt

from claims.normalize import timex
from claims.normalize.dates import parse_year
from claims.normalize.registry import NormContext, Reject, normalizer


def _ordinal(ctx: NormContext, text: str, highest: int) -> int:
    t = text.lower().strip().lstrip("q").rstrip("q")
    digits = t.rstrip("stndrh")
    if digits.isdigit():
        n = int(digits)
    elif t in ("last", "final"):
        n = highest
    else:
        v = ctx.lexicons["ordinals"].get(t)
        if v is None:
            raise Reject(f"not an ordinal: {text!r}")
        n = int(v)
    if not 1 <= n <= highest:
        raise Reject(f"there is no period number {n}")
    return n


def _year_shift(relative: str | None) -> int | None:
    """"last year's" / "year-ago" / "year-earlier" -> -1, "next year's" -> +1,
    "this year's" -> 0; None when nothing is said."""
    if not relative:
        return None
    r = relative.lower()
    if any(w in r for w in ("last", "ago", "earlier", "previous", "prior")):
        return -1
    if any(w in r for w in ("next", "coming", "following")):
        return 1
    return 0


def _part_of_year(ctx, n: int, size: int, gran: str, year, relative) -> dict:
    """Quarter or half number `n` (of 12/size per year)."""
    ref = ctx.reference
    if year:
        y: int | None = parse_year(year, ctx.lexicons)
    elif ref is None:
        return {"timex": f"XXXX-{'Q' if gran == 'quarter' else 'H'}{n}", "granularity": gran}
    else:
        current = (ref.month - 1) // size + 1
        y = ref.year if n <= current else ref.year - 1
        shift = _year_shift(relative)
        if shift is not None:
            y = ref.year + shift if "year's" in relative.lower() else y + shift
    return {"timex": timex.write(gran, dt.date(y, size * n - size + 1, 1)), "granularity": gran}


@normalizer("quarter")
def quarter(ctx: NormContext, ordinal: str, year: str | None = None,
            relative: str | None = None) -> dict:
    """"the third quarter" -> 1989-Q3 (the latest third quarter by the reference),
    "Q4 2024" -> 2024-Q4, "next year's first quarter" -> 1990-Q1, "the year-ago third
    quarter" -> 1988-Q3."""
    return _part_of_year(ctx, _ordinal(ctx, ordinal, 4), 3, "quarter", year, relative)


@normalizer("half")
def half(ctx: NormContext, ordinal: str, year: str | None = None,
         relative: str | None = None) -> dict:
    """"the first half" -> 2025-H1, "the second half of 1989" -> 1989-H2."""
    return _part_of_year(ctx, _ordinal(ctx, ordinal, 2), 6, "half", year, relative)


@normalizer("season")
def season(ctx: NormContext, name: str, year: str | None = None,
           relative: str | None = None) -> dict:
    """"this summer" -> 1998-SU, "last fall" -> the latest fall before the reference's
    season, "the winter of 1994" -> 1994-WI (a winter is the year it starts in)."""
    code = ctx.lexicons["seasons"].get(name)
    if code is None:
        raise Reject(f"not a season: {name!r}")
    if year:
        return {"timex": f"{parse_year(year, ctx.lexicons):04d}-{code}", "granularity": "season"}
    ref = ctx.reference
    if ref is None:
        return {"timex": f"XXXX-{code}", "granularity": "season"}
    first = timex.SEASONS[code]
    starts = [dt.date(y, first, 1) for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)]
    current = timex.read(timex.write("season", ref))[1]
    step = 0
    if relative:
        word = " ".join(relative.lower().split()).replace("this past", "last")
        step = int(ctx.lexicons["relative-words"].get(word, 0))
    if step < 0:
        start = max(s for s in starts if s < current)
    elif step > 0:
        start = min(s for s in starts if s > current)
    else:  # the nearest: its middle closest to the reference
        start = min(starts, key=lambda s: abs((timex.add_months(s, 1) + dt.timedelta(days=14)
                                               - ref).days))
    return {"timex": timex.write("season", start), "granularity": "season"}


@normalizer("decade")
def decade(ctx: NormContext, text: str) -> dict:
    """"the 1990s" -> 199, "the '80s" -> 198, "the sixties" -> 196 (the latest such decade
    by the reference)."""
    t = text.lower().replace("\u2019", "'").lstrip("'").rstrip("s").rstrip("'")
    if t.isdigit() and len(t) == 4:
        return {"timex": t[:3], "granularity": "decade"}
    if t.isdigit() and len(t) == 2:
        tens = int(t)
    else:
        v = ctx.lexicons["number-words"].get(t[:-2] + "y" if t.endswith("ie") else t)
        if v is None or int(v) % 10 or not 10 <= int(v) <= 90:
            raise Reject(f"not a decade: {text!r}")
        tens = int(v)
    if tens % 10:
        raise Reject(f"not a decade: {text!r}")
    ref_year = ctx.reference.year if ctx.reference else None
    if ref_year is None:
        return {"timex": f"XX{tens // 10}", "granularity": "decade"}
    century = ref_year // 100 * 100
    y = century + tens if century + tens <= ref_year else century - 100 + tens
    return {"timex": f"{y // 10:03d}", "granularity": "decade"}


@normalizer("century")
def century(ctx: NormContext, ordinal: str | None = None, direction: str | None = None) -> dict:
    """"the 20th century" -> 19, "the 11th century" -> 10, "this century" -> the
    reference's."""
    if ordinal:
        n = _ordinal(ctx, ordinal, 30)
        return {"timex": f"{n - 1:02d}", "granularity": "century"}
    if ctx.reference is None:
        return {"timex": "XX", "granularity": "century"}
    return {"timex": f"{ctx.reference.year // 100:02d}", "granularity": "century"}


@normalizer("period_ending")
def period_ending(ctx: NormContext, unit: str, month: str, day: str, year: str | None = None,
                  verb: str | None = None, ordinal: str | None = None) -> dict:
    """"the quarter ended Sept. 30" -> the quarter containing Sept. 30; "the year ending
    June 30, 1990" -> 1990 (a fiscal year is named by the year it ends in); "the fourth
    quarter ended Sept. 30" -> 1989-Q4 (a fiscal quarter keeps its number)."""
    from claims.normalize.dates import _day_number

    m = ctx.lexicons["months"].get(month.rstrip("."))
    if m is None:
        raise Reject(f"not a month: {month!r}")
    m, d = int(m), _day_number(ctx, day)
    ref = ctx.reference
    if year:
        y = parse_year(year, ctx.lexicons)
    elif ref is None:
        return {"timex": "XXXX", "granularity": "year"}
    elif (verb or "").lower() == "ended":  # the latest such day on or before the reference
        y = ref.year if (m, d) <= (ref.month, ref.day) else ref.year - 1
    else:
        from claims.normalize.dates import nearest_year

        y = nearest_year(m, d, ref)
    try:
        end = dt.date(y, m, d)
    except ValueError as exc:
        raise Reject(str(exc)) from None
    gran = {"quarter": "quarter", "half": "half"}.get(unit.lower(), "year")
    if ordinal and gran in ("quarter", "half"):
        n = _ordinal(ctx, ordinal, 4 if gran == "quarter" else 2)
        return {"timex": f"{end.year:04d}-{'Q' if gran == 'quarter' else 'H'}{n}",
                "granularity": gran}
    if unit.lower() == "period":  # a period ending on a quarter's last day is that quarter
        gran = "quarter" if m % 3 == 0 else "month"
    return {"timex": timex.write(gran, end), "granularity": gran}


@normalizer("containing")
def containing(ctx: NormContext, unit: str) -> dict:
    """The period of `unit` around the date the rule's earlier steps found: "the week of
    March 6" -> 2000-W10, "Easter week"."""
    gran = ctx.lexicons["calendar-units"].get(unit)
    found = timex.read(ctx.value.get("timex", ""))
    if gran is None or found is None:
        raise Reject(f"no {unit!r} around {ctx.value.get('timex')!r}")
    return {"timex": timex.write(gran, found[1]), "granularity": "week" if gran == "weekend" else gran}
