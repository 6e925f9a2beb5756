"""unsourced_statistic: a statistic no sentence attributes gets the flag `unsourced`.

Not an inconsistency: a prompt for the fact-checker ("where does 14% come from?"). The
report's summary counts the flagged claims. A figure restated from a sourced one (the
headline's "more than 90%" when the body says "more than 90 per cent, according to the
IEA") takes that source's word for it and is not flagged.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from claims.checks.base import CheckContext
from claims.checks.figures import Span, span_of_value
from claims.checks.registry import check_type

FLAG = "unsourced"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_count: float = Field(
        default=10, ge=0,
        description="Counts and bare numbers below this are not statistics ('two men').",
    )
    always: list[str] = Field(
        default_factory=lambda: ["percent", "money", "quantity"],
        description="Kinds that are statistics whatever their size.",
    )


@check_type(
    "unsourced_statistic",
    params=Params,
    variables=("claim",),
    kinds=("percent", "money", "quantity", "count", "number"),
    flags=(FLAG,),
)
def unsourced_statistic(ctx: CheckContext, rule):
    """Flags statistics with no source: percentages, money and quantities, and counts or
    numbers from `min_count` up. A restatement of a sourced figure counts as sourced."""
    p: Params = rule.params
    sourced: dict[tuple, list[dict]] = {}
    candidates = []
    for m in ctx.of(tuple(rule.applies_to)):
        if m.kind not in p.always and abs(float(m.value.get("value", 0))) < p.min_count:
            continue
        key = _kind_key(m)
        if m.source:
            sourced.setdefault(key, []).append(m.value)
        else:
            candidates.append((m, key))
    # Each sourced value's span made once, not once per unsourced figure of its kind.
    spans: dict[tuple, list[Span]] = {}
    for m, key in candidates:
        if key in sourced:
            if key not in spans:
                spans[key] = [span_of_value(v) for v in sourced[key]]
            mine = span_of_value(m.value)
            if any(mine.overlaps(s) for s in spans[key]):
                continue
        ctx.flag(m, FLAG)
    return ()


def _kind_key(m) -> tuple:
    v = m.value
    return (m.kind, v.get("unit"), v.get("currency"), v.get("noun"))
