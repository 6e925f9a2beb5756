"""rank_order: a place in an order must agree with the figures it ranks ("second-place
Malaysia" with 14% cannot be behind a China with 4%).

The ranked subject's figure is the share in its sentence that names it ("4 per cent for
second-place Malaysia"). It is compared with the shares of the same whole held by other
named subjects: ranked r-th, at most r-1 of them may be larger; and when the sentence sets
it beside the leaders ("compared with ..."), they must not all be smaller.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from claims.checks.base import CheckContext, Draft
from claims.checks.figures import span_of_value
from claims.checks.measures import frames, wholes
from claims.checks.registry import check_type
from claims.link.frames import entity_key, same_entity


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


@check_type(
    "rank_order",
    params=Params,
    variables=("claim", "subject", "rank", "figure", "others"),
    kinds=("rank",),
)
def rank_order(ctx: CheckContext, rule):
    """A subject ranked r-th must have r-1 larger shares before it, and no more."""
    if not ctx.of("rank") or len(ctx.of("percent")) < 2:
        return
    fr = frames(ctx)
    whole_of = wholes(ctx)
    percents = [m for m in ctx.of("percent") if id(m) in whole_of and fr(m).subject]
    for rank in ctx.of("rank"):
        subject = entity_key(rank.value.get("subject") or rank.subject, frozenset())
        r = rank.value.get("rank")
        if not subject or not r:
            continue
        own = next((m for m in percents if m.sentence == rank.sentence
                    and same_entity(fr(m).subject, subject)), None)
        if own is None:
            continue
        whole = whole_of[id(own)]
        others = [m for m in percents if whole_of[id(m)] == whole
                  and not same_entity(fr(m).subject, subject)]
        if not others:
            continue
        mine = span_of_value(own.value)
        larger = [m for m in others if span_of_value(m.value).definitely_above(mine)]
        beside = [m for m in others if m.sentence == rank.sentence]
        smaller_beside = [m for m in beside if span_of_value(m.value).definitely_below(mine)]
        too_many = len(larger) >= r
        overtakes = r >= 2 and beside and len(smaller_beside) == len(beside) >= r - 1
        ok = not (too_many or overtakes)
        shown = larger if too_many else (smaller_beside if overtakes else others)
        listed = ", ".join(f"{m.subject} {ctx.surface(m)}" for m in shown)
        yield Draft(
            verdict="consistent" if ok else "inconsistent",
            claims=[rank, own, *shown],
            evidence=[(rank.start, rank.end, "rank"), (own.start, own.end, "figure")]
            + [(m.start, m.end, "compared figure") for m in shown],
            variables={"claim": ctx.surface(rank), "subject": rank.value.get("subject") or own.subject,
                       "rank": _ordinal(ctx, r), "figure": ctx.surface(own), "others": listed},
            expected=f"{r - 1} larger" if r > 1 else "none larger",
            observed=len(larger) if too_many else f"{len(smaller_beside)} smaller beside it"
            if overtakes else len(larger),
        )


def _ordinal(ctx: CheckContext, n: int) -> str:
    lex = ctx.lexicons.get("ordinals")
    if lex is not None:
        for e in lex.entries:
            if e.value == str(n) and e.text.isalpha():
                return e.text
    return f"#{n}"
