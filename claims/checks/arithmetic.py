"""arithmetic: figures a sentence relates must add up.

Relations (one per check rule, chosen by `relation`):

* change: a change stated with its endpoints. "(example removed: licensed corpus text)" (12.3%: agrees); "rose from 5% to 10%, a 5% rise" (a rise of 100%, or of 5
  percentage points: the message says points were probably meant).
* market: a market move as a percentage, points and the new level. "fell 3.3%, or 347.80
  points, to 10,520": 347.80 points from 10,867.80 is 3.2%: agrees within rounding.
* multiple: "doubled to 9 from 4" (2.25 times: outside the 10% a writer rounds "doubled" by).
* parts: a total and the parts it is made of. "20 medals: 5 gold, 8 silver and 6 bronze".

The rule's patterns (data) find the relation in the sentence's skeleton (claims/checks/
skeleton.py) and name its parts with groups: `by`, `to`, `from`, `dir` (a word from the
direction lexicon), `points`, `level`, `mult`, `more`, `total`, `parts`, `sample`. This
module only judges, with the intervals of claims/checks/figures.py.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from claims.checks.base import CheckContext, Draft
from math import isfinite

import regex

from claims.checks.figures import INF, Span, fmt, half_width, precision
from claims.checks.figures import span_of_value as span_of
from claims.checks.registry import check_type
from claims.checks.skeleton import PatternSet, Skeleton, build, validate
from claims.mention import Mention

Relation = Literal["change", "market", "multiple", "parts"]


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    relation: Relation = Field(description="Which relation the patterns find.")
    patterns: list[str] = Field(
        min_length=1,
        description="Verbose regexes over the sentence skeleton; {pct}, {money}, {num}, {fig}, "
        "{points}, {gap}, the rule's fragments and {@lexicons}; named groups as in the module doc.",
    )
    fragments: dict[str, str] = Field(default_factory=dict, description="Named pattern pieces.")
    directions: str = Field(default="change-verbs", description="Lexicon: word -> up | down.")
    multiples: str = Field(default="change-multiples", description="Lexicon: word -> factor.")
    multiple_tolerance: float = Field(
        default=0.1, ge=0, lt=1, description="How far from the factor 'doubled' may be (0.1: 1.8-2.2).")
    slack: float = Field(
        default=0.0, ge=0, lt=0.5,
        description="Relative slack on the computed figure, beyond the rounding of every figure.")

    _set: PatternSet = PrivateAttr()

    @field_validator("patterns")
    @classmethod
    def _no_empty(cls, v: list[str]) -> list[str]:
        if any(not p.strip() for p in v):
            raise ValueError("a pattern is empty")
        return v

    @model_validator(mode="after")
    def _compile(self) -> "Params":
        validate(self.patterns, self.fragments)
        self._set = PatternSet(self.patterns, self.fragments)
        return self


@check_type(
    "arithmetic",
    params=Params,
    variables=("claim", "stated", "start", "end", "expected", "points", "level", "base",
               "total", "parts", "sum", "note"),
    kinds=("percent", "money", "number", "count", "quantity"),
)
def arithmetic(ctx: CheckContext, rule):
    """Checks the relation its patterns find in each sentence: a change against its
    endpoints, a market move, a multiple, a total against its parts."""
    p: Params = rule.params
    patterns = p._set.compiled(ctx.lexicons)
    judge = _JUDGES[p.relation]
    for skel in _skeletons(ctx):
        used: set[int] = set()
        for pattern in patterns:
            for match in pattern.finditer(skel.text):
                draft = judge(ctx, p, skel, match)
                if draft is None:
                    continue
                ids = {id(m) for m in draft.claims}
                if ids & used:
                    continue
                used |= ids
                yield draft


def _skeletons(ctx: CheckContext) -> list[Skeleton]:
    """The skeleton of every sentence with two figures or more, made once per article."""
    got = ctx.cache.get("skeletons")
    if got is None:
        by_sentence: dict[int, list[Mention]] = {}
        for m in ctx.of(("percent", "money", "number", "count", "quantity")):
            by_sentence.setdefault(m.sentence, []).append(m)
        text = ctx.doc.text
        got = []
        for index, figures in by_sentence.items():
            if len(figures) < 2:
                continue
            sent = ctx.doc.sentences[index]
            got.append(build(text, sent.start, max(sent.end, max(m.end for m in figures)), figures))
        ctx.cache["skeletons"] = got
    return got


# --- change ---------------------------------------------------------------------------


def _change(ctx: CheckContext, p: Params, skel: Skeleton, match) -> Draft | None:
    by, to, frm = skel.figure(match, "by"), skel.figure(match, "to"), skel.figure(match, "from")
    rng = skel.figure(match, "range")
    if by is None:
        return None
    if rng is not None and rng.value.get("qualifier") == "range":
        # "from 5% to 10%": one claim holds both endpoints.
        lo, hi = float(rng.value["lower"]), float(rng.value["upper"])
        start, end = span_of({"value": lo}), span_of({"value": hi})
        points_start, points_end = lo, hi
        frm = to = rng
        endpoints = [(rng, "from and to")]
    else:
        if to is None or frm is None or not _same_measure(to, frm):
            return None
        start, end = span_of(frm.value, frm.kind), span_of(to.value, to.kind)
        points_start, points_end = float(frm.value["value"]), float(to.value["value"])
        endpoints = [(frm, "from"), (to, "to")]
    sign = _direction(ctx, p, match)
    stated = _signed(span_of(by.value), sign)
    points = by.value.get("unit") == "percentage_point"
    if points:
        implied = end - start
        point = points_end - points_start
    else:
        implied = _percent_change(start, end)
        point = (points_end - points_start) / points_start * 100 if points_start else float("nan")
    if sign is None:  # no direction word: only the size is stated
        implied, point = _abs(implied), abs(point)
    ok = stated.overlaps(implied.widen(rel=p.slack))
    note = ""
    if not ok and not points and frm.kind == "percent" and to.kind == "percent":
        diff = end - start
        if stated.overlaps(_abs(diff) if sign is None else diff):
            note = (f"; {fmt(abs(points_end - points_start), by.value['value'])} "
                    "percentage points were probably meant")
    unit = "percentage points" if points else "%"
    expected = _describe_change(point, unit, by)
    claims = [by] + [m for m, _ in endpoints]
    return Draft(
        verdict="consistent" if ok else "inconsistent",
        claims=claims,
        evidence=_evidence(skel, match, [(by, "change"), *endpoints], "dir"),
        variables=_vars(ctx, by, stated=_words(ctx, skel, match, by),
                        start=_endpoint(ctx, frm, points_start, rng is not None),
                        end=_endpoint(ctx, to, points_end, rng is not None),
                        expected=expected, note=note),
        expected=round(point, 4),
        observed=by.value["value"] if sign != -1 else -by.value["value"],
        suggestion=None if ok or not isfinite(point) else _like(by, abs(point), ctx),
    )


def _endpoint(ctx: CheckContext, m: Mention, value: float, from_range: bool) -> str:
    if not from_range:
        return ctx.surface(m)
    return f"{fmt(value, value)}%"


def _percent_change(start: Span, end: Span) -> Span:
    if start.lo <= 0 <= start.hi:
        return Span(-INF, INF)
    return ((end - start) / start).scale(100)


# --- market move ------------------------------------------------------------------------


def _market(ctx: CheckContext, p: Params, skel: Skeleton, match) -> Draft | None:
    by, pts, level = skel.figure(match, "by"), skel.figure(match, "points"), skel.figure(match, "level")
    if by is None or pts is None or level is None:
        return None
    sign = _direction(ctx, p, match)
    # A "level" no bigger than the move is some other figure ("at 10 a.m.").
    if sign is None or float(level.value["value"]) <= 2 * float(pts.value["value"]):
        return None
    points, new = span_of(pts.value), span_of(level.value)
    base = new + points if sign < 0 else new - points
    implied = (points / base).scale(100)
    # The words give the direction; a minus sign ("-2.56%") restates it.
    stated = _abs(span_of(by.value))
    ok = stated.overlaps(implied.widen(rel=p.slack))
    d, lv = float(pts.value["value"]), float(level.value["value"])
    point_base = lv + d if sign < 0 else lv - d
    point = 100 * d / point_base
    expected = f"{fmt(point, _finer(by) / (10 if _finer(by) >= 0.01 else 1))}%"  # 5.6 vs 5.546
    return Draft(
        verdict="consistent" if ok else "inconsistent",
        claims=[by, pts, level],
        evidence=_evidence(skel, match, [(by, "change"), (pts, "points"), (level, "level")], "dir"),
        variables=_vars(ctx, by, stated=ctx.surface(by), points=ctx.surface(pts),
                        level=ctx.surface(level),
                        base=fmt(point_base, *_finest(pts, level)),
                        expected=expected),
        expected=round(point, 4),
        observed=by.value["value"],
        suggestion=None if ok else _like(by, point, ctx),
    )


# --- multiple -----------------------------------------------------------------------------


def _multiple(ctx: CheckContext, p: Params, skel: Skeleton, match) -> Draft | None:
    to, frm = skel.figure(match, "to"), skel.figure(match, "from")
    word = match.group("mult") if "mult" in match.re.groupindex else None
    lexicon = ctx.lexicons.get(p.multiples)
    if to is None or frm is None or not word or lexicon is None or not _same_measure(to, frm):
        return None
    factor = lexicon.get(word)
    if factor is None:
        return None
    factor = float(factor)
    start, end = span_of(frm.value, frm.kind), span_of(to.value, to.kind)
    if start.lo <= 0:
        return None
    ratio = end / start
    point = float(to.value["value"]) / float(frm.value["value"])
    tol = p.multiple_tolerance
    more = "more" in match.re.groupindex and match.group("more")
    allowed = Span(factor * (1 - tol), INF if more else factor * (1 + tol))
    ok = ratio.overlaps(allowed)
    span = skel.text_span(match, "mult")
    evidence = [(frm.start, frm.end, "from"), (to.start, to.end, "to")]
    if span:
        evidence.append((span[0], span[1], "multiple"))
    return Draft(
        verdict="consistent" if ok else "inconsistent",
        claims=[frm, to],
        evidence=evidence,
        variables=_vars(ctx, to, stated=word, start=ctx.surface(frm), end=ctx.surface(to),
                        expected=f"{fmt(point, 0.01)} times"),
        expected=round(point, 4),
        observed=factor,
    )


# --- total and parts --------------------------------------------------------------------------


def _parts(ctx: CheckContext, p: Params, skel: Skeleton, match) -> Draft | None:
    total = skel.figure(match, "total")
    if total is None or match.group("parts") is None:
        return None
    parts = skel.figures_in(*match.span("parts"))
    if len(parts) < 2 or any(not _same_measure(total, x, counts_any_noun=True) for x in parts):
        return None
    whole = span_of(total.value, total.kind)
    total_of = Span(0, 0)
    for x in parts:
        total_of = total_of + span_of(x.value, x.kind)
    sample = "sample" in match.re.groupindex and match.group("sample")
    ok = total_of.lo <= whole.hi if sample else total_of.overlaps(whole)
    listed = " + ".join(_with_word(ctx, x) for x in parts)
    return Draft(
        verdict="consistent" if ok else "inconsistent",
        claims=[total, *parts],
        evidence=[(total.start, total.end, "total")] + [(x.start, x.end, "part") for x in parts],
        variables=_vars(ctx, total, total=ctx.surface(total), parts=listed,
                        sum=fmt(sum(float(x.value["value"]) for x in parts), total.value["value"])),
        expected=sum(float(x.value["value"]) for x in parts),
        observed=total.value["value"],
    )


_NEXT_WORD = regex.compile(r"[ \t]+[\w-]+")


def _with_word(ctx: CheckContext, m: Mention) -> str:
    """"5" -> "5 gold": a bare number with the word that says what it counts."""
    if m.kind != "number":
        return ctx.surface(m)
    word = _NEXT_WORD.match(ctx.doc.text, m.end)
    return ctx.doc.text[m.start : word.end()] if word else ctx.surface(m)


_JUDGES = {"change": _change, "market": _market, "multiple": _multiple, "parts": _parts}


# --- helpers --------------------------------------------------------------------------------


def _same_measure(a: Mention, b: Mention, counts_any_noun: bool = False) -> bool:
    """Endpoints must be the same sort of figure: dollars with dollars, % with %."""
    kinds = {a.kind, b.kind}
    if kinds <= {"number", "count"}:
        return counts_any_noun or a.kind != b.kind or a.value.get("noun") == b.value.get("noun") \
            or a.kind == "number"
    if a.kind != b.kind:
        return False
    if a.kind == "money":
        return a.value.get("currency") == b.value.get("currency")
    if a.kind in ("percent", "quantity"):
        return a.value.get("unit") == b.value.get("unit")
    return True


def _direction(ctx: CheckContext, p: Params, match) -> int | None:
    """+1 for a rise, -1 for a fall, None when the pattern found no direction word."""
    word = match.group("dir") if "dir" in match.re.groupindex else None
    lexicon = ctx.lexicons.get(p.directions)
    if not word or lexicon is None:
        return None
    value = lexicon.get(word)
    return {"up": 1, "down": -1}.get(value)


def _signed(s: Span, sign: int | None) -> Span:
    return s.scale(-1) if sign == -1 else s


def _abs(s: Span) -> Span:
    if s.lo >= 0:
        return s
    if s.hi <= 0:
        return s.scale(-1)
    return Span(0, max(-s.lo, s.hi))


def _describe_change(x: float, unit: str, by: Mention) -> str:
    if not isfinite(x):
        return "no percentage (it starts from zero)"
    word = "a rise" if x > 0 else "a fall" if x < 0 else "no change"
    if x == 0:
        return word
    amount = fmt(abs(x), _finer(by))
    return f"{word} of {amount}{unit}" if unit == "%" else f"{word} of {amount} {unit}"


def _finest(*ms: Mention) -> tuple[float, str | None]:
    """The figure written with the finest digits, to format a result of several."""
    m = min(ms, key=lambda x: precision(float(x.value["value"]), x.value.get("_number_text")))
    return float(m.value["value"]), m.value.get("_number_text")


def _finer(by: Mention) -> float:
    """One more decimal than the stated figure, so "12%" against 12.3% reads as such."""
    unit = half_width(float(by.value["value"]), by.value.get("_number_text")) * 2
    return unit / 10 if unit <= 1 else 0.1


def _like(m: Mention, x: float, ctx: CheckContext) -> str:
    """The figure as it should read, rounded as the stated one is: "12%" -> "21%"."""
    unit = half_width(float(m.value["value"]), m.value.get("_number_text")) * 2
    rounded = round(x / unit) * unit if unit else x
    number = m.value.get("_number_text") or str(m.value["value"])
    surface = ctx.surface(m)
    i = surface.find(number)
    new = fmt(rounded, rounded if unit >= 1 else unit)
    return surface[:i] + new + surface[i + len(number):] if i >= 0 else new


def _words(ctx: CheckContext, skel: Skeleton, match, by: Mention) -> str:
    word = match.group("dir") if "dir" in match.re.groupindex else None
    surface = ctx.surface(by)
    if not word:
        return surface
    span = skel.text_span(match, "dir")
    if span and span[0] > by.start:
        return f"{surface} {word}"  # "a 5% rise"
    return f"{word} {surface}"  # "rose 12%"


def _evidence(skel: Skeleton, match, figures, word_group: str):
    out = [(m.start, m.end, role) for m, role in figures]
    span = skel.text_span(match, word_group) if word_group in match.re.groupindex else None
    if span:
        out.append((span[0], span[1], "direction"))
    return out


def _vars(ctx: CheckContext, m: Mention, **kw) -> dict:
    out = {"claim": ctx.surface(m), "stated": "", "start": "", "end": "", "expected": "",
           "points": "", "level": "", "base": "", "total": "", "parts": "", "sum": "", "note": ""}
    out.update(kw)
    return out
