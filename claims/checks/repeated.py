"""repeated_figure: the same measure of the same subject stated twice, incompatibly
(headline "more than 90%", body "about 70 per cent").

"The same measure" is decided by the figures' frames (claims/link/frames.py), never by the
number alone. Two ways a figure is repeated:

* headline against body: a figure in the headline or standfirst is restated in the body.
  It agrees when any body figure of its frame agrees with it (the body also gives other
  figures of the same sort: totals, parts, other years), and is flagged only when every
  body figure of its frame disagrees.
* body against body: figures of one subject, one measured thing, one role (a change or a
  level) and one period, also the reporting period in force ("For the six months, ...
  Sales rose 6%" is not the quarter's "Sales rose 6%"); and figures one restates by a cue
  of the text (claims/link/restatements.py: a figure that points back, the same phrase,
  one owner's measured noun, a restated sentence). A pair that disagrees is flagged; in a larger group only a figure
  that disagrees with a majority that agrees among itself is (a series of different values
  is a series, not a slip).

Values are compared as intervals with rounding (claims/checks/figures.py).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from claims.checks.base import CheckContext, Draft
from claims.checks.figures import span_of_value
from claims.checks.measures import described, frames
from claims.checks.registry import check_type
from claims.link.frames import Frame, is_headline, same_entity
from claims.link.restatements import Periods, Restatements, periods_agree
from claims.mention import Mention


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_count: float = Field(
        default=10, ge=0,
        description="Counts below this are compared only headline against body, or in a "
        "sentence restated with another figure ('two men' in two sentences are often two "
        "different pairs of men).",
    )
    headline: bool = Field(default=True, description="Compare headline figures with the body.")
    body: bool = Field(default=True, description="Compare body figures with each other.")


@check_type(
    "repeated_figure",
    params=Params,
    variables=("claim", "what", "first", "second", "first_where", "second_where"),
    kinds=("percent", "money", "quantity", "count"),
)
def repeated_figure(ctx: CheckContext, rule):
    """The same measure of the same subject must not be stated twice incompatibly."""
    p: Params = rule.params
    fr = frames(ctx)
    # Frames cost; a figure alone of its sort (kind, unit) in a body with no headline figure
    # of that sort can be repeated by nothing, so it gets none.
    sorts: dict[tuple, list[Mention]] = {}
    for m in ctx.of(tuple(rule.applies_to)):
        if m.kind != "number":
            sorts.setdefault(_sort(m), []).append(m)
    headline = {_sort(m) for g in sorts.values() for m in g if is_headline(ctx.doc, m.sentence)}
    figures = [m for key, g in sorts.items() if len(g) > 1 or key in headline
               or (key[0] == "money" and headline) for m in g]
    buckets: dict[tuple, list[Mention]] = {}
    for m in figures:
        buckets.setdefault(_key(m, fr(m)), []).append(m)
    numbers = None
    judged: set[tuple[int, int]] = set()
    for key, group in buckets.items():
        heads = [m for m in group if fr(m).headline]
        body = [m for m in group if not fr(m).headline]
        if p.headline and heads:
            # "$52.5 million" in the headline may be the body's "AU$52.5 million"; "1,100
            # dealerships" may be the body's "about 1,100 of its dealerships".
            also = [m for k, g in buckets.items() if k != key and _dollars(key, k, g) for m in g
                    if not fr(m).headline]
            if key[0] == "count":
                if numbers is None:  # frames of bare numbers only when a headline counts
                    numbers = [m for m in ctx.of("number") if not fr(m).headline]
                also += [m for m in numbers if fr(m).head == key[2]]
            for h in heads:
                yield from _headline(ctx, fr, h, body, also)
        if len(group) < 2:
            continue
        if p.body:
            big = [m for m in body if m.kind != "count" or float(m.value["value"]) >= p.min_count]
            yield from _body(ctx, fr, big, judged)
    if p.body:
        yield from _restatements(ctx, fr, figures, p, judged)


def _sort(m: Mention) -> tuple:
    v = m.value
    return (m.kind, v.get("unit") or v.get("currency"))


def _key(m: Mention, f: Frame) -> tuple:
    noun = f.head if m.kind == "count" else None
    return (m.kind, f.unit, noun, f.role)


def _dollars(key: tuple, other: tuple, group: list[Mention]) -> bool:
    """Another currency's bucket the headline's "$" (of no stated country) may mean."""
    return (key[0] == other[0] == "money" and key[3] == other[3] and str(key[1]).endswith("D")
            and str(other[1]).endswith("D"))


def _headline(ctx: CheckContext, fr, h: Mention, body: list[Mention], also: list[Mention]):
    """Flagged only when no body figure of its frame agrees: a body figure that agrees only
    through a looser reading (another dollar, a bare number of its noun) still counts."""
    fh = fr(h)
    peers = [b for b in body if _loosely_same(fh, fr(b))]
    if not peers:
        return
    span = span_of_value(h.value, h.kind)
    extra = [b for b in also if _loosely_same(fh, fr(b))
             and (h.kind != "money" or h.value.get("ambiguous") or b.value.get("ambiguous"))]
    agreeing = [b for b in peers + extra if span.overlaps(span_of_value(b.value, b.kind))]
    other = agreeing[0] if agreeing else peers[0]
    yield _draft(ctx, h, other, ok=bool(agreeing))


def _loosely_same(a: Frame, b: Frame) -> bool:
    """A headline (`a`) and the body (`b`) tell one story: nothing may tell the two apart (a measured
    thing, a rate "per share" against a total, a place, a period, a comparison figure "a
    year earlier", "production jobs" against "jobs"), and they must share the measured
    thing, the subject or two words around them. Subjects may be named differently ("Chrysler
    Group" sold, "Cerberus" bought), so two named subjects do not part them."""
    if a.modifiers != b.modifiers or b.past:
        return False
    if (a.head or b.head) and a.head != b.head and (
            (a.head and b.head) or (a.head or b.head).startswith("per ")):
        return False
    if a.measure and b.measure and a.measure != b.measure:
        return False
    if (a.place and b.place and a.place != b.place) or (
            a.period and b.period and not (a.period & b.period)):
        return False
    return bool((a.head and a.head == b.head) or (a.measure and a.measure == b.measure)
                or (a.subject and same_entity(a.subject, b.subject))
                or len(a.context & b.context) >= 2
                or len(a.context & b.sentence_words) >= _HEADLINE_WORDS)


# A headline is short and names its story in a few words; a body sentence that repeats this
# many of them around a figure of the same sort tells the same story ("DaimlerChrysler to sell
# Chrysler Group for $7.4 Billion" and "DaimlerChrysler ... is divesting itself of the
# Chrysler Group by selling it to ... Cerberus ... for US$7.4 billion").
_HEADLINE_WORDS = 3


def _tightly_same(a: Frame, b: Frame) -> bool:
    """Two body figures are one measure when they have the same measured thing and period,
    and the same named subject, or no subject and the same specific measured phrase; and
    the same verb unless that phrase is specific ("will cut 30,000 jobs" and "employs
    122,000 people" are not one measure, nor are shares of one whole held by two owners)."""
    if (not a.head or a.head != b.head or a.period != b.period or a.place != b.place
            or a.modifiers != b.modifiers or a.past != b.past):
        return False
    if a.measure and b.measure and a.measure != b.measure:
        return False
    specific = bool(a.measure and a.measure == b.measure and len(a.measure.split()) >= 2)
    if a.subject and b.subject:
        return same_entity(a.subject, b.subject) and (specific or (a.verb is not None and a.verb == b.verb))
    if a.subject or b.subject:
        return False
    return specific and a.verb is not None and a.verb == b.verb


def _body(ctx: CheckContext, fr, body: list[Mention], judged: set):
    periods = _periods(ctx)
    # Groups of figures that are the same measure (union of tight matches).
    parent = list(range(len(body)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only figures whose frames agree on what _tightly_same demands equal can be one
    # measure: compare within those buckets, not every pair of the article.
    buckets: dict[tuple, list[int]] = {}
    for i, m in enumerate(body):
        f = fr(m)
        if f.head:
            buckets.setdefault((f.head, f.period, f.place, f.modifiers, f.past), []).append(i)
    for members in buckets.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (body[i].sentence != body[j].sentence and _tightly_same(fr(body[i]), fr(body[j]))
                        and periods_agree(periods.in_force(body[i].sentence),
                                          periods.in_force(body[j].sentence))):
                    parent[find(j)] = find(i)
    groups: dict[int, list[Mention]] = {}
    for i, m in enumerate(body):
        groups.setdefault(find(i), []).append(m)
    for g in groups.values():
        if len(g) < 2:
            continue
        judged.update((id(a), id(b)) for a in g for b in g)
        classes = _agreement_classes(g)
        if len(classes) == 1:
            yield _draft(ctx, g[0], g[1], ok=True)
            continue
        majority = max(classes, key=len)
        if len(g) > 2 and len(majority) < 2:
            continue  # a series of different values
        for c in classes:
            if c is majority:
                continue
            for m in c:
                yield _draft(ctx, majority[0], m, ok=False)


def _agreement_classes(g: list[Mention]) -> list[list[Mention]]:
    classes: list[list[Mention]] = []
    for m in g:
        s = span_of_value(m.value, m.kind)
        for c in classes:
            if all(s.overlaps(span_of_value(x.value, x.kind)) for x in c):
                c.append(m)
                break
        else:
            classes.append([m])
    return classes


def _draft(ctx: CheckContext, a: Mention, b: Mention, ok: bool) -> Draft:
    first, second = (a, b) if a.start <= b.start else (b, a)
    return Draft(
        verdict="consistent" if ok else "inconsistent",
        claims=[first, second],
        evidence=[(first.start, first.end, "figure"),
                  (second.start, second.end, "repeated figure" if ok else "conflicting figure")],
        variables={
            "claim": ctx.surface(first),
            "what": described(ctx, first),
            "first": ctx.surface(first),
            "second": ctx.surface(second),
            "first_where": _where(ctx, first),
            "second_where": _where(ctx, second),
        },
        expected=first.value.get("value"),
        observed=second.value.get("value"),
    )


def _where(ctx: CheckContext, m: Mention) -> str:
    f = frames(ctx)(m)
    if f.headline:
        return "headline"
    s = ctx.doc.sentences[m.sentence]
    return f"paragraph {s.paragraph + 1}"


def _restatements(ctx: CheckContext, fr, figures: list[Mention], p: Params, judged: set):
    """Body figures that restate another by a cue of the text (claims/link/restatements.py):
    a figure that points back, the same phrase, one owner's measured noun, a restated
    sentence."""
    groups: dict[tuple, list[Mention]] = {}
    for m in figures:
        f = fr(m)
        if not f.headline:
            groups.setdefault(_sort_of(m, f), []).append(m)
    groups = {k: g for k, g in groups.items() if len(g) > 1}
    if not groups:
        return
    finder = Restatements(ctx.doc, fr, _periods(ctx), ctx.lexicons)
    for r in finder.find(groups, _agree):
        if (id(r.first), id(r.second)) in judged or (r.cue != "restated sentence" and _small(r, p)):
            continue
        judged.add((id(r.first), id(r.second)))
        yield _draft(ctx, r.first, r.second, ok=_agree(r.first, r.second))


def _periods(ctx: CheckContext) -> Periods:
    """The reporting period in force at each sentence, made once per article."""
    periods = ctx.cache.get("reporting periods")
    if periods is None:
        periods = ctx.cache["reporting periods"] = Periods(ctx.doc, ctx.lexicons)
    return periods


def _small(r, p: Params) -> bool:
    """Two small counts are compared only in a restated sentence: "two men" twice may be two
    pairs of men, and "the eight cases" may point back to a list, not to a count."""
    return all(m.kind == "count" and float(m.value["value"]) < p.min_count
               for m in (r.first, r.second))


def _sort_of(m: Mention, f: Frame) -> tuple:
    """Figures that may be one measure: one kind and unit, one counted noun, a rate ("a
    share") or not."""
    rate = bool(f.head and f.head.startswith("per "))
    return (m.kind, f.unit, f.head if m.kind == "count" else None, rate)


def _agree(a: Mention, b: Mention) -> bool:
    return span_of_value(a.value, a.kind).overlaps(span_of_value(b.value, b.kind))
