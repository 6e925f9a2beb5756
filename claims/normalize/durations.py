"""Lengths of time and frequencies to TIMEX3 durations.

    >>> from claims.rulebook import builtin_lexicons
    >>> ctx = NormContext(builtin_lexicons(), None, 0.1)
    >>> duration(ctx, "decades", "three")["timex"]
    'P30Y'
    >>> duration(ctx, "minute", "a", fraction="and a half")["timex"]
    'PT1M30S'
    >>> frequency(ctx, word="weekly")
    {'timex': 'P1W', 'set': True}
"""

from __future__ import annotations

from fractions import Fraction

import regex

from claims.normalize.numbers import parse_number, tidy
from claims.normalize.registry import NormContext, Reject, normalizer

# TIMEX3 letters, whether they sit after the T, and the next smaller unit with how many of
# it make one (to write "2 1/2 years" as P2Y6M).
_TIME_UNITS = {"H", "MIN", "S"}
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
            "MIN": ("S", 60), "Q": ("M", 3)}
# Units TIMEX3 writes as years: decades, centuries, millennia.
_YEARS = {"DE": 10, "CE": 100, "ML": 1000}
_MIXED = regex.compile(r"^\s*(\d+)[\s-]+(\d+)\s*/\s*(\d+)\s*$")  # 2 1/2
_QUALIFIER_MOD = {"more_than": "MORE_THAN", "at_least": "EQUAL_OR_MORE",
                  "less_than": "LESS_THAN", "at_most": "EQUAL_OR_LESS", "up_to": "EQUAL_OR_LESS",
                  "about": "APPROX", "nearly": "APPROX"}

_CODE = regex.compile(r"(\d*)(\w+)$")  # "2W": a fortnight


def unit_code(ctx: NormContext, text: str) -> tuple[str, int]:
    """"weeks" -> ("W", 1), "fortnight" -> ("W", 2), "decade" -> ("Y", 10)."""
    code = ctx.lexicons["duration-units"].get(text)
    if code is None:
        raise Reject(f"unknown duration unit {text!r}")
    m = _CODE.match(code)
    times = int(m.group(1) or 1)
    letter = m.group(2)
    if letter in _YEARS:
        return "Y", times * _YEARS[letter]
    return letter, times


def how_many(ctx: NormContext, text: str | None, fraction: str | None = None) -> Fraction | None:
    """"two" -> 2, "2 1/2" -> 5/2, "a ... and a half" -> 3/2, "half a" -> 1/2; None for
    "several", "a few"."""
    if text:
        vague = ctx.lexicons["vague-counts"].get(text)
        if vague == "X":
            return None
        if vague is not None:
            n = Fraction(int(vague))
        elif m := _MIXED.match(text):
            n = int(m.group(1)) + Fraction(int(m.group(2)), int(m.group(3)))
        else:
            n = Fraction(str(parse_number(text, ctx.lexicons)))
    else:
        n = Fraction(0) if fraction else Fraction(1)
    if fraction:
        n += Fraction(1, 2) if "half" in fraction.lower() else Fraction(1, 4)
    return n


def write_duration(n: Fraction | None, letter: str) -> str:
    """P2Y6M for 2 1/2 years; PT1M30S for a minute and a half; PXY when unknown."""
    t = "T" if letter in _TIME_UNITS else ""
    out = "M" if letter == "MIN" else letter
    if n is None:
        return f"P{t}X{out}"
    whole = int(n)
    rest = n - whole
    if rest and letter in _SMALLER:
        small, per = _SMALLER[letter]
        sub = rest * per
        if sub.denominator == 1:
            small_out = "M" if small == "MIN" else small
            head = f"{whole}{out}" if whole else ""
            if small in _TIME_UNITS and not t:  # P1DT12H
                return f"P{head}T{sub.numerator}{small_out}"
            if letter == "Q":  # quarters become months altogether
                return f"P{whole * 3 + sub.numerator}M"
            return f"P{t}{head}{sub.numerator}{small_out}"
    return f"P{t}{tidy(float(n))}{out}"


@normalizer("duration")
def duration(ctx: NormContext, unit: str, number: str | None = None,
             fraction: str | None = None, qualifier: str | None = None) -> dict:
    """"one-year" -> P1Y, "three decades" -> P30Y, "90 minutes" -> PT90M, "2 1/2 years" ->
    P2Y6M, "several weeks" -> PXW, "more than four hours" -> PT4H with mod MORE_THAN."""
    letter, times = unit_code(ctx, unit)
    # "for years", "decades-long": a plural with no number says no number
    vague = number is None and not fraction and unit.lower().endswith("s")
    n = None if vague else how_many(ctx, number, fraction)
    if n is not None:
        n *= times
        if n <= 0:
            raise Reject("a duration of nothing")
    elif times > 1 and letter == "Y":  # "decades": X decades cannot be written in years
        letter = {10: "DE", 100: "CE", 1000: "ML"}[times]
    out: dict = {"timex": write_duration(n, letter), "set": False}
    if qualifier:
        q = ctx.lexicons["qualifiers"].get(qualifier)
        out["mod"] = _QUALIFIER_MOD.get(q)
    return out


@normalizer("frequency")
def frequency(ctx: NormContext, word: str | None = None, unit: str | None = None,
              number: str | None = None) -> dict:
    """"weekly" -> P1W, "every two years" -> P2Y, "each quarter" -> P1Q, all with
    `set: true`."""
    if word:
        code = ctx.lexicons["frequencies"].get(word)
        if code is None:
            raise Reject(f"not a frequency: {word!r}")
        return {"timex": code, "set": True}
    if not unit:
        raise Reject("a frequency needs a unit")
    letter, times = unit_code(ctx, unit)
    n = how_many(ctx, number) if number else Fraction(1)
    if n is not None:
        n *= times
    return {"timex": write_duration(n, letter), "set": True}


@normalizer("recurring_day")
def recurring_day(ctx: NormContext, weekday: str | None = None, month: str | None = None,
                  part: str | None = None) -> dict:
    """"every Thursday" -> XXXX-WXX-4, "Tuesday nights" -> XXXX-WXX-2TNI, "each July" ->
    XXXX-07: the days a thing recurs on, with `set: true`."""
    if weekday:
        n = ctx.lexicons["weekdays"].get(weekday.rstrip(".").rstrip("s"))
        if n is None:
            raise Reject(f"not a weekday: {weekday!r}")
        value = f"XXXX-WXX-{int(n) + 1}"
    elif month:
        n = ctx.lexicons["months"].get(month.rstrip("."))
        if n is None:
            raise Reject(f"not a month: {month!r}")
        value = f"XXXX-{int(n):02d}"
    else:
        raise Reject("a recurring day needs a weekday or a month")
    if part:
        code = ctx.lexicons["parts-of-day"].get(part)
        if code is None:
            raise Reject(f"not a part of the day: {part!r}")
        value += f"T{code}"
    return {"timex": value, "set": True}
