"""Figures as intervals with rounding: when can two stated figures be the same value?

A stated figure stands for every value its words allow, widened by the rounding its digits
imply. It is wrong against another figure only when no value of one could be the other:

    >>> span_of(value=91, qualifier="exact").overlaps(span_of(value=90, qualifier="more_than"))
    True
    >>> span_of(value=70, qualifier="about", lower=63, upper=77).overlaps(
    ...     span_of(value=90, qualifier="more_than"))
    False
    >>> span_of(value=1_500_000, text="1.5 million").overlaps(span_of(value=1_523_000))
    True

Rounding: "1.5 million" is any value that rounds to 1.5 million, [1.45m, 1.55m]; "4.25" is
[4.245, 4.255]; an integer's trailing zeros may be rounding too, but they are ambiguous, so
they widen by at most 5% ("1,300 pounds" is [1,250, 1,350], "90" is [85.5, 94.5], "10" is
[9.5, 10.5]); a spelled small number ("eight") is exact to the unit.

Qualifiers bound the true value, they are not rounded: "more than 90" is (90, inf).
"about 70" keeps the slack its rule declares (lower/upper in the value) and at least its
rounding. Intervals also support the arithmetic the checks need (a percentage change from
two endpoints), each operation returning the hull of every value the inputs allow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import regex

INF = math.inf

_DIGITS = regex.compile(r"\d[\d,]*(?:\.(\d+))?")


@dataclass(frozen=True, slots=True)
class Span:
    """A closed-or-open interval of values; `lo_open`/`hi_open` make an end strict."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def overlaps(self, other: "Span") -> bool:
        lo, lo_open = (self.lo, self.lo_open) if self.lo > other.lo or (
            self.lo == other.lo and self.lo_open) else (other.lo, other.lo_open)
        hi, hi_open = (self.hi, self.hi_open) if self.hi < other.hi or (
            self.hi == other.hi and self.hi_open) else (other.hi, other.hi_open)
        if lo < hi:
            return True
        return lo == hi and not lo_open and not hi_open and math.isfinite(lo)

    def contains(self, x: float) -> bool:
        if x < self.lo or (x == self.lo and self.lo_open):
            return False
        if x > self.hi or (x == self.hi and self.hi_open):
            return False
        return True

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.lo) and math.isfinite(self.hi)

    @property
    def mid(self) -> float:
        if self.bounded:
            return (self.lo + self.hi) / 2
        return self.lo if math.isfinite(self.lo) else self.hi

    def definitely_above(self, other: "Span") -> bool:
        """Every value of self is greater than every value of other."""
        return self.lo > other.hi or (self.lo == other.hi and (self.lo_open or other.hi_open))

    def definitely_below(self, other: "Span") -> bool:
        return other.definitely_above(self)

    # Interval arithmetic, closed hulls (open ends only matter at comparison time).
    def __add__(self, other: "Span") -> "Span":
        return Span(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: "Span") -> "Span":
        return Span(self.lo - other.hi, self.hi - other.lo)

    def __mul__(self, other: "Span") -> "Span":
        products = [_mul(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Span(min(products), max(products))

    def __truediv__(self, other: "Span") -> "Span":
        if other.lo <= 0 <= other.hi:
            return Span(-INF, INF)
        return self * Span(1 / other.hi, 1 / other.lo)

    def scale(self, k: float) -> "Span":
        a, b = self.lo * k, self.hi * k
        return Span(min(a, b), max(a, b), self.lo_open, self.hi_open)

    def widen(self, rel: float = 0.0, abs_: float = 0.0) -> "Span":
        """Slack for what is outside the words (a conversion factor, an intraday base)."""
        d_lo = abs(self.lo) * rel + abs_ if math.isfinite(self.lo) else 0
        d_hi = abs(self.hi) * rel + abs_ if math.isfinite(self.hi) else 0
        return Span(self.lo - d_lo, self.hi + d_hi, self.lo_open, self.hi_open)


def _mul(a: float, b: float) -> float:
    if (a == 0 and math.isinf(b)) or (b == 0 and math.isinf(a)):
        return 0.0
    return a * b


def precision(value: float, text: str | None = None) -> float:
    """The unit of the last significant digit a figure was written with.

    "1.5 million" -> 100,000; "4.25" -> 0.01; "1,300" -> 100; "eight" -> 1; "ninety" -> 10.
    Without the text (a range end), the value's own digits say it: 1500000 -> 100,000.
    """
    return _rounding(value, text)[0]


def _rounding(value: float, text: str | None) -> tuple[float, float]:
    """(unit of the last significant digit, unit of the last written digit): "1,300" ->
    (100, 1); "1.5 million" -> (100,000, 100,000); "4.25" -> (0.01, 0.01)."""
    if text:
        m = _DIGITS.search(text)
        if m:
            digits = m.group(0).replace(",", "")
            number = float(digits)
            if number and value:
                scale = abs(value) / number  # "1.5 million" -> 1e6
                decimals = m.group(1)
                if decimals:
                    unit = scale * 10 ** -len(decimals)
                    return unit, unit
                return scale * _integer_unit(int(number)), scale
    # Spelled numbers ("eight", "ninety", "two million") and range ends: the value's digits.
    unit = _value_unit(value)
    return unit, (1.0 if unit >= 1 else unit)


def _integer_unit(n: int) -> float:
    """1300 -> 100, 90 -> 10, 7 -> 1, 0 -> 1."""
    n = abs(n)
    if n == 0:
        return 1.0
    unit = 1
    while n % 10 == 0:
        n //= 10
        unit *= 10
    return float(unit)


def _value_unit(value: float) -> float:
    if value == int(value):
        return _integer_unit(int(value))
    text = f"{abs(value):.10f}".rstrip("0")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 10.0 ** -decimals


# Trailing zeros are ambiguous ("10 miles" may be exact or rounded to the ten): they widen
# a figure by at most this share of its value, and at least half its last written digit.
TRAILING_ZERO_CAP = 0.05


def half_width(value: float, text: str | None = None) -> float:
    """Half the rounding unit: "1.5 million" -> 50,000; "4.25" -> 0.005; "1,300" -> 50;
    "10" -> 0.5 (not 5: a trailing zero widens by at most 5% of the value)."""
    unit, digit = _rounding(value, text)
    if unit > digit:  # the unit comes from trailing zeros
        return max(min(unit / 2, abs(value) * TRAILING_ZERO_CAP), digit / 2)
    return unit / 2


def span_of(
    value: float,
    qualifier: str = "exact",
    lower: float | None = None,
    upper: float | None = None,
    text: str | None = None,
) -> Span:
    """The values a stated figure allows. See the module docstring."""
    half = half_width(value, text)
    if qualifier == "more_than":
        return Span(value if lower is None else lower, INF, lo_open=True)
    if qualifier == "at_least":
        return Span(value if lower is None else lower, INF)
    if qualifier == "less_than":
        return Span(-INF, value if upper is None else upper, hi_open=True)
    if qualifier in ("at_most", "up_to"):
        return Span(-INF, value if upper is None else upper)
    if qualifier == "range":
        lo = value if lower is None else lower
        hi = value if upper is None else upper
        return Span(lo - half_width(lo), hi + half_width(hi))
    if qualifier == "about":
        lo = value - half if lower is None else min(lower, value - half)
        hi = value + half if upper is None else max(upper, value + half)
        return Span(lo, hi)
    if qualifier == "nearly":
        lo = value - half if lower is None else min(lower, value - half)
        return Span(lo, value)
    return Span(value - half, value + half)


# Counts of things below this are exact: "20 medals" is not "about 20".
EXACT_COUNT_BELOW = 100


def span_of_value(v: dict, kind: str | None = None) -> Span:
    """The Span of a numeric claim's value dict (value, qualifier, lower, upper, number
    text). With `kind` count or number, a small whole number is exact, not rounded."""
    x = float(v["value"])
    if (kind in ("count", "number") and x == int(x) and abs(x) < EXACT_COUNT_BELOW
            and (v.get("qualifier") or "exact") == "exact"):
        return Span(x, x)
    return span_of(
        float(v["value"]),
        v.get("qualifier") or "exact",
        _f(v.get("lower")),
        _f(v.get("upper")),
        v.get("_number_text"),
    )


def _f(x) -> float | None:
    return None if x is None else float(x)


def agree(a: dict, b: dict) -> bool:
    """Two numeric values could be the same figure, rounding allowed."""
    return span_of_value(a).overlaps(span_of_value(b))


def fmt(x: float, like: float | None = None, text: str | None = None) -> str:
    """A figure for a message: 10,520 / 3.3 / 0.45, with as many decimals as `like` has
    (as written in `text`, when given: "347.80" has two)."""
    if not math.isfinite(x):
        return "unbounded"
    if like is not None:
        unit = _rounding(like, text)[1] if text else _value_unit(like)
        decimals = max(0, -int(math.floor(math.log10(unit) + 1e-9))) if unit < 1 else 0
    else:
        decimals = 0 if abs(x) >= 100 else 1 if abs(x) >= 10 else 2
    s = f"{x:,.{decimals}f}"
    return s
