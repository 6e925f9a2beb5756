"""shares_of_whole: percentages of one whole held by different subjects cannot add past 100
("more than 90 per cent of capacity ... compared with 14 per cent for Malaysia").

The whole is what the shares are "of" (claims/checks/measures.py: wholes); the holders are
the figures' named subjects, which must differ (one subject's figure stated twice is a
repeated figure, not two shares). The least each share may be is added up, with rounding:
"more than 90" counts as just over 90, "14" as 13.5.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from claims.checks.base import CheckContext, Draft
from claims.checks.figures import fmt, span_of_value
from claims.checks.measures import frames, wholes
from claims.checks.registry import check_type
from claims.link.frames import same_entity
from claims.mention import Mention


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    whole: float = Field(default=100, gt=0, description="What the shares may add up to.")


@check_type(
    "shares_of_whole",
    params=Params,
    variables=("claim", "whole", "shares", "total"),
    kinds=("percent",),
)
def shares_of_whole(ctx: CheckContext, rule):
    """Shares of one whole held by different named subjects must not add past 100%."""
    if len(ctx.of("percent")) < 2:
        return
    fr = frames(ctx)
    by_whole: dict[str, list[Mention]] = {}
    for m in ctx.of("percent"):
        w = wholes(ctx).get(id(m))
        if w is not None and fr(m).subject:
            by_whole.setdefault(w, []).append(m)
    for whole, shares in by_whole.items():
        holders: list[Mention] = []
        for m in shares:  # one share per holder: the first the article gives
            if not any(same_entity(fr(m).subject, fr(h).subject) for h in holders):
                holders.append(m)
        if len(holders) < 2:
            continue
        least = 0.0
        strict = False
        for m in holders:
            s = span_of_value(m.value)
            least += s.lo
            strict = strict or s.lo_open
        limit = rule.params.whole
        ok = least < limit or (least == limit and not strict)
        listed = ", ".join(f"{m.subject} {ctx.surface(m)}" for m in holders)
        yield Draft(
            verdict="consistent" if ok else "inconsistent",
            claims=holders,
            evidence=[(m.start, m.end, "share") for m in holders],
            variables={"claim": ctx.surface(holders[0]), "whole": _whole_words(holders),
                       "shares": listed,
                       "total": f"{'more than' if strict else 'at least'} {fmt(least, 0.1)}%"},
            expected=f"at most {fmt(limit)}%",
            observed=round(least, 4),
        )


def _whole_words(holders: list[Mention]) -> str:
    """The whole as the article words it (the first share that says "of ...")."""
    return next((m.measure for m in holders if m.measure), "the whole")
