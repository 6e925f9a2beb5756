"""TIMEX3 accuracy: `claims eval --task timex`.

Our `date` and `duration` claims are scored against the TIMEX3 gold of TimeML corpora
(TimeBank, AQUAINT: `timex` with a TIMEX3 `value`) and against GUM's `<date>`/`<time>`
annotations (`dates`, normalized as `when`, `from`/`to`, `notBefore`/`notAfter`), the way
TempEval-3 scored taggers, on character spans:

* strict span F1: the same start and end;
* relaxed span F1: overlapping spans, matched one to one;
* value F1: a relaxed match whose normalized values agree, over all claims (precision) and
  all gold expressions (recall).

Conventions (README, "Accuracy"):

* The gold's document creation time (`dct`) is not in the text and is not scored.
* Every TIMEX3 type counts: DATE, TIME, DURATION and SET map onto our kinds `date` and
  `duration` (a SET is a duration with `set: true`). The kind itself is not compared, so
  "last year" annotated as a DURATION still matches our date.
* Values are compared as written, upper-cased: `mod` (START, MID, END, APPROX ...) is a
  separate attribute in both the gold and our value and is not part of the value, as in
  TempEval-3. A gold value that is empty matches nothing.
* The vague reference values PRESENT_REF, PAST_REF and FUTURE_REF ("now", "recently",
  "the future") are scored like any other value; a second row leaves them out of both
  sides, for readers who do not count "now" as a checkable date.
* Much of the TimeBank gold leaves what the annotator did not resolve as X: "last week" is
  1989-WXX, "a year earlier" 1988-QX, a year 1949-XX, an hour T17. The value F1 row
  compares strings; a second row ("underspecified gold") counts a value the gold allows
  (1989-W43 for 1989-WXX, 1949 for 1949-XX, T17:00 for T17). The target is judged on the
  first.
* Conventions of the TimeML gold the product does not follow, left visible as errors in
  the value row (README, "Accuracy"): a weekday with its part of the day ("Friday night")
  is `...TNI`, where the gold often drops the part; a fiscal year named by its end ("the
  year ended March 31") is a year, not `P1Y`; "now" is PRESENT_REF wherever it is a time
  (the gold marks it in some articles only); a decade is `199`, not `199X`; an earnings
  report's "a year ago" is the reported quarter a year back, where the gold varies
  between that quarter, the year and the day.
* GUM marks dates and times, not durations, frequencies or "now": its rows score our
  `date` claims that have a calendar value (a last row shows every claim, for the record).
  Its values are intervals: a TIMEX value is turned into the days it covers ("2017-07" is
  July 1-31, "2017-W28" is Monday to Sunday) and must cover the same days as `when` or
  `from`/`to`; a time of day must agree to the minute (only the time, when the gold gives
  no day). Gold that gives only bounds (`notBefore`/`notAfter`: "the past 30 days",
  "twelve years") has no single value: it counts for the span scores and is left out of
  value F1, with the claim matched to it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from claims.evaluation.corpus import Doc
from claims.evaluation.scoring import PRF, Score, context, match_spans, task
from claims.model.article import Article

KINDS = ("date", "duration")
REF_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
TARGET_VALUE = 0.85
TARGET_RELAXED = 0.93


@dataclass(frozen=True, slots=True)
class Item:
    """One temporal expression, gold or found: its span, value and type or kind."""

    start: int
    end: int
    text: str
    value: object  # a TIMEX3 string, or for GUM gold an interval (or None: not scorable)
    type: str


@dataclass
class Result:
    strict: PRF
    relaxed: PRF
    value: PRF
    pairs: list[tuple[Item, Item]]
    missed: list[Item]
    spurious: list[Item]
    errors: list[dict] = field(default_factory=list)  # the value errors, located (--errors)


def found_items(engine, doc: Doc) -> list[Item]:
    report = engine.check(Article(text=doc.text, published=doc.published))
    return [
        Item(c.span.start, c.span.end, c.text, c.value.timex, c.kind)
        for c in report.claims if c.kind in KINDS
    ]


class Found:
    """Each document checked once, whatever the number of rows scored on it."""

    def __init__(self, engine):
        self.engine = engine
        self._cache: dict[str, list[Item]] = {}

    def __call__(self, doc: Doc) -> list[Item]:
        if doc.id not in self._cache:
            self._cache[doc.id] = found_items(self.engine, doc)
        return self._cache[doc.id]


def calendar_dates(items: list[Item]) -> list[Item]:
    """Date claims with a calendar value: what GUM marks."""
    return [f for f in items if f.type == "date" and f.value not in REF_VALUES]


def timeml_gold(doc: Doc) -> list[Item]:
    return [Item(t["start"], t["end"], t["text"], t.get("value") or None, t["type"])
            for t in doc.gold.get("timex", ())]


def gum_gold(doc: Doc) -> list[Item]:
    out = []
    for d in doc.gold.get("dates", ()):
        if d.get("when"):
            value = _gum_interval(d["when"])
        elif d.get("from") and d.get("to"):
            value = (_gum_interval(d["from"])[0], _gum_interval(d["to"])[1])
        else:
            value = None
        out.append(Item(d["start"], d["end"], d["text"], value, d["tag"]))
    return out


def compare(gold: list[Item], found: list[Item], same, scorable=lambda g: True) -> Result:
    """Strict, relaxed and value counts for one document. `same(gold, found)` says whether
    two values agree; gold that is not `scorable` is left out of the value counts."""
    spans_g = [(g.start, g.end) for g in gold]
    spans_f = [(f.start, f.end) for f in found]
    strict, _ = match_spans(spans_g, spans_f, strict=True)
    relaxed, pairs = match_spans(spans_g, spans_f, strict=False)
    value = PRF()
    matched_f = set()
    for gi, fi in pairs:
        matched_f.add(fi)
        if not scorable(gold[gi]):
            continue
        if same(gold[gi].value, found[fi].value):
            value.tp += 1
        else:
            value.fp += 1
            value.fn += 1
    matched_g = {gi for gi, _ in pairs}
    value.fn += sum(1 for i, g in enumerate(gold) if i not in matched_g and scorable(g))
    value.fp += sum(1 for i in range(len(found)) if i not in matched_f)
    return Result(
        strict, relaxed, value, [(gold[gi], found[fi]) for gi, fi in pairs],
        [g for i, g in enumerate(gold) if i not in matched_g],
        [f for i, f in enumerate(found) if i not in matched_f],
    )


def same_timex(gold, found) -> bool:
    return gold is not None and found is not None and gold.upper() == found.upper()


_X_PADDING = re.compile(r"(?:-XX)+$")


def _canonical(value: str) -> str:
    v = value.upper()
    v = re.sub(r"-W(\d)(?=$|-)", r"-W0\1", v)          # 2000-W2 -> 2000-W02
    v = re.sub(r"T(\d\d)$", r"T\1:00", v)              # T17 -> T17:00
    if re.fullmatch(r"\d{4}(?:-XX)+", v):               # 1949-XX -> 1949
        v = _X_PADDING.sub("", v)
    v = re.sub(r"^(\d{3})X$", r"\1", v)                  # 199X -> 199 (a decade)
    v = re.sub(r"^(\d{2})XX$", r"\1", v)                 # 19XX -> 19 (a century)
    return v


def same_timex_allowed(gold, found) -> bool:
    """The gold value, where it leaves parts as X, allows the found one."""
    if gold is None or found is None:
        return False
    g, f = _canonical(gold), _canonical(found)
    if g == f:
        return True
    return "X" in g and "REF" not in g and re.fullmatch(
        "".join("[0-9A-Z]" if ch == "X" else re.escape(ch) for ch in g), f) is not None


def same_interval(gold, found) -> bool:
    if gold is None or found is None:
        return False
    got = timex_interval(found)
    if got is not None and gold[0].startswith("T"):  # the gold gives the time alone
        got = tuple(g[g.index("T"):] if "T" in g else g for g in got)
    return gold == got


def run_timeml(found: Found, docs: list[Doc], drop_refs: bool = False, same=same_timex) -> Result:
    total = Result(PRF(), PRF(), PRF(), [], [], [])
    for doc in docs:
        gold, items = timeml_gold(doc), found(doc)
        if drop_refs:
            gold = [g for g in gold if g.value not in REF_VALUES]
            items = [f for f in items if f.value not in REF_VALUES]
        r = compare(gold, items, same)
        r.errors = value_errors(doc, r, same, timeml_error)
        _add(total, r)
    return total


def run_gum(found: Found, docs: list[Doc], every_claim: bool = False) -> Result:
    total = Result(PRF(), PRF(), PRF(), [], [], [])
    for doc in docs:
        items = found(doc) if every_claim else calendar_dates(found(doc))
        r = compare(gum_gold(doc), items, same_interval, scorable=lambda g: g.value is not None)
        r.errors = value_errors(doc, r, same_interval, gum_error,
                                scorable=lambda g: g.value is not None)
        _add(total, r)
    return total


def value_errors(doc: Doc, r: Result, same, category, scorable=lambda g: True) -> list[dict]:
    """Every gold or found item the value F1 counts against, located and sorted into a
    category: a wrong value is one false positive and one false negative, a missed gold
    item a false negative, an unmatched claim a false positive."""
    out = []
    for g, f in r.pairs:
        if scorable(g) and not same(g.value, f.value):
            out.append(_error(doc, category(g, f), g, f))
    out += [_error(doc, category(g, None), g, None) for g in r.missed if scorable(g)]
    out += [_error(doc, category(None, f), None, f) for f in r.spurious]
    return out


def _error(doc: Doc, category: str, g: Item | None, f: Item | None) -> dict:
    start = min(x.start for x in (g, f) if x is not None)
    end = max(x.end for x in (g, f) if x is not None)
    return {"category": category, "doc": doc.id, "start": start, "end": end,
            "gold": None if g is None else _shown(g.value), "gold_text": None if g is None else g.text,
            "found": None if f is None else _shown(f.value), "found_text": None if f is None else f.text,
            "context": context(doc.text, start, end)}


def _shown(value) -> object:
    return list(value) if isinstance(value, tuple) else value


_PART_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI)$")


def timeml_error(g: Item | None, f: Item | None) -> str:
    """The kind of a TIMEX3 value error, in the terms of the README's accuracy notes."""
    if f is None:
        return "missed REF" if g.value in REF_VALUES else "missed"
    if g is None:
        return "spurious REF" if f.value in REF_VALUES else "spurious"
    gold, found = (g.value or "").upper(), (f.value or "").upper()
    if gold in REF_VALUES or found in REF_VALUES:
        return "wrong value: REF"
    if same_timex_allowed(gold, found):
        return "wrong value: the gold leaves X"
    if _PART_OF_DAY.sub("", found) == gold:
        return "wrong value: part of day kept"
    if gold.startswith("P") != found.startswith("P"):
        return "wrong value: a date for a duration or back"
    if re.sub(r"\d", "9", gold) == re.sub(r"\d", "9", found):
        return "wrong value: same granularity"
    return "wrong value: another granularity"


