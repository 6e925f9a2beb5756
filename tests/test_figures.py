"""Figures as intervals with rounding (claims/checks/figures.py): the one place that decides
whether two stated figures can be the same value."""

from __future__ import annotations

import math

import pytest

from claims.checks.figures import (
    INF,
    Span,
    agree,
    fmt,
    half_width,
    precision,
    span_of,
    span_of_value,
)


@pytest.mark.parametrize(
    ("value", "text", "unit"),
    [
        (1_500_000, "1.5 million", 100_000),
        (4.25, "4.25", 0.01),
        (3.3, "3.30", 0.01),  # written decimals count, though the value drops them
        (1300, "1,300", 100),
        (8, "eight", 1),
        (90, "ninety", 10),
        (2e9, "2bn", 1e9),
        (1_500_000, None, 100_000),  # a range end: the value's own digits
        (0.37, None, 0.01),
    ],
)
def test_precision_is_the_last_significant_digit(value, text, unit):
    assert precision(value, text) == pytest.approx(unit)


@pytest.mark.parametrize(
    ("value", "text", "half"),
    [
        (1_500_000, "1.5 million", 50_000),
        (4.25, "4.25", 0.005),
        (1300, "1,300", 50),  # trailing zeros: 100 / 2, under 5% of 1,300
        (90, "90", 4.5),  # trailing zero capped at 5% of the value
        (10, "10", 0.5),  # "10 miles" is not 5 to 15 miles
        (10_520, "10,520", 5),
        (2e9, "2bn", 5e8),  # written to the billion: not a trailing-zero guess
        (8, "eight", 0.5),
    ],
)
def test_half_width(value, text, half):
    assert half_width(value, text) == pytest.approx(half)


def test_the_examples_of_the_design():
    more_than_90 = span_of(90, "more_than")
    assert span_of(91).overlaps(more_than_90)  # "more than 90%" and "91 per cent" agree
    assert not span_of(70, "about", 63, 77).overlaps(more_than_90)  # "about 70" does not
    assert span_of(1_500_000, text="1.5 million").overlaps(span_of(1_523_000, text="1,523,000"))
    assert not span_of(1_500_000, text="1.5 million").overlaps(span_of(1_623_000, text="1,623,000"))


def test_qualifiers_bound_the_value_and_are_not_rounded():
    s = span_of(90, "more_than")
    assert (s.lo, s.hi, s.lo_open) == (90, INF, True)
    assert not s.contains(90) and s.contains(90.01)
    assert span_of(90, "at_least").contains(90)
    assert span_of(10, "less_than").hi_open and not span_of(10, "less_than").contains(10)
    assert span_of(10, "up_to").contains(10)
    nearly = span_of(15, "nearly", 13.5, 15)
    assert nearly.hi == 15 and nearly.lo == 13.5
    assert span_of(70, "about", 63, 77) == Span(63, 77)


def test_open_ends_touching_do_not_overlap():
    assert not span_of(90, "more_than").overlaps(span_of(90, "less_than"))
    assert span_of(90, "at_least").overlaps(span_of(90, "at_most"))


def test_a_range_is_widened_by_its_ends_rounding():
    s = span_of(5, "range", 5, 10)
    assert s.lo == pytest.approx(4.5) and s.hi == pytest.approx(10.5)


def test_small_counts_are_exact_but_percentages_are_rounded():
    assert span_of_value({"value": 20}, "count") == Span(20, 20)
    assert span_of_value({"value": 20, "_number_text": "20"}, "percent").lo == pytest.approx(19)
    assert span_of_value({"value": 300, "_number_text": "300"}, "count").lo < 300  # big: rounded


def test_agree_reads_the_value_dict():
    assert agree({"value": 90, "qualifier": "more_than", "lower": 90},
                 {"value": 91, "qualifier": "exact", "_number_text": "91"})
    assert not agree({"value": 4, "_number_text": "4"}, {"value": 14, "_number_text": "14"})


def test_interval_arithmetic_keeps_every_value_the_inputs_allow():
    a, b = Span(1.215, 1.225), Span(1.365, 1.375)  # $1.22bn -> $1.37bn
    change = ((b - a) / a).scale(100)
    assert change.lo == pytest.approx((1.365 - 1.225) / 1.225 * 100)
    assert change.hi == pytest.approx((1.375 - 1.215) / 1.215 * 100)
    assert change.contains(12.3)
    assert (Span(1, 2) * Span(-1, 3)) == Span(-2, 6)
    assert Span(1, 2) / Span(-1, 1) == Span(-INF, INF)  # dividing by what may be zero
    assert (Span(1, 2) + Span(3, 4)) == Span(4, 6)


def test_definitely_above_and_below():
    assert Span(5, 6).definitely_above(Span(1, 4))
    assert not Span(4, 6).definitely_above(Span(1, 4))
    assert Span(4, 6, lo_open=True).definitely_above(Span(1, 4))
    assert Span(1, 2).definitely_below(Span(3, 4))


def test_widen_leaves_infinite_ends_alone():
    s = span_of(90, "more_than").widen(rel=0.1)
    assert s.lo == pytest.approx(81) and math.isinf(s.hi)


def test_formatting_for_messages():
    assert fmt(10867.8, 347.8, "347.80") == "10,867.80"
    assert fmt(9012.3, 10400) == "9,012"
    assert fmt(INF) == "unbounded"
