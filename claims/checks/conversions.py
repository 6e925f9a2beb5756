"""unit_conversion: "10 miles (16 km)" is right, "10 miles (26 km)" is not.

A quantity followed by its conversion (in parentheses, or after "or") is converted with pint
and compared as intervals, since both figures are rounded: "17 kilometers (10 miles)" passes
(17 km is 10.6 miles, and "10" is written to the ten), "5,600 miles (10,400 km)" fails
(5,600 miles is about 9,000 km; 5,600 *nautical* miles would fit, and the message says so).
"""

from __future__ import annotations

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from claims.checks.base import CheckContext, Draft, compiled
from claims.checks.figures import Span, fmt, precision, span_of
from claims.checks.registry import check_type
from claims.mention import Mention
from claims.normalize.units import convert


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    joiner: str = Field(
        default=r"\s*[(\[]\s*|,?\s+or\s+",
        description="Regex the whole text between a quantity and its conversion must match.",
    )
    relative_slack: float = Field(
        default=0.02, ge=0, lt=0.5,
        description="Slack beyond rounding, for conversion factors writers round themselves.",
    )
    interchangeable: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Units a writer may mean by the same word (tons: short, metric or long).",
    )
    likely_meant: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Units to suggest when a conversion fails (miles -> nautical miles).",
    )
    weights_in_pounds: list[str] = Field(
        default_factory=list,
        description="Words after a number read as money ('500 pounds') that are a weight when "
        "their conversion is a mass.",
    )

    @field_validator("joiner")
    @classmethod
    def _compiles(cls, v: str) -> str:
        regex.compile(v)
        return v


@check_type(
    "unit_conversion",
    params=Params,
    variables=("claim", "stated", "converted", "expected", "unit", "note"),
    kinds=("quantity",),
)
def unit_conversion(ctx: CheckContext, rule):
    """A quantity and its conversion must be the same amount, rounding allowed."""
    p: Params = rule.params
    joiner = compiled(p.joiner)
    items = ctx.of(("quantity", "money"))
    text = ctx.doc.text
    for a, b in zip(items, items[1:]):
        if a.sentence != b.sentence or not joiner.fullmatch(text, a.end, b.start):
            continue
        unit_a, unit_b = _unit(ctx, a, b, p), _unit(ctx, b, a, p)
        if unit_a is None or unit_b is None:
            continue
        fits = _fits(a, unit_a, b, unit_b, p)
        if fits is None:  # not the same dimension: not a conversion
            continue
        ok, expected = fits
        unit_words = _unit_words(ctx, b)
        note = ""
        suggestion = None
        if not ok:
            rounded = _round_like(expected.mid, b)
            suggestion = f"{fmt(rounded, rounded)} {unit_words}".strip()
            for alt in p.likely_meant.get(unit_a, ()):
                alt_fit = _fits(a, alt, b, unit_b, p)
                if alt_fit and alt_fit[0]:
                    note = f"; it fits {alt.replace('_', ' ')}s"
                    break
        yield Draft(
            verdict="consistent" if ok else "inconsistent",
            claims=[a, b],
            evidence=[(a.start, a.end, "quantity"), (b.start, b.end, "conversion")],
            variables={
                "claim": ctx.surface(a),
                "stated": ctx.surface(a),
                "converted": ctx.surface(b),
                "expected": f"{fmt(expected.mid, b.value['value'])} {unit_words}".strip(),
                "unit": unit_words,
                "note": note,
            },
            expected=round(expected.mid, 6),
            observed=b.value["value"],
            suggestion=suggestion,
        )


def _unit(ctx: CheckContext, m: Mention, other: Mention, p: Params) -> str | None:
    if m.kind == "quantity":
        return m.value.get("unit")
    # "500 pounds (225 kilograms)": a weight the money rule took for sterling.
    if other.kind == "quantity" and other.value.get("si_unit") == "kilogram":
        word = ctx.surface(m).split()[-1].lower()
        if word in p.weights_in_pounds:
            return "pound"
    return None


def _value_span(m: Mention) -> Span:
    """The stated number with its rounding; a bound ("less than 3 lbs") converts as its
    number, since the conversion restates the same bound."""
    v = m.value
    q = v.get("qualifier") or "exact"
    if q not in ("about", "nearly"):
        q = "exact"
    return span_of(float(v["value"]), q, _f(v.get("lower")), _f(v.get("upper")),
                   v.get("_number_text"))


def _f(x):
    return None if x is None else float(x)


def _fits(a: Mention, unit_a: str, b: Mention, unit_b: str, p: Params):
    """(agree?, a converted to b's unit) or None when the units do not convert."""
    src = _value_span(a)
    dst = _value_span(b).widen(rel=p.relative_slack)
    best = None
    for ua in (unit_a, *p.interchangeable.get(unit_a, ())):
        for ub in (unit_b, *p.interchangeable.get(unit_b, ())):
            try:
                lo, hi = convert(src.lo, ua, ub), convert(src.hi, ua, ub)
            except Exception:  # noqa: BLE001 - pint: different dimensions, unknown unit
                continue
            conv = Span(min(lo, hi), max(lo, hi))
            if best is None:
                best = (False, conv)
            if conv.overlaps(dst):
                return True, conv
    return best


def _unit_words(ctx: CheckContext, m: Mention) -> str:
    """"10,400 km" -> "km": the unit as the article writes it."""
    number = m.value.get("_number_text") or ""
    text = ctx.surface(m)
    i = text.find(number) if number else -1
    rest = text[i + len(number):] if i >= 0 else text.split(maxsplit=1)[-1]
    return rest.strip(" -")


def _round_like(x: float, m: Mention) -> float:
    unit = precision(float(m.value["value"]), m.value.get("_number_text"))
    return round(x / unit) * unit