def gum_error(g: Item | None, f: Item | None) -> str:
    if f is None:
        return "missed"
    if g is None:
        return "spurious"
    return "wrong days"


def _add(total: Result, r: Result) -> None:
    total.strict += r.strict
    total.relaxed += r.relaxed
    total.value += r.value
    total.pairs += r.pairs
    total.missed += r.missed
    total.spurious += r.spurious
    total.errors += r.errors


@task("timex", "TIMEX3 dates, times, durations and sets (TimeBank, AQUAINT, GUM)")
def score_timex(engine, corpus) -> list[Score]:
    scores: list[Score] = []
    found = Found(engine)
    timeml = [s for s in corpus.sources
              if any("timex" in d.gold and "dct" in d.gold for d in corpus.source(s))]
    per_source = {s: run_timeml(found, corpus.source(s)) for s in timeml}
    rows = list(per_source.items())
    if len(timeml) > 1:
        combined = Result(PRF(), PRF(), PRF(), [], [], [])
        for r in per_source.values():
            _add(combined, r)
        rows.append(("+".join(timeml), combined))
    main = "+".join(timeml)
    for name, r in rows:
        big = name == main
        scores.append(Score("timex", "TIMEX3 strict span F1", name, r.strict))
        scores.append(Score("timex", "TIMEX3 relaxed span F1", name, r.relaxed,
                            target=TARGET_RELAXED if big else None))
        scores.append(Score("timex", "TIMEX3 value F1", name, r.value,
                            target=TARGET_VALUE if big else None,
                            errors=r.errors if big else []))
    if timeml:
        docs = [d for s in timeml for d in corpus.source(s)]
        r = run_timeml(found, docs, drop_refs=True)
        note = "PRESENT_REF/PAST_REF/FUTURE_REF left out of gold and claims"
        scores.append(Score("timex", "TIMEX3 relaxed span F1, no REF", main, r.relaxed, note=note))
        scores.append(Score("timex", "TIMEX3 value F1, no REF", main, r.value, note=note))
        r = run_timeml(found, docs, same=same_timex_allowed)
        scores.append(Score("timex", "TIMEX3 value F1, underspecified gold", main, r.value,
                            note="a value the gold's X parts allow counts (1989-W43 for 1989-WXX)"))
    gum = [s for s in corpus.sources if any("dates" in d.gold for d in corpus.source(s))]
    for name in gum:
        r = run_gum(found, corpus.source(name))
        note = "date claims with a calendar value"
        scores.append(Score("timex", "dates strict span F1", name, r.strict, note=note))
        scores.append(Score("timex", "dates relaxed span F1", name, r.relaxed, note=note))
        scores.append(Score("timex", "dates value F1", name, r.value,
                            note="values as day intervals; bounds-only gold left out",
                            errors=r.errors))
        r = run_gum(found, corpus.source(name), every_claim=True)
        scores.append(Score("timex", "dates relaxed span F1, every claim", name, r.relaxed,
                            note="durations, sets and REF dates too (GUM marks none)"))
    return scores


