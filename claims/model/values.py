"""The normalized `value` of each claim kind (DESIGN.md, "Claim kinds and their value")."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Qualifier = Literal[
    "exact", "more_than", "at_least", "less_than", "at_most", "about", "nearly", "up_to", "range"
]
Number = int | float


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Numeric(_Value):
    value: Number = Field(description="The number as stated, normalized: 'a dozen' -> 12.")
    lower: Number | None = Field(default=None, description="Least value the words allow.")
    upper: Number | None = Field(default=None, description="Greatest value the words allow.")
    qualifier: Qualifier = "exact"


class NumberValue(_Numeric):
    ratio: Literal["share", "factor"] | None = Field(
        default=None,
        description="'share' for a part of a whole ('two-thirds' -> 0.666667), 'factor' for "
        "a change stated as a multiple ('doubled' -> 2); null for a plain figure.",
    )


class CountValue(_Numeric):
    noun: str = Field(description="What is counted, as written: 'nations'.")


class PercentValue(_Numeric):
    unit: Literal["percent", "percentage_point"] = "percent"


class MoneyValue(_Numeric):
    currency: str = Field(description="ISO 4217 code.")
    ambiguous: bool = Field(
        default=False, description="True when the symbol ('$') could be several currencies."
    )


class QuantityValue(_Numeric):
    unit: str = Field(description="pint's canonical unit name: 'mile'.")
    si_value: Number | None = None
    si_unit: str | None = None


# TIMEX3 modifiers: where in the period ("early October": START), how exact ("about two
# years": APPROX), or which side of it ("more than four hours": MORE_THAN).
TimexMod = Literal[
    "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
    "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
]


class DateValue(_Value):
    timex: str = Field(
        description="TIMEX3 value: '2025-12-12', '2025-10', 'XXXX-12-12', '2025-Q3', "
        "'2025-W49', '2025-12-08TMO', '2025-12-08T10:35', '199' (the 1990s), or "
        "PRESENT_REF / PAST_REF / FUTURE_REF for 'now', 'recently', 'in the future'."
    )
    mod: TimexMod | None = None
    granularity: Literal[
        "millennium", "century", "decade", "year", "half", "quarter", "season", "month",
        "week", "day", "part_of_day", "time", "vague",
    ]
    weekday: str | None = Field(
        default=None, description="The weekday the text states alongside the date, if any."
    )


class DurationValue(_Value):
    timex: str = Field(
        description="TIMEX3 duration: 'P1Y', 'P30Y', 'P1W', 'PT1M30S', 'PXY' ('several "
        "years'); for a frequency, its period ('P1W' for 'every week') or the days it "
        "recurs on ('XXXX-WXX-4' for 'every Thursday')."
    )
    set: bool = Field(default=False, description="True for frequencies ('every week').")
    mod: TimexMod | None = Field(
        default=None, description="'more than four hours': MORE_THAN; 'about a year': APPROX."
    )


class AgeValue(_Value):
    years: int
    person: str | None = None


class RankValue(_Value):
    rank: int
    subject: str | None = None


class EnumerationValue(_Value):
    items: list[str]
    size: int
    exhaustive: bool = True


_RESOLVED = Field(
    default=None,
    description="What the text wrote when the name was resolved from it: 'he', 'the company'.",
)


class QuoteValue(_Value):
    speaker: str | None = None
    verb: str | None = None
    resolved_from: str | None = _RESOLVED


class AttributionValue(_Value):
    source: str | None = Field(
        default=None, description="Who the statement is attributed to; null when a pronoun "
        "('he said') has no fitting name before it.")
    verb: str | None = None
    resolved_from: str | None = _RESOLVED
    negated: bool = Field(
        default=False, description="True when the verb is denied ('did not say', 'declined "
        "to comment'): the source is named, but states nothing, and sources no figure.")


VALUE_MODELS: dict[str, type[_Value]] = {
    "number": NumberValue,
    "count": CountValue,
    "percent": PercentValue,
    "money": MoneyValue,
    "quantity": QuantityValue,
    "date": DateValue,
    "duration": DurationValue,
    "age": AgeValue,
    "rank": RankValue,
    "enumeration": EnumerationValue,
    "quote": QuoteValue,
    "attribution": AttributionValue,
}
KINDS = tuple(VALUE_MODELS)
