"""Frames of the article's figures, made once per article for the checks that compare
figures by what they measure (repeated_figure, shares_of_whole, rank_order)."""

from __future__ import annotations

from claims.checks.base import CheckContext
from claims.link.frames import Frame, common_words, frame_of, past_periods, sentence_periods
from claims.mention import Mention

FIGURES = ("percent", "money", "quantity", "count", "number")


def frames(ctx: CheckContext) -> dict[int, Frame]:
    """id(mention) -> its Frame, for every figure in the article."""
    got = ctx.cache.get("frames")
    if got is None:
        common = common_words(ctx.doc.text)
        periods = sentence_periods(ctx.doc, ctx.mentions, ctx.lexicons)
        past = past_periods(ctx.lexicons)
        got = {id(m): frame_of(ctx.doc, m, ctx.lexicons, common, periods, past)
               for m in ctx.of(FIGURES)}
        ctx.cache["frames"] = got
    return got


def described(ctx: CheckContext, m: Mention) -> str:
    """What a figure measures, in the article's words: "China's global rare earths ...
    refining capacity", "Ford's jobs", "the share"."""
    what = m.measure if m.measure and m.kind != "count" else None
    if what is None:
        f = frames(ctx)[id(m)]
        what = m.value.get("noun") if m.kind == "count" else f.head
    subject = m.subject if frames(ctx)[id(m)].subject else None
    if subject and what:
        owner = subject if subject.endswith(("'s", "\u2019s")) else f"{subject}'s"
        return f"{owner} {what}"
    return what or subject or "the figure"
