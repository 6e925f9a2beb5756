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
            rounded = " to ".join(_fmt_rounded(e.mid, b) for e in expected)
            suggestion = f"{rounded} {unit_words}".strip()
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
                "expected": (" to ".join(fmt(e.mid, b.value["value"]) for e in expected)
                             + f" {unit_words}").strip(),
                "unit": unit_words,
                "note": note,
            },
            expected=round(expected[-1].mid, 6),
            observed=b.value["value"],
            suggestion=suggestion,
        )


def _unit(ctx: CheckContext, m: Mention, other: Mention, p: Params) -> str | None:
    if m.kind == "quantity":
        return m.value.get("unit")
    # "400 pounds (180 kilograms)": a weight the money rule took for sterling.
    if other.kind == "quantity" and other.value.get("si_unit") == "kilogram":
        word = ctx.surface(m).split()[-1].lower()
        if word in p.weights_in_pounds:
            return "pound"
    return None


def _value_spans(m: Mention) -> list[Span]:
    """The stated number with its rounding -- or, for a range ("5,600 to 8,870 nautical
    miles"), each end with its own. A bound ("less than 3 lbs") converts as its number,
    since the conversion restates the same bound."""
    v = m.value
    q = v.get("qualifier") or "exact"
    if q == "range" and v.get("lower") is not None and v.get("upper") is not None:
        return [span_of(float(v["lower"])), span_of(float(v["upper"]))]
    if q not in ("about", "nearly"):
        q = "exact"
    return [span_of(float(v["value"]), q, _f(v.get("lower")), _f(v.get("upper")),
                    v.get("_number_text"))]


def _f(x):
    return None if x is None else float(x)


def _fits(a: Mention, unit_a: str, b: Mention, unit_b: str, p: Params):
    """(agree?, a converted to b's unit, one span per end) or None when the units do not
    convert. Ranges agree end to end; a single figure against a range ("from 5,600 to
    8,870 nautical miles (10,400 to 16,400 km)", where "from" split the first range) agrees
    with either end."""
    sources, targets = _value_spans(a), _value_spans(b)
    targets = [t.widen(rel=p.relative_slack) for t in targets]
    pairwise = len(sources) == len(targets)
    best = None
    for ua in (unit_a, *p.interchangeable.get(unit_a, ())):
        for ub in (unit_b, *p.interchangeable.get(unit_b, ())):
            try:
                convs = [Span(*sorted((convert(s.lo, ua, ub), convert(s.hi, ua, ub))))
                         for s in sources]
            except Exception:  # noqa: BLE001 - pint: different dimensions, unknown unit
                continue
            if best is None:
                best = (False, convs)
            if pairwise:
                agree = all(c.overlaps(t) for c, t in zip(convs, targets))
            else:
                agree = any(c.overlaps(t) for c in convs for t in targets)
            if agree:
                return True, convs
    return best


def _unit_words(ctx: CheckContext, m: Mention) -> str:
    """"10,400 km" -> "km", "10,400 to 16,400 km" -> "km": the unit as the article writes
    it, after the last figure."""
    text = ctx.surface(m)
    last = max((i for i, c in enumerate(text) if c.isdigit()), default=-1)
    if last < 0:
        return text.split(maxsplit=1)[-1].strip(" -")
    return text[last + 1 :].strip(" -")


def _round_like(x: float, m: Mention) -> float:
    unit = precision(float(m.value["value"]), m.value.get("_number_text"))
    return round(x / unit) * unit


def _fmt_rounded(x: float, m: Mention) -> str:
    rounded = _round_like(x, m)
    return fmt(rounded, rounded)