# ---------------------------------------------------------------------------------------
# TIMEX3 values as intervals of days (for GUM, whose gold is ISO dates and intervals)

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")


def _gum_interval(iso: str) -> tuple[str, str]:
    """GUM's `when`/`from`/`to`: "2017", "2017-07", "2017-07-21", "2017-07-21T22:30:00",
    or a time alone ("15:11:00")."""
    if "T" in iso or re.fullmatch(r"\d\d:\d\d(:\d\d)?", iso):
        t = iso[:16] if "T" in iso else "T" + iso[:5]
        return (t, t)
    return _days(iso) or (iso, iso)


def _days(iso: str) -> tuple[str, str] | None:
    m = _DATE.match(iso)
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if d:
        return (iso, iso)
    if mo:
        last = calendar.monthrange(y, int(mo))[1]
        return (f"{y:04d}-{mo}-01", f"{y:04d}-{mo}-{last:02d}")
    return (f"{y:04d}-01-01", f"{y:04d}-12-31")


def timex_interval(value: str) -> tuple[str, str] | None:
    """The first and last day a TIMEX3 date value covers; a time keeps its minute.

    >>> timex_interval("2017-W28")
    ('2017-07-10', '2017-07-16')
    """
    v = value.upper()
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d)?", v)
    if m:
        t = f"{m.group(1)}T{m.group(2)}"
        return (t, t)
    if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", v):
        return _days(v)
    if m := re.fullmatch(r"(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)", v):
        return (m.group(1), m.group(1))
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", v):
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        first = monday + dt.timedelta(days=5) if m.group(3) else monday
        return (first.isoformat(), (monday + dt.timedelta(days=6)).isoformat())
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        y, q = int(m.group(1)), int(m.group(2))
        last = calendar.monthrange(y, 3 * q)[1]
        return (f"{y:04d}-{3 * q - 2:02d}-01", f"{y:04d}-{3 * q:02d}-{last:02d}")
    if m := re.fullmatch(r"(\d{4})-H([12])", v):
        y, h = int(m.group(1)), int(m.group(2))
        return (f"{y:04d}-{6 * h - 5:02d}-01", f"{y:04d}-{6 * h:02d}-{30 + (h == 2):02d}")
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
        y = int(m.group(1))
        a, b = _SEASONS[m.group(2)]
        y2 = y + 1 if b < a else y
        return (f"{y:04d}-{a:02d}-01", f"{y2:04d}-{b:02d}-{calendar.monthrange(y2, b)[1]:02d}")
    if re.fullmatch(r"\d{3}", v):  # a decade: 196 -> the 1960s
        return (f"{v}0-01-01", f"{v}9-12-31")
    if re.fullmatch(r"\d{2}", v):  # a century: 19 -> 1900-1999
        return (f"{v}00-01-01", f"{v}99-12-31")
    return None
