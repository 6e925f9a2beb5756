"""Frames of the article's figures, made once per article for the checks that compare
figures by what they measure (repeated_figure, shares_of_whole, rank_order)."""

from __future__ import annotations

from claims.checks.base import CheckContext, compiled
from claims.link.frames import CommonWords, Frame, Periods, frame_of, past_periods
from claims.mention import Mention

FIGURES = ("percent", "money", "quantity", "count", "number")


def frames(ctx: CheckContext):
    """A function mention -> its Frame, computed on first ask and kept for the article."""
    got = ctx.cache.get("frames")
    if got is None:
        common = CommonWords(ctx.doc.text)
        periods = Periods(ctx.doc, ctx.mentions, ctx.lexicons)
        past = past_periods(ctx.lexicons)
        made: dict[int, Frame] = {}

        def got(m: Mention) -> Frame:
            f = made.get(id(m))
            if f is None:
                f = made[id(m)] = frame_of(ctx.doc, m, ctx.lexicons, common, periods, past)
            return f

        ctx.cache["frames"] = got
    return got


def described(ctx: CheckContext, m: Mention) -> str:
    """What a figure measures, in the article's words: "China's global rare earths ...
    refining capacity", "Ford's jobs", "the share"."""
    what = m.measure if m.measure and m.kind != "count" else None
    if what is None:
        f = frames(ctx)(m)
        what = m.value.get("noun") if m.kind == "count" else f.head
    subject = m.subject if frames(ctx)(m).subject else None
    if subject and what:
        owner = subject if subject.endswith(("'s", "\u2019s")) else f"{subject}'s"
        return f"{owner} {what}"
    return what or subject or "the figure"


def wholes(ctx: CheckContext) -> dict[int, str]:
    """id(percent) -> the whole it is a share of: its "of" phrase ("of global rare earths
    refining capacity"), or, in a comparison within one sentence ("more than 90 per cent
    of X, compared with just 4 per cent for Malaysia"), the whole of the share before it.
    The comparison words are the lexicon `comparison-words`."""
    got = ctx.cache.get("wholes")
    if got is not None:
        return got
    fr = frames(ctx)
    got = {}
    previous: Mention | None = None
    text = ctx.doc.text
    comparing = _comparison_pattern(ctx.lexicons)
    for m in ctx.of("percent"):
        f = fr(m)
        if f.role != "level" or m.value.get("unit") != "percent":
            previous = None
            continue
        if f.measure:
            got[id(m)] = f.measure
        elif (previous is not None and previous.sentence == m.sentence and id(previous) in got
              and comparing is not None and comparing.search(text, previous.end, m.start)
              and not _other_figure_between(ctx, previous, m)):
            got[id(m)] = got[id(previous)]
        previous = m
    ctx.cache["wholes"] = got
    return got


_COMPARISON: dict[int, object] = {}


def _comparison_pattern(lexicons):
    lex = lexicons.get("comparison-words")
    if lex is None:
        return None
    got = _COMPARISON.get(id(lex))
    if got is None:
        _COMPARISON.clear()  # one rule pack per process in practice
        got = _COMPARISON[id(lex)] = compiled(r"(?i)(?:\b(?:" + lex.pattern() + r")\b|;)")
    return got


def _other_figure_between(ctx: CheckContext, a: Mention, b: Mention) -> bool:
    return any(a.end <= x.start and x.end <= b.start for x in ctx.of(FIGURES) if x.kind != "percent")
