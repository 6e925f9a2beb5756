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


class DateValue(_Value):
    timex: str = Field(description="TIMEX3 value: '2025-12-12', '2025-10', 'XXXX-12-12'.")
    mod: Literal["START", "MID", "END", "APPROX", "BEFORE", "AFTER"] | None = None
    granularity: Literal[
        "millennium", "century", "decade", "year", "quarter", "season", "month", "week",
        "day", "part_of_day", "time",
    ]
    weekday: str | None = Field(
        default=None, description="The weekday the text states alongside the date, if any."
    )


class DurationValue(_Value):
    timex: str = Field(description="TIMEX3 duration: 'P1Y', 'P30Y', 'P1W'.")
    set: bool = Field(default=False, description="True for frequencies ('every week').")


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
