"""rank_order: a place in an order must agree with the figures it ranks ("second-place
Malaysia" with 14% cannot be behind a China with 4%).

The ranked subject's figure is the share in its sentence that names it ("4 per cent for
second-place Malaysia"). It is compared with the shares of the same whole held by other
named subjects: ranked r-th, at most r-1 of them may be larger; and when the sentence sets
it beside the leaders ("compared with ..."), they must not all be smaller.

A rank that names the r-1 ahead of it, each with its figure ("with assets of $80 billion,
the fourth largest filing -- after Atlas Bank ($610 billion), Harbor Mutual ($310 billion)
and Nexcom ($95 billion)"), must be below each of them ("largest") or above ("smallest").
Its own figure is one of those its sentence states before the rank; when there are two
(assets and debt), one that fits is enough.
"""

from __future__ import annotations

import regex
from pydantic import BaseModel, ConfigDict

from claims.checks.base import CheckContext, Draft
from claims.checks.figures import span_of_value
from claims.checks.measures import frames, wholes
from claims.checks.registry import check_type
from claims.mention import Mention
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
    for rank in ctx.of("rank"):
        draft = _ranked_after(ctx, rank)
        if draft is not None:
            yield draft
    if not ctx.of("rank") or len(ctx.of("percent")) < 2:
        return
    fr = frames(ctx)
    whole_of = wholes(ctx)
    percents = [m for m in ctx.of("percent") if id(m) in whole_of and fr(m).subject]
    # Indexed once, so a long article with many ranks and shares stays linear.
    by_sentence: dict[int, list[Mention]] = {}
    by_whole: dict[str, list[Mention]] = {}
    for m in percents:
        by_sentence.setdefault(m.sentence, []).append(m)
        by_whole.setdefault(whole_of[id(m)], []).append(m)
    for rank in ctx.of("rank"):
        subject = entity_key(rank.value.get("subject") or rank.subject, frozenset())
        r = rank.value.get("rank")
        if not subject or not r:
            continue
        own = next((m for m in by_sentence.get(rank.sentence, ())
                    if same_entity(fr(m).subject, subject)), None)
        if own is None:
            continue
        whole = whole_of[id(own)]
        others = [m for m in by_whole.get(whole, ())
                  if not same_entity(fr(m).subject, subject)]
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


# "the fourth largest ... -- after": the list of those ahead starts with "after" or "behind".
_AFTER = regex.compile(r"(?i)\b(?:after|behind|trailing|following)\b")
_OPEN = regex.compile(r"\(\s*$")
_CLOSE = regex.compile(r"\s*\)")
_SMALLER = regex.compile(r"(?i)\b(?:smallest|lowest|least|fewest|cheapest|shortest|slowest|poorest)\b")
_LARGER = regex.compile(r"(?i)(?:\b(?:most|highest|greatest)\b|(?:larg|bigg|great|high|rich)est\b)")


def _ranked_after(ctx: CheckContext, rank) -> Draft | None:
    """The ranked thing against the r-1 it names ahead of it, each with its figure in
    brackets after its name. None when the sentence does not have that shape."""
    r = rank.value.get("rank")
    words = ctx.surface(rank)
    if not r or r < 2:
        return None
    below = bool(_LARGER.search(words))
    if not below and not _SMALLER.search(words):
        return None  # "best", "busiest": no size to compare
    text = ctx.doc.text
    sent = ctx.doc.sentences[rank.sentence]
    after = _AFTER.search(text, rank.end, sent.end)
    if after is None:
        return None
    figures = _figures_by_sentence(ctx).get(rank.sentence, [])
    listed = [m for m in figures if m.start >= after.end() and m.subject
              and _OPEN.search(text, max(sent.start, m.start - 3), m.start)
              and _CLOSE.match(text, m.end)]
    if len(listed) != r - 1 or len({_sort(m) for m in listed}) != 1:
        return None
    own = [m for m in figures if m.end <= rank.start and _sort(m) == _sort(listed[0])
           and not _OPEN.search(text, max(sent.start, m.start - 3), m.start)]
    if not own:
        return None

    def fits(m) -> bool:
        mine = span_of_value(m.value)
        if below:
            return not any(mine.definitely_above(span_of_value(x.value)) for x in listed)
        return not any(mine.definitely_below(span_of_value(x.value)) for x in listed)

    fitting = [m for m in own if fits(m)]
    figure = fitting[0] if fitting else own[0]
    wrong = [] if fitting else [x for x in listed if (
        span_of_value(figure.value).definitely_above(span_of_value(x.value)) if below
        else span_of_value(figure.value).definitely_below(span_of_value(x.value)))]
    shown = wrong or listed
    return Draft(
        verdict="consistent" if fitting else "inconsistent",
        claims=[rank, figure, *listed],
        evidence=[(rank.start, rank.end, "rank")]
        + [(m.start, m.end, "figure") for m in (own if not fitting else [figure])]
        + [(m.start, m.end, "compared figure") for m in listed],
        variables={"claim": ctx.surface(rank), "subject": rank.value.get("subject") or _ranked(text, rank),
                   "rank": _ordinal(ctx, r), "figure": ctx.surface(figure),
                   "others": ", ".join(f"{m.subject} {ctx.surface(m)}" for m in shown)},
        expected=f"{'below' if below else 'above'} each of the {r - 1} named ahead",
        observed=", ".join(ctx.surface(m) for m in own),
    )


_FIGURES = ("percent", "money", "quantity", "count")


def _figures_by_sentence(ctx: CheckContext) -> dict[int, list[Mention]]:
    # Built once per article: a scan of every figure for every rank grows as their product.
    index = ctx.cache.get("rank_order.figures")
    if index is None:
        index = {}
        for m in ctx.of(_FIGURES):
            index.setdefault(m.sentence, []).append(m)
        ctx.cache["rank_order.figures"] = index
    return index
_NOUNS_AFTER = regex.compile(r"[ \t]+((?:(?!(?:in|of|for|on|at|to|by|with|and|or|after|behind)\b)"
                             r"[a-z][a-z-]*[ \t]*){1,3})")


def _ranked(text: str, rank) -> str:
    """What a rank without a named subject ranks: "the fourth largest bankruptcy filing"."""
    hit = _NOUNS_AFTER.match(text, rank.end)
    return f"the {hit.group(1).strip()}" if hit else "it"


def _sort(m) -> tuple:
    return (m.kind, m.value.get("unit") or m.value.get("currency"))
